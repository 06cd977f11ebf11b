"""The natural-history chart: mean pain (0-100) at the measured weeks, markers for data and dashed straight lines
between them labelled as interpolation."""
from __future__ import annotations

from typing import Mapping, Sequence

from ..fmt import number
from .style import MARKERS, PALETTE, course_style

__all__ = ["plot_natural_history"]

_COLOURS = {"acute": PALETTE["blue"], "persistent": PALETTE["vermillion"]}
_MARKERS = {"acute": MARKERS[0], "persistent": MARKERS[1]}


def plot_natural_history(courses: Mapping[str, tuple[str, Sequence[tuple[int, float]]]], ax=None):
    """``courses`` maps a course id (acute, persistent) to ``(label, ((week, pain), ...))``; return the Figure.

    >>> fig = plot_natural_history({"acute": ("Acute", ((0, 52), (6, 23)))})
    >>> fig.axes[0].get_legend().get_texts()[0].get_text()
    'Acute (measured)'
    """
    import matplotlib.pyplot as plt

    with course_style():
        if ax is None:
            fig, ax = plt.subplots(figsize=(7.2, 4.2))
        else:
            fig = ax.figure
        for cid, (label, points) in courses.items():
            weeks = [w for w, _ in points]
            pain = [v for _, v in points]
            ax.plot(weeks, pain, linestyle="--", linewidth=1.2, color=_COLOURS[cid], alpha=0.8)
            ax.plot(weeks, pain, linestyle="none", marker=_MARKERS[cid], markersize=9, color=_COLOURS[cid],
                    markeredgecolor="black", label=f"{label} (measured)")
            for w, v in zip(weeks, pain):
                ax.annotate(f"{number(v)}", (w, v), xytext=(0, 9 if cid == "persistent" else -16),
                            textcoords="offset points", ha="center", fontsize=10, color="black")
        ax.plot([], [], linestyle="--", color=PALETTE["grey"], label="straight lines between points: interpolation")
        ax.set_xticks([0, 6, 26, 52])
        ax.set_xlabel("Weeks since the cohort started")
        ax.set_ylabel("Mean pain (0-100)")
        ax.set_ylim(0, 65)
        ax.set_xlim(-2, 55)
        ax.set_title("Natural course of low back pain (Costa 2012)")
        ax.legend(loc="upper right", fontsize=9.5)
    return fig
