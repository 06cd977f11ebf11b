"""Chapter 02, red flags: the table of every flag, the live checker (opening on a synthetic case) and the red-flag
paradox (most people have a flag, very few have serious pathology). Teaching material, not medical advice."""
from __future__ import annotations

from typing import Iterable

from ..fmt import number
from ..logic.facts import fact
from ..charts.icon_array import plot_icon_array
from ..charts.show import ShownFigure, render_chart
from ..charts.style import PALETTE
from ..logic.red_flags import red_flag_report
from ..logic.triage import red_flag_paradox_counts
from ..views.red_flags import red_flag_table
from ..views.tables import Table
from ..widgets.red_flag_checker import RedFlagChecker

__all__ = ["red_flag_table", "red_flag_checker", "show_red_flag_paradox"]


def red_flag_checker(ticked: Iterable[str] = ("older_age", "corticosteroids")) -> RedFlagChecker:
    """A live red-flag checker opening on a synthetic case (by default an older person on long-term steroids).

    Examples
    --------
    >>> checker = red_flag_checker()
    >>> checker.boxes["saddle_numbness"].value = True
    >>> "Same-day emergency" in checker.output.value
    True
    >>> red_flag_checker(["sore_back"])
    Traceback (most recent call last):
    ...
    ValueError: 'sore_back' is not a valid red flag; supported values are older_age, corticosteroids, severe_trauma, \
contusion, history_of_cancer, weight_loss, fever, immunosuppression and 4 more
    """
    red_flag_report(ticked)  # validates the ids
    return RedFlagChecker(list(ticked))


def show_red_flag_paradox(population: int = 1000) -> ShownFigure:
    """Icon array: most people have a red flag, very few have serious pathology (Henschke 2009).

    Examples
    --------
    >>> show_red_flag_paradox().table.rows
    [['At least one red flag', 804], ['Serious pathology', 9], ['No red flag', 196]]
    >>> show_red_flag_paradox(10)
    Traceback (most recent call last):
    ...
    ValueError: population must be a whole number of people, 100 or more, got 10
    """
    flagged, serious = red_flag_paradox_counts(population)
    groups = [
        (serious, dict(label=f"Red flag and serious pathology: {serious}", marker="^", color=PALETTE["vermillion"],
                       edgecolors="black", s=40, linewidths=0.6)),
        (flagged - serious, dict(label=f"Red flag, no serious pathology: {flagged - serious}", marker="s",
                                 color=PALETTE["orange"], s=20, linewidths=0)),
        (population - flagged, dict(label=f"No red flag: {population - flagged}", marker="o", facecolors="white",
                                    edgecolors=PALETTE["grey"], s=18, linewidths=0.8)),
    ]
    alt = (f"Icon array of {population:,} adults with acute low back pain in primary care (Henschke 2009): "
           f"{flagged} had at least one red flag ({number(fact('henschke2009_any_red_flag').value)}%), but only "
           f"{serious} had serious pathology ({number(fact('henschke2009_serious_pathology').value)}%). "
           "Serious cases are drawn as triangles; for simplicity the chart places them among the people with a flag.")
    table = Table(["Group", f"People out of {population:,}"],
                  [["At least one red flag", flagged], ["Serious pathology", serious],
                   ["No red flag", population - flagged]])
    title = f"Out of {population:,} adults with acute low back pain in primary care"
    return render_chart(plot_icon_array, groups, alt=alt, table=table, cols=40 if population == 1000 else 20,
                        figsize=(8.0, 6.0), title=title,
                        legend_kw=dict(loc="upper center", bbox_to_anchor=(0.5, -0.01), ncol=2, fontsize=9.5,
                                       markerscale=1.5))
