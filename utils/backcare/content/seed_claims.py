"""Model of ``content/chapters/seed_claims.yaml``: claims of the seed article with what the evidence says."""
from __future__ import annotations

from pydantic import Field

from .models import ContentFile, Id, Key, Strict, Text


class SeedClaim(Strict):
    """A claim of the seed article, paraphrased, with what the evidence and guidelines say."""

    topic: Id
    title: Text
    claim: Text
    evidence: Text
    verdict: Text
    treatments: list[Id] = Field(min_length=1)
    references: list[Key] = Field(min_length=1)
    numbers: list[str]
    """Every number in ``evidence`` names its source: "fact:<id>" or "effect:<id>"."""


class SeedClaimsFile(ContentFile):
    claims: list[SeedClaim] = Field(min_length=1)
