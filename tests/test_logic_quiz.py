"""backcare.logic.quiz: checking a chosen option, statements marked true, or a typed number (pure)."""
from __future__ import annotations

import re

import ipywidgets as widgets
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backcare.content.quiz import Question
from backcare.lessons.quiz import quiz
from backcare.logic.quiz import Feedback, check_multiple, check_numeric, check_single

from quiz_support import multiple, numeric, single  # noqa: F401


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
