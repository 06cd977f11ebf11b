"""What stands beside the forest chart of effects: alt text built from the plotted numbers (estimate, interval, MID,
comparator of every row) and the data table of the chart.

Examples
--------
>>> from backcare.content import load_content
>>> alt = effects_alt_text([load_content().effect("nsaids_chronic_pain")])
>>> alt.startswith("Forest chart of 1 effect estimates on one scale. Panel pain 0-100")
True
"""
from __future__ import annotations

from ..content import load_content
from .tables import Table
from ..fmt import num
from ..logic.effects import panel_title, panels
from ..logic.options import check_effects
from ..logic.vocabulary import CERTAINTY, POPULATION_SHORT
from .effect_text import comparator_text, interval_text, labels, row_words


def effects_alt_text(effects) -> str:
    """Alt text built from the plotted numbers: estimate, interval, MID and comparator of every row."""
    effects = check_effects(effects)
    groups = panels(effects)
    scales = "one scale" if len(groups) == 1 else f"{len(groups)} scales, one panel each, kept apart because they cannot be compared"
    parts = [f"Forest chart of {len(effects)} effect estimates on {scales}."]
    for key, rows in groups:
        parts.append(f"Panel {panel_title(key)}: " + "; ".join(row_words(e) for e in rows) + ".")
    return " ".join(parts)


def effects_table(effects) -> Table:
    """The numbers of the chart, one row per effect, with its source."""
    rows = []
    c = load_content()
    for e in effects:
        rows.append([c.treatments[e.treatment].name, comparator_text(e), POPULATION_SHORT[e.population],
                     e.outcome.replace("_", " "), e.time_point, e.scale, num(e.estimate), interval_text(e),
                     num(e.mid) if e.mid is not None else "not stated", CERTAINTY[e.certainty],
                     labels([e.reference]) + (" (approximate)" if e.approximate else "")])
    return Table(["Treatment", "Compared with", "Population", "Outcome", "Time point", "Scale", "Estimate",
                  "Interval", "MID", "Certainty", "Source"], rows, caption="The numbers in this chart")
