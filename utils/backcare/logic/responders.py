"""Averages hide who responds: individual changes behind one mean difference between two groups.

A teaching model, not data from a study: in each group of ``people``, changes in pain (0-10; negative = better) are
spread evenly over a normal distribution (its quantiles, so there is no randomness and the counts are exact), with the
same spread in both groups. The treated group's average is ``mean_difference`` points better. Every treated person is
given the same extra benefit, so the spread comes from everything else (natural history, regression to the mean,
measurement): a person who improved a lot is not proof that the treatment worked for them.

Examples
--------
>>> r = individual_changes(mean_difference=1.0)
>>> r.improved_control, r.improved_treated, r.worse_treated
(40, 60, 11)
>>> r.extra_per_100
20
>>> individual_changes(mean_difference=-1)
Traceback (most recent call last):
...
ValueError: mean_difference must be a number from 0 to 4 (points on a 0-10 scale, better with treatment), not -1
"""
from __future__ import annotations

from dataclasses import dataclass
from statistics import NormalDist

#: Illustrative settings (not from a source): average change with usual care and the spread of individual changes.
CONTROL_MEAN_CHANGE = -1.5
SPREAD = 2.0
#: The smallest change in pain (0-10) that individual patients notice as important (Ostelo 2008: 2 points).
IMPORTANT_CHANGE = 2.0


@dataclass(frozen=True)
class IndividualChanges:
    people: int
    mean_difference: float
    important_change: float
    control: tuple[float, ...]
    """Each person's change in pain with usual care (0-10 points; negative = better), sorted."""
    treated: tuple[float, ...]
    improved_control: int
    """People (of ``people``) whose pain fell by at least ``important_change`` with usual care."""
    improved_treated: int
    worse_treated: int
    """Treated people whose pain was higher at the end than at the start."""

    @property
    def extra_per_100(self) -> int:
        return round((self.improved_treated - self.improved_control) * 100 / self.people)


def _quantiles(mean: float, sd: float, n: int) -> tuple[float, ...]:
    dist = NormalDist(mean, sd)
    return tuple(round(dist.inv_cdf((i + 0.5) / n), 2) for i in range(n))


def individual_changes(mean_difference: float = 1.0, people: int = 100,
                       important_change: float = IMPORTANT_CHANGE) -> IndividualChanges:
    """Changes of ``people`` per group when the treated group's average is ``mean_difference`` points better.

    ``mean_difference``: 0 to 4 points on a 0-10 pain scale; ``people``: 20 to 1,000 per group.
    """
    if isinstance(mean_difference, bool) or not isinstance(mean_difference, (int, float)) \
            or not 0 <= mean_difference <= 4:
        raise ValueError("mean_difference must be a number from 0 to 4 (points on a 0-10 scale, better with "
                         f"treatment), not {mean_difference!r}")
    if isinstance(people, bool) or not isinstance(people, int) or not 20 <= people <= 1000:
        raise ValueError(f"people must be a whole number from 20 to 1000 (per group), not {people!r}")
    control = _quantiles(CONTROL_MEAN_CHANGE, SPREAD, people)
    treated = _quantiles(CONTROL_MEAN_CHANGE - mean_difference, SPREAD, people)
    return IndividualChanges(
        people=people, mean_difference=float(mean_difference), important_change=important_change,
        control=control, treated=treated,
        improved_control=sum(c <= -important_change for c in control),
        improved_treated=sum(c <= -important_change for c in treated),
        worse_treated=sum(c > 0 for c in treated))
