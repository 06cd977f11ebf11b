"""Model of ``content/chapters/05_procedures.yaml``: risks of procedures as natural frequencies (each with its
source and confidence) and the situations in which invasive care is right (chapter 05).

A frequency that names a fact in ``content/facts.yaml`` must give the same numbers (a % there, scaled to ``per``
here): :meth:`ProceduresFile.content_problems` checks it when the registry's loader reads the file.
"""
from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .models import Confidence, ContentFile, Id, Key, Strict, Text


class Frequency(Strict):
    """How many people (or injections) out of ``per`` had an event: a natural frequency with its source."""

    id: Id
    label: Text
    """A short name for the event, used as the chart's panel title."""
    treatment: Id
    category: Literal["harm", "course"]
    event: Text
    unit: Literal["people", "injections"]
    per: Literal[100, 1000] = 1000
    kind: Literal["about", "range", "up_to", "fewer_than"]
    low: float = Field(ge=0)
    high: float = Field(ge=0)
    reference: Key
    confidence: Confidence
    approximate: bool
    fact: Id | None = None
    """The id in content/facts.yaml when that file already holds the number (as a %): the loader checks they agree."""
    note: Text | None = None

    @model_validator(mode="after")
    def _consistent(self) -> "Frequency":
        if self.low > self.high:
            raise ValueError(f"low {self.low:g} is above high {self.high:g}")
        if self.high > self.per:
            raise ValueError(f"high {self.high:g} is more than the {self.per} people it is counted out of")
        if self.kind == "about" and self.low != self.high:
            raise ValueError("kind 'about' is one number: give the same low and high")
        if self.kind == "range" and self.low == self.high:
            raise ValueError("kind 'range' needs low below high (use 'about' for one number)")
        if self.kind in ("up_to", "fewer_than") and self.low != 0:
            raise ValueError(f"kind {self.kind!r} gives only an upper figure: set low to 0")
        if self.confidence in ("~", "M", "?") and not self.approximate:
            raise ValueError(f"confidence {self.confidence} means the number is not confirmed: set approximate: true")
        return self


class Indication(Strict):
    """A situation in which invasive care is the right choice, with how urgent it is."""

    id: Id
    name: Text
    signs: Text
    what_happens: Text
    urgency: Literal["emergency", "urgent", "elective"]
    references: list[Key] = Field(min_length=1)
    what_happens_editorial: bool = False
    """True when the sources cover recognising the situation but not its treatment (issue 15: a red-flag framework
    is not a source for treatment details); the box then says the "what happens" line is a course summary."""


class ProceduresFile(ContentFile):
    frequencies: list[Frequency] = Field(min_length=1)
    indications: list[Indication] = Field(min_length=1)

    def cited(self):
        """The treatment each frequency counts (the reference keys and fact ids are found by field name)."""
        for i, f in enumerate(self.frequencies):
            yield f"frequencies.{i}.treatment", "treatment", f.treatment

    def content_problems(self, ctx):
        """(where, message) for each frequency whose numbers differ from the fact it names."""
        for i, f in enumerate(self.frequencies):
            if f.fact is None:
                continue
            if f.fact not in ctx.content.facts:
                yield f"frequencies.{i}.fact", f"unknown fact {f.fact!r} (not in content/facts.yaml)"
                continue
            fact = ctx.content.facts[f.fact]
            if fact.unit != "%":
                yield f"frequencies.{i}.fact", f"fact {f.fact!r} is in {fact.unit!r}, not %"
                continue
            lo = fact.value if fact.value is not None else fact.low
            hi = fact.value if fact.value is not None else fact.high
            want = (round(lo * f.per / 100, 6), round(hi * f.per / 100, 6))
            got = (round(f.low, 6), round(f.high, 6))
            if f.kind in ("up_to", "fewer_than"):  # only the upper figure is stated
                got, want = got[1:], want[1:]
            if got != want:
                yield (f"frequencies.{i}",
                       f"low/high {f.low:g}/{f.high:g} per {f.per} do not match fact {f.fact!r} "
                       f"({lo:g} to {hi:g}%, i.e. {lo * f.per / 100:g} to {hi * f.per / 100:g} per {f.per})")
