"""The invasiveness scale (0-5) as labelled boxes on one line: a teaching scale, no arrows, no steps, no ladder."""
from __future__ import annotations

import textwrap
from typing import Sequence

from .style import HATCHES, LEVEL_COLOURS, course_style

__all__ = ["plot_invasiveness_scale"]


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def plot_invasiveness_scale(levels: Sequence[tuple[int, str, str | None]], ax=None):
    """One box per ``(level, name, first example or None)``; return the Figure."""
    import matplotlib.pyplot as plt

    with course_style():
        if ax is None:
            fig, ax = plt.subplots(figsize=(9.5, 3.2))
        else:
            fig = ax.figure
        colours = LEVEL_COLOURS
        for i, (level, name, example) in enumerate(levels):
            ax.add_patch(plt.Rectangle((i, 0), 0.92, 1, facecolor=colours[i % len(colours)], alpha=0.35,
                                       edgecolor="black", hatch=HATCHES[i % len(HATCHES)], linewidth=1))
            ax.text(i + 0.46, 0.78, str(level), ha="center", va="center", fontsize=16, fontweight="bold")
            ax.text(i + 0.46, 0.45, _wrap(name, 14), ha="center", va="center", fontsize=9)
            if example:
                ax.text(i + 0.46, -0.22, _wrap("e.g. " + example, 18), ha="center", va="top", fontsize=8.5)
        ax.set_xlim(-0.1, len(levels))
        ax.set_ylim(-0.9, 1.15)
        ax.axis("off")
        ax.set_title("Invasiveness: how much a treatment intrudes on the body (a teaching scale, not a ladder)",
                     fontsize=11)
    return fig
