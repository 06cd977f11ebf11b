"""Natural frequencies: a test's results as whole-number counts of people ("out of 1,000 people like this").

Pure; the rounding rule is in :func:`natural_frequencies`. Teaching material, not medical advice.
"""
from __future__ import annotations

import numbers
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

from ..fmt import bounded_percent, counted
from .test_accuracy import post_test_or_none as _post_test
from .test_accuracy import probability as _probability

__all__ = ["NaturalFrequencies", "natural_frequencies"]


@dataclass(frozen=True)
class NaturalFrequencies:
    """Whole-number counts out of ``population`` plus exact post-test probabilities.

    ``post_test_positive`` / ``post_test_negative`` come from the exact probabilities (not
    the rounded counts) and are None where nobody gets that result (undefined).
    """
    population: int
    with_condition: int
    without_condition: int
    true_pos: int
    false_neg: int
    false_pos: int
    true_neg: int
    post_test_positive: float | None
    post_test_negative: float | None

    def sentence(self) -> str:
        """A plain-language summary with fixed wording (see ``natural_frequencies``)."""
        return (f"Out of {self.population:,} people like this, "
                f"{_count(self.with_condition, 'has', 'have')} the condition; "
                f"{_count(self.true_pos, 'of them tests', 'of them test')} positive and "
                f"{_count(self.false_neg, 'tests', 'test')} negative. "
                f"Of the {self.without_condition:,} without it, "
                f"{_count(self.false_pos, 'tests', 'test')} positive and "
                f"{_count(self.true_neg, 'tests', 'test')} negative. "
                + _after(self.post_test_positive, "positive", self.true_pos,
                         self.true_pos + self.false_pos) + " "
                + _after(self.post_test_negative, "negative", self.false_neg,
                         self.false_neg + self.true_neg))


_count = counted


def _after(p: float | None, result: str, with_condition: int, everyone: int) -> str:
    if p is None:
        return f"After a {result} result, the chance is undefined: nobody tests {result}."
    share = bounded_percent(p)
    return (f"After a {result} result, {share} have the condition ({with_condition:,} of the "
            f"{_count(everyone, 'who tests', 'who test')} {result}).")


def _round_half_up(share: Decimal, count: int) -> int:
    with localcontext() as ctx:
        ctx.prec = 60
        return int((share * count).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def natural_frequencies(pre_test: float, sensitivity: float, specificity: float,
                        population: int = 1000) -> NaturalFrequencies:
    """Express a test's results as counts of people ("out of 1,000 people like this").

    Rounding rule: each probability is read as the decimal it prints as (``repr``), then
    with_condition = pre_test × population rounded half up (0.5 goes up) and
    without_condition = population − with_condition; true_pos = sensitivity ×
    with_condition rounded half up, false_neg = the rest; false_pos = (1 − specificity) ×
    without_condition rounded half up, true_neg = the rest. So the counts always add up
    to ``population``, and each group adds up to its parent. The percentages in
    ``sentence()`` are the exact post-test probabilities, so they can differ slightly
    from the rounded counts shown beside them.

    Examples
    --------
    >>> f = natural_frequencies(0.05, 0.92, 0.28)
    >>> f.with_condition, f.true_pos, f.false_neg, f.false_pos, f.true_neg
    (50, 46, 4, 684, 266)
    >>> print(f.sentence())  # doctest: +NORMALIZE_WHITESPACE
    Out of 1,000 people like this, 50 have the condition; 46 of them test positive and 4 test
    negative. Of the 950 without it, 684 test positive and 266 test negative. After a positive
    result, 6.3% have the condition (46 of the 730 who test positive). After a negative result,
    1.5% have the condition (4 of the 270 who test negative).
    >>> natural_frequencies(0.05, 0.92, 0.28, population=0)
    Traceback (most recent call last):
    ...
    ValueError: population must be a whole number of people, 1 or more, got 0
    """
    pre = _probability("pre_test", pre_test)
    sens = _probability("sensitivity", sensitivity)
    spec = _probability("specificity", specificity)
    if (isinstance(population, bool) or not isinstance(population, numbers.Integral)
            or population < 1):
        raise ValueError(f"population must be a whole number of people, 1 or more, "
                         f"got {population!r}")
    population = int(population)
    with_condition = _round_half_up(Decimal(repr(pre)), population)
    without_condition = population - with_condition
    true_pos = _round_half_up(Decimal(repr(sens)), with_condition)
    false_pos = _round_half_up(1 - Decimal(repr(spec)), without_condition)
    return NaturalFrequencies(
        population=population, with_condition=with_condition,
        without_condition=without_condition, true_pos=true_pos,
        false_neg=with_condition - true_pos, false_pos=false_pos,
        true_neg=without_condition - false_pos,
        post_test_positive=_post_test(pre, sens, spec, True),
        post_test_negative=_post_test(pre, sens, spec, False))
