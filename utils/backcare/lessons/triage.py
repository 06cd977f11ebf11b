"""Chapter 01, triage into three groups: the icon array of 1,000 people (serious pathology, radicular pain,
non-specific low back pain) with its alt text and data table.

Examples
--------
>>> show_triage().table.rows[0]
['Possible serious pathology', 9, 'Henschke 2009 (0.9%)']
>>> show_triage(50)
Traceback (most recent call last):
...
ValueError: population must be a whole number of people, 100 or more, got 50
"""
from __future__ import annotations

import math

from ..fmt import number
from ..logic.facts import fact
from ..charts.icon_array import plot_icon_array
from ..charts.show import ShownFigure, render_chart
from ..charts.style import PALETTE
from ..content.chapter_understanding import triage_group
from ..logic.triage import TriageCounts, triage_counts
from ..views.tables import Table

__all__ = ["show_triage", "triage_alt_text", "plot_triage_icon_array"]


def triage_alt_text(counts: TriageCounts | None = None) -> str:
    c = counts or triage_counts()
    serious = fact(triage_group("serious").fact)
    nonspec = fact(triage_group("nonspecific").fact)
    rad = triage_group("radicular")
    return (f"Icon array of {c.population:,} people seen in primary care with low back pain. About {c.serious} "
            f"(triangles) have a possible serious cause such as a fracture, cancer or infection "
            f"(Henschke 2009: {number(serious.value)}%). Between {c.radicular_low} and {c.radicular_high} (squares) "
            f"have radicular pain (sciatica): an often-quoted {number(rad.low)} to {number(rad.high)}% that is not "
            f"verified, drawn as {c.radicular_low} filled and {c.radicular_high - c.radicular_low} open squares. "
            f"The remaining {c.nonspecific_low} to {c.nonspecific_high} (circles), about {number(nonspec.value)}% "
            "(WHO), have non-specific low back pain.")


def plot_triage_icon_array(counts: TriageCounts | None = None, ax=None):
    """One marker per person: triangles serious, squares radicular (open = uncertain part), circles non-specific."""
    c = counts or triage_counts()
    cols = 40 if c.population == 1000 else max(10, math.ceil(math.sqrt(c.population * 1.6)))
    groups = [
        (c.serious, dict(label=f"Possible serious pathology: about {c.serious}", marker="^",
                         color=PALETTE["vermillion"], edgecolors="black", s=34, linewidths=0.6)),
        (c.radicular_low, dict(label=f"Radicular pain: at least {c.radicular_low} ...", marker="s",
                               color=PALETTE["orange"], edgecolors="black", s=26, linewidths=0.5)),
        (c.radicular_high - c.radicular_low, dict(label=f"... up to {c.radicular_high} (range not verified)",
                                                  marker="s", facecolors="white", edgecolors=PALETTE["orange"], s=26,
                                                  linewidths=1.2)),
        (c.nonspecific_low, dict(label=f"Non-specific low back pain: {c.nonspecific_low} to {c.nonspecific_high}",
                                 marker="o", color=PALETTE["sky"], s=22, linewidths=0)),
    ]
    return plot_icon_array(groups, cols=cols, title=f"Out of {c.population:,} people seen in primary care with low "
                                                     "back pain", ax=ax,
                           legend_kw=dict(loc="upper center", bbox_to_anchor=(0.5, -0.01), ncol=2, fontsize=9.5,
                                          markerscale=1.6))


def show_triage(population: int = 1000) -> ShownFigure:
    """The triage icon array with alt text and a data table."""
    c = triage_counts(population)
    rad = triage_group("radicular")
    table = Table(
        ["Group", f"People out of {c.population:,}", "Source"],
        [["Possible serious pathology", c.serious, "Henschke 2009 (0.9%)"],
         ["Radicular pain (sciatica)", f"{c.radicular_low} to {c.radicular_high}",
          f"often quoted {number(rad.low)}-{number(rad.high)}%, not verified"],
         ["Non-specific low back pain", f"{c.nonspecific_low} to {c.nonspecific_high}", "the rest; WHO: about 90%"]])
    return render_chart(plot_triage_icon_array, c, alt=triage_alt_text(c), table=table)
