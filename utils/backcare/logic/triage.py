"""Triage counts: out of N people with low back pain, how many fall in each triage group, and how many have a red
flag against how many have serious pathology (Henschke 2009). Numbers come from content; rounding is half up.

Examples
--------
>>> counts = triage_counts()
>>> counts.serious, counts.radicular_low, counts.radicular_high, counts.nonspecific_low, counts.nonspecific_high
(9, 50, 100, 891, 941)
>>> red_flag_paradox_counts()
(804, 9)
>>> triage_counts(population=0)
Traceback (most recent call last):
...
ValueError: population must be a whole number of people, 100 or more, got 0
"""
from __future__ import annotations

import numbers
from dataclasses import dataclass

from ..fmt import round_half_up
from .facts import fact
from ..content.chapter_understanding import triage_group

__all__ = ["TriageCounts", "triage_counts", "red_flag_paradox_counts", "check_population"]


def check_population(population) -> int:
    """``population`` as an int, or ``ValueError`` unless it is a whole number of people, 100 or more."""
    if isinstance(population, bool) or not isinstance(population, numbers.Integral) or population < 100:
        raise ValueError(f"population must be a whole number of people, 100 or more, got {population!r}")
    return int(population)


@dataclass(frozen=True)
class TriageCounts:
    """People per triage group out of ``population``; radicular and non-specific are ranges (the radicular share
    is not verified, so the non-specific remainder is a range too)."""

    population: int
    serious: int
    radicular_low: int
    radicular_high: int
    nonspecific_low: int
    nonspecific_high: int


def triage_counts(population: int = 1000) -> TriageCounts:
    """Out of ``population`` people seen in primary care with low back pain, how many fall in each triage group.

    Serious pathology uses Henschke 2009 (0.9%), rounded half up; radicular pain the unverified, often-quoted
    range (5 to 10%); non-specific pain is the rest, which matches WHO's "about 90%".
    """
    population = check_population(population)
    serious = round_half_up(fact(triage_group("serious").fact).value / 100 * population)
    rad = triage_group("radicular")
    r_low, r_high = round_half_up(rad.low / 100 * population), round_half_up(rad.high / 100 * population)
    return TriageCounts(population, serious, r_low, r_high, population - serious - r_high,
                        population - serious - r_low)


def red_flag_paradox_counts(population: int = 1000) -> tuple[int, int]:
    """(people with at least one red flag, people with serious pathology) out of ``population`` (Henschke 2009)."""
    if isinstance(population, bool) or not isinstance(population, int) or population < 100:
        raise ValueError(f"population must be a whole number of people, 100 or more, got {population!r}")
    flagged = round_half_up(fact("henschke2009_any_red_flag").value / 100 * population)
    serious = round_half_up(fact("henschke2009_serious_pathology").value / 100 * population)
    return flagged, serious
