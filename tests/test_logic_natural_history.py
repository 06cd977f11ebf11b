"""logic.natural_history: the Costa 2012 courses read from content."""
from __future__ import annotations

from backcare.logic.natural_history import natural_history


def test_natural_history_values_from_costa_2012():
    assert natural_history() == {
        "acute": ((0, 52), (6, 23), (26, 12), (52, 6)),
        "persistent": ((0, 51), (6, 33), (26, 26), (52, 23)),
    }
