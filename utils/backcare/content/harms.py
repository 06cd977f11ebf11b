"""Serious-harm figures as natural frequencies (``content/harms.yaml``): the model, its checks and a cached loader.

One record is one harm counted in one population over one follow-up, from one source: "reoperation, 75 per 1,000
people, in 35 studies of microdiscectomy". Records are never pooled or compared with each other (their definitions,
populations and follow-up differ); a chart shows each in its own cell. Where the course found no trustworthy figure,
a record says so (``value: null`` with ``not_quantified``), which is different from a treatment the course has not
looked at (no record at all).

``per`` is the smallest of 1,000 / 10,000 / 1,000,000 that makes the figure at least 1, so a very rare event is never
printed as "0 in 1,000".

Examples
--------
>>> h = load_harms()
>>> [(r.id, r.value, r.per) for r in h.for_treatment("epidural_steroid_injection", "sciatica")][:1]
[('esi_serious_spinal_events', 8.1, 1000000)]
>>> h.for_treatment("rf_denervation", "chronic_lbp")[0].not_quantified is not None
True
>>> HarmFigure.model_validate({"id": "x", "treatment": "nsaids", "conditions": ["chronic_lbp"], "harm": "Bleeding",
...     "definition": "d", "value": 0.5, "per": 1000, "unit": "people", "population": "p", "follow_up": "f",
...     "reference": "CNT2013", "confidence": "✔"})  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for HarmFigure
...0.5 per 1,000 is below 1: give it per 10,000 (5) so the figure is at least 1...
"""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from .models import Condition, Confidence, ContentFile, Id, Key, Strict, Text

PER = (1000, 10000, 1000000)
#: how the series writes each base in words
PER_WORDS = {1000: "1,000", 10000: "10,000", 1000000: "1,000,000"}


class HarmFigure(Strict):
    """One serious harm of one option, as a natural frequency with its definition, population and follow-up."""

    id: Id
    treatment: Id
    conditions: list[Condition] = Field(min_length=1)
    """The conditions whose chart shows this record (the population below says who was actually studied)."""
    harm: Text
    """Short name of what was counted (``Reoperation``, ``Overdose``)."""
    definition: Text
    """What counted as the event, in the course's words."""
    value: float | None
    """Events per ``per`` (``unit``); null when no trustworthy figure exists (then ``not_quantified`` says why)."""
    per: Literal[1000, 10000, 1000000] = 1000
    unit: Literal["people", "people per year", "injections", "operations"] = "people"
    comparison: Text | None = None
    """The comparison arm where the source gives one (``3 more than with placebo``)."""
    population: Text
    follow_up: Text
    reference: Key | None = None
    confidence: Confidence
    """The fact sheet's mark for this figure: ✔ read on the source's own page, ~ a secondary copy, M memory."""
    approximate: bool = False
    headline: bool = True
    """Shown in the chart's cell; other records appear in the details."""
    not_quantified: Text | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _honest(self) -> "HarmFigure":
        if self.value is None:
            if not self.not_quantified:
                raise ValueError("a record with value null needs not_quantified saying why no figure is given")
            return self
        if self.not_quantified:
            raise ValueError("give a value or not_quantified, not both")
        if self.reference is None:
            raise ValueError("a harm figure needs its reference")
        if self.value < 1:
            bigger = [p for p in PER if p > self.per]
            hint = (f": give it per {PER_WORDS[bigger[0]]} ({self.value * bigger[0] / self.per:g}) so the figure is "
                    "at least 1") if bigger else ""
            raise ValueError(f"{self.value:g} per {PER_WORDS[self.per]} is below 1{hint}")
        smaller = [p for p in PER if p < self.per and self.value * p / self.per >= 1]
        if smaller:
            raise ValueError(f"{self.value:g} per {PER_WORDS[self.per]} is {self.value * smaller[0] / self.per:g} "
                             f"per {PER_WORDS[smaller[0]]}: use the smallest base that keeps the figure at least 1")
        if self.confidence in ("M", "?") and not self.approximate:
            raise ValueError(f"confidence {self.confidence} means the number is not confirmed: set approximate: true")
        return self


class HarmsFile(ContentFile):
    harms: list[HarmFigure] = Field(min_length=1)

    def for_treatment(self, treatment: str, condition: str) -> list[HarmFigure]:
        """Records for ``treatment`` shown under ``condition``, in file order (headline records first)."""
        found = [h for h in self.harms if h.treatment == treatment and condition in h.conditions]
        return sorted(found, key=lambda h: not h.headline)

    def cited(self):
        """Treatment ids this file points to (checked by the content store like reference keys)."""
        for i, h in enumerate(self.harms):
            yield ("harms", i, "treatment"), "treatment", h.treatment

    def content_problems(self, ctx):
        """Cross-record rules: ids are unique."""
        seen: set[str] = set()
        for i, h in enumerate(self.harms):
            if h.id in seen:
                yield ("harms", i, "id"), f"duplicate id {h.id!r}"
            seen.add(h.id)


def load_harms(root: str | Path | None = None) -> HarmsFile:
    """The validated harm figures (cached); a broken file raises ``ContentError`` naming file, line and field."""
    from .store import load

    return load("harms.yaml", root=root)
