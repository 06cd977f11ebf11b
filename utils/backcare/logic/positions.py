"""Guideline-position queries: what one guideline says on one treatment for one population (honest about gaps:
out of scope, other populations only, nothing recorded), which position applies to a condition, and where the
guidelines point different ways.

Pure: reads the validated content and returns records and plain text.

Examples
--------
>>> [p.text() for p in position_cells("opioids", "WHO")]
['✗ against (chronic low back pain; conditional)']
>>> position_cells("nsaids", "CDC")[0].text()
'— out of scope. Note: CDC 2022 speaks only to opioids.'
>>> applicable_position("epidural_steroid_injection", "NICE", "stenosis").direction
'against'
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..choices import check_choice
from ..content import load_content
from .options import check_condition, check_treatment, matches
from .vocabulary import CERTAINTY, DIRECTIONS, POPULATION_SHORT, STRENGTH


@dataclass(frozen=True)
class PositionCell:
    """One line of a matrix cell: a guideline's position on a treatment for one population."""

    state: str | None            # a direction, None (unconfirmed), "other_population" or "not_recorded"
    population: str | None = None
    strength: str | None = None
    certainty: str | None = None
    condition: str | None = None
    recommendation_id: str | None = None
    paraphrase: str | None = None
    note: str | None = None
    checked_on: str | None = None  # ISO date the position was last checked against the guideline (None: not yet)
    recorded: bool = False  # a row of content/positions.yaml (not a gap such as "no position for this condition")

    @property
    def symbol(self) -> str:
        return DIRECTIONS[self.state][0]

    @property
    def word(self) -> str:
        return DIRECTIONS[self.state][1]

    def short(self) -> str:
        """Symbol, word, population and (never dropped) the condition: the one-line form (issue 15)."""
        out = f"{self.symbol} {self.word}" + (f" ({POPULATION_SHORT[self.population]})" if self.population else "")
        return out + (f": {self.condition.rstrip('.')}" if self.condition else "")

    def details(self) -> list[str]:
        d = []
        if self.population:
            d.append(POPULATION_SHORT[self.population])
        if self.strength:
            d.append(STRENGTH[self.strength])
        if self.certainty:
            d.append(CERTAINTY[self.certainty])
        if self.recommendation_id:
            d.append(f"recommendation {self.recommendation_id}")
        return d

    def text(self, paraphrase: bool = False) -> str:
        out = f"{self.symbol} {self.word}"
        if self.details():
            out += f" ({'; '.join(self.details())})"
        if self.condition:
            out += f". Condition: {self.condition}"
        if paraphrase and self.paraphrase:
            out += f". Says: {self.paraphrase}"
        if self.note:
            out += f". Note: {self.note}"
        return out


def position_cells(treatment_id: str, guideline: str, condition: str | None = None) -> list[PositionCell]:
    """What one guideline says on one treatment (one line per population), honest about gaps."""
    c = load_content()
    check_treatment(treatment_id)
    check_condition(condition)
    g = c.guidelines[check_choice(guideline, c.guidelines, what="guideline")]
    if g.covers_only is not None and treatment_id not in g.covers_only:
        names = ", ".join(c.treatments[t].name.split(" (")[0].lower() for t in g.covers_only)
        return [PositionCell("out_of_scope", note=f"{g.id} {g.year} speaks only to {names}.")]
    every = c.positions_for(treatment_id, guideline)
    found = [p for p in every if matches(p.population, condition)]
    if not found:
        if every:
            pops = ", ".join(POPULATION_SHORT[p.population] for p in every)
            return [PositionCell("other_population", note=f"{g.id} speaks to this option for {pops}.")]
        return [PositionCell("not_recorded")]
    return [PositionCell(p.direction if p.verified else None, p.population, p.strength, p.certainty, p.condition,
                         p.recommendation_id, p.paraphrase, None if p.verified else p.note,
                         p.checked_on.isoformat() if p.checked_on else None, recorded=True) for p in found]


def applicable_position(treatment: str, guideline: str, condition: str):
    """The position of ``guideline`` on ``treatment`` that applies to ``condition`` (or None): specific beats any_lbp.

    Examples
    --------
    >>> applicable_position("epidural_steroid_injection", "NICE", "sciatica").direction
    'for'
    >>> applicable_position("acupuncture", "WHO", "acute_nonspecific_lbp") is None
    True
    """
    found = {p.population: p for p in load_content().positions_for(treatment, guideline)}
    return found.get(condition) or found.get("any_lbp")


def disagreement_lines(ids: Sequence[str], guidelines: Sequence[str]) -> list[str]:
    """One sentence per listed option on which the guidelines disagree: each guideline's position, then the reasons
    the records themselves show (different populations, different dates)."""
    c = load_content()
    split = {d.treatment for d in c.disagreements() if d.treatment in ids}
    lines = []
    for tid in (t for t in ids if t in split):
        parts, pops, years = [], [], []
        for g in guidelines:
            cells = position_cells(tid, g)
            if all(p.state in ("out_of_scope",) for p in cells):
                continue
            shown = "; ".join(p.short() for p in cells)
            parts.append(f"{g} {shown}")
            pops += [p.population for p in cells
                     if p.population not in (None, "any_lbp")
                     and p.state in ("for", "against", "only_if", "no_recommendation")]
            years.append(f"{g} {c.guidelines[g].year}")
        why = []
        distinct = list(dict.fromkeys(pops))
        if len(distinct) > 1:
            why.append("Different people: the positions speak to " + ", ".join(POPULATION_SHORT[p] for p in distinct) + ".")
        why.append("Different dates: " + ", ".join(years) + ".")
        lines.append(f"{c.treatments[tid].name}: " + "; ".join(parts) + ". " + " ".join(why))
    return lines
