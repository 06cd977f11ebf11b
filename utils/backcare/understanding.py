"""Chapter 01, understanding back pain: burden, definitions, triage into three groups, a labelled spine schematic and
the natural history of acute and persistent low back pain.

Numbers come from ``content/facts.yaml`` (by fact id) and ``content/chapters/01_understanding_back_pain.yaml``
(definitions, age pattern, triage groups, which facts make up the natural-history courses).

Examples
--------
>>> counts = triage_counts()
>>> counts.serious, counts.radicular_low, counts.radicular_high, counts.nonspecific_low, counts.nonspecific_high
(9, 50, 100, 891, 941)
>>> natural_history()["acute"]
((0, 52), (6, 23), (26, 12), (52, 6))
>>> triage_counts(population=0)
Traceback (most recent call last):
...
ValueError: population must be a whole number of people, 100 or more, got 0
"""
from __future__ import annotations

import html
import math
import numbers
from dataclasses import dataclass
from typing import Literal

from pydantic import Field, model_validator

from ._chapterkit import HtmlBlock, fact, fact_value, load_chapter, number, round_half_up
from .content.models import Confidence, ContentFile, Id, Key, Strict, Text
from .figures import MARKERS, PALETTE, Table, course_style, img_html, png_bytes, render_figure
from .widgets import Explorer, escape, explorer

STEM = "01_understanding_back_pain"


# ----------------------------------------------------------------------------------------------- the chapter data
class Definition(Strict):
    """How one source divides low back pain by duration (or defines a case)."""

    source: Text
    reference: Key
    acute: Text
    subacute: Text
    chronic: Text
    case_definition: Text | None = None
    confidence: Confidence


class AgePattern(Strict):
    prevalence_rises_from_age: int
    prevalence_peak_ages: list[int] = Field(min_length=2, max_length=2)
    cases_peak_ages: list[int] = Field(min_length=2, max_length=2)
    references: list[Key] = Field(min_length=1)
    confidence: Confidence
    approximate: bool
    note: Text


class TriageGroup(Strict):
    """A triage group: its share either from a fact (``fact``) or as an uncertain range (``low``/``high``)."""

    id: Literal["serious", "radicular", "nonspecific"]
    label: Text
    fact: Id | None = None
    low: float | None = None
    high: float | None = None
    unit: Text | None = None
    references: list[Key] = Field(default_factory=list)
    confidence: Confidence | None = None
    approximate: bool = False
    note: Text | None = None

    @model_validator(mode="after")
    def _one_source(self) -> "TriageGroup":
        if self.fact is None:
            if self.low is None or self.high is None or self.confidence is None:
                raise ValueError("give a fact id, or low, high and confidence for a range")
            if self.low > self.high:
                raise ValueError(f"low {self.low} is above high {self.high}")
            if self.confidence in ("M", "?") and not self.approximate:
                raise ValueError(f"confidence {self.confidence} means the number is not confirmed: "
                                 "set approximate: true")
            if not self.references and self.confidence not in ("M", "?"):
                raise ValueError("a range without a reference must be marked M or ? (not confirmed)")
        elif self.low is not None or self.high is not None:
            raise ValueError("give either a fact id or a range, not both")
        return self


class Triage(Strict):
    population: int
    groups: list[TriageGroup] = Field(min_length=3, max_length=3)


class CoursePoint(Strict):
    week: int
    fact: Id


class Course(Strict):
    id: Literal["acute", "persistent"]
    label: Text
    points: list[CoursePoint] = Field(min_length=2)


class NaturalHistory(Strict):
    reference: Key
    courses: list[Course] = Field(min_length=2, max_length=2)


class UnderstandingFile(ContentFile):
    """``content/chapters/01_understanding_back_pain.yaml``."""

    definitions: list[Definition] = Field(min_length=1)
    age_pattern: AgePattern
    triage: Triage
    natural_history: NaturalHistory

    def reference_keys(self):
        for i, d in enumerate(self.definitions):
            yield f"definitions.{i}.reference", d.reference
        for key in self.age_pattern.references:
            yield "age_pattern.references", key
        for i, g in enumerate(self.triage.groups):
            for key in g.references:
                yield f"triage.groups.{i}.references", key
        yield "natural_history.reference", self.natural_history.reference

    def fact_ids(self):
        for i, g in enumerate(self.triage.groups):
            if g.fact:
                yield f"triage.groups.{i}.fact", g.fact
        for i, c in enumerate(self.natural_history.courses):
            for j, p in enumerate(c.points):
                yield f"natural_history.courses.{i}.points.{j}.fact", p.fact


def chapter_data() -> UnderstandingFile:
    """The validated chapter 01 dataset (cached)."""
    return load_chapter(STEM, UnderstandingFile)


def _group(group_id: str) -> TriageGroup:
    return next(g for g in chapter_data().triage.groups if g.id == group_id)


# ----------------------------------------------------------------------------------------------------- burden
def _interval(fact_id: str) -> str:
    f = fact(fact_id)
    return f"{number(f.value)} {f.unit} (95% uncertainty interval {number(f.low)} to {number(f.high)})"


def burden_alt_text() -> str:
    f20, f50 = fact("gbd_prevalent_cases_2020"), fact("gbd_prevalent_cases_2050")
    return (f"Bar chart of people living with low back pain worldwide: {number(f20.value)} million in 2020 "
            f"(uncertainty interval {number(f20.low)} to {number(f20.high)} million) and a projected "
            f"{number(f50.value)} million in 2050 ({number(f50.low)} to {number(f50.high)} million), "
            "GBD 2021 estimates; the rise comes mainly from population growth and ageing.")


def plot_burden(ax=None):
    """Bars for 2020 and the 2050 projection with their uncertainty intervals (GBD 2021); return the Figure."""
    import matplotlib.pyplot as plt

    facts = [fact("gbd_prevalent_cases_2020"), fact("gbd_prevalent_cases_2050")]
    with course_style():
        if ax is None:
            fig, ax = plt.subplots(figsize=(6.0, 3.6))
        else:
            fig = ax.figure
        xs = [0, 1]
        values = [f.value for f in facts]
        errs = [[f.value - f.low for f in facts], [f.high - f.value for f in facts]]
        bars = ax.bar(xs, values, width=0.55, color=[PALETTE["blue"], PALETTE["sky"]], edgecolor="black",
                      hatch=["", "//"], yerr=errs, capsize=8, error_kw={"elinewidth": 1.5})
        for x, f in zip(xs, facts):
            ax.text(x + 0.33, f.value, f"{number(f.value)} M\n({number(f.low)} to {number(f.high)})",
                    va="center", ha="left", fontsize=10)
        ax.set_xticks(xs, ["2020 (estimate)", "2050 (projection)"])
        ax.set_ylabel("People with low back pain\n(millions)")
        ax.set_xlim(-0.5, 1.9)
        ax.set_ylim(0, max(f.high for f in facts) * 1.1)
        ax.set_title("Low back pain worldwide (GBD 2021)")
        del bars
    return fig


def show_burden():
    """The burden chart with its alt text and data table.

    Examples
    --------
    >>> shown = show_burden()
    >>> shown.alt[:60]
    'Bar chart of people living with low back pain worldwide: 619'
    >>> shown.table.rows[1]
    ['2050 (projection)', 843, 759, 933]
    """
    facts = [("2020", fact("gbd_prevalent_cases_2020")), ("2050 (projection)", fact("gbd_prevalent_cases_2050"))]
    table = Table(["Year", "People (millions)", "Lower bound", "Upper bound"],
                  [[y, number(f.value), number(f.low), number(f.high)] for y, f in facts])
    return render_figure(plot_burden(), burden_alt_text(), table=table)


def age_pattern_text() -> str:
    """One sentence on how back pain varies with age (WHO 2023 / WHO fact sheet), from content."""
    a = chapter_data().age_pattern
    return (f"The share of people with low back pain climbs from about age {a.prevalence_rises_from_age} and is "
            f"highest at about {a.prevalence_peak_ages[0]} to {a.prevalence_peak_ages[1]} years, but the largest "
            f"number of people with it are aged about {a.cases_peak_ages[0]} to {a.cases_peak_ages[1]}. "
            + a.note)


def burden_summary() -> HtmlBlock:
    """Key burden numbers as a short list (facts with their intervals) plus the age pattern.

    Examples
    --------
    >>> burden_summary().text.splitlines()[0]
    'People with low back pain in 2020: 619 million people (95% uncertainty interval 554 to 694) [GBD 2021]'
    """
    rows = [
        ("People with low back pain in 2020", _interval("gbd_prevalent_cases_2020"), "GBD 2021"),
        ("Projected for 2050", _interval("gbd_prevalent_cases_2050"), "GBD 2021"),
        ("Rank among causes of years lived with disability",
         f"{fact_value('gbd_yld_rank_2020')} (the leading cause); about {fact_value('gbd_share_of_all_ylds_2020')}% "
         "of all years lived with disability", "GBD 2021"),
        ("Age pattern", age_pattern_text(), "WHO 2023"),
    ]
    body = "".join(f"<tr><th scope=\"row\">{escape(a)}</th><td>{escape(b)}</td><td>{escape(c)}</td></tr>"
                   for a, b, c in rows)
    html_ = ('<table class="bc-table"><caption>Burden of low back pain</caption><thead><tr><th scope="col">What</th>'
             f'<th scope="col">Estimate</th><th scope="col">Source</th></tr></thead><tbody>{body}</tbody></table>')
    text = "\n".join(f"{a}: {b} [{c}]" for a, b, c in rows)
    return HtmlBlock(html_, text)


def definitions_table() -> HtmlBlock:
    """Acute / subacute / chronic as each source defines them, side by side.

    Examples
    --------
    >>> definitions_table().text.splitlines()[1]
    'ACP 2017 | under 4 weeks | 4 to 12 weeks | over 12 weeks'
    """
    defs = chapter_data().definitions
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in ("Source", "Acute", "Subacute", "Chronic"))
    rows, lines = [], ["Source | Acute | Subacute | Chronic"]
    for d in defs:
        chronic = d.chronic if d.case_definition is None else f"{d.chronic}. Case definition: {d.case_definition}"
        rows.append(f'<tr><th scope="row">{escape(d.source)}</th><td>{escape(d.acute)}</td>'
                    f"<td>{escape(d.subacute)}</td><td>{escape(chronic)}</td></tr>")
        lines.append(f"{d.source} | {d.acute} | {d.subacute} | {chronic}")
    html_ = ('<table class="bc-table"><caption>How sources define acute, subacute and chronic low back pain'
             f"</caption><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")
    return HtmlBlock(html_, "\n".join(lines))


# ----------------------------------------------------------------------------------------------------- triage
@dataclass(frozen=True)
class TriageCounts:
    """People per triage group out of ``population``; radicular and non-specific are ranges (the radicular share
    is not verified, so the non-specific remainder is a range too)."""

    population: int
    serious: int
    radicular_low: int
    radicular_high: int
    nonspecific_low: int
    nonspecific_high: int


def triage_counts(population: int = 1000) -> TriageCounts:
    """Out of ``population`` people seen in primary care with low back pain, how many fall in each triage group.

    Serious pathology uses Henschke 2009 (0.9%), rounded half up; radicular pain the unverified, often-quoted
    range (5 to 10%); non-specific pain is the rest, which matches WHO's "about 90%".
    """
    if isinstance(population, bool) or not isinstance(population, numbers.Integral) or population < 100:
        raise ValueError(f"population must be a whole number of people, 100 or more, got {population!r}")
    population = int(population)
    serious = round_half_up(fact(_group("serious").fact).value / 100 * population)
    rad = _group("radicular")
    r_low, r_high = round_half_up(rad.low / 100 * population), round_half_up(rad.high / 100 * population)
    return TriageCounts(population, serious, r_low, r_high, population - serious - r_high,
                        population - serious - r_low)


def triage_alt_text(counts: TriageCounts | None = None) -> str:
    c = counts or triage_counts()
    serious = fact(_group("serious").fact)
    nonspec = fact(_group("nonspecific").fact)
    rad = _group("radicular")
    return (f"Icon array of {c.population:,} people seen in primary care with low back pain. About {c.serious} "
            f"(triangles) have a possible serious cause such as a fracture, cancer or infection "
            f"(Henschke 2009: {number(serious.value)}%). Between {c.radicular_low} and {c.radicular_high} (squares) "
            f"have radicular pain (sciatica): an often-quoted {number(rad.low)} to {number(rad.high)}% that is not "
            f"verified, drawn as {c.radicular_low} filled and {c.radicular_high - c.radicular_low} open squares. "
            f"The remaining {c.nonspecific_low} to {c.nonspecific_high} (circles), about {number(nonspec.value)}% "
            "(WHO), have non-specific low back pain.")


def _grid(population: int) -> tuple[int, int]:
    cols = 40 if population == 1000 else max(10, math.ceil(math.sqrt(population * 1.6)))
    return cols, math.ceil(population / cols)


def plot_triage_icon_array(counts: TriageCounts | None = None, ax=None):
    """One marker per person: triangles serious, squares radicular (open = uncertain part), circles non-specific."""
    import matplotlib.pyplot as plt

    c = counts or triage_counts()
    cols, rows = _grid(c.population)
    kinds = (["serious"] * c.serious + ["radicular"] * c.radicular_low
             + ["uncertain"] * (c.radicular_high - c.radicular_low) + ["nonspecific"] * c.nonspecific_low)
    style = {
        "serious": dict(marker="^", color=PALETTE["vermillion"], edgecolors="black", s=34, linewidths=0.6),
        "radicular": dict(marker="s", color=PALETTE["orange"], edgecolors="black", s=26, linewidths=0.5),
        "uncertain": dict(marker="s", facecolors="white", edgecolors=PALETTE["orange"], s=26, linewidths=1.2),
        "nonspecific": dict(marker="o", color=PALETTE["sky"], s=22, linewidths=0),
    }
    labels = {
        "serious": f"Possible serious pathology: about {c.serious}",
        "radicular": f"Radicular pain: at least {c.radicular_low} ...",
        "uncertain": f"... up to {c.radicular_high} (range not verified)",
        "nonspecific": f"Non-specific low back pain: {c.nonspecific_low} to {c.nonspecific_high}",
    }
    with course_style():
        if ax is None:
            fig, ax = plt.subplots(figsize=(8.0, 6.4))
        else:
            fig = ax.figure
        for kind in ("serious", "radicular", "uncertain", "nonspecific"):
            idx = [i for i, k in enumerate(kinds) if k == kind]
            if not idx:
                continue
            xs = [i % cols for i in idx]
            ys = [-(i // cols) for i in idx]
            ax.scatter(xs, ys, label=labels[kind], **style[kind])
        ax.set_xlim(-1, cols)
        ax.set_ylim(-rows - 0.5, 1)
        ax.set_aspect("equal")
        ax.axis("off")
        ax.set_title(f"Out of {c.population:,} people seen in primary care with low back pain")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.01), ncol=2, fontsize=9.5, markerscale=1.6)
    return fig


def show_triage(population: int = 1000):
    """The triage icon array with alt text and a data table.

    Examples
    --------
    >>> show_triage().table.rows[0]
    ['Possible serious pathology', 9, 'Henschke 2009 (0.9%)']
    >>> show_triage(50)
    Traceback (most recent call last):
    ...
    ValueError: population must be a whole number of people, 100 or more, got 50
    """
    c = triage_counts(population)
    rad = _group("radicular")
    table = Table(
        ["Group", f"People out of {c.population:,}", "Source"],
        [["Possible serious pathology", c.serious, "Henschke 2009 (0.9%)"],
         ["Radicular pain (sciatica)", f"{c.radicular_low} to {c.radicular_high}",
          f"often quoted {number(rad.low)}-{number(rad.high)}%, not verified"],
         ["Non-specific low back pain", f"{c.nonspecific_low} to {c.nonspecific_high}", "the rest; WHO: about 90%"]])
    return render_figure(plot_triage_icon_array(c), triage_alt_text(c), table=table)


#: (label, fact id) for the approximate shares of causes in adult primary care; every share is an estimate (~).
APPROXIMATE_CAUSES = (
    ("Lumbar strain or sprain (a presumptive label, not confirmed by imaging)", "jarvikdeyo_strain_share"),
    ("Age-related changes of discs and facet joints", "jarvikdeyo_age_related_disc_facet_share"),
    ("Disc herniation (other sources give lower figures: teach as a few per cent)", "jarvikdeyo_disc_herniation_share"),
    ("Osteoporotic compression fracture", "jarvikdeyo_compression_fracture_share"),
    ("Spinal stenosis", "jarvikdeyo_stenosis_share"),
    ("Spondylolisthesis", "jarvikdeyo_spondylolisthesis_share"),
    ("Disease of organs (pelvic, kidney, aortic aneurysm, gut)", "jarvikdeyo_visceral_share"),
    ("Cancer", "jarvikdeyo_malignancy_share"),
    ("Inflammatory arthritis (for example ankylosing spondylitis)", "jarvikdeyo_inflammatory_arthritis_share"),
    ("Cauda equina syndrome", "deyo1992_cauda_equina_share"),
    ("Spinal infection", "jarvikdeyo_infection_share"),
)


def _share(fact_id: str) -> str:
    f = fact(fact_id)
    return f"about {number(f.value)}%" if f.value is not None else f"about {number(f.low)} to {number(f.high)}%"


def approximate_causes_table() -> HtmlBlock:
    """Estimated shares of causes among adults with low back pain in primary care, all marked approximate.

    Examples
    --------
    >>> approximate_causes_table().text.splitlines()[1]
    'Lumbar strain or sprain (a presumptive label, not confirmed by imaging) | about 70% | Jarvik and Deyo 2002 | ~ approximate'
    """
    refs = {"JarvikDeyo2002": "Jarvik and Deyo 2002", "Deyo1992": "Deyo 1992"}
    rows = []
    for label, fid in APPROXIMATE_CAUSES:
        f = fact(fid)
        rows.append((label, _share(fid), refs.get(f.reference, f.reference),
                     f"{f.confidence} approximate" if f.approximate else f.confidence))
    body = "".join(f'<tr><th scope="row">{escape(a)}</th><td>{escape(b)}</td><td>{escape(c)}</td><td>{escape(d)}</td>'
                   "</tr>" for a, b, c, d in rows)
    html_ = ('<table class="bc-table"><caption>Estimated causes of low back pain in adult primary care (approximate; '
             "they vary with the population)</caption><thead><tr><th scope=\"col\">Cause</th>"
             '<th scope="col">Estimated share</th><th scope="col">Source</th><th scope="col">Confidence</th></tr>'
             f"</thead><tbody>{body}</tbody></table><p>~ means the figure was seen only in later reproductions of "
             "the original table or is recalled rather than checked: treat every share as a rough guide.</p>")
    text = "\n".join(["Cause | Estimated share | Source | Confidence"] + [" | ".join(r) for r in rows])
    return HtmlBlock(html_, text)


# ------------------------------------------------------------------------------------------- spine schematic
#: (label, what it is), drawn in this order; names only, the drawing implies nothing about causes of pain.
SPINE_STRUCTURES = (
    ("L3, L4, L5 vertebrae", "the bony blocks of the lower back (lumbar spine)"),
    ("Sacrum (S1)", "the bone below L5, part of the pelvis"),
    ("Intervertebral discs (L3-L4, L4-L5, L5-S1)", "the flexible pads between vertebral bodies"),
    ("Facet joints", "small paired joints at the back of each level"),
    ("Nerve roots L4, L5 and S1", "leave the spinal canal below the vertebra of the same number"),
    ("Spinal canal", "carries the nerve roots (the cauda equina) below the end of the spinal cord"),
)


def spine_alt_text() -> str:
    return ("Schematic side view of the lower spine, not to scale, with labels: "
            + "; ".join(f"{name} ({what})" for name, what in SPINE_STRUCTURES)
            + ". The L4 root leaves below L4, the L5 root below L5 and the S1 root through the sacrum. "
              "Naming a structure does not mean it is the source of anyone's pain.")


def plot_spine_schematic(ax=None):
    """A labelled side-view schematic of L3 to S1 (vertebrae, discs, facet joints, nerve roots); return the Figure."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Circle, Ellipse, FancyBboxPatch, Polygon

    with course_style():
        if ax is None:
            fig, ax = plt.subplots(figsize=(8.0, 7.0))
        else:
            fig = ax.figure
        body_x, body_w, body_h, disc_h = 0.0, 3.0, 1.6, 0.55
        levels = ["L3", "L4", "L5"]
        tops = []
        y = 0.0
        for name in levels:
            ax.add_patch(FancyBboxPatch((body_x, y - body_h), body_w, body_h, boxstyle="round,pad=0.05",
                                        facecolor="#f2e8d5", edgecolor="black", linewidth=1.3))
            ax.text(body_x + body_w / 2, y - body_h / 2, name, ha="center", va="center", fontsize=13,
                    fontweight="bold")
            # posterior elements: pedicle/lamina block and spinous process
            ax.add_patch(Polygon([(body_w + 1.0, y - 0.2), (body_w + 2.3, y - 0.2), (body_w + 3.6, y - 0.9),
                                  (body_w + 2.3, y - 1.4), (body_w + 1.0, y - 1.4)], closed=True,
                                 facecolor="#f2e8d5", edgecolor="black", linewidth=1.0))
            tops.append(y)
            y -= body_h + disc_h
        # sacrum
        ax.add_patch(Polygon([(body_x, y), (body_x + body_w, y), (body_x + body_w + 2.2, y - 1.2),
                              (body_x + body_w + 1.2, y - 2.6), (body_x + 0.4, y - 2.2)], closed=True,
                             facecolor="#f2e8d5", edgecolor="black", linewidth=1.3))
        ax.text(body_x + 1.6, y - 1.1, "Sacrum\n(S1)", ha="center", va="center", fontsize=12, fontweight="bold")
        # discs between bodies (and L5-S1)
        disc_labels = ["L3-L4 disc", "L4-L5 disc", "L5-S1 disc"]
        for i, top in enumerate(tops):
            cy = top - body_h - disc_h / 2
            ax.add_patch(Ellipse((body_x + body_w / 2, cy), body_w * 0.98, disc_h * 0.9, facecolor=PALETTE["sky"],
                                 edgecolor="black", hatch="..", linewidth=1.0))
            ax.annotate(disc_labels[i], (body_x - 0.05, cy), xytext=(-3.2, cy), fontsize=10, va="center",
                        arrowprops=dict(arrowstyle="-", color="black", lw=0.8))
        # spinal canal between body and posterior elements
        canal_top, canal_bottom = tops[0] + 0.3, y - 1.2
        ax.add_patch(plt.Rectangle((body_w + 0.15, canal_bottom), 0.75, canal_top - canal_bottom,
                                   facecolor="#fff7cc", edgecolor=PALETTE["grey"], linewidth=0.8, linestyle="--"))
        ax.annotate("Spinal canal (holds the nerve roots)", (body_w + 0.6, tops[0] + 0.2),
                    xytext=(body_w + 1.2, tops[0] + 0.9), fontsize=10, ha="left",
                    arrowprops=dict(arrowstyle="-", lw=0.8))
        # facet joints: at the back of each gap between neighbouring posterior elements
        for top in tops:
            ax.add_patch(Circle((body_w + 2.9, top - 1.4 - 0.3), 0.2, facecolor=PALETTE["purple"],
                                edgecolor="black", linewidth=1.0))
        ax.annotate("Facet joints", (body_w + 3.05, tops[0] - 1.7), xytext=(body_w + 3.9, tops[0] - 1.2),
                    fontsize=10, arrowprops=dict(arrowstyle="-", lw=0.8))
        # nerve roots leave below the vertebra of the same number, through the gap (foramen) in front of the facet
        roots = [("L4 root", tops[1]), ("L5 root", tops[2])]
        for (name, top), ls in zip(roots, ["-", "--"]):
            g = top - 1.4
            ax.plot([body_w + 0.5, body_w + 1.4, body_w + 2.4, body_w + 3.8],
                    [g - 0.15, g - 0.35, g - 0.6, g - 0.75], color=PALETTE["vermillion"], linewidth=2.6,
                    linestyle=ls)
            ax.text(body_w + 3.9, g - 0.75, name, fontsize=11, fontweight="bold", va="center")
        ax.plot([body_w + 0.5, body_w + 1.6, body_w + 3.8], [y - 0.5, y - 1.0, y - 1.5], color=PALETTE["vermillion"],
                linewidth=2.6, linestyle=":")
        ax.text(body_w + 3.9, y - 1.5, "S1 root", fontsize=11, fontweight="bold", va="center")
        ax.annotate("Vertebral body", (body_x + 0.2, tops[0] - 0.2), xytext=(-3.2, tops[0] + 0.2), fontsize=10,
                    arrowprops=dict(arrowstyle="-", lw=0.8))
        ax.text(-3.2, y - 3.2, "Front of the body (belly side)", fontsize=9.5, color=PALETTE["grey"])
        ax.text(body_w + 2.4, y - 3.2, "Back", fontsize=9.5, color=PALETTE["grey"])
        ax.set_xlim(-3.4, body_w + 5.6)
        ax.set_ylim(y - 3.5, tops[0] + 1.4)
        ax.set_aspect("equal")
        ax.axis("off")
        ax.set_title("Lower spine, side view (schematic, not to scale)")
    return fig


def show_spine_schematic():
    """The labelled spine schematic with alt text and a table of the structures.

    Examples
    --------
    >>> "the L5 root below L5" in show_spine_schematic().alt
    True
    """
    table = Table(["Structure", "What it is"], [list(s) for s in SPINE_STRUCTURES],
                  caption="The structures labelled in this schematic")
    return render_figure(plot_spine_schematic(), spine_alt_text(), table=table)


# ------------------------------------------------------------------------------------------ natural history
CourseName = Literal["acute", "persistent", "both"]


def natural_history() -> dict[str, tuple[tuple[int, int | float], ...]]:
    """Mean pain (0-100) at the measured weeks for each course (Costa 2012), from content.

    >>> natural_history()["persistent"]
    ((0, 51), (6, 33), (26, 26), (52, 23))
    """
    return {c.id: tuple((p.week, fact_value(p.fact)) for p in c.points)
            for c in chapter_data().natural_history.courses}


def _courses(course: str) -> list[str]:
    allowed = ("acute", "persistent", "both")
    if course not in allowed:
        raise ValueError(f"course must be one of {', '.join(allowed)}, not {course!r}")
    return ["acute", "persistent"] if course == "both" else [course]


def _course_label(course_id: str) -> str:
    return next(c.label for c in chapter_data().natural_history.courses if c.id == course_id)


def natural_history_alt_text(course: str = "both") -> str:
    """Alt text naming every plotted point.

    >>> natural_history_alt_text("acute")  # doctest: +ELLIPSIS
    'Line chart of mean pain (0 to 100) over one year in cohorts with acute low back pain (Costa 2012): 52 at week 0, 23 at week 6, 12 at week 26 and 6 at week 52...'
    """
    data = natural_history()
    ids = _courses(course)
    parts = []
    for cid in ids:
        pts = data[cid]
        listed = (", ".join(f"{number(v)} at week {w}" for w, v in pts[:-1])
                  + f" and {number(pts[-1][1])} at week {pts[-1][0]}")
        parts.append(f"{cid}: {listed}" if len(ids) > 1 else listed)
    if len(ids) > 1:
        head = ("Line chart of mean pain (0 to 100) over one year in cohorts with acute and with persistent low back "
                "pain (Costa 2012). ")
        body = "; ".join(parts)
    else:
        head = f"Line chart of mean pain (0 to 100) over one year in cohorts with {ids[0]} low back pain (Costa 2012): "
        body = parts[0]
    return head + body + (". Markers are measured points; the dashed lines between them are straight-line "
                          "interpolation, not data.")


def plot_natural_history(course: str = "both", ax=None):
    """Measured points as markers, dashed straight lines between them labelled as interpolation."""
    import matplotlib.pyplot as plt

    data = natural_history()
    ids = _courses(course)
    colours = {"acute": PALETTE["blue"], "persistent": PALETTE["vermillion"]}
    markers = {"acute": MARKERS[0], "persistent": MARKERS[1]}
    with course_style():
        if ax is None:
            fig, ax = plt.subplots(figsize=(7.2, 4.2))
        else:
            fig = ax.figure
        for cid in ids:
            weeks = [w for w, _ in data[cid]]
            pain = [v for _, v in data[cid]]
            ax.plot(weeks, pain, linestyle="--", linewidth=1.2, color=colours[cid], alpha=0.8)
            ax.plot(weeks, pain, linestyle="none", marker=markers[cid], markersize=9, color=colours[cid],
                    markeredgecolor="black", label=f"{_course_label(cid)} (measured)")
            for w, v in zip(weeks, pain):
                ax.annotate(f"{number(v)}", (w, v), xytext=(0, 9 if cid == "persistent" else -16),
                            textcoords="offset points", ha="center", fontsize=10, color="black")
        ax.plot([], [], linestyle="--", color=PALETTE["grey"], label="straight lines between points: interpolation")
        ax.set_xticks([0, 6, 26, 52])
        ax.set_xlabel("Weeks since the cohort started")
        ax.set_ylabel("Mean pain (0-100)")
        ax.set_ylim(0, 65)
        ax.set_xlim(-2, 55)
        ax.set_title("Natural course of low back pain (Costa 2012)")
        ax.legend(loc="upper right", fontsize=9.5)
    return fig


def natural_history_table(course: str = "both") -> Table:
    data = natural_history()
    ids = _courses(course)
    weeks = [w for w, _ in data[ids[0]]]
    rows = [[f"week {w}"] + [number(dict(data[c])[w]) for c in ids] for w in weeks]
    return Table(["Time"] + [f"{_course_label(c)}: mean pain 0-100" for c in ids], rows)


def show_natural_history(course: str = "both"):
    """The natural-history chart for ``"acute"``, ``"persistent"`` or ``"both"``, with alt text and table.

    Examples
    --------
    >>> show_natural_history("persistent").table.rows[-1]
    ['week 52', 23]
    >>> show_natural_history("chronic")
    Traceback (most recent call last):
    ...
    ValueError: course must be one of acute, persistent, both, not 'chronic'
    """
    return render_figure(plot_natural_history(course), natural_history_alt_text(course),
                         table=natural_history_table(course))


def natural_history_sentence(course: str) -> str:
    """Plain-language reading of one course, e.g. how much of the starting pain is left at 6 weeks and 1 year."""
    if course == "both":
        return " ".join(natural_history_sentence(c) for c in ("acute", "persistent"))
    _courses(course)
    pts = dict(natural_history()[course])
    start, w6, w52 = pts[0], pts[6], pts[52]
    return (f"{_course_label(course)}: average pain fell from {number(start)} to {number(w6)} out of 100 in the "
            f"first 6 weeks, and was {number(w52)} at one year.")


def natural_history_explorer(course: str = "both") -> Explorer:
    """Compare the two courses (both / acute only / persistent only); every view is pre-rendered, so it switches on
    the static page with no kernel.

    Examples
    --------
    >>> ex = natural_history_explorer(course="acute")
    >>> ex.describe()
    'Explorer "Natural history of low back pain": 3 views (Both courses; Acute only; Persistent only). Showing: Acute only.'
    >>> natural_history_explorer(course="sciatica")
    Traceback (most recent call last):
    ...
    ValueError: course must be one of acute, persistent, both, not 'sciatica'
    """
    _courses(course)
    order = [("both", "Both courses"), ("acute", "Acute only"), ("persistent", "Persistent only")]
    views = []
    for cid, label in order:
        shown = show_natural_history(cid)
        body = (f'<div class="bc-box" role="region" aria-label="Natural history: {escape(label)}">'
                f"{img_html(shown.png, shown.alt)}<p>{escape(natural_history_sentence(cid))}</p>"
                f"{shown.table.to_html()}</div>")
        views.append((label, body))
    index = [cid for cid, _ in order].index(course)
    return explorer("Natural history of low back pain", views, description="Show", index=index, control="toggle")


# ------------------------------------------------------------------------------------------ recovery milestones
def recovery_milestones() -> HtmlBlock:
    """Median times to recovery (Henschke 2008), recovery at a year and recurrence (da Silva 2019), from content.

    Examples
    --------
    >>> recovery_milestones().text.splitlines()[0]
    'Back to previous work status: median 14 days [Henschke 2008 (973 people, acute pain)]'
    """
    rows = [
        ("Back to previous work status", f"median {fact_value('henschke2008_return_to_work_days')} days",
         "Henschke 2008 (973 people, acute pain)"),
        ("Disability resolved", f"median {fact_value('henschke2008_disability_resolved_days')} days", "Henschke 2008"),
        ("Pain resolved", f"median {fact_value('henschke2008_pain_resolved_days')} days", "Henschke 2008"),
        ("Fully recovered at 12 months", f"{fact_value('henschke2008_recovered_12_months')}%", "Henschke 2008"),
        ("New episode within 12 months of recovering", f"{fact_value('dasilva_recurrence_12_months')}% "
         f"(median {fact_value('dasilva_median_days_to_recurrence')} days to the new episode)",
         f"da Silva 2019 ({fact_value('dasilva_participants')} people)"),
        ("New episode that limited activities", f"{fact_value('dasilva_activity_limiting_recurrence_12_months')}%",
         "da Silva 2019"),
        ("New episode for which care was sought", f"{fact_value('dasilva_care_seeking_recurrence_12_months')}%",
         "da Silva 2019"),
    ]
    body = "".join(f'<tr><th scope="row">{escape(a)}</th><td>{escape(b)}</td><td>{escape(c)}</td></tr>'
                   for a, b, c in rows)
    html_ = ('<table class="bc-table"><caption>Recovery and recurrence after acute low back pain</caption><thead><tr>'
             '<th scope="col">Milestone</th><th scope="col">Result</th><th scope="col">Source</th></tr></thead>'
             f"<tbody>{body}</tbody></table>")
    return HtmlBlock(html_, "\n".join(f"{a}: {b} [{c}]" for a, b, c in rows))


__all__ = [
    "UnderstandingFile", "chapter_data", "show_burden", "plot_burden", "burden_summary", "age_pattern_text",
    "definitions_table", "approximate_causes_table", "TriageCounts", "triage_counts", "plot_triage_icon_array", "show_triage", "triage_alt_text",
    "SPINE_STRUCTURES", "plot_spine_schematic", "show_spine_schematic", "spine_alt_text", "natural_history",
    "plot_natural_history", "show_natural_history", "natural_history_alt_text", "natural_history_explorer",
    "natural_history_sentence", "recovery_milestones",
]
