"""The model of ``content/chapters/01_understanding_back_pain.yaml`` (definitions, age pattern, triage groups,
natural-history courses) and its cached, validated loader ``chapter_data()``."""
from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .chapters import load_chapter
from .models import Confidence, ContentFile, Id, Key, Strict, Text

STEM = "01_understanding_back_pain"


class Definition(Strict):
    """How one source divides low back pain by duration (or defines a case)."""

    source: Text
    reference: Key
    acute: Text
    subacute: Text
    chronic: Text
    case_definition: Text | None = None
    confidence: Confidence


class AgePattern(Strict):
    prevalence_rises_from_age: int
    prevalence_peak_ages: list[int] = Field(min_length=2, max_length=2)
    cases_peak_ages: list[int] = Field(min_length=2, max_length=2)
    references: list[Key] = Field(min_length=1)
    confidence: Confidence
    approximate: bool
    note: Text


class TriageGroup(Strict):
    """A triage group: its share either from a fact (``fact``) or as an uncertain range (``low``/``high``)."""

    id: Literal["serious", "radicular", "nonspecific"]
    label: Text
    fact: Id | None = None
    low: float | None = None
    high: float | None = None
    unit: Text | None = None
    references: list[Key] = Field(default_factory=list)
    confidence: Confidence | None = None
    approximate: bool = False
    note: Text | None = None

    @model_validator(mode="after")
    def _one_source(self) -> "TriageGroup":
        if self.fact is None:
            if self.low is None or self.high is None or self.confidence is None:
                raise ValueError("give a fact id, or low, high and confidence for a range")
            if self.low > self.high:
                raise ValueError(f"low {self.low} is above high {self.high}")
            if self.confidence in ("M", "?") and not self.approximate:
                raise ValueError(f"confidence {self.confidence} means the number is not confirmed: "
                                 "set approximate: true")
            if not self.references and self.confidence not in ("M", "?"):
                raise ValueError("a range without a reference must be marked M or ? (not confirmed)")
        elif self.low is not None or self.high is not None:
            raise ValueError("give either a fact id or a range, not both")
        return self


class Triage(Strict):
    population: int
    groups: list[TriageGroup] = Field(min_length=3, max_length=3)


class CoursePoint(Strict):
    week: int
    fact: Id


class Course(Strict):
    id: Literal["acute", "persistent"]
    label: Text
    points: list[CoursePoint] = Field(min_length=2)


class NaturalHistory(Strict):
    reference: Key
    courses: list[Course] = Field(min_length=2, max_length=2)


class UnderstandingFile(ContentFile):
    """``content/chapters/01_understanding_back_pain.yaml``."""

    definitions: list[Definition] = Field(min_length=1)
    age_pattern: AgePattern
    triage: Triage
    natural_history: NaturalHistory

    def reference_keys(self):
        for i, d in enumerate(self.definitions):
            yield f"definitions.{i}.reference", d.reference
        for key in self.age_pattern.references:
            yield "age_pattern.references", key
        for i, g in enumerate(self.triage.groups):
            for key in g.references:
                yield f"triage.groups.{i}.references", key
        yield "natural_history.reference", self.natural_history.reference

    def fact_ids(self):
        for i, g in enumerate(self.triage.groups):
            if g.fact:
                yield f"triage.groups.{i}.fact", g.fact
        for i, c in enumerate(self.natural_history.courses):
            for j, p in enumerate(c.points):
                yield f"natural_history.courses.{i}.points.{j}.fact", p.fact


def chapter_data() -> UnderstandingFile:
    """The validated chapter 01 dataset (cached)."""
    return load_chapter(STEM, UnderstandingFile)


def triage_group(group_id: str) -> TriageGroup:
    """The triage group with this id (serious, radicular, nonspecific)."""
    return next(g for g in chapter_data().triage.groups if g.id == group_id)


__all__ = ["STEM", "Definition", "AgePattern", "TriageGroup", "Triage", "CoursePoint", "Course", "NaturalHistory",
           "UnderstandingFile", "chapter_data", "triage_group"]
