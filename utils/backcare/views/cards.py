"""Explorer views: one pre-rendered HTML card per option (nerve root, imaging age, invasiveness level,
natural-history course), each a region with an accessible name."""
from __future__ import annotations

from markupsafe import Markup

from ..logic.imaging import imaging_prevalence, imaging_sentence
from .figure import img_html
from .render import render
from .tables import Table

__all__ = ["nerve_root_card", "imaging_age_card", "level_card", "natural_history_card"]


def nerve_root_card(root) -> str:
    """One nerve root (a ``NerveRoot`` from content): the disc usually involved, weakness, reflex, sensation."""
    return render("nerve_root_card.html.j2", r=root)


def imaging_age_card(age: int) -> str:
    """How common each imaging finding is at one age among people without back pain, as a sentence and a table."""
    return render("imaging_age.html.j2", age=age, sentence=imaging_sentence(age), rows=imaging_prevalence(age))


def level_card(level, examples, resource: str) -> str:
    """One invasiveness level: its definition, example treatments and illustrative resource use."""
    return render("level_card.html.j2", level=level, examples=examples, resource=resource)


def natural_history_card(label: str, png: bytes, alt: str, sentence: str, table: Table) -> str:
    """One natural-history view: the chart, its plain-language reading and its data table."""
    return render("natural_history_view.html.j2", label=label, img=Markup(img_html(png, alt)), sentence=sentence,
                  table=table)
