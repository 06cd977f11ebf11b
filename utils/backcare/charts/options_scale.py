"""The options-per-condition grid: one row per condition, one column per invasiveness level (0 to 5), the options
named in each cell (a scale, not a ladder). Handed its data; loads nothing.

Examples
--------
>>> fig = plot_options_on_scale([("Stenosis", [["Education"], [], [], ["Epidural"], [], ["Decompression", "Fusion"]])],
...                             [(i, f"Level {i}") for i in range(6)])
>>> fig.axes[0].get_title()
'Options placed on the invasiveness scale, per condition (a scale, not a ladder)'
>>> import matplotlib.pyplot as plt; plt.close(fig)
"""
from __future__ import annotations

import textwrap
from typing import Sequence

import matplotlib.pyplot as plt

from .style import LEVEL_COLOURS, course_style


def wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def plot_options_on_scale(rows: Sequence[tuple[str, Sequence[Sequence[str]]]], levels: Sequence[tuple[int, str]],
                          ax=None):
    """``rows``: (condition name, the option names at each level 0 to 5); ``levels``: (level, level name)."""
    with course_style():
        if ax is None:
            fig, ax = plt.subplots(figsize=(12, 8.2))
            fig.subplots_adjust(top=0.84)  # room for the level names and the title above the grid, inside the figure
        else:
            fig = ax.figure
        colours = LEVEL_COLOURS
        n = len(rows)
        for row, (_, cells) in enumerate(rows):
            for level in range(6):
                here = cells[level]
                y = n - 1 - row
                ax.add_patch(plt.Rectangle((level, y), 0.96, 0.94, facecolor=colours[level], alpha=0.22 if here else 0.04,
                                           edgecolor="black" if here else "#9a9a9a", linewidth=0.8,
                                           linestyle="-" if here else ":"))
                shown = list(here) if len(here) <= 7 else list(here[:6]) + [f"and {len(here) - 6} more"]
                ax.text(level + 0.05, y + 0.88, f"{len(here)} option{'s' if len(here) != 1 else ''}",
                        fontsize=8.5, fontweight="bold", va="top")
                ax.text(level + 0.05, y + 0.74, "\n".join(wrap(name, 20) for name in shown), fontsize=6.8, va="top",
                        linespacing=1.05)
        ax.set_xlim(0, 6)
        ax.set_ylim(0, n)
        ax.set_xticks([lv + 0.48 for lv in range(6)])
        ax.set_xticklabels([f"{level}\n{wrap(name, 18)}" for level, name in levels], fontsize=8.5)
        ax.xaxis.tick_top()
        ax.set_yticks([n - 1 - i + 0.47 for i in range(n)])
        ax.set_yticklabels([wrap(name, 16) for name, _ in rows], fontsize=9)
        ax.tick_params(length=0)
        for side in ("top", "right", "bottom", "left"):
            ax.spines[side].set_visible(False)
        ax.set_title("Options placed on the invasiveness scale, per condition (a scale, not a ladder)", fontsize=11,
                     pad=34)
    return fig
