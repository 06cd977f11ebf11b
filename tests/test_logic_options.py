"""backcare.logic.options: the options of a tier or condition, by invasiveness then name (never a ranking)."""
from __future__ import annotations

from backcare.logic import options


def test_medicine_tier_lists_the_seven_medicines_by_name():
    assert [t.id for t in options.tier_options("medicine")] == [
        "anticonvulsants", "antidepressants", "nsaids", "opioids", "oral_corticosteroids", "paracetamol",
        "muscle_relaxants"]


def test_options_by_tier_and_condition():
    assert [t.id for t in options.options("medicine", "acute_nonspecific_lbp")] == [
        "nsaids", "opioids", "paracetamol", "muscle_relaxants"]
    assert [t.id for t in options.options("injection_procedure", "sciatica")] == ["epidural_steroid_injection"]
    assert [t.id for t in options.options("surgery")] == ["decompression", "discectomy", "disc_replacement",
                                                        "spinal_fusion"]
    assert [t.id for t in options.options("self_care", "sciatica")] == ["education_advice"]


def test_options_are_ordered_by_invasiveness_then_name_across_tiers():
    found = options.options(condition="sciatica")
    keys = [(t.invasiveness, t.name.lower()) for t in found]
    assert keys == sorted(keys)
    assert found[0].id == "education_advice" and found[-1].id == "discectomy"
