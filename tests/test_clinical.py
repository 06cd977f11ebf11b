"""Tests for backcare.clinical: exact values worked by hand, edges, errors, properties."""
from __future__ import annotations

import dataclasses
import itertools
import math
import re
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from backcare.clinical import (
    ALLOWED_PROBABILITY, START_BACK_ITEMS, START_BACK_SOURCE, NaturalFrequencies,
    StartBackResult, likelihood_ratios, natural_frequencies, parse_probability,
    post_test_probability, start_back,
)

# Hypothesis settings come from the suite's one profile (tests/conftest.py; HYPOTHESIS_PROFILE=thorough for more).


def exact(message: str) -> str:
    """A `match=` pattern for the whole message, taken literally."""
    return "^" + re.escape(message) + "$"


def answers(*agreed: int) -> dict[int, bool]:
    """STarT Back answers with the listed items True and the others False."""
    return {n: n in agreed for n in range(1, 10)}


# ============================================================================ STarT Back
@pytest.mark.parametrize("agreed, total, psychosocial, risk", [
    ((), 0, 0, "low"),
    ((1, 2, 3), 3, 0, "low"),                     # total 3: still low
    ((5, 6, 7), 3, 3, "low"),                     # total 3, subscale 3: low
    ((1, 2, 3, 4), 4, 0, "medium"),               # total 4, subscale 0: medium
    ((1, 5, 6, 7), 4, 3, "medium"),               # total 4, subscale 3: medium
    ((1, 2, 3, 4, 5, 6, 7), 7, 3, "medium"),      # high total but subscale 3: medium
    ((5, 6, 7, 8), 4, 4, "high"),                 # subscale 4: high
    ((1, 2, 3, 4, 6, 7, 8, 9), 8, 4, "high"),
    ((1, 2, 3, 4, 5, 6, 7, 8, 9), 9, 5, "high"),
])
def test_start_back_scores_and_risk(agreed, total, psychosocial, risk):
    assert start_back(answers(*agreed)) == StartBackResult(total, psychosocial, risk)


def test_start_back_all_512_answer_sets_follow_the_published_rule():
    # Rule from fact sheet §4c [PP-SBT]: low total 0-3; medium total >= 4 and subscale <= 3;
    # high subscale 4-5. Written here independently of the module.
    for combo in itertools.product([False, True], repeat=9):
        given_answers = dict(zip(range(1, 10), combo))
        total, subscale = sum(combo), sum(combo[4:])
        expected = ("high" if subscale >= 4 else "medium" if total >= 4 else "low")
        result = start_back(given_answers)
        assert (result.total, result.psychosocial, result.risk) == (total, subscale, expected)
        if result.risk == "high":
            assert result.total >= 4


def test_start_back_result_is_frozen():
    result = start_back(answers())
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.risk = "high"


def test_start_back_accepts_any_mapping_in_any_order():
    reordered = dict(reversed(list(answers(5, 6, 7, 8).items())))
    assert start_back(reordered).risk == "high"


@pytest.mark.parametrize("bad, message", [
    ({n: False for n in range(1, 10) if n != 3},
     "item 3 is missing; answer every item 1 to 9 with True or False"),
    ({1: True, 2: False},
     "items 3, 4, 5, 6, 7, 8 and 9 are missing; answer every item 1 to 9 with True or False"),
    ({**answers(), 10: True}, "item 10 is not on the tool; items are numbered 1 to 9"),
    ({**answers(), 0: True}, "item 0 is not on the tool; items are numbered 1 to 9"),
    ({**answers(), "3": True}, "item '3' is not an item number; use the whole numbers 1 to 9"),
    ({True: True, **{n: False for n in range(2, 10)}}, "item True is not an item number; use the whole numbers 1 to 9"),
    ({**answers(), 4: 1}, "item 4 must be True or False, got 1 (int)"),
    ({**answers(), 9: 0}, "item 9 must be True or False, got 0 (int)"),
    ({**answers(), 5: "yes"}, "item 5 must be True or False, got 'yes' (str)"),
    ({**answers(), 6: None}, "item 6 must be True or False, got None (NoneType)"),
    ([True] * 9, "answers must be a mapping of item number (1 to 9) to True or False, got list"),
])
def test_start_back_rejects_bad_answers_naming_the_problem(bad, message):
    with pytest.raises(ValueError, match=exact(message)):
        start_back(bad)


def test_start_back_items_are_a_labelled_teaching_paraphrase():
    assert len(START_BACK_ITEMS) == 9
    assert [item.number for item in START_BACK_ITEMS] == list(range(1, 10))
    assert [item.number for item in START_BACK_ITEMS if item.psychosocial] == [5, 6, 7, 8, 9]
    assert [item.domain for item in START_BACK_ITEMS] == [
        "referred leg pain", "comorbid pain", "disability", "disability",
        "fear", "anxiety", "catastrophising", "low mood", "bothersomeness"]
    assert len({item.text for item in START_BACK_ITEMS}) == 9
    assert all(10 < len(item.text) < 130 for item in START_BACK_ITEMS)
    nocebo = ("wear and tear", "slipped", "degenerat", "damage", "instability")
    assert not [w for item in START_BACK_ITEMS for w in nocebo if w in item.text.lower()]
    assert "paraphrase" in START_BACK_SOURCE and "keele.ac.uk/startback" in START_BACK_SOURCE
    with pytest.raises(dataclasses.FrozenInstanceError):
        START_BACK_ITEMS[0].text = "changed"


# ================================================================== post-test probability
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


# ==================================================================== likelihood ratios
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


# ================================================================== natural frequencies
def counts(f: NaturalFrequencies) -> tuple[int, ...]:
    return (f.with_condition, f.without_condition, f.true_pos, f.false_neg, f.false_pos,
            f.true_neg)


def test_natural_frequencies_slr_worked_by_hand():
    # 1000 x 0.05 = 50 with, 950 without; 0.92 x 50 = 46 true pos, 4 false neg;
    # 0.72 x 950 = 684 false pos, 266 true neg.
    f = natural_frequencies(0.05, 0.92, 0.28)
    assert counts(f) == (50, 950, 46, 4, 684, 266)
    assert f.population == 1000
    assert f.post_test_positive == post_test_probability(0.05, 0.92, 0.28)
    assert f.post_test_negative == post_test_probability(0.05, 0.92, 0.28, positive=False)
    assert f.sentence() == (
        "Out of 1,000 people like this, 50 have the condition; 46 of them test positive and "
        "4 test negative. Of the 950 without it, 684 test positive and 266 test negative. "
        "After a positive result, 6.3% have the condition (46 of the 730 who test positive). "
        "After a negative result, 1.5% have the condition (4 of the 270 who test negative).")


def test_natural_frequencies_brief_example_and_half_up_rounding():
    # 0.058 x 1000 = 58; 0.92 x 58 = 53.36 -> 53, 5; 0.72 x 942 = 678.24 -> 678, 264.
    assert counts(natural_frequencies(0.058, 0.92, 0.28)) == (58, 942, 53, 5, 678, 264)
    assert natural_frequencies(0.058, 0.92, 0.28).sentence().startswith(
        "Out of 1,000 people like this, 58 have the condition; 53 of them test positive")
    # 0.0725 x 1000 = 72.5 -> 73 (half up, although the float 0.0725 is a hair below);
    # 0.5 x 73 = 36.5 -> 37, 36; 0.5 x 927 = 463.5 -> 464, 463.
    assert counts(natural_frequencies(0.0725, 0.5, 0.5)) == (73, 927, 37, 36, 464, 463)
    # 0.0125 x 200 = 2.5 -> 3; 0.5 x 3 = 1.5 -> 2; 0.5 x 197 = 98.5 -> 99.
    assert counts(natural_frequencies(0.0125, 0.5, 0.5, 200)) == (3, 197, 2, 1, 99, 98)


def test_natural_frequencies_exact_probabilities_differ_from_rounded_counts():
    # 0.0001 x 1000 = 0.1 -> nobody with the condition in the counts, yet the exact
    # post-test probability after a positive result is 0.0001 x 0.5 / 0.5 = 0.0001.
    f = natural_frequencies(0.0001, 0.5, 0.5)
    assert counts(f) == (0, 1000, 0, 0, 500, 500)
    assert f.post_test_positive == pytest.approx(0.0001, rel=1e-12)
    assert f.sentence() == (
        "Out of 1,000 people like this, 0 have the condition; 0 of them test positive and "
        "0 test negative. Of the 1,000 without it, 500 test positive and 500 test negative. "
        "After a positive result, less than 0.1% have the condition (0 of the 500 who test "
        "positive). After a negative result, less than 0.1% have the condition (0 of the 500 "
        "who test negative).")


def test_natural_frequencies_singular_wording_and_undefined_results():
    f = natural_frequencies(0.1, 1.0, 1.0, population=10)
    assert counts(f) == (1, 9, 1, 0, 0, 9)
    assert f.sentence() == (
        "Out of 10 people like this, 1 has the condition; 1 of them tests positive and "
        "0 test negative. Of the 9 without it, 0 test positive and 9 test negative. "
        "After a positive result, 100.0% have the condition (1 of the 1 who tests positive). "
        "After a negative result, 0.0% have the condition (0 of the 9 who test negative).")
    g = natural_frequencies(0.0, 0.9, 1.0, population=1_000_000)
    assert g.post_test_positive is None and g.post_test_negative == 0.0
    assert g.sentence().endswith(
        "After a positive result, the chance is undefined: nobody tests positive. After a "
        "negative result, 0.0% have the condition (0 of the 1,000,000 who test negative).")
    assert g.sentence().startswith("Out of 1,000,000 people like this, 0 have")
    assert "more than 99.9% have" in natural_frequencies(0.9999, 0.5, 0.5).sentence()


def test_natural_frequencies_is_frozen_and_checks_inputs():
    f = natural_frequencies(0.05, 0.92, 0.28)
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.true_pos = 1
    numpy = pytest.importorskip("numpy")  # a whole number from numpy counts as whole too
    counted = natural_frequencies(0.05, 0.92, 0.28, population=numpy.int64(100))
    assert counted.population == 100 and type(counted.population) is int
    for bad in (0, -5, 2.5, True, "1000", Fraction(1, 2)):
        with pytest.raises(ValueError, match=exact(
                f"population must be a whole number of people, 1 or more, got {bad!r}")):
            natural_frequencies(0.05, 0.92, 0.28, population=bad)
    with pytest.raises(ValueError, match=exact("pre_test must be a number between 0 and 1, "
                                               "got 5")):
        natural_frequencies(5, 0.92, 0.28)


# ============================================================================== parsing
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


# ============================================================= property-based tests
def probability(min_value: float = 0.0, max_value: float = 1.0):
    return st.one_of(st.floats(min_value, max_value),
                     st.integers(0, 1000).map(lambda k: k / 1000)
                     .filter(lambda x: min_value <= x <= max_value))


def defined(*args) -> float:
    try:
        return post_test_probability(*args)
    except ValueError:
        assume(False)


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


@given(probability(), probability(), probability(), st.integers(1, 10**6))
def test_natural_frequencies_add_up(pre, sens, spec, population):
    f = natural_frequencies(pre, sens, spec, population)
    assert min(counts(f)) >= 0
    assert f.with_condition + f.without_condition == population
    assert f.true_pos + f.false_neg == f.with_condition
    assert f.false_pos + f.true_neg == f.without_condition
    assert sum(counts(f)[2:]) == population
    assert abs(f.with_condition - pre * population) <= 0.5 + 1e-6 * population
    for positive, value in ((True, f.post_test_positive), (False, f.post_test_negative)):
        try:
            assert value == post_test_probability(pre, sens, spec, positive)
        except ValueError:
            assert value is None
    assert f.sentence() == f.sentence()  # deterministic


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
