"""Guideline directions as the series prints them: a direction never travels without its condition (issue 15).

Pure: reads validated content records and returns strings or records; no widgets, no plotting.
"""
from __future__ import annotations


def _content():
    from ..content import load_content

    return load_content()


def direction_label(position) -> str:
    """The short printed form of a guideline position: symbol, word and, where the record has one, its condition.

    This is the ONE way a direction is printed in a sentence or a summary line; a test checks that every printed
    direction carries its condition text.

    Examples
    --------
    >>> from backcare.content import load_content
    >>> c = load_content()
    >>> [direction_label(p) for p in c.positions_for("opioids", "CDC")][0]  # doctest: +ELLIPSIS
    '◐ only if (acute low back pain): Consider opioids only ...'
    """
    if not position.verified:
        return "? unconfirmed" + (f": {position.note}" if position.note else "")
    from .vocabulary import DIRECTIONS, POPULATION_SHORT

    symbol, word = DIRECTIONS[position.direction]
    pop = POPULATION_SHORT.get(position.population, position.population)
    out = f"{symbol} {word} ({pop})"
    if position.condition:
        out += f": {position.condition.rstrip('.')}"
    return out


def advised_against(treatment_id: str, condition: str) -> list:
    """Verified positions that advise against ``treatment_id`` for exactly this ``condition``.

    A view that shows the treatment for the condition must show each of these beside it.

    Examples
    --------
    >>> [p.guideline for p in advised_against("epidural_steroid_injection", "stenosis")]
    ['NICE']
    >>> advised_against("epidural_steroid_injection", "sciatica")
    []
    """
    return [p for p in _content().positions_for(treatment_id)
            if p.verified and p.direction == "against" and p.population == condition]


def against_note(treatment_id: str, condition: str) -> str | None:
    """One sentence naming what guidelines say against this option for this condition (None when none do).

    Examples
    --------
    >>> against_note("epidural_steroid_injection", "stenosis")  # doctest: +ELLIPSIS
    'Advised against for this condition. NICE: Do not use epidural injections for neurogenic claudication ...'
    """
    found = advised_against(treatment_id, condition)
    if not found:
        return None
    return "Advised against for this condition. " + " ".join(f"{p.guideline}: {p.paraphrase}" for p in found)
