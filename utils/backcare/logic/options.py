"""Option selection for the treatment tiers: which treatments a tier or condition holds (listed by invasiveness,
never ranked), which effect estimates are held for them, and the checks that reject unknown ids.

Pure: reads the validated content and returns records; imports neither ipywidgets nor matplotlib.

Examples
--------
>>> [t.id for t in tier_options("medicine")][:3]
['anticonvulsants', 'antidepressants', 'nsaids']
>>> tier_options("pills")
Traceback (most recent call last):
...
ValueError: 'pills' is not a valid tier; supported values are self_care, non_invasive, medicine, injection_procedure, \
implanted_device, surgery
"""
from __future__ import annotations

import typing
from typing import Sequence

from ..choices import check_choice
from ..content import load_content
from ..content.models import PAIN_OUTCOMES, Effect, Outcome
from .vocabulary import CONDITION_LABELS, DEFAULT_GUIDELINES, TIER_LABELS


def check_tier(tier: str) -> str:
    return check_choice(tier, TIER_LABELS, what="tier")


def check_condition(condition: str | None) -> str | None:
    return None if condition is None else check_choice(condition, CONDITION_LABELS, what="condition")


def check_treatment(tid: str) -> str:
    return check_choice(tid, load_content().treatments, what="treatment")


def check_outcomes(outcome) -> set[str] | None:
    if outcome is None:
        return None
    wanted = {outcome} if isinstance(outcome, str) else set(outcome)
    allowed = typing.get_args(Outcome)
    for value in sorted(wanted - set(allowed)):
        check_choice(value, allowed, what="outcome")
    return wanted


def matches(population: str, condition: str | None) -> bool:
    """A record for ``population`` applies to ``condition`` (records for all low back pain apply to every one)."""
    return condition is None or population in (condition, "any_lbp")


def options(tier: str | None = None, condition: str | None = None) -> list:
    """Treatments of a tier and/or for a condition, by invasiveness, then name (a list, never a ranking).

    Examples
    --------
    >>> [t.id for t in options("medicine", "sciatica")]
    ['anticonvulsants', 'opioids', 'oral_corticosteroids']
    >>> options(condition="back_ache")
    Traceback (most recent call last):
    ...
    ValueError: 'back_ache' is not a valid condition; supported values are acute_nonspecific_lbp, chronic_lbp, sciatica, stenosis
    """
    if tier is not None:
        check_tier(tier)
    check_condition(condition)
    found = [t for t in load_content().treatments.values()
             if (tier is None or t.tier == tier) and (condition is None or condition in t.conditions)]
    return sorted(found, key=lambda t: (t.invasiveness, t.name.lower()))


def tier_options(tier: str) -> list:
    """The treatments of one tier, by invasiveness, then name. See :func:`options`."""
    return options(check_tier(tier))


def effects_of(treatment_ids: Sequence[str], *, condition: str | None = None,
               outcome: str | Sequence[str] | None = None) -> list:
    """Effect estimates held for these treatments (file order), optionally for one condition and outcome(s)."""
    c = load_content()
    outcomes = check_outcomes(outcome)
    check_condition(condition)
    out = []
    for tid in treatment_ids:
        check_treatment(tid)
        out += [e for e in c.effects_for(tid)
                if matches(e.population, condition) and (outcomes is None or e.outcome in outcomes)]
    return out


def check_effects(effects) -> list:
    """Effects fit to plot: at least one, all Effect records, none a 'pain effect' of a diagnostic procedure."""
    effects = list(effects)
    if not effects:
        raise ValueError("no effect estimates to plot: a gap in the evidence is shown as a gap, not as a chart")
    for e in effects:
        if not isinstance(e, Effect):
            raise TypeError(f"plot_effects takes Effect records from content/effects.yaml, not {type(e).__name__}")
        t = load_content().treatments.get(e.treatment)
        if t is not None and t.purpose == "diagnostic" and e.outcome in PAIN_OUTCOMES:
            raise ValueError(f"{e.treatment} is a diagnostic procedure: it has no effect on pain to plot")
    return effects


def resolve(what) -> list[str]:
    """Treatment ids from a tier name, one treatment id, or a list of ids (or Treatment records)."""
    c = load_content()
    if isinstance(what, str):
        if what in TIER_LABELS:
            return [t.id for t in tier_options(what)]
        return [check_treatment(what)]
    ids = list(what)
    if not ids:
        raise ValueError("give a tier or at least one treatment id")
    for tid in ids:
        if not isinstance(tid, str):
            tid = getattr(tid, "id", tid)
        check_treatment(tid)
    return [getattr(t, "id", t) for t in ids if getattr(t, "id", t) in c.treatments]


def guidelines_for(ids: Sequence[str], guidelines) -> tuple[str, ...]:
    """The guidelines to show for these treatments: ``guidelines`` checked, or NICE, ACP, WHO plus any guideline that
    covers only some treatments when one of those is listed (CDC for opioids)."""
    c = load_content()
    if guidelines is None:
        gs = list(DEFAULT_GUIDELINES)
        for g in c.guidelines.values():
            if g.covers_only and any(t in g.covers_only for t in ids) and g.id not in gs:
                gs.append(g.id)
        return tuple(gs)
    gs = tuple(guidelines)
    for g in gs:
        check_choice(g, c.guidelines, what="guideline")
    return gs
