"""The icon array: one marker per person, a group per kind of person (shape, fill and a label carry the group).

The one icon-array function of the course (triage groups in chapter 01, the red-flag paradox in chapter 02): it is
handed the groups and draws them in order, row by row, ``cols`` people to a row.

Examples
--------
>>> fig = plot_icon_array([IconGroup(3, "three", {"marker": "^"}), IconGroup(0, "none", {}),
...                        IconGroup(7, "seven", {"marker": "o"})], cols=5, title="Out of 10")
>>> [len(c.get_offsets()) for c in fig.axes[0].collections]
[3, 7]
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Sequence

from .style import course_style

__all__ = ["IconGroup", "plot_icon_array"]


@dataclass(frozen=True)
class IconGroup:
    """``count`` people drawn with matplotlib scatter ``style`` (marker, colours, size) and a legend ``label``."""

    count: int
    label: str
    style: dict = field(default_factory=dict)


def plot_icon_array(groups: Sequence[IconGroup], *, cols: int, title: str, figsize=(8.0, 6.4),
                    markerscale: float = 1.6, ax=None):
    """Draw the groups as an icon array (empty groups are left out of the legend); return the Figure."""
    import matplotlib.pyplot as plt

    total = sum(g.count for g in groups)
    rows = math.ceil(total / cols)
    with course_style():
        if ax is None:
            fig, ax = plt.subplots(figsize=figsize)
        else:
            fig = ax.figure
        start = 0
        for g in groups:
            idx = range(start, start + g.count)
            start += g.count
            if not g.count:
                continue
            ax.scatter([i % cols for i in idx], [-(i // cols) for i in idx], label=g.label, **g.style)
        ax.set_xlim(-1, cols)
        ax.set_ylim(-rows - 0.5, 1)
        ax.set_aspect("equal")
        ax.axis("off")
        ax.set_title(title)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.01), ncol=2, fontsize=9.5, markerscale=markerscale)
    return fig
