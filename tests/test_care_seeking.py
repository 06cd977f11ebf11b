"""Chapter 01's regression-to-the-mean simulation: exact values, edges, the predict-then-reveal widget driven."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import backcare as bc
from backcare.logic.care_seeking import simulate_care_seeking


def test_default_run_exact_values():
    r = simulate_care_seeking()
    assert (r.people, r.seek_care_at, r.weeks_later) == (1000, 7, 3)
    assert (r.sought_care, r.mean_at_visit, r.mean_later, r.mean_usual, r.improved_by_2_or_more) == (
        636, 7.5, 5.3, 5.3, 400)
    assert r.offsets == (-4, -3, -2, -1, 0, 1, 2, 3)
    assert r.aligned_mean[4] == r.mean_at_visit and r.aligned_mean[-1] == r.mean_later


def test_same_numbers_every_run():
    assert simulate_care_seeking(people=500, seek_care_at=8) == simulate_care_seeking(people=500, seek_care_at=8)


@pytest.mark.parametrize("kwargs, message", [
    ({"people": 99}, "people must be a whole number from 100 to 10000"),
    ({"people": 1000.0}, "people must be a whole number"),
    ({"seek_care_at": 0}, "seek_care_at must be a whole number from 1 to 10 (pain on a 0-10 scale), not 0"),
    ({"seek_care_at": True}, "seek_care_at must be a whole number"),
    ({"weeks_later": 13}, "weeks_later must be a whole number from 1 to 12"),
])
def test_bad_arguments_name_the_valid_values(kwargs, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        simulate_care_seeking(**kwargs)


@settings(max_examples=15)
@given(threshold=st.integers(5, 10), later=st.integers(1, 12))
def test_pain_falls_back_towards_the_usual_level_with_no_treatment(threshold, later):
    r = simulate_care_seeking(people=1000, seek_care_at=threshold, weeks_later=later)
    assert r.sought_care > 0
    assert r.mean_at_visit >= threshold
    assert r.mean_later < r.mean_at_visit
    assert abs(r.mean_later - r.mean_usual) <= 0.5  # nothing changed: the second value is back near the usual level


def test_a_threshold_above_everyones_peak_gives_a_clear_message():
    shown = bc.show_care_seeking(people=100, seek_care_at=10, weeks_later=12)
    r = simulate_care_seeking(people=100, seek_care_at=10, weeks_later=12)
    if r.sought_care == 0:
        assert "try a lower value" in shown.text
    else:
        assert f"{r.sought_care} saw a clinician" in shown.text


def test_your_turn_output_states_the_simulated_numbers():
    shown = bc.show_care_seeking(people=2000, seek_care_at=8, weeks_later=2)
    r = simulate_care_seeking(people=2000, seek_care_at=8, weeks_later=2)
    assert f"Of 2,000 simulated people, {r.sought_care:,} saw a clinician" in shown.text
    assert f"{r.mean_at_visit:g} at the visit and {r.mean_later:g} 2 weeks later" in shown.text
    assert "not data from a study" in shown.text
    assert 'alt="Line chart of average pain' in shown.html and "<details" in shown.html


def test_predict_then_reveal_hides_the_result_until_a_choice():
    w = bc.predict_care_seeking()
    assert w.visible_html() is None and w.control.index is None
    assert w.stack.selected_index is None
    w.control.index = 1
    shown = w.visible_html()
    assert "Yes. People seek care when their pain is at its worst" in shown
    r = simulate_care_seeking()
    assert f"Their average pain was {r.mean_at_visit:g} at the visit and {r.mean_later:g}" in shown
    w.control.index = 0
    assert w.visible_html().startswith('<p class="bc-feedback"><strong>About as high as at the visit.</strong> Not quite.')
    assert "Showing: the result after" in w._repr_mimebundle_()[0]["text/plain"] if isinstance(
        w._repr_mimebundle_(), tuple) else w._repr_mimebundle_()["text/plain"]


def test_prediction_is_linked_for_the_static_page():
    w = bc.predict_care_seeking()
    assert w.link.source == (w.control, "index") and w.link.target == (w.stack, "selected_index")
    assert len(w.stack.children) == len(w.labels) == 3
    assert all(not math.isnan(v) for v in simulate_care_seeking().aligned_mean)
