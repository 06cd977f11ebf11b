"""Invasiveness, benefit and harm at a glance: the data behind the one picture per condition (pure; no widgets/plots).

For one condition, :func:`glance` returns a row per option a guideline (or a trial the course holds) addresses, in
invasiveness order 0-5, each with

- **benefit** in plain categories with the time point, judged against the estimate's own comparator and MID
  (:func:`benefit_category`): ``important`` only where the estimate reaches the MID and its interval excludes no
  effect; ``small`` (below the threshold); ``shown_no_threshold`` (the interval excludes no effect but the source
  gives no threshold); ``none_shown`` (against placebo, sham, usual care or no treatment, the interval includes no
  effect); ``similar`` (head-to-head against another active option, the interval includes no effect: never "no
  benefit"); ``no_interval``; and ``not_estimated`` when the course holds no estimate **for this condition** (evidence
  is never borrowed from another condition);
- **serious harm** from ``content/harms.yaml``: a natural frequency with its definition, population and follow-up, or
  "not quantified" (the course looked and found no trustworthy figure), or "not gathered" (the course has not looked:
  a gap in the course, drawn differently);
- **NICE / ACP / WHO** directions with the guideline's condition; ``out_of_scope``, ``not_addressed`` (in scope,
  silent) and ``no_record`` (the course holds no position for this condition) stay three different things.

Examples
--------
>>> g = glance("chronic_lbp")
>>> [(r.level, r.treatment) for r in g.rows][:3]
[(0, 'education_advice'), (0, 'mobility_assistive_products'), (0, 'lumbar_supports')]
>>> row = g.row("exercise_therapy")
>>> [(b.outcome, b.category) for b in row.benefit]
[('Pain', 'important'), ('Function', 'small')]
>>> g.row("spinal_cord_stimulation").harm.figures[0].value
178.0
>>> glance("stenosis").row("exercise_therapy").benefit[0].label
'Similar to surgical decompression'
>>> glance("chronic")
Traceback (most recent call last):
...
ValueError: 'chronic' is not a valid condition; supported values are acute_nonspecific_lbp, chronic_lbp, sciatica, stenosis (similar: chronic_lbp)
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..choices import check_choice
from ..content import load_content as _content
from ..content.harms import load_harms as _harms
from ..content.memo import per_content
from ..fmt import num

#: condition id -> how the series names it
CONDITIONS: dict[str, str] = {
    "acute_nonspecific_lbp": "Acute non-specific low back pain",
    "chronic_lbp": "Chronic low back pain",
    "sciatica": "Sciatica (radicular leg pain)",
    "stenosis": "Spinal stenosis with neurogenic claudication",
}
GUIDELINES = ("NICE", "ACP", "WHO")

#: benefit category -> (symbol, words); a symbol AND words, so meaning never rests on colour
BENEFIT = {
    "important": ("●", "Important benefit"),
    "small": ("◔", "Small, below the threshold"),
    "shown_no_threshold": ("◑", "Benefit shown; the source gives no threshold"),
    "similar": ("═", "Similar to"),
    "none_shown": ("○", "No benefit shown"),
    "no_interval": ("◌", "Estimate without an interval"),
    "not_estimated": ("·", "Not estimated"),
}
BENEFIT_RANK = {"important": 5, "small": 3, "shown_no_threshold": 3, "similar": 2, "no_interval": 1,
                "none_shown": 0, "not_estimated": -1}
#: guideline status -> (symbol, words)
STATUS = {
    "for": ("✓", "For"),
    "against": ("✗", "Against"),
    "only_if": ("◐", "Only if (see the condition)"),
    "no_recommendation": ("○", "No recommendation"),
    "out_of_scope": ("—", "Out of scope"),
    "not_addressed": ("·", "Not addressed"),
    "unconfirmed": ("?", "Not confirmed"),
    "no_record": ("‥", "No position recorded by the course"),
}
HARM_KINDS = {
    "figure": "a figure from a source",
    "not_quantified": "not quantified: no trustworthy figure found",
    "not_gathered": "not gathered by the course (a gap in the course, not in the evidence)",
}
_INACTIVE = {"placebo", "sham", "usual_care", "no_treatment"}
_ADD_ON = {"exercise_alone"}
_OUTCOME_GROUPS = (("Pain", {"pain", "leg_pain", "back_pain"}),
                   ("Function", {"function", "disability"}),
                   ("Other", {"recovery", "global_improvement", "work"}))
_RATIOS = {"hazard_ratio", "risk_ratio", "odds_ratio"}
_COMPARATOR_WORDS = {"placebo": "placebo", "sham": "a sham procedure", "usual_care": "usual care",
                     "no_treatment": "no treatment", "delayed_surgery": "delayed surgery",
                     "non_surgical_care": "non-surgical care", "exercise_alone": "exercise alone",
                     "another_treatment": "another treatment"}
_CERTAINTY = {"high": "high certainty", "moderate": "moderate certainty", "low": "low certainty",
              "very_low": "very low certainty", "not_stated": "certainty not graded by the source"}
#: WHO 2023 speaks to chronic primary low back pain "with or without spine-related leg pain"
WHO_SCOPE = {
    "acute_nonspecific_lbp": "WHO 2023 covers chronic primary low back pain only.",
    "stenosis": "WHO 2023 covers chronic primary low back pain, not pain attributed to a specific condition "
                "such as stenosis.",
}
WHO_SCIATICA_NOTE = "Chronic pain only: WHO 2023 covers chronic primary low back pain with or without spine-related leg pain."


def _lower_first(text: str) -> str:
    return text if text[1:2].isupper() else text[0].lower() + text[1:]


def comparator_words(effect) -> str:
    """'placebo', or the named active comparator ('advice to stay active')."""
    if effect.comparator_detail:
        return _lower_first(effect.comparator_detail)
    return _COMPARATOR_WORDS[effect.comparator]


def benefit_category(effect) -> str:
    """The plain category of one estimate against its own comparator and MID.

    Examples
    --------
    >>> from backcare.content import load_content
    >>> c = load_content()
    >>> [benefit_category(c.effect(i)) for i in ("exercise_chronic_pain", "nsaids_acute_pain", "rf_facet_pain_3_months",
    ...     "smt_vs_recommended_pain", "nsaids_chronic_pain", "esi_pinto_leg_pain")]
    ['important', 'small', 'none_shown', 'similar', 'shown_no_threshold', 'no_interval']
    """
    if effect.low is None or effect.high is None:
        return "no_interval"
    null = 1.0 if effect.measure in _RATIOS else 0.0
    excludes_null = effect.low > null or effect.high < null
    if not excludes_null:
        active = effect.comparator not in _INACTIVE and effect.comparator not in _ADD_ON
        return "similar" if active else "none_shown"
    favours = (effect.estimate < null) if effect.better == "lower" else (effect.estimate > null)
    if not favours:
        return "none_shown"  # the comparator did better: no benefit of the option shown
    if effect.mid is None or effect.measure in _RATIOS:
        return "shown_no_threshold"
    return "important" if abs(effect.estimate - null) >= effect.mid else "small"


@dataclass(frozen=True)
class EffectDetail:
    """One estimate behind a benefit line, in words, with its category and source."""
    id: str
    category: str
    text: str
    comparator: str
    reference: str


@dataclass(frozen=True)
class BenefitLine:
    """One outcome's benefit in a plain category, with its time point(s) and comparator(s)."""

    outcome: str
    category: str
    label: str
    time_point: str
    comparators: tuple[str, ...]
    count: int
    of: int
    details: tuple[EffectDetail, ...]

    @property
    def symbol(self) -> str:
        return BENEFIT[self.category][0]

    @property
    def text(self) -> str:
        share = f" ({self.count} of {self.of} estimates)" if self.of > 1 else ""
        return f"{self.outcome}, {self.time_point}: {self.label}{share}"


@dataclass(frozen=True)
class HarmCell:
    kind: str  # figure | not_quantified | not_gathered
    figures: tuple = ()
    more: tuple = ()
    reason: str | None = None


@dataclass(frozen=True)
class GuidelineCell:
    guideline: str
    status: str
    strength: str | None = None
    condition: str | None = None
    reason: str | None = None
    reference: str | None = None
    paraphrase: str | None = None

    @property
    def symbol(self) -> str:
        return STATUS[self.status][0]

    @property
    def label(self) -> str:
        words = STATUS[self.status][1]
        if self.strength and self.status in ("for", "against"):
            words += f" ({self.strength.replace('_', ' ')})"
        return words


@dataclass(frozen=True)
class GlanceRow:
    treatment: str
    name: str
    level: int
    level_name: str
    purpose: str
    benefit: tuple[BenefitLine, ...]
    harm: HarmCell
    guidelines: tuple[GuidelineCell, ...]

    @property
    def best_benefit(self) -> str:
        if not self.benefit:
            return "not_estimated"
        return max((b.category for b in self.benefit), key=BENEFIT_RANK.__getitem__)


@dataclass(frozen=True)
class Glance:
    condition: str
    condition_name: str
    rows: tuple[GlanceRow, ...]
    levels: dict = field(default_factory=dict)

    def row(self, treatment: str) -> GlanceRow:
        for r in self.rows:
            if r.treatment == treatment:
                return r
        raise KeyError(f"{treatment!r} is not on the {self.condition} chart; rows are "
                       f"{', '.join(r.treatment for r in self.rows)}")


def options_for(condition: str) -> list[str]:
    """Treatment ids on the chart for ``condition``: listed for it in treatments.yaml, or named by a verified
    guideline position or an effect estimate for exactly this condition; ordered by level, then file order.

    Examples
    --------
    >>> options_for("stenosis")
    ['education_advice', 'exercise_therapy', 'epidural_steroid_injection', 'decompression', 'spinal_fusion']
    """
    check_choice(condition, tuple(CONDITIONS), what="condition")
    c = _content()
    named = {p.treatment for p in c.positions
             if p.verified and p.population == condition and p.direction in ("for", "against", "only_if", "no_recommendation")}
    named |= {e.treatment for e in c.effects if e.population == condition}
    ids = [t.id for t in c.treatments.values() if condition in t.conditions or t.id in named]
    return sorted(ids, key=lambda tid: c.treatments[tid].invasiveness)


def _detail(effect, category: str, reference_label) -> EffectDetail:
    interval = f"{num(effect.low)} to {num(effect.high)}" if effect.low is not None else "no interval held"
    mid = f"threshold (MID) {num(effect.mid)}" if effect.mid is not None else "the source gives no threshold"
    measure = {"hazard_ratio": "hazard ratio", "risk_ratio": "risk ratio", "odds_ratio": "odds ratio",
               "standardised_mean_difference": "standardised mean difference"}.get(effect.measure,
                                                                                    "mean difference")
    approx = "; approximate" if effect.approximate else ""
    text = (f"{reference_label(effect.reference)}: {effect.outcome.replace('_', ' ')} on {effect.scale}, "
            f"{effect.time_point}: {measure} {num(effect.estimate)} ({interval}) vs {comparator_words(effect)}; "
            f"{mid}; {_CERTAINTY[effect.certainty]}{approx}.")
    return EffectDetail(effect.id, category, text, comparator_words(effect), effect.reference)


def _reference_label(key: str) -> str:
    ref = _content().references[key]
    if ref.label:
        return ref.label
    first = ref.authors.split(",")[0].split(" ")[0]
    return f"{first} {ref.year}" if ref.year else first


def benefit_lines(treatment: str, condition: str) -> tuple[BenefitLine, ...]:
    """Benefit of ``treatment`` in ``condition``: one line per outcome group (pain, function, recovery) and category.

    Only estimates whose population is exactly ``condition`` count. Where some estimates in a group have an interval,
    those without one are listed in the details only.

    Examples
    --------
    >>> [(b.category, b.count, b.of) for b in benefit_lines("rf_denervation", "chronic_lbp")]
    [('small', 2, 3), ('none_shown', 1, 3)]
    >>> benefit_lines("rf_denervation", "chronic_lbp")[0].label
    'Small, below the threshold (added to standardised exercise programme)'
    >>> benefit_lines("rf_denervation", "sciatica")
    ()
    """
    effects = [e for e in _content().effects if e.treatment == treatment and e.population == condition]
    lines: list[BenefitLine] = []
    for outcome, names in _OUTCOME_GROUPS:
        group = [e for e in effects if e.outcome in names]
        if not group:
            continue
        with_ci = [e for e in group if e.low is not None]
        shown = with_ci or group
        cats = [(e, benefit_category(e)) for e in shown]
        order = sorted({c for _, c in cats}, key=lambda c: -BENEFIT_RANK[c])
        if outcome != "Pain" and lines and not with_ci:
            continue
        for cat in order:
            members = [e for e, c in cats if c == cat]
            comps = tuple(dict.fromkeys(comparator_words(e) for e in members))
            times = ", ".join(dict.fromkeys(e.time_point for e in members))
            label = BENEFIT[cat][1]
            if cat == "similar":
                label = f"Similar to {' / '.join(comps)}"
            elif any(e.comparator in _ADD_ON for e in members):
                label += f" (added to {' / '.join(c.removesuffix(' alone') for c in comps)})"
            elif cat in ("small", "important", "shown_no_threshold") and any(
                    e.comparator not in _INACTIVE for e in members):
                label += f" (vs {' / '.join(comps)})"
            details = tuple(_detail(e, benefit_category(e), _reference_label) for e in group)
            name = outcome if outcome != "Other" else members[0].outcome.replace("_", " ").capitalize()
            lines.append(BenefitLine(name, cat, label, times, comps, len(members), len(shown), details))
    return tuple(lines)


def harm_cell(treatment: str, condition: str) -> HarmCell:
    """Serious harm for the row: headline figures, further records, or why there is no figure.

    Examples
    --------
    >>> harm_cell("discectomy", "sciatica").figures[0].value
    75.0
    >>> harm_cell("facet_joint_injection", "chronic_lbp").kind
    'not_quantified'
    >>> harm_cell("exercise_therapy", "chronic_lbp").kind
    'not_gathered'
    """
    records = _harms().for_treatment(treatment, condition)
    if not records:
        return HarmCell("not_gathered")
    quantified = [r for r in records if r.value is not None]
    if not quantified:
        return HarmCell("not_quantified", reason=records[0].not_quantified, more=tuple(records))
    head = tuple(r for r in quantified if r.headline) or (quantified[0],)
    return HarmCell("figure", figures=head, more=tuple(r for r in records if r not in head))


def guideline_cell(treatment: str, guideline: str, condition: str) -> GuidelineCell:
    """What ``guideline`` says on ``treatment`` for ``condition``.

    A position written for the condition wins. NICE's and ACP's ``any_lbp`` positions apply to acute, chronic and
    sciatica (NICE NG59 covers "low back pain with or without sciatica"), not to stenosis. WHO 2023 applies to chronic
    low back pain, and to sciatica only as chronic spine-related leg pain; acute pain and stenosis are outside it.

    Examples
    --------
    >>> guideline_cell("epidural_steroid_injection", "NICE", "stenosis").status
    'against'
    >>> guideline_cell("exercise_therapy", "NICE", "sciatica").status
    'for'
    >>> guideline_cell("exercise_therapy", "NICE", "stenosis").status
    'no_record'
    >>> guideline_cell("nsaids", "WHO", "acute_nonspecific_lbp").status
    'out_of_scope'
    """
    c = _content()
    found = {p.population: p for p in c.positions_for(treatment, guideline)}
    p = found.get(condition)
    note = None
    if p is None and guideline in ("NICE", "ACP") and condition != "stenosis":
        p = found.get("any_lbp")
    if p is None and guideline == "WHO":
        if condition in WHO_SCOPE:
            return GuidelineCell(guideline, "out_of_scope", reason=WHO_SCOPE[condition], reference="WHO2023")
        p = found.get("chronic_lbp")
        if condition == "sciatica":
            note = WHO_SCIATICA_NOTE
    if p is None and guideline == "ACP" and c.treatments[treatment].invasiveness >= 3:
        return GuidelineCell(guideline, "out_of_scope", reason="ACP 2017 covers non-invasive treatments only.",
                             reference="ACP2017")
    if p is None:
        return GuidelineCell(guideline, "no_record",
                             reason=f"The course holds no {guideline} position on this for this condition.")
    if not p.verified:
        return GuidelineCell(guideline, "unconfirmed", reason=p.note, reference=p.reference)
    condition_text = " ".join(t for t in (p.condition, note) if t) or None
    return GuidelineCell(guideline, p.direction, strength=p.strength, condition=condition_text,
                         reference=p.reference, paraphrase=p.paraphrase)


@per_content
def glance(condition: str) -> Glance:
    """The rows of the picture for ``condition`` (see the module docstring), built once per loaded content."""
    check_choice(condition, tuple(CONDITIONS), what="condition")
    c = _content()
    levels = {lv.level: lv.name for lv in c.invasiveness_levels}
    rows = []
    for tid in options_for(condition):
        t = c.treatments[tid]
        rows.append(GlanceRow(
            treatment=tid, name=t.name, level=t.invasiveness, level_name=levels[t.invasiveness], purpose=t.purpose,
            benefit=benefit_lines(tid, condition), harm=harm_cell(tid, condition),
            guidelines=tuple(guideline_cell(tid, g, condition) for g in GUIDELINES)))
    return Glance(condition, CONDITIONS[condition], tuple(rows), levels)

