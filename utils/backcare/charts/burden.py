"""The burden chart: people living with low back pain (millions) per year, bars with uncertainty intervals."""
from __future__ import annotations

from typing import Sequence

from ..fmt import number
from .style import PALETTE, course_style

__all__ = ["plot_burden"]


def plot_burden(estimates: Sequence[tuple[str, float, float, float]], ax=None):
    """One bar per ``(label, value, low, high)`` (millions), with its interval written beside it; return the Figure.

    >>> fig = plot_burden([("2020", 619, 554, 694), ("2050", 843, 759, 933)])
    >>> [t.get_text() for t in fig.axes[0].texts][0]
    '619 M\\n(554 to 694)'
    """
    import matplotlib.pyplot as plt

    with course_style():
        if ax is None:
            fig, ax = plt.subplots(figsize=(6.0, 3.6))
        else:
            fig = ax.figure
        xs = list(range(len(estimates)))
        values = [v for _, v, _, _ in estimates]
        errs = [[v - lo for _, v, lo, _ in estimates], [hi - v for _, v, _, hi in estimates]]
        ax.bar(xs, values, width=0.55, color=[PALETTE["blue"], PALETTE["sky"]][:len(xs)], edgecolor="black",
               hatch=["", "//"][:len(xs)], yerr=errs, capsize=8, error_kw={"elinewidth": 1.5})
        for x, (_, v, lo, hi) in zip(xs, estimates):
            ax.text(x + 0.33, v, f"{number(v)} M\n({number(lo)} to {number(hi)})", va="center", ha="left",
                    fontsize=10)
        ax.set_xticks(xs, [label for label, _, _, _ in estimates])
        ax.set_ylabel("People with low back pain\n(millions)")
        ax.set_xlim(-0.5, 1.9)
        ax.set_ylim(0, max(hi for _, _, _, hi in estimates) * 1.1)
        ax.set_title("Low back pain worldwide (GBD 2021)")
    return fig
