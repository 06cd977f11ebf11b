"""The forest chart of effect estimates: one panel per scale (scales are never mixed on one axis), each estimate
with its interval and its minimal important difference (MID) drawn on the same scale. Handed its data; loads nothing.

Examples
--------
>>> from backcare.content import load_content
>>> c = load_content()
>>> es = [c.effect("nsaids_acute_pain"), c.effect("nsaids_chronic_pain")]
>>> fig = plot_effects(es, ["NSAIDs vs placebo", "NSAIDs vs placebo"])
>>> [a.get_title(loc="left") for a in fig.axes]
['pain 0-100 (mean difference; lower favours the treatment)']
>>> import matplotlib.pyplot as plt; plt.close(fig)
"""
from __future__ import annotations

import re
from typing import Sequence

import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator

from ..fmt import interval, mid, num
from .style import MARKERS, PALETTE, course_style
from ..logic.effects import mid_at, panel_title, panels
from ..logic.vocabulary import RATIO_MEASURES


def plot_effects(effects: Sequence, row_labels: Sequence[str], ax=None):
    """Forest-style chart of ``effects`` (Effect records) labelled by ``row_labels`` (one per effect, same order).

    Different scales are never drawn on one axis; with ``ax`` given, all effects must share one scale.
    """
    labels = dict(zip((id(e) for e in effects), row_labels))
    groups = panels(effects)
    if ax is not None and len(groups) > 1:
        names = "; ".join(k[0] for k, _ in groups)
        raise ValueError(f"these effects are on {len(groups)} different scales ({names}): they need one panel each, "
                         "so call plot_effects(effects) without ax")
    colours = [PALETTE[k] for k in ("blue", "vermillion", "green", "purple", "orange", "sky", "black")]
    tids = list(dict.fromkeys(e.treatment for e in effects))
    with course_style():
        if ax is None:
            heights = [len(rows) + 1.2 for _, rows in groups]
            fig, axes = plt.subplots(len(groups), 1, figsize=(9.5, 0.75 * sum(heights) + 0.6),
                                     gridspec_kw={"height_ratios": heights}, squeeze=False)
            axes = list(axes[:, 0])
        else:
            fig, axes = ax.figure, [ax]
        for a, (key, rows) in zip(axes, groups):
            _draw_panel(a, key, rows, colours, tids, labels)
        if len(groups) > 1:
            fig.suptitle(f"{len(effects)} effect estimates on {len(groups)} different scales, one panel each "
                         "(scales are not comparable, so they are kept apart)", fontsize=10.5)
        if ax is None:   # a caller's own figure keeps the caller's layout
            fig.tight_layout()
    return fig


def _draw_panel(a, key, rows, colours, tids, labels) -> None:
    base, measure, better = key
    null = 1.0 if measure in RATIO_MEASURES else 0.0
    values = [null]
    for e in rows:
        values += [v for v in (e.estimate, e.low, e.high) if v is not None]
        if e.mid is not None:
            values.append(mid_at(e, null))
    lo, hi = min(values), max(values)
    rng = re.search(r"(\d+)\s*-\s*(\d+)", base)
    if rng and measure == "mean_difference":   # keep small effects looking small: show at least 10% of the scale
        least = 0.1 * (float(rng.group(2)) - float(rng.group(1)))
        lo, hi = min(lo, null - least / 2, hi - least), max(hi, null + least / 2, lo + least)
    pad = (hi - lo) * 0.08 or 1.0
    a.axvline(null, color=PALETTE["grey"], linewidth=1)
    n = len(rows)
    for i, e in enumerate(rows):
        y = n - 1 - i
        k = tids.index(e.treatment)
        colour, marker = colours[k % len(colours)], MARKERS[k % len(MARKERS)]
        if e.low is not None:
            a.hlines(y, e.low, e.high, color=colour, linewidth=2.2)
        a.plot([e.estimate], [y], marker=marker, markersize=9, color=colour, markeredgecolor="black",
               linestyle="none")
        side = {"xycoords": ("axes fraction", "data"), "va": "center", "annotation_clip": False}
        a.annotate(f"{num(e.estimate)} ({interval(e.low, e.high)})", xy=(1.02, y + 0.12), fontsize=8.5, **side)
        a.annotate(mid(e.mid) if e.mid is not None else "MID not stated", xy=(1.02, y - 0.22), fontsize=7.5,
                   color=PALETTE["grey"], **side)
        if e.mid is not None:
            m = mid_at(e, null)
            a.vlines(m, y - 0.38, y + 0.38, colors="black", linestyles="dashed", linewidth=1.3)
            a.text(m, y - 0.42, mid(e.mid), ha="center", va="top", fontsize=7.5)
    a.set_yticks(range(n), [labels[id(e)] for e in reversed(rows)], fontsize=8.5)
    a.set_ylim(-0.9, n - 0.3)
    a.set_xlim(lo - pad, hi + pad)
    a.xaxis.set_major_locator(MaxNLocator(nbins=6))
    a.set_xlabel(f"{base}: {better} values favour the treatment; "
                 f"{'1' if null == 1.0 else '0'} = no difference; dashed line = MID", fontsize=8.5)
    a.set_title(panel_title(key), fontsize=10, loc="left")
