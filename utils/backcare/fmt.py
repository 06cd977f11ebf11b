"""How the course prints numbers: the one formatting module for numbers, intervals, comparators, percentages and
"in every 1,000 people" frequencies (text only: no HTML, no content loading).

Every chapter formats through these functions so that a number reads the same in a table, an alt text and a
sentence. Negative numbers use the true minus sign (−) in course text; the plain forms (:func:`plain`,
:func:`count`) keep the hyphen where a value is shown as data.

Examples
--------
>>> num(-7.29), num(10.0), num(0.4)
('−7.29', '10', '0.4')
>>> interval(-5.33, -1.27)
'−5.33 to −1.27'
>>> interval(None, None)
'interval not reported'
>>> comparator("placebo"), comparator("another_treatment", "Other recommended therapies (such as exercise)")
('placebo', 'other recommended therapies (such as exercise)')
>>> percent(0.904), share_of(16, 1000), bounded_percent(0.0004)
('90%', '1.6%', 'less than 0.1%')
>>> count(1652.0), count(2.5)
('1,652', '2.5')
>>> comparator("wait_and_see")
Traceback (most recent call last):
...
ValueError: 'wait_and_see' is not a valid comparator; supported values are another_treatment, delayed_surgery, exercise_alone, no_treatment, non_surgical_care, placebo, sham, usual_care
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

#: effect comparator id -> words used after "vs"
COMPARATORS = {"placebo": "placebo", "sham": "sham", "usual_care": "usual care", "no_treatment": "no treatment",
               "another_treatment": "another treatment", "delayed_surgery": "delayed surgery",
               "non_surgical_care": "non-surgical care", "exercise_alone": "exercise alone"}

MINUS = "−"


# ---- numbers ------------------------------------------------------------------------------------------------------

def number(value: float) -> int | float:
    """A value as it should print: whole numbers without ``.0`` (returns a number, for use inside f-strings).

    >>> number(52.0), number(0.5)
    (52, 0.5)
    """
    return int(value) if float(value).is_integer() else value


def plain(value: object) -> str:
    """A value as data: floats in their shortest form (``%g``), ``None`` as an empty string, anything else ``str``.

    >>> plain(3.0), plain(0.25), plain(None), plain("NICE"), plain(7)
    ('3', '0.25', '', 'NICE', '7')
    """
    if isinstance(value, float):
        return f"{value:g}"
    return "" if value is None else str(value)


def num(x: float) -> str:
    """A number as course text prints it: shortest form (``%g``) with a true minus sign.

    >>> num(-3.3), num(1e-05)
    ('−3.3', '1e−05')
    """
    return f"{x:g}".replace("-", MINUS)


def minus(text: str) -> str:
    """Typographic minus for negative numbers written with a hyphen inside text (``"-0.76"`` -> ``"−0.76"``).

    >>> minus("SMD -0.76 (-1.2 to -0.3); 10-20 days; T-score")
    'SMD −0.76 (−1.2 to −0.3); 10-20 days; T-score'
    """
    return re.sub(r"(?<![\w.])-(?=\d)", MINUS, text)


def count(x: float) -> str:
    """A count of people: thousands separators for whole numbers, shortest form otherwise.

    >>> count(10000), count(0.5)
    ('10,000', '0.5')
    """
    return f"{int(x):,}" if float(x).is_integer() else f"{x:g}"


def round_half_up(x: float) -> int:
    """Round to a whole number with halves going up (0.5 -> 1), reading ``x`` as the decimal it prints as.

    >>> round_half_up(2.5), round_half_up(0.125 * 4), round_half_up(-0.4)
    (3, 1, 0)
    """
    return int(Decimal(repr(float(x))).quantize(Decimal(1), rounding=ROUND_HALF_UP))


# ---- ranges and intervals -------------------------------------------------------------------------------------------

def interval(low: float | None, high: float | None, *, missing: str = "interval not reported") -> str:
    """A confidence/uncertainty interval as "low to high" (true minus), or ``missing`` when it was not reported."""
    if low is None:
        return missing
    return f"{num(low)} to {num(high)}"


def value_or_range(value: float | None, low: float | None, high: float | None) -> str:
    """A point value if there is one, else "low to high" (plain ``%g``, as content states it).

    >>> value_or_range(52.0, None, None), value_or_range(None, 5, 10.5)
    ('52', '5 to 10.5')
    """
    return f"{value:g}" if value is not None else f"{low:g} to {high:g}"


def span(low: object, high: object) -> str:
    """One value when both ends are equal, else "low to high".

    >>> span("low", "low"), span("low", "high")
    ('low', 'low to high')
    """
    return f"{low}" if low == high else f"{low} to {high}"


def mid(value: float | None) -> str:
    """A minimal important difference as labels say it.

    >>> mid(10.0), mid(None)
    ('MID 10', 'MID not stated by the source')
    """
    return f"MID {num(value)}" if value is not None else "MID not stated by the source"


# ---- comparators ----------------------------------------------------------------------------------------------------

def comparator(code: str, detail: str | None = None) -> str:
    """What an effect is compared with: the named treatment when ``detail`` is given (first letter lowered unless it
    begins an acronym), else the words for ``code``."""
    if code not in COMPARATORS:
        raise ValueError(f"{code!r} is not a valid comparator; supported values are {', '.join(sorted(COMPARATORS))}")
    if not detail:
        return COMPARATORS[code]
    return detail if detail[1:2].isupper() else detail[0].lower() + detail[1:]


# ---- percentages and frequencies ----------------------------------------------------------------------------------

def percent(x: float, digits: int = 0) -> str:
    """A proportion (0–1) as a percentage with ``digits`` decimals.

    >>> percent(0.009, 1)
    '0.9%'
    """
    return f"{100 * x:.{digits}f}%"


def bounded_percent(p: float) -> str:
    """A probability to one decimal, saying "less than 0.1%" / "more than 99.9%" rather than rounding to 0 or 100.

    >>> bounded_percent(0.0), bounded_percent(0.12345), bounded_percent(0.9999), bounded_percent(1.0)
    ('0.0%', '12.3%', 'more than 99.9%', '100.0%')
    """
    if 0.0 < p < 0.001:
        return "less than 0.1%"
    if 0.999 < p < 1.0:
        return "more than 99.9%"
    return f"{p:.1%}"


def share_of(x: float, per: int) -> str:
    """``x`` out of ``per`` as a percentage: whole percentages without decimals, else two significant figures.

    >>> share_of(100, 1000), share_of(240, 1000), share_of(0.5, 1000)
    ('10%', '24%', '0.05%')
    """
    value = 100 * x / per
    return f"{value:.0f}%" if float(round(value, 6)).is_integer() else f"{value:.2g}%"


def counted(n: int, singular: str, plural: str) -> str:
    """A count with the word that agrees with it.

    >>> counted(1, "tests", "test"), counted(1500, "tests", "test")
    ('1 tests', '1,500 test')
    """
    return f"{n:,} {singular if n == 1 else plural}"


def per_scale(low: float, high: float, per: int) -> tuple[float, float, int]:
    """The denominator a frequency is said with: counts under 1 in 1,000 are said per 10,000 instead.

    >>> per_scale(0.2, 0.5, 1000), per_scale(16, 16, 1000)
    ((2.0, 5.0, 10000), (16, 16, 1000))
    """
    if high < 1 and per == 1000:
        return low * 10, high * 10, 10_000
    return low, high, per


def out_of(per: int, unit: str) -> str:
    """ "in every 1,000 people" """
    return f"in every {per:,} {unit}"


_FREQUENCY_FIELDS = ("kind", "low", "high", "per", "unit", "event", "approximate")


def frequency_sentence(f) -> str:
    """A natural frequency (a :class:`backcare.content.procedure_risks.Frequency`) as a plain sentence: the count out
    of ``per`` (or out of 10,000 when under 1 in 1,000), with the percentage.

    Examples
    --------
    >>> from backcare.logic.procedures import frequency
    >>> print(frequency_sentence(frequency("decompression_side_effects")))
    Between 100 and 240 in every 1,000 people had side effects of surgery in the surgical groups of stenosis trials (none were reported with non-surgical care) (10% to 24%).
    >>> frequency_sentence("discectomy_complications")
    Traceback (most recent call last):
    ...
    TypeError: frequency_sentence() needs a Frequency (use frequency('<id>')), not str
    """
    if not all(hasattr(f, name) for name in _FREQUENCY_FIELDS):
        raise TypeError(f"frequency_sentence() needs a Frequency (use frequency('<id>')), not {type(f).__name__}")
    low, high, per = per_scale(f.low, f.high, f.per)  # too rare to count per 1,000: say it per 10,000
    where = out_of(per, f.unit)
    if f.kind == "about":
        text = f"About {count(high)} {where} {f.event} ({share_of(f.high, f.per)})."
    elif f.kind == "range":
        text = (f"Between {count(low)} and {count(high)} {where} {f.event} "
                f"({share_of(f.low, f.per)} to {share_of(f.high, f.per)}).")
    elif f.kind == "up_to":
        text = f"Up to {count(high)} {where} {f.event} (up to {share_of(f.high, f.per)})."
    else:
        text = f"Fewer than {count(high)} {where} {f.event} (under {share_of(f.high, f.per)})."
    if f.approximate:
        text += " Approximate figure."
    return text
