"""lessons.red_flags: the checker never shows a multiplied probability and shows exactly the report's view;
the paradox chart and the table of every flag."""
from __future__ import annotations

import itertools
import re

import pytest

from backcare.lessons.red_flags import red_flag_checker, red_flag_table, show_red_flag_paradox
from backcare.logic.red_flags import red_flag_ids, red_flag_report
from backcare.logic.triage import red_flag_paradox_counts
from backcare.views.red_flags import red_flag_report_html


DOWNIE = {  # Downie 2013: post-test probability (95% CI), typed from the abstract
    "older_age": (9, 3, 25), "corticosteroids": (33, 10, 67), "severe_trauma": (11, 8, 16),
    "contusion": (62, 49, 74), "history_of_cancer": (33, 22, 46),
}


def _percentages(html: str) -> set[float]:
    text = re.sub(r"<[^>]+>", " ", html).replace("95% CI", "CI")
    found = set()
    for m in re.finditer(r"(\d+(?:\.\d+)?)\s*(?:to\s*(\d+(?:\.\d+)?)\s*)?%", text):
        found.add(float(m.group(1)))
        if m.group(2):
            found.add(float(m.group(2)))
    return found


def test_checker_never_shows_a_multiplied_probability():
    allowed = {float(x) for triple in DOWNIE.values() for x in triple} | {90.0, 34.0, 99.0}
    checker = red_flag_checker(ticked=())
    flags = red_flag_ids()
    for r in range(1, 4):
        for combo in itertools.combinations(flags, r):
            for fid, box in checker.boxes.items():
                box.value = fid in combo
            shown = checker.output.value
            assert shown == red_flag_report_html(red_flag_report(combo))
            assert _percentages(shown) <= allowed, (combo, _percentages(shown) - allowed)


def test_checker_opens_on_synthetic_case_and_updates():
    checker = red_flag_checker()
    assert checker.ticked() == ["older_age", "corticosteroids"]
    assert "9% (95% CI 3 to 25%" in checker.output.value and "never multiplied" in checker.output.value
    checker.boxes["saddle_numbness"].value = True
    assert "Same-day emergency" in checker.output.value
    assert "SAME-DAY EMERGENCY" in checker._repr_mimebundle_()["text/plain"]


def test_no_flag_and_unknown_flag():
    assert red_flag_report([]).to_text() == "No red flag ticked."
    with pytest.raises(ValueError, match="'back_pain' is not a valid red flag; supported values are older_age, "):
        red_flag_report(["back_pain"])
    with pytest.raises(ValueError, match="is not a valid red flag"):
        red_flag_checker(ticked=["nope"])


def test_red_flag_paradox_counts_and_alt():
    assert red_flag_paradox_counts() == (804, 9)
    alt = show_red_flag_paradox().alt
    assert "804" in alt and "80.4%" in alt and "only 9" in alt and "0.9%" in alt
    with pytest.raises(ValueError, match="population must be a whole number of people, 100 or more"):
        red_flag_paradox_counts(10)


def test_red_flag_table_lists_every_flag():
    text = red_flag_table().text
    assert text.count("\n") == len(red_flag_ids())
    assert "62% (95% CI 49 to 74%; Downie 2013)" in text
