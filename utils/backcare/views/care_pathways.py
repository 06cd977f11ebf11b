"""Chapter 06's boxes and FAQ views: stratified and stepped care (what trials found, where red flags leave the
pathway), where guidelines disagree and why, how long until results (sourced times or course estimates, beside the
natural course), and how access and coverage work (the US as one dated example). Built from templates.

Examples
--------
>>> time_to_effect_rows("stenosis")[2]  # doctest: +NORMALIZE_WHITESPACE +ELLIPSIS
(3, 'Epidural steroid injection', 'Advised against for this condition. NICE: Do not use epidural injections
 for neurogenic claudication caused by central spinal stenosis.', 'NICE NG59...')
>>> show_care_pathways().text.splitlines()[-1]
'Red flags leave the pathway at any step.'
"""
from __future__ import annotations

from ..content import load_content
from ..content.care_pathways import Chapter06
from ..content.store import load
from ..fmt import value_or_range
from ..logic.positions import position_cells
from ..logic.guidance import advised_against, against_note, direction_label
from ..logic.selection import options_for_condition
from ..logic.vocabulary import BANDS, CONDITIONS, GUIDELINES
from markupsafe import Markup

from .badges import badge, confidence_badges, legend_html
from .effect_cells import hedged_html
from .effect_text import effect_summary, labels
from .render import Html, render

CHAPTER_FILE = "06_comparing_options.yaml"
#: natural-history facts shown beside the times to effect, per condition
NATURAL_COURSE = {
    "acute_nonspecific_lbp": ["costa_acute_pain_baseline", "costa_acute_pain_6_weeks", "henschke2008_pain_resolved_days"],
    "chronic_lbp": ["costa_persistent_pain_baseline", "costa_persistent_pain_6_weeks", "costa_persistent_pain_52_weeks"],
    "sciatica": ["peul_recovered_1_year", "peul_conservative_operated_1_year"],
}
#: what the comparison beside the times to effect is, per condition (sciatica: a trial's two TREATED arms, issue 15)
NATURAL_COURSE_LEAD = {
    "sciatica": ("For comparison, what happened in a trial (not an untreated natural course: both groups were "
                 "treated, and some people in the conservative group had surgery):"),
}
NATURAL_COURSE_DEFAULT_LEAD = "Without any treatment, for comparison (natural course):"


def load_chapter() -> Chapter06:
    """The chapter 06 dataset, validated strictly with every id it cites checked (cached by the content loader)."""
    return load(f"chapters/{CHAPTER_FILE}")


def fact_words(fact_id: str) -> str:
    f = load_content().fact(fact_id)
    value = value_or_range(f.value, f.low, f.high)
    approx = " (approximate)" if f.approximate else ""
    return f"{f.statement} {value} {f.unit}{approx}".replace(" %", "%")


def show_care_pathways() -> Html:
    """Stratified and stepped care: how each works, what trials found (UK vs US), and where red flags exit."""
    c = load_content()
    d = load_chapter()
    pathways, text = [], []
    for p in d.pathways:
        text.append(f"{p.name}:")
        findings = []
        for f in p.findings:
            verdict = {True: "benefit found", False: "no benefit found", None: "not a treatment trial"}[f.replicated]
            numbers = [effect_summary(c.effect(e)) for e in f.effect_ids] + [fact_words(x) for x in f.fact_ids]
            findings.append({"setting": f.setting, "verdict": verdict, "result": f.result, "confidence": f.confidence,
                             "editorial": f.editorial, "sources": labels(f.references), "numbers": numbers})
            text.append(f"- {f.setting} ({verdict})")
        pathways.append({"name": p.name, "how_it_works": p.how_it_works, "confidence": p.confidence,
                         "editorial": p.editorial, "sources": labels(p.references), "findings": findings})
    text.append("Red flags leave the pathway at any step.")
    html = render("care_pathways.html.j2", pathways=pathways, red_flag_exit=d.red_flag_exit,
                  red_flag_sources=labels(d.red_flag_exit_references), legend=Markup(legend_html()))
    return Html(html, "\n".join(text))


def show_disagreements() -> Html:
    """Where guidelines point different ways, side by side, derived from the positions (no second copy)."""
    c = load_content()
    context = {x.treatment: x for x in load_chapter().disagreement_context}
    rows, text = [], ["Guideline disagreements (derived from content/positions.yaml):"]
    for d in c.disagreements():
        why = context.get(d.treatment)
        rows.append({"name": c.treatments[d.treatment].name,
                     "cells": [position_cells(d.treatment, g) for g in GUIDELINES],
                     "why": why, "why_sources": labels(why.references) if why else "",
                     "why_badges": [badge(k) for k in confidence_badges(why.confidence)] if why else []})
        dirs = "; ".join(f"{g} " + " / ".join(direction_label(p) for p in ps) for g, ps in d.positions.items())
        text.append(f"- {c.treatments[d.treatment].name}: {dirs}")
    html = render("disagreements_table.html.j2", guidelines=[c.guidelines[g] for g in GUIDELINES], rows=rows,
                  legend=Markup(legend_html()))
    return Html(html, "\n".join(text))


def time_to_effect_rows(condition: str) -> list[tuple[int, str, str, str]]:
    """(level, option, when benefit if any is seen, source or 'course estimate') for the condition's options.

    An option shown for a condition only because a guideline advises against it there shows that position instead
    of evidence from other conditions; an option advised against shows the position beside its time (issue 15). A
    sourced time studied in other conditions (``time_to_effect.applies_to``) is not borrowed either.

    >>> time_to_effect_rows("stenosis")[1]
    (1, 'Exercise therapy', 'Not estimated for this condition: the source on timing studied chronic low back pain.', '—')
    """
    c = load_content()
    rows = []
    for tid in options_for_condition(condition):
        t = c.treatments[tid]
        against = against_note(tid, condition)
        refs = [p.reference for p in advised_against(tid, condition)]
        if condition not in t.conditions:
            rows.append((t.invasiveness, t.name, against or "Not an option for this condition.",
                         labels(refs) if refs else "—"))
            continue
        tte = t.time_to_effect
        if tte.references and tte.applies_to is not None and condition not in tte.applies_to:
            # a sourced time studied in other conditions is not borrowed (issue 14)
            studied = " and ".join(CONDITIONS[k].lower() for k in tte.applies_to)
            rows.append((t.invasiveness, t.name, f"Not estimated for this condition: the source on timing studied "
                         f"{studied}." + (f" {against}" if against else ""), labels(refs) if refs else "—"))
            continue
        src = labels(tte.references) if tte.references else "course estimate (editorial, not sourced)"
        rows.append((t.invasiveness, t.name, f"{BANDS[tte.band]}: {tte.text}" + (f" {against}" if against else ""),
                     src + (f"; {labels(refs)}" if refs else "")))
    return rows


def _when_parts(when: str) -> tuple[str, Markup]:
    """(the band in a few words, the sentence with its badges) for one "when" cell: the band's gloss ("no benefit
    shown, or not a treatment of pain") is said once in the column's note, not in every row; every word of the
    sentence stays visible (a band alone could read as a benefit the sentence denies)."""
    for band in BANDS.values():
        if when.startswith(band + ": ") and "Advised against" not in when:
            return band.split(" (")[0], hedged_html(when[len(band) + 2:])
    return "", hedged_html(when)


def time_to_effect_html(condition: str) -> str:
    """The "how long until results?" view of one condition, with its natural course for comparison."""
    c = load_content()
    natural = [{"words": fact_words(i), "source": labels([c.fact(i).reference])}
               for i in NATURAL_COURSE.get(condition, [])]
    return render("time_to_effect.html.j2", condition=CONDITIONS[condition], natural=natural,
                  natural_lead=NATURAL_COURSE_LEAD.get(condition, NATURAL_COURSE_DEFAULT_LEAD),
                  rows=[(lv, name, *_when_parts(when), hedged_html(src))
                        for lv, name, when, src in time_to_effect_rows(condition)],
                  legend=Markup(legend_html()))


def show_access_and_coverage() -> Html:
    """FAQ 2, "is it covered?": how access works in general, with the US as ONE dated example."""
    d = load_chapter()
    sections, text = [], []
    for region, title in (("general", "How access works in most health systems"),
                          ("US", "One dated example: the United States")):
        items = []
        for x in d.access:
            if x.region != region:
                continue
            items.append({"heading": x.heading, "text": x.text, "confidence": x.confidence, "editorial": x.editorial,
                          "sources": labels(x.references)})
            text.append(f"- {x.heading}")
        sections.append({"title": title, "entries": items})
    html = render("access_and_coverage.html.j2", sections=sections, footer=d.access_footer,
                  legend=Markup(legend_html()))
    return Html(html, "How access and coverage work:\n" + "\n".join(text))
