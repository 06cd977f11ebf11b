"""The options of a treatment tier as HTML tables: what each option is, for whom, its effect (vs comparator, with
certainty), time to effect, harms and relative resource use; and one option's benefit and harm side by side.
"No evidence" is shown as a gap, never as 0.

Examples
--------
>>> table = options_table("medicine", "acute_nonspecific_lbp")
>>> table.title
'Medicines: options for acute non-specific low back pain (listed by invasiveness, then name; not a ranking)'
>>> [row[0][0] for row in table.rows]
['Non-steroidal anti-inflammatory drugs (NSAIDs)', 'Opioids (including tramadol)', 'Paracetamol (acetaminophen)', 'Skeletal muscle relaxants (non-benzodiazepine)']
>>> options_table("medicine", "lumbago")
Traceback (most recent call last):
...
ValueError: 'lumbago' is not a valid condition; supported values are acute_nonspecific_lbp, chronic_lbp, sciatica, stenosis
>>> print(benefit_and_harm("paracetamol").text)
Paracetamol (acetaminophen): benefit and harm side by side
Benefit: — no pooled estimate in this series
Harms: None listed in this series (not the same as none).
Time to effect: No faster recovery than placebo (median 16 to 17 days in all arms). [Williams 2014]
>>> benefit_and_harm("aspirin")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
ValueError: 'aspirin' is not a valid treatment; supported values are education_advice, superficial_heat, ...
"""
from __future__ import annotations

from dataclasses import dataclass

from ..content import load_content
from ..logic.options import check_condition, check_tier, check_treatment, options
from ..logic.vocabulary import CONDITION_LABELS, TIER_LABELS
from markupsafe import Markup

from .badges import legend_html
from .effect_cells import effects_cell_html, time_html
from .effect_text import effects_cell, harms_text, resource_text, time_text
from .render import Html, render


@dataclass(frozen=True)
class OptionsTable:
    """The options of a tier as a table; displays as HTML, with a deterministic plain-text form."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[tuple[str, ...], ...], ...]   # row -> cell -> lines of plain text
    #: the same rows for HTML (effect and time cells carry badges and a "numbers and source" click); None: ``rows``
    html_rows: tuple | None = None

    #: Columns a student compares first (option, effect, harms); the rest open with a click in the option's cell.
    compare_first: tuple[int, ...] = (0, 3, 5)

    def to_html(self, *, compact: bool = True) -> str:
        """HTML table; ``compact`` (the default) puts the columns outside :attr:`compare_first` behind a click."""
        shown = self.compare_first if compact and len(self.columns) > max(self.compare_first) else ()
        return render("options_table.html.j2", title=self.title, columns=self.columns,
                      rows=self.html_rows or self.rows, shown=shown, legend=Markup(legend_html()))

    def to_text(self) -> str:
        lines = [self.title]
        for row in self.rows:
            lines.append(f"- {row[0][0]}")
            lines += [f"    {col}: {' '.join(cell)}" for col, cell in zip(self.columns[1:], row[1:])]
        return "\n".join(lines)

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": self.to_html(), "text/plain": self.to_text()}


def options_table(tier: str, condition: str | None = None) -> OptionsTable:
    """The options of a tier side by side: what it is, for whom, effect, time to effect, harms, resource use."""
    check_tier(tier)
    check_condition(condition)
    who = f"options for {CONDITION_LABELS[condition].lower()}" if condition else "all options"
    title = f"{TIER_LABELS[tier]}: {who} (listed by invasiveness, then name; not a ranking)"
    columns = ("Option", "What it is", "For whom", "Effect (vs comparator, certainty)", "Time to effect", "Harms",
               "Relative resource use")
    rows, html_rows = [], []
    for t in options(tier, condition):
        whom = ", ".join(CONDITION_LABELS[x] for x in t.conditions)
        if t.purpose == "diagnostic":
            whom += " (a diagnostic test)"
        rows.append(((t.name,), (t.description,), (whom,), tuple(effects_cell(t, condition)), (time_text(t),),
                     (harms_text(t),), (resource_text(t),)))
        html_rows.append(rows[-1][:3] + (tuple(effects_cell_html(t, condition)), (time_html(t),)) + rows[-1][5:])
    return OptionsTable(title, columns, tuple(rows), html_rows=tuple(html_rows))


def benefit_and_harm(treatment_id: str, condition: str | None = None) -> Html:
    """One option's benefit (effects vs comparator, certainty) and harms side by side, with time to effect."""
    t = load_content().treatments[check_treatment(treatment_id)]
    check_condition(condition)
    benefit = effects_cell(t, condition)
    harms = harms_text(t)
    title = f"{t.name}: benefit and harm side by side" + (
        f" ({CONDITION_LABELS[condition].lower()})" if condition else "")
    html = render("benefit_and_harm.html.j2", title=title, benefit=effects_cell_html(t, condition), harms=harms,
                  time=time_html(t), legend=Markup(legend_html()))
    text = "\n".join([title, "Benefit: " + " | ".join(benefit), f"Harms: {harms}", f"Time to effect: {time_text(t)}"])
    return Html(html, text)
