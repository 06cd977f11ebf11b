"""The invasiveness-at-a-glance chart as an accessible HTML table (one per condition), from ``views/glance.html.j2``.

Why a table and not one big figure: every cell is a category in words plus a symbol (so it survives greyscale print,
colour-vision deficiency and screen readers), the harm cells are sentences with their own definition, population and
follow-up (which no shared axis could carry honestly), the comparator and numbers sit one click away in ``<details>``,
and it works with no kernel. A small PNG summary (:func:`backcare.charts.glance.plot_glance_summary`) sits beside it
for slides and handouts.

Examples
--------
>>> block = glance_view("stenosis")
>>> "Not medical advice" in block.html or "not medical advice" in block.html
True
>>> block.text.splitlines()[0]
'Spinal stenosis with neurogenic claudication: 5 options by invasiveness level (0 to 5).'
"""
from __future__ import annotations

from ..logic import glance as lg
from ..logic import glance_words as gw
from .render import Html, render

ADVICE = ("Options, benefits and harms differ from person to person; decisions are shared between a person and "
          "their clinicians. Urgent symptoms (new bladder or bowel problems, numbness around the genitals or back "
          "passage, new or worsening leg weakness, fever with back pain, back pain after a major injury) need "
          "same-day emergency care.")
NOT_ESTIMATED = "Not estimated: the course holds no effect estimate for this condition"
_CONF = {"✔": "read on the source's own page", "~": "read on a secondary copy of the source",
         "M": "from memory, unconfirmed", "?": "uncertain"}


def _harm_detail(f) -> str:
    label = lg._reference_label(f.reference) if f.reference else "no source"
    if f.value is None:
        return f"{f.harm}: not quantified. {f.not_quantified} (Checked: {label}.)"
    parts = [f"{f.harm}: {gw.harm_words(f)}" + (f", {f.comparison}" if f.comparison else "") + ".",
             f"What counted: {f.definition}", f"Who: {f.population}.", f"Follow-up: {f.follow_up}.",
             f"Source: {label} ({_CONF[f.confidence]})."]
    if f.note:
        parts.append(f.note)
    return " ".join(parts)


class _Fig:
    """A harm figure with its words, for the template."""

    def __init__(self, f):
        self.harm = f.harm
        self.comparison = f.comparison
        self.words = gw.harm_words(f) if f.value is not None else "Not quantified"
        self.detail = _harm_detail(f)


class _Cell:
    """A guideline cell for the template; ``shared`` when the header already says why (same reason in every row)."""

    def __init__(self, c, shared: bool):
        self.status, self.symbol, self.label, self.condition, self.reason = (c.status, c.symbol, c.label,
                                                                              c.condition, c.reason)
        self.shared = shared


def _row_ctx(r: lg.GlanceRow, shared: dict) -> dict:
    harm = {"kind": r.harm.kind, "reason": r.harm.reason, "figures": [_Fig(f) for f in r.harm.figures],
            "more": [_Fig(f) for f in r.harm.more]}
    return {"level": r.level, "name": r.name, "purpose": r.purpose, "benefit": r.benefit,
            "best_benefit": "none" if r.best_benefit == "none_shown" else r.best_benefit,
            "harm": harm, "guidelines": [_Cell(c, shared.get(c.guideline) == c.reason) for c in r.guidelines]}


def _shared_reasons(g) -> dict:
    """Guideline -> the reason every row shares (e.g. WHO 2023 is out of scope for acute pain), else absent."""
    out = {}
    for i, name in enumerate(lg.GUIDELINES):
        reasons = {r.guidelines[i].reason for r in g.rows}
        if len(reasons) == 1 and None not in reasons:
            out[name] = reasons.pop()
    return out


def glance_context(condition: str) -> dict:
    """Everything the template needs, from the pure rows (``backcare.logic.glance``)."""
    g = lg.glance(condition)
    message = gw.headline_message(g)
    title = f"{g.condition_name}: {message}" if message else (
        f"{g.condition_name}: every option by invasiveness, with benefit, serious harm and guideline positions")
    shared = _shared_reasons(g)
    bands = []
    for level in range(6):
        rows = [_row_ctx(r, shared) for r in g.rows if r.level == level]
        bands.append({"level": level, "name": g.levels[level], "rows": rows,
                      "empty": "The course holds no option at this level for this condition (a gap in the course, "
                               "not a finding about the evidence)."})
    return {
        "anchor": f"bc-glance-{condition.replace('_', '-')}",
        "title": title,
        "subtitle": ("One row per option that a guideline or a trial held by the course addresses for this condition, "
                     "listed by invasiveness level (0 self-care to 5 surgery). A scale, not a ladder: more invasive "
                     "is not a later step or a better one."),
        "advice": ADVICE,
        "benefit_key": [(sym, words if key != "similar" else "Similar to (head-to-head, no difference shown)")
                        for key, (sym, words) in lg.BENEFIT.items()],
        "status_key": list(lg.STATUS.values()),
        "caption": f"{g.condition_name}: options by invasiveness level, benefit, serious harm and guideline positions",
        "guidelines": [{"name": name, "scope_note": shared.get(name)} for name in lg.GUIDELINES],
        "bands": bands,
        "not_estimated": NOT_ESTIMATED,
        "footnote": ("Benefit: 'important' only where the estimate reaches the minimal important difference (MID) and "
                     "its interval excludes no effect. Evidence is never borrowed from another condition. Harm: "
                     "'not quantified' means the course looked and found no trustworthy figure; 'not gathered' means "
                     "the course has not looked (a gap in the course). Withdrawal from a trial is not a harm rate."),
    }


def glance_view(condition: str) -> Html:
    """The chart for one condition as a displayable HTML block with a plain-text twin (every row in words)."""
    g = lg.glance(condition)
    return Html(render("glance.html.j2", **glance_context(condition)), gw.glance_text(g))


def reveal_view(condition: str, question: str, pick: str) -> Html:
    """One pre-rendered reveal: the pick beside the evidence, and the explanation."""
    from ..logic import glance_predict as gp

    r = gp.reveal(condition, question, pick)
    g = lg.glance(condition)
    names = ", ".join(g.row(a).name for a in r.answers) or "no option (none is quantified)"
    text = (f"{gp.QUESTIONS[question]} Your prediction: {r.pick_name}. The evidence points to: {names}. "
            f"{r.explanation}")
    return Html(render("glance_reveal.html.j2", question=gp.QUESTIONS[question], r=r, answer_names=names), text)


def glance_page_html(conditions=None) -> str:
    """Static HTML for a page with no kernel (the site index): each condition's picture and table in a
    ``<details>`` (the first open), the "when invasive care is right" box beside them."""
    from ..charts.glance import show_glance_summary

    conditions = list(conditions or lg.CONDITIONS)
    parts = []
    for i, c in enumerate(conditions):
        parts.append(render("glance_page_part.html.j2", open=(i == 0), name=lg.CONDITIONS[c],
                            figure=Html(show_glance_summary(c).to_html(), ""), table=glance_view(c)))
    return "".join(parts)
