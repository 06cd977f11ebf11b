"""Plain-text words for a treatment's evidence: effect summaries (estimate, interval, comparator, MID, certainty),
harms, time to effect, relative resource use, short names and reference labels. The text twins of the HTML views and
the words of alt text are built from these.

Examples
--------
>>> from backcare.content import load_content
>>> effect_summary(load_content().effect("nsaids_chronic_pain"))
'pain in chronic low back pain (pain 0-100 (VAS), median follow-up 56 days): −3.3 (−5.33 to −1.27) vs placebo; MID not stated by the source; low certainty'
>>> class T: name = "Non-steroidal anti-inflammatory drugs (NSAIDs)"
>>> short_name(T())
'NSAIDs'
"""
from __future__ import annotations

import re
from typing import Iterable

from ..content import load_content
from ..fmt import comparator, interval, mid, num, span
from ..logic.options import effects_of
from ..logic.vocabulary import CERTAINTY, NO_ESTIMATE, POPULATION_SHORT
from ..logic.reference_labels import reference_label


def short_name(treatment) -> str:
    """A short label for charts: the acronym in brackets if there is one, else the name without brackets."""
    m = re.search(r"\(([A-Z]{2,}s?)\)", treatment.name)
    if m:
        return m.group(1)
    name = re.sub(r"\s*\([^)]*\)", "", treatment.name)
    return re.split(r",\s*including", name)[0].strip()


def labels(keys: Iterable[str]) -> str:
    """In-text labels of reference keys joined by '; ' (an unknown key is shown as itself)."""
    refs = load_content().references
    return "; ".join(reference_label(refs[k]) if k in refs else k for k in keys)


def comparator_text(effect) -> str:
    """'placebo', or the named other treatment ('other recommended therapies (such as exercise)')."""
    return comparator(effect.comparator, effect.comparator_detail)


def interval_text(effect) -> str:
    return interval(effect.low, effect.high)


def mid_text(effect) -> str:
    return mid(effect.mid)


def effect_summary(effect) -> str:
    """One effect in words: outcome, scale, time, estimate (interval) vs comparator, MID, certainty."""
    approx = "; approximate" if effect.approximate else ""
    return (f"{effect.outcome.replace('_', ' ')} in {POPULATION_SHORT[effect.population]} ({effect.scale}, "
            f"{effect.time_point}): {num(effect.estimate)} "
            f"({interval_text(effect)}) vs {comparator_text(effect)}; {mid_text(effect)}; "
            f"{CERTAINTY[effect.certainty]}{approx}")


def harms_text(t) -> str:
    def one(h):
        flag = " (not confirmed)" if h.confidence in ("M", "?") else ""
        return h.text + flag
    parts = []
    if t.harms.common:
        parts.append("Common: " + " ".join(one(h) for h in t.harms.common))
    if t.harms.serious:
        parts.append("Serious: " + " ".join(one(h) for h in t.harms.serious))
    return " ".join(parts) if parts else "None listed in this series (not the same as none)."


def time_text(t) -> str:
    tte = t.time_to_effect
    if tte.editorial:
        return f"{tte.text} [course estimate, not from a source]"
    return f"{tte.text} [{labels(tte.references)}]"


def resource_text(t) -> str:
    ru = t.resource_use
    return f"{span(ru.low, ru.high)} (relative, illustrative)"


def effects_cell(t, condition) -> list[str]:
    """The lines of an options table's effect cell: each effect with its source, or why there is none."""
    if t.purpose == "diagnostic":
        return ["Diagnostic test, not a treatment: it has no effect on pain to report."]
    found = effects_of([t.id], condition=condition)
    if not found:
        return [NO_ESTIMATE]
    return [f"{effect_summary(e)} [{labels([e.reference])}]" for e in found]


def row_label(e) -> str:
    """The y-axis label of one effect in the forest chart (two lines)."""
    c = load_content()
    certainty = "certainty not graded" if e.certainty == "not_stated" else CERTAINTY[e.certainty]
    trial = f" ({e.label})" if e.label else ""
    return (f"{short_name(c.treatments[e.treatment])} vs {comparator_text(e)}{trial}\n"
            f"{POPULATION_SHORT[e.population]}, {e.time_point}; {certainty}")


def row_words(e) -> str:
    """One effect as alt text states it."""
    c = load_content()
    trial = f" ({e.label})" if e.label else ""
    return (f"{short_name(c.treatments[e.treatment])} vs {comparator_text(e)}{trial}, {POPULATION_SHORT[e.population]}, "
            f"{e.outcome.replace('_', ' ')}, {e.time_point}: {num(e.estimate)} ({interval_text(e)}), {mid_text(e)}, "
            f"{CERTAINTY[e.certainty]}" + (", approximate" if e.approximate else ""))
