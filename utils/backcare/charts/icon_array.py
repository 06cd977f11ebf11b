"""The one icon-array chart: one marker per person (or injection), groups drawn in order, each group's marker shape
AND colour carrying its meaning (never colour alone). Handed its data; loads nothing.

Examples
--------
>>> fig = plot_icon_array([(3, {"marker": "o", "color": "red", "label": "3 with the event"}),
...                        (97, {"marker": ".", "color": "grey", "label": "97 without"})], cols=10, title="Out of 100")
>>> len(fig.axes[0].collections), fig.axes[0].get_title()
(2, 'Out of 100')
>>> import matplotlib.pyplot as plt; plt.close(fig)
"""
from __future__ import annotations

import math
from typing import Mapping, Sequence

import matplotlib.pyplot as plt

from .style import course_style


def plot_icon_array(groups: Sequence[tuple[int, Mapping]], *, cols: int, title: str, ax=None,
                    figsize: tuple[float, float] = (8.0, 6.4), title_kw: Mapping | None = None,
                    legend_kw: Mapping | None = None, note: str | None = None):
    """Draw ``groups`` — (count, matplotlib ``scatter`` style with its ``label``) in order — as an icon array of
    ``cols`` columns, filled row by row from the top left. ``legend_kw`` (None: no legend) and ``note`` (a boxed
    text in the middle, e.g. "too few to draw") are optional."""
    total = sum(n for n, _ in groups)
    rows = math.ceil(total / cols)
    with course_style():
        if ax is None:
            fig, ax = plt.subplots(figsize=figsize)
        else:
            fig = ax.figure
        start = 0
        for n, style in groups:
            if n > 0:
                idx = range(start, start + n)
                ax.scatter([i % cols for i in idx], [-(i // cols) for i in idx], **style)
            start += n
        if note:
            ax.text(cols / 2, 1 - rows / 2, note, ha="center", va="center", fontsize=10,
                    bbox={"facecolor": "white", "edgecolor": "black"})
        ax.set_xlim(-1, cols)
        ax.set_ylim(-rows - 0.5, 1)
        ax.set_aspect("equal")
        ax.axis("off")
        ax.set_title(title, **(title_kw or {}))
        if legend_kw is not None:
            ax.legend(**legend_kw)
    return fig
