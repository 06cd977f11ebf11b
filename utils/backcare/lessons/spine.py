"""Chapter 01, the lower spine: the labelled schematic with alt text and a table of the structures it names.

Examples
--------
>>> "the L5 root below L5" in show_spine_schematic().alt
True
"""
from __future__ import annotations

from ..charts.show import ShownFigure, render_chart
from ..charts.spine import plot_spine_schematic
from ..views.tables import Table

__all__ = ["SPINE_STRUCTURES", "spine_alt_text", "show_spine_schematic"]

#: (label, what it is), drawn in this order; names only, the drawing implies nothing about causes of pain.
SPINE_STRUCTURES = (
    ("L3, L4, L5 vertebrae", "the bony blocks of the lower back (lumbar spine)"),
    ("Sacrum (S1)", "the bone below L5, part of the pelvis"),
    ("Intervertebral discs (L3-L4, L4-L5, L5-S1)", "the flexible pads between vertebral bodies"),
    ("Facet joints", "small paired joints at the back of each level"),
    ("Nerve roots L4, L5 and S1", "leave the spinal canal below the vertebra of the same number"),
    ("Spinal canal", "carries the nerve roots (the cauda equina) below the end of the spinal cord"),
)


def spine_alt_text() -> str:
    return ("Schematic side view of the lower spine, not to scale, with labels: "
            + "; ".join(f"{name} ({what})" for name, what in SPINE_STRUCTURES)
            + ". The L4 root leaves below L4, the L5 root below L5 and the S1 root through the sacrum. "
              "Naming a structure does not mean it is the source of anyone's pain.")


def show_spine_schematic() -> ShownFigure:
    """The labelled spine schematic with alt text and a table of the structures."""
    table = Table(["Structure", "What it is"], [list(s) for s in SPINE_STRUCTURES],
                  caption="The structures labelled in this schematic")
    return render_chart(plot_spine_schematic, alt=spine_alt_text(), table=table)
