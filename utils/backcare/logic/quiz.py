"""Checking self-check answers (pure: no widgets, no HTML): the feedback for a chosen option, a set of statements
marked true, or a typed number, and the plain-text summary of a self-check.

Every function takes a :class:`backcare.content.quiz.Question`; the widget layer shows what these return.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..content.quiz import KIND_LABELS, Option, Question

__all__ = ["Feedback", "check_multiple", "check_numeric", "check_single", "option_feedback", "statement_feedback",
           "summary"]

MAX_ANSWER_CHARS = 40

_ABOUT = re.compile(r"^(?:(?:about|around|roughly|approximately)\s+|[~≈]\s*)", re.IGNORECASE)
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


@dataclass(frozen=True)
class Feedback:
    """What a learner is told: ``correct`` is True, False, or None when there is nothing to judge yet."""

    correct: bool | None
    message: str


def check_single(question: Question, index: int | None) -> Feedback:
    """Feedback for choosing option ``index`` (0-based) of a single-choice question; ``None`` = nothing chosen.

    Examples
    --------
    >>> q = Question(id="q1", kind="single", prompt="Pick one.", objective="Tell A from B.", options=[
    ...     Option(text="A", correct=True, feedback="A is right because it is the first letter."),
    ...     Option(text="B", correct=False, feedback="B is tempting because it sounds like A.")])
    >>> check_single(q, 0)
    Feedback(correct=True, message='✓ Correct. A is right because it is the first letter.')
    >>> check_single(q, 1).message
    '✗ Not quite. B is tempting because it sounds like A.'
    >>> check_single(q, None)
    Feedback(correct=None, message='Choose an answer to see its explanation.')
    >>> check_single(q, 2)
    Traceback (most recent call last):
    ...
    ValueError: option index 2 is out of range: question 'q1' has options 0 to 1
    """
    _require_kind(question, "single")
    if index is None:
        return Feedback(None, "Choose an answer to see its explanation.")
    option = question.options[_check_index(question, index)]
    return option_feedback(option)


def check_multiple(question: Question, chosen_indices: Iterable[int]) -> Feedback:
    """Overall feedback for a multiple-choice question, given the options marked true (0-based positions).

    Right only when exactly the true statements are marked true; otherwise it says how many of the true statements
    were marked true and how many statements marked true are false.

    Examples
    --------
    >>> q = Question(id="q2", kind="multiple", prompt="Which are vowels?", objective="Spot vowels.", options=[
    ...     Option(text="A", correct=True, feedback="A is a vowel in English spelling."),
    ...     Option(text="E", correct=True, feedback="E is a vowel in English spelling."),
    ...     Option(text="K", correct=False, feedback="K is a consonant in English spelling.")])
    >>> check_multiple(q, [0, 1]).message
    '✓ All right: you marked exactly the 2 true statements as true.'
    >>> check_multiple(q, {0, 2}).message
    '✗ Partly right: 1 of 2 true statements marked true; 1 statement marked true is false.'
    >>> check_multiple(q, []).message
    '✗ Not quite: none marked true, but 2 of the 3 statements are true.'
    >>> check_multiple(q, [5])
    Traceback (most recent call last):
    ...
    ValueError: option index 5 is out of range: question 'q2' has options 0 to 2
    """
    _require_kind(question, "multiple")
    chosen = {_check_index(question, i) for i in chosen_indices}
    truth = set(question.correct_indices)
    n_true = len(truth)
    hits = chosen & truth
    false_marked = chosen - truth
    if chosen == truth:
        noun = "statement" if n_true == 1 else "statements"
        return Feedback(True, f"✓ All right: you marked exactly the {n_true} true {noun} as true.")
    if not chosen:
        n_all = len(question.options)
        verb = "is" if n_true == 1 else "are"
        return Feedback(False, f"✗ Not quite: none marked true, but {n_true} of the {n_all} statements {verb} true.")
    parts = [f"{len(hits)} of {n_true} true {'statement' if n_true == 1 else 'statements'} marked true"]
    if false_marked:
        n = len(false_marked)
        parts.append(f"{n} {'statement' if n == 1 else 'statements'} marked true {'is' if n == 1 else 'are'} false")
    lead = "Partly right" if hits else "Not quite"
    return Feedback(False, f"✗ {lead}: {'; '.join(parts)}.")


def check_numeric(question: Question, text: str) -> Feedback:
    """Feedback for a typed answer to a numeric question; bad input gives a message, never an exception.

    Accepts an optional sign, decimals with a point, an exponent, digits of any script (full-width too), "about",
    "~" or "≈" before the number and the question's unit after it. Commas are refused with an explanation, because "1,5" and "1,000" mean different
    things in different countries.

    Examples
    --------
    >>> q = Question(id="q3", kind="numeric", prompt="How many?", objective="Estimate.", answer=1, tolerance=1,
    ...     unit="people", feedback_correct="Yes, about one person in a hundred.",
    ...     feedback_low="That is fewer than the cohort found.", feedback_high="That is more than the cohort found.",
    ...     worked_answer="Eleven of 1172 people is about 0.9 in 100.")
    >>> check_numeric(q, "1").message
    '✓ Correct. Yes, about one person in a hundred.'
    >>> check_numeric(q, " 2 people ").correct
    True
    >>> check_numeric(q, "10").message
    '✗ Too high. That is more than the cohort found.'
    >>> check_numeric(q, "")
    Feedback(correct=None, message='Type a number, then press Check.')
    >>> check_numeric(q, "ten").message
    "'ten' is not a number: type digits, for example 12 or 0.5."
    >>> check_numeric(q, "nan").message
    "'nan' is not a number: type digits, for example 12 or 0.5."
    >>> check_numeric(q, "1,5").message
    'Please write the number without commas: use a point for decimals (0.5) and no thousands separators (1000).'
    >>> check_numeric(q, 1)
    Traceback (most recent call last):
    ...
    TypeError: check_numeric() takes the typed text as a str, not int
    """
    _require_kind(question, "numeric")
    if not isinstance(text, str):
        raise TypeError(f"check_numeric() takes the typed text as a str, not {type(text).__name__}")
    raw = unicodedata.normalize("NFKC", text).replace("\u2212", "-").strip()
    if not raw:
        return Feedback(None, "Type a number, then press Check.")
    if len(raw) > MAX_ANSWER_CHARS:
        return Feedback(None, f"That answer is too long: type just the number, up to {MAX_ANSWER_CHARS} characters.")
    typed = raw
    unit = question.unit or ""
    if unit and raw.lower().endswith(unit.lower()):
        raw = raw[: -len(unit)].strip()
    raw = _ABOUT.sub("", raw)  # "about 1", "~1" and "≈ 1" are fine answers to "roughly how many"
    if not raw:
        return Feedback(None, "Type a number, then press Check.")
    if "," in raw:
        return Feedback(
            None,
            "Please write the number without commas: use a point for decimals (0.5) "
            "and no thousands separators (1000).",
        )
    if not _NUMBER.fullmatch(raw):
        shown = typed if len(typed) <= 20 else typed[:17] + "..."
        return Feedback(None, f"{shown!r} is not a number: type digits, for example 12 or 0.5.")
    value = float(raw)
    if not math.isfinite(value):
        return Feedback(None, "That number is too large to check: type a value in ordinary notation.")
    slack = question.tolerance + 1e-9 * max(1.0, abs(question.answer))
    if abs(value - question.answer) <= slack:
        return Feedback(True, f"✓ Correct. {question.feedback_correct}")
    if value < question.answer:
        return Feedback(False, f"✗ Too low. {question.feedback_low}")
    return Feedback(False, f"✗ Too high. {question.feedback_high}")


def _require_kind(question: Question, kind: str) -> None:
    if not isinstance(question, Question):
        raise TypeError(f"expected a Question, not {type(question).__name__}")
    if question.kind != kind:
        raise ValueError(
            f"question {question.id!r} is {KIND_LABELS[question.kind]}, not {KIND_LABELS[kind]}: "
            f"use check_{question.kind}()"
        )


def _check_index(question: Question, index: int) -> int:
    n = len(question.options)
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < n:
        raise ValueError(f"option index {index!r} is out of range: question {question.id!r} has options 0 to {n - 1}")
    return index


def option_feedback(option: Option) -> Feedback:
    if option.correct:
        return Feedback(True, f"✓ Correct. {option.feedback}")
    return Feedback(False, f"✗ Not quite. {option.feedback}")


def statement_feedback(option: Option, marked_true: bool) -> Feedback:
    truth = "true" if option.correct else "false"
    if marked_true == option.correct:
        return Feedback(True, f"✓ Right: this statement is {truth}. {option.feedback}")
    return Feedback(False, f"✗ Not quite: this statement is {truth}. {option.feedback}")


def summary(questions: Sequence[Question]) -> str:
    """The plain-text form of a self-check: how many questions of each kind, then the prompts, numbered.

    Examples
    --------
    >>> q = Question(id="q1", kind="single", prompt="Pick one.", objective="Tell A from B.", options=[
    ...     Option(text="A", correct=True, feedback="A is right because it is the first letter."),
    ...     Option(text="B", correct=False, feedback="B is tempting because it sounds like A.")])
    >>> print(summary([q, q]))
    Self-check: 2 questions (2 single choice)
    1. Pick one.
    2. Pick one.
    """
    counts = Counter(q.kind for q in questions)
    kinds = ", ".join(f"{counts[k]} {KIND_LABELS[k]}" for k in KIND_LABELS if counts[k])
    n = len(questions)
    lines = [f"Self-check: {n} question{'s' if n != 1 else ''} ({kinds})"]
    lines += [f"{i}. {q.prompt}" for i, q in enumerate(questions, start=1)]
    return "\n".join(lines)
