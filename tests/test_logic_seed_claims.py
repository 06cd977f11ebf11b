"""backcare.logic.seed_claims: the seed-article claims and the check that their numbers match content/."""
from __future__ import annotations

from backcare.logic import seed_claims


def test_seed_claims_cover_the_required_topics_and_their_numbers_match_content():
    claims = seed_claims.seed_claims()
    assert {"facet_injections", "acupuncture", "opioids", "chiropractic", "pain_free_life"} <= set(claims)
    assert seed_claims.check_seed_claims() == []


def test_check_seed_claims_catches_a_number_that_drifted(monkeypatch):
    real = seed_claims.seed_claims()["opioids"]
    drifted = real.model_copy(update={"evidence": real.evidence.replace("-10.1", "-12.0")})
    monkeypatch.setattr(seed_claims, "seed_claims", lambda: {"opioids": drifted})
    assert seed_claims.check_seed_claims() == [
        "opioids: effect:opioids_chronic_pain value -10.1 is not written in the evidence text"]
