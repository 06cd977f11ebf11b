"""Self-checks across their layers: the bank models (backcare.content.quiz), the loader, the pure checking functions
(backcare.logic.quiz), the widget driven like a learner would (backcare.widgets.quiz) and bc.quiz (backcare.lessons.quiz)."""
from __future__ import annotations

import datetime
import html
import re
from pathlib import Path

import ipywidgets as widgets
from ipywidgets.widgets.widget_link import Link
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from backcare.content import ContentError
from backcare.content.models import ReviewStatus
from backcare.paths import content_dir
from backcare.content.quiz import Option, Question, QuestionBank
from backcare.lessons.quiz import load_bank, quiz
from backcare.logic.quiz import Feedback, check_multiple, check_numeric, check_single
from backcare.views.quiz import NOT_REVIEWED
from backcare.widgets.quiz import Quiz

QUIZ_DIR = content_dir() / "quiz"
BANKS = sorted(QUIZ_DIR.glob("*.yaml"))
UNREVIEWED = ReviewStatus(reviewed_by=None, reviewed_on=None)


def shown(text: str) -> str:
    """The HTML a feedback widget holds for a message."""
    return f'<p class="backcare-quiz-feedback">{html.escape(text)}</p>'


def visible(stack: widgets.Stack) -> str | None:
    """The value of the Stack child on show (None when nothing is shown)."""
    if stack.selected_index is None:
        return None
    return stack.children[stack.selected_index].value


# ---- fixtures: small questions whose feedback we can assert exactly ----------------------------------------------
@pytest.fixture
def single() -> Question:
    return Question(
        id="first_step", kind="single", prompt="What is the usual first step for acute non-specific back pain?",
        objective="Name the first step.", references=[],
        options=[
            Option(text="Advice to stay active", correct=True, feedback="Staying active is advised by guidelines."),
            Option(text="An MRI scan", correct=False, feedback="Imaging is tempting but rarely changes care early."),
            Option(text="Bed rest", correct=False, feedback="Bed rest tends to slow recovery rather than help it."),
        ],
    )


@pytest.fixture
def multiple() -> Question:
    return Question(
        id="flags", kind="multiple", prompt="Mark each statement true or false.", objective="Know the flags.",
        options=[
            Option(text="Statement A is true", correct=True, feedback="A is true because the cohort showed it."),
            Option(text="Statement B is true", correct=True, feedback="B is true because the review showed it."),
            Option(text="Statement C is false", correct=False, feedback="C sounds right but the data disagree."),
            Option(text="Statement D is false", correct=False, feedback="D is a common myth with no support."),
        ],
    )


@pytest.fixture
def numeric() -> Question:
    return Question(
        id="per_100", kind="numeric", prompt="How many in 100?", objective="Estimate a rate.",
        answer=1, tolerance=1, unit="people out of 100",
        feedback_correct="Right, about one in a hundred people.",
        feedback_low="A count of people cannot be negative.",
        feedback_high="Serious causes are rarer than that.",
        worked_answer="Eleven of 1172 is about 0.9 in 100.",
    )


# ---- pure functions ------------------------------------------------------------------------------------------------
def test_check_single_right_wrong_and_nothing(single):
    assert check_single(single, 0) == Feedback(True, "✓ Correct. Staying active is advised by guidelines.")
    assert check_single(single, 2) == Feedback(
        False, "✗ Not quite. Bed rest tends to slow recovery rather than help it.")
    assert check_single(single, None) == Feedback(None, "Choose an answer to see its explanation.")


@pytest.mark.parametrize("bad", [3, -1, True, "0", 1.0])
def test_check_single_refuses_bad_index(single, bad):
    message = f"option index {bad!r} is out of range: question 'first_step' has options 0 to 2"
    with pytest.raises(ValueError, match=re.escape(message)):
        check_single(single, bad)


def test_check_functions_refuse_the_wrong_kind(single, numeric):
    with pytest.raises(ValueError, match="question 'first_step' is single choice, not numeric: use check_single()"):
        check_numeric(single, "1")
    with pytest.raises(ValueError, match="question 'per_100' is numeric, not multiple choice: use check_numeric()"):
        check_multiple(numeric, [])


@pytest.mark.parametrize(
    "chosen, expected",
    [
        ([0, 1], Feedback(True, "✓ All right: you marked exactly the 2 true statements as true.")),
        ((1, 0), Feedback(True, "✓ All right: you marked exactly the 2 true statements as true.")),
        ([0], Feedback(False, "✗ Partly right: 1 of 2 true statements marked true.")),
        ([0, 1, 2], Feedback(False, "✗ Partly right: 2 of 2 true statements marked true; "
                                    "1 statement marked true is false.")),
        ([0, 2, 3], Feedback(False, "✗ Partly right: 1 of 2 true statements marked true; "
                                    "2 statements marked true are false.")),
        ([2], Feedback(False, "✗ Not quite: 0 of 2 true statements marked true; 1 statement marked true is false.")),
        ([], Feedback(False, "✗ Not quite: none marked true, but 2 of the 4 statements are true.")),
    ],
)
def test_check_multiple(multiple, chosen, expected):
    assert check_multiple(multiple, chosen) == expected


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("1", Feedback(True, "✓ Correct. Right, about one in a hundred people.")),
        ("0", Feedback(True, "✓ Correct. Right, about one in a hundred people.")),  # edge of tolerance
        ("2", Feedback(True, "✓ Correct. Right, about one in a hundred people.")),  # edge of tolerance
        (" 0.9 ", Feedback(True, "✓ Correct. Right, about one in a hundred people.")),
        ("1 people out of 100", Feedback(True, "✓ Correct. Right, about one in a hundred people.")),
        ("１", Feedback(True, "✓ Correct. Right, about one in a hundred people.")),  # full-width digit
        ("١", Feedback(True, "✓ Correct. Right, about one in a hundred people.")),  # Arabic-Indic digit
        ("1e0", Feedback(True, "✓ Correct. Right, about one in a hundred people.")),
        ("about 1", Feedback(True, "✓ Correct. Right, about one in a hundred people.")),
        ("~1", Feedback(True, "✓ Correct. Right, about one in a hundred people.")),
        ("≈ 2 people out of 100", Feedback(True, "✓ Correct. Right, about one in a hundred people.")),
        ("Roughly 5", Feedback(False, "✗ Too high. Serious causes are rarer than that.")),
        ("people out of 100", Feedback(None, "Type a number, then press Check.")),
        ("about", Feedback(None, "'about' is not a number: type digits, for example 12 or 0.5.")),
        ("~", Feedback(None, "Type a number, then press Check.")),
        ("2.01", Feedback(False, "✗ Too high. Serious causes are rarer than that.")),
        ("10", Feedback(False, "✗ Too high. Serious causes are rarer than that.")),
        ("-0.5", Feedback(False, "✗ Too low. A count of people cannot be negative.")),
        ("−3", Feedback(False, "✗ Too low. A count of people cannot be negative.")),  # U+2212 minus sign
        ("", Feedback(None, "Type a number, then press Check.")),
        ("   \t", Feedback(None, "Type a number, then press Check.")),
        ("ten", Feedback(None, "'ten' is not a number: type digits, for example 12 or 0.5.")),
        ("nan", Feedback(None, "'nan' is not a number: type digits, for example 12 or 0.5.")),
        ("inf", Feedback(None, "'inf' is not a number: type digits, for example 12 or 0.5.")),
        ("-Infinity", Feedback(None, "'-Infinity' is not a number: type digits, for example 12 or 0.5.")),
        ("1_000", Feedback(None, "'1_000' is not a number: type digits, for example 12 or 0.5.")),
        ("<b>1</b>", Feedback(None, "'<b>1</b>' is not a number: type digits, for example 12 or 0.5.")),
        ("1%", Feedback(None, "'1%' is not a number: type digits, for example 12 or 0.5.")),
        ("😀", Feedback(None, "'😀' is not a number: type digits, for example 12 or 0.5.")),
        ("about one in a hundred", Feedback(None, "'about one in a hu...' is not a number: type digits, "
                                                  "for example 12 or 0.5.")),
        ("1e999", Feedback(None, "That number is too large to check: type a value in ordinary notation.")),
        ("1,5", Feedback(None, "Please write the number without commas: use a point for decimals (0.5) "
                               "and no thousands separators (1000).")),
        ("9" * 41, Feedback(None, "That answer is too long: type just the number, up to 40 characters.")),
        ("x" * 100_000, Feedback(None, "That answer is too long: type just the number, up to 40 characters.")),
    ],
)
def test_check_numeric(numeric, typed, expected):
    assert check_numeric(numeric, typed) == expected


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_check_numeric_never_raises_on_any_text(typed):
    q = Question(id="q", kind="numeric", prompt="How many?", objective="Estimate.", answer=1, tolerance=1,
                 unit="people", feedback_correct="Right, about one person.", feedback_low="That is too few people.",
                 feedback_high="That is too many people.", worked_answer="Eleven of 1172 is about one in 100.")
    result = check_numeric(q, typed)
    assert isinstance(result, Feedback) and result.message
    assert result.correct in (True, False, None)


@settings(max_examples=200, deadline=None)
@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))
def test_check_numeric_agrees_with_the_tolerance(value):
    q = Question(id="q", kind="numeric", prompt="How many?", objective="Estimate.", answer=1, tolerance=1,
                 unit="people", feedback_correct="Right, about one person.", feedback_low="That is too few people.",
                 feedback_high="That is too many people.", worked_answer="Eleven of 1172 is about one in 100.")
    result = check_numeric(q, repr(value))
    assert result.correct is (abs(value - 1) <= 1 + 1e-9)
    if not result.correct:
        assert result.message.startswith("✗ Too low." if value < 1 else "✗ Too high.")


# ---- widget, driven like a learner --------------------------------------------------------------------------------
def test_single_widget_shows_the_chosen_option_feedback(single):
    block = quiz([single]).blocks[0]
    radio, stack = block.control, block.feedback
    assert isinstance(radio, widgets.RadioButtons) and radio.index is None
    assert visible(stack) is None  # nothing revealed before a choice
    radio.index = 1
    assert visible(stack) == shown("✗ Not quite. Imaging is tempting but rarely changes care early.")
    radio.index = 0
    assert visible(stack) == shown("✓ Correct. Staying active is advised by guidelines.")
    # every option's feedback is pre-rendered, in option order, for the static page
    assert [c.value for c in stack.children] == [
        shown("✓ Correct. Staying active is advised by guidelines."),
        shown("✗ Not quite. Imaging is tempting but rarely changes care early."),
        shown("✗ Not quite. Bed rest tends to slow recovery rather than help it."),
    ]


def test_controls_are_jslinked_to_their_stacks_for_the_static_page(single, multiple, numeric):
    w = quiz([single, multiple, numeric])
    s, m, n = w.blocks
    pairs = {(link.source[0], link.source[1], link.target[0], link.target[1]) for b in w.blocks for link in b.links}
    assert all(isinstance(link, Link) for b in w.blocks for link in b.links)
    assert (s.control, "index", s.feedback, "selected_index") in pairs
    for radio, stack in m.statements:
        assert (radio, "index", stack, "selected_index") in pairs
    assert (n.worked_toggle, "index", n.worked, "selected_index") in pairs
    assert len(pairs) == 1 + 4 + 1


def test_multiple_widget_statement_feedback_and_summary(multiple):
    block = quiz([multiple]).blocks[0]
    (a, sa), (b, sb), (c, sc), (d, sd) = block.statements
    assert a.options == ("True", "False") and a.index is None
    assert block.summary.value == shown(
        "Marked 0 of 4 statements. The explanation appears under each statement you mark; "
        "in a running notebook, an overall result appears here once all are marked.")
    a.index = 0  # marked true, is true
    c.index = 0  # marked true, is false
    assert visible(sa) == shown("✓ Right: this statement is true. A is true because the cohort showed it.")
    assert visible(sc) == shown("✗ Not quite: this statement is false. C sounds right but the data disagree.")
    assert visible(sb) is None
    assert block.summary.value.startswith(shown("Marked 2 of 4 statements.")[:-4])
    b.index = 1  # marked false, is true
    d.index = 1  # marked false, is false
    assert visible(sb) == shown("✗ Not quite: this statement is true. B is true because the review showed it.")
    assert visible(sd) == shown("✓ Right: this statement is false. D is a common myth with no support.")
    assert block.summary.value == shown(
        "✗ Partly right: 1 of 2 true statements marked true; 1 statement marked true is false.")
    b.index, c.index = 0, 1
    assert block.summary.value == shown("✓ All right: you marked exactly the 2 true statements as true.")


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("1", "✓ Correct. Right, about one in a hundred people."),
        ("5", "✗ Too high. Serious causes are rarer than that."),
        ("-2", "✗ Too low. A count of people cannot be negative."),
        ("", "Type a number, then press Check."),
        ("one", "'one' is not a number: type digits, for example 12 or 0.5."),
        ("NaN", "'NaN' is not a number: type digits, for example 12 or 0.5."),
        ("<script>alert(1)</script>", "'<script>alert(1)<...' is not a number: type digits, for example 12 or 0.5."),
    ],
)
def test_numeric_widget_check_button(numeric, typed, expected):
    block = quiz([numeric]).blocks[0]
    assert block.result.value == shown(
        "Type your answer, then press Check. Checking needs a running notebook; "
        "on a web page, use the worked answer below.")
    block.answer_box.value = typed
    block.check_button.click()
    assert block.result.value == shown(expected)
    assert "<script>" not in block.result.value  # typed text is escaped before it reaches the page


def test_numeric_widget_worked_answer_toggle(numeric):
    block = quiz([numeric]).blocks[0]
    assert block.worked_toggle.options == ("Hide worked answer", "Show worked answer")
    assert visible(block.worked) == ""
    block.worked_toggle.index = 1
    assert visible(block.worked) == (
        '<p class="backcare-quiz-worked">Worked answer: Eleven of 1172 is about 0.9 in 100.</p>')
    block.worked_toggle.index = 0
    assert visible(block.worked) == ""


def test_every_control_has_an_accessible_name_and_sane_width(single, multiple, numeric):
    w = quiz([single, multiple, numeric])
    controls = [w.blocks[0].control, *(r for r, _ in w.blocks[1].statements), w.blocks[2].answer_box,
                w.blocks[2].worked_toggle]
    assert [c.description for c in controls] == [
        "Answer to question 1",
        "Question 2, statement 1", "Question 2, statement 2", "Question 2, statement 3", "Question 2, statement 4",
        "Answer to question 3 (people out of 100)",
        "Worked answer to question 3",
    ]
    assert w.blocks[2].check_button.description == "Check"
    for c in controls:
        assert c.layout.width == "auto"
        assert c.style.description_width == "initial"


def test_text_is_escaped_before_it_reaches_an_html_widget():
    q = Question(id="q", kind="single", prompt="Is risk < 1 in 100 & rare?", objective="Read risks.",
                 options=[Option(text="Yes & no", correct=True, feedback="Both parts are true: rare & small."),
                          Option(text="No", correct=False, feedback="It is tempting, but the cohort says < 1%.")])
    block = quiz([q]).blocks[0]
    assert block.children[0].value == (
        '<p class="backcare-quiz-prompt"><strong>Question 1 of 1.</strong> Is risk &lt; 1 in 100 &amp; rare?</p>')
    assert block.feedback.children[1].value == shown("✗ Not quite. It is tempting, but the cohort says < 1%.")
    assert "&lt; 1%" in block.feedback.children[1].value
    assert block.control.options == ("Yes & no", "No")  # ipywidgets sets option labels as text, not HTML


def test_plain_text_repr_is_a_deterministic_summary(single, multiple, numeric):
    w = quiz([single, multiple, numeric])
    assert isinstance(w, Quiz) and isinstance(w, widgets.VBox)
    bundle = w._repr_mimebundle_()
    assert bundle["text/plain"] == (
        "Self-check: 3 questions (1 single choice, 1 multiple choice, 1 numeric)\n"
        "1. What is the usual first step for acute non-specific back pain?\n"
        "2. Mark each statement true or false.\n"
        "3. How many in 100?"
    )
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == w.model_id
    assert repr(w) == bundle["text/plain"] == quiz([single, multiple, numeric])._repr_mimebundle_()["text/plain"]


def test_quiz_refuses_what_it_cannot_show(single):
    with pytest.raises(TypeError, match="quiz\\(\\) takes a QuestionBank, a list of Question or a chapter name like "
                                        "'00_start_here', not dict"):
        quiz({"id": "q"})
    with pytest.raises(ValueError, match="quiz\\(\\) needs at least one question"):
        quiz([])


def test_unreviewed_bank_says_so(single):
    bank = QuestionBank(review=UNREVIEWED, chapter="00_start_here", questions=[single])
    w = quiz(bank)
    assert w.children[-1].value == f'<p class="backcare-quiz-review">{NOT_REVIEWED}</p>'
    assert NOT_REVIEWED == "These questions have not yet been clinically peer-reviewed."
    reviewed = QuestionBank(review=ReviewStatus(reviewed_by="A. Reviewer", reviewed_on=datetime.date(2026, 11, 1)),
                            chapter="00_start_here", questions=[single])
    w2 = quiz(reviewed)
    assert w2.children == tuple(w2.blocks)  # no "not yet reviewed" note once a named reviewer signed off


# ---- model validation ---------------------------------------------------------------------------------------------
def choice(kind="single", options=None, **extra):
    options = options if options is not None else [
        {"text": "A", "correct": True, "feedback": "A is right because it is the first letter."},
        {"text": "B", "correct": False, "feedback": "B is tempting because it sounds like A."},
    ]
    return {"id": "q1", "kind": kind, "prompt": "Pick one.", "objective": "Tell A from B.", "options": options, **extra}


def test_single_with_two_correct_options_is_refused():
    data = choice(options=[
        {"text": "A", "correct": True, "feedback": "A is right because it is the first letter."},
        {"text": "B", "correct": True, "feedback": "B is right because it is the second letter."},
    ])
    with pytest.raises(ValidationError,
                       match="a single-choice question needs exactly one correct option; found 2: 'A', 'B'"):
        Question.model_validate(data)


def test_single_with_no_correct_option_is_refused():
    data = choice(options=[
        {"text": "A", "correct": False, "feedback": "A is wrong because it is the first letter."},
        {"text": "B", "correct": False, "feedback": "B is wrong because it is the second letter."},
    ])
    with pytest.raises(ValidationError, match="a single-choice question needs exactly one correct option; found 0"):
        Question.model_validate(data)


def test_multiple_with_no_correct_option_is_refused():
    data = choice("multiple", options=[
        {"text": "A", "correct": False, "feedback": "A is wrong because it is the first letter."},
        {"text": "B", "correct": False, "feedback": "B is wrong because it is the second letter."},
    ])
    with pytest.raises(ValidationError, match="a multiple-choice question needs at least one correct option"):
        Question.model_validate(data)


@pytest.mark.parametrize("field, value", [
    ("prompt", "Pick <b>one</b>."),
    ("objective", "Tell <script>alert(1)</script> apart."),
    ("prompt", "See <a href='x'>this</a>."),
    ("prompt", "Click javascript:alert(1) now."),
])
def test_html_in_text_is_refused(field, value):
    with pytest.raises(ValidationError, match=rf"{field}\n  Value error, HTML or script is not allowed \(found "):
        Question.model_validate(choice(**{field: value}))


def test_html_in_option_feedback_is_refused():
    data = choice(options=[
        {"text": "A", "correct": True, "feedback": "A is <em>right</em> because it comes first."},
        {"text": "B", "correct": False, "feedback": "B is tempting because it sounds like A."},
    ])
    with pytest.raises(ValidationError, match=r"options\.0\.feedback\n  Value error, HTML or script is not allowed "
                                              r"\(found '<em>'\); write plain text"):
        Question.model_validate(data)


def test_less_than_sign_that_is_not_a_tag_is_fine():
    q = Question.model_validate(choice(prompt="Is the risk < 1 in 100?"))
    assert q.prompt == "Is the risk < 1 in 100?"


@pytest.mark.parametrize("feedback", ["Correct.", "Because it comes first", "", "   "])
def test_feedback_must_be_a_full_sentence(feedback):
    data = choice(options=[
        {"text": "A", "correct": True, "feedback": feedback},
        {"text": "B", "correct": False, "feedback": "B is tempting because it sounds like A."},
    ])
    with pytest.raises(ValidationError, match=r"options\.0\.feedback\n  Value error, (feedback must be at least one "
                                              r"full sentence|text is empty)"):
        Question.model_validate(data)


def test_numeric_needs_its_fields_and_no_options():
    with pytest.raises(ValidationError, match="a numeric question needs answer, tolerance, unit, feedback_correct, "
                                              "feedback_low, feedback_high, worked_answer; a numeric question takes "
                                              "no options"):
        Question.model_validate(choice("numeric"))


def test_choice_question_takes_no_numeric_fields():
    with pytest.raises(ValidationError, match="a single choice question takes options, not answer, tolerance"):
        Question.model_validate(choice(answer=1.0, tolerance=1.0))


def test_strict_types_and_unknown_fields():
    with pytest.raises(ValidationError, match="kind\n  Input should be 'single', 'multiple' or 'numeric'"):
        Question.model_validate(choice("essay"))
    with pytest.raises(ValidationError, match="shuffle\n  Extra inputs are not permitted"):
        Question.model_validate(choice(shuffle=True))
    with pytest.raises(ValidationError, match=r"options\.0\.correct\n  Input should be a valid boolean"):
        Question.model_validate(choice(options=[
            {"text": "A", "correct": "yes", "feedback": "A is right because it is the first letter."},
            {"text": "B", "correct": False, "feedback": "B is tempting because it sounds like A."}]))


def test_duplicate_option_texts_and_question_ids_are_refused(single):
    data = choice(options=[
        {"text": "A", "correct": True, "feedback": "A is right because it is the first letter."},
        {"text": "A", "correct": False, "feedback": "A again is confusing for every reader."},
    ])
    with pytest.raises(ValidationError, match="option texts must differ; repeated: 'A'"):
        Question.model_validate(data)
    with pytest.raises(ValidationError, match="question ids must be unique in a bank; repeated: first_step"):
        QuestionBank(review=UNREVIEWED, chapter="00_start_here", questions=[single, single])


# ---- loading banks from YAML --------------------------------------------------------------------------------------
GOOD_YAML = """\
review:
  reviewed_by: null
  reviewed_on: null
chapter: {chapter}
questions:
  - id: q1
    kind: single
    prompt: Pick one.
    objective: Tell A from B.
    references: [{key}]
    options:
      - text: A
        correct: true
        feedback: A is right because it is the first letter.
      - text: B
        correct: false
        feedback: B is tempting because it sounds like A.
"""


def test_load_bank_reports_unknown_reference_key_with_file_and_key(tmp_path):
    path = tmp_path / "00_start_here.yaml"
    path.write_text(GOOD_YAML.format(chapter="00_start_here", key="NoSuchKey1999"), encoding="utf-8")
    with pytest.raises(ContentError, match=re.escape(
            f"{path}:10: questions.0.references.0: unknown reference key 'NoSuchKey1999': add it to references.yaml")):
        load_bank(path)


def test_load_bank_reports_chapter_that_does_not_match_the_file(tmp_path):
    known_key = sorted(_known_keys())[0]
    path = tmp_path / "01_causes.yaml"
    path.write_text(GOOD_YAML.format(chapter="00_start_here", key=known_key), encoding="utf-8")
    with pytest.raises(ContentError, match=re.escape(path.as_posix()) + r":\d+: " + re.escape(
            "chapter: chapter '00_start_here' does not match the file name '01_causes'")):
        load_bank(path)


def test_load_bank_reports_yaml_traps_with_line_numbers(tmp_path):
    path = tmp_path / "00_start_here.yaml"
    text = GOOD_YAML.format(chapter="00_start_here", key="X").replace("correct: false", "correct: no")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match=r":16: questions\.0\.options\.1\.correct: 'no' is text"):
        load_bank(path)


def test_load_bank_unknown_chapter():
    with pytest.raises(ContentError, match=r"content/quiz/99_nowhere.yaml: no such file; files matching quiz/\*.yaml "
                                           r"are quiz/00_start_here.yaml"):
        load_bank("99_nowhere")


def _known_keys() -> set[str]:
    from backcare.content import load_content

    return set(load_content().references)


# ---- the real banks -----------------------------------------------------------------------------------------------
def test_there_are_banks():
    assert QUIZ_DIR / "00_start_here.yaml" in BANKS


@pytest.mark.parametrize("path", BANKS, ids=lambda p: p.stem)
def test_every_bank_loads_and_every_option_has_its_own_explained_feedback(path: Path):
    bank = load_bank(path.stem)
    assert bank.chapter == path.stem
    assert len(bank.questions) >= 3
    for q in bank.questions:
        if q.kind == "numeric":
            texts = [q.feedback_correct, q.feedback_low, q.feedback_high, q.worked_answer]
        else:
            texts = [o.feedback for o in q.options]
            assert len(set(texts)) == len(texts), f"{q.id}: options share feedback"
        for text in texts:
            assert len(text) >= 20 and text[-1] in ".!?", f"{q.id}: {text!r}"
        w = quiz([q])  # every question renders
        assert w.blocks[0].question is q


def test_start_here_bank_covers_all_three_kinds_and_its_facts():
    bank = load_bank("00_start_here")
    assert {q.kind for q in bank.questions} == {"single", "multiple", "numeric"}
    by_id = {q.id: q for q in bank.questions}
    numeric = by_id["serious_causes_per_100"]
    # Henschke 2009: 11 of 1172 = 0.9 % -> about 1 in 100 (clinical brief section 2a)
    assert (numeric.answer, numeric.tolerance) == (1.0, 1.0)
    assert round(11 / 1172 * 100, 1) == 0.9
    assert check_numeric(numeric, "0.9").correct is True
    assert check_numeric(numeric, "5").correct is False
    assert numeric.references == ["Henschke2009"]
    # the numbers in the text agree with content/facts.yaml (facts are held once, in content/)
    from backcare.content import load_content

    facts = load_content().facts
    serious, red_flag = facts["henschke2009_serious_pathology"], facts["henschke2009_any_red_flag"]
    assert (serious.value, serious.unit, serious.reference) == (0.9, "%", "Henschke2009")
    assert abs(serious.value - numeric.answer) <= numeric.tolerance
    assert "0.9%" in numeric.feedback_correct and "11 (0.9%)" in numeric.feedback_correct
    assert (red_flag.value, red_flag.reference) == (80.4, "Henschke2009")
    assert "80.4%" in numeric.feedback_high and "80.4%" in numeric.worked_answer
    scale = by_id["invasiveness_scale"]
    ladder = next(o for o in scale.options if "climb" in o.text)
    assert ladder.correct is False  # a scale, not a ladder
    urgent = by_id["urgent_symptoms"]
    right = urgent.options[urgent.correct_indices[0]]
    assert "emergency" in right.text.lower()


def test_start_here_widget_from_chapter_name():
    w = quiz("00_start_here")
    assert w._repr_mimebundle_()["text/plain"].startswith(
        "Self-check: 4 questions (2 single choice, 1 multiple choice, 1 numeric)\n1. ")


def test_committed_json_schema_is_up_to_date():
    import json

    from backcare.content.schema import expected_schemas

    text = expected_schemas()["quiz/question_bank.schema.json"]
    committed = (QUIZ_DIR / "question_bank.schema.json").read_text(encoding="utf-8")
    assert committed == text, "content/quiz/question_bank.schema.json is stale: run python -m backcare schema"
    schema = json.loads(text)
    assert (schema["title"], sorted(schema["properties"])) == ("backcare content: quiz/*.yaml",
                                                               ["chapter", "questions", "review"])
    assert schema["$defs"]["Question"]["properties"]["kind"]["enum"] == ["single", "multiple", "numeric"]


@pytest.mark.parametrize("path", BANKS, ids=lambda p: p.stem)
def test_every_bank_names_the_schema_on_its_first_line(path: Path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=question_bank.schema.json"


# ---- the static page: no kernel, feedback revealed by jslink + Stack in a real browser --------------------------
def _browser_or_skip():
    import os

    from backcare.paths import repo_root

    embed = repo_root() / "node_modules" / "@jupyter-widgets" / "html-manager" / "dist" / "embed.js"
    axe = repo_root() / "node_modules" / "axe-core" / "axe.min.js"
    missing = [str(p) for p in (Path("/usr/bin/chromium"), embed, axe) if not p.exists()]
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the Python package playwright")
    if missing:
        reason = f"static-page quiz test needs {', '.join(missing)}"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " (under CI=true a skipped browser test is a failure)")
        pytest.skip(reason)
    return embed, axe


@pytest.mark.browser
@pytest.mark.slow
def test_static_page_reveals_feedback_without_a_kernel(tmp_path, browser):
    from ipywidgets.embed import dependency_state, embed_minimal_html
    from playwright.sync_api import expect

    embed, axe = _browser_or_skip()
    bank = load_bank("00_start_here")
    page_file = tmp_path / "quiz.html"
    w = quiz(bank)
    # the links are not children of a view, so add their state; keep defaults (as nbclient stores them): with
    # defaults dropped, html-manager 1.0.15 cannot create a view for a Stack whose selected_index is None
    links = [link for block in w.blocks for link in block.links]
    state = dependency_state([w, *links], drop_defaults=False)
    embed_minimal_html(page_file, views=[w], state=state, title="Self-check", requirejs=False, cors=False,
                       embed_url=embed.as_uri())
    first, scale = bank.questions[0], bank.questions[1]
    external, errors = [], []
    # the session's Chromium (tests/conftest.py): one Playwright per worker process, shared with the site tests
    context = browser.new_context()
    try:
        page = context.new_page()

        def only_local(route):
            if route.request.url.startswith("file:"):
                route.continue_()
            else:
                external.append(route.request.url)
                route.abort()

        page.route("**/*", only_local)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(page_file.as_uri())
        page.wait_for_selector(".widget-radio-box", timeout=20_000)

        shown_feedback = page.locator(".backcare-quiz-feedback:visible", has_text=re.compile("^[✓✗]"))
        expect(shown_feedback).to_have_count(0)  # nothing revealed before a choice
        page.get_by_role("radio", name=first.options[1].text).check()
        expect(shown_feedback).to_have_text([f"✗ Not quite. {first.options[1].feedback}"])
        page.get_by_role("radio", name=first.options[0].text).check()
        expect(shown_feedback).to_have_text([f"✓ Correct. {first.options[0].feedback}"])
        # keyboard: statement 2 of the scale question is false; focus its "False" and press Space
        statement2 = page.locator(".widget-radio").filter(has_text="Question 2, statement 2")
        statement2.get_by_role("radio", name="False").focus()
        page.keyboard.press("Space")
        expect(shown_feedback).to_have_text([
            f"✓ Correct. {first.options[0].feedback}",
            f"✓ Right: this statement is false. {scale.options[1].feedback}",
        ])
        # numeric: the worked answer is one keypress away with no kernel
        worked = page.locator(".backcare-quiz-worked:visible")
        expect(worked).to_have_count(0)
        page.get_by_role("button", name="Show worked answer").focus()
        page.keyboard.press("Enter")
        expect(worked).to_have_text([f"Worked answer: {bank.questions[3].worked_answer}"])
        page.add_script_tag(path=str(axe))
        violations = page.evaluate(
            "axe.run().then(r => r.violations.filter(v => ['serious', 'critical'].includes(v.impact))"
            ".map(v => v.id + ': ' + v.nodes.map(n => n.html.slice(0, 80)).join(' | ')))")
    finally:
        context.close()
    assert violations == []
    assert external == [] and errors == []


def test_main_checks_banks_and_reports_problems(tmp_path, capsys):
    from backcare.lessons.quiz import main

    assert main(["00_start_here"]) == 0
    assert capsys.readouterr().out == (
        "ok   content/quiz/00_start_here.yaml: 4 questions (2 single choice, 1 multiple choice, 1 numeric)\n")
    bad = tmp_path / "00_start_here.yaml"
    bad.write_text(GOOD_YAML.format(chapter="00_start_here", key="NoSuchKey1999"), encoding="utf-8")
    assert main([str(bad), "00_start_here"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "FAIL 1 problem in course content:",
        f"  {bad}:10: questions.0.references.0: unknown reference key 'NoSuchKey1999': add it to references.yaml",
        "ok   content/quiz/00_start_here.yaml: 4 questions (2 single choice, 1 multiple choice, 1 numeric)",
    ]
