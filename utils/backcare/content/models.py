"""The records that course content is made of (pydantic v2, strict, unknown keys forbidden).

Every clinical number carries a reference key; every text field is the course's own words and may not hold
HTML or script (a ``<`` followed by a letter, ``/`` or ``!`` is refused; ``<4 weeks`` is fine).
The vocabularies below (tiers, conditions, directions, comparators ...) are fixed sets: a value outside them
is an error that lists the allowed values.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

_TAG = re.compile(r"<\s*[A-Za-z/!?]|javascript:", re.IGNORECASE)


def _no_html(text: str) -> str:
    if _TAG.search(text):
        raise ValueError("HTML or script is not allowed in course text (found a '<tag'); write plain text")
    return text


#: Plain text in the course's own words: no HTML or script, not empty.
Text = Annotated[str, StringConstraints(min_length=1), AfterValidator(_no_html)]
#: A reference key: one per publication, letters and digits only (``Costa2012``, ``NICENG59``).
Key = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9]+$")]
#: A record id: lower-case letters, digits and underscores (``nsaids``, ``rf_denervation``).
Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]

Confidence = Literal["✔", "~", "M", "?"]
"""The fact sheet's codes: ✔ checked; ~ main claim checked, sub-figure from memory; M not confirmed; ? uncertain."""

Tier = Literal["self_care", "non_invasive", "medicine", "injection_procedure", "implanted_device", "surgery"]
Condition = Literal["acute_nonspecific_lbp", "chronic_lbp", "sciatica", "stenosis"]
Population = Literal["any_lbp", "acute_nonspecific_lbp", "chronic_lbp", "sciatica", "stenosis"]
GuidelineId = Literal["NICE", "ACP", "WHO", "CDC"]
Direction = Literal["for", "against", "only_if", "no_recommendation", "out_of_scope", "not_addressed"]
"""``only_if``: the guideline prefers other care and accepts this option only under the stated ``condition``
(CDC 2022 on opioids); never printed without that condition."""
Strength = Literal["strong", "weak", "conditional", "good_practice", "offer", "consider", "do_not_offer",
                   "research_only"]
Certainty = Literal["high", "moderate", "low", "very_low", "not_stated"]
Comparator = Literal["placebo", "sham", "usual_care", "no_treatment", "another_treatment", "delayed_surgery",
                     "non_surgical_care", "exercise_alone"]
Outcome = Literal["pain", "leg_pain", "back_pain", "function", "disability", "recovery", "global_improvement",
                  "work", "adverse_events"]
PAIN_OUTCOMES = frozenset({"pain", "leg_pain", "back_pain"})
Measure = Literal["mean_difference", "standardised_mean_difference", "hazard_ratio", "risk_ratio", "odds_ratio",
                  "difference_in_medians"]
Dollars = Literal["$", "$$", "$$$", "$$$$", "$$$$$"]
Level = Literal[0, 1, 2, 3, 4, 5]


class Strict(BaseModel):
    """Base for every content record: strict types, unknown keys refused, immutable once loaded. A model's validator is
    built when it first validates (``defer_build``): a kernel that reads validated content back from disk
    (:mod:`backcare.content.disk`) never pays for building them (issue 19)."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, defer_build=True)


class Reference(Strict):
    """One publication (article, review, guideline, regulatory notice, coverage policy)."""

    key: Key
    label: Text | None = None
    """Short in-text label (``NICE NG59 2016``, ``van der Gaag 2020``) where first author + year would mislead."""
    kind: Literal["article", "systematic_review", "trial", "guideline", "regulatory", "coverage_policy", "book",
                  "web_page", "report"]
    authors: Text
    year: Annotated[int, Field(ge=1900, le=2100)] | None
    """Publication year; null (written out) only for living web pages and policies with no single year."""
    title: Text
    venue: Text
    doi: Annotated[str, StringConstraints(pattern=r"^10\.\d{4,9}/[^\s<>\"]+$")] | None = None
    code: Text | None = None
    recommendation_ids: list[Text] = Field(default_factory=list)
    pmid: Annotated[str, StringConstraints(pattern=r"^\d+$")] | None = None
    url: Annotated[str, StringConstraints(pattern=r"^https?://[^\s<>\"]+$")] | None = None
    note: Text | None = None
    citation_confidence: Confidence = "✔"
    prose_only: bool = False
    """True for works cited only in narrative (notebooks) with no number held in content/."""

    @model_validator(mode="after")
    def _findable(self) -> "Reference":
        if not (self.doi or self.code or self.url or self.pmid) and self.citation_confidence not in ("M", "?"):
            raise ValueError("a reference needs a DOI, a code (guideline/policy number), a PMID or a URL "
                             "(or citation_confidence M while its identifiers are unverified)")
        return self


class Harm(Strict):
    """A harm in own words, with where it is documented.

    A harm the fact sheet names without a source keeps ``references: []`` and ``confidence: M`` (or ``?``): shown as
    "not confirmed", never attributed to a publication that does not report it.
    """

    text: Text
    references: list[Key]
    confidence: Confidence = "✔"

    @model_validator(mode="after")
    def _sourced(self) -> "Harm":
        if not self.references and self.confidence not in ("M", "?"):
            raise ValueError("a harm needs references, or confidence M or ? while it is unsourced")
        return self


class Harms(Strict):
    common: list[Harm]
    serious: list[Harm]


class TimeToEffect(Strict):
    """When benefit, if any, is usually seen. Sourced (references) or marked ``editorial: true``."""

    band: Literal["hours", "days", "days_to_weeks", "weeks", "months", "not_applicable"]
    text: Text
    references: list[Key] = Field(default_factory=list)
    editorial: bool = False
    applies_to: list[Condition] | None = None
    """The conditions the sourced timing was studied in; another condition's view says "not estimated" instead of
    borrowing it. None: every condition of the treatment (editorial estimates)."""

    @model_validator(mode="after")
    def _sourced(self) -> "TimeToEffect":
        if not self.references and not self.editorial:
            raise ValueError("time to effect needs references, or editorial: true when it is the course's estimate")
        if self.references and self.editorial:
            raise ValueError("time to effect is either sourced (references) or editorial, not both")
        return self


class ResourceUse(Strict):
    """Relative resource use, illustrative only ($ minimal .. $$$$$ highest); no prices were verified."""

    low: Dollars
    high: Dollars

    @model_validator(mode="after")
    def _ordered(self) -> "ResourceUse":
        if len(self.low) > len(self.high):
            raise ValueError(f"resource use low ({self.low}) is above high ({self.high})")
        return self


class Treatment(Strict):
    """A treatment (or diagnostic procedure) as the series presents it."""

    id: Id
    name: Text
    tier: Tier
    invasiveness: Level
    penetrates_skin: bool
    purpose: Literal["treatment", "diagnostic"]
    conditions: list[Condition] = Field(min_length=1)
    description: Text
    harms: Harms
    time_to_effect: TimeToEffect
    resource_use: ResourceUse
    references: list[Key] = Field(min_length=1)
    note: Text | None = None


class InvasivenessLevel(Strict):
    """One step of the invasiveness scale (a teaching proposal, not a guideline's)."""

    level: Level
    name: Text
    definition: Text
    resource_use: ResourceUse
    example_treatments: list[Id] = Field(min_length=1)


class Guideline(Strict):
    id: GuidelineId
    name: Text
    year: int = Field(ge=1990, le=2100)
    updated: Text | None = None
    scope: Text
    reference: Key
    covers_only: list[Id] | None = None
    """When set, the guideline speaks only to these treatments (CDC 2022: opioids); other positions are refused."""


class GuidelinePosition(Strict):
    """What one guideline says about one treatment for one population.

    ``verified: false`` marks a position the fact sheet could not confirm: its ``direction`` is then null and
    ``note`` says where to look, so a chapter shows it as unconfirmed instead of stating a direction.
    """

    treatment: Id
    guideline: GuidelineId
    population: Population
    direction: Direction | None
    strength: Strength | None = None
    certainty: Certainty | None = None
    condition: Text | None = None
    recommendation_id: Text | None = None
    paraphrase: Text
    reference: Key
    verified: bool = True
    confidence: Confidence = "✔"
    note: Text | None = None
    checked_on: _dt.date | None = None
    """When this position was last checked against the guideline's own text (null: not recorded)."""

    @model_validator(mode="after")
    def _honest(self) -> "GuidelinePosition":
        if self.verified and self.direction is None:
            raise ValueError("a verified position needs a direction (or set verified: false with a note)")
        if not self.verified and self.direction is not None:
            raise ValueError("an unconfirmed position (verified: false) must leave direction null")
        if not self.verified and not self.note:
            raise ValueError("an unconfirmed position (verified: false) needs a note saying what to check")
        if self.direction == "only_if" and not self.condition:
            raise ValueError("direction only_if needs the condition it depends on (condition: ...)")
        if self.direction in ("out_of_scope", "not_addressed") and self.strength is not None:
            raise ValueError(f"direction {self.direction} has no strength; leave strength out")
        return self


class Effect(Strict):
    """One effect estimate: always against a named comparator, with its interval, scale and certainty."""

    id: Id
    treatment: Id
    label: Text | None = None
    """The trial or arm by name where two estimates would otherwise read alike (``MINT facet joint trial``)."""
    comparator: Comparator
    comparator_detail: Text | None = None
    population: Population
    outcome: Outcome
    time_point: Text
    scale: Text
    measure: Measure
    estimate: float
    low: float | None
    high: float | None
    better: Literal["lower", "higher"]
    mid: float | None = None
    mid_reference: Key | None = None
    certainty: Certainty
    trials: int | None = Field(default=None, ge=1)
    participants: int | None = Field(default=None, ge=1)
    reference: Key
    approximate: bool = False
    confidence: Confidence = "✔"
    note: Text | None = None

    @model_validator(mode="after")
    def _consistent(self) -> "Effect":
        if (self.low is None) != (self.high is None):
            raise ValueError("give both ends of the interval (low and high) or neither")
        if self.low is not None and self.high is not None and not self.low <= self.estimate <= self.high:
            raise ValueError(f"estimate {self.estimate} is not inside its interval {self.low} to {self.high}")
        if self.mid is not None and self.mid_reference is None:
            raise ValueError("a minimal important difference needs its mid_reference")
        if self.comparator == "another_treatment" and not self.comparator_detail:
            raise ValueError("comparator another_treatment needs comparator_detail naming it")
        if self.confidence in ("M", "?") and not self.approximate:
            raise ValueError(f"confidence {self.confidence} means the number is not confirmed: set approximate: true")
        return self


class Fact(Strict):
    """A number the series cites by id (burden, natural history, test accuracy, thresholds)."""

    id: Id
    statement: Text
    value: float | None
    """The point value; null when the source gives only a range (then low and high are required)."""
    low: float | None = None
    high: float | None = None
    unit: Text
    reference: Key
    confidence: Confidence
    approximate: bool = False
    note: Text | None = None

    @model_validator(mode="after")
    def _consistent(self) -> "Fact":
        if (self.low is None) != (self.high is None):
            raise ValueError("give both ends of the interval (low and high) or neither")
        if self.value is None and self.low is None:
            raise ValueError("a fact needs a value, or low and high when the source gives only a range")
        if self.value is not None and self.low is not None and self.high is not None \
                and not self.low <= self.value <= self.high:
            raise ValueError(f"value {self.value} is not inside its interval {self.low} to {self.high}")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low {self.low} is above high {self.high}")
        if self.confidence in ("M", "?") and not self.approximate:
            raise ValueError(f"confidence {self.confidence} means the number is not confirmed: set approximate: true")
        return self


# ---- one model per content file (these are what the JSON Schemas describe) ----

class ContentFile(Strict):
    """Base of every content file. Clinical sign-off is not kept here but in ``content/reviews/`` (issue 15)."""


class ReferencesFile(ContentFile):
    references: list[Reference] = Field(min_length=1)


class TreatmentsFile(ContentFile):
    treatments: list[Treatment] = Field(min_length=1)


class InvasivenessFile(ContentFile):
    note: Text
    references: list[Key] = Field(min_length=1)
    levels: list[InvasivenessLevel] = Field(min_length=6, max_length=6)


class GuidelinesFile(ContentFile):
    guidelines: list[Guideline] = Field(min_length=1)


class PositionsFile(ContentFile):
    positions: list[GuidelinePosition] = Field(min_length=1)


class EffectsFile(ContentFile):
    effects: list[Effect] = Field(min_length=1)


class FactsFile(ContentFile):
    facts: list[Fact] = Field(min_length=1)


#: content file name -> its model (the loader reads exactly these; the schema exporter writes one schema each).
FILES: dict[str, type[ContentFile]] = {
    "references.yaml": ReferencesFile,
    "guidelines.yaml": GuidelinesFile,
    "invasiveness.yaml": InvasivenessFile,
    "treatments.yaml": TreatmentsFile,
    "positions.yaml": PositionsFile,
    "effects.yaml": EffectsFile,
    "facts.yaml": FactsFile,
}
