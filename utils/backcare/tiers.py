"""Treatment tiers: options, effects, guideline positions and seed-article corrections, all built from content/.

Shared by the treatment chapters (03 non-invasive care, 04 medicines, 05 injections and procedures, 06 devices and
surgery). Pure functions return data; builders return displayable objects whose ``text/plain`` is deterministic:

- :func:`options` / :func:`tier_options`: the treatments of a tier (by invasiveness, then name).
- :func:`options_table`: what each option is, for whom, effect (comparator + certainty), time to effect, harms,
  relative resource use. "No evidence" is shown as a gap, never as 0.
- :func:`plot_effects` / :func:`show_effects`: a forest-style chart, one panel per scale (scales are never mixed),
  with the minimal important difference (MID) drawn on the same scale and alt text built from the plotted numbers.
- :func:`positions_matrix`: treatment x guideline, a symbol AND a word in every cell, plus a legend and a note on
  why guidelines disagree (built from the Guideline records).
- :func:`tier_explorer`: condition x guideline explorer of pre-rendered tables (works on the static page).
- :func:`evidence_box`: "What the evidence says" about a claim of the seed article (``content/chapters/seed_claims.yaml``).

Examples
--------
>>> [t.id for t in tier_options("medicine")][:3]
['anticonvulsants', 'antidepressants', 'nsaids']
>>> positions_matrix(["paracetamol"]).cell_text("paracetamol", "NICE")
'✗ against (all low back pain; do not offer). Condition: Paracetamol on its own.'
>>> tier_options("pills")
Traceback (most recent call last):
...
ValueError: unknown tier 'pills'; tiers are: self_care, non_invasive, medicine, injection_procedure, implanted_device, surgery
"""
from __future__ import annotations

import re
import typing
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from pydantic import Field

from ._chapterkit import HtmlBlock
from .fmt import COMPARATORS, minus, num, span
from .fmt import comparator as _comparator
from .fmt import interval as _interval
from .content.models import ContentFile, Id, Key, Outcome, Strict, Text
from .figures import MARKERS, PALETTE, Table, course_style, render_figure
from .widgets import NestedExplorer, escape, nested_explorer

TIER_LABELS = {
    "self_care": "Self-care and education",
    "non_invasive": "Non-invasive therapies",
    "medicine": "Medicines",
    "injection_procedure": "Injections and procedures",
    "implanted_device": "Implanted devices",
    "surgery": "Surgery",
}
CONDITION_LABELS = {
    "acute_nonspecific_lbp": "Acute non-specific low back pain",
    "chronic_lbp": "Chronic low back pain",
    "sciatica": "Sciatica",
    "stenosis": "Spinal stenosis",
}
POPULATION_SHORT = {"any_lbp": "all low back pain", "acute_nonspecific_lbp": "acute low back pain",
                    "chronic_lbp": "chronic low back pain", "sciatica": "sciatica", "stenosis": "spinal stenosis"}
#: direction -> (symbol, word); None is an unconfirmed position (verified: false).
DIRECTIONS = {
    "for": ("✓", "for"),
    "against": ("✗", "against"),
    "only_if": ("◐", "only if"),
    "no_recommendation": ("○", "no recommendation"),
    "out_of_scope": ("—", "out of scope"),
    "not_addressed": ("·", "not addressed"),
    None: ("?", "unconfirmed"),
    "other_population": ("–", "no position for this group"),
    "not_recorded": ("·", "not recorded in this series"),
}
LEGEND = {
    "for": "recommended (as an option, or to consider)",
    "against": "recommended against (do not offer, or not for routine use)",
    "only_if": "other care is preferred; this option only in the circumstances stated beside it",
    "no_recommendation": "no graded recommendation either way; the words beside it say what the guideline found",
    "out_of_scope": "outside what the guideline covers",
    "not_addressed": "within scope but not discussed",
    None: "the fact sheet could not confirm this position; check the guideline itself",
    "other_population": "the guideline speaks to this option only for other groups of people",
    "not_recorded": "no position is held in this series' content",
}
CERTAINTY = {"high": "high certainty", "moderate": "moderate certainty", "low": "low certainty",
             "very_low": "very low certainty", "not_stated": "certainty not graded by the source"}
STRENGTH = {"strong": "strong", "weak": "weak", "conditional": "conditional", "good_practice": "good practice",
            "offer": "offer", "consider": "consider", "do_not_offer": "do not offer", "research_only": "research only"}
MEASURES = {"mean_difference": "mean difference", "standardised_mean_difference": "standardised mean difference",
            "hazard_ratio": "hazard ratio", "risk_ratio": "risk ratio", "odds_ratio": "odds ratio",
            "difference_in_medians": "difference in medians"}
RATIO_MEASURES = {"hazard_ratio", "risk_ratio", "odds_ratio"}
NO_ESTIMATE = "— no pooled estimate in this series"
DEFAULT_GUIDELINES = ("NICE", "ACP", "WHO")
#: Inline alignment: notebook front ends right-align table cells by default, which makes prose cells hard to read.
_LEFT = ' style="text-align:left;vertical-align:top"'


def _content():
    from .content import load_content

    return load_content()


def short_name(treatment) -> str:
    """A short label for charts: the acronym in brackets if there is one, else the name without brackets.

    >>> class T: name = "Non-steroidal anti-inflammatory drugs (NSAIDs)"
    >>> short_name(T())
    'NSAIDs'
    """
    m = re.search(r"\(([A-Z]{2,}s?)\)", treatment.name)
    if m:
        return m.group(1)
    name = re.sub(r"\s*\([^)]*\)", "", treatment.name)
    return re.split(r",\s*including", name)[0].strip()


def _labels(keys: Iterable[str]) -> str:
    from .references import reference_label

    refs = _content().references
    return "; ".join(reference_label(refs[k]) if k in refs else k for k in keys)


def _check_tier(tier: str) -> str:
    if tier not in TIER_LABELS:
        raise ValueError(f"unknown tier {tier!r}; tiers are: {', '.join(TIER_LABELS)}")
    return tier


def _check_condition(condition: str | None) -> str | None:
    if condition is not None and condition not in CONDITION_LABELS:
        raise ValueError(f"unknown condition {condition!r}; conditions are: {', '.join(CONDITION_LABELS)}")
    return condition


def _matches(population: str, condition: str | None) -> bool:
    return condition is None or population in (condition, "any_lbp")




# ---- options ------------------------------------------------------------------------------------------------

def options(tier: str | None = None, condition: str | None = None) -> list:
    """Treatments of a tier and/or for a condition, by invasiveness, then name (a list, never a ranking).

    Examples
    --------
    >>> [t.id for t in options("medicine", "sciatica")]
    ['anticonvulsants', 'opioids', 'oral_corticosteroids']
    >>> options(condition="back_ache")
    Traceback (most recent call last):
    ...
    ValueError: unknown condition 'back_ache'; conditions are: acute_nonspecific_lbp, chronic_lbp, sciatica, stenosis
    """
    if tier is not None:
        _check_tier(tier)
    _check_condition(condition)
    found = [t for t in _content().treatments.values()
             if (tier is None or t.tier == tier) and (condition is None or condition in t.conditions)]
    return sorted(found, key=lambda t: (t.invasiveness, t.name.lower()))


def tier_options(tier: str) -> list:
    """The treatments of one tier, by invasiveness, then name. See :func:`options`."""
    return options(_check_tier(tier))


def effects_of(treatment_ids: Sequence[str], *, condition: str | None = None,
               outcome: str | Sequence[str] | None = None) -> list:
    """Effect estimates held for these treatments (file order), optionally for one condition and outcome(s)."""
    c = _content()
    outcomes = _check_outcomes(outcome)
    _check_condition(condition)
    out = []
    for tid in treatment_ids:
        _check_treatment(tid)
        out += [e for e in c.effects_for(tid)
                if _matches(e.population, condition) and (outcomes is None or e.outcome in outcomes)]
    return out


def _check_outcomes(outcome) -> set[str] | None:
    if outcome is None:
        return None
    wanted = {outcome} if isinstance(outcome, str) else set(outcome)
    allowed = typing.get_args(Outcome)
    bad = sorted(wanted - set(allowed))
    if bad:
        raise ValueError(f"unknown outcome {bad[0]!r}; outcomes are: {', '.join(allowed)}")
    return wanted


def _check_treatment(tid: str) -> str:
    if tid not in _content().treatments:
        raise ValueError(f"unknown treatment {tid!r}; see content/treatments.yaml for the ids")
    return tid


def comparator_text(effect) -> str:
    """'placebo', or the named other treatment ('other recommended therapies (such as exercise)')."""
    return _comparator(effect.comparator, effect.comparator_detail)


def interval_text(effect) -> str:
    return _interval(effect.low, effect.high)


def mid_text(effect) -> str:
    return f"MID {num(effect.mid)}" if effect.mid is not None else "MID not stated by the source"


def effect_summary(effect) -> str:
    """One effect in words: outcome, scale, time, estimate (interval) vs comparator, MID, certainty.

    >>> effect_summary(_content().effect("nsaids_chronic_pain"))
    'pain in chronic low back pain (pain 0-100 (VAS), median follow-up 56 days): −3.3 (−5.33 to −1.27) vs placebo; MID not stated by the source; low certainty'
    """
    approx = "; approximate" if effect.approximate else ""
    return (f"{effect.outcome.replace('_', ' ')} in {POPULATION_SHORT[effect.population]} ({effect.scale}, "
            f"{effect.time_point}): {num(effect.estimate)} "
            f"({interval_text(effect)}) vs {comparator_text(effect)}; {mid_text(effect)}; "
            f"{CERTAINTY[effect.certainty]}{approx}")


def _harms_text(t) -> str:
    def one(h):
        flag = " (not confirmed)" if h.confidence in ("M", "?") else ""
        return h.text + flag
    parts = []
    if t.harms.common:
        parts.append("Common: " + " ".join(one(h) for h in t.harms.common))
    if t.harms.serious:
        parts.append("Serious: " + " ".join(one(h) for h in t.harms.serious))
    return " ".join(parts) if parts else "None listed in this series (not the same as none)."


def _time_text(t) -> str:
    tte = t.time_to_effect
    if tte.editorial:
        return f"{tte.text} [course estimate, not from a source]"
    return f"{tte.text} [{_labels(tte.references)}]"


def _resource_text(t) -> str:
    ru = t.resource_use
    return f"{span(ru.low, ru.high)} (relative, illustrative)"


def _effects_cell(t, condition) -> list[str]:
    if t.purpose == "diagnostic":
        return ["Diagnostic test, not a treatment: it has no effect on pain to report."]
    found = effects_of([t.id], condition=condition)
    if not found:
        return [NO_ESTIMATE]
    return [f"{effect_summary(e)} [{_labels([e.reference])}]" for e in found]


def _lines_html(lines: Sequence[str]) -> str:
    """One line as text, several as a list (so separate effects do not run together)."""
    if len(lines) == 1:
        return escape(lines[0])
    items = "".join(f"<li>{escape(x)}</li>" for x in lines)
    return f'<ul style="margin:0;padding-left:1.1em">{items}</ul>'


@dataclass(frozen=True)
class OptionsTable:
    """The options of a tier as a table; displays as HTML, with a deterministic plain-text form."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[tuple[str, ...], ...], ...]   # row -> cell -> lines of plain text

    def to_html(self) -> str:
        head = "".join(f'<th scope="col"{_LEFT}>{escape(c)}</th>' for c in self.columns)
        body = []
        for row in self.rows:
            cells = [f'<th scope="row"{_LEFT}>{"<br>".join(escape(x) for x in row[0])}</th>']
            cells += [f"<td{_LEFT}>{_lines_html(cell)}</td>" for cell in row[1:]]
            body.append("<tr>" + "".join(cells) + "</tr>")
        return (f'<table class="bc-table"><caption>{escape(self.title)}</caption><thead><tr>{head}</tr></thead>'
                f"<tbody>{''.join(body)}</tbody></table>")

    def to_text(self) -> str:
        lines = [self.title]
        for row in self.rows:
            lines.append(f"- {row[0][0]}")
            lines += [f"    {col}: {' '.join(cell)}" for col, cell in zip(self.columns[1:], row[1:])]
        return "\n".join(lines)

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": self.to_html(), "text/plain": self.to_text()}


def options_table(tier: str, condition: str | None = None) -> OptionsTable:
    """The options of a tier side by side: what it is, for whom, effect, time to effect, harms, resource use.

    Examples
    --------
    >>> table = options_table("medicine", "acute_nonspecific_lbp")
    >>> table.title
    'Medicines: options for acute non-specific low back pain (listed by invasiveness, then name; not a ranking)'
    >>> [row[0][0] for row in table.rows]
    ['Non-steroidal anti-inflammatory drugs (NSAIDs)', 'Opioids (including tramadol)', 'Paracetamol (acetaminophen)', 'Skeletal muscle relaxants (non-benzodiazepine)']
    >>> options_table("medicine", "lumbago")
    Traceback (most recent call last):
    ...
    ValueError: unknown condition 'lumbago'; conditions are: acute_nonspecific_lbp, chronic_lbp, sciatica, stenosis
    """
    _check_tier(tier)
    _check_condition(condition)
    who = f"options for {CONDITION_LABELS[condition].lower()}" if condition else "all options"
    title = f"{TIER_LABELS[tier]}: {who} (listed by invasiveness, then name; not a ranking)"
    columns = ("Option", "What it is", "For whom", "Effect (vs comparator, certainty)", "Time to effect", "Harms",
               "Relative resource use")
    rows = []
    for t in options(tier, condition):
        whom = ", ".join(CONDITION_LABELS[x] for x in t.conditions)
        if t.purpose == "diagnostic":
            whom += " (a diagnostic test)"
        rows.append(((t.name,), (t.description,), (whom,), tuple(_effects_cell(t, condition)), (_time_text(t),),
                     (_harms_text(t),), (_resource_text(t),)))
    return OptionsTable(title, columns, tuple(rows))


def benefit_and_harm(treatment_id: str, condition: str | None = None) -> HtmlBlock:
    """One option's benefit (effects vs comparator, certainty) and harms side by side, with time to effect.

    Examples
    --------
    >>> card = benefit_and_harm("paracetamol")
    >>> print(card.text)
    Paracetamol (acetaminophen): benefit and harm side by side
    Benefit: — no pooled estimate in this series
    Harms: None listed in this series (not the same as none).
    Time to effect: No faster recovery than placebo (median 16 to 17 days in all arms). [Williams 2014]
    >>> benefit_and_harm("aspirin")
    Traceback (most recent call last):
    ...
    ValueError: unknown treatment 'aspirin'; see content/treatments.yaml for the ids
    """
    t = _content().treatments[_check_treatment(treatment_id)]
    _check_condition(condition)
    benefit = _effects_cell(t, condition)
    harms = _harms_text(t)
    title = f"{t.name}: benefit and harm side by side" + (
        f" ({CONDITION_LABELS[condition].lower()})" if condition else "")
    html = (f'<table class="bc-table"><caption>{escape(title)}</caption><thead><tr><th scope="col"{_LEFT}>Benefit '
            f'(effect vs comparator, certainty)</th><th scope="col"{_LEFT}>Harms</th></tr></thead><tbody><tr>'
            f"<td{_LEFT}>{_lines_html(benefit)}</td><td{_LEFT}>{escape(harms)}</td></tr></tbody></table>"
            f"<p><strong>Time to effect:</strong> {escape(_time_text(t))}</p>")
    text = "\n".join([title, "Benefit: " + " | ".join(benefit), f"Harms: {harms}", f"Time to effect: {_time_text(t)}"])
    return HtmlBlock(html, text)


# ---- effect chart -----------------------------------------------------------------------------------------------

def _base_scale(scale: str) -> str:
    return re.split(r"[,(]", scale)[0].strip()


def _scale_key(e) -> tuple[str, str, str]:
    return (_base_scale(e.scale), e.measure, e.better)


def _panel_title(key) -> str:
    base, measure, better = key
    return f"{base} ({MEASURES[measure]}; {better} favours the treatment)"


def _row_label(e) -> str:
    c = _content()
    certainty = "certainty not graded" if e.certainty == "not_stated" else CERTAINTY[e.certainty]
    return (f"{short_name(c.treatments[e.treatment])} vs {comparator_text(e)}\n"
            f"{POPULATION_SHORT[e.population]}, {e.time_point}; {certainty}")


def _row_words(e) -> str:
    c = _content()
    return (f"{short_name(c.treatments[e.treatment])} vs {comparator_text(e)}, {POPULATION_SHORT[e.population]}, "
            f"{e.outcome.replace('_', ' ')}, {e.time_point}: {num(e.estimate)} ({interval_text(e)}), {mid_text(e)}, "
            f"{CERTAINTY[e.certainty]}" + (", approximate" if e.approximate else ""))


def _check_effects(effects) -> list:
    from .content.models import PAIN_OUTCOMES, Effect

    effects = list(effects)
    if not effects:
        raise ValueError("no effect estimates to plot: a gap in the evidence is shown as a gap, not as a chart")
    for e in effects:
        if not isinstance(e, Effect):
            raise TypeError(f"plot_effects takes Effect records from content/effects.yaml, not {type(e).__name__}")
        t = _content().treatments.get(e.treatment)
        if t is not None and t.purpose == "diagnostic" and e.outcome in PAIN_OUTCOMES:
            raise ValueError(f"{e.treatment} is a diagnostic procedure: it has no effect on pain to plot")
    return effects


def _panels(effects) -> list[tuple[tuple, list]]:
    groups: dict[tuple, list] = {}
    for e in effects:
        groups.setdefault(_scale_key(e), []).append(e)
    return list(groups.items())


def plot_effects(effects, ax=None):
    """Forest-style chart: one panel per scale, estimate with interval, each row's MID on the same scale.

    Different scales are never drawn on one axis; with ``ax`` given, all effects must share one scale.

    Examples
    --------
    >>> c = _content()
    >>> fig = plot_effects([c.effect("nsaids_acute_pain"), c.effect("nsaids_chronic_pain")])
    >>> [a.get_title(loc="left") for a in fig.axes]
    ['pain 0-100 (mean difference; lower favours the treatment)']
    >>> import matplotlib.pyplot as plt; plt.close(fig)
    >>> plot_effects([c.effect("nsaids_acute_pain"), c.effect("nsaids_acute_disability")], ax=object())
    Traceback (most recent call last):
    ...
    ValueError: these effects are on 2 different scales (pain 0-100; RMDQ 0-24): they need one panel each, so call plot_effects(effects) without ax
    """
    import matplotlib.pyplot as plt

    effects = _check_effects(effects)
    panels = _panels(effects)
    if ax is not None and len(panels) > 1:
        names = "; ".join(k[0] for k, _ in panels)
        raise ValueError(f"these effects are on {len(panels)} different scales ({names}): they need one panel each, "
                         "so call plot_effects(effects) without ax")
    colours = [PALETTE[k] for k in ("blue", "vermillion", "green", "purple", "orange", "sky", "black")]
    tids = list(dict.fromkeys(e.treatment for e in effects))
    with course_style():
        if ax is None:
            heights = [len(rows) + 1.2 for _, rows in panels]
            fig, axes = plt.subplots(len(panels), 1, figsize=(9.5, 0.75 * sum(heights) + 0.6),
                                     gridspec_kw={"height_ratios": heights}, squeeze=False)
            axes = list(axes[:, 0])
        else:
            fig, axes = ax.figure, [ax]
        for a, (key, rows) in zip(axes, panels):
            _draw_panel(a, key, rows, colours, tids)
        if len(panels) > 1:
            fig.suptitle(f"{len(effects)} effect estimates on {len(panels)} different scales, one panel each "
                         "(scales are not comparable, so they are kept apart)", fontsize=10.5)
        if ax is None:   # a caller's own figure keeps the caller's layout
            fig.tight_layout()
    return fig


def _draw_panel(a, key, rows, colours, tids) -> None:
    base, measure, better = key
    null = 1.0 if measure in RATIO_MEASURES else 0.0
    values = [null]
    for e in rows:
        values += [v for v in (e.estimate, e.low, e.high) if v is not None]
        if e.mid is not None:
            values.append(_mid_at(e, null))
    lo, hi = min(values), max(values)
    rng = re.search(r"(\d+)\s*-\s*(\d+)", base)
    if rng and measure == "mean_difference":   # keep small effects looking small: show at least 10% of the scale
        least = 0.1 * (float(rng.group(2)) - float(rng.group(1)))
        lo, hi = min(lo, null - least / 2, hi - least), max(hi, null + least / 2, lo + least)
    pad = (hi - lo) * 0.08 or 1.0
    a.axvline(null, color=PALETTE["grey"], linewidth=1)
    n = len(rows)
    for i, e in enumerate(rows):
        y = n - 1 - i
        k = tids.index(e.treatment)
        colour, marker = colours[k % len(colours)], MARKERS[k % len(MARKERS)]
        if e.low is not None:
            a.hlines(y, e.low, e.high, color=colour, linewidth=2.2)
        a.plot([e.estimate], [y], marker=marker, markersize=9, color=colour, markeredgecolor="black",
               linestyle="none")
        side = {"xycoords": ("axes fraction", "data"), "va": "center", "annotation_clip": False}
        a.annotate(f"{num(e.estimate)} ({interval_text(e)})", xy=(1.02, y + 0.12), fontsize=8.5, **side)
        a.annotate(mid_text(e) if e.mid is not None else "MID not stated", xy=(1.02, y - 0.22), fontsize=7.5,
                   color=PALETTE["grey"], **side)
        if e.mid is not None:
            m = _mid_at(e, null)
            a.vlines(m, y - 0.38, y + 0.38, colors="black", linestyles="dashed", linewidth=1.3)
            a.text(m, y - 0.42, mid_text(e), ha="center", va="top", fontsize=7.5)
    a.set_yticks(range(n), [_row_label(e) for e in reversed(rows)], fontsize=8.5)
    a.set_ylim(-0.9, n - 0.3)
    a.set_xlim(lo - pad, hi + pad)
    from matplotlib.ticker import MaxNLocator
    a.xaxis.set_major_locator(MaxNLocator(nbins=6))
    a.set_xlabel(f"{base}: {better} values favour the treatment; "
                 f"{'1' if null == 1.0 else '0'} = no difference; dashed line = MID", fontsize=8.5)
    a.set_title(_panel_title(key), fontsize=10, loc="left")


def _mid_at(e, null: float) -> float:
    """Where the MID sits on the plotted scale: beyond 'no difference' in the direction that favours treatment."""
    return null - e.mid if e.better == "lower" else null + e.mid


def effects_alt_text(effects) -> str:
    """Alt text built from the plotted numbers: estimate, interval, MID and comparator of every row."""
    effects = _check_effects(effects)
    panels = _panels(effects)
    scales = "one scale" if len(panels) == 1 else f"{len(panels)} scales, one panel each, kept apart because they cannot be compared"
    parts = [f"Forest chart of {len(effects)} effect estimates on {scales}."]
    for key, rows in panels:
        parts.append(f"Panel {_panel_title(key)}: " + "; ".join(_row_words(e) for e in rows) + ".")
    return " ".join(parts)


def effects_table(effects) -> Table:
    rows = []
    c = _content()
    for e in effects:
        rows.append([c.treatments[e.treatment].name, comparator_text(e), POPULATION_SHORT[e.population],
                     e.outcome.replace("_", " "), e.time_point, e.scale, num(e.estimate), interval_text(e),
                     num(e.mid) if e.mid is not None else "not stated", CERTAINTY[e.certainty],
                     _labels([e.reference]) + (" (approximate)" if e.approximate else "")])
    return Table(["Treatment", "Compared with", "Population", "Outcome", "Time point", "Scale", "Estimate",
                  "Interval", "MID", "Certainty", "Source"], rows, caption="The numbers in this chart")


def _resolve(what) -> list[str]:
    c = _content()
    if isinstance(what, str):
        if what in TIER_LABELS:
            return [t.id for t in tier_options(what)]
        return [_check_treatment(what)]
    ids = list(what)
    if not ids:
        raise ValueError("give a tier or at least one treatment id")
    for tid in ids:
        if not isinstance(tid, str):
            tid = getattr(tid, "id", tid)
        _check_treatment(tid)
    return [getattr(t, "id", t) for t in ids if getattr(t, "id", t) in c.treatments]


def show_effects(what, outcome: str | Sequence[str] | None = None, *, condition: str | None = None):
    """The effect chart for a tier, a treatment id or a list of ids, with alt text and its data table.

    Examples
    --------
    >>> shown = show_effects(["nsaids"], outcome="pain")
    >>> "−7.29 (−10.98 to −3.61)" in shown.alt and "−3.3 (−5.33 to −1.27)" in shown.alt
    True
    >>> show_effects("medial_branch_block", outcome="pain")
    Traceback (most recent call last):
    ...
    ValueError: no effect estimates held for medial_branch_block with outcome pain: this is a gap in the evidence held here, not an effect of 0
    """
    ids = _resolve(what)
    effects = effects_of(ids, condition=condition, outcome=outcome)
    if not effects:
        which = outcome if isinstance(outcome, str) or outcome is None else ", ".join(outcome)
        raise ValueError(f"no effect estimates held for {', '.join(ids)}"
                         + (f" with outcome {which}" if outcome else "")
                         + ": this is a gap in the evidence held here, not an effect of 0")
    return render_figure(plot_effects(effects), effects_alt_text(effects), table=effects_table(effects))


# ---- guideline positions ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PositionCell:
    """One line of a matrix cell: a guideline's position on a treatment for one population."""

    state: str | None            # a direction, None (unconfirmed), "other_population" or "not_recorded"
    population: str | None = None
    strength: str | None = None
    certainty: str | None = None
    condition: str | None = None
    recommendation_id: str | None = None
    paraphrase: str | None = None
    note: str | None = None

    @property
    def symbol(self) -> str:
        return DIRECTIONS[self.state][0]

    @property
    def word(self) -> str:
        return DIRECTIONS[self.state][1]

    def short(self) -> str:
        """Symbol, word, population and (never dropped) the condition: the one-line form (issue 15)."""
        out = f"{self.symbol} {self.word}" + (f" ({POPULATION_SHORT[self.population]})" if self.population else "")
        return out + (f": {self.condition.rstrip('.')}" if self.condition else "")

    def details(self) -> list[str]:
        d = []
        if self.population:
            d.append(POPULATION_SHORT[self.population])
        if self.strength:
            d.append(STRENGTH[self.strength])
        if self.certainty:
            d.append(CERTAINTY[self.certainty])
        if self.recommendation_id:
            d.append(f"recommendation {self.recommendation_id}")
        return d

    def text(self, paraphrase: bool = False) -> str:
        out = f"{self.symbol} {self.word}"
        if self.details():
            out += f" ({'; '.join(self.details())})"
        if self.condition:
            out += f". Condition: {self.condition}"
        if paraphrase and self.paraphrase:
            out += f". Says: {self.paraphrase}"
        if self.note:
            out += f". Note: {self.note}"
        return out

    def html(self, paraphrase: bool = False) -> str:
        out = f"<strong>{escape(self.symbol)} {escape(self.word)}</strong>"
        if self.details():
            out += f" ({escape('; '.join(self.details()))})"
        if self.condition:
            out += f"<br><em>Condition:</em> {escape(self.condition)}"
        if paraphrase and self.paraphrase:
            out += f"<br>{escape(self.paraphrase)}"
        if self.note:
            out += f"<br><em>Note:</em> {escape(self.note)}"
        return out


def position_cells(treatment_id: str, guideline: str, condition: str | None = None) -> list[PositionCell]:
    """What one guideline says on one treatment (one line per population), honest about gaps.

    Examples
    --------
    >>> [p.text() for p in position_cells("opioids", "WHO")]
    ['✗ against (chronic low back pain; conditional)']
    >>> position_cells("nsaids", "CDC")[0].text()
    '— out of scope. Note: CDC 2022 speaks only to opioids.'
    """
    c = _content()
    _check_treatment(treatment_id)
    _check_condition(condition)
    g = c.guidelines.get(guideline)
    if g is None:
        raise ValueError(f"unknown guideline {guideline!r}; guidelines are: {', '.join(c.guidelines)}")
    if g.covers_only is not None and treatment_id not in g.covers_only:
        names = ", ".join(c.treatments[t].name.split(" (")[0].lower() for t in g.covers_only)
        return [PositionCell("out_of_scope", note=f"{g.id} {g.year} speaks only to {names}.")]
    every = c.positions_for(treatment_id, guideline)
    found = [p for p in every if _matches(p.population, condition)]
    if not found:
        if every:
            pops = ", ".join(POPULATION_SHORT[p.population] for p in every)
            return [PositionCell("other_population", note=f"{g.id} speaks to this option for {pops}.")]
        return [PositionCell("not_recorded")]
    return [PositionCell(p.direction if p.verified else None, p.population, p.strength, p.certainty, p.condition,
                         p.recommendation_id, p.paraphrase, None if p.verified else p.note) for p in found]


def _guidelines_for(ids: Sequence[str], guidelines) -> tuple[str, ...]:
    c = _content()
    if guidelines is None:
        gs = list(DEFAULT_GUIDELINES)
        for g in c.guidelines.values():
            if g.covers_only and any(t in g.covers_only for t in ids) and g.id not in gs:
                gs.append(g.id)
        return tuple(gs)
    gs = tuple(guidelines)
    for g in gs:
        if g not in c.guidelines:
            raise ValueError(f"unknown guideline {g!r}; guidelines are: {', '.join(c.guidelines)}")
    return gs


def why_guidelines_disagree(guidelines: Sequence[str] = ("NICE", "ACP", "WHO", "CDC")) -> HtmlBlock:
    """Why guidelines can point different ways, built from the Guideline records (scope, dates, populations)."""
    c = _content()
    items_html, items_text = [], []
    for gid in guidelines:
        g = c.guidelines[gid]
        when = f"{g.year}" + (f", updated {g.updated}" if g.updated else "")
        items_html.append(f"<li><strong>{escape(g.name)}</strong> ({escape(when)}): {escape(g.scope)}</li>")
        items_text.append(f"- {g.name} ({when}): {g.scope}")
    dates = ", ".join(f"{gid} {c.guidelines[gid].year}" for gid in guidelines)
    lead = ("Guidelines weigh much the same trials, yet they can point different ways because they differ in "
            "scope (which people and which treatments they cover), in dates (what evidence existed when each "
            f"was written: {dates}), in thresholds (how large and how certain a benefit must be, against which "
            "harms and costs, before they recommend it, and how they grade a recommendation), and in "
            "populations (acute or chronic pain, with or without sciatica, one country or the world).")
    html = (f'<div class="bc-note" role="note"><p><strong>Why guidelines disagree</strong></p><p>{escape(lead)}</p>'
            f"<ul>{''.join(items_html)}</ul></div>")
    return HtmlBlock(html, "Why guidelines disagree\n" + lead + "\n" + "\n".join(items_text))


@dataclass(frozen=True)
class PositionsMatrix:
    """Treatments x guidelines; every cell carries a symbol and a word, conditions and recommendation ids."""

    treatments: tuple[str, ...]
    guidelines: tuple[str, ...]
    cells: dict = field(hash=False)              # (treatment id, guideline) -> list[PositionCell]
    condition: str | None = None

    def cell_text(self, treatment_id: str, guideline: str) -> str:
        return " | ".join(p.text() for p in self.cells[(treatment_id, guideline)])

    def states(self, treatment_id: str, guideline: str) -> tuple:
        return tuple(p.state for p in self.cells[(treatment_id, guideline)])

    def _used(self) -> list:
        used = {p.state for ps in self.cells.values() for p in ps}
        return [s for s in DIRECTIONS if s in used]

    def legend_text(self) -> str:
        return "; ".join(f"{DIRECTIONS[s][0]} {DIRECTIONS[s][1]} = {LEGEND[s]}" for s in self._used())

    def title(self) -> str:
        who = CONDITION_LABELS[self.condition].lower() if self.condition else "all populations"
        return f"What the guidelines say ({who})"

    def to_html(self) -> str:
        c = _content()
        head = f'<th scope="col"{_LEFT}>Option</th>' + "".join(
            f'<th scope="col"{_LEFT}>{escape(g)} {c.guidelines[g].year}</th>' for g in self.guidelines)
        body = []
        for tid in self.treatments:
            cells = "".join(f"<td{_LEFT}>" + "<br>".join(p.html() for p in self.cells[(tid, g)]) + "</td>"
                            for g in self.guidelines)
            body.append(f'<tr><th scope="row"{_LEFT}>{escape(c.treatments[tid].name)}</th>{cells}</tr>')
        legend = "".join(f"<li><strong>{escape(DIRECTIONS[s][0])} {escape(DIRECTIONS[s][1])}</strong>: "
                         f"{escape(LEGEND[s])}</li>" for s in self._used())
        return (f'<table class="bc-table"><caption>{escape(self.title())}</caption><thead><tr>{head}</tr></thead>'
                f"<tbody>{''.join(body)}</tbody></table><p><strong>Legend</strong></p><ul>{legend}</ul>"
                + why_guidelines_disagree(self.guidelines).html)

    def to_text(self) -> str:
        c = _content()
        lines = [self.title()]
        for tid in self.treatments:
            lines.append(f"- {c.treatments[tid].name}")
            lines += [f"    {g}: {self.cell_text(tid, g)}" for g in self.guidelines]
        lines.append("Legend: " + self.legend_text())
        return "\n".join(lines)

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": self.to_html(), "text/plain": self.to_text()}


def positions_matrix(what, guidelines: Sequence[str] | None = None, *,
                     condition: str | None = None) -> PositionsMatrix:
    """Guideline positions for a tier (or treatment ids): symbol + word per cell, legend, why they disagree.

    ``guidelines`` defaults to NICE, ACP and WHO, plus CDC when an option it covers (opioids) is in the list.

    Examples
    --------
    >>> m = positions_matrix("medicine")
    >>> m.guidelines
    ('NICE', 'ACP', 'WHO', 'CDC')
    >>> m.states("acupuncture", "NICE")
    Traceback (most recent call last):
    ...
    KeyError: ('acupuncture', 'NICE')
    >>> positions_matrix(["acupuncture"]).states("acupuncture", "ACP")
    ('for', 'for')
    >>> positions_matrix(["nsaids"], guidelines=["NICE", "AMA"])
    Traceback (most recent call last):
    ...
    ValueError: unknown guideline 'AMA'; guidelines are: NICE, ACP, WHO, CDC
    """
    _check_condition(condition)
    ids = _resolve(what)
    gs = _guidelines_for(ids, guidelines)
    cells = {(tid, g): position_cells(tid, g, condition) for tid in ids for g in gs}
    return PositionsMatrix(tuple(ids), gs, cells, condition)


def guideline_disagreements(what, guidelines: Sequence[str] | None = None) -> HtmlBlock:
    """Where the guidelines point different ways for these options, derived from the positions, with the reasons
    the records themselves show: different populations and different dates.

    Examples
    --------
    >>> print(guideline_disagreements(["muscle_relaxants", "nsaids"]).text)
    Where the guidelines disagree
    - Skeletal muscle relaxants (non-benzodiazepine): NICE · not addressed (all low back pain); ACP ✓ for (acute low back pain); WHO ✗ against (chronic low back pain). Different people: the positions speak to acute low back pain, chronic low back pain. Different dates: NICE 2016, ACP 2017, WHO 2023.
    >>> print(guideline_disagreements(["nsaids"]).text)
    Where the guidelines disagree
    (no disagreement among these options)
    >>> guideline_disagreements(["nsaids"], guidelines=["AMA"])
    Traceback (most recent call last):
    ...
    ValueError: unknown guideline 'AMA'; guidelines are: NICE, ACP, WHO, CDC
    """
    c = _content()
    ids = _resolve(what)
    gs = _guidelines_for(ids, guidelines)
    split = {d.treatment for d in c.disagreements() if d.treatment in ids}
    lines, items = [], []
    for tid in (t for t in ids if t in split):
        parts, pops, years = [], [], []
        for g in gs:
            cells = position_cells(tid, g)
            if all(p.state in ("out_of_scope",) for p in cells):
                continue
            shown = "; ".join(p.short() for p in cells)
            parts.append(f"{g} {shown}")
            pops += [p.population for p in cells
                     if p.population not in (None, "any_lbp") and p.state in ("for", "against", "only_if", "no_recommendation")]
            years.append(f"{g} {c.guidelines[g].year}")
        why = []
        distinct = list(dict.fromkeys(pops))
        if len(distinct) > 1:
            why.append("Different people: the positions speak to " + ", ".join(POPULATION_SHORT[p] for p in distinct) + ".")
        why.append("Different dates: " + ", ".join(years) + ".")
        line = f"{c.treatments[tid].name}: " + "; ".join(parts) + ". " + " ".join(why)
        lines.append(f"- {line}")
        items.append(f"<li>{escape(line)}</li>")
    if not lines:
        return HtmlBlock('<div class="bc-note" role="note"><p><strong>Where the guidelines disagree</strong></p>'
                         "<p>No disagreement among these options.</p></div>",
                         "Where the guidelines disagree\n(no disagreement among these options)")
    html = ('<div class="bc-note" role="note"><p><strong>Where the guidelines disagree</strong></p>'
            f"<ul>{''.join(items)}</ul></div>")
    return HtmlBlock(html, "Where the guidelines disagree\n" + "\n".join(lines))


# ---- explorer -----------------------------------------------------------------------------------------------

def explorer_view_html(tier: str, condition: str, guideline: str) -> str:
    """One pre-rendered view: this tier's options for ``condition`` with ``guideline``'s position and the effects."""
    c = _content()
    ts = options(tier, condition)
    caption = (f"{TIER_LABELS[tier]} for {CONDITION_LABELS[condition].lower()}: what {guideline} "
               f"{c.guidelines[guideline].year} says, beside the effect estimates")
    rows = []
    for t in ts:
        pos = "<br>".join(p.html(paraphrase=True) for p in position_cells(t.id, guideline, condition))
        eff = _lines_html(_effects_cell(t, condition))
        rows.append(f'<tr><th scope="row"{_LEFT}>{escape(t.name)}</th><td{_LEFT}>{pos}</td><td{_LEFT}>{eff}</td></tr>')
    if not rows:
        rows.append(f'<tr><td colspan="3">No option of this tier is listed for '
                    f"{escape(CONDITION_LABELS[condition].lower())}.</td></tr>")
    return (f'<table class="bc-table"><caption>{escape(caption)}</caption><thead><tr><th scope="col">Option</th>'
            f'<th scope="col">{escape(guideline)} position</th><th scope="col">Effect (vs comparator, certainty)</th>'
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def tier_explorer(tier: str, condition: str | None = None, guideline: str | None = None) -> NestedExplorer:
    """Condition x guideline explorer of this tier's options (pre-rendered, so it works on the static page).

    Opens on ``condition`` and ``guideline`` when given (e.g. the chapter's synthetic case).

    Examples
    --------
    >>> ex = tier_explorer("medicine", condition="sciatica", guideline="NICE")
    >>> ex.describe()
    'Explorer "Medicines: options and guideline positions": 3 x 4 views. Showing: Sciatica / NICE.'
    >>> "Since 2020, do not offer oral corticosteroids for sciatica." in ex.visible_html()
    True
    >>> tier_explorer("medicine", condition="stenosis")
    Traceback (most recent call last):
    ...
    ValueError: no medicine option is listed for stenosis; choose one of: acute_nonspecific_lbp, chronic_lbp, sciatica
    """
    _check_tier(tier)
    _check_condition(condition)
    ts = tier_options(tier)
    conds = [k for k in CONDITION_LABELS if any(k in t.conditions for t in ts)]
    gs = list(_guidelines_for([t.id for t in ts], None))
    if condition is not None and condition not in conds:
        raise ValueError(f"no {tier} option is listed for {condition}; choose one of: {', '.join(conds)}")
    if guideline is not None and guideline not in gs:
        raise ValueError(f"guideline must be one of {', '.join(gs)}, not {guideline!r}")
    views = {(i, j): explorer_view_html(tier, conds[i], gs[j]) for i in range(len(conds)) for j in range(len(gs))}
    ex = nested_explorer(f"{TIER_LABELS[tier]}: options and guideline positions",
                         [CONDITION_LABELS[k] for k in conds], gs, lambda i, j: views[(i, j)],
                         outer_description="Condition", inner_description="Guideline")
    if condition is not None:
        ex.outer.index = conds.index(condition)
    if guideline is not None:
        ex.inner.index = gs.index(guideline)
    return ex


# ---- "What the evidence says" boxes (seed article corrections) ----------------------------------------------------

class SeedClaim(Strict):
    """A claim of the seed article, paraphrased, with what the evidence and guidelines say."""

    topic: Id
    title: Text
    claim: Text
    evidence: Text
    verdict: Text
    treatments: list[Id] = Field(min_length=1)
    references: list[Key] = Field(min_length=1)
    numbers: list[str]
    """Every number in ``evidence`` names its source: "fact:<id>" or "effect:<id>"."""


class SeedClaimsFile(ContentFile):
    claims: list[SeedClaim] = Field(min_length=1)


def seed_claims() -> dict[str, SeedClaim]:
    """The seed-article claims by topic, from ``content/chapters/seed_claims.yaml`` (validated strictly)."""
    from .content import load_yaml_model
    from .paths import content_dir

    return {cl.topic: cl for cl in load_yaml_model(content_dir() / "chapters" / "seed_claims.yaml",
                                                   SeedClaimsFile).claims}


def check_seed_claims() -> list[str]:
    """Problems in the seed claims: unknown keys/treatments, numbers that do not match content (empty: all good).

    Each number named in ``numbers`` (its value, or estimate and interval ends) must appear in the evidence text; the
    check ignores the sign, because prose may say "reduced pain by 7.29 points".
    """
    c = _content()
    problems = []
    for cl in seed_claims().values():
        problems += [f"{cl.topic}: unknown reference {k}" for k in c.cited_keys_ok(cl.references)]
        problems += [f"{cl.topic}: unknown treatment {t}" for t in cl.treatments if t not in c.treatments]
        for ref in cl.numbers:
            kind, _, rid = ref.partition(":")
            try:
                rec = c.fact(rid) if kind == "fact" else c.effect(rid) if kind == "effect" else None
            except KeyError as err:
                problems.append(f"{cl.topic}: {err.args[0]}")
                continue
            if rec is None:
                problems.append(f"{cl.topic}: number source {ref!r} must start with fact: or effect:")
                continue
            values = [getattr(rec, "value", None), getattr(rec, "estimate", None), rec.low, rec.high]
            for v in (v for v in values if v is not None):
                forms = {f"{x:g}", f"{x:.1f}", f"{x:.2f}"} if (x := abs(v)) else {"0"}  # "reduced by 7.29" is fine
                if not any(re.search(rf"(?<![\d.]){re.escape(f)}(?![\d])", cl.evidence) for f in forms):
                    problems.append(f"{cl.topic}: {ref} value {v:g} is not written in the evidence text")
    return problems


def evidence_box(topic: str) -> HtmlBlock:
    """A "What the evidence says" box correcting a seed-article claim that says more than the evidence.

    Examples
    --------
    >>> print(evidence_box("opioids").text.splitlines()[0])
    What the evidence says: Opioids
    >>> evidence_box("cupping")
    Traceback (most recent call last):
    ...
    ValueError: no seed claim on 'cupping'; topics are: facet_injections, acupuncture, opioids, chiropractic, pain_free_life, rf_ablation, nsaids, muscle_relaxants
    """
    claims = seed_claims()
    if topic not in claims:
        raise ValueError(f"no seed claim on {topic!r}; topics are: {', '.join(claims)}")
    cl = claims[topic]
    evidence = minus(cl.evidence)
    sources = _labels(cl.references)
    html = (f'<div class="bc-evidence" role="note" aria-label="What the evidence says: {escape(cl.title)}">'
            f"<p><strong>What the evidence says: {escape(cl.title)}</strong></p>"
            f"<p><em>The article claims</em> (paraphrased): {escape(cl.claim)}</p>"
            f"<p>{escape(evidence)}</p><p><strong>In short:</strong> {escape(cl.verdict)}</p>"
            f"<p><small>Sources: {escape(sources)}</small></p></div>")
    text = "\n".join([f"What the evidence says: {cl.title}", f"The article claims (paraphrased): {cl.claim}",
                      evidence, f"In short: {cl.verdict}", f"Sources: {sources}"])
    return HtmlBlock(html, text)
