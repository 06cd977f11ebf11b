"""Pure clinical calculators for the course: STarT Back scoring and test-result arithmetic.

Every function is pure (no I/O, no global state) and every bad input raises ``ValueError``
with a sentence naming the problem and what is allowed. Teaching material, not medical advice.

STarT Back: Keele STarT Back Screening Tool scoring as described in [PP-SBT] and [Hill11]
(fact sheet §4c). The item texts below are the course's own teaching paraphrase, not the
official wording; the official tool and its licence: keele.ac.uk/startback.
"""
from __future__ import annotations

import math
import numbers
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

from .fmt import bounded_percent, counted

__all__ = [
    "START_BACK_SOURCE", "ALLOWED_PROBABILITY", "START_BACK_ITEMS", "StartBackItem", "StartBackResult", "start_back",
    "post_test_probability", "likelihood_ratios", "NaturalFrequencies",
    "natural_frequencies", "parse_probability",
]


# --------------------------------------------------------------------------- STarT Back
@dataclass(frozen=True)
class StartBackItem:
    """One STarT Back item: its number, a teaching paraphrase, its domain, subscale flag."""
    number: int
    text: str
    domain: str
    psychosocial: bool


START_BACK_SOURCE = ("Teaching paraphrase, not the official wording. Official tool: "
                     "keele.ac.uk/startback")
_ITEM_ROWS = (  # (domain as labelled by Hill 2008, own-words paraphrase); items 5-9 psychosocial
    ("referred leg pain", "In the last two weeks, pain has spread from the back into a leg."),
    ("comorbid pain", "In the last two weeks, there has also been neck or shoulder pain."),
    ("disability", "Because of the back, walking has been limited to short distances."),
    ("disability", "Because of the back, getting dressed has taken longer than usual."),
    ("fear", "Being physically active does not feel safe with this back pain."),
    ("anxiety", "Worrying thoughts have been on the mind a lot of the time."),
    ("catastrophising", "The pain feels awful, as if it will never get better."),
    ("low mood", "Things that are usually enjoyable have not felt enjoyable."),
    ("bothersomeness", "Over the last two weeks the back pain has been very much or extremely "
                       "bothersome (the top two of five answers)."),
)
START_BACK_ITEMS: tuple[StartBackItem, ...] = tuple(
    StartBackItem(number, text, domain, psychosocial=number >= 5)
    for number, (domain, text) in enumerate(_ITEM_ROWS, start=1))


@dataclass(frozen=True)
class StartBackResult:
    """Scores and risk group: ``total`` 0–9, ``psychosocial`` (items 5–9) 0–5, ``risk``."""
    total: int
    psychosocial: int
    risk: str  # "low", "medium" or "high"


def _list_words(numbers_: list[int]) -> str:
    words = [str(n) for n in numbers_]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def start_back(answers: Mapping[int, bool]) -> StartBackResult:
    """Score the STarT Back tool: ``answers`` maps item numbers 1–9 to True (agree) / False.

    Item 9 is True when bothersomeness is "very much" or "extremely". Risk groups
    ([PP-SBT]; [Hill11]; fact sheet §4c): high when the psychosocial subscale (items 5–9)
    is 4–5; otherwise medium when the total is 4 or more; otherwise low (total 0–3).

    Examples
    --------
    >>> start_back({1: True, 2: True, 3: False, 4: True, 5: False,
    ...             6: True, 7: False, 8: False, 9: True})
    StartBackResult(total=5, psychosocial=2, risk='medium')
    >>> start_back({1: True, 2: True, 4: True, 5: False, 6: True, 7: False, 8: False, 9: True})
    Traceback (most recent call last):
    ...
    ValueError: item 3 is missing; answer every item 1 to 9 with True or False
    """
    if not isinstance(answers, Mapping):
        raise ValueError("answers must be a mapping of item number (1 to 9) to True or False,"
                         f" got {type(answers).__name__}")
    for key in answers:
        if isinstance(key, bool) or not isinstance(key, int):
            raise ValueError(f"item {key!r} is not an item number; use the whole numbers 1 to 9")
        if not 1 <= key <= 9:
            raise ValueError(f"item {key} is not on the tool; items are numbered 1 to 9")
    missing = [n for n in range(1, 10) if n not in answers]
    if missing:
        what = "item" if len(missing) == 1 else "items"
        verb = "is" if len(missing) == 1 else "are"
        raise ValueError(f"{what} {_list_words(missing)} {verb} missing; "
                         "answer every item 1 to 9 with True or False")
    for n in range(1, 10):
        if not isinstance(answers[n], bool):
            raise ValueError(f"item {n} must be True or False, got {answers[n]!r} "
                             f"({type(answers[n]).__name__})")
    total = sum(answers[n] for n in range(1, 10))
    psychosocial = sum(answers[n] for n in range(5, 10))
    risk = "high" if psychosocial >= 4 else "medium" if total >= 4 else "low"
    return StartBackResult(total=total, psychosocial=psychosocial, risk=risk)


# ------------------------------------------------------------------ test-result arithmetic
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


# -------------------------------------------------------------------- natural frequencies
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


# ------------------------------------------------------------------------ typed input
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
