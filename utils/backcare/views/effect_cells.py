"""HTML twins of the effect and time-to-effect cells of the options views: what a student compares first is
visible (outcome scale, time point, estimate vs comparator, certainty or its badge), the full sentence with interval,
MID and source one click away ("numbers and source"). The plain-text cells (:mod:`.effect_text`) keep every word.

Examples
--------
>>> from backcare.content import load_content
>>> t = load_content().treatments["nsaids"]
>>> line = effects_cell_html(t, "chronic_lbp")[0]
>>> str(line).split("<span")[0]
'pain 0-100 (VAS), median follow-up 56 days: −3.3 vs placebo; low certainty '
>>> "MID not stated by the source" in line and "no MID" in line
True
>>> str(effects_cell_html(load_content().treatments["paracetamol"], "chronic_lbp")[0]).startswith("—")
True
"""
from __future__ import annotations

import re

from markupsafe import Markup

from ..fmt import num
from ..logic.options import effects_of
from ..logic.vocabulary import CERTAINTY, POPULATION_SHORT
from .badges import badge, badges_html, effect_badges
from .effect_text import comparator_text, effect_summary, labels
from .render import render


UNCONFIRMED = "(not confirmed in a primary source)"
COURSE_ESTIMATE = "course estimate (editorial, not sourced)"
#: hedge words that plain-text cells carry -> the badge an HTML cell shows instead
_HEDGES = ((UNCONFIRMED, "unconfirmed"), (COURSE_ESTIMATE, "course_estimate"))


def hedged_html(text: str) -> Markup:
    """``text`` with the hedge words the plain-text cells carry replaced by their badges (escaped otherwise).

    >>> str(hedged_html("Weeks (not confirmed in a primary source).")).split("<span")[0]
    'Weeks. '
    >>> "✎</span> course estimate" in hedged_html("course estimate (editorial, not sourced); NICE 2016")
    True
    """
    flags = []
    for words, key in _HEDGES:
        if words in text:
            text = re.sub(r"\s*" + re.escape(words), "", text)
            flags.append(badge(key))
    text = re.sub(r"^[;,.\s]+", "", text) if flags and not text.strip(" ;,.") == "" else text
    return Markup(render("sourced_text.html.j2", text=text, flags=flags, source=""))


def effect_line_html(e, *, population: bool = False) -> Markup:
    """One effect: the short line with its badges, and the full sentence and source behind a click (``population``:
    name who was studied first, for a view that is not about one condition)."""
    who = f"{e.outcome.replace('_', ' ')} in {POPULATION_SHORT[e.population]}: " if population else ""
    trial = f" ({e.label})" if e.label else ""  # which arm or trial, so two lines never read alike
    head = f"{who}{e.scale}, {e.time_point}: {num(e.estimate)} vs {comparator_text(e)}{trial}"
    certainty = "" if e.certainty == "not_stated" else CERTAINTY[e.certainty]
    return Markup(render("effect_line.html.j2", head=head, certainty=certainty, flags=effect_badges(e),
                         full=effect_summary(e), source=labels([e.reference])))


def effects_cell_html(t, condition) -> list[Markup]:
    """The HTML lines of an effect cell (the twin of :func:`.effect_text.effects_cell`)."""
    if t.purpose == "diagnostic":
        return [Markup("Diagnostic test, not a treatment: it has no effect on pain to report.")]
    found = effects_of([t.id], condition=condition)
    if not found:
        return [Markup(render("sourced_text.html.j2", text="—", flags=[badge("no_estimate")], source=""))]
    return [effect_line_html(e, population=condition is None) for e in found]


def time_html(t) -> Markup:
    """Time to effect with its source, or the course-estimate badge (the twin of :func:`.effect_text.time_text`)."""
    tte = t.time_to_effect
    text, flags = tte.text, []
    if UNCONFIRMED in text:  # the content's own hedge becomes the badge (the text twin keeps the words)
        text, flags = re.sub(r"\s*" + re.escape(UNCONFIRMED), "", text), [badge("unconfirmed")]
    if tte.editorial:
        flags.append(badge("course_estimate"))
    return Markup(render("sourced_text.html.j2", text=text, flags=flags,
                         source="" if tte.editorial else labels(tte.references)))


__all__ = ["effect_line_html", "effects_cell_html", "time_html", "badges_html"]
