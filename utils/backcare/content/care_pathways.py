"""Model of ``content/chapters/06_comparing_options.yaml``: stratified and stepped care pathways (with what trials
found), the context of guideline disagreements, and how access and coverage work (chapter 06)."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from .models import Confidence, ContentFile, Id, Key, Strict, Text


class Finding(Strict):
    setting: Text
    result: Text
    references: list[Key]
    effect_ids: list[Id] = Field(default_factory=list)
    fact_ids: list[Id] = Field(default_factory=list)
    confidence: Confidence
    editorial: bool = False
    replicated: bool | None
    """True: a benefit was found; False: a benefit was not found (did not replicate); None: not a treatment trial."""


class Pathway(Strict):
    id: Id
    name: Text
    how_it_works: Text
    references: list[Key]
    confidence: Confidence
    editorial: bool = False
    findings: list[Finding] = Field(min_length=1)


class DisagreementContext(Strict):
    treatment: Id
    text: Text
    references: list[Key] = Field(min_length=1)
    fact_ids: list[Id] = Field(default_factory=list)
    effect_ids: list[Id] = Field(default_factory=list)
    confidence: Confidence


class AccessItem(Strict):
    id: Id
    region: Literal["general", "US"]
    heading: Text
    text: Text
    references: list[Key]
    editorial: bool = False
    confidence: Confidence
    approximate: bool = False


class Chapter06(ContentFile):
    pathways: list[Pathway] = Field(min_length=2)
    red_flag_exit: Text
    red_flag_exit_references: list[Key] = Field(min_length=1)
    disagreement_context: list[DisagreementContext]
    access: list[AccessItem] = Field(min_length=1)
    access_footer: Text

    def cited(self):
        """The treatments the disagreement context speaks to (reference keys, fact and effect ids are found by field
        name by the content loader)."""
        for i, x in enumerate(self.disagreement_context):
            yield (f"disagreement_context.{i}", "treatment", x.treatment)
