"""Benefit against invasiveness: panels of one scale each (estimate with interval against its own comparator, each
estimate's threshold as a red dash, or the panel says the source gives none). Handed its data; loads nothing. A
multi-panel figure, so it takes no ``ax``. Serious harm is drawn per option in :mod:`backcare.charts.glance`, never
as a count of harm records.

Examples
--------
>>> fig = plot_benefit_and_harm([], "Spinal stenosis: benefit by invasiveness")
>>> [a.get_title() for a in fig.axes]
['Benefit']
>>> import matplotlib.pyplot as plt; plt.close(fig)
"""
from __future__ import annotations

from typing import Sequence

import matplotlib.pyplot as plt

from .style import MARKERS, PALETTE, course_style
from ..fmt import num
from .options_scale import wrap


def plot_benefit_and_harm(panels: Sequence[tuple[tuple, Sequence[tuple[object, int, str]]]], title: str):
    """``panels``: ((outcome, scale, measure, better), [(Effect, invasiveness level, label), ...]) per benefit panel.

    Serious harm is not drawn here (a count of harm *records* per level read as harm): the at-a-glance chart
    (:mod:`backcare.charts.glance`) gives each option's serious harm as a natural frequency with its own definition.
    """
    with course_style():
        n = max(1, len(panels))
        fig, axes = plt.subplots(1, n, figsize=(5.6 * n, 6.2), squeeze=False)
        axes = axes[0]
        if not panels:
            a = axes[0]
            a.text(0.5, 0.5, "No effect estimate on pain is held\nfor this condition: a gap in the\nevidence, "
                             "not an effect of zero", ha="center", va="center", fontsize=11, transform=a.transAxes)
            a.set_xticks([])
            a.set_yticks([])
            a.set_title("Benefit", fontsize=10)
        for a, (key, rows) in zip(axes, panels):
            _benefit_panel(a, key, rows)
        fig.suptitle(title, fontsize=11)
        fig.tight_layout()
    return fig


def _benefit_panel(a, key, rows) -> None:
    outcome, base, measure, better = key
    seen: dict[int, int] = {}
    handles = []
    for i, (e, level, text) in enumerate(rows):
        k = seen.get(level, 0)
        seen[level] = k + 1
        x = level - 0.3 + 0.22 * k
        colour = list(PALETTE.values())[i % 8]
        label = wrap(f"{i + 1}. {text}" + ("" if e.low is not None else " (no interval)"), 46)
        if e.low is not None:
            hdl = a.errorbar([x], [e.estimate], yerr=[[e.estimate - e.low], [e.high - e.estimate]],
                             fmt=MARKERS[i % 6], color=colour, capsize=3, markersize=7,
                             markeredgecolor="black", label=label)
        else:
            (hdl,) = a.plot([x], [e.estimate], MARKERS[i % 6], color=colour, markersize=7,
                            markeredgecolor="black", markerfacecolor="white", label=label)
        handles.append(hdl)
        a.annotate(str(i + 1), (x, e.estimate), xytext=(5, 4), textcoords="offset points", fontsize=8,
                   fontweight="bold")
        if e.mid is not None:
            y = -e.mid if better == "lower" else e.mid
            a.plot([x - 0.1, x + 0.1], [y, y], color=PALETTE["vermillion"], linewidth=2.2)
    a.axhline(0, color="black", linewidth=0.8)
    mids = sorted({e.mid for e, _, _ in rows if e.mid is not None})
    if mids:
        no_mid = sum(e.mid is None for e, _, _ in rows)
        note = ("Red dash = that estimate's threshold (MID " + ", ".join(num(m) for m in mids) + ")"
                + (f"; {no_mid} without a dash: the source gives no threshold" if no_mid else ""))
    else:
        note = "The source gives no threshold (MID) for these estimates"
    ys = [0.0] + [v for e, _, _ in rows for v in (e.estimate, e.low, e.high) if v is not None] + \
        [(-m if better == "lower" else m) for m in mids]
    pad = 0.1 * (max(ys) - min(ys) or 1)
    a.set_ylim(min(ys) - pad, max(ys) + pad)
    a.set_xlim(-0.5, 5.5)
    a.set_xticks(range(6))
    a.set_xlabel("Invasiveness level (0-5)\n" + wrap(note, 70), fontsize=8.5)
    a.set_ylabel(f"Mean difference on {base}\n({better} favours the option)", fontsize=8.5)
    a.set_title(f"Benefit on {base}", fontsize=10)
    a.legend(handles=handles, fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.3), frameon=False)
