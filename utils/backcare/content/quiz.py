"""Self-check question banks (``content/quiz/<chapter>.yaml``): the models of an option, a question and a bank.

Three kinds of question: ``single`` (one correct option), ``multiple`` (mark each statement true or false, at least
one true) and ``numeric`` (type a number, right within ``tolerance`` of ``answer``). Every option carries its own
explained feedback. All text is plain: HTML tags are rejected when the bank is validated.
"""
from __future__ import annotations

import math
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator


__all__ = ["KIND_LABELS", "SKILLS", "Option", "PlainText", "Question", "QuestionBank", "Sentence"]

KIND_LABELS = {"single": "single choice", "multiple": "multiple choice", "numeric": "numeric"}
SKILLS = {
    "application": "applies what the chapter teaches to a short case, or reads a chart, table or result",
    "concept": "explains an idea or a principle without a case",
    "recall": "remembers a fact: a number, a definition or what a guideline says",
}

_TAG = re.compile(r"<\s*[A-Za-z/!?][^>\s]*>?|javascript:", re.IGNORECASE)  # the same rule as backcare.content


def _plain_text(value: str) -> str:
    """Collapse whitespace (YAML folded blocks) and reject HTML tags and empty text."""
    text = " ".join(value.split())
    if not text:
        raise ValueError("text is empty")
    tag = _TAG.search(text)
    if tag:
        raise ValueError(f"HTML or script is not allowed (found {tag.group(0)!r}); write plain text")
    return text


def _sentence(value: str) -> str:
    """Feedback must be at least one full sentence: 20 characters or more, ending with '.', '!' or '?'."""
    if len(value) < 20 or value[-1] not in ".!?":
        shown = value if len(value) <= 40 else value[:37] + "..."
        raise ValueError(
            f"feedback must be at least one full sentence (20 characters or more, ending with . ! or ?): {shown!r}"
        )
    return value


PlainText = Annotated[str, AfterValidator(_plain_text)]
Sentence = Annotated[str, AfterValidator(_plain_text), AfterValidator(_sentence)]
ReferenceKey = Annotated[str, Field(pattern=r"^[A-Za-z0-9]+$")]

_STRICT = ConfigDict(strict=True, extra="forbid", frozen=True, defer_build=True)  # as models.Strict
_NUMERIC_FIELDS = ("answer", "tolerance", "unit", "feedback_correct", "feedback_low", "feedback_high", "worked_answer")


class Option(BaseModel):
    """One option of a choice question, with its own explanation.

    Examples
    --------
    >>> Option(text="Stay active", correct=True, feedback="Staying active speeds recovery.").correct
    True
    >>> Option(text="Rest", correct=False, feedback="No.")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Option
    feedback
      Value error, feedback must be at least one full sentence (20 characters or more, ending with . ! or ?): 'No.' ...
    """

    model_config = _STRICT

    text: PlainText = Field(description="The option as the learner sees it (plain text).")
    correct: bool = Field(description="true for a right option (single: exactly one; multiple: at least one).")
    feedback: Sentence = Field(
        description="Why this option is right, or why it is tempting but wrong: at least one full sentence."
    )


class Question(BaseModel):
    """One self-check question; which fields it needs depends on ``kind``.

    Choice questions (``single``, ``multiple``) take ``options``; ``numeric`` questions take ``answer``,
    ``tolerance``, ``unit``, ``feedback_correct``, ``feedback_low``, ``feedback_high`` and ``worked_answer``.

    Examples
    --------
    >>> q = Question(id="q1", kind="single", prompt="Pick one.", objective="Tell A from B.", options=[
    ...     Option(text="A", correct=True, feedback="A is right because it is the first letter."),
    ...     Option(text="B", correct=False, feedback="B is tempting because it sounds like A.")])
    >>> q.correct_indices
    (0,)
    >>> Question(id="q1", kind="single", prompt="Pick one.", objective="Tell A from B.", options=[
    ...     Option(text="A", correct=True, feedback="A is right because it is the first letter."),
    ...     Option(text="B", correct=True, feedback="B is right because it is the second letter.")])
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Question
      Value error, a single-choice question needs exactly one correct option; found 2: 'A', 'B' ...
    """

    model_config = _STRICT

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_]*$", description="Unique in the bank: a-z, 0-9, _.")]
    kind: Literal["single", "multiple", "numeric"] = Field(
        description="single: one right option; multiple: mark each statement true or false; numeric: type a number."
    )
    skill: Literal["application", "concept", "recall"] | None = Field(
        default=None,
        description=(
            "What the question asks the learner to do: application (a short case, or a chart, table or result to "
            "read), concept (explain an idea without a case) or recall (remember a fact). Required in a bank."
        ),
    )
    prompt: PlainText = Field(description="The question (plain text).")
    objective: PlainText = Field(description="The learning objective this question checks.")
    references: list[ReferenceKey] = Field(
        default_factory=list, description="Keys from content/references.yaml for every fact the question uses."
    )
    options: list[Option] | None = Field(default=None, description="Choice questions only: at least 2 options.")
    answer: float | None = Field(default=None, description="Numeric only: the right value.")
    tolerance: Annotated[float, Field(ge=0)] | None = Field(
        default=None, description="Numeric only: answers within answer ± tolerance count as right."
    )
    unit: PlainText | None = Field(default=None, description="Numeric only: the unit, shown in the input's label.")
    feedback_correct: Sentence | None = Field(default=None, description="Numeric only: shown for a right answer.")
    feedback_low: Sentence | None = Field(default=None, description="Numeric only: shown for a too-low answer.")
    feedback_high: Sentence | None = Field(default=None, description="Numeric only: shown for a too-high answer.")
    worked_answer: Sentence | None = Field(
        default=None, description="Numeric only: the worked answer, revealed on demand (works on the static page)."
    )

    @model_validator(mode="after")
    def _fields_match_kind(self) -> "Question":
        problems: list[str] = []
        label = KIND_LABELS[self.kind]
        if self.kind == "numeric":
            missing = [name for name in _NUMERIC_FIELDS if getattr(self, name) is None]
            if missing:
                problems.append(f"a numeric question needs {', '.join(missing)}")
            if self.options is not None:
                problems.append("a numeric question takes no options (remove 'options')")
            for name in ("answer", "tolerance"):
                value = getattr(self, name)
                if value is not None and not math.isfinite(value):
                    problems.append(f"{name} must be a finite number, not {value}")
        else:
            extra = [name for name in _NUMERIC_FIELDS if getattr(self, name) is not None]
            if extra:
                problems.append(f"a {label} question takes options, not {', '.join(extra)}")
            options = self.options or []
            if len(options) < 2:
                problems.append(f"a {label} question needs at least 2 options; found {len(options)}")
            texts = [o.text for o in options]
            repeated = sorted({t for t in texts if texts.count(t) > 1})
            if repeated:
                problems.append(f"option texts must differ; repeated: {', '.join(map(repr, repeated))}")
            right = [o.text for o in options if o.correct]
            if self.kind == "single" and len(right) != 1 and options:
                found = f"found {len(right)}" + (f": {', '.join(map(repr, right))}" if right else "")
                problems.append(f"a single-choice question needs exactly one correct option; {found}")
            if self.kind == "multiple" and not right and options:
                problems.append("a multiple-choice question needs at least one correct option; none has correct: true")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    @property
    def correct_indices(self) -> tuple[int, ...]:
        """Positions (0-based) of the correct options; empty for a numeric question."""
        return tuple(i for i, o in enumerate(self.options or []) if o.correct)


class QuestionBank(BaseModel):
    """The self-check questions of one chapter (``content/quiz/<chapter>.yaml``). Their clinical review status comes
    from the sign-off records in ``content/reviews/``, not from this file.

    Examples
    --------
    >>> QuestionBank(chapter="00_start_here", questions=[])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for QuestionBank
    questions
      List should have at least 1 item after validation, not 0 ...
    """

    model_config = _STRICT

    chapter: Annotated[str, Field(pattern=r"^[0-9]{2}[a-z]?_[a-z0-9_]+$")] = Field(
        description="The chapter (notebook) name, the same as the file name without .yaml, e.g. 00_start_here."
    )
    questions: Annotated[list[Question], Field(min_length=1)] = Field(description="The questions, in order.")

    @model_validator(mode="after")
    def _unique_ids(self) -> "QuestionBank":
        ids = [q.id for q in self.questions]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"question ids must be unique in a bank; repeated: {', '.join(repeated)}")
        unmarked = [q.id for q in self.questions if q.skill is None]
        if unmarked:
            raise ValueError(
                f"every question in a bank needs 'skill' (one of {', '.join(SKILLS)}); "
                f"missing in: {', '.join(unmarked)}"
            )
        return self

    def skill_counts(self) -> dict[str, int]:
        """How many questions of each skill the bank holds (every skill listed, zero included).

        Examples
        --------
        >>> q = dict(kind="single", prompt="Pick one.", objective="Tell A from B.", options=[
        ...     Option(text="A", correct=True, feedback="A is right because it is the first letter."),
        ...     Option(text="B", correct=False, feedback="B is tempting because it sounds like A.")])
        >>> bank = QuestionBank(chapter="00_start_here", questions=[Question(id="a", skill="application", **q),
        ...                                                           Question(id="b", skill="recall", **q)])
        >>> bank.skill_counts()
        {'application': 1, 'concept': 0, 'recall': 1}
        """
        return {skill: sum(q.skill == skill for q in self.questions) for skill in SKILLS}

    def content_problems(self, ctx):
        """The bank's chapter is its file name (``quiz/<chapter>.yaml``)."""
        stem = ctx.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        if self.chapter != stem:
            yield "chapter", f"chapter {self.chapter!r} does not match the file name {stem!r}"
