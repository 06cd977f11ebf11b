"""logic.test_accuracy: post-test probability and likelihood ratios worked by hand, exact edges, errors,
properties; typed probabilities (parse_probability)."""
from __future__ import annotations

import math
import re
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from backcare.logic.test_accuracy import (
    ALLOWED_PROBABILITY, likelihood_ratios, parse_probability, post_test_probability,
)


def exact(message: str) -> str:
    """A `match=` pattern for the whole message, taken literally."""
    return "^" + re.escape(message) + "$"


BAD_NUMBERS = [
    (1.2, "must be a number between 0 and 1, got 1.2"),
    (-0.1, "must be a number between 0 and 1, got -0.1"),
    (math.nan, "must be a number between 0 and 1, got nan"),
    (math.inf, "must be a number between 0 and 1, got inf"),
    (True, "must be a number between 0 and 1, got True (bool)"),
    (None, "must be a number between 0 and 1, got None (NoneType)"),
    ("0.3", "must be a number between 0 and 1, got '0.3' (str); use parse_probability() "
            "for typed text"),
    (1j, "must be a number between 0 and 1, got 1j (complex)"),
]


def probability(min_value: float = 0.0, max_value: float = 1.0):
    return st.one_of(st.floats(min_value, max_value),
                     st.integers(0, 1000).map(lambda k: k / 1000)
                     .filter(lambda x: min_value <= x <= max_value))


def defined(*args) -> float:
    try:
        return post_test_probability(*args)
    except ValueError:
        assume(False)


def test_slr_at_pretest_5_percent_worked_by_hand():
    # SLR sensitivity 0.92, specificity 0.28 [vdWindt10], pre-test 0.05.
    # Positive: true pos 0.92 x 0.05 = 0.046; false pos 0.72 x 0.95 = 0.684;
    #           0.046 / (0.046 + 0.684) = 0.046 / 0.730 = 0.0630137 (6.3%).
    # Negative: false neg 0.08 x 0.05 = 0.004; true neg 0.28 x 0.95 = 0.266;
    #           0.004 / 0.270 = 0.0148148 (1.5%).
    assert post_test_probability(0.05, 0.92, 0.28) == pytest.approx(0.046 / 0.730, rel=1e-12)
    assert post_test_probability(0.05, 0.92, 0.28, positive=False) == pytest.approx(
        0.004 / 0.270, rel=1e-12)
    assert round(post_test_probability(0.05, 0.92, 0.28), 7) == 0.0630137
    assert round(post_test_probability(0.05, 0.92, 0.28, positive=False), 7) == 0.0148148


def test_crossed_slr_and_history_of_cancer_worked_by_hand():
    # Crossed SLR sens 0.28 spec 0.90 [vdWindt10], pre-test 0.05:
    #   0.014 / (0.014 + 0.10 x 0.95 = 0.095) = 0.014 / 0.109 = 0.1284404.
    assert post_test_probability(0.05, 0.28, 0.90) == pytest.approx(0.014 / 0.109, rel=1e-12)
    # History of cancer sens 0.31 spec 0.98, pre-test 0.007 (fact sheet §13):
    #   0.00217 / (0.00217 + 0.02 x 0.993 = 0.01986) = 0.00217 / 0.02203 = 0.0985020.
    assert round(post_test_probability(0.007, 0.31, 0.98), 7) == 0.098502


@pytest.mark.parametrize("args, expected", [
    ((0.3, 0.8, 1.0, True), 1.0),    # specificity 1: no false positives
    ((1e-9, 0.5, 1.0, True), 1.0),
    ((0.3, 1.0, 0.6, False), 0.0),   # sensitivity 1: no false negatives
    ((0.0, 0.9, 0.8, True), 0.0),    # pre-test 0, defined
    ((0.0, 0.9, 0.8, False), 0.0),
    ((0.0, 1.0, 0.8, False), 0.0),
    ((1.0, 0.9, 0.8, True), 1.0),    # pre-test 1, defined
    ((1.0, 0.9, 0.8, False), 1.0),
    ((1.0, 0.9, 0.0, True), 1.0),
    ((0.3, 0.0, 0.6, True), 0.0),    # sensitivity 0: a positive is always false
    ((0.3, 0.8, 0.0, False), 1.0),   # specificity 0: a negative is always false
    ((0.4, 0.5, 0.5, True), 0.4),    # a useless test changes nothing
])
def test_defined_edges_are_exact(args, expected):
    assert post_test_probability(*args) == expected


@pytest.mark.parametrize("args, why", [
    ((0.0, 0.9, 1.0, True), "positive result is undefined (0/0): nobody tests positive "
     "(no true positives because pre_test is 0, no false positives because specificity is 1)"),
    ((0.3, 0.0, 1.0, True), "positive result is undefined (0/0): nobody tests positive "
     "(no true positives because sensitivity is 0, no false positives because specificity is 1)"),
    ((1.0, 0.0, 0.5, True), "positive result is undefined (0/0): nobody tests positive "
     "(no true positives because sensitivity is 0, no false positives because pre_test is 1)"),
    ((0.0, 0.5, 0.0, False), "negative result is undefined (0/0): nobody tests negative "
     "(no false negatives because pre_test is 0, no true negatives because specificity is 0)"),
    ((1.0, 1.0, 0.5, False), "negative result is undefined (0/0): nobody tests negative "
     "(no false negatives because sensitivity is 1, no true negatives because pre_test is 1)"),
])
def test_undefined_results_say_why(args, why):
    with pytest.raises(ValueError, match=exact("the post-test probability after a " + why)):
        post_test_probability(*args)


@pytest.mark.parametrize("bad, message", BAD_NUMBERS)
@pytest.mark.parametrize("position, name", [(0, "pre_test"), (1, "sensitivity"),
                                            (2, "specificity")])
def test_post_test_rejects_bad_inputs_naming_the_argument(bad, message, position, name):
    args = [0.5, 0.5, 0.5]
    args[position] = bad
    with pytest.raises(ValueError, match=exact(f"{name} {message}")):
        post_test_probability(*args)


def test_post_test_accepts_ints_and_fractions_and_checks_positive_flag():
    assert post_test_probability(Fraction(1, 2), 1, 0) == 0.5
    with pytest.raises(ValueError, match=exact("positive must be True or False, got 'yes'")):
        post_test_probability(0.5, 0.5, 0.5, positive="yes")


def test_likelihood_ratios_worked_by_hand():
    # SLR: LR+ = 0.92 / 0.72 = 1.27778; LR- = 0.08 / 0.28 = 0.285714.
    lr_pos, lr_neg = likelihood_ratios(0.92, 0.28)
    assert lr_pos == pytest.approx(0.92 / 0.72, rel=1e-12)
    assert lr_neg == pytest.approx(0.08 / 0.28, rel=1e-12)
    # Crossed SLR: LR+ = 0.28 / 0.10 = 2.8; LR- = 0.72 / 0.90 = 0.8.
    assert likelihood_ratios(0.28, 0.90) == pytest.approx((2.8, 0.8), rel=1e-12)
    assert likelihood_ratios(0.5, 0.5) == (1.0, 1.0)


def test_likelihood_ratio_edges():
    assert likelihood_ratios(0.5, 1.0) == (math.inf, 0.5)
    assert likelihood_ratios(0.5, 0.0) == (0.5, math.inf)
    assert likelihood_ratios(1.0, 0.5) == (2.0, 0.0)
    assert likelihood_ratios(0.0, 0.5) == (0.0, 2.0)
    assert likelihood_ratios(1.0, 1.0) == (math.inf, 0.0)
    assert likelihood_ratios(0.0, 0.0) == (0.0, math.inf)


def test_likelihood_ratio_undefined_and_bad_inputs():
    with pytest.raises(ValueError, match=exact(
            "LR+ is undefined (0/0) when sensitivity is 0 and specificity is 1: "
            "the test is never positive")):
        likelihood_ratios(0.0, 1.0)
    with pytest.raises(ValueError, match=exact(
            "LR- is undefined (0/0) when sensitivity is 1 and specificity is 0: "
            "the test is never negative")):
        likelihood_ratios(1.0, 0.0)
    with pytest.raises(ValueError, match=exact("specificity must be a number between 0 and 1, "
                                               "got nan")):
        likelihood_ratios(0.5, math.nan)
    with pytest.raises(ValueError, match=exact("sensitivity must be a number between 0 and 1, "
                                               "got False (bool)")):
        likelihood_ratios(False, 0.5)


@pytest.mark.parametrize("text, expected", [
    ("0.3", 0.3), ("30%", 0.3), ("30 %", 0.3), (" 0.3 ", 0.3), ("\t25%\n", 0.25),
    (".5", 0.5), ("1", 1.0), ("0", 0.0), ("1.0", 1.0), ("100%", 1.0), ("0%", 0.0),
    ("0.5%", 0.005), ("12.5 %", 0.125), ("+0.2", 0.2), ("-0", 0.0), ("1.", 1.0), ("0.10", 0.1),
    ("30\u00a0%", 0.3), ("30\u202f%", 0.3),
])
def test_parse_probability_accepts(text, expected):
    value = parse_probability(text)
    assert value == expected and math.copysign(1, value) == 1


@pytest.mark.parametrize("text, problem", [
    ("", "Nothing was entered"),
    ("   ", "Nothing was entered"),
    ("0.123456789012345678901", "The entry is too long (23 characters; at most 20)"),
    ("abc", "'abc' is not a number"),
    ("30%%", "'30%%' is not a number"),
    ("1e-3", "'1e-3' is not a number"),
    ("0.3.1", "'0.3.1' is not a number"),
    ("1/3", "'1/3' is not a number"),
    ("nan", "'nan' is not a finite number"),
    ("-inf", "'-inf' is not a finite number"),
    ("Infinity", "'Infinity' is not a finite number"),
    ("０.３", "'０.３' uses digits other than the ASCII digits 0-9"),
    ("٠.٥", "'٠.٥' uses digits other than the ASCII digits 0-9"),
    ("½", "'½' uses digits other than the ASCII digits 0-9"),
    ("0,3", "'0,3' uses a comma; use a dot as the decimal separator"),
    ("-0.1", "'-0.1' is below 0"),
    ("-5%", "'-5%' is below 0"),
    ("30", "'30' is more than 1 (did you mean 30%?)"),
    ("1.5", "'1.5' is more than 1 (did you mean 1.5%?)"),
    ("150%", "'150%' is more than 100%"),
])
def test_parse_probability_rejects_with_what_is_allowed(text, problem):
    with pytest.raises(ValueError, match=exact(f"{problem}. {ALLOWED_PROBABILITY}.")):
        parse_probability(text)


def test_parse_probability_rejects_non_text_and_states_the_allowed_form():
    assert ALLOWED_PROBABILITY == ("Enter a probability between 0 and 1 (for example 0.25) "
                                   "or a percentage (for example 25%)")
    with pytest.raises(ValueError, match=exact(f"expected typed text, got float. "
                                               f"{ALLOWED_PROBABILITY}.")):
        parse_probability(0.3)


@given(probability(), probability(), probability(), probability(), st.booleans())
def test_post_test_is_monotonic_in_pre_test(p1, p2, sens, spec, positive):
    low, high = sorted((p1, p2))
    assert defined(low, sens, spec, positive) <= defined(high, sens, spec, positive)


@given(probability(), probability(), probability(), st.booleans())
def test_post_test_is_a_probability_matching_exact_arithmetic(pre, sens, spec, positive):
    assume(all(x == 0 or x >= 1e-100 for x in (pre, sens, spec, 1 - sens, 1 - spec)))
    result = defined(pre, sens, spec, positive)
    assert 0.0 <= result <= 1.0
    p, s, c = Fraction(pre), Fraction(sens), Fraction(spec)
    hit, miss = (s * p, (1 - c) * (1 - p)) if positive else ((1 - s) * p, c * (1 - p))
    assert result == pytest.approx(float(hit / (hit + miss)), rel=1e-12, abs=1e-300)


@given(probability(), probability(), probability())
def test_positive_result_never_lowers_when_lr_positive_above_1(pre, sens, spec):
    assume(not (sens == 0 and spec == 1) and not (sens == 1 and spec == 0))  # an LR is 0/0
    assume(likelihood_ratios(sens, spec)[0] > 1)
    assert defined(pre, sens, spec, True) >= pre - 1e-12


@given(probability(), probability(), probability())
def test_negative_result_never_raises_when_lr_negative_below_1(pre, sens, spec):
    assume(not (sens == 0 and spec == 1) and not (sens == 1 and spec == 0))  # an LR is 0/0
    assume(likelihood_ratios(sens, spec)[1] < 1)
    assert defined(pre, sens, spec, False) <= pre + 1e-12


@given(st.floats(0, 1))
def test_parse_probability_round_trips_decimal_text(x):
    text = repr(x)
    assume("e" not in text and len(text) <= 20)
    assert parse_probability(text) == x


@given(st.integers(0, 100))
def test_parse_probability_reads_whole_percentages(k):
    assert parse_probability(f"{k}%") == k / 100 == parse_probability(f" {k} % ")


@given(st.text(max_size=30))
def test_parse_probability_returns_a_probability_or_raises_value_error(text):
    try:
        value = parse_probability(text)
    except ValueError as error:
        assert str(error).endswith(f"{ALLOWED_PROBABILITY}.")
    else:
        assert 0.0 <= value <= 1.0
