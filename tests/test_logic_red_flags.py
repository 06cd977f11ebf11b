"""logic.red_flags: single-flag figures as reported (Downie 2013), combinations only where reported, emergencies."""
from __future__ import annotations

import pytest

from backcare.logic.red_flags import red_flag_report


DOWNIE = {  # Downie 2013: post-test probability (95% CI), typed from the abstract
    "older_age": (9, 3, 25), "corticosteroids": (33, 10, 67), "severe_trauma": (11, 8, 16),
    "contusion": (62, 49, 74), "history_of_cancer": (33, 22, 46),
}


@pytest.mark.parametrize("flag, expected", DOWNIE.items())
def test_single_flag_post_test_probabilities(flag, expected):
    (finding,) = red_flag_report([flag]).findings
    p = finding.post_test
    assert (p.value, p.low, p.high, p.source) == (*expected, "Downie 2013")


def test_multiple_fracture_flags_show_the_reported_combination_only():
    report = red_flag_report(["older_age", "corticosteroids"])
    (combo,) = report.combined
    assert (combo.value, combo.low, combo.high) == (90, 34, 99)
    assert red_flag_report(["older_age"]).combined == ()
    assert red_flag_report(["older_age", "history_of_cancer"]).combined == ()


@pytest.mark.parametrize("flag", ["bladder_bowel", "saddle_numbness", "leg_weakness", "fever"])
def test_emergency_features(flag):
    assert red_flag_report([flag]).emergency is True
