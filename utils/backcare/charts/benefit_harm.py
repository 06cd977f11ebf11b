"""Benefit and harm against invasiveness, on SEPARATE panels: benefit panels (one scale each: estimate with
interval, each estimate's MID as a red dash) and a harm panel counting how the course records harms (a record, not a
rate). Handed its data; loads nothing. A multi-panel figure, so it takes no ``ax``.

Examples
--------
>>> fig = plot_benefit_and_harm([], {"serious_sourced": [0, 0, 0, 1, 0, 0]}, [("serious_sourced", "documented")],
...                             "Spinal stenosis: benefit and harm on separate panels")
>>> [a.get_title() for a in fig.axes]
['Benefit', 'Harm: what is recorded (not a rate)']
>>> import matplotlib.pyplot as plt; plt.close(fig)
"""
from __future__ import annotations

from typing import Mapping, Sequence

import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator

from ..figures import HATCHES, MARKERS, PALETTE, course_style
from ..fmt import num
from .options_scale import wrap


def plot_benefit_and_harm(panels: Sequence[tuple[tuple, Sequence[tuple[object, int, str]]]],
                          harm_counts: Mapping[str, Sequence[int]], harm_classes: Sequence[tuple[str, str]],
                          title: str):
    """``panels``: ((outcome, scale, measure, better), [(Effect, invasiveness level, label), ...]) per benefit panel;
    ``harm_counts``: harm class -> options per level 0 to 5; ``harm_classes``: (class, words) in drawing order."""
    with course_style():
        n = max(1, len(panels))
        fig, axes = plt.subplots(1, n + 1, figsize=(5.0 * (n + 1), 6.2), squeeze=False)
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
        h = axes[-1]
        bottom = [0] * 6
        colours = [PALETTE["vermillion"], PALETTE["orange"], PALETTE["sky"], "#DDDDDD"]
        for j, (k, label) in enumerate(harm_classes):
            h.bar(range(6), harm_counts.get(k, [0] * 6), bottom=bottom, color=colours[j],
                  hatch=HATCHES[j + 1] if j < 3 else "", edgecolor="black", linewidth=0.6, label=wrap(label, 34))
            bottom = [b + v for b, v in zip(bottom, harm_counts.get(k, [0] * 6))]
        h.set_xticks(range(6))
        h.set_xlabel("Invasiveness level (0-5)")
        h.set_ylabel("Number of options")
        h.set_title("Harm: what is recorded (not a rate)", fontsize=10)
        h.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.16), frameon=False)
        h.set_ylim(0, max(bottom) + 1)
        h.yaxis.set_major_locator(MaxNLocator(integer=True))
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
        a.text(0.01, 0.02, "red dash = that estimate's MID (" + ", ".join(num(m) for m in mids) + ")",
               transform=a.transAxes, fontsize=7.5, color=PALETTE["vermillion"])
    a.set_xlim(-0.5, 5.5)
    a.set_xticks(range(6))
    a.set_xlabel("Invasiveness level (0-5)")
    a.set_ylabel(f"Mean difference on {base}\n({better} favours the option)", fontsize=8.5)
    a.set_title(f"Benefit on {base}", fontsize=10)
    a.legend(handles=handles, fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.16), frameon=False)
