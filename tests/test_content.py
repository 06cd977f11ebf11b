"""Rules that the real content/ must keep (beyond what the loader enforces)."""
from __future__ import annotations

from pathlib import Path

import pytest

from backcare.content import load_content
from backcare.content.loader import other_content_cited_keys
from backcare.content.models import FILES, PAIN_OUTCOMES
from backcare.content.summary import notebook_cited_keys
from backcare.paths import content_dir


@pytest.fixture(scope="module")
def c():
    return load_content()


def test_every_content_file_points_editors_at_its_schema():
    for name in FILES:
        first = (content_dir() / name).read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=schema/{name[:-5]}.json", name


def test_no_content_file_carries_a_review_block():
    """Clinical sign-off lives only in content/reviews/ records (issue 15): no per-file ``review:`` block, no model
    field for one, and no record that names a reviewer who has not signed."""
    import re

    from backcare.content.registry import REGISTRY
    from backcare.content.reviews import load_reviews

    carrying = [p.relative_to(content_dir()).as_posix() for p in sorted(content_dir().rglob("*.yaml"))
                if re.search(r"^review\s*:", p.read_text(encoding="utf-8"), re.M)]
    assert carrying == [], f"content files with a per-file review: block: {carrying}"
    for entry in REGISTRY:
        module, name = entry.model.split(":")
        model = getattr(__import__(module, fromlist=[name]), name)
        assert "review" not in model.model_fields, f"{entry.model} still has a review field"
    assert load_reviews() == []


def test_treatment_coverage(c):
    assert len(c.treatments) >= 30
    needed = {"cognitive_functional_therapy", "medial_branch_block", "injectable_local_anaesthetics",
              "mobility_assistive_products", "tens", "traction", "lumbar_supports", "therapeutic_ultrasound",
              "superficial_heat", "low_level_laser", "emg_biofeedback", "spinal_cord_stimulation", "discectomy",
              "decompression", "spinal_fusion", "disc_replacement", "acupuncture", "nsaids", "paracetamol",
              "opioids", "epidural_steroid_injection", "rf_denervation"}
    assert needed <= set(c.treatments)


def test_every_treatment_has_level_tier_and_a_position_from_each_main_guideline(c):
    levels = {lv.level for lv in c.invasiveness_levels}
    assert levels == {0, 1, 2, 3, 4, 5}
    for tid, t in c.treatments.items():
        assert t.invasiveness in levels and t.tier
        assert {p.guideline for p in c.positions_for(tid)} >= {"NICE", "ACP", "WHO"}, tid


def test_acupuncture_is_level_1_and_breaks_the_skin(c):
    t = c.treatments["acupuncture"]
    assert (t.invasiveness, t.penetrates_skin, t.tier) == (1, True, "non_invasive")
    assert [x.id for x in c.treatments_at_level(1) if x.penetrates_skin] == ["acupuncture"]


def test_diagnostic_procedures_have_no_effect_on_pain(c):
    diagnostic = [t.id for t in c.treatments.values() if t.purpose == "diagnostic"]
    assert diagnostic == ["medial_branch_block"]
    assert not [e for e in c.effects if e.treatment in diagnostic and e.outcome in PAIN_OUTCOMES]


def test_cdc_speaks_only_to_opioids(c):
    assert {p.treatment for p in c.positions if p.guideline == "CDC"} == {"opioids"}


def test_who_rows_not_confirmed_are_shown_as_unconfirmed(c):
    for tid in ["anticonvulsants", "oral_corticosteroids", "mbsr", "cognitive_therapy", "respondent_therapy",
                "multidisciplinary_rehabilitation"]:
        (p,) = c.positions_for(tid, "WHO")
        assert (p.verified, p.direction, p.confidence) == (False, None, "M"), tid
        assert "WHO 2023 Table 1" in p.note


def test_who_directions_that_were_confirmed(c):
    got = {t: c.positions_for(t, "WHO")[0].direction
           for t in ["nsaids", "paracetamol", "opioids", "muscle_relaxants", "antidepressants", "tens",
                     "acupuncture", "injectable_local_anaesthetics", "mobility_assistive_products"]}
    assert got == {"nsaids": "for", "paracetamol": "no_recommendation", "opioids": "against",
                   "muscle_relaxants": "against", "antidepressants": "against", "tens": "against",
                   "acupuncture": "for", "injectable_local_anaesthetics": "against",
                   "mobility_assistive_products": "for"}
    assert c.positions_for("mobility_assistive_products", "WHO")[0].strength == "good_practice"


def test_nice_package_only_condition_is_kept(c):
    (p,) = c.positions_for("spinal_manipulation", "NICE")
    assert p.direction == "for" and p.condition.startswith("Only as part of a treatment package that includes exercise")


def test_disagreements_fall_out_of_the_positions(c):
    assert {d.treatment: d.directions() for d in c.disagreements()} == {
        "acupuncture": {"ACP": ("for",), "NICE": ("against",), "WHO": ("for",)},
        "tens": {"ACP": ("no_recommendation",), "NICE": ("against",), "WHO": ("against",)},
        "paracetamol": {"ACP": ("no_recommendation",), "NICE": ("against",), "WHO": ("no_recommendation",)},
        "muscle_relaxants": {"ACP": ("for",), "WHO": ("against",)},
        "antidepressants": {"ACP": ("for",), "NICE": ("against",), "WHO": ("against",)},
        "anticonvulsants": {"ACP": ("no_recommendation",), "NICE": ("against",)},
        "opioids": {"ACP": ("for",), "CDC": ("only_if",), "NICE": ("against", "for"), "WHO": ("against",)},
    }
    with_scope = {d.treatment for d in c.disagreements(include_scope_gaps=True)}
    assert {"rf_denervation", "epidural_steroid_injection", "discectomy"} <= with_scope


def test_effects_always_name_comparator_and_certainty(c):
    for e in c.effects:
        assert e.comparator and e.certainty, e.id
        if e.comparator == "another_treatment":
            assert e.comparator_detail, e.id


def test_numbers_marked_unconfirmed_are_flagged_approximate(c):
    for f in c.facts.values():
        if f.confidence in ("M", "?"):
            assert f.approximate, f.id
    for e in c.effects:
        if e.confidence in ("~", "M", "?"):
            assert e.approximate, e.id


def test_key_references_from_the_fact_sheet_are_present(c):
    keys = {"Enthoven2016", "vanderGaag2020", "Jones2023", "Mathieson2017", "Juch2017", "Kent2023", "Hancock2025",
            "Cherkin2018", "Rhon2023", "Darlow2013", "Finucane2020", "Han2023", "Walker2000", "Deville2000",
            "DeyoDiehl1988", "Deyo1992", "NICETA159", "Fairbank2005", "Forsth2016", "Rubinstein2019", "Kamper2015",
            "Pinto2012", "CMSNCD1607", "CMSLCDFacet", "CMSLCDSCS", "FDA2014", "Costa2012", "NICENG59", "WHO2023",
            "ACP2017", "CDC2022", "GBD2023"}
    assert c.cited_keys_ok(sorted(keys)) == []
    assert "37302396" in c.references["Kent2023"].note and "37716769" in c.references["Kent2023"].note
    assert c.references["Enthoven2016"].doi != c.references["vanderGaag2020"].doi


def test_no_unused_reference():
    c = load_content()
    elsewhere = set(notebook_cited_keys()) | set(other_content_cited_keys())
    unused = [k for k in c.unused_references(elsewhere) if not c.references[k].prose_only]
    assert unused == []


def test_prose_only_references_really_hold_no_number(c):
    used = c.used_reference_keys()
    assert [k for k, r in c.references.items() if r.prose_only and k in used] == []


@pytest.mark.parametrize("phrase", ["wear and tear", "slipped disc"])
def test_no_nocebo_wording_in_content(phrase):
    for name in FILES:
        text = (content_dir() / name).read_text(encoding="utf-8").lower()
        assert phrase not in text, f"{name} uses '{phrase}'"


def test_lookups_fail_with_a_clear_message(c):
    with pytest.raises(KeyError, match="no effect 'nope' in content/effects.yaml"):
        c.effect("nope")
    assert c.effect("rf_facet_pain_3_months").participants == 251
    assert [e.id for e in c.effects_for("paracetamol")] == []  # a gap, never a zero


def test_explicit_reference_labels_are_unique(c):
    labels = [r.label for r in c.references.values() if r.label]
    assert len(labels) == len(set(labels))
    assert c.references["vanderGaag2020"].label == "van der Gaag 2020"
