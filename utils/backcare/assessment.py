"""Chapter 02, assessment and diagnosis: red flags, STarT Back, nerve roots, test accuracy, imaging findings in
people without back pain, outcome measures.

Scoring and test arithmetic come from :mod:`backcare.clinical` (never re-implemented here); numbers come from
``content/facts.yaml`` and ``content/chapters/02_assessment_and_diagnosis.yaml``. Teaching material, not medical
advice.

Examples
--------
>>> report = red_flag_report(["older_age", "corticosteroids"])
>>> [(f.id, f.post_test.value if f.post_test else None) for f in report.findings]
[('older_age', 9), ('corticosteroids', 33)]
>>> report.combined[0].value, report.emergency
(90, False)
>>> red_flag_report(["back_pain"])
Traceback (most recent call last):
...
ValueError: unknown red flag 'back_pain'; allowed: older_age, corticosteroids, severe_trauma, contusion, history_of_cancer, weight_loss, fever, immunosuppression, bladder_bowel, saddle_numbness, leg_weakness, inflammatory_pattern
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Literal, Mapping

import ipywidgets as widgets
from pydantic import Field, model_validator

from .content import notices as _notices
from . import clinical
from ._chapterkit import HtmlBlock, fact, fact_value, load_chapter, number
from .content.models import Confidence, ContentFile, Id, Key, Strict, Text
from .figures import PALETTE, Table, course_style, render_figure
from .widgets import WIDE, Explorer, _Described, escape, explorer, nested_explorer

STEM = "02_assessment_and_diagnosis"
NOT_ADVICE = _notices.notice_text()  # one wording, content/notices.yaml


# ----------------------------------------------------------------------------------------------- chapter data
class ConditionInfo(Strict):
    id: Literal["cauda_equina", "fracture", "malignancy", "infection", "inflammatory"]
    name: Text
    action: Text
    emergency: bool


class PostTest(Strict):
    """A single-flag post-test probability: point value from a fact, 95% interval with its own source."""

    fact: Id
    low: float
    high: float
    reference: Key
    confidence: Confidence


class RedFlag(Strict):
    id: Id
    finding: Text
    condition: Literal["cauda_equina", "fracture", "malignancy", "infection", "inflammatory"]
    post_test: PostTest | None = None
    references: list[Key] = Field(default_factory=list)
    emergency: bool = False

    @model_validator(mode="after")
    def _sourced(self) -> "RedFlag":
        if self.post_test is None and not self.references:
            raise ValueError("a red flag needs a post_test or at least one reference")
        return self


class Combined(Strict):
    id: Id
    condition: Literal["fracture", "malignancy"]
    applies_when: Text
    fact: Id
    low: float
    high: float
    reference: Key
    confidence: Confidence
    note: Text


class StartBackGroup(Strict):
    risk: Literal["low", "medium", "high"]
    rule: Text
    matched_care: Text
    outcome_fact: Id


class NerveRoot(Strict):
    root: Literal["L4", "L5", "S1"]
    usual_disc: Text
    motor: Text
    reflex: Text
    sensory: Text


class NerveRoots(Strict):
    reference: Key
    roots: list[NerveRoot] = Field(min_length=3, max_length=3)


class ExamTest(Strict):
    id: Id
    name: Text
    sensitivity_fact: Id
    specificity_fact: Id
    target: Text
    population: Text
    """Where the accuracy figures come from (primary care, surgical series ...): printed beside them (issue 15)."""


class Finding(Strict):
    name: Text
    values: list[int]
    confidence: list[Confidence]
    modelled_ages: list[int] = Field(default_factory=list)


class Imaging(Strict):
    reference: Key
    ages: list[int] = Field(min_length=2)
    findings: list[Finding] = Field(min_length=1)

    @model_validator(mode="after")
    def _shapes(self) -> "Imaging":
        for f in self.findings:
            if len(f.values) != len(self.ages) or len(f.confidence) != len(self.ages):
                raise ValueError(f"{f.name}: give one value and one confidence per age ({len(self.ages)})")
            if any(not 0 <= v <= 100 for v in f.values):
                raise ValueError(f"{f.name}: values are percentages from 0 to 100")
            bad = [a for a in f.modelled_ages if a not in self.ages]
            if bad:
                raise ValueError(f"{f.name}: modelled ages {bad} are not among the ages {self.ages}")
        return self


class OutcomeMeasure(Strict):
    name: Text
    range: Text
    mic_fact: Id
    extra: Text | None = None


class AssessmentFile(ContentFile):
    """``content/chapters/02_assessment_and_diagnosis.yaml``."""

    conditions: list[ConditionInfo]
    red_flags: list[RedFlag] = Field(min_length=1)
    combined: list[Combined]
    start_back_groups: list[StartBackGroup] = Field(min_length=3, max_length=3)
    start_back_care_reference: Key
    start_back_care_confidence: Confidence
    nerve_roots: NerveRoots
    exam_tests: list[ExamTest] = Field(min_length=1)
    imaging: Imaging
    outcome_measures: list[OutcomeMeasure] = Field(min_length=1)

    def reference_keys(self):
        for i, f in enumerate(self.red_flags):
            for k in f.references:
                yield f"red_flags.{i}.references", k
            if f.post_test:
                yield f"red_flags.{i}.post_test.reference", f.post_test.reference
        for i, c in enumerate(self.combined):
            yield f"combined.{i}.reference", c.reference
        yield "start_back_care_reference", self.start_back_care_reference
        yield "nerve_roots.reference", self.nerve_roots.reference
        yield "imaging.reference", self.imaging.reference

    def fact_ids(self):
        for i, f in enumerate(self.red_flags):
            if f.post_test:
                yield f"red_flags.{i}.post_test.fact", f.post_test.fact
        for i, c in enumerate(self.combined):
            yield f"combined.{i}.fact", c.fact
        for i, g in enumerate(self.start_back_groups):
            yield f"start_back_groups.{i}.outcome_fact", g.outcome_fact
        for i, t in enumerate(self.exam_tests):
            yield f"exam_tests.{i}.sensitivity_fact", t.sensitivity_fact
            yield f"exam_tests.{i}.specificity_fact", t.specificity_fact
        for i, m in enumerate(self.outcome_measures):
            yield f"outcome_measures.{i}.mic_fact", m.mic_fact


def chapter_data() -> AssessmentFile:
    """The validated chapter 02 dataset (cached)."""
    return load_chapter(STEM, AssessmentFile)


def _condition(cid: str) -> ConditionInfo:
    return next(c for c in chapter_data().conditions if c.id == cid)


def _table(caption: str, columns: list[str], rows: list[list[str]], *, row_header: bool = True) -> HtmlBlock:
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in columns)
    body = []
    for row in rows:
        cells = [f'<th scope="row">{escape(row[0])}</th>' if row_header else f"<td>{escape(row[0])}</td>"]
        cells += [f"<td>{escape(v)}</td>" for v in row[1:]]
        body.append("<tr>" + "".join(cells) + "</tr>")
    html_ = (f'<table class="bc-table"><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>'
             f"<tbody>{''.join(body)}</tbody></table>")
    text = "\n".join([" | ".join(columns)] + [" | ".join(r) for r in rows])
    return HtmlBlock(html_, text)


# -------------------------------------------------------------------------------------------------- red flags
@dataclass(frozen=True)
class Probability:
    """A reported post-test probability (percent) with its 95% interval and source; never computed here."""

    value: int | float
    low: int | float
    high: int | float
    source: str

    def text(self) -> str:
        return f"{self.value}% (95% CI {self.low} to {self.high}%; {self.source})"


@dataclass(frozen=True)
class FlagFinding:
    id: str
    finding: str
    condition: str
    post_test: Probability | None
    emergency: bool


@dataclass(frozen=True)
class CombinedFinding:
    applies_when: str
    value: int | float
    low: int | float
    high: int | float
    note: str


@dataclass(frozen=True)
class RedFlagReport:
    """What the ticked red flags point to: each flag on its own, combined figures only where a source reports them."""

    findings: tuple[FlagFinding, ...]
    combined: tuple[CombinedFinding, ...]
    emergency: bool

    def to_text(self) -> str:
        if not self.findings:
            return "No red flag ticked."
        lines = []
        if self.emergency:
            lines.append("SAME-DAY EMERGENCY: a ticked finding can mean cauda equina syndrome or another emergency.")
        for f in self.findings:
            p = f.post_test.text() if f.post_test else "no single-flag probability reported in course sources"
            lines.append(f"{f.finding} -> {_condition(f.condition).name}: {p}")
        for c in self.combined:
            lines.append(f"Reported combination ({c.applies_when}): {c.value}% (95% CI {c.low} to {c.high}%)")
        return "\n".join(lines)

    def to_html(self) -> str:
        if not self.findings:
            return ('<div class="bc-box" role="status"><p>No red flag ticked. Most people with back pain have none '
                    "of these findings; keep asking, because new symptoms can appear later.</p></div>")
        parts = ['<div class="bc-box" role="status">']
        if self.emergency:
            parts.append('<p class="bc-urgent"><strong>Same-day emergency.</strong> A ticked finding can be a sign '
                         "of cauda equina syndrome or another emergency: arrange emergency assessment today.</p>")
        rows = []
        for f in self.findings:
            p = escape(f.post_test.text()) if f.post_test else "not reported for this flag alone"
            rows.append(f'<tr><th scope="row">{escape(f.finding)}</th><td>{escape(_condition(f.condition).name)}'
                        f"</td><td>{p}</td></tr>")
        parts.append('<table class="bc-table"><caption>Each ticked flag on its own</caption><thead><tr>'
                     '<th scope="col">Finding</th><th scope="col">Points to</th>'
                     '<th scope="col">Probability of that condition with this flag alone</th></tr></thead>'
                     f"<tbody>{''.join(rows)}</tbody></table>")
        for c in self.combined:
            parts.append(f"<p><strong>Reported combination</strong> ({escape(c.applies_when)}): "
                         f"{escape(c.value)}% (95% CI {escape(c.low)} to {escape(c.high)}%). {escape(c.note)}</p>")
        if len(self.findings) > 1:
            parts.append("<p>Red flags are not independent of each other, so their single-flag figures are "
                         "<strong>never multiplied</strong> together here.</p>")
        conditions = []
        for f in self.findings:
            if f.condition not in conditions:
                conditions.append(f.condition)
        parts.append("<ul>" + "".join(f"<li><strong>{escape(_condition(c).name)}:</strong> "
                                      f"{escape(_condition(c).action)}</li>" for c in conditions) + "</ul>")
        parts.append(f"<p><em>{escape(NOT_ADVICE)}</em></p></div>")
        return "".join(parts)


def red_flag_ids() -> list[str]:
    return [f.id for f in chapter_data().red_flags]


def red_flag_report(ticked: Iterable[str]) -> RedFlagReport:
    """Report on a set of ticked red flags (ids from :func:`red_flag_ids`), in the order of the list.

    Single-flag post-test probabilities are shown as reported (Downie 2013); a combined figure appears only where a
    source reports one for that kind of combination; nothing is multiplied.
    """
    if isinstance(ticked, str):
        ticked = [ticked]
    ticked = list(ticked)
    allowed = red_flag_ids()
    for t in ticked:
        if t not in allowed:
            raise ValueError(f"unknown red flag {t!r}; allowed: {', '.join(allowed)}")
    findings = []
    for f in chapter_data().red_flags:
        if f.id not in ticked:
            continue
        p = None
        if f.post_test:
            label = "Downie 2013" if f.post_test.reference == "Downie2013" else f.post_test.reference
            p = Probability(fact_value(f.post_test.fact), number(f.post_test.low), number(f.post_test.high), label)
        findings.append(FlagFinding(f.id, f.finding, f.condition, p, f.emergency or _condition(f.condition).emergency))
    combined = []
    for c in chapter_data().combined:
        n = sum(1 for f in findings if f.condition == c.condition)
        if n >= 2:
            combined.append(CombinedFinding(c.applies_when, fact_value(c.fact), number(c.low), number(c.high), c.note))
    return RedFlagReport(tuple(findings), tuple(combined), any(f.emergency for f in findings))


def red_flag_table() -> HtmlBlock:
    """Every red flag in the course, what it points to and its single-flag figure where one is reported.

    Examples
    --------
    >>> red_flag_table().text.splitlines()[2].split(" | ")[2]
    '33% (95% CI 10 to 67%; Downie 2013)'
    """
    rows = []
    for f in chapter_data().red_flags:
        rep = red_flag_report([f.id]).findings[0]
        p = rep.post_test.text() if rep.post_test else "not reported alone"
        action = "same-day emergency" if rep.emergency else _condition(f.condition).action
        rows.append([f.finding, _condition(f.condition).name, p, action])
    return _table("Red flags: what each points to (single-flag figures, never multiplied)",
                  ["Finding", "Points to", "Probability with this flag alone", "What to do"], rows)


class RedFlagChecker(_Described, widgets.VBox):
    """Checkboxes for red-flag findings and the report for the ticked set (live kernel)."""

    def __init__(self, ticked: Iterable[str]):
        flags = chapter_data().red_flags
        self.boxes = {f.id: widgets.Checkbox(value=f.id in ticked, description=f.finding, indent=False,
                                             layout=widgets.Layout(width="auto")) for f in flags}
        self.output = widgets.HTML()
        for box in self.boxes.values():
            box.observe(lambda _change: self.update(), names="value")
        title = widgets.HTML("<p><strong>Tick the findings present</strong> (synthetic case)</p>")
        super().__init__(children=[title, *self.boxes.values(), self.output])
        self.update()

    def ticked(self) -> list[str]:
        return [fid for fid, box in self.boxes.items() if box.value]

    def update(self) -> None:
        self.output.value = red_flag_report(self.ticked()).to_html()

    def describe(self) -> str:
        return "Red-flag checker. " + red_flag_report(self.ticked()).to_text()


def red_flag_checker(ticked: Iterable[str] = ("older_age", "corticosteroids")) -> RedFlagChecker:
    """A live red-flag checker opening on a synthetic case (by default an older person on long-term steroids).

    Examples
    --------
    >>> checker = red_flag_checker()
    >>> checker.boxes["saddle_numbness"].value = True
    >>> "Same-day emergency" in checker.output.value
    True
    >>> red_flag_checker(["sore_back"])
    Traceback (most recent call last):
    ...
    ValueError: unknown red flag 'sore_back'; allowed: older_age, corticosteroids, severe_trauma, contusion, history_of_cancer, weight_loss, fever, immunosuppression, bladder_bowel, saddle_numbness, leg_weakness, inflammatory_pattern
    """
    red_flag_report(ticked)  # validates the ids
    return RedFlagChecker(list(ticked))


def red_flag_paradox_counts(population: int = 1000) -> tuple[int, int]:
    """(people with at least one red flag, people with serious pathology) out of ``population`` (Henschke 2009)."""
    from ._chapterkit import round_half_up

    if isinstance(population, bool) or not isinstance(population, int) or population < 100:
        raise ValueError(f"population must be a whole number of people, 100 or more, got {population!r}")
    flagged = round_half_up(fact("henschke2009_any_red_flag").value / 100 * population)
    serious = round_half_up(fact("henschke2009_serious_pathology").value / 100 * population)
    return flagged, serious


def show_red_flag_paradox(population: int = 1000):
    """Icon array: most people have a red flag, very few have serious pathology (Henschke 2009).

    Examples
    --------
    >>> show_red_flag_paradox().table.rows
    [['At least one red flag', 804], ['Serious pathology', 9], ['No red flag', 196]]
    >>> show_red_flag_paradox(10)
    Traceback (most recent call last):
    ...
    ValueError: population must be a whole number of people, 100 or more, got 10
    """
    import matplotlib.pyplot as plt

    flagged, serious = red_flag_paradox_counts(population)
    cols = 40 if population == 1000 else 20
    rows_n = -(-population // cols)
    with course_style():
        fig, ax = plt.subplots(figsize=(8.0, 6.0))
        kinds = ["serious"] * serious + ["flag"] * (flagged - serious) + ["none"] * (population - flagged)
        styles = {
            "serious": dict(marker="^", color=PALETTE["vermillion"], edgecolors="black", s=40, linewidths=0.6,
                            label=f"Red flag and serious pathology: {serious}"),
            "flag": dict(marker="s", color=PALETTE["orange"], s=20, linewidths=0,
                         label=f"Red flag, no serious pathology: {flagged - serious}"),
            "none": dict(marker="o", facecolors="white", edgecolors=PALETTE["grey"], s=18, linewidths=0.8,
                         label=f"No red flag: {population - flagged}"),
        }
        for kind, st in styles.items():
            idx = [i for i, k in enumerate(kinds) if k == kind]
            ax.scatter([i % cols for i in idx], [-(i // cols) for i in idx], **st)
        ax.set_xlim(-1, cols)
        ax.set_ylim(-rows_n - 0.5, 1)
        ax.set_aspect("equal")
        ax.axis("off")
        ax.set_title(f"Out of {population:,} adults with acute low back pain in primary care")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.01), ncol=2, fontsize=9.5, markerscale=1.5)
    alt = (f"Icon array of {population:,} adults with acute low back pain in primary care (Henschke 2009): "
           f"{flagged} had at least one red flag ({number(fact('henschke2009_any_red_flag').value)}%), but only "
           f"{serious} had serious pathology ({number(fact('henschke2009_serious_pathology').value)}%). "
           "Serious cases are drawn as triangles; for simplicity the chart places them among the people with a flag.")
    table = Table(["Group", f"People out of {population:,}"],
                  [["At least one red flag", flagged], ["Serious pathology", serious],
                   ["No red flag", population - flagged]])
    return render_figure(fig, alt, table=table)


# ------------------------------------------------------------------------------------------------- STarT Back
#: The synthetic case the STarT Back widget opens on: leg pain, walking and dressing limited, very bothersome.
SYNTHETIC_START_BACK = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: False, 8: False, 9: True}


def _group(risk: str) -> StartBackGroup:
    return next(g for g in chapter_data().start_back_groups if g.risk == risk)


def start_back_summary(answers: Mapping[int, bool]) -> HtmlBlock:
    """Scores, risk group and the matched care in the UK trial, from :func:`backcare.clinical.start_back`."""
    result = clinical.start_back(answers)
    g = _group(result.risk)
    text = (f"Total score {result.total} of 9; psychosocial subscale {result.psychosocial} of 5; risk group: "
            f"{result.risk}. Rule: {g.rule} Matched care: {g.matched_care} In a US primary-care validation, "
            f"{fact_value(g.outcome_fact)}% of people in this group still had disabling pain at 6 months.")
    html_ = (f'<div class="bc-box" role="status"><p><strong>Total score:</strong> {result.total} of 9. '
             f"<strong>Psychosocial subscale</strong> (items 5 to 9): {result.psychosocial} of 5.</p>"
             f'<p><strong>Risk group: <span class="bc-risk">{escape(result.risk)}</span></strong> '
             f"({escape(g.rule)})</p><p><strong>Matched care</strong> (outline): {escape(g.matched_care)}</p>"
             f"<p>In a US primary-care validation, {fact_value(g.outcome_fact)}% of people in this group still had "
             f"disabling pain at 6 months (Suri 2018).</p><p><em>{escape(clinical.START_BACK_SOURCE)}. "
             f"{escape(NOT_ADVICE)}</em></p></div>")
    return HtmlBlock(html_, text)


class StartBackCalculator(_Described, widgets.VBox):
    """Nine checkboxes (teaching paraphrase of the items) -> scores and risk group from ``clinical.start_back``."""

    def __init__(self, answers: Mapping[int, bool]):
        self.boxes = {
            item.number: widgets.Checkbox(value=bool(answers[item.number]),
                                          description=f"{item.number}. {item.text}", indent=False,
                                          layout=widgets.Layout(width="auto"))
            for item in clinical.START_BACK_ITEMS
        }
        self.output = widgets.HTML()
        for box in self.boxes.values():
            box.observe(lambda _change: self.update(), names="value")
        note = widgets.HTML(f"<p><strong>STarT Back items</strong> ({escape(clinical.START_BACK_SOURCE)}). "
                            "Tick the statements the person agrees with. Opens on a synthetic case.</p>")
        super().__init__(children=[note, *self.boxes.values(), self.output])
        self.update()

    def answers(self) -> dict[int, bool]:
        return {n: box.value for n, box in self.boxes.items()}

    def update(self) -> None:
        self.output.value = start_back_summary(self.answers()).html

    def describe(self) -> str:
        return "STarT Back calculator. " + start_back_summary(self.answers()).text


def start_back_calculator(answers: Mapping[int, bool] | None = None) -> StartBackCalculator:
    """The live STarT Back calculator, opening on :data:`SYNTHETIC_START_BACK` (or ``answers``).

    Examples
    --------
    >>> calc = start_back_calculator()
    >>> calc.boxes[5].value = calc.boxes[6].value = calc.boxes[7].value = True
    >>> 'class="bc-risk">high<' in calc.output.value
    True
    >>> start_back_calculator({1: True})
    Traceback (most recent call last):
    ...
    ValueError: items 2, 3, 4, 5, 6, 7, 8 and 9 are missing; answer every item 1 to 9 with True or False
    """
    answers = dict(SYNTHETIC_START_BACK if answers is None else answers)
    clinical.start_back(answers)  # validates: every item 1-9, True or False
    return StartBackCalculator(answers)


#: One example answer pattern per risk group for the static explorer (synthetic).
RISK_EXAMPLES = {
    "low": {1: True, 2: True, 3: False, 4: False, 5: False, 6: True, 7: False, 8: False, 9: False},
    "medium": SYNTHETIC_START_BACK,
    "high": {1: True, 2: False, 3: True, 4: False, 5: True, 6: True, 7: True, 8: False, 9: True},
}


def start_back_explorer(risk: str = "low") -> Explorer:
    """The three risk groups, each with a synthetic answer pattern and its scored result (works with no kernel).

    Examples
    --------
    >>> start_back_explorer("high").describe()
    'Explorer "STarT Back risk groups": 3 views (Low risk; Medium risk; High risk). Showing: High risk.'
    >>> start_back_explorer("severe")
    Traceback (most recent call last):
    ...
    ValueError: risk must be one of low, medium, high, not 'severe'
    """
    if risk not in RISK_EXAMPLES:
        raise ValueError(f"risk must be one of low, medium, high, not {risk!r}")
    views = []
    for r, answers in RISK_EXAMPLES.items():
        agreed = [f"{i.number}. {i.text}" for i in clinical.START_BACK_ITEMS if answers[i.number]]
        body = (f'<div class="bc-box" role="region" aria-label="STarT Back {r} risk example">'
                f"<p><strong>Synthetic example, {escape(r)} risk.</strong> Items agreed with:</p><ul>"
                + "".join(f"<li>{escape(a)}</li>" for a in agreed) + "</ul>"
                + start_back_summary(answers).html + "</div>")
        views.append((f"{r.capitalize()} risk", body))
    return explorer("STarT Back risk groups", views, description="Risk group", control="toggle",
                    index=list(RISK_EXAMPLES).index(risk))


# ------------------------------------------------------------------------------------------------- nerve roots
def nerve_root_table() -> HtmlBlock:
    """L4, L5 and S1: muscles, reflexes and skin areas to examine (Engstrom 2015).

    Examples
    --------
    >>> nerve_root_table().text.splitlines()[3].split(" | ")[3]
    'Ankle (Achilles) reflex reduced'
    """
    nr = chapter_data().nerve_roots
    rows = [[r.root, r.usual_disc, r.motor, r.reflex, r.sensory] for r in nr.roots]
    return _table("Lumbosacral nerve roots: what to examine",
                  ["Root", "Disc level usually involved", "Weakness", "Reflex", "Altered sensation"], rows)


def nerve_root_explorer(root: str = "L5") -> Explorer:
    """Choose a root to see its examination findings (works with no kernel).

    Examples
    --------
    >>> nerve_root_explorer("S1").describe()
    'Explorer "Nerve roots": 3 views (L4 root; L5 root; S1 root). Showing: S1 root.'
    >>> nerve_root_explorer("L3")
    Traceback (most recent call last):
    ...
    ValueError: root must be one of L4, L5, S1, not 'L3'
    """
    roots = chapter_data().nerve_roots.roots
    names = [r.root for r in roots]
    if root not in names:
        raise ValueError(f"root must be one of {', '.join(names)}, not {root!r}")
    views = []
    for r in roots:
        body = (f'<div class="bc-box" role="region" aria-label="Nerve root {r.root}"><h3>{r.root} root</h3><ul>'
                f"<li><strong>Usually compressed by a disc at:</strong> {escape(r.usual_disc)}</li>"
                f"<li><strong>Weakness:</strong> {escape(r.motor)}</li>"
                f"<li><strong>Reflex:</strong> {escape(r.reflex)}</li>"
                f"<li><strong>Altered sensation:</strong> {escape(r.sensory)}</li></ul></div>")
        views.append((f"{r.root} root", body))
    return explorer("Nerve roots", views, description="Nerve root", index=names.index(root))


# ----------------------------------------------------------------------------------------------- test accuracy
def exam_test(test_id: str) -> tuple[str, float, float]:
    """(name, sensitivity, specificity) of an examination test from content."""
    tests = {t.id: t for t in chapter_data().exam_tests}
    if test_id not in tests:
        raise ValueError(f"test must be one of {', '.join(tests)}, not {test_id!r}")
    t = tests[test_id]
    return t.name, fact(t.sensitivity_fact).value, fact(t.specificity_fact).value


def accuracy_report(pre_test: str | float, sensitivity: str | float, specificity: str | float,
                    positive: bool = True, *, test_name: str = "the test",
                    condition: str | None = None) -> HtmlBlock:
    """Post-test probability and natural frequencies for typed or numeric inputs; a bad entry gives a message.

    >>> accuracy_report("30%", 0.92, 0.28).text.splitlines()[0]
    'After a positive result on the test: 35.4% (pre-test 30.0%).'
    >>> accuracy_report("thirty", 0.92, 0.28).text
    "Pre-test probability: 'thirty' is not a number. Enter a probability between 0 and 1 (for example 0.25) or a percentage (for example 25%)."
    """
    values = {}
    for label, raw in (("Pre-test probability", pre_test), ("Sensitivity", sensitivity),
                       ("Specificity", specificity)):
        try:
            values[label] = clinical.parse_probability(raw) if isinstance(raw, str) else float(raw)
        except ValueError as exc:
            msg = f"{label}: {exc}"
            return HtmlBlock(f'<div class="bc-box" role="alert"><p><strong>Check the entry.</strong> '
                             f"{escape(msg)}</p></div>", msg)
    pre, sens, spec = values["Pre-test probability"], values["Sensitivity"], values["Specificity"]
    try:
        post = clinical.post_test_probability(pre, sens, spec, positive=positive)
        freq = clinical.natural_frequencies(pre, sens, spec)
    except ValueError as exc:
        return HtmlBlock(f'<div class="bc-box" role="alert"><p>{escape(str(exc))}</p></div>', str(exc))
    result = "positive" if positive else "negative"
    head = f"After a {result} result on {test_name}: {post:.1%} (pre-test {pre:.1%})."
    html_ = (f'<div class="bc-box" role="status"><p><strong>After a {result} result on {escape(test_name)}:</strong> '
             f'<span class="bc-post-test">{post:.1%}</span> (pre-test {pre:.1%}).</p>'
             f"<p>{escape(freq.sentence())}</p>"
             + (f"<p>The condition here: {escape(condition)}.</p>" if condition else "") + "</div>")
    return HtmlBlock(html_, head + "\n" + freq.sentence() + (f"\nThe condition here: {condition}." if condition else ""))


class AccuracyCalculator(_Described, widgets.VBox):
    """Choose a test (or enter your own), type a pre-test probability, see the post-test probability."""

    def __init__(self, test: str, pre_test: str, positive: bool):
        self.tests = {t.id: t for t in chapter_data().exam_tests}
        options = [(t.name, t.id) for t in self.tests.values()] + [("Your own test", "own")]
        self.test = widgets.Dropdown(options=options, value=test, description="Test", style=WIDE)
        self.pre_test = widgets.Text(value=pre_test, description="Pre-test probability", style=WIDE,
                                     placeholder="e.g. 30% or 0.3")
        self.sensitivity = widgets.Text(description="Sensitivity", style=WIDE)
        self.specificity = widgets.Text(description="Specificity", style=WIDE)
        self.result = widgets.ToggleButtons(options=[("Positive", True), ("Negative", False)], value=positive,
                                            description="Test result", style=WIDE)
        self.output = widgets.HTML()
        self._fill_test()
        self.test.observe(lambda _c: (self._fill_test(), self.update()), names="value")
        for w in (self.pre_test, self.sensitivity, self.specificity, self.result):
            w.observe(lambda _c: self.update(), names="value")
        super().__init__(children=[self.test, self.pre_test, self.sensitivity, self.specificity, self.result,
                                   self.output])
        self.update()

    def _fill_test(self) -> None:
        own = self.test.value == "own"
        if not own:
            _name, sens, spec = exam_test(self.test.value)
            self.sensitivity.value, self.specificity.value = f"{sens:g}", f"{spec:g}"
        self.sensitivity.disabled = self.specificity.disabled = not own

    def test_name(self) -> str:
        if self.test.value == "own":
            return "your test"
        t = self.tests[self.test.value]
        return f"the {t.name.lower()} (accuracy studied in: {t.population})"

    def report(self) -> HtmlBlock:
        condition = None if self.test.value == "own" else self.tests[self.test.value].target
        return accuracy_report(self.pre_test.value, self.sensitivity.value, self.specificity.value,
                               self.result.value, test_name=self.test_name(), condition=condition)

    def update(self) -> None:
        self.output.value = self.report().html

    def describe(self) -> str:
        return "Test accuracy calculator. " + self.report().text


def accuracy_calculator(test: str = "slr", pre_test: str = "30%", positive: bool = True) -> AccuracyCalculator:
    """Live calculator opening on a synthetic case (straight leg raise, pre-test 30%, positive result).

    Examples
    --------
    >>> calc = accuracy_calculator()
    >>> calc.pre_test.value = "10%"
    >>> calc.report().text.splitlines()[0]
    'After a positive result on the straight leg raise: 12.4% (pre-test 10.0%).'
    >>> accuracy_calculator(test="mri")
    Traceback (most recent call last):
    ...
    ValueError: test must be one of slr, crossed_slr, not 'mri'
    """
    if test != "own":
        exam_test(test)
    return AccuracyCalculator(test, pre_test, positive)


#: Pre-test probabilities for the static explorer: synthetic teaching scenarios, not facts.
SCENARIOS = (("Low (10%)", 0.10), ("Middle (30%)", 0.30), ("High (60%)", 0.60))


def accuracy_explorer() -> object:
    """Pre-computed scenarios: test (dropdown) x pre-test probability (buttons); works with no kernel.

    Examples
    --------
    >>> ex = accuracy_explorer()
    >>> ex.outer.index = 1
    >>> ex.describe()
    'Explorer "Test accuracy scenarios": 2 x 3 views. Showing: Crossed straight leg raise / Low (10%).'
    """
    tests = chapter_data().exam_tests

    def render(i: int, j: int) -> str:
        name, sens, spec = exam_test(tests[i].id)
        label, pre = SCENARIOS[j]
        pos = clinical.post_test_probability(pre, sens, spec, positive=True)
        neg = clinical.post_test_probability(pre, sens, spec, positive=False)
        freq = clinical.natural_frequencies(pre, sens, spec)
        return (f'<div class="bc-box" role="region" aria-label="{escape(name)}, pre-test {escape(label)}">'
                f"<p>{escape(name)} for {escape(tests[i].target)}: sensitivity {sens:g}, specificity {spec:g} "
                f"(studied in: {escape(tests[i].population)}); pre-test probability "
                f"{pre:.0%} (a synthetic scenario).</p><ul>"
                f'<li><strong>After a positive result:</strong> <span class="bc-post-test">{pos:.1%}</span></li>'
                f'<li><strong>After a negative result:</strong> <span class="bc-post-test">{neg:.1%}</span></li>'
                f"</ul><p>{escape(freq.sentence())}</p></div>")

    return nested_explorer("Test accuracy scenarios", [t.name for t in tests], [s[0] for s in SCENARIOS], render,
                           outer_description="Test", inner_description="Pre-test probability")


# ---------------------------------------------------------------------------------------------------- imaging
def imaging_prevalence(age: int) -> list[tuple[str, int, str, bool]]:
    """(finding, percent, confidence, modelled) at one age among people WITHOUT back pain (Brinjikji 2015).

    >>> imaging_prevalence(50)[0]
    ('Disc degeneration', 80, '✔', False)
    >>> imaging_prevalence(45)
    Traceback (most recent call last):
    ...
    ValueError: age must be one of 20, 30, 40, 50, 60, 70, 80 (the decades reported), not 45
    """
    im = chapter_data().imaging
    if age not in im.ages:
        raise ValueError(f"age must be one of {', '.join(map(str, im.ages))} (the decades reported), not {age!r}")
    k = im.ages.index(age)
    return [(f.name, f.values[k], f.confidence[k], age in f.modelled_ages) for f in im.findings]


_ARTICLE = {"Disc bulge": "a disc bulge", "Disc protrusion": "a disc protrusion", "Annular fissure": "an annular fissure"}


def imaging_sentence(age: int) -> str:
    rows = imaging_prevalence(age)
    listed = "; ".join(f"about {v} {'has' if v == 1 else 'have'} {_ARTICLE.get(name, name.lower())}"
                       + (" (modelled: no people of this age were observed)" if modelled else "")
                       for name, v, _c, modelled in rows)
    return f"Out of 100 people aged {age} without back pain, {listed}."


def imaging_view(age: int) -> str:
    rows = imaging_prevalence(age)
    body = "".join(
        f'<tr><th scope="row">{escape(name)}</th><td>{v} of 100</td><td>{escape(c)}</td>'
        f"<td>{'modelled, no participants observed' if m else 'estimated from observed participants'}</td></tr>"
        for name, v, c, m in rows)
    return (f'<div class="bc-box" role="region" aria-label="Imaging findings at age {age}">'
            f"<p>{escape(imaging_sentence(age))}</p>"
            f'<table class="bc-table"><caption>Findings on MRI or CT in people aged {age} without back pain '
            f"(Brinjikji 2015)</caption><thead><tr><th scope=\"col\">Finding</th><th scope=\"col\">People</th>"
            f'<th scope="col">Confidence</th><th scope="col">Basis</th></tr></thead><tbody>{body}</tbody></table>'
            "<p>Confidence: ✔ checked against the paper or a faithful copy; ~ from secondary reproductions, treat as "
            "approximate.</p></div>")


def imaging_explorer(age: int = 50) -> Explorer:
    """Choose an age to see how common imaging findings are in people WITHOUT back pain (works with no kernel).

    Examples
    --------
    >>> imaging_explorer(age=80).describe().endswith("Showing: Age 80.")
    True
    >>> imaging_explorer(age=55)
    Traceback (most recent call last):
    ...
    ValueError: age must be one of 20, 30, 40, 50, 60, 70, 80 (the decades reported), not 55
    """
    ages = chapter_data().imaging.ages
    imaging_prevalence(age)
    views = [(f"Age {a}", imaging_view(a)) for a in ages]
    return explorer("Imaging findings without back pain", views, description="Age", index=ages.index(age))


def show_imaging_findings():
    """One small panel per finding, people out of 100 by age; modelled bars (no participants observed) hatched.

    Examples
    --------
    >>> show_imaging_findings().table.rows[-1]
    ['Spondylolisthesis', '3 (modelled)', '5 (modelled)', '8', '14', '23', '35', '50']
    """
    import matplotlib.pyplot as plt

    im = chapter_data().imaging
    with course_style():
        ncols = 4
        nrows = -(-len(im.findings) // ncols)
        fig, axes = plt.subplots(nrows, ncols, figsize=(10.0, 2.9 * nrows), sharey=True)
        flat = list(axes.flat) if hasattr(axes, "flat") else [axes]
        for ax, f in zip(flat, im.findings):
            for a, v in zip(im.ages, f.values):
                modelled = a in f.modelled_ages
                ax.bar(a, v, width=7, color="white" if modelled else PALETTE["blue"], edgecolor="black",
                       hatch="///" if modelled else "", linewidth=0.8)
                ax.text(a, v + 2, str(v), ha="center", va="bottom", fontsize=8)
            ax.set_title(f.name, fontsize=10.5)
            ax.set_xticks(im.ages, [str(a) for a in im.ages], fontsize=8)
            ax.set_ylim(0, 112)
        for ax in flat[len(im.findings):]:
            ax.axis("off")
        for ax in flat[::ncols]:
            ax.set_ylabel("out of 100", fontsize=9)
        fig.suptitle("Imaging findings in people WITHOUT back pain, by age (Brinjikji 2015); "
                     "hatched = modelled, no participants observed", fontsize=11)
        fig.supxlabel("Age (years)", fontsize=10)
        fig.tight_layout()
    parts = [f"{f.name} {f.values[0]} at age {im.ages[0]} to {f.values[-1]} at {im.ages[-1]}"
             + (f" (ages {', '.join(map(str, f.modelled_ages))} modelled with no participants observed)"
                if f.modelled_ages else "") for f in im.findings]
    alt = ("Line chart of how many people out of 100 WITHOUT back pain have each finding on MRI or CT, by age "
           "(Brinjikji 2015): " + "; ".join(parts) + ". Every finding becomes more common with age.")
    table = Table(["Finding"] + [f"Age {a}" for a in im.ages],
                  [[f.name] + [f"{v}{' (modelled)' if a in f.modelled_ages else ''}"
                               for a, v in zip(im.ages, f.values)] for f in im.findings])
    return render_figure(fig, alt, table=table)


# ------------------------------------------------------------------------------------------ outcome measures
def outcome_measures_table() -> HtmlBlock:
    """Scales and their minimal important change (Ostelo 2008), plus the "recovered" cut-offs (Kamper 2010).

    Examples
    --------
    >>> outcome_measures_table().text.splitlines()[3]
    'Roland-Morris Disability Questionnaire (RMDQ) | 0 to 24 | 5 points'
    """
    rows = []
    for m in chapter_data().outcome_measures:
        mic = f"{fact_value(m.mic_fact)} points" + (f" ({m.extra})" if m.extra else "")
        rows.append([m.name, m.range, mic])
    table = _table("Outcome measures and minimal important change (Ostelo 2008)",
                   ["Measure", "Range", "Minimal important change"], rows)
    kamper = (f"Recovered, as people themselves judge it (Kamper 2010): pain {fact_value('kamper2010_recovered_nrs')} "
              f"on the 0-10 scale and an RMDQ score of {fact_value('kamper2010_recovered_rmdq_max')} or less.")
    return HtmlBlock(table.html + f"<p>{escape(kamper)}</p>", table.text + "\n" + kamper)


__all__ = [
    "AssessmentFile", "chapter_data", "red_flag_ids", "red_flag_report", "RedFlagReport", "red_flag_table",
    "red_flag_checker", "red_flag_paradox_counts", "show_red_flag_paradox", "SYNTHETIC_START_BACK",
    "start_back_summary", "start_back_calculator", "start_back_explorer", "nerve_root_table", "nerve_root_explorer",
    "exam_test", "accuracy_report", "accuracy_calculator", "accuracy_explorer", "imaging_prevalence",
    "imaging_sentence", "imaging_explorer", "show_imaging_findings", "outcome_measures_table",
]
