"""Why people improve after seeing a clinician even when nothing is done: a simulation of fluctuating pain.

Each simulated person has a usual level of pain (0-10) that never changes, and their pain goes up and down around it
from week to week. Nobody is treated. A person sees a clinician in the first week their pain reaches ``seek_care_at``
or more; their pain is measured at that visit and again ``weeks_later`` weeks on. Because people come at their worst,
the second measurement is lower on average: regression to the mean, with no treatment and no change in anyone's
underlying pain. Pure: numpy only, the same numbers every run (a fixed random state).

Examples
--------
>>> r = simulate_care_seeking(people=1000, seek_care_at=7, weeks_later=3)
>>> r.sought_care, r.mean_at_visit, r.mean_later, r.mean_usual
(636, 7.5, 5.3, 5.3)
>>> r.improved_by_2_or_more
400
>>> simulate_care_seeking(seek_care_at=11)
Traceback (most recent call last):
...
ValueError: seek_care_at must be a whole number from 1 to 10 (pain on a 0-10 scale), not 11
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: Weeks shown before and after the visit in the aligned course (the chart).
WEEKS_BEFORE = 4
WEEKS_FOLLOWED = 26
#: Spread of the simulated population (illustrative, not from a study): usual pain between these levels and
#: week-to-week ups and downs with this standard deviation (points on 0-10).
USUAL_LOW, USUAL_HIGH, WEEKLY_SD = 2.0, 7.0, 1.5
RANDOM_STATE = 20240601


@dataclass(frozen=True)
class CareSeeking:
    """The result: counts and average pain (0-10, one decimal) of the people who sought care."""

    people: int
    seek_care_at: int
    weeks_later: int
    sought_care: int
    mean_at_visit: float
    mean_later: float
    mean_usual: float
    """The average usual (underlying) pain of those who sought care: what their pain returns to."""
    improved_by_2_or_more: int
    """How many of them scored at least 2 points lower ``weeks_later`` weeks after the visit."""
    offsets: tuple[int, ...]
    """Weeks relative to the visit (``-4`` ... ``weeks_later``), for the aligned course."""
    aligned_mean: tuple[float, ...]
    """Average pain of those who sought care at each offset (one decimal)."""

    def rows(self) -> list[list]:
        """The aligned course as table rows: week relative to the visit, average pain."""
        return [[f"week {o:+d}" if o else "visit", m] for o, m in zip(self.offsets, self.aligned_mean)]


def _check(name: str, value, low: int, high: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not low <= value <= high:
        raise ValueError(f"{name} must be a whole number from {low} to {high} ({what}), not {value!r}")
    return int(value)


def simulate_care_seeking(people: int = 1000, seek_care_at: int = 7, weeks_later: int = 3) -> CareSeeking:
    """Simulate ``people`` with fluctuating pain who see a clinician when it first reaches ``seek_care_at``.

    ``people``: 100 to 10,000; ``seek_care_at``: 1 to 10 (pain 0-10); ``weeks_later``: 1 to 12.
    Nobody is treated and nobody's usual pain changes; only the timing of the visit selects them.
    """
    people = _check("people", people, 100, 10_000, "how many simulated people")
    seek_care_at = _check("seek_care_at", seek_care_at, 1, 10, "pain on a 0-10 scale")
    weeks_later = _check("weeks_later", weeks_later, 1, 12, "weeks from the visit to the second measurement")
    rng = np.random.default_rng(RANDOM_STATE)
    usual = rng.uniform(USUAL_LOW, USUAL_HIGH, size=people)
    weekly = np.clip(np.rint(usual[:, None] + rng.normal(0.0, WEEKLY_SD, size=(people, WEEKS_FOLLOWED))), 0, 10)
    first, last = WEEKS_BEFORE, WEEKS_FOLLOWED - 1 - weeks_later  # visits with the whole window observed
    window = weekly[:, first:last + 1] >= seek_care_at
    came = window.any(axis=1)
    visit = np.argmax(window, axis=1) + first
    who = np.flatnonzero(came)
    offsets = tuple(range(-WEEKS_BEFORE, weeks_later + 1))
    if who.size == 0:
        return CareSeeking(people, seek_care_at, weeks_later, 0, float("nan"), float("nan"), float("nan"), 0,
                           offsets, tuple(float("nan") for _ in offsets))
    at_visit = weekly[who, visit[who]]
    later = weekly[who, visit[who] + weeks_later]
    aligned = tuple(round(float(weekly[who, visit[who] + o].mean()), 1) for o in offsets)
    return CareSeeking(
        people=people, seek_care_at=seek_care_at, weeks_later=weeks_later, sought_care=int(who.size),
        mean_at_visit=round(float(at_visit.mean()), 1), mean_later=round(float(later.mean()), 1),
        mean_usual=round(float(usual[who].mean()), 1),
        improved_by_2_or_more=int(((at_visit - later) >= 2).sum()), offsets=offsets, aligned_mean=aligned)
