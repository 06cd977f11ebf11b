"""The case views of chapter 07, from templates: the vignette card, the feedback box for a choice, the shared-decision
option grid (and its rows, every answer read from content/) and the patient-voice block.

Examples
--------
>>> html_ = triage_view_html("leila", "serious_pathology")
>>> html_.startswith('<div class="bc-box" role="status" aria-label="Triage feedback for Leila">')
True
>>> grid_rows("leila")
[]
"""
from __future__ import annotations

from ..content.notices import notice_text as _notice_text
from .notice import SHORT_NOTICE
from ..content import load_content
from ..logic.cases import (PLAN_LABELS, URGENCY_LABELS, load_vignettes, plan_feedback, stratify_feedback, triage,
                           triage_feedback, vignette)
from ..logic.positions import applicable_position
from ..logic.red_flags import red_flag_report
from ..logic.start_back import START_BACK_ITEMS
from ..logic.reference_labels import reference_label
from markupsafe import Markup

from .badges import badge, legend_html
from .effect_cells import effect_line_html, time_html
from .effect_text import effect_summary
from .render import Html, render

__all__ = ["CONDITION_NAMES", "NOT_ADVICE", "grid_rows", "option_grid_html", "patient_voice", "plan_view_html",
           "stratify_view_html", "triage_view_html", "vignette_card_html"]

NOT_ADVICE = _notice_text()  # one wording, content/notices.yaml (issue 15)
CONDITION_NAMES = {"acute_nonspecific_lbp": "acute non-specific low back pain", "chronic_lbp": "chronic low back pain",
                   "sciatica": "sciatica", "stenosis": "spinal stenosis"}


def _refs(keys) -> str:
    refs = load_content().references
    return "; ".join(reference_label(refs[k]) for k in keys)


def vignette_card_html(vignette_id: str) -> str:
    """The case as a learner meets it: the person, the story, goals, preferences, findings and the four plans."""
    v = vignette(vignette_id)
    flags = [f.finding for f in red_flag_report(v.red_flags).findings]
    agreed = [f"{i.number}. {i.text}" for i, a in zip(START_BACK_ITEMS, v.start_back) if a]
    return render("case_card.html.j2", v=v, flags=flags, agreed=agreed, plans=list(zip(PLAN_LABELS, v.plans)))


def _feedback_html(v, step: str, right: bool, text: str, *, also=(), also_lead: str = "", sources=None) -> str:
    return render("case_feedback.html.j2", name=v.name, step=step, mark="✓" if right else "✗", text=text,
                  not_advice=SHORT_NOTICE, also=list(also), also_lead=also_lead, sources=sources)


def triage_view_html(vignette_id: str, choice: str) -> str:
    """The feedback box for a triage choice."""
    right, text = triage_feedback(vignette_id, choice)
    return _feedback_html(vignette(vignette_id), "Triage", right, text)


def stratify_view_html(vignette_id: str, choice: str) -> str:
    """The feedback box for a STarT Back risk-group guess."""
    right, text = stratify_feedback(vignette_id, choice)
    return _feedback_html(vignette(vignette_id), "Stratification", right, text)


def plan_view_html(vignette_id: str, index: int) -> str:
    """The feedback box for plan ``index`` (0 to 3), with the other reasonable plans and the sources."""
    v = vignette(vignette_id)
    right, text = plan_feedback(vignette_id, index)
    good = [PLAN_LABELS[i] for i, p in enumerate(v.plans) if p.reasonable and i != index]
    return _feedback_html(v, "Plan", right, f"{PLAN_LABELS[index]}. {text}", also=good,
                          also_lead="Also reasonable" if right else "Reasonable plans",
                          sources=_refs(v.plans[index].references))


_GRID_GUIDELINES = ("NICE", "ACP", "WHO")


def _harms(t) -> str:
    def one(h):
        return h.text + (" (not confirmed)" if h.confidence in ("M", "?") else "")

    parts = []
    if t.harms.common:
        parts.append("Common: " + " ".join(one(h) for h in t.harms.common))
    if t.harms.serious:
        parts.append("Serious: " + " ".join(one(h) for h in t.harms.serious))
    return " ".join(parts) or "None recorded in this series (not the same as none)."


def _grid_effects(t, condition: str) -> list:
    return [e for e in load_content().effects_for(t.id) if e.population in (condition, "any_lbp")]


def _grid_cells_html(vignette_id: str) -> list[tuple[str, list[list]]]:
    """The grid's rows as HTML cells: the time and benefit rows show the short line with its provenance badges and
    the full sentence one click away (the views' one badge, issue 16 item 4); other rows are the text rows. Each cell
    is a list of lines (text is escaped by the template)."""
    v = vignette(vignette_id)
    ts = [load_content().treatments[t] for t in v.grid]
    html_rows = {
        "How soon might it help?": [[time_html(t)] for t in ts],
        "How much does it help, compared with what?": [
            [effect_line_html(e) for e in _grid_effects(t, v.condition)]
            or [Markup(render("sourced_text.html.j2", text="—", flags=[badge("no_estimate")], source=""))]
            for t in ts],
    }
    return [(q, html_rows.get(q) or [a.split(" | ") for a in answers]) for q, answers in grid_rows(vignette_id)]


def grid_rows(vignette_id: str) -> list[tuple[str, list[str]]]:
    """The option grid as (question, one answer per option) rows, every answer read from content/.

    Examples
    --------
    >>> rows = dict(grid_rows("priya"))
    >>> rows["Invasiveness level"]
    ['1', '3', '5']
    >>> grid_rows("leila")
    []
    """
    v = vignette(vignette_id)
    c = load_content()
    ts = [c.treatments[t] for t in v.grid]
    if not ts:
        return []

    def benefit(t) -> str:
        es = _grid_effects(t, v.condition)
        if not es:
            return "No pooled estimate for this condition in this series (a gap in the evidence, not zero)."
        return " | ".join(effect_summary(e) + f" [{_refs([e.reference])}]" for e in es)

    def when(t) -> str:
        tte = t.time_to_effect
        return tte.text + (" (estimated by this series, not from a source)" if tte.editorial else f" [{_refs(tte.references)}]")

    def says(t) -> str:
        out = []
        for g in _GRID_GUIDELINES:
            p = applicable_position(t.id, g, v.condition)
            if p is None:
                out.append(f"{g}: no position for this condition")
            elif not p.verified:
                out.append(f"{g}: not confirmed")
            else:
                out.append(f"{g}: {p.direction.replace('_', ' ')}" + (f" ({p.condition})" if p.condition else ""))
        return "; ".join(out)

    def resource(t) -> str:
        ru = t.resource_use
        return ru.low if ru.low == ru.high else f"{ru.low} to {ru.high}"

    return [
        ("Invasiveness level", [str(t.invasiveness) for t in ts]),
        ("What it is", [t.description for t in ts]),
        ("How soon might it help?", [when(t) for t in ts]),
        ("How much does it help, compared with what?", [benefit(t) for t in ts]),
        ("What are the harms?", [_harms(t) for t in ts]),
        ("What do guidelines say for this condition?", [says(t) for t in ts]),
        ("Relative resource use (illustrative)", [resource(t) for t in ts]),
    ]


#: Rows a student reads on demand, one click away (issue 16 item 4: the columns compared first stay visible).
COLLAPSED_GRID_ROWS = ("What it is",)


def option_grid_html(vignette_id: str) -> str:
    """The option grid of one person, or why there is none yet (serious pathology first)."""
    v = vignette(vignette_id)
    rows = _grid_cells_html(vignette_id)
    t = triage(vignette_id)
    treatments = load_content().treatments
    return render("option_grid.html.j2", v=v, rows=rows, reason=t.reason, next_step=URGENCY_LABELS[t.urgency],
                  columns=[treatments[tid].name for tid in v.grid], condition=CONDITION_NAMES[v.condition],
                  not_advice=NOT_ADVICE, collapsed=COLLAPSED_GRID_ROWS,
                  legend=Markup(legend_html()) if rows else "")


def patient_voice() -> Html:
    """What people with back pain said in published qualitative work: paraphrased and cited, never invented."""
    c = load_content()
    items, text = [], []
    for pv in load_vignettes().patient_voice:
        facts = [(f"{c.fact(f).value:g}", c.fact(f).unit) for f in pv.fact_ids]
        items.append({"text": pv.text, "facts": facts, "source": _refs([pv.reference])})
        text.append(f"- {pv.text[:60]}... [{_refs([pv.reference])}]")
    return Html(render("patient_voice.html.j2", items=items),
                "Patient voice (paraphrased, cited):\n" + "\n".join(text))
