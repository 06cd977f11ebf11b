"""The synthetic case vignettes of chapter 07 (``content/chapters/vignettes.yaml``): people, plans, patient voice.

Every person is synthetic. Rules beyond the fields: unique ids, red flags named as in chapter 02, known treatments.
"""
from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ..choices import choice_message
from .models import Condition, Confidence, ContentFile, Id, Key, Strict, Text

__all__ = ["PatientVoice", "Plan", "Prompts", "Vignette", "VignettesFile"]


class Plan(Strict):
    text: Text
    reasonable: bool
    treatments: list[Id]
    feedback: Text
    references: list[Key] = Field(min_length=1)


class Prompts(Strict):
    medicine: Text
    physiotherapy: Text
    nursing: Text
    pharmacy: Text


class Vignette(Strict):
    id: Id
    name: Text
    synthetic: Literal[True]
    age: int = Field(ge=18, le=110)
    sex: Literal["woman", "man"]
    work: Text
    caring: Text
    access: Text
    health_literacy: Text
    condition: Condition
    story: Text
    goals: Text
    preferences: Text
    red_flags: list[Id]
    leg_symptoms: Literal["none", "radicular", "claudication"]
    start_back: list[bool] = Field(min_length=9, max_length=9)
    plans: list[Plan] = Field(min_length=4, max_length=4)
    grid: list[Id]
    for_your_profession: Prompts

    @model_validator(mode="after")
    def _a_range_of_plans(self) -> "Vignette":
        if not any(p.reasonable for p in self.plans) or all(p.reasonable for p in self.plans):
            raise ValueError("give at least one reasonable and one unreasonable plan")
        return self


class PatientVoice(Strict):
    text: Text
    fact_ids: list[Id] = Field(default_factory=list)
    reference: Key
    confidence: Confidence


class VignettesFile(ContentFile):
    synthetic_note: Text
    vignettes: list[Vignette] = Field(min_length=6)
    patient_voice: list[PatientVoice] = Field(min_length=1)

    def content_problems(self, ctx):
        """(where, message) for repeated vignette ids, unknown red flags (chapter 02) and unknown treatment ids."""
        flags = [f.id for f in ctx.load("chapters/02_assessment_and_diagnosis.yaml").red_flags]
        treatments = ctx.content.treatments
        seen: set[str] = set()
        for i, v in enumerate(self.vignettes):
            if v.id in seen:
                yield f"vignettes.{i}.id", f"duplicate vignette id {v.id!r}"
            seen.add(v.id)
            for j, f in enumerate(v.red_flags):
                if f not in flags:
                    yield f"vignettes.{i}.red_flags.{j}", choice_message(f, flags, what="red flag")
            for j, t in enumerate(v.grid):
                if t not in treatments:
                    yield f"vignettes.{i}.grid.{j}", choice_message(t, treatments, what="treatment")
            for k, plan in enumerate(v.plans):
                for j, t in enumerate(plan.treatments):
                    if t not in treatments:
                        yield f"vignettes.{i}.plans.{k}.treatments.{j}", choice_message(t, treatments, what="treatment")
