"""backcare.logic.effects: benefit panels keep scales apart; harm records classed by hand."""
from __future__ import annotations

import pytest

from backcare.logic import effects as logic_effects


def test_benefit_panels_keep_scales_apart():
    panels = logic_effects.benefit_panels("chronic_lbp")
    scales = [key[1] for key, _ in panels]
    assert scales == ["pain 0-10", "pain 0-100"]
    for key, effects in panels:
        assert {(e.measure, e.better) for e in effects} == {(key[2], key[3])}
    assert logic_effects.benefit_panels("stenosis") == []


def test_harm_class_by_hand():
    assert logic_effects.harm_class("opioids") == "serious_sourced"      # OPAL, CDC
    assert logic_effects.harm_class("spinal_fusion") == "serious_unconfirmed"  # M, unsourced
    assert logic_effects.harm_class("education_advice") == "none_recorded"
