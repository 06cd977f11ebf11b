"""What the guidelines say, as HTML: the treatment x guideline matrix (a symbol AND a word in every cell, a legend,
why guidelines disagree), the list of disagreements, and one view of the tier explorer.

Examples
--------
>>> positions_matrix(["paracetamol"]).cell_text("paracetamol", "NICE")
'✗ against (all low back pain; do not offer). Condition: Paracetamol on its own.'
>>> m = positions_matrix("medicine")
>>> m.guidelines
('NICE', 'ACP', 'WHO', 'CDC')
>>> m.states("acupuncture", "NICE")
Traceback (most recent call last):
...
KeyError: ('acupuncture', 'NICE')
>>> positions_matrix(["acupuncture"]).states("acupuncture", "ACP")
('for', 'for')
>>> positions_matrix(["nsaids"], guidelines=["NICE", "AMA"])
Traceback (most recent call last):
...
ValueError: 'AMA' is not a valid guideline; supported values are NICE, ACP, WHO, CDC
>>> print(guideline_disagreements(["muscle_relaxants", "nsaids"]).text)
Where the guidelines disagree
- Skeletal muscle relaxants (non-benzodiazepine): NICE · not addressed (all low back pain); ACP ✓ for (acute low back pain); WHO ✗ against (chronic low back pain). Different people: the positions speak to acute low back pain, chronic low back pain. Different dates: NICE 2016, ACP 2017, WHO 2023.
>>> print(guideline_disagreements(["nsaids"]).text)
Where the guidelines disagree
(no disagreement among these options)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from ..content import load_content
from ..logic.options import check_condition, guidelines_for, options, resolve
from ..logic.positions import PositionCell, disagreement_lines, position_cells
from ..logic.vocabulary import CONDITION_LABELS, DIRECTIONS, LEGEND, TIER_LABELS
from markupsafe import Markup

from .badges import legend_html
from .effect_cells import effects_cell_html
from .render import Html, environment, render


def position_html(cell: PositionCell, paraphrase: bool = False) -> str:
    """One position as HTML (symbol and word in bold, details, condition, paraphrase, note)."""
    return str(environment().get_template("_macros.html.j2").module.position(cell, paraphrase))


def why_guidelines_disagree(guidelines: Sequence[str] = ("NICE", "ACP", "WHO", "CDC")) -> Html:
    """Why guidelines can point different ways, built from the Guideline records (scope, dates, populations)."""
    c = load_content()
    items = []
    for gid in guidelines:
        g = c.guidelines[gid]
        items.append({"name": g.name, "when": f"{g.year}" + (f", updated {g.updated}" if g.updated else ""),
                      "scope": g.scope})
    dates = ", ".join(f"{gid} {c.guidelines[gid].year}" for gid in guidelines)
    lead = ("Guidelines weigh much the same trials, yet they can point different ways because they differ in "
            "scope (which people and which treatments they cover), in dates (what evidence existed when each "
            f"was written: {dates}), in thresholds (how large and how certain a benefit must be, against which "
            "harms and costs, before they recommend it, and how they grade a recommendation), and in "
            "populations (acute or chronic pain, with or without sciatica, one country or the world).")
    text = "Why guidelines disagree\n" + lead + "\n" + "\n".join(f"- {i['name']} ({i['when']}): {i['scope']}"
                                                                  for i in items)
    return Html(render("why_guidelines_disagree.html.j2", lead=lead, items=items), text)


@dataclass(frozen=True)
class PositionsMatrix:
    """Treatments x guidelines; every cell carries a symbol and a word, conditions and recommendation ids."""

    treatments: tuple[str, ...]
    guidelines: tuple[str, ...]
    cells: dict = field(hash=False)              # (treatment id, guideline) -> list[PositionCell]
    condition: str | None = None

    def cell_text(self, treatment_id: str, guideline: str) -> str:
        return " | ".join(p.text() for p in self.cells[(treatment_id, guideline)])

    def states(self, treatment_id: str, guideline: str) -> tuple:
        return tuple(p.state for p in self.cells[(treatment_id, guideline)])

    def _used(self) -> list:
        used = {p.state for ps in self.cells.values() for p in ps}
        return [s for s in DIRECTIONS if s in used]

    def legend_text(self) -> str:
        return "; ".join(f"{DIRECTIONS[s][0]} {DIRECTIONS[s][1]} = {LEGEND[s]}" for s in self._used())

    def title(self) -> str:
        who = CONDITION_LABELS[self.condition].lower() if self.condition else "all populations"
        return f"What the guidelines say ({who})"

    def to_html(self) -> str:
        c = load_content()
        rows = [{"name": c.treatments[tid].name, "cells": [self.cells[(tid, g)] for g in self.guidelines]}
                for tid in self.treatments]
        legend = [{"symbol": DIRECTIONS[s][0], "word": DIRECTIONS[s][1], "meaning": LEGEND[s]} for s in self._used()]
        return render("positions_matrix.html.j2", title=self.title(), rows=rows, legend=legend,
                      guidelines=[c.guidelines[g] for g in self.guidelines],
                      why=why_guidelines_disagree(self.guidelines))

    def to_text(self) -> str:
        c = load_content()
        lines = [self.title()]
        for tid in self.treatments:
            lines.append(f"- {c.treatments[tid].name}")
            lines += [f"    {g}: {self.cell_text(tid, g)}" for g in self.guidelines]
        lines.append("Legend: " + self.legend_text())
        return "\n".join(lines)

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": self.to_html(), "text/plain": self.to_text()}


def positions_matrix(what, guidelines: Sequence[str] | None = None, *,
                     condition: str | None = None) -> PositionsMatrix:
    """Guideline positions for a tier (or treatment ids): symbol + word per cell, legend, why they disagree.

    ``guidelines`` defaults to NICE, ACP and WHO, plus CDC when an option it covers (opioids) is in the list.
    """
    check_condition(condition)
    ids = resolve(what)
    gs = guidelines_for(ids, guidelines)
    cells = {(tid, g): position_cells(tid, g, condition) for tid in ids for g in gs}
    return PositionsMatrix(tuple(ids), gs, cells, condition)


def guideline_disagreements(what, guidelines: Sequence[str] | None = None) -> Html:
    """Where the guidelines point different ways for these options, derived from the positions, with the reasons
    the records themselves show: different populations and different dates."""
    ids = resolve(what)
    lines = disagreement_lines(ids, guidelines_for(ids, guidelines))
    html = render("guideline_disagreements.html.j2", lines=lines)
    if not lines:
        return Html(html, "Where the guidelines disagree\n(no disagreement among these options)")
    return Html(html, "Where the guidelines disagree\n" + "\n".join(f"- {line}" for line in lines))


def explorer_view_html(tier: str, condition: str, guideline: str) -> str:
    """One pre-rendered view: this tier's options for ``condition`` with ``guideline``'s position and the effects."""
    c = load_content()
    caption = (f"{TIER_LABELS[tier]} for {CONDITION_LABELS[condition].lower()}: what {guideline} "
               f"{c.guidelines[guideline].year} says, beside the effect estimates")
    rows = [{"name": t.name, "cells": position_cells(t.id, guideline, condition),
             "effects": effects_cell_html(t, condition)} for t in options(tier, condition)]
    return render("tier_explorer_view.html.j2", caption=caption, guideline=guideline, rows=rows,
                  condition=CONDITION_LABELS[condition].lower(), legend=Markup(legend_html()))
