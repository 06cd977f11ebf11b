"""Risks of procedures as natural frequencies and the care team: look up a frequency, the frequencies of one
treatment, and how many icons an icon array draws (never rounding a rare event up to a whole person). Pure.

Examples
--------
>>> frequency("discectomy_complications").high
16.0
>>> icon_counts(frequency("decompression_side_effects"))
(100, 140, 760)
>>> frequency("no_such_risk")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
KeyError: "no frequency 'no_such_risk' in content/chapters/05_procedures.yaml (known: ...discectomy_complications, ...)"
"""
from __future__ import annotations

from ..content.care_team import CareTeamFile
from ..content.procedure_risks import Frequency, ProceduresFile
from ..content.store import load

CARE_TEAM_FILE = "03_care_team.yaml"
PROCEDURES_FILE = "05_procedures.yaml"

#: Procedures shown by the risk explorer, in order of invasiveness (ids from content/treatments.yaml).
PROCEDURE_ORDER = ("epidural_steroid_injection", "facet_joint_injection", "medial_branch_block", "rf_denervation",
                   "spinal_cord_stimulation", "discectomy", "decompression", "spinal_fusion")


def load_care_team() -> CareTeamFile:
    """The care team of chapter 03b, validated, with every reference key checked (cached by the content loader).

    >>> [r.id for r in load_care_team().roles][:3]
    ['gp', 'physiotherapist', 'nurse']
    """
    return load(f"chapters/{CARE_TEAM_FILE}")


def load_procedures() -> ProceduresFile:
    """Chapter 05's frequencies and indications, validated, with references, treatment and fact ids checked.

    >>> len(load_procedures().indications)
    5
    """
    return load(f"chapters/{PROCEDURES_FILE}")


def frequency(frequency_id: str) -> Frequency:
    """One frequency by id; ``KeyError`` lists the known ids."""
    data = load_procedures()
    for f in data.frequencies:
        if f.id == frequency_id:
            return f
    known = ", ".join(f.id for f in data.frequencies)
    raise KeyError(f"no frequency {frequency_id!r} in content/chapters/{PROCEDURES_FILE} (known: {known})")


def frequencies_for(treatment: str, category: str | None = None) -> list[Frequency]:
    """The frequencies recorded for one treatment (optionally one category: ``harm`` or ``course``).

    Examples
    --------
    >>> [f.id for f in frequencies_for("discectomy", "course")]
    ['peul_waiting_operated_1_year', 'peul_waiting_operated_2_years']
    >>> frequencies_for("discectomy", "benefit")
    Traceback (most recent call last):
    ...
    ValueError: category must be 'harm', 'course' or None, not 'benefit'
    """
    if category not in (None, "harm", "course"):
        raise ValueError(f"category must be 'harm', 'course' or None, not {category!r}")
    return [f for f in load_procedures().frequencies
            if f.treatment == treatment and (category is None or f.category == category)]


def frequencies_of(category: str, treatment: str | None = None) -> list[Frequency]:
    """The recorded frequencies of one category (``harm`` or ``course``), optionally of one treatment."""
    if category not in ("harm", "course"):
        raise ValueError(f"category must be 'harm' or 'course', not {category!r}")
    freqs = [f for f in load_procedures().frequencies
             if f.category == category and (treatment is None or f.treatment == treatment)]
    if not freqs:
        raise ValueError(f"no {category} frequencies recorded for {treatment!r}")
    return freqs


def icon_counts(f: Frequency) -> tuple[int, int, int]:
    """Icons to draw out of ``per``: (certain, uncertain, without the event).

    ``certain`` = the lower figure, ``uncertain`` = the gap up to the upper figure (a range, "up to" or "fewer
    than"), rounded half up; a frequency under 1 icon draws none and the chart says so (never rounded up to 1).

    >>> icon_counts(frequency("discectomy_repeat_surgery_1_year"))
    (0, 40, 960)
    """
    from decimal import ROUND_HALF_UP, Decimal

    def whole(x: float) -> int:
        return int(Decimal(repr(float(x))).quantize(Decimal(1), rounding=ROUND_HALF_UP))

    if f.high < 1:  # fewer than one icon: draw none rather than round a rare event up to a whole person
        return 0, 0, f.per
    certain = whole(f.low)
    uncertain = whole(f.high) - certain
    return certain, uncertain, f.per - certain - uncertain
