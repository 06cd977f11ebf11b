"""Red flags: what a set of ticked findings points to, each flag on its own (as reported, Downie 2013) and combined
only where a source reports a combination; nothing is multiplied. Teaching material, not medical advice.

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
ValueError: 'back_pain' is not a valid red flag; supported values are older_age, corticosteroids, severe_trauma, \
contusion, history_of_cancer, weight_loss, fever, immunosuppression and 4 more
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..choices import check_choice
from ..fmt import number
from .facts import fact_value
from ..content.chapter_assessment import chapter_data, condition

__all__ = ["Probability", "FlagFinding", "CombinedFinding", "RedFlagReport", "red_flag_ids", "red_flag_report",
           "conditions_of"]


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
    """What the ticked red flags point to: each flag on its own, combined figures only where a source reports them.

    Its HTML view is :func:`backcare.views.red_flags.red_flag_report_html`.
    """

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
            lines.append(f"{f.finding} -> {condition(f.condition).name}: {p}")
        for c in self.combined:
            lines.append(f"Reported combination ({c.applies_when}): {c.value}% (95% CI {c.low} to {c.high}%)")
        return "\n".join(lines)


def conditions_of(report: RedFlagReport) -> list[str]:
    """The condition ids the ticked flags point to, in order of first appearance, without repeats."""
    out: list[str] = []
    for f in report.findings:
        if f.condition not in out:
            out.append(f.condition)
    return out


def red_flag_ids() -> list[str]:
    """Every red-flag id in the course, in the order of content/chapters/02_assessment_and_diagnosis.yaml."""
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
        check_choice(t, allowed, what="red flag")
    findings = []
    for f in chapter_data().red_flags:
        if f.id not in ticked:
            continue
        p = None
        if f.post_test:
            label = "Downie 2013" if f.post_test.reference == "Downie2013" else f.post_test.reference
            p = Probability(fact_value(f.post_test.fact), number(f.post_test.low), number(f.post_test.high), label)
        findings.append(FlagFinding(f.id, f.finding, f.condition, p, f.emergency or condition(f.condition).emergency))
    combined = []
    for c in chapter_data().combined:
        n = sum(1 for f in findings if f.condition == c.condition)
        if n >= 2:
            combined.append(CombinedFinding(c.applies_when, fact_value(c.fact), number(c.low), number(c.high), c.note))
    return RedFlagReport(tuple(findings), tuple(combined), any(f.emergency for f in findings))
