"""The model of ``content/chapters/02_assessment_and_diagnosis.yaml`` (red flags, STarT Back groups, nerve roots,
examination tests, imaging findings, outcome measures) and its cached, validated loader ``chapter_data()``."""
from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .chapters import load_chapter
from .models import Confidence, ContentFile, Id, Key, Strict, Text

STEM = "02_assessment_and_diagnosis"


class ConditionInfo(Strict):
    id: Literal["cauda_equina", "fracture", "malignancy", "infection", "inflammatory"]
    name: Text
    action: Text
    emergency: bool


class PostTest(Strict):
    """A single-flag post-test probability: point value from a fact, 95% interval with its own source."""

    fact: Id
    low: float
    high: float
    reference: Key
    confidence: Confidence


class RedFlag(Strict):
    id: Id
    finding: Text
    condition: Literal["cauda_equina", "fracture", "malignancy", "infection", "inflammatory"]
    post_test: PostTest | None = None
    references: list[Key] = Field(default_factory=list)
    emergency: bool = False

    @model_validator(mode="after")
    def _sourced(self) -> "RedFlag":
        if self.post_test is None and not self.references:
            raise ValueError("a red flag needs a post_test or at least one reference")
        return self


class Combined(Strict):
    id: Id
    condition: Literal["fracture", "malignancy"]
    applies_when: Text
    fact: Id
    low: float
    high: float
    reference: Key
    confidence: Confidence
    note: Text


class StartBackGroup(Strict):
    risk: Literal["low", "medium", "high"]
    rule: Text
    matched_care: Text
    outcome_fact: Id


class NerveRoot(Strict):
    root: Literal["L4", "L5", "S1"]
    usual_disc: Text
    motor: Text
    reflex: Text
    sensory: Text


class NerveRoots(Strict):
    reference: Key
    roots: list[NerveRoot] = Field(min_length=3, max_length=3)


class ExamTest(Strict):
    id: Id
    name: Text
    sensitivity_fact: Id
    specificity_fact: Id
    target: Text
    population: Text
    """Where the accuracy figures come from (primary care, surgical series ...): printed beside them (issue 15)."""


class Finding(Strict):
    name: Text
    values: list[int]
    confidence: list[Confidence]
    modelled_ages: list[int] = Field(default_factory=list)


class Imaging(Strict):
    reference: Key
    ages: list[int] = Field(min_length=2)
    findings: list[Finding] = Field(min_length=1)

    @model_validator(mode="after")
    def _shapes(self) -> "Imaging":
        for f in self.findings:
            if len(f.values) != len(self.ages) or len(f.confidence) != len(self.ages):
                raise ValueError(f"{f.name}: give one value and one confidence per age ({len(self.ages)})")
            if any(not 0 <= v <= 100 for v in f.values):
                raise ValueError(f"{f.name}: values are percentages from 0 to 100")
            bad = [a for a in f.modelled_ages if a not in self.ages]
            if bad:
                raise ValueError(f"{f.name}: modelled ages {bad} are not among the ages {self.ages}")
        return self


class OutcomeMeasure(Strict):
    name: Text
    range: Text
    mic_fact: Id
    extra: Text | None = None


class AssessmentFile(ContentFile):
    """``content/chapters/02_assessment_and_diagnosis.yaml``."""

    conditions: list[ConditionInfo]
    red_flags: list[RedFlag] = Field(min_length=1)
    combined: list[Combined]
    start_back_groups: list[StartBackGroup] = Field(min_length=3, max_length=3)
    start_back_care_reference: Key
    start_back_care_confidence: Confidence
    nerve_roots: NerveRoots
    exam_tests: list[ExamTest] = Field(min_length=1)
    imaging: Imaging
    outcome_measures: list[OutcomeMeasure] = Field(min_length=1)

    def reference_keys(self):
        for i, f in enumerate(self.red_flags):
            for k in f.references:
                yield f"red_flags.{i}.references", k
            if f.post_test:
                yield f"red_flags.{i}.post_test.reference", f.post_test.reference
        for i, c in enumerate(self.combined):
            yield f"combined.{i}.reference", c.reference
        yield "start_back_care_reference", self.start_back_care_reference
        yield "nerve_roots.reference", self.nerve_roots.reference
        yield "imaging.reference", self.imaging.reference

    def fact_ids(self):
        for i, f in enumerate(self.red_flags):
            if f.post_test:
                yield f"red_flags.{i}.post_test.fact", f.post_test.fact
        for i, c in enumerate(self.combined):
            yield f"combined.{i}.fact", c.fact
        for i, g in enumerate(self.start_back_groups):
            yield f"start_back_groups.{i}.outcome_fact", g.outcome_fact
        for i, t in enumerate(self.exam_tests):
            yield f"exam_tests.{i}.sensitivity_fact", t.sensitivity_fact
            yield f"exam_tests.{i}.specificity_fact", t.specificity_fact
        for i, m in enumerate(self.outcome_measures):
            yield f"outcome_measures.{i}.mic_fact", m.mic_fact


def chapter_data() -> AssessmentFile:
    """The validated chapter 02 dataset (cached)."""
    return load_chapter(STEM, AssessmentFile)


def condition(cid: str) -> ConditionInfo:
    """The condition (cauda_equina, fracture, ...) a red flag points to, with its name and action."""
    return next(c for c in chapter_data().conditions if c.id == cid)


def start_back_group(risk: str) -> StartBackGroup:
    """The STarT Back group (low, medium, high) with its rule, matched care and outcome fact."""
    return next(g for g in chapter_data().start_back_groups if g.risk == risk)


__all__ = ["STEM", "ConditionInfo", "PostTest", "RedFlag", "Combined", "StartBackGroup", "NerveRoot", "NerveRoots",
           "ExamTest", "Finding", "Imaging", "OutcomeMeasure", "AssessmentFile", "chapter_data", "condition",
           "start_back_group"]
