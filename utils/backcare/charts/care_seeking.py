"""The care-seeking simulation drawn: average pain of the people who sought care, aligned at their visit."""
from __future__ import annotations

from .style import PALETTE, course_style


def plot_care_seeking(result, ax=None):
    """Average pain (0-10) by week relative to the visit, with the group's usual level as a dashed line.

    ``result`` is a :class:`backcare.logic.care_seeking.CareSeeking`. Returns the Figure.

    Examples
    --------
    >>> from backcare.logic.care_seeking import simulate_care_seeking
    >>> fig = plot_care_seeking(simulate_care_seeking())
    >>> float(fig.axes[0].lines[0].get_ydata()[4])
    7.5
    """
    import matplotlib.pyplot as plt

    with course_style():
        if ax is None:
            fig, ax = plt.subplots(figsize=(6.4, 3.4))
        else:
            fig = ax.figure
        x, y = list(result.offsets), list(result.aligned_mean)
        ax.plot(x, y, marker="o", color=PALETTE["blue"], label="average pain of those who sought care")
        ax.axhline(result.mean_usual, linestyle="--", color=PALETTE["grey"],
                   label=f"their usual level ({result.mean_usual:g})")
        ax.annotate(f"visit: {result.mean_at_visit:g}", (0, result.mean_at_visit), textcoords="offset points",
                    xytext=(8, 0), va="center")
        ax.annotate(f"{result.weeks_later} weeks later: {result.mean_later:g}", (result.weeks_later,
                    result.mean_later), textcoords="offset points", xytext=(-10, -16), ha="right")
        ax.set_xticks(x, [("visit" if o == 0 else f"{o:+d}") for o in x])
        ax.set_xlabel("weeks before and after seeing a clinician (no treatment given)")
        ax.set_ylabel("pain (0-10)")
        ax.set_ylim(0, 10)
        ax.legend(loc="upper left", frameon=False, fontsize="small")
        ax.set_title(f"{result.sought_care} of {result.people:,} people sought care when pain reached "
                     f"{result.seek_care_at}+", fontsize="medium")
    return fig
