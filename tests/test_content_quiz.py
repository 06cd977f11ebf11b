"""backcare.content.quiz: the question-bank models, and the real banks in content/quiz/."""
from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets
import pytest
from pydantic import ValidationError

from backcare.content.quiz import Question, QuestionBank
from backcare.lessons.quiz import load_bank, quiz
from backcare.logic.quiz import check_numeric

from quiz_support import BANKS, QUIZ_DIR, multiple, numeric, single  # noqa: F401


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
        QuestionBank(chapter="00_start_here", questions=[single, single])



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



def test_committed_json_schema_is_up_to_date():
    import json

    from backcare.content.schema import expected_schemas

    text = expected_schemas()["quiz/question_bank.schema.json"]
    committed = (QUIZ_DIR / "question_bank.schema.json").read_text(encoding="utf-8")
    assert committed == text, "content/quiz/question_bank.schema.json is stale: run python -m backcare schema"
    schema = json.loads(text)
    assert (schema["title"], sorted(schema["properties"])) == ("backcare content: quiz/*.yaml",
                                                               ["chapter", "questions"])
    assert schema["$defs"]["Question"]["properties"]["kind"]["enum"] == ["single", "multiple", "numeric"]


@pytest.mark.parametrize("path", BANKS, ids=lambda p: p.stem)
def test_every_bank_names_the_schema_on_its_first_line(path: Path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=question_bank.schema.json"
