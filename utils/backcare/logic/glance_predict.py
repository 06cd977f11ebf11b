"""Predict, then reveal: for one condition the student picks which of four options helps most and which carries the
most serious harm; the reveal puts the pick beside the evidence and explains the gap (pure; no widgets).

The answers are derived from the same rows as the chart (:mod:`backcare.logic.glance`), never typed in: "helps most"
is the best benefit category (ties give several answers); "most serious harm" is the largest quantified figure, with
the warning that the figures count different events in different people.

Examples
--------
>>> r = reveal("chronic_lbp", "helps", "spinal_cord_stimulation")
>>> r.answers, r.matched
(('exercise_therapy',), False)
>>> reveal("chronic_lbp", "harm", "spinal_cord_stimulation").matched
True
>>> reveal("chronic_lbp", "helps", "yoga")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
ValueError: 'yoga' is not a valid option for this question; supported values are exercise_therapy, opioids, ...
"""
from __future__ import annotations

from dataclasses import dataclass

from . import glance as lg
from . import glance_words as gw

#: condition -> the four options offered (one per level band where possible; an editorial teaching choice)
PREDICT_OPTIONS: dict[str, tuple[str, ...]] = {
    "chronic_lbp": ("exercise_therapy", "opioids", "rf_denervation", "spinal_cord_stimulation"),
}
QUESTIONS = {"helps": "Which of these helps most?", "harm": "Which of these carries the most serious harm?"}


@dataclass(frozen=True)
class Reveal:
    condition: str
    question: str
    pick: str
    pick_name: str
    pick_evidence: str
    answers: tuple[str, ...]
    answer_evidence: str
    matched: bool
    explanation: str


def _benefit_words(row: lg.GlanceRow) -> str:
    if not row.benefit:
        return "not estimated for this condition in the course's sources"
    return "; ".join(b.text for b in row.benefit)


def _harm_words(row: lg.GlanceRow) -> str:
    if row.harm.kind == "figure":
        return "; ".join(f"{gw.harm_words(f)}: {f.harm.lower()} ({f.population}; follow-up {f.follow_up.lower()})"
                         for f in row.harm.figures)
    return lg.HARM_KINDS[row.harm.kind]


def answers(condition: str, question: str) -> tuple[str, ...]:
    """The option ids the evidence points to (several on a tie; empty when nothing is quantified).

    >>> answers("chronic_lbp", "helps"), answers("chronic_lbp", "harm")
    (('exercise_therapy',), ('spinal_cord_stimulation',))
    """
    lg.check_choice(condition, tuple(PREDICT_OPTIONS), what="condition for prediction")
    lg.check_choice(question, tuple(QUESTIONS), what="question")
    g = lg.glance(condition)
    rows = [g.row(t) for t in PREDICT_OPTIONS[condition]]
    if question == "helps":
        best = max(lg.BENEFIT_RANK[r.best_benefit] for r in rows)
        return tuple(r.treatment for r in rows if lg.BENEFIT_RANK[r.best_benefit] == best)
    scored = [(max(gw.per_1000(f) for f in r.harm.figures), r.treatment) for r in rows if r.harm.kind == "figure"]
    if not scored:
        return ()
    top = max(s for s, _ in scored)
    return tuple(t for s, t in scored if s == top)


def reveal(condition: str, question: str, pick: str) -> Reveal:
    """The reveal for one pick: the pick's evidence, the evidence's answer, and why they differ (or agree)."""
    options = PREDICT_OPTIONS[lg.check_choice(condition, tuple(PREDICT_OPTIONS), what="condition for prediction")]
    lg.check_choice(pick, options, what="option for this question")
    g = lg.glance(condition)
    row = g.row(pick)
    ans = answers(condition, question)
    words = _benefit_words if question == "helps" else _harm_words
    answer_rows = [g.row(a) for a in ans]
    answer_evidence = " | ".join(f"{r.name} (level {r.level}): {words(r)}" for r in answer_rows) or \
        "none of the four has a quantified serious-harm figure"
    matched = pick in ans
    if question == "helps":
        if matched:
            why = "Your pick matches the best-supported benefit among these four."
        else:
            best = answer_rows[0]
            why = (f"{row.name} (level {row.level}) reads '{lg.BENEFIT[row.best_benefit][1].lower()}', while "
                   f"{best.name} (level {best.level}) reads '{lg.BENEFIT[best.best_benefit][1].lower()}'.")
            if row.level > best.level:
                why += (" Many people expect more invasive care to help more; in these estimates the more invasive "
                        "option did not.")
            if row.best_benefit == "not_estimated":
                why += " 'Not estimated' is a gap in what the course holds, not evidence of no effect."
        why += " Each benefit is judged against its own comparator and threshold: open the chart's details."
    else:
        why = ("The largest figure is not a ranking of safety: the figures count different events (removal of a "
               "device, overdose, death in hospital) in different people over different follow-up.")
        if row.harm.kind != "figure":
            why = (f"{row.name}: serious harm {lg.HARM_KINDS[row.harm.kind]}, which is not the same as safe. "
                   + why)
        elif matched:
            why = "Your pick has the largest serious-harm figure among these four. " + why
    return Reveal(condition, question, pick, row.name, words(row), ans, answer_evidence, matched, why)
