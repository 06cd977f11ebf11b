"""Option selection for chapter 06: which options a guideline speaks to, per condition, listed by invasiveness
(never ranked: there is no score), and which position applies.

Which options appear for a condition
    A treatment appears when ``treatments.yaml`` lists the condition for it, or when some guideline made a verified
    statement (for, against or no recommendation) about it for exactly that population (so paracetamol appears for
    chronic low back pain because WHO 2023 made no recommendation on it there).

Which position applies
    For one treatment, guideline and condition, a position written for that condition wins; otherwise a position
    for ``any_lbp`` applies; otherwise there is none, and the row says why (the guideline speaks only to other
    treatments, or only to other populations, or says nothing the course has recorded).

Pure: reads the validated content and returns new rows.

Examples
--------
>>> rows = select_options("chronic_lbp", "NICE", max_level=2)
>>> [(r.treatment, r.status) for r in rows if r.treatment in ("acupuncture", "paracetamol", "opioids")]
[('acupuncture', 'against'), ('paracetamol', 'against'), ('opioids', 'against')]
>>> max(r.level for r in rows)
2
>>> select_options("chronic", "NICE")
Traceback (most recent call last):
...
ValueError: 'chronic' is not a valid condition; supported values are acute_nonspecific_lbp, chronic_lbp, sciatica, stenosis \
(similar: chronic_lbp)
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..choices import check_choice as _check_choice
from ..content import load_content
from .positions import applicable_position
from .vocabulary import CONDITIONS, GUIDELINES, STATUS_LABELS

_COUNTED = ("for", "against", "only_if", "no_recommendation")


@dataclass(frozen=True)
class OptionRow:
    """One option for one condition, with what one guideline says about it.

    ``status`` is the guideline's direction (``for``, ``against``, ``no_recommendation``, ``out_of_scope``,
    ``not_addressed``), ``unconfirmed`` when the course could not confirm the position, or ``no_position`` when no
    position applies to this condition; ``reason`` explains the last two. ``position`` is the applicable
    :class:`backcare.content.GuidelinePosition` or None.
    """

    treatment: str
    name: str
    level: int
    purpose: str
    penetrates_skin: bool
    condition: str
    guideline: str
    status: str
    position: object | None
    reason: str | None = None

    @property
    def status_label(self) -> str:
        """The status in words, with strength where the guideline gives one (``for (consider)``)."""
        label = STATUS_LABELS[self.status]
        p = self.position
        if p is not None and p.strength and self.status in _COUNTED:
            label += f" ({p.strength.replace('_', ' ')})"
        return label


def check_choice(name: str, value, allowed: Sequence[str]) -> str:
    """``backcare.choices.check_choice`` with the name first (kept for this module's callers)."""
    return _check_choice(value, allowed, what=name)


def check_condition(condition: str) -> str:
    return check_choice("condition", condition, tuple(CONDITIONS))


def check_level(max_level) -> int | None:
    if max_level is None:
        return None
    if isinstance(max_level, bool) or not isinstance(max_level, int) or not 0 <= max_level <= 5:
        raise ValueError(f"max_level must be a whole number from 0 to 5 (or None for all levels), got {max_level!r}")
    return max_level


def options_for_condition(condition: str) -> list[str]:
    """Treatment ids that appear for ``condition``, ordered by invasiveness level, then file order.

    Examples
    --------
    >>> options_for_condition("stenosis")
    ['education_advice', 'exercise_therapy', 'epidural_steroid_injection', 'decompression', 'spinal_fusion']
    """
    check_condition(condition)
    c = load_content()
    named = {p.treatment for p in c.positions
             if p.verified and p.population == condition and p.direction in _COUNTED}
    ids = [t.id for t in c.treatments.values() if condition in t.conditions or t.id in named]
    return sorted(ids, key=lambda tid: c.treatments[tid].invasiveness)  # sorted() is stable: file order kept


def _lower_first(name: str) -> str:
    return name[0].lower() + name[1:] if len(name) > 1 and not name[1].isupper() else name


def _why_none(treatment: str, guideline: str, condition: str) -> str:
    c = load_content()
    g = c.guidelines[guideline]
    if g.covers_only is not None and treatment not in g.covers_only:
        names = ", ".join(_lower_first(c.treatments[t].name) for t in g.covers_only)
        return f"{guideline} {g.year} speaks only to {names}."
    others = sorted({p.population for p in c.positions_for(treatment, guideline)})
    if others:
        where = "; ".join(CONDITIONS.get(o, "low back pain in general").lower() for o in others)
        return f"{guideline} {g.year} states a position on this only for {where}."
    return f"The course has recorded no {guideline} {g.year} position on this."


def select_options(condition: str, guideline: str, max_level: int | None = None) -> list[OptionRow]:
    """The options for ``condition`` with ``guideline``'s position on each, listed by invasiveness (no ranking).

    ``max_level`` keeps levels 0 to ``max_level`` only. Pure: reads the validated content and returns new rows.

    Examples
    --------
    >>> rows = select_options("sciatica", "NICE")
    >>> [(r.level, r.treatment, r.status_label) for r in rows if r.level >= 3]
    [(3, 'epidural_steroid_injection', 'for (consider)'), (5, 'discectomy', 'for (consider)')]
    >>> [r.status for r in select_options("chronic_lbp", "CDC") if r.treatment == "opioids"]
    ['only_if']
    >>> select_options("chronic_lbp", "NICE", max_level=7)
    Traceback (most recent call last):
    ...
    ValueError: max_level must be a whole number from 0 to 5 (or None for all levels), got 7
    """
    check_condition(condition)
    check_choice("guideline", guideline, GUIDELINES)
    limit = check_level(max_level)
    c = load_content()
    rows: list[OptionRow] = []
    for tid in options_for_condition(condition):
        t = c.treatments[tid]
        if limit is not None and t.invasiveness > limit:
            continue
        p = applicable_position(tid, guideline, condition)
        g = c.guidelines[guideline]
        if p is None and g.covers_only is not None and tid not in g.covers_only:
            status, reason = "out_of_scope", _why_none(tid, guideline, condition)
        elif p is None:
            status, reason = "no_position", _why_none(tid, guideline, condition)
        elif not p.verified:
            status, reason = "unconfirmed", p.note
        else:
            status, reason = p.direction, None
        rows.append(OptionRow(treatment=tid, name=t.name, level=t.invasiveness, purpose=t.purpose,
                              penetrates_skin=t.penetrates_skin, condition=condition, guideline=guideline,
                              status=status, position=p, reason=reason))
    return rows


def rows_by_level(rows: Sequence[OptionRow]) -> dict[int, list[OptionRow]]:
    """Group rows by invasiveness level (0 to 5, each level present, possibly empty), keeping their order.

    Examples
    --------
    >>> grouped = rows_by_level(select_options("stenosis", "NICE"))
    >>> {level: [r.treatment for r in rows] for level, rows in grouped.items() if rows}
    {0: ['education_advice'], 1: ['exercise_therapy'], 3: ['epidural_steroid_injection'], 5: ['decompression', 'spinal_fusion']}
    """
    grouped: dict[int, list[OptionRow]] = {level: [] for level in range(6)}
    for r in rows:
        grouped[r.level].append(r)
    return grouped


def scale_counts() -> dict[str, list[int]]:
    """Number of options at each invasiveness level (0 to 5), per condition.

    Examples
    --------
    >>> scale_counts()["stenosis"]
    [1, 1, 0, 1, 0, 2]
    """
    c = load_content()
    out = {}
    for cond in CONDITIONS:
        counts = [0] * 6
        for tid in options_for_condition(cond):
            counts[c.treatments[tid].invasiveness] += 1
        out[cond] = counts
    return out


def options_by_level(condition: str) -> list[list[str]]:
    """The condition's treatment ids at each invasiveness level 0 to 5 (the cells of the scale grid)."""
    c = load_content()
    ids = options_for_condition(condition)
    return [[t for t in ids if c.treatments[t].invasiveness == level] for level in range(6)]


def time_to_effect_records(condition: str) -> list[tuple[int, str, str, str, tuple[str, ...] | None]]:
    """(level, option, band, text, reference keys or None when the time is a course estimate) for the condition's
    options, by level.

    A sourced time studied in other conditions is not borrowed: its row reads band ``not_for_condition`` with no keys
    (an empty tuple, as against None for a course estimate).

    >>> time_to_effect_records("sciatica")[-2][:3]
    (3, 'Epidural steroid injection', 'days_to_weeks')
    >>> time_to_effect_records("stenosis")[1]
    (1, 'Exercise therapy', 'not_for_condition', 'Not estimated for this condition: the source on timing studied chronic low back pain.', ())
    """
    c = load_content()
    rows = []
    for tid in options_for_condition(condition):
        t = c.treatments[tid]
        tte = t.time_to_effect
        if tte.references and tte.applies_to is not None and condition not in tte.applies_to:
            studied = " and ".join(CONDITIONS[k].lower() for k in tte.applies_to)
            rows.append((t.invasiveness, t.name, "not_for_condition",
                         f"Not estimated for this condition: the source on timing studied {studied}.", ()))
            continue
        rows.append((t.invasiveness, t.name, tte.band, tte.text, tuple(tte.references) if tte.references else None))
    return rows
