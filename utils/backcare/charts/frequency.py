"""A natural frequency drawn as an icon array of ``per`` people (or injections): the lower figure as circles, the
uncertain part up to the upper figure as diamonds, the rest as dots (colour AND shape carry meaning). Handed the
frequency and its name; loads nothing.

Examples
--------
>>> from backcare.logic.procedures import frequency
>>> fig = plot_frequency(frequency("discectomy_complications"), "Discectomy")
>>> fig.axes[0].get_title().splitlines()[1]
'Complications of surgery'
>>> import matplotlib.pyplot as plt; plt.close(fig)
"""
from __future__ import annotations

import textwrap

from .style import PALETTE
from ..fmt import count
from ..logic.procedures import icon_counts
from .icon_array import plot_icon_array


def _wrap(text: str, width: int) -> str:
    return "\n".join(line for part in text.split("\n") for line in (textwrap.wrap(part, width) or [part]))


def plot_frequency(f, name: str, ax=None):
    """Draw the Frequency ``f`` of the procedure called ``name`` as an icon array; returns the Figure."""
    certain, uncertain, rest = icon_counts(f)
    size = 14 if f.per == 1000 else 90
    groups = [
        (certain, {"marker": "o", "color": PALETTE["vermillion"], "label": f"{certain} with the event", "s": size,
                   "linewidths": 0}),
        (uncertain, {"marker": "D", "color": PALETTE["orange"], "s": size, "linewidths": 0,
                     "label": f"up to {uncertain} {'more ' if certain else ''}(the upper figure)"}),
        (rest, {"marker": ".", "color": PALETTE["grey"], "label": f"{rest} without it", "s": size * 0.8,
                "linewidths": 0}),
    ]
    title = f"{name}\n{f.label}\nout of {f.per:,} {f.unit}" + (" (approximate)" if f.approximate else "")
    drawn = certain + uncertain
    note = None if drawn else (f"Fewer than 1 in {f.per:,}\n(about {count(f.high * 10)} in 10,000):\n"
                               "too few to draw")
    legend = {"loc": "upper center", "bbox_to_anchor": (0.5, 0.0), "ncol": 1, "fontsize": 8, "frameon": False}
    return plot_icon_array(groups, cols=40 if f.per == 1000 else 10, title=_wrap(title, 46), ax=ax,
                           figsize=(4.6, 3.4) if f.per == 1000 else (3.2, 3.4), title_kw={"fontsize": 9.5},
                           legend_kw=legend if drawn else None, note=note)
