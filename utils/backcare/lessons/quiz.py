"""Self-checks for the chapters (the ``bc.`` names): ``self_check(chapter)`` and ``quiz(...)`` build the widget from
a question bank in ``content/quiz/``; ``python -m backcare quiz`` checks the banks while a teacher writes them.

Why ipywidgets and not jupyterquiz (decision taken by the lead, tooling-notes §10): jupyterquiz emits random element
ids (nbval churn on the committed executed notebooks), its JavaScript runs in JupyterLab only in a trusted notebook,
and axe-core found a critical missing label and serious colour-contrast failures at its default colours.
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

from ..content import ContentError, load, read
from ..content.quiz import Option, Question, QuestionBank  # noqa: F401  (Option: for the examples)
from ..logic.quiz import summary
from ..paths import content_dir
from ..widgets.quiz import Quiz

__all__ = ["load_bank", "main", "quiz", "quiz_dir", "self_check"]


def quiz_dir() -> Path:
    """The folder holding the question banks, ``content/quiz/``.

    Examples
    --------
    >>> quiz_dir().parts[-2:]
    ('content', 'quiz')
    """
    return content_dir() / "quiz"


def load_bank(chapter: str | Path) -> QuestionBank:
    """The question bank of one chapter, ``content/quiz/<chapter>.yaml`` (or a path to a YAML file), through the one
    content loader: problems raise ``ContentError`` naming file, line and field.

    Examples
    --------
    >>> bank = load_bank("00_start_here")
    >>> bank.chapter, len(bank.questions) >= 3
    ('00_start_here', True)
    >>> load_bank("99_nowhere")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    backcare.content.errors.ContentError: 1 problem in course content:
      content/quiz/99_nowhere.yaml: no such file; files matching quiz/*.yaml are quiz/00_start_here.yaml, ...
    """
    if str(chapter).endswith((".yaml", ".yml")):
        path = Path(chapter)
        return read(f"quiz/{path.stem}.yaml", path=path)
    return load(f"quiz/{chapter}.yaml")


def self_check(chapter: str) -> Quiz:
    """The "Check your understanding" block of a chapter, from ``content/quiz/<chapter>.yaml``."""
    return quiz(load_bank(chapter))


def quiz(bank_or_questions: QuestionBank | Sequence[Question] | str) -> Quiz:
    """The self-check widget for a question bank, a list of questions, or a chapter name.

    Examples
    --------
    >>> q = Question(id="q1", kind="single", prompt="Pick one.", objective="Tell A from B.", options=[
    ...     Option(text="A", correct=True, feedback="A is right because it is the first letter."),
    ...     Option(text="B", correct=False, feedback="B is tempting because it sounds like A.")])
    >>> w = quiz([q])
    >>> print(repr(w))
    Self-check: 1 question (1 single choice)
    1. Pick one.
    >>> w.blocks[0].control.index = 1
    >>> w.blocks[0].feedback.children[w.blocks[0].feedback.selected_index].value
    '<p class="backcare-quiz-feedback">✗ Not quite. B is tempting because it sounds like A.</p>'
    >>> quiz(3)
    Traceback (most recent call last):
    ...
    TypeError: quiz() takes a QuestionBank, a list of Question or a chapter name like '00_start_here', not int
    """
    if isinstance(bank_or_questions, str):
        bank_or_questions = load_bank(bank_or_questions)
    not_reviewed = False
    if isinstance(bank_or_questions, QuestionBank):
        from ..content.reviews import status_for

        questions = bank_or_questions.questions
        not_reviewed = status_for(bank_or_questions.chapter).state != "current"  # from content/reviews/ only
    elif isinstance(bank_or_questions, (list, tuple)) and all(isinstance(q, Question) for q in bank_or_questions):
        questions = list(bank_or_questions)
    else:
        raise TypeError(
            "quiz() takes a QuestionBank, a list of Question or a chapter name like '00_start_here', "
            f"not {type(bank_or_questions).__name__}"
        )
    if not questions:
        raise ValueError("quiz() needs at least one question")
    return Quiz(questions, not_reviewed)


def _shown_path(path: Path) -> str:
    from ..paths import repo_root

    try:
        return path.resolve().relative_to(repo_root()).as_posix()
    except ValueError:
        return str(path)


def main(argv: Sequence[str] | None = None) -> int:
    """Check question banks: ``python -m backcare quiz [chapter or path ...]`` (default: every bank).

    Prints one line per good bank and every problem of a bad one; returns 0 when all are good, else 1.

    Examples
    --------
    >>> main(["00_start_here"])  # doctest: +ELLIPSIS
    ok   content/quiz/00_start_here.yaml: 5 questions (3 single choice, 1 multiple choice, 1 numeric)
    0
    >>> main(["99_nowhere"])  # doctest: +ELLIPSIS
    FAIL 1 problem in course content:
      content/quiz/99_nowhere.yaml: no such file; files matching quiz/*.yaml are ...
    1
    """
    targets = list(argv) if argv else sorted(p.stem for p in quiz_dir().glob("*.yaml"))
    failed = 0
    for target in targets:
        try:
            bank = load_bank(target)
        except ContentError as err:
            failed += 1
            print(f"FAIL {err}")
            continue
        path = Path(target) if str(target).endswith((".yaml", ".yml")) else quiz_dir() / f"{target}.yaml"
        counts = summary(bank.questions).splitlines()[0].split(": ", 1)[1]
        print(f"ok   {_shown_path(path)}: {counts}")
    return 1 if failed else 0
