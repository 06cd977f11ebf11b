"""logic.natural_frequencies: counts worked by hand, half-up rounding, wording, and that they add up."""
from __future__ import annotations

import dataclasses
import re
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backcare.logic.natural_frequencies import NaturalFrequencies, natural_frequencies
from backcare.logic.test_accuracy import post_test_probability


def exact(message: str) -> str:
    """A `match=` pattern for the whole message, taken literally."""
    return "^" + re.escape(message) + "$"


def counts(f: NaturalFrequencies) -> tuple[int, ...]:
    return (f.with_condition, f.without_condition, f.true_pos, f.false_neg, f.false_pos,
            f.true_neg)


def probability(min_value: float = 0.0, max_value: float = 1.0):
    return st.one_of(st.floats(min_value, max_value),
                     st.integers(0, 1000).map(lambda k: k / 1000)
                     .filter(lambda x: min_value <= x <= max_value))


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
