"""backcare.logic.seed_claims: the seed-article claims and the check that their numbers match content/."""
from __future__ import annotations

from backcare.logic import seed_claims


def test_seed_claims_cover_the_required_topics_and_their_numbers_match_content():
    claims = seed_claims.seed_claims()
    assert {"facet_joint_injection", "acupuncture", "opioids", "spinal_manipulation", "pain_free_life"} <= set(claims)
    assert seed_claims.check_seed_claims() == []


def test_check_seed_claims_catches_a_number_that_drifted(monkeypatch):
    real = seed_claims.seed_claims()["opioids"]
    drifted = real.model_copy(update={"evidence": real.evidence.replace("-10.1", "-12.0")})
    monkeypatch.setattr(seed_claims, "seed_claims", lambda: {"opioids": drifted})
    assert seed_claims.check_seed_claims() == [
        "opioids: effect:opioids_chronic_pain value -10.1 is not written in the evidence text"]


def test_topics_use_the_treatment_ids_of_treatments_yaml():
    """One id vocabulary: a claim about a treatment is looked up by that treatment's id (evidence_box("rf_denervation")
    beside show_effects(["rf_denervation"])), and an old topic name is refused with the id to use."""
    import pytest

    from backcare.content import load_content
    from backcare.logic.seed_claims import seed_claim, seed_claims

    treatments = load_content().treatments
    for topic, claim in seed_claims().items():
        if topic != "pain_free_life":  # the one claim about no single treatment
            assert topic in treatments and topic in claim.treatments, topic
    with pytest.raises(ValueError, match=r"^'facet_injections' is not a valid seed-claim topic; .*"
                                         r"\(similar: facet_joint_injection"):
        seed_claim("facet_injections")
