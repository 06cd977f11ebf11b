"""Chapter 03a's "averages hide who responds": exact counts, edges, and both widgets driven by setting values."""
from __future__ import annotations

import pytest

import backcare as bc
from backcare.logic.responders import IMPORTANT_CHANGE, individual_changes


@pytest.mark.parametrize("difference, control, treated, worse", [
    (0.0, 40, 40, 23), (0.5, 40, 50, 16), (1.0, 40, 60, 11), (1.5, 40, 69, 7), (2.0, 40, 77, 4)])
def test_counts_behind_each_average_difference(difference, control, treated, worse):
    r = individual_changes(difference)
    assert (r.improved_control, r.improved_treated, r.worse_treated) == (control, treated, worse)
    assert r.extra_per_100 == treated - control


def test_the_groups_differ_on_average_by_exactly_the_difference():
    r = individual_changes(1.5, people=200)
    assert len(r.control) == len(r.treated) == 200
    mean = lambda xs: sum(xs) / len(xs)  # noqa: E731
    assert mean(r.control) - mean(r.treated) == pytest.approx(1.5, abs=0.01)
    assert IMPORTANT_CHANGE == 2.0


def test_no_randomness_and_monotone_in_the_difference():
    assert individual_changes(1.0) == individual_changes(1.0)
    counts = [individual_changes(d / 4).improved_treated for d in range(17)]
    assert counts == sorted(counts)


@pytest.mark.parametrize("kwargs, message", [
    ({"mean_difference": 4.5}, "mean_difference must be a number from 0 to 4"),
    ({"mean_difference": "1"}, "mean_difference must be a number"),
    ({"mean_difference": 1, "people": 10}, "people must be a whole number from 20 to 1000"),
])
def test_bad_values_say_what_is_allowed(kwargs, message):
    with pytest.raises(ValueError, match=message):
        individual_changes(**kwargs)


def test_predict_reveals_the_counts_after_a_choice():
    w = bc.predict_responders()
    assert w.visible_html() is None
    w.control.index = 1
    html = w.visible_html()
    assert "<strong>About 20 more in every 100.</strong> Yes." in html
    assert "With the treatment, 60 of 100 improved by 2 points or more; with usual care, 40 of 100: 20 more" in html
    assert 'alt="Two dot plots of 100 people each' in html
    w.control.index = 0
    assert "Tempting, but no." in w.visible_html()


def test_explorer_switches_to_the_chosen_difference():
    ex = bc.responders_explorer()
    assert ex.labels == ["0 points", "0.5 points", "1 point", "1.5 points", "2 points"]
    assert "60 of 100 improved" in ex.visible_html()
    ex.control.index = 4
    assert "77 of 100 improved" in ex.visible_html() and "4 of 100 treated people" in ex.visible_html()
    with pytest.raises(ValueError, match="mean_difference must be one of 0, 0.5, 1, 1.5, 2"):
        bc.responders_explorer(mean_difference=3)
