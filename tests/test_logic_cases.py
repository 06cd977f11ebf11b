"""backcare.logic.cases: triage and stratification of the vignettes against backcare.logic.start_back and
backcare.logic.red_flags (expected results WRITTEN BY HAND from each vignette's answers and the fact sheet), plan
feedback, and bad input in the one message format."""
from __future__ import annotations

import pytest

from backcare.lessons import cases as lessons
from backcare.logic import cases as logic
from backcare.logic.start_back import StartBackResult, start_back
from backcare.logic.selection import select_options


# (vignette, triage group, urgency, STarT Back total, psychosocial subscale, risk), worked out by hand:
# tomasz answers F F F T | T F F F F -> total 2, subscale 1 -> low; no flags, no leg pain -> non-specific
# priya  T F T T | T T F F T -> total 6, subscale 3 -> medium; no flags, radicular leg pain -> sciatica
# emeka  T F T F | F F F F F -> total 2, subscale 0 -> low; older age alone (Downie 9%, below 1 in 10) -> claudication
# leila  T F T T | T T T F T -> total 7, subscale 4 -> high; saddle numbness + bladder -> emergency
# hannah F F T T | T T F F T -> total 5, subscale 3 -> medium; age + corticosteroids (combined 90%) -> prompt
# kwame  F T T T | T T T T T -> total 8, subscale 5 -> high; no flags, no leg pain -> non-specific
EXPECTED = [
    ("tomasz", "non_specific", "routine", 2, 1, "low"),
    ("priya", "radicular", "routine", 6, 3, "medium"),
    ("emeka", "claudication", "routine", 2, 0, "low"),
    ("leila", "serious_pathology", "emergency", 7, 4, "high"),
    ("hannah", "serious_pathology", "prompt", 5, 3, "medium"),
    ("kwame", "non_specific", "routine", 8, 5, "high"),
]


@pytest.mark.parametrize("vid, group, urgency, total, psych, risk", EXPECTED, ids=[e[0] for e in EXPECTED])
def test_triage_and_stratification_by_hand(vid, group, urgency, total, psych, risk):
    t = logic.triage(vid)
    assert (t.group, t.urgency) == (group, urgency)
    assert logic.stratify(vid) == StartBackResult(total=total, psychosocial=psych, risk=risk)
    # the score comes from backcare.logic.start_back, not re-implemented
    assert logic.stratify(vid) == start_back(logic.start_back_answers(vid))


def test_six_synthetic_and_diverse_vignettes():
    vs = logic.load_vignettes().vignettes
    assert len(vs) >= 6 and all(v.synthetic for v in vs)
    assert {v.sex for v in vs} == {"woman", "man"}
    assert min(v.age for v in vs) < 40 and max(v.age for v in vs) >= 70
    assert {v.condition for v in vs} == {"acute_nonspecific_lbp", "chronic_lbp", "sciatica", "stenosis"}
    assert "synthetic" in logic.load_vignettes().synthetic_note


def test_reasoning_strings():
    assert logic.triage("hannah").reason == (
        "Several flags point to one condition (a reported combination: 90%); prolonged use of corticosteroid "
        "medicines alone: 33%.")
    assert "alone: 9%" in logic.triage("emeka").reason


def test_triage_feedback_right_and_wrong():
    right, text = logic.triage_feedback("leila", "serious_pathology")
    assert right and "same-day emergency assessment" in text
    right, text = logic.triage_feedback("emeka", "serious_pathology")
    assert not right and text.startswith("You chose possible serious pathology. Not quite: the course's triage is "
                                         "neurogenic claudication")


def test_stratify_feedback_says_it_waits_for_serious_pathology():
    _, text = logic.stratify_feedback("leila", "high")
    assert "Total 7 of 9, psychosocial subscale (items 5 to 9) 4 of 5" in text
    assert "does not look for serious pathology" in text
    _, text = logic.stratify_feedback("tomasz", "low")
    assert "serious pathology" not in text


def test_each_case_has_a_range_of_plans():
    for v in logic.load_vignettes().vignettes:
        verdicts = [p.reasonable for p in v.plans]
        assert len(verdicts) == 4 and any(verdicts) and not all(verdicts), v.id


def test_reasonable_plans_use_no_option_nice_advises_against():
    for v in logic.load_vignettes().vignettes:
        against = {r.treatment for r in select_options(v.condition, "NICE") if r.status == "against"}
        for p in v.plans:
            if p.reasonable:
                assert not set(p.treatments) & against, (v.id, p.text)


def test_unreasonable_plans_by_hand():
    # fact sheet: NICE against gabapentinoids for sciatica; ESI against for neurogenic claudication;
    # NICE against opioids for chronic LBP
    assert logic.plan_feedback("priya", 2)[0] is False
    assert logic.plan_feedback("emeka", 2)[0] is False
    assert logic.plan_feedback("kwame", 3)[0] is False
    assert logic.plan_feedback("tomasz", 0)[0] is True


@pytest.mark.parametrize("call, message", [
    (lambda: logic.triage_feedback("tomasz", "urgent"),
     "^'urgent' is not a valid triage choice; supported values are serious_pathology, radicular, claudication, "
     "non_specific$"),
    (lambda: logic.stratify_feedback("tomasz", "very high"),
     "^'very high' is not a valid risk group; supported values are low, medium, high \\(similar: high\\)$"),
    (lambda: logic.plan_feedback("tomasz", 4), r"plan index must be 0, 1, 2 or 3 \(Plan A to D\), got 4"),
    (lambda: logic.vignette("bob"), "^'bob' is not a valid vignette; supported values are tomasz, priya"),
    (lambda: lessons.plan_exercise("tomasz", "Plan E"),
     "^'Plan E' is not a valid plan; supported values are Plan A, Plan B, Plan C, Plan D"),
])
def test_bad_input_names_the_problem(call, message):
    with pytest.raises(ValueError, match=message):
        call()
