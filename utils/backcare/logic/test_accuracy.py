"""Test-result arithmetic: post-test probability (Bayes), likelihood ratios and typed probabilities ("30%").

Pure: every bad input raises ``ValueError`` with a sentence naming the problem and what is allowed. Teaching
material, not medical advice.
"""
from __future__ import annotations

import math
import numbers
import re
from decimal import Decimal

__all__ = ["ALLOWED_PROBABILITY", "post_test_probability", "likelihood_ratios", "parse_probability",
           "probability", "post_test_or_none"]


def _probability(name: str, value: object) -> float:
    """Return ``value`` as a float in [0, 1] or raise ValueError naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        hint = "; use parse_probability() for typed text" if isinstance(value, str) else ""
        raise ValueError(f"{name} must be a number between 0 and 1, got {value!r} "
                         f"({type(value).__name__}){hint}")
    number = float(value)
    if not 0.0 <= number <= 1.0:  # also catches NaN
        raise ValueError(f"{name} must be a number between 0 and 1, got {value!r}")
    return number


def _post_test(pre: float, sens: float, spec: float, positive: bool) -> float | None:
    """Bayes' theorem on validated inputs; None where the answer is 0/0 (nobody gets it)."""
    if positive:  # who gets this result: people with / without the condition
        share_with, share_without = sens * pre, (1.0 - spec) * (1.0 - pre)
        none_with, none_without = sens == 0 or pre == 0, spec == 1 or pre == 1
    else:
        share_with, share_without = (1.0 - sens) * pre, spec * (1.0 - pre)
        none_with, none_without = sens == 1 or pre == 0, spec == 0 or pre == 1
    if none_with and none_without:
        return None
    if none_without:
        return 1.0
    if none_with or share_with == 0.0:  # the second: underflow of a tiny product
        return 0.0
    # 1 / (1 + without/with) keeps the result monotonic in pre_test under float rounding.
    return 1.0 / (1.0 + share_without / share_with)


def _why_undefined(pre: float, sens: float, spec: float, positive: bool) -> str:
    result = "positive" if positive else "negative"
    if positive:
        a = "pre_test is 0" if pre == 0 else "sensitivity is 0"
        b = "pre_test is 1" if pre == 1 else "specificity is 1"
        kinds = "no true positives because {}, no false positives because {}"
    else:
        a = "pre_test is 0" if pre == 0 else "sensitivity is 1"
        b = "pre_test is 1" if pre == 1 else "specificity is 0"
        kinds = "no false negatives because {}, no true negatives because {}"
    return (f"the post-test probability after a {result} result is undefined (0/0): nobody "
            f"tests {result} ({kinds.format(a, b)})")


def post_test_probability(pre_test: float, sensitivity: float, specificity: float,
                          positive: bool = True) -> float:
    """Probability of the condition after a positive (or negative) test result (Bayes).

    Positive: sens·p / (sens·p + (1 − spec)·(1 − p)); negative: (1 − sens)·p /
    ((1 − sens)·p + spec·(1 − p)). Edges are exact: where no one without the condition
    gets this result the answer is 1.0, where no one with it does it is 0.0; where
    nobody at all gets this result the answer is undefined and ValueError says why.

    Examples
    --------
    Straight leg raise (sensitivity 0.92, specificity 0.28 [vdWindt10]) at pre-test 5%:

    >>> round(post_test_probability(0.05, 0.92, 0.28), 4)
    0.063
    >>> round(post_test_probability(0.05, 0.92, 0.28, positive=False), 4)
    0.0148
    >>> post_test_probability(0, 0.9, 1.0)
    Traceback (most recent call last):
    ...
    ValueError: the post-test probability after a positive result is undefined (0/0): nobody tests positive (no true positives because pre_test is 0, no false positives because specificity is 1)
    """
    pre = _probability("pre_test", pre_test)
    sens = _probability("sensitivity", sensitivity)
    spec = _probability("specificity", specificity)
    if not isinstance(positive, bool):
        raise ValueError(f"positive must be True or False, got {positive!r}")
    result = _post_test(pre, sens, spec, positive)
    if result is None:
        raise ValueError(_why_undefined(pre, sens, spec, positive))
    return result


def likelihood_ratios(sensitivity: float, specificity: float) -> tuple[float, float]:
    """Return (LR+, LR−) = (sens / (1 − spec), (1 − sens) / spec); ``math.inf`` where infinite.

    Examples
    --------
    >>> [round(x, 4) for x in likelihood_ratios(0.92, 0.28)]
    [1.2778, 0.2857]
    >>> likelihood_ratios(0.5, 1.0)
    (inf, 0.5)
    >>> likelihood_ratios(0.0, 1.0)
    Traceback (most recent call last):
    ...
    ValueError: LR+ is undefined (0/0) when sensitivity is 0 and specificity is 1: the test is never positive
    """
    sens = _probability("sensitivity", sensitivity)
    spec = _probability("specificity", specificity)
    if sens == 0.0 and spec == 1.0:
        raise ValueError("LR+ is undefined (0/0) when sensitivity is 0 and specificity is 1: "
                         "the test is never positive")
    if sens == 1.0 and spec == 0.0:
        raise ValueError("LR- is undefined (0/0) when sensitivity is 1 and specificity is 0: "
                         "the test is never negative")
    lr_pos = math.inf if spec == 1.0 else sens / (1.0 - spec)
    lr_neg = math.inf if spec == 0.0 else (1.0 - sens) / spec
    return lr_pos, lr_neg


ALLOWED_PROBABILITY = ("Enter a probability between 0 and 1 (for example 0.25) "
                       "or a percentage (for example 25%)")
_SPACE = "[ \u00a0\u202f]*"  # a space, or a no-break space as many locales type before %
_NUMBER = re.compile(rf"([+-]?)(\d+(?:\.\d*)?|\.\d+){_SPACE}(%?)", re.ASCII)


def parse_probability(text: str) -> float:
    """Read typed text such as "0.3", "30%", "30 %" or " 0.3 " as a probability in [0, 1].

    Examples
    --------
    >>> parse_probability(" 30 % ")
    0.3
    >>> parse_probability("30")
    Traceback (most recent call last):
    ...
    ValueError: '30' is more than 1 (did you mean 30%?). Enter a probability between 0 and 1 (for example 0.25) or a percentage (for example 25%).
    """
    def fail(problem: str) -> ValueError:
        return ValueError(f"{problem}. {ALLOWED_PROBABILITY}.")

    if not isinstance(text, str):
        raise fail(f"expected typed text, got {type(text).__name__}")
    entry = text.strip()
    if not entry:
        raise fail("Nothing was entered")
    if len(entry) > 20:
        raise fail(f"The entry is too long ({len(entry)} characters; at most 20)")
    if any(not ch.isascii() and (ch.isdigit() or ch.isnumeric()) for ch in entry):
        raise fail(f"{entry!r} uses digits other than the ASCII digits 0-9")
    if entry.lower().lstrip("+-") in {"nan", "inf", "infinity"}:
        raise fail(f"{entry!r} is not a finite number")
    if re.fullmatch(rf"[+-]?\d*,\d+{_SPACE}%?", entry, re.ASCII):
        raise fail(f"{entry!r} uses a comma; use a dot as the decimal separator")
    match = _NUMBER.fullmatch(entry)
    if match is None:
        raise fail(f"{entry!r} is not a number")
    sign, digits, percent = match.groups()
    value = Decimal(sign + digits)
    if value < 0:
        raise fail(f"{entry!r} is below 0")
    value = abs(value)  # "-0" reads as 0.0, not -0.0
    if percent:
        if value > 100:
            raise fail(f"{entry!r} is more than 100%")
        return float(value / 100)
    if value > 1:
        raise fail(f"{entry!r} is more than 1 (did you mean {digits}%?)")
    return float(value)


#: Public names for the validated building blocks used by :mod:`backcare.logic.natural_frequencies`.
probability = _probability
post_test_or_none = _post_test
