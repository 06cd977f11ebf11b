"""logic.triage: people per triage group out of N, exact values typed from the fact sheet, edges, bad input."""
from __future__ import annotations

import pytest

from backcare.logic.triage import triage_counts


def test_triage_counts_per_1000_exact():
    c = triage_counts()
    # Henschke 2009: 0.9% serious; radicular often quoted 5-10% (not verified); the rest non-specific
    assert (c.population, c.serious, c.radicular_low, c.radicular_high) == (1000, 9, 50, 100)
    assert (c.nonspecific_low, c.nonspecific_high) == (891, 941)
    assert c.serious + c.radicular_high + c.nonspecific_low == 1000
    assert c.serious + c.radicular_low + c.nonspecific_high == 1000


@pytest.mark.parametrize("population, serious, rad_low, rad_high", [(100, 1, 5, 10), (10000, 90, 500, 1000)])
def test_triage_counts_edges(population, serious, rad_low, rad_high):
    c = triage_counts(population)
    assert (c.serious, c.radicular_low, c.radicular_high) == (serious, rad_low, rad_high)


@pytest.mark.parametrize("bad", [0, 99, -5, 1.5, True, "1000"])
def test_triage_counts_bad_population(bad):
    with pytest.raises(ValueError, match="population must be a whole number of people, 100 or more"):
        triage_counts(bad)
