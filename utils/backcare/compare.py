"""Chapter 06, comparing options: which options a guideline speaks to, per condition, listed by invasiveness.

Everything here is derived from ``content/`` (treatments, positions, effects, facts); nothing clinical is typed in.
The selection logic is one pure function, :func:`select_options`; the charts, explorers and FAQ blocks built on it
live further down. Options are **listed by invasiveness level, never ranked**: there is no score.

Which options appear for a condition
    A treatment appears when ``treatments.yaml`` lists the condition for it, or when some guideline made a verified
    statement (for, against or no recommendation) about it for exactly that population (so paracetamol appears for
    chronic low back pain because WHO 2023 made no recommendation on it there).

Which position applies
    For one treatment, guideline and condition, a position written for that condition wins; otherwise a position
    for ``any_lbp`` applies; otherwise there is none, and the row says why (the guideline speaks only to other
    treatments, or only to other populations, or says nothing the course has recorded).

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
ValueError: unknown condition 'chronic'; choose one of: acute_nonspecific_lbp, chronic_lbp, sciatica, stenosis
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Sequence

#: condition id -> how the series names it (the four conditions the scale is drawn for).
CONDITIONS: dict[str, str] = {
    "acute_nonspecific_lbp": "Acute non-specific low back pain",
    "chronic_lbp": "Chronic low back pain",
    "sciatica": "Sciatica (radicular leg pain)",
    "stenosis": "Spinal stenosis with neurogenic claudication",
}
GUIDELINES: tuple[str, ...] = ("NICE", "ACP", "WHO", "CDC")
#: statuses a row can have: a guideline direction, or why there is none.
STATUS_LABELS: dict[str, str] = {
    "for": "for",
    "against": "against",
    "only_if": "only if",
    "no_recommendation": "no recommendation",
    "out_of_scope": "out of scope",
    "not_addressed": "not addressed",
    "unconfirmed": "not confirmed (check the guideline)",
    "no_position": "no position for this condition",
}
_COUNTED = ("for", "against", "only_if", "no_recommendation")


def _content():
    from .content import load_content

    return load_content()


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


def _check_choice(name: str, value, allowed: Sequence[str]) -> str:
    if value not in allowed:
        raise ValueError(f"unknown {name} {value!r}; choose one of: {', '.join(allowed)}")
    return value


def _check_level(max_level) -> int | None:
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
    _check_choice("condition", condition, tuple(CONDITIONS))
    c = _content()
    named = {p.treatment for p in c.positions
             if p.verified and p.population == condition and p.direction in _COUNTED}
    ids = [t.id for t in c.treatments.values() if condition in t.conditions or t.id in named]
    return sorted(ids, key=lambda tid: c.treatments[tid].invasiveness)  # sorted() is stable: file order kept


def applicable_position(treatment: str, guideline: str, condition: str):
    """The position of ``guideline`` on ``treatment`` that applies to ``condition`` (or None): specific beats any_lbp.

    Examples
    --------
    >>> applicable_position("epidural_steroid_injection", "NICE", "sciatica").direction
    'for'
    >>> applicable_position("epidural_steroid_injection", "NICE", "stenosis").direction
    'against'
    >>> applicable_position("acupuncture", "WHO", "acute_nonspecific_lbp") is None
    True
    """
    found = {p.population: p for p in _content().positions_for(treatment, guideline)}
    return found.get(condition) or found.get("any_lbp")


def _lower_first(name: str) -> str:
    return name[0].lower() + name[1:] if len(name) > 1 and not name[1].isupper() else name


def _why_none(treatment: str, guideline: str, condition: str) -> str:
    c = _content()
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
    _check_choice("condition", condition, tuple(CONDITIONS))
    _check_choice("guideline", guideline, GUIDELINES)
    limit = _check_level(max_level)
    c = _content()
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


# ==== chapter dataset (content/chapters/06_comparing_options.yaml) ================================================

from pydantic import Field  # noqa: E402

from .content.models import Confidence, ContentFile, Id, Key, Strict, Text  # noqa: E402
from .fmt import COMPARATORS, num, value_or_range  # noqa: E402
from .logic.positions import position_cells  # noqa: E402
from .logic.vocabulary import DIRECTIONS  # noqa: E402
from .views.effect_text import comparator_text, effect_summary, interval_text, short_name  # noqa: E402
from .views.positions import position_html  # noqa: E402
from .views.render import Html  # noqa: E402


class Finding(Strict):
    setting: Text
    result: Text
    references: list[Key]
    effect_ids: list[Id] = Field(default_factory=list)
    fact_ids: list[Id] = Field(default_factory=list)
    confidence: Confidence
    editorial: bool = False
    replicated: bool | None
    """True: a benefit was found; False: a benefit was not found (did not replicate); None: not a treatment trial."""


class Pathway(Strict):
    id: Id
    name: Text
    how_it_works: Text
    references: list[Key]
    confidence: Confidence
    editorial: bool = False
    findings: list[Finding] = Field(min_length=1)


class DisagreementContext(Strict):
    treatment: Id
    text: Text
    references: list[Key] = Field(min_length=1)
    fact_ids: list[Id] = Field(default_factory=list)
    effect_ids: list[Id] = Field(default_factory=list)
    confidence: Confidence


class AccessItem(Strict):
    id: Id
    region: Literal["general", "US"]
    heading: Text
    text: Text
    references: list[Key]
    editorial: bool = False
    confidence: Confidence
    approximate: bool = False


class Chapter06(ContentFile):
    pathways: list[Pathway] = Field(min_length=2)
    red_flag_exit: Text
    red_flag_exit_references: list[Key] = Field(min_length=1)
    disagreement_context: list[DisagreementContext]
    access: list[AccessItem] = Field(min_length=1)
    access_footer: Text

    def cited(self):
        """Every (where, kind, id) this file points to: kind is 'reference', 'fact', 'effect' or 'treatment'."""
        for i, p in enumerate(self.pathways):
            yield from ((f"pathways.{i}", "reference", k) for k in p.references)
            for j, f in enumerate(p.findings):
                where = f"pathways.{i}.findings.{j}"
                yield from ((where, "reference", k) for k in f.references)
                yield from ((where, "fact", k) for k in f.fact_ids)
                yield from ((where, "effect", k) for k in f.effect_ids)
        yield from (("red_flag_exit_references", "reference", k) for k in self.red_flag_exit_references)
        for i, x in enumerate(self.disagreement_context):
            yield (f"disagreement_context.{i}", "treatment", x.treatment)
            yield from ((f"disagreement_context.{i}", "reference", k) for k in x.references)
            yield from ((f"disagreement_context.{i}", "fact", k) for k in x.fact_ids)
            yield from ((f"disagreement_context.{i}", "effect", k) for k in x.effect_ids)
        for i, x in enumerate(self.access):
            yield from ((f"access.{i}", "reference", k) for k in x.references)


CHAPTER_FILE = "06_comparing_options.yaml"


def check_chapter(data: Chapter06) -> list[str]:
    """Problems with the ids this chapter file points to (unknown reference, fact, effect or treatment); [] if none.

    Examples
    --------
    >>> check_chapter(load_chapter())
    []
    """
    c = _content()
    known = {"reference": c.references, "fact": c.facts, "effect": {e.id for e in c.effects},
             "treatment": c.treatments}
    problems = [f"{CHAPTER_FILE}: {where}: unknown {kind} {key!r}"
                for where, kind, key in data.cited() if key not in known[kind]]
    return problems


_CHAPTER: list = []


def load_chapter(path=None) -> Chapter06:
    """The chapter 06 dataset, validated strictly (cached for the default file); ``ValueError`` lists bad ids."""
    from .content import load_yaml_model
    from .paths import content_dir

    if path is None and _CHAPTER:
        return _CHAPTER[0]
    data = load_yaml_model(path or content_dir() / "chapters" / CHAPTER_FILE, Chapter06)
    problems = check_chapter(data)
    if problems:
        raise ValueError("; ".join(problems))
    if path is None:
        _CHAPTER.append(data)
    return data


# ==== shared display helpers =====================================================================================

def _short(tid: str) -> str:
    return short_name(_content().treatments[tid])


def _refs(keys) -> str:
    """Reference labels for display, e.g. 'Hill 2011; NICE NG59 2016' (the References list holds the details)."""
    from .references import reference_label

    refs = _content().references
    return "; ".join(reference_label(refs[k]) for k in keys)


def _conf_note(confidence: str, editorial: bool = False) -> str:
    if editorial:
        return " <em>(the course's own reading, not a sourced finding)</em>"
    return {"✔": "", "~": " <em>(details approximate)</em>", "M": " <em>(not confirmed in a primary source)</em>",
            "?": " <em>(estimates vary widely)</em>"}[confidence]


def _block(html_: str, text: str):
    return Html(html_, text)


# ==== the scale per condition ====================================================================================

def scale_counts() -> dict[str, list[int]]:
    """Number of options at each invasiveness level (0 to 5), per condition.

    Examples
    --------
    >>> scale_counts()["stenosis"]
    [1, 1, 0, 1, 0, 2]
    """
    c = _content()
    out = {}
    for cond in CONDITIONS:
        counts = [0] * 6
        for tid in options_for_condition(cond):
            counts[c.treatments[tid].invasiveness] += 1
        out[cond] = counts
    return out


def plot_options_on_scale(ax=None):
    """A grid: one row per condition, one column per invasiveness level, the options named in each cell."""
    import matplotlib.pyplot as plt

    from .figures import LEVEL_COLOURS, course_style

    c = _content()
    conds = list(CONDITIONS)
    with course_style():
        if ax is None:
            fig, ax = plt.subplots(figsize=(12, 8.2))
        else:
            fig = ax.figure
        colours = LEVEL_COLOURS
        for row, cond in enumerate(conds):
            ids = options_for_condition(cond)
            for level in range(6):
                here = [t for t in ids if c.treatments[t].invasiveness == level]
                y = len(conds) - 1 - row
                ax.add_patch(plt.Rectangle((level, y), 0.96, 0.94, facecolor=colours[level], alpha=0.22 if here else 0.04,
                                           edgecolor="black" if here else "#9a9a9a", linewidth=0.8,
                                           linestyle="-" if here else ":"))
                names = [_short(t) + (" (test)" if c.treatments[t].purpose == "diagnostic" else "") for t in here]
                shown = names if len(names) <= 7 else names[:6] + [f"and {len(names) - 6} more"]
                ax.text(level + 0.05, y + 0.88, f"{len(here)} option{'s' if len(here) != 1 else ''}",
                        fontsize=8.5, fontweight="bold", va="top")
                ax.text(level + 0.05, y + 0.74, "\n".join(_wrap(n, 20) for n in shown), fontsize=6.8, va="top",
                        linespacing=1.05)
        ax.set_xlim(0, 6)
        ax.set_ylim(0, len(conds))
        ax.set_xticks([lv + 0.48 for lv in range(6)])
        ax.set_xticklabels([f"{lv.level}\n{_wrap(lv.name, 18)}" for lv in c.invasiveness_levels], fontsize=8.5)
        ax.xaxis.tick_top()
        ax.set_yticks([len(conds) - 1 - i + 0.47 for i in range(len(conds))])
        ax.set_yticklabels([_wrap(CONDITIONS[k], 16) for k in conds], fontsize=9)
        ax.tick_params(length=0)
        for side in ("top", "right", "bottom", "left"):
            ax.spines[side].set_visible(False)
        ax.set_title("Options placed on the invasiveness scale, per condition (a scale, not a ladder)", fontsize=11,
                     pad=34)
    return fig


def _wrap(text: str, width: int) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width)) or text


def options_on_scale_alt() -> str:
    counts = scale_counts()
    parts = [f"{CONDITIONS[k]}: " + ", ".join(f"level {lv} {n}" for lv, n in enumerate(v)) for k, v in counts.items()]
    return ("A grid with one row per condition and one column per invasiveness level (0 to 5), naming the options "
            "placed in each cell. Number of options per level: " + "; ".join(parts) + ".")


def show_options_on_scale():
    """The options-per-condition grid with data-derived alt text and a table naming every option."""
    from .figures import Table, render_figure

    c = _content()
    rows = []
    for cond in CONDITIONS:
        for tid in options_for_condition(cond):
            t = c.treatments[tid]
            rows.append([CONDITIONS[cond], t.invasiveness, t.name + (" (diagnostic test)" if t.purpose == "diagnostic"
                                                                      else "")])
    return render_figure(plot_options_on_scale(), options_on_scale_alt(),
                         table=Table(["Condition", "Level", "Option"], rows, caption="Every option, by condition and level"))


# ==== benefit and harm against invasiveness (separate panels) ===================================================

_PAIN = ("pain", "leg_pain", "back_pain")
HARM_CLASSES = (
    ("serious_sourced", "serious harm documented in a source"),
    ("serious_unconfirmed", "serious harm named, not confirmed in a source"),
    ("common_only", "only common, milder harms recorded"),
    ("none_recorded", "no harm recorded in the course content (not the same as no harm)"),
)


def _scale_key(e) -> tuple[str, str, str, str]:
    import re

    base = re.split(r"[,(]", e.scale)[0].strip()
    return (e.outcome, base, e.measure, e.better)


def benefit_panels(condition: str) -> list[tuple[tuple, list]]:
    """Pain effects for ``condition`` grouped so that each panel holds ONE scale (never mixed), largest first.

    Examples
    --------
    >>> [(key[1], [e.id for e in es]) for key, es in benefit_panels("sciatica")]  # doctest: +NORMALIZE_WHITESPACE
    [('leg pain 0-100', ['esi_leg_pain_short_term', 'esi_pinto_leg_pain', 'exercise_vs_advice_sciatica_leg_pain_short_term']),
     ('leg pain 0-10', ['pregabalin_sciatica_leg_pain_8_weeks', 'discectomy_bailey_leg_pain_6_months']),
     ('leg pain 0-10', ['oral_steroids_leg_pain_3_weeks'])]
    >>> benefit_panels("stenosis")
    []
    """
    _check_choice("condition", condition, tuple(CONDITIONS))
    groups: dict[tuple, list] = {}
    for e in _content().effects:
        if e.population == condition and e.outcome in _PAIN and e.measure == "mean_difference":
            groups.setdefault(_scale_key(e), []).append(e)
    return sorted(groups.items(), key=lambda kv: -len(kv[1]))


def harm_class(treatment_id: str) -> str:
    """How the course content records a treatment's harms (a record, not a rate); one of ``HARM_CLASSES``.

    Examples
    --------
    >>> harm_class("nsaids"), harm_class("rf_denervation"), harm_class("exercise_therapy"), harm_class("cbt")
    ('serious_sourced', 'serious_unconfirmed', 'common_only', 'none_recorded')
    """
    t = _content().treatments[treatment_id]
    if any(h.references for h in t.harms.serious):
        return "serious_sourced"
    if t.harms.serious:
        return "serious_unconfirmed"
    if t.harms.common:
        return "common_only"
    return "none_recorded"


def harm_counts(condition: str) -> dict[str, list[int]]:
    """For each harm class, the number of the condition's options at each level 0 to 5.

    Examples
    --------
    >>> harm_counts("stenosis")["serious_sourced"], harm_counts("stenosis")["common_only"]
    ([0, 0, 0, 1, 0, 0], [0, 1, 0, 0, 0, 1])
    """
    c = _content()
    out = {k: [0] * 6 for k, _ in HARM_CLASSES}
    for tid in options_for_condition(condition):
        out[harm_class(tid)][c.treatments[tid].invasiveness] += 1
    return out


def _effect_label(e) -> str:
    return f"{_short(e.treatment)} vs {COMPARATORS[e.comparator]}, {e.time_point}: {num(e.estimate)}"


def plot_benefit_and_harm(condition: str, max_panels: int = 2):
    """Benefit panels (one scale each, estimate with interval, MID dashed) and a SEPARATE harm panel, x = invasiveness."""
    import matplotlib.pyplot as plt

    from .figures import HATCHES, MARKERS, PALETTE, course_style

    panels = benefit_panels(condition)[:max_panels]
    with course_style():
        n = max(1, len(panels))
        fig, axes = plt.subplots(1, n + 1, figsize=(5.0 * (n + 1), 6.2), squeeze=False)
        axes = axes[0]
        if not panels:
            a = axes[0]
            a.text(0.5, 0.5, "No effect estimate on pain is held\nfor this condition: a gap in the\nevidence, "
                             "not an effect of zero", ha="center", va="center", fontsize=11, transform=a.transAxes)
            a.set_xticks([])
            a.set_yticks([])
            a.set_title("Benefit", fontsize=10)
        for a, (key, effects) in zip(axes, panels):
            outcome, base, measure, better = key
            seen: dict[int, int] = {}
            handles = []
            for i, e in enumerate(effects):
                level = _content().treatments[e.treatment].invasiveness
                k = seen.get(level, 0)
                seen[level] = k + 1
                x = level - 0.3 + 0.22 * k
                colour = list(PALETTE.values())[i % 8]
                label = _wrap(f"{i + 1}. {_effect_label(e)}" + ("" if e.low is not None else " (no interval)"), 46)
                if e.low is not None:
                    hdl = a.errorbar([x], [e.estimate], yerr=[[e.estimate - e.low], [e.high - e.estimate]],
                                     fmt=MARKERS[i % 6], color=colour, capsize=3, markersize=7,
                                     markeredgecolor="black", label=label)
                else:
                    (hdl,) = a.plot([x], [e.estimate], MARKERS[i % 6], color=colour, markersize=7,
                                    markeredgecolor="black", markerfacecolor="white", label=label)
                handles.append(hdl)
                a.annotate(str(i + 1), (x, e.estimate), xytext=(5, 4), textcoords="offset points", fontsize=8,
                           fontweight="bold")
                if e.mid is not None:
                    y = -e.mid if better == "lower" else e.mid
                    a.plot([x - 0.1, x + 0.1], [y, y], color=PALETTE["vermillion"], linewidth=2.2)
            a.axhline(0, color="black", linewidth=0.8)
            mids = sorted({e.mid for e in effects if e.mid is not None})
            if mids:
                a.text(0.01, 0.02, "red dash = that estimate's MID (" + ", ".join(num(m) for m in mids) + ")",
                       transform=a.transAxes, fontsize=7.5, color=PALETTE["vermillion"])
            a.set_xlim(-0.5, 5.5)
            a.set_xticks(range(6))
            a.set_xlabel("Invasiveness level (0-5)")
            a.set_ylabel(f"Mean difference on {base}\n({better} favours the option)", fontsize=8.5)
            a.set_title(f"Benefit on {base}", fontsize=10)
            a.legend(handles=handles, fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.16), frameon=False)
        h = axes[-1]
        counts = harm_counts(condition)
        bottom = [0] * 6
        colours = [PALETTE["vermillion"], PALETTE["orange"], PALETTE["sky"], "#DDDDDD"]
        for j, (k, label) in enumerate(HARM_CLASSES):
            h.bar(range(6), counts[k], bottom=bottom, color=colours[j], hatch=HATCHES[j + 1] if j < 3 else "",
                  edgecolor="black", linewidth=0.6, label=_wrap(label, 34))
            bottom = [b + v for b, v in zip(bottom, counts[k])]
        h.set_xticks(range(6))
        h.set_xlabel("Invasiveness level (0-5)")
        h.set_ylabel("Number of options")
        h.set_title("Harm: what is recorded (not a rate)", fontsize=10)
        h.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.16), frameon=False)
        h.set_ylim(0, max(bottom) + 1)
        from matplotlib.ticker import MaxNLocator

        h.yaxis.set_major_locator(MaxNLocator(integer=True))
        fig.suptitle(f"{CONDITIONS[condition]}: benefit and harm on separate panels", fontsize=11)
        fig.tight_layout()
    return fig


def benefit_and_harm_alt(condition: str, max_panels: int = 2) -> str:
    parts = []
    for key, effects in benefit_panels(condition)[:max_panels]:
        outcome, base, _measure, better = key
        items = [f"{_short(e.treatment)} (level {_content().treatments[e.treatment].invasiveness}) vs "
                 f"{comparator_text(e)} {num(e.estimate)} ({interval_text(e)})" for e in effects]
        mids = {e.mid for e in effects if e.mid is not None}
        mid = f"; MID {num(next(iter(mids)))}" if len(mids) == 1 else "; no single MID"
        parts.append(f"benefit panel on {base}, {better} favours the option: "
                     + "; ".join(items) + mid)
    if not parts:
        parts.append("no effect estimate on pain is held for this condition, a gap in the evidence")
    counts = harm_counts(condition)
    serious = counts["serious_sourced"]
    parts.append("harm panel, options with a serious harm documented in a source by level 0 to 5: "
                 + ", ".join(str(v) for v in serious))
    return f"{CONDITIONS[condition]}. " + ". ".join(p[0].upper() + p[1:] for p in parts) + "."


def benefit_and_harm_table(condition: str):
    from .figures import Table

    rows = []
    for _key, effects in benefit_panels(condition):
        for e in effects:
            rows.append([_content().treatments[e.treatment].invasiveness, _short(e.treatment),
                         effect_summary(e), _refs([e.reference])])
    for tid in options_for_condition(condition):
        t = _content().treatments[tid]
        rows.append([t.invasiveness, _short(tid), "Harm record: " + dict(HARM_CLASSES)[harm_class(tid)], ""])
    return Table(["Level", "Option", "Benefit (vs comparator) or harm record", "Source"], rows,
                 caption="The numbers and records in this chart")


def show_benefit_and_harm(condition: str):
    """Benefit and harm for one condition, on separate panels against invasiveness, with alt text and table."""
    from .figures import render_figure

    _check_choice("condition", condition, tuple(CONDITIONS))
    return render_figure(plot_benefit_and_harm(condition), benefit_and_harm_alt(condition),
                         table=benefit_and_harm_table(condition))


def benefit_and_harm_explorer(condition: str = "chronic_lbp"):
    """Choose a condition to see its benefit and harm panels; every view is pre-rendered (works with no kernel)."""
    from .widgets import explorer

    _check_choice("condition", condition, tuple(CONDITIONS))
    from .widgets import escape

    views = [(CONDITIONS[k], f'<div role="region" aria-label="Benefit and harm: {escape(CONDITIONS[k])}">'
                             f"<h3>{escape(CONDITIONS[k])}</h3>{show_benefit_and_harm(k).to_html()}</div>")
             for k in CONDITIONS]
    return explorer("Benefit and harm by invasiveness", views, description="Condition",
                    index=list(CONDITIONS).index(condition))


# ==== explorer: condition x guideline -> options by level (no ranking) ==========================================

_CELL = "text-align:left;vertical-align:top"
def _symbol(status: str) -> str:
    """The tiers module's symbol for a status (one vocabulary of symbols across the series)."""
    states = {"unconfirmed": None, "no_position": "other_population"}
    return DIRECTIONS[states.get(status, status)][0]


def _row_html(r: OptionRow) -> str:
    from .widgets import escape

    p = r.position
    detail = []
    if p is not None and p.verified:
        detail.append(escape(p.paraphrase))
        if p.condition:
            detail.append(f"<strong>Condition:</strong> {escape(p.condition)}")
    if r.reason:
        detail.append(escape(r.reason))
    source = escape(_refs([p.reference])) if p is not None else ""
    name = escape(r.name) + (" <em>(a diagnostic test, not a treatment)</em>" if r.purpose == "diagnostic" else "")
    return (f"<tr><td>{name}</td><td>{_symbol(r.status)} {escape(r.status_label)}</td>"
            f"<td>{' '.join(detail)}</td><td>{source}</td></tr>")


def options_view_html(condition: str, guideline: str, max_level: int | None = None) -> str:
    """The explorer view for one condition and guideline: one table per invasiveness level, in level order."""
    from .widgets import escape

    rows = select_options(condition, guideline, max_level)
    g = _content().guidelines[guideline]
    levels = {lv.level: lv for lv in _content().invasiveness_levels}
    parts = [f'<div class="bc-box" role="region" aria-label="{escape(CONDITIONS[condition])}, {guideline}">',
             f"<h3>{escape(CONDITIONS[condition])}: what {escape(g.name)} ({g.year}) says</h3>",
             f"<p><em>Scope of this guideline:</em> {escape(g.scope)}</p>",
             "<p>Options are listed by invasiveness level, not ranked. Symbols: ✓ for, ✗ against, ◐ only if "
             "(the condition shown), ○ no recommendation, — out of scope, · not addressed, ? not confirmed, "
             "– no position for this condition.</p>"]
    for level, here in rows_by_level(rows).items():
        parts.append(f"<h4>Level {level}: {escape(levels[level].name)}</h4>")
        if not here:
            parts.append("<p>No option at this level for this condition.</p>")
            continue
        parts.append('<table class="bc-table"><thead><tr><th scope="col">Option</th><th scope="col">Position</th>'
                     '<th scope="col">What it says</th><th scope="col">Source</th></tr></thead><tbody>'
                     + "".join(_row_html(r) for r in here) + "</tbody></table>")
    parts.append("</div>")
    return "".join(parts)


def options_explorer(condition: str = "chronic_lbp", guideline: str = "NICE"):
    """Condition x guideline explorer (nested Stacks, works on the static page); opens on the given pair."""
    from .widgets import nested_explorer

    _check_choice("condition", condition, tuple(CONDITIONS))
    _check_choice("guideline", guideline, GUIDELINES)
    conds = list(CONDITIONS)
    ex = nested_explorer("Options by invasiveness, per condition and guideline", [CONDITIONS[k] for k in conds],
                         list(GUIDELINES), lambda i, j: options_view_html(conds[i], GUIDELINES[j]),
                         outer_description="Condition", inner_description="Guideline")
    ex.outer.index = conds.index(condition)
    ex.inner.index = GUIDELINES.index(guideline)
    return ex


# ==== pathways, when invasive care is right, disagreements =======================================================

def _effect_words(effect_id: str) -> str:
    return effect_summary(_content().effect(effect_id))


def _fact_words(fact_id: str) -> str:
    f = _content().fact(fact_id)
    value = value_or_range(f.value, f.low, f.high)
    approx = " (approximate)" if f.approximate else ""
    return f"{f.statement} {value} {f.unit}{approx}".replace(" %", "%")


def show_care_pathways():
    """Stratified and stepped care: how each works, what trials found (UK vs US), and where red flags exit."""
    from .widgets import escape

    d = load_chapter()
    parts, text = ['<div class="bc-box" role="region" aria-label="Care pathways">'], []
    for p in d.pathways:
        parts.append(f"<h3>{escape(p.name)}</h3><p>{escape(p.how_it_works)}{_conf_note(p.confidence, p.editorial)}"
                     + (f" [{escape(_refs(p.references))}]" if p.references else "") + "</p><ul>")
        text.append(f"{p.name}:")
        for f in p.findings:
            verdict = {True: "benefit found", False: "no benefit found", None: "not a treatment trial"}[f.replicated]
            nums = [escape(_effect_words(e)) for e in f.effect_ids] + [escape(_fact_words(x)) for x in f.fact_ids]
            extra = (" <br><small>" + "<br>".join(nums) + "</small>") if nums else ""
            src = f" [{escape(_refs(f.references))}]" if f.references else ""
            parts.append(f"<li><strong>{escape(f.setting)}</strong> ({verdict}): {escape(f.result)}"
                         f"{_conf_note(f.confidence, f.editorial)}{src}{extra}</li>")
            text.append(f"- {f.setting} ({verdict})")
        parts.append("</ul>")
    parts.append(f'<p><strong>Where red flags leave the pathway.</strong> {escape(d.red_flag_exit)} '
                 f"[{escape(_refs(d.red_flag_exit_references))}]</p></div>")
    text.append("Red flags leave the pathway at any step.")
    return _block("".join(parts), "\n".join(text))


def show_disagreements():
    """Where guidelines point different ways, side by side, derived from the positions (no second copy)."""
    from .widgets import escape

    from .logic.guidance import direction_label

    c = _content()
    context = {x.treatment: x for x in load_chapter().disagreement_context}
    guides = [g for g in GUIDELINES]
    head = "".join(f'<th scope="col">{g} ({c.guidelines[g].year})</th>' for g in guides)
    body, text = [], ["Guideline disagreements (derived from content/positions.yaml):"]
    for d in c.disagreements():
        cells = []
        for g in guides:
            shown = position_cells(d.treatment, g)
            cells.append(f'<td style="{_CELL}">' + "<br>".join(position_html(p, paraphrase=True) for p in shown) + "</td>")
        why = context.get(d.treatment)
        why_html = (f"{escape(why.text)}{_conf_note(why.confidence)} [{escape(_refs(why.references))}]" if why else
                    "Guidelines differ in date, population and how they weigh small effects.")
        body.append(f'<tr><th scope="row" style="{_CELL}">{escape(c.treatments[d.treatment].name)}</th>'
                    f'{"".join(cells)}<td style="{_CELL}">{why_html}</td></tr>')
        dirs = "; ".join(f"{g} " + " / ".join(direction_label(p) for p in ps) for g, ps in d.positions.items())
        text.append(f"- {c.treatments[d.treatment].name}: {dirs}")
    html_ = ('<table class="bc-table"><caption>Where guidelines disagree, and why</caption><thead><tr>'
             f'<th scope="col">Option</th>{head}<th scope="col">Why they may differ</th></tr></thead><tbody>'
             + "".join(body) + "</tbody></table>")
    return _block(html_, "\n".join(text))


# ==== the starting article's FAQ =================================================================================

_BANDS = {"hours": "hours", "days": "days", "days_to_weeks": "days to weeks", "weeks": "weeks", "months": "months",
          "not_applicable": "no onset time (no benefit shown, or not a treatment of pain)"}


def time_to_effect_rows(condition: str) -> list[tuple[int, str, str, str]]:
    """(level, option, when benefit if any is seen, source or 'course estimate') for the condition's options.

    Examples
    --------
    >>> time_to_effect_rows("stenosis")[2]  # doctest: +NORMALIZE_WHITESPACE +ELLIPSIS
    (3, 'Epidural steroid injection', 'Advised against for this condition. NICE: Do not use epidural injections
     for neurogenic claudication caused by central spinal stenosis.', 'NICE NG59...')
    """
    from .logic.guidance import advised_against, against_note

    c = _content()
    rows = []
    for tid in options_for_condition(condition):
        t = c.treatments[tid]
        if condition not in t.conditions:  # shown only because a guideline speaks against it here (issue 15)
            refs = [p.reference for p in advised_against(tid, condition)]
            rows.append((t.invasiveness, t.name, against_note(tid, condition) or "Not an option for this condition.",
                         _refs(refs) if refs else "—"))
            continue
        tte = t.time_to_effect
        src = _refs(tte.references) if tte.references else "course estimate (editorial, not sourced)"
        against = against_note(tid, condition)
        when = f"{_BANDS[tte.band]}: {tte.text}" + (f" {against}" if against else "")
        refs = [p.reference for p in advised_against(tid, condition)]
        rows.append((t.invasiveness, t.name, when, src + (f"; {_refs(refs)}" if refs else "")))
    return rows


def _natural_course_html(condition: str) -> str:
    from .widgets import escape

    if condition == "acute_nonspecific_lbp":
        ids = ["costa_acute_pain_baseline", "costa_acute_pain_6_weeks", "henschke2008_pain_resolved_days"]
    elif condition == "chronic_lbp":
        ids = ["costa_persistent_pain_baseline", "costa_persistent_pain_6_weeks", "costa_persistent_pain_52_weeks"]
    elif condition == "sciatica":  # a trial's two treated arms, not an untreated course (issue 15)
        ids = ["peul_recovered_1_year", "peul_conservative_operated_1_year"]
    else:
        ids = []
    if not ids:
        return "<p><em>Natural course:</em> the course holds no natural-history figure for this condition.</p>"
    c = _content()
    items = "".join(f"<li>{escape(_fact_words(i))} [{escape(_refs([c.fact(i).reference]))}]</li>" for i in ids)
    if condition == "sciatica":
        lead = ("For comparison, what happened in a trial (not an untreated natural course: both groups were "
                "treated, and some people in the conservative group had surgery):")
    else:
        lead = "Without any treatment, for comparison (natural course):"
    return f"<p><em>{lead}</em></p><ul>{items}</ul>"


def time_to_effect_html(condition: str) -> str:
    from .widgets import escape

    rows = time_to_effect_rows(condition)
    body = "".join(f"<tr><td>{lv}</td><td>{escape(name)}</td><td>{escape(when)}</td><td>{escape(src)}</td></tr>"
                   for lv, name, when, src in rows)
    return (f'<div class="bc-box" role="region" aria-label="Time to results, {escape(CONDITIONS[condition])}">'
            f"<h3>How long until results? {escape(CONDITIONS[condition])}</h3>" + _natural_course_html(condition)
            + '<table class="bc-table"><thead><tr><th scope="col">Level</th><th scope="col">Option</th>'
              '<th scope="col">When benefit, if any, is seen</th><th scope="col">Source</th></tr></thead>'
              f"<tbody>{body}</tbody></table></div>")


def time_to_effect_explorer(condition: str = "acute_nonspecific_lbp"):
    """FAQ 1, "how long until results?": per condition, sourced times or course estimates marked editorial."""
    from .widgets import explorer

    _check_choice("condition", condition, tuple(CONDITIONS))
    views = [(CONDITIONS[k], time_to_effect_html(k)) for k in CONDITIONS]
    return explorer("How long until results", views, description="Condition", index=list(CONDITIONS).index(condition))


def show_access_and_coverage():
    """FAQ 2, "is it covered?": how access works in general, with the US as ONE dated example."""
    from .widgets import escape

    d = load_chapter()
    out, text = ['<div class="bc-box" role="region" aria-label="How access and coverage work">'], []
    for region, title in (("general", "How access works in most health systems"),
                          ("US", "One dated example: the United States")):
        out.append(f"<h3>{title}</h3><ul>")
        for x in d.access:
            if x.region != region:
                continue
            src = f" [{escape(_refs(x.references))}]" if x.references else ""
            out.append(f"<li><strong>{escape(x.heading)}.</strong> {escape(x.text)}"
                       f"{_conf_note(x.confidence, x.editorial)}{src}</li>")
            text.append(f"- {x.heading}")
        out.append("</ul>")
    out.append(f"<p><strong>{escape(d.access_footer)}</strong></p></div>")
    return _block("".join(out), "How access and coverage work:\n" + "\n".join(text))
