"""The content registry: every file under ``content/`` (or glob of files) -> its pydantic model and JSON Schema.

Adding a YAML file to the course adds ONE line to :data:`REGISTRY`; then :func:`backcare.content.load` reads it
(strictly, cached, every problem reported as one :class:`~backcare.content.ContentError` naming file, line and field),
``python -m backcare content --check`` validates it, :func:`backcare.content.schemas.write_schemas` writes its JSON
Schema and the reference checks see the keys it cites. Models are named as ``"module:Class"`` and imported on first
use, so reading the registry imports no chapter code.

Examples
--------
>>> entry_for("quiz/00_start_here.yaml").pattern
'quiz/*.yaml'
>>> entry_for("treatments.yaml").model_class().__name__
'TreatmentsFile'
>>> entry_for("quizz/00_start_here.yaml")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
ValueError: 'quizz/00_start_here.yaml' is not a valid content file; supported values are references.yaml, ...
"""
from __future__ import annotations

import fnmatch
import importlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..choices import check_choice
from .models import FILES

__all__ = ["CORE_FILES", "Entry", "REGISTRY", "entry_for", "name_for_model", "registered_files", "unregistered_files"]


@dataclass(frozen=True)
class Entry:
    """One registered content file (or glob of files) and the model that validates it.

    ``pattern`` is a path under ``content/`` written with ``/`` (a glob such as ``quiz/*.yaml`` covers a folder);
    ``model`` is ``"module:Class"``; ``about`` says in a few words what the file holds; ``schema`` is the path under
    ``content/`` of its committed JSON Schema (``None``: no schema exported).
    """

    pattern: str
    model: str
    about: str
    schema: str | None = None

    def model_class(self) -> type:
        """The pydantic model class (imported now)."""
        module, _, attr = self.model.partition(":")
        return getattr(importlib.import_module(module), attr)

    def matches(self, name: str) -> bool:
        """Whether the content file ``name`` (relative to ``content/``) is one of this entry's files."""
        return fnmatch.fnmatchcase(name, self.pattern) and name.count("/") == self.pattern.count("/")

    @property
    def schema_title(self) -> str:
        kind = "chapter dataset" if self.pattern.startswith("chapters/") else "content"
        shown = PurePosixPath(self.pattern).name if kind == "chapter dataset" else self.pattern
        return f"backcare {kind}: {shown}"


_M = "backcare.content.models"

#: Every content file -> its model. ONE line per file or glob; keep the core files first (their order is the order
#: problems are reported in). The layers move models into ``backcare.content.*``: update the "module:Class" here.
REGISTRY: tuple[Entry, ...] = (
    Entry("references.yaml", f"{_M}:ReferencesFile", "publications, one key each", "schema/references.json"),
    Entry("guidelines.yaml", f"{_M}:GuidelinesFile", "the guidelines compared", "schema/guidelines.json"),
    Entry("invasiveness.yaml", f"{_M}:InvasivenessFile", "the 0-5 invasiveness scale", "schema/invasiveness.json"),
    Entry("treatments.yaml", f"{_M}:TreatmentsFile", "every treatment option", "schema/treatments.json"),
    Entry("positions.yaml", f"{_M}:PositionsFile", "what each guideline says", "schema/positions.json"),
    Entry("effects.yaml", f"{_M}:EffectsFile", "effect estimates with comparators", "schema/effects.json"),
    Entry("facts.yaml", f"{_M}:FactsFile", "single sourced numbers", "schema/facts.json"),
    Entry("harms.yaml", "backcare.content.harms:HarmsFile", "serious-harm figures as natural frequencies",
          "schema/harms.json"),
    Entry("glossary.yaml", "backcare.content.glossary:GlossaryFile", "glossary terms", "glossary.schema.json"),
    Entry("teaching.yaml", "backcare.content.teaching:TeachingFile", "adapting the series per profession",
          "schema/teaching.json"),
    Entry("prose_numbers.yaml", "backcare.content.prose_numbers:AllowList", "numbers in prose that are not facts",
          "schema/prose_numbers.json"),
    Entry("chapters/01_understanding_back_pain.yaml", "backcare.content.chapter_understanding:UnderstandingFile",
          "chapter 01 dataset", "chapters/schema/01_understanding_back_pain.json"),
    Entry("chapters/02_assessment_and_diagnosis.yaml", "backcare.content.chapter_assessment:AssessmentFile",
          "chapter 02 dataset", "chapters/schema/02_assessment_and_diagnosis.json"),
    Entry("chapters/03_care_team.yaml", "backcare.content.care_team:CareTeamFile", "chapter 03 care team",
          "chapters/schema/03_care_team.json"),
    Entry("chapters/05_procedures.yaml", "backcare.content.procedure_risks:ProceduresFile", "chapter 05 risks and indications",
          "chapters/schema/05_procedures.json"),
    Entry("chapters/06_comparing_options.yaml", "backcare.content.care_pathways:Chapter06", "chapter 06 dataset",
          "chapters/schema/06_comparing_options.json"),
    Entry("chapters/seed_claims.yaml", "backcare.content.seed_claims:SeedClaimsFile", "seed-article claims",
          "chapters/schema/seed_claims.json"),
    Entry("chapters/vignettes.yaml", "backcare.content.vignettes:VignettesFile", "synthetic case vignettes",
          "chapters/schema/vignettes.json"),
    Entry("answers/*.yaml", "backcare.content.answers:AnswerFile", "model answers, one file per chapter",
          "schema/answers.json"),
    Entry("quiz/*.yaml", "backcare.content.quiz:QuestionBank", "self-check question banks", "quiz/question_bank.schema.json"),
    Entry("notices.yaml", "backcare.content.notices:NoticesFile", "the not-advice and urgent-symptoms notices",
          "schema/notices.json"),
    Entry("cast.yaml", "backcare.content.cast:CastFile", "the made-up people the chapters introduce",
          "schema/cast.json"),
    Entry("reviews/*.yaml", "backcare.content.reviews:ReviewRecord", "clinical sign-off records (none yet)",
          "schema/review.json"),
)

#: The files read together by :func:`backcare.content.load_content` (cross-file rules apply to them).
CORE_FILES: tuple[str, ...] = tuple(FILES)


def entry_for(name: str) -> Entry:
    """The registry entry of the content file ``name`` (a path under ``content/``, with ``/``).

    An unregistered name raises ``ValueError`` in the one message format (see :func:`backcare.choices.check_choice`).
    """
    name = str(name).replace("\\", "/")
    for entry in REGISTRY:
        if entry.matches(name):
            return entry
    check_choice(name, [e.pattern for e in REGISTRY], what="content file")
    raise AssertionError  # pragma: no cover - check_choice raised


def name_for_model(model: type) -> str:
    """The registered file (pattern) whose model is ``model``; ``ValueError`` if it is not registered.

    Examples
    --------
    >>> from backcare.content.quiz import QuestionBank
    >>> name_for_model(QuestionBank)
    'quiz/*.yaml'
    """
    for entry in REGISTRY:
        if entry.model_class() is model:
            return entry.pattern
    raise ValueError(f"{model.__name__} is not registered: add a line to backcare.content.registry.REGISTRY")


def registered_files(root: str | Path | None = None) -> list[tuple[str, Entry]]:
    """(name, entry) for every registered file present under ``root`` (default ``content/``), in registry order.

    A registered single file that is missing is listed too (loading it reports it); a glob lists what it matches.

    Examples
    --------
    >>> names = [n for n, _ in registered_files()]
    >>> names[0], "quiz/00_start_here.yaml" in names, "chapters/vignettes.yaml" in names
    ('references.yaml', True, True)
    """
    root = _root(root)
    out: list[tuple[str, Entry]] = []
    for entry in REGISTRY:
        if any(ch in entry.pattern for ch in "*?["):
            for path in sorted(root.glob(entry.pattern)):
                out.append((path.relative_to(root).as_posix(), entry))
        else:
            out.append((entry.pattern, entry))
    return out


def unregistered_files(root: str | Path | None = None) -> list[str]:
    """YAML files under ``root`` that no registry entry covers (should be empty: register every file).

    Examples
    --------
    >>> unregistered_files()
    []
    """
    root = _root(root)
    names = [p.relative_to(root).as_posix() for p in sorted(root.rglob("*.y*ml"))]
    return [n for n in names if not any(e.matches(n) for e in REGISTRY)]


def _root(root: str | Path | None) -> Path:
    from ..paths import content_dir, resolved

    return resolved(root if root is not None else content_dir())
