"""Chapter 02 (backcare.assessment): red flags never multiplied, STarT Back and test-accuracy widgets show exactly what
backcare.clinical computes, explorers switch, exact values typed from the fact sheet (§4a, §4c, §5a-§5e, §15)."""
from __future__ import annotations

import itertools
import re

import pytest

from backcare import assessment as a
from backcare import clinical
from backcare.content import load_content


# ------------------------------------------------------------------------------------------------ red flags
DOWNIE = {  # Downie 2013: post-test probability (95% CI), typed from the abstract
    "older_age": (9, 3, 25), "corticosteroids": (33, 10, 67), "severe_trauma": (11, 8, 16),
    "contusion": (62, 49, 74), "history_of_cancer": (33, 22, 46),
}


@pytest.mark.parametrize("flag, expected", DOWNIE.items())
def test_single_flag_post_test_probabilities(flag, expected):
    (finding,) = a.red_flag_report([flag]).findings
    p = finding.post_test
    assert (p.value, p.low, p.high, p.source) == (*expected, "Downie 2013")


def test_multiple_fracture_flags_show_the_reported_combination_only():
    report = a.red_flag_report(["older_age", "corticosteroids"])
    (combo,) = report.combined
    assert (combo.value, combo.low, combo.high) == (90, 34, 99)
    assert a.red_flag_report(["older_age"]).combined == ()
    assert a.red_flag_report(["older_age", "history_of_cancer"]).combined == ()


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
    checker = a.red_flag_checker(ticked=())
    flags = a.red_flag_ids()
    for r in range(1, 4):
        for combo in itertools.combinations(flags, r):
            for fid, box in checker.boxes.items():
                box.value = fid in combo
            shown = checker.output.value
            assert shown == a.red_flag_report(combo).to_html()
            assert _percentages(shown) <= allowed, (combo, _percentages(shown) - allowed)


def test_checker_opens_on_synthetic_case_and_updates():
    checker = a.red_flag_checker()
    assert checker.ticked() == ["older_age", "corticosteroids"]
    assert "9% (95% CI 3 to 25%" in checker.output.value and "never multiplied" in checker.output.value
    checker.boxes["saddle_numbness"].value = True
    assert "Same-day emergency" in checker.output.value
    assert "SAME-DAY EMERGENCY" in checker._repr_mimebundle_()["text/plain"]


@pytest.mark.parametrize("flag", ["bladder_bowel", "saddle_numbness", "leg_weakness", "fever"])
def test_emergency_features(flag):
    assert a.red_flag_report([flag]).emergency is True


def test_no_flag_and_unknown_flag():
    assert a.red_flag_report([]).to_text() == "No red flag ticked."
    with pytest.raises(ValueError, match="unknown red flag 'back_pain'; allowed: older_age, "):
        a.red_flag_report(["back_pain"])
    with pytest.raises(ValueError, match="unknown red flag"):
        a.red_flag_checker(ticked=["nope"])


def test_red_flag_paradox_counts_and_alt():
    assert a.red_flag_paradox_counts() == (804, 9)
    alt = a.show_red_flag_paradox().alt
    assert "804" in alt and "80.4%" in alt and "only 9" in alt and "0.9%" in alt
    with pytest.raises(ValueError, match="population must be a whole number of people, 100 or more"):
        a.red_flag_paradox_counts(10)


def test_red_flag_table_lists_every_flag():
    text = a.red_flag_table().text
    assert text.count("\n") == len(a.red_flag_ids())
    assert "62% (95% CI 49 to 74%; Downie 2013)" in text


# ------------------------------------------------------------------------------------------------ STarT Back
def test_start_back_calculator_shows_clinical_result_for_every_answer_pattern():
    calc = a.start_back_calculator()
    for bits in itertools.product([False, True], repeat=9):
        answers = dict(zip(range(1, 10), bits))
        with calc.hold_sync():
            for n, box in calc.boxes.items():
                box.value = answers[n]
        expected = clinical.start_back(answers)
        shown = calc.output.value
        risk = re.search(r'<span class="bc-risk">(\w+)</span>', shown).group(1)
        assert risk == expected.risk
        assert f"Total score:</strong> {expected.total} of 9" in shown
        assert f"(items 5 to 9): {expected.psychosocial} of 5" in shown


def test_start_back_opens_on_synthetic_medium_case():
    calc = a.start_back_calculator()
    assert calc.answers() == a.SYNTHETIC_START_BACK
    assert clinical.start_back(calc.answers()).risk == "medium"
    text = calc._repr_mimebundle_()["text/plain"]
    assert "Total score 4 of 9; psychosocial subscale 1 of 5; risk group: medium" in text
    assert "62%" in text  # Suri 2018, medium risk
    assert "Teaching paraphrase" in calc.children[0].value and "keele.ac.uk/startback" in calc.children[0].value


def test_start_back_bad_answers_message():
    with pytest.raises(ValueError, match="items 3, 4, 5, 6, 7, 8 and 9 are missing"):
        a.start_back_calculator({1: True, 2: True})


def test_start_back_explorer_three_groups():
    ex = a.start_back_explorer()
    assert ex.labels == ["Low risk", "Medium risk", "High risk"]
    for i, (risk, pct) in enumerate([("low", 22), ("medium", 62), ("high", 80)]):
        ex.control.index = i
        assert f'<span class="bc-risk">{risk}</span>' in ex.visible_html()
        assert f"{pct}% of people in this group" in ex.visible_html()
    with pytest.raises(ValueError, match="risk must be one of low, medium, high, not 'severe'"):
        a.start_back_explorer("severe")


# ------------------------------------------------------------------------------------------------ nerve roots
def test_nerve_root_table_and_explorer():
    text = a.nerve_root_table().text
    assert "L4 | L3-L4 | Knee extension (quadriceps) | Knee (patellar) reflex reduced" in text
    assert "L5 | L4-L5 |" in text and "No reliable reflex" in text
    assert "S1 | L5-S1 |" in text and "Ankle (Achilles) reflex reduced" in text
    ex = a.nerve_root_explorer("L4")
    ex.control.index = 2
    assert "S1 root" in ex.visible_html() and "tiptoe" in ex.visible_html()
    with pytest.raises(ValueError, match="root must be one of L4, L5, S1, not 'L3'"):
        a.nerve_root_explorer("L3")


# ------------------------------------------------------------------------------------------------ test accuracy
def test_exam_tests_from_van_der_windt():
    assert a.exam_test("slr") == ("Straight leg raise", 0.92, 0.28)
    assert a.exam_test("crossed_slr") == ("Crossed straight leg raise", 0.28, 0.90)
    with pytest.raises(ValueError, match="test must be one of slr, crossed_slr, not 'lasegue'"):
        a.exam_test("lasegue")


@pytest.mark.parametrize("typed, pre", [("30%", 0.30), ("0.05", 0.05), ("1 %", 0.01), ("99%", 0.99), ("0", 0.0)])
@pytest.mark.parametrize("test", ["slr", "crossed_slr"])
@pytest.mark.parametrize("positive", [True, False])
def test_calculator_shows_post_test_probability(typed, pre, test, positive):
    calc = a.accuracy_calculator(test=test)
    calc.result.value = positive
    calc.pre_test.value = typed
    _name, sens, spec = a.exam_test(test)
    expected = clinical.post_test_probability(pre, sens, spec, positive=positive)
    shown = re.search(r'<span class="bc-post-test">([^<]+)</span>', calc.output.value).group(1)
    assert shown == f"{expected:.1%}"
    assert clinical.natural_frequencies(pre, sens, spec).sentence().split(".")[0] in calc.output.value


def test_calculator_own_test_and_bad_input():
    calc = a.accuracy_calculator()
    assert calc.sensitivity.disabled and calc.sensitivity.value == "0.92"
    calc.test.value = "own"
    assert not calc.sensitivity.disabled
    calc.sensitivity.value, calc.specificity.value, calc.pre_test.value = "0.8", "95%", "0.1"
    expected = clinical.post_test_probability(0.1, 0.8, 0.95)
    assert f'<span class="bc-post-test">{expected:.1%}</span>' in calc.output.value
    calc.pre_test.value = "30"
    assert "did you mean 30%?" in calc.output.value and 'role="alert"' in calc.output.value
    calc.pre_test.value = "0,3"
    assert "uses a comma" in calc.output.value
    calc.pre_test.value = ""
    assert "Nothing was entered" in calc.output.value
    calc.pre_test.value, calc.specificity.value, calc.sensitivity.value = "0", "1", "0.5"
    assert "undefined (0/0)" in calc.output.value


def test_accuracy_report_exact_worked_case():
    r = a.accuracy_report("30%", 0.92, 0.28, test_name="the straight leg raise")
    assert r.text.splitlines()[0] == "After a positive result on the straight leg raise: 35.4% (pre-test 30.0%)."


def test_accuracy_explorer_switches():
    ex = a.accuracy_explorer()
    assert "pre-test probability 10%" in ex.visible_html() and "Straight leg raise" in ex.visible_html()
    ex.outer.index = 1
    ex.inner.index = 2
    shown = ex.visible_html()
    assert "Crossed straight leg raise" in shown and "pre-test probability 60%" in shown
    expected = clinical.post_test_probability(0.6, 0.28, 0.90)
    assert f"{expected:.1%}" in shown


# ------------------------------------------------------------------------------------------------ imaging
def test_imaging_values_at_edges_and_modelled_cells():
    assert a.imaging_prevalence(20)[0] == ("Disc degeneration", 37, "✔", False)
    assert a.imaging_prevalence(80)[0] == ("Disc degeneration", 96, "✔", False)
    facet20 = [r for r in a.imaging_prevalence(20) if r[0] == "Facet degeneration"][0]
    spondy30 = [r for r in a.imaging_prevalence(30) if r[0] == "Spondylolisthesis"][0]
    assert facet20 == ("Facet degeneration", 4, "✔", True) and spondy30 == ("Spondylolisthesis", 5, "✔", True)
    assert not any(m for *_x, m in a.imaging_prevalence(40))


def test_imaging_agrees_with_facts():
    facts = load_content().facts
    by = {name: dict(zip(a.chapter_data().imaging.ages, f.values))
          for name, f in ((f.name, f) for f in a.chapter_data().imaging.findings)}
    assert by["Disc degeneration"][20] == facts["brinjikji_disc_degeneration_age_20"].value
    assert by["Disc degeneration"][80] == facts["brinjikji_disc_degeneration_age_80"].value
    assert by["Disc bulge"][20] == facts["brinjikji_disc_bulge_age_20"].value
    assert by["Disc bulge"][80] == facts["brinjikji_disc_bulge_age_80"].value
    assert by["Disc signal loss"][60] == facts["brinjikji_signal_loss_age_60"].value
    assert by["Spondylolisthesis"] == {20: 3, 30: 5, 40: 8, 50: 14, 60: 23, 70: 35, 80: 50}


def test_imaging_explorer_switches_and_uses_natural_frequencies():
    ex = a.imaging_explorer(age=50)
    assert "Out of 100 people aged 50 without back pain, about 80 have disc degeneration" in ex.visible_html()
    ex.control.index = 0
    shown = ex.visible_html()
    assert "aged 20" in shown and "about 4 have facet degeneration (modelled" in shown
    with pytest.raises(ValueError, match="age must be one of 20, 30, 40, 50, 60, 70, 80"):
        a.imaging_explorer(age=45)


def test_imaging_figure_alt_text_has_numbers():
    alt = a.show_imaging_findings().alt
    assert "Disc degeneration 37 at age 20 to 96 at 80" in alt
    assert "Facet degeneration 4 at age 20 to 83 at 80 (ages 20, 30 modelled" in alt


# ------------------------------------------------------------------------------------------------ outcomes
def test_outcome_measures_exact():
    text = a.outcome_measures_table().text
    for row in ("Numeric pain rating scale (NRS) | 0 to 10 | 2 points (or a 30% fall from the starting score)",
                "Visual analogue scale (VAS) for pain | 0 to 100 | 15 points",
                "Roland-Morris Disability Questionnaire (RMDQ) | 0 to 24 | 5 points",
                "Oswestry Disability Index (ODI) | 0 to 100 | 10 points",
                "Quebec Back Pain Disability Scale | 0 to 100 | 20 points"):
        assert row in text
    assert "pain 0 on the 0-10 scale and an RMDQ score of 2 or less" in text


def test_chapter_model_rejects_unsourced_flag():
    with pytest.raises(ValueError, match="needs a post_test or at least one reference"):
        a.RedFlag(id="x", finding="Something", condition="fracture")


# ------------------------------------------------------------------------------------------------ schemas
@pytest.mark.parametrize("module, model", [("understanding", "UnderstandingFile"), ("assessment", "AssessmentFile")])
def test_chapter_dataset_schema_is_current(module, model):
    """content/chapters/schema/<stem>.json is generated from the model: regenerate and compare."""
    import importlib

    from backcare._chapterkit import chapter_path
    from backcare.content.schema import render_schema

    mod = importlib.import_module(f"backcare.{module}")
    path = chapter_path(mod.STEM)
    schema = path.parent / "schema" / f"{mod.STEM}.json"
    expected = render_schema(getattr(mod, model), f"backcare chapter dataset: {mod.STEM}.yaml")
    assert schema.read_text(encoding="utf-8") == expected, (
        f"{schema} is stale: run backcare.content.schema.export_schema for {model}")
    assert path.read_text(encoding="utf-8").startswith(f"# yaml-language-server: $schema=schema/{mod.STEM}.json")
