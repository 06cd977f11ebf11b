"""Self-checks with explained feedback: question banks as data, pure checking functions, and a widget.

Each chapter has one question bank, ``content/quiz/<chapter>.yaml``, validated by :class:`QuestionBank`. Three kinds
of question exist:

- ``single``: one correct option among several;
- ``multiple``: "mark each statement true or false", any number of true statements (at least one);
- ``numeric``: type a number; it is right when within ``tolerance`` of ``answer``.

Every option carries its own explanatory feedback (why it is right, or why it is tempting but wrong), so a learner
reading the static HTML page, with no Python kernel, still gets the explanation for the answer they picked: all
feedback is pre-rendered into ``widgets.Stack`` children and revealed by ``widgets.jslink`` from the control's
``index`` to the Stack's ``selected_index`` (tooling-notes §7). With a live kernel the same links also run in Python,
and numeric answers and the multiple-choice summary are checked by the pure functions :func:`check_single`,
:func:`check_multiple` and :func:`check_numeric`, which the tests drive directly.

Why ipywidgets and not jupyterquiz (decision taken by the lead, tooling-notes §10): jupyterquiz emits random element
ids (nbval churn on the committed executed notebooks), its JavaScript runs in JupyterLab only in a trusted notebook,
and axe-core found a critical missing label and serious colour-contrast failures at its default colours. Stock
ipywidgets controls are keyboard usable, each gets an accessible ``description``, and right/wrong is signalled by
words and a symbol (✓ / ✗), never by colour alone.

All text from the question banks is plain text: HTML tags are rejected when the bank is validated, and text is passed
through :func:`html.escape` before it reaches an ``HTML`` widget (option labels of ``RadioButtons`` are set as plain
text by ipywidgets itself).
"""
from __future__ import annotations

import html
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import ipywidgets as widgets
from ipywidgets.widgets.widget_link import Link
from backcare.content.models import ReviewStatus
from backcare.content.quiz import KIND_LABELS, Option, Question, QuestionBank

__all__ = [
    "Feedback",
    "Option",
    "Question",
    "QuestionBank",
    "Quiz",
    "check_multiple",
    "check_numeric",
    "check_single",
    "bank_schema",
    "load_bank",
    "main",
    "quiz",
    "write_bank_schema",
]

MAX_ANSWER_CHARS = 40
NOT_REVIEWED = "These questions have not yet been clinically peer-reviewed."

_ABOUT = re.compile(r"^(?:(?:about|around|roughly|approximately)\s+|[~≈]\s*)", re.IGNORECASE)
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


# --------------------------------------------------------------------------------------------------------------------
# Models
# --------------------------------------------------------------------------------------------------------------------
# --------------------------------------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------------------------------------
def quiz_dir() -> Path:
    """The folder holding the question banks, ``content/quiz/``.

    Examples
    --------
    >>> quiz_dir().parts[-2:]
    ('content', 'quiz')
    >>> sorted(p.name for p in quiz_dir().glob("00_*.yaml"))
    ['00_start_here.yaml']
    """
    from backcare.paths import content_dir

    return content_dir() / "quiz"


def load_bank(chapter: str | Path) -> QuestionBank:
    """Load and check the question bank of one chapter, ``content/quiz/<chapter>.yaml`` (or a path to a YAML file).

    The file goes through the content package's strict YAML loader; the bank's chapter must match the file name and
    every reference key must exist in ``content/references.yaml``. Problems raise ``ContentError`` naming the file.

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
    from backcare.content import load, read

    if str(chapter).endswith((".yaml", ".yml")):
        path = Path(chapter)
        return read(f"quiz/{path.stem}.yaml", path=path)
    return load(f"quiz/{chapter}.yaml")


SCHEMA_NAME = "question_bank.schema.json"


def bank_schema() -> str:
    """The JSON Schema of a question bank, as committed in ``content/quiz/question_bank.schema.json``.

    Editors that understand ``# yaml-language-server: $schema=...`` (the first line of each bank) use it to
    check a bank while a teacher types. A test regenerates it and compares with the committed file.

    Examples
    --------
    >>> import json
    >>> schema = json.loads(bank_schema())
    >>> schema["title"], sorted(schema["properties"])
    ('backcare content: quiz/*.yaml', ['chapter', 'questions', 'review'])
    >>> schema["$defs"]["Question"]["properties"]["kind"]["enum"]
    ['single', 'multiple', 'numeric']
    """
    from backcare.content.registry import entry_for
    from backcare.content.schema import render_schema

    return render_schema(QuestionBank, entry_for("quiz/x.yaml").schema_title)


def write_bank_schema(path: str | Path | None = None) -> Path:
    """Write :func:`bank_schema` to ``path`` (default ``content/quiz/question_bank.schema.json``); return the path.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "bank.schema.json"
    >>> write_bank_schema(target).read_text(encoding="utf-8") == bank_schema()
    True
    >>> write_bank_schema("/nonexistent/folder/bank.schema.json")
    Traceback (most recent call last):
    ...
    FileNotFoundError: cannot write the schema: the folder /nonexistent/folder does not exist
    """
    target = Path(path) if path is not None else quiz_dir() / SCHEMA_NAME
    if not target.parent.is_dir():
        raise FileNotFoundError(f"cannot write the schema: the folder {target.parent} does not exist")
    target.write_text(bank_schema(), encoding="utf-8")
    return target


def _shown_path(path: Path) -> str:
    from backcare.paths import repo_root

    try:
        return path.resolve().relative_to(repo_root()).as_posix()
    except ValueError:
        return str(path)


# --------------------------------------------------------------------------------------------------------------------
# Checking (pure functions)
# --------------------------------------------------------------------------------------------------------------------
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
    return _option_feedback(option)


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


def _option_feedback(option: Option) -> Feedback:
    if option.correct:
        return Feedback(True, f"✓ Correct. {option.feedback}")
    return Feedback(False, f"✗ Not quite. {option.feedback}")


def _statement_feedback(option: Option, marked_true: bool) -> Feedback:
    truth = "true" if option.correct else "false"
    if marked_true == option.correct:
        return Feedback(True, f"✓ Right: this statement is {truth}. {option.feedback}")
    return Feedback(False, f"✗ Not quite: this statement is {truth}. {option.feedback}")


# --------------------------------------------------------------------------------------------------------------------
# Widget (wiring only)
# --------------------------------------------------------------------------------------------------------------------
def _html(text: str, css: str = "backcare-quiz-feedback") -> widgets.HTML:
    return widgets.HTML(value=f'<p class="{css}">{html.escape(text)}</p>', layout=widgets.Layout(width="auto"))


def _feedback_html(feedback: Feedback) -> str:
    return f'<p class="backcare-quiz-feedback">{html.escape(feedback.message)}</p>'


def _feedback_widget(feedback: Feedback) -> widgets.HTML:
    return widgets.HTML(_feedback_html(feedback), layout=widgets.Layout(width="auto"))


_STYLE = {"description_width": "initial"}


def _link(control: widgets.Widget, stack: widgets.Stack) -> Link:
    """Show ``stack`` child number ``control.index``: in the browser (jslink, works without a kernel) and in Python."""
    link = widgets.jslink((control, "index"), (stack, "selected_index"))

    def mirror(change):
        stack.selected_index = change["new"]

    control.observe(mirror, names="index")
    return link


class QuestionBlock(widgets.VBox):
    """The widgets of one question; attributes name the parts tests and notebooks may drive."""

    def __init__(self, question: Question, number: int, total: int):
        self.question = question
        self.number = number
        self.links: list[Link] = []
        header = [
            widgets.HTML(
                value=(
                    f'<p class="backcare-quiz-prompt"><strong>Question {number} of {total}.</strong> '
                    f"{html.escape(question.prompt)}</p>"
                ),
                layout=widgets.Layout(width="auto"),
            )
        ]
        build = {"single": self._single, "multiple": self._multiple, "numeric": self._numeric}[question.kind]
        children = header + build(question, number)
        if question.references:
            children.append(_html(f"Sources: {', '.join(question.references)}.", "backcare-quiz-sources"))
        super().__init__(children=children, layout=widgets.Layout(width="auto"))

    def _single(self, q: Question, n: int) -> list[widgets.Widget]:
        self.control = widgets.RadioButtons(
            options=[o.text for o in q.options],
            index=None,
            description=f"Answer to question {n}",
            layout=widgets.Layout(width="auto"),
            style=_STYLE,
        )
        self.feedback = widgets.Stack(
            [_feedback_widget(_option_feedback(o)) for o in q.options],
            selected_index=None,
        )
        self.links.append(_link(self.control, self.feedback))
        return [self.control, self.feedback]

    def _multiple(self, q: Question, n: int) -> list[widgets.Widget]:
        children: list[widgets.Widget] = [_html("Mark each statement true or false.", "backcare-quiz-instruction")]
        self.statements: list[tuple[widgets.RadioButtons, widgets.Stack]] = []
        for j, option in enumerate(q.options, start=1):
            radio = widgets.RadioButtons(
                options=["True", "False"],
                index=None,
                orientation="horizontal",
                description=f"Question {n}, statement {j}",
                layout=widgets.Layout(width="auto"),
                style=_STYLE,
            )
            stack = widgets.Stack(  # child 0 shows after "True" (index 0), child 1 after "False" (index 1)
                [_feedback_widget(_statement_feedback(option, marked)) for marked in (True, False)],
                selected_index=None,
            )
            self.links.append(_link(radio, stack))
            radio.observe(self._update_summary, names="index")
            self.statements.append((radio, stack))
            children += [_html(f"Statement {j}: {option.text}", "backcare-quiz-statement"), radio, stack]
        self.summary = widgets.HTML(layout=widgets.Layout(width="auto"))
        self._update_summary()
        return children + [self.summary]

    def _update_summary(self, change=None) -> None:
        marks = [radio.index for radio, _ in self.statements]
        if None in marks:
            done = sum(m is not None for m in marks)
            text = (
                f"Marked {done} of {len(marks)} statements. The explanation appears under each statement you mark; "
                "in a running notebook, an overall result appears here once all are marked."
            )
            self.summary.value = _feedback_html(Feedback(None, text))
        else:
            chosen = [i for i, m in enumerate(marks) if m == 0]
            self.summary.value = _feedback_html(check_multiple(self.question, chosen))

    def _numeric(self, q: Question, n: int) -> list[widgets.Widget]:
        self.answer_box = widgets.Text(
            value="",
            placeholder="a number",
            description=f"Answer to question {n} ({q.unit})",
            continuous_update=False,
            layout=widgets.Layout(width="auto"),
            style=_STYLE,
        )
        self.check_button = widgets.Button(
            description="Check",
            tooltip=f"Check your answer to question {n}",
            layout=widgets.Layout(width="auto"),
        )
        self.result = widgets.HTML(
            _feedback_html(
                Feedback(
                    None,
                    "Type your answer, then press Check. Checking needs a running notebook; "
                    "on a web page, use the worked answer below.",
                )
            ),
            layout=widgets.Layout(width="auto"),
        )
        self.worked_toggle = widgets.ToggleButtons(
            options=["Hide worked answer", "Show worked answer"],
            index=0,
            description=f"Worked answer to question {n}",
            layout=widgets.Layout(width="auto"),
            style=_STYLE,
        )
        self.worked = widgets.Stack(
            [
                widgets.HTML("", layout=widgets.Layout(width="auto")),
                _html(f"Worked answer: {q.worked_answer}", "backcare-quiz-worked"),
            ],
            selected_index=0,
        )
        self.links.append(_link(self.worked_toggle, self.worked))
        self.check_button.on_click(lambda _button: self._check())
        self.answer_box.observe(lambda _change: self._check(), names="value")
        row = widgets.HBox([self.answer_box, self.check_button], layout=widgets.Layout(width="auto"))
        return [row, self.result, self.worked_toggle, self.worked]

    def _check(self) -> None:
        self.result.value = _feedback_html(check_numeric(self.question, self.answer_box.value))


def _summary(questions: Sequence[Question]) -> str:
    counts = Counter(q.kind for q in questions)
    kinds = ", ".join(f"{counts[k]} {KIND_LABELS[k]}" for k in KIND_LABELS if counts[k])
    n = len(questions)
    lines = [f"Self-check: {n} question{'s' if n != 1 else ''} ({kinds})"]
    lines += [f"{i}. {q.prompt}" for i, q in enumerate(questions, start=1)]
    return "\n".join(lines)


class Quiz(widgets.VBox):
    """A self-check: one :class:`QuestionBlock` per question; its plain-text form is a deterministic summary."""

    def __init__(self, questions: Sequence[Question], review: ReviewStatus | None = None):
        self.questions = list(questions)
        self.blocks = [QuestionBlock(q, i, len(self.questions)) for i, q in enumerate(self.questions, start=1)]
        children: list[widgets.Widget] = list(self.blocks)
        if review is not None and not review.reviewed:
            children.append(_html(NOT_REVIEWED, "backcare-quiz-review"))
        super().__init__(children=children, layout=widgets.Layout(width="auto"))

    def __repr__(self) -> str:
        return _summary(self.questions)

    def _repr_mimebundle_(self, **kwargs):
        data = super()._repr_mimebundle_(**kwargs)
        data["text/plain"] = _summary(self.questions)
        return data


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
    review = None
    if isinstance(bank_or_questions, QuestionBank):
        questions, review = bank_or_questions.questions, bank_or_questions.review
    elif isinstance(bank_or_questions, (list, tuple)) and all(isinstance(q, Question) for q in bank_or_questions):
        questions = list(bank_or_questions)
    else:
        raise TypeError(
            "quiz() takes a QuestionBank, a list of Question or a chapter name like '00_start_here', "
            f"not {type(bank_or_questions).__name__}"
        )
    if not questions:
        raise ValueError("quiz() needs at least one question")
    return Quiz(questions, review)


# --------------------------------------------------------------------------------------------------------------------
# Command line: check the banks while writing them
# --------------------------------------------------------------------------------------------------------------------
def main(argv: Sequence[str] | None = None) -> int:
    """Check question banks: ``python -m backcare.quiz [chapter or path ...]`` (default: every bank).

    Prints one line per good bank and every problem of a bad one; returns 0 when all are good, else 1.

    Examples
    --------
    >>> main(["00_start_here"])  # doctest: +ELLIPSIS
    ok   content/quiz/00_start_here.yaml: 4 questions (2 single choice, 1 multiple choice, 1 numeric)
    0
    >>> main(["99_nowhere"])  # doctest: +ELLIPSIS
    FAIL 1 problem in course content:
      content/quiz/99_nowhere.yaml: no such file; files matching quiz/*.yaml are ...
    1
    """
    from backcare.content import ContentError

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
        counts = _summary(bank.questions).splitlines()[0].split(": ", 1)[1]
        print(f"ok   {_shown_path(path)}: {counts}")
    return 1 if failed else 0


if __name__ == "__main__":  # pragma: no cover
    import sys

    raise SystemExit(main(sys.argv[1:]))
