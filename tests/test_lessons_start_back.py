"""lessons.start_back: the calculator shows exactly what logic.start_back computes for all 512 answer sets;
the explorer of the three risk groups."""
from __future__ import annotations

import itertools
import re

import pytest

from backcare.lessons.start_back import SYNTHETIC_START_BACK, start_back_calculator, start_back_explorer
from backcare.logic.start_back import start_back


def test_start_back_calculator_shows_clinical_result_for_every_answer_pattern():
    calc = start_back_calculator()
    for bits in itertools.product([False, True], repeat=9):
        answers = dict(zip(range(1, 10), bits))
        with calc.hold_sync():
            for n, box in calc.boxes.items():
                box.value = answers[n]
        expected = start_back(answers)
        shown = calc.output.value
        risk = re.search(r'<span class="bc-risk">(\w+)</span>', shown).group(1)
        assert risk == expected.risk
        assert f"Total score:</strong> {expected.total} of 9" in shown
        assert f"(items 5 to 9): {expected.psychosocial} of 5" in shown


def test_start_back_opens_on_synthetic_medium_case():
    calc = start_back_calculator()
    assert calc.answers() == SYNTHETIC_START_BACK
    assert start_back(calc.answers()).risk == "medium"
    text = calc._repr_mimebundle_()["text/plain"]
    assert "Total score 4 of 9; psychosocial subscale 1 of 5; risk group: medium" in text
    assert "62%" in text  # Suri 2018, medium risk
    assert "Teaching paraphrase" in calc.children[0].value and "keele.ac.uk/startback" in calc.children[0].value


def test_start_back_bad_answers_message():
    with pytest.raises(ValueError, match="items 3, 4, 5, 6, 7, 8 and 9 are missing"):
        start_back_calculator({1: True, 2: True})


def test_start_back_explorer_three_groups():
    ex = start_back_explorer()
    assert ex.labels == ["Low risk", "Medium risk", "High risk"]
    for i, (risk, pct) in enumerate([("low", 22), ("medium", 62), ("high", 80)]):
        ex.control.index = i
        assert f'<span class="bc-risk">{risk}</span>' in ex.visible_html()
        assert f"{pct}% of people in this group" in ex.visible_html()
    with pytest.raises(ValueError, match="risk must be one of low, medium, high, not 'severe'"):
        start_back_explorer("severe")
