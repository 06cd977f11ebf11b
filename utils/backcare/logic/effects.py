"""Effect estimates and harm records grouped for display: one panel per scale (scales are never mixed), where a
minimal important difference (MID) sits on its scale, and how the course records each option's harms (a record,
not a rate). Pure.

Examples
--------
>>> from backcare.content import load_content
>>> c = load_content()
>>> [key for key, _ in panels([c.effect("nsaids_acute_pain"), c.effect("nsaids_chronic_pain")])]
[('pain 0-100', 'mean_difference', 'lower')]
>>> harm_class("nsaids"), harm_class("rf_denervation"), harm_class("exercise_therapy"), harm_class("cbt")
('serious_sourced', 'serious_unconfirmed', 'common_only', 'none_recorded')
"""
from __future__ import annotations

import re
from typing import Sequence

from ..content import load_content
from .vocabulary import MEASURES

PAIN = ("pain", "leg_pain", "back_pain")
HARM_CLASSES = (
    ("serious_sourced", "serious harm documented in a source"),
    ("serious_unconfirmed", "serious harm named, not confirmed in a source"),
    ("common_only", "only common, milder harms recorded"),
    ("none_recorded", "no harm recorded in the course content (not the same as no harm)"),
)


def base_scale(scale: str) -> str:
    """The scale without its detail: 'pain 0-100 (VAS)' -> 'pain 0-100'."""
    return re.split(r"[,(]", scale)[0].strip()


def scale_key(e) -> tuple[str, str, str]:
    return (base_scale(e.scale), e.measure, e.better)


def panel_title(key) -> str:
    base, measure, better = key
    return f"{base} ({MEASURES[measure]}; {better} favours the treatment)"


def panels(effects) -> list[tuple[tuple, list]]:
    """Effects grouped by (scale, measure, direction), in first-seen order."""
    groups: dict[tuple, list] = {}
    for e in effects:
        groups.setdefault(scale_key(e), []).append(e)
    return list(groups.items())


def mid_at(e, null: float) -> float:
    """Where the MID sits on the plotted scale: beyond 'no difference' in the direction that favours treatment."""
    return null - e.mid if e.better == "lower" else null + e.mid


def benefit_panels(condition: str) -> list[tuple[tuple, list]]:
    """Pain mean differences for ``condition`` grouped so that each panel holds ONE scale, largest first; the key is
    (outcome, scale, measure, direction)."""
    groups: dict[tuple, list] = {}
    for e in load_content().effects:
        if e.population == condition and e.outcome in PAIN and e.measure == "mean_difference":
            groups.setdefault((e.outcome, base_scale(e.scale), e.measure, e.better), []).append(e)
    return sorted(groups.items(), key=lambda kv: -len(kv[1]))


def harm_class(treatment_id: str) -> str:
    """How the course content records a treatment's harms (a record, not a rate); one of ``HARM_CLASSES``."""
    t = load_content().treatments[treatment_id]
    if any(h.references for h in t.harms.serious):
        return "serious_sourced"
    if t.harms.serious:
        return "serious_unconfirmed"
    if t.harms.common:
        return "common_only"
    return "none_recorded"


def harm_counts(treatment_ids: Sequence[str]) -> dict[str, list[int]]:
    """For each harm class, the number of these options at each invasiveness level 0 to 5."""
    c = load_content()
    out = {k: [0] * 6 for k, _ in HARM_CLASSES}
    for tid in treatment_ids:
        out[harm_class(tid)][c.treatments[tid].invasiveness] += 1
    return out
