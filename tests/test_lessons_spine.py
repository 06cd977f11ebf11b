"""lessons.spine: the schematic's alt text names the structures and disclaims causes."""
from __future__ import annotations

from backcare.lessons.spine import show_spine_schematic


def test_spine_schematic_names_structures_and_disclaims():
    alt = show_spine_schematic().alt
    for part in ("L4 root", "L5 root", "S1 root", "Facet joints", "discs", "does not mean it is the source"):
        assert part in alt
