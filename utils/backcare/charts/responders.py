"""Averages hide who responds: every person's change drawn as a dot, one row per group, against the MID."""
from __future__ import annotations

from collections import Counter

from .style import PALETTE, course_style


def _stack(values, width=0.5):
    """Dot-plot positions: values rounded to bins of ``width``, dots stacked upwards within each bin."""
    seen: Counter = Counter()
    xs, ys = [], []
    for v in sorted(values):
        b = round(round(v / width) * width, 2)
        seen[b] += 1
        xs.append(b)
        ys.append(seen[b])
    return xs, ys


def plot_individual_changes(result, ax=None):
    """Two dot plots (usual care above, treatment below) of each person's change in pain, with the MID line.

    ``result`` is a :class:`backcare.logic.responders.IndividualChanges`. Filled dots improved by at least the MID,
    open dots did not (shape and colour both carry it). Returns the Figure.

    Examples
    --------
    >>> from backcare.logic.responders import individual_changes
    >>> fig = plot_individual_changes(individual_changes(1.0))
    >>> len(fig.axes), fig.axes[1].get_title(loc="left").startswith("Treatment: 60 of 100")
    (2, True)
    """
    import matplotlib.pyplot as plt

    with course_style():
        if ax is None:
            fig, axes = plt.subplots(2, 1, figsize=(6.8, 4.6), sharex=True)
        else:
            fig, axes = ax.figure, [ax, ax.twinx()]
        rows = [("Usual care", result.control, result.improved_control, PALETTE["orange"]),
                ("Treatment", result.treated, result.improved_treated, PALETTE["blue"])]
        for a, (label, values, improved, colour) in zip(axes, rows):
            xs, ys = _stack(values)
            good = [(x, y) for x, y in zip(xs, ys) if x <= -result.important_change]
            rest = [(x, y) for x, y in zip(xs, ys) if x > -result.important_change]
            if good:
                a.scatter(*zip(*good), s=16, color=colour, marker="o", label="improved by the MID or more")
            if rest:
                a.scatter(*zip(*rest), s=16, facecolors="white", edgecolors=colour, marker="o", label="did not")
            a.axvline(-result.important_change, linestyle="--", color=PALETTE["grey"])
            mean = sum(values) / len(values)
            a.axvline(mean, color=colour, linewidth=2)
            a.set_title(f"{label}: {improved} of {result.people} improved by {result.important_change:g}+ points "
                        f"(average change {mean:+.1f})", fontsize="small", loc="left")
            a.set_yticks([])
            a.set_ylabel("people")
        axes[-1].set_xlabel("change in pain, 0-10 (left = better); dashed line: the 2-point change people notice")
        axes[0].legend(loc="upper left", frameon=False, fontsize="x-small")
    return fig
