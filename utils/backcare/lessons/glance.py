"""Chapter-facing ``bc.`` functions for the invasiveness-at-a-glance picture (the spine of chapters 00 and 06).

Examples
--------
>>> ex = glance_explorer("stenosis")
>>> ex.labels[ex.control.index]
'Spinal stenosis with neurogenic claudication'
>>> "Exercise therapy" in ex.visible_html() and "When invasive care is right" in ex.visible_html()
True
>>> w = predict_then_reveal("chronic_lbp")
>>> [q.control.index for q in w.questions]
[None, None]
"""
from __future__ import annotations

from ..logic import glance as lg
from ..logic import glance_predict as gp
from ..views.glance import glance_view, reveal_view
from markupsafe import Markup

from ..views.render import Html, render


def _beside_html() -> str:
    """The compact "when invasive care is right" box set beside the picture (details one click away), with the urgent
    symptoms once (the explorer's intro already says "teaching material, not medical advice")."""
    from ..logic.procedures import load_procedures
    from ..views.notice import urgent_html
    from ..views.procedures import URGENCY_LABELS, reference_label

    indications = [{"name": i.name, "urgency": URGENCY_LABELS[i.urgency], "signs": i.signs,
                    "what_happens": i.what_happens, "sources": [reference_label(k) for k in i.references]}
                   for i in load_procedures().indications]
    return render("glance_beside.html.j2", indications=indications, urgent=Markup(urgent_html()))


def glance_html(condition: str) -> str:
    """One condition: the summary picture with the "when invasive care is right" box beside it, then the full table
    one click away."""
    from ..charts.glance import show_glance_summary

    lg.check_choice(condition, tuple(lg.CONDITIONS), what="condition")
    figure = show_glance_summary(condition).to_html()
    return render("glance_region.html.j2", condition_name=lg.CONDITIONS[condition], figure=Markup(figure),
                  beside=Markup(_beside_html()), table=Markup(glance_view(condition).html))


def show_glance(condition: str = "chronic_lbp") -> Html:
    """The picture for one condition (static HTML; plain text lists every row)."""
    return Html(glance_html(condition), glance_view(condition).text)


def glance_explorer(condition: str = "chronic_lbp"):
    """Choose a condition to see its picture; every view is pre-rendered, so it works on the static page."""
    from ..widgets import explorer

    lg.check_choice(condition, tuple(lg.CONDITIONS), what="condition")
    views = [(name, glance_html(key)) for key, name in lg.CONDITIONS.items()]
    intro = render("glance_intro.html.j2")
    return explorer("Invasiveness, benefit and harm at a glance", views, description="Condition",
                    index=list(lg.CONDITIONS).index(condition), intro_html=intro)


def predict_then_reveal(condition: str = "chronic_lbp"):
    """Before the chart: pick which of four options helps most, and which carries the most serious harm; each pick
    reveals the evidence beside it (pre-rendered, keyboard-usable, works with no kernel)."""
    from ..widgets.reveal import PredictPanel, pick_then_reveal
    from ..widgets.shared import html

    options = gp.PREDICT_OPTIONS[lg.check_choice(condition, tuple(gp.PREDICT_OPTIONS), what="condition for prediction")]
    g = lg.glance(condition)
    names = [g.row(t).name for t in options]
    parts = []
    for q in ("helps", "harm"):
        views = [(name, reveal_view(condition, q, t).html) for name, t in zip(names, options)]
        parts.append(pick_then_reveal(f"{lg.CONDITIONS[condition]}: {gp.QUESTIONS[q]}", gp.QUESTIONS[q], views))
    intro = html(render("glance_predict_intro.html.j2", condition_name=lg.CONDITIONS[condition]))
    return PredictPanel(f"Predict, then reveal ({lg.CONDITIONS[condition].lower()})", intro, parts)
