"""Red flags as HTML: the report on a set of ticked flags, the table of every flag, and the checker's heading."""
from __future__ import annotations

from ..content.chapter_assessment import chapter_data, condition
from ..logic.red_flags import RedFlagReport, conditions_of, red_flag_report
from .notice import SHORT_NOTICE
from .render import Html, render
from .tables import table_block

__all__ = ["red_flag_report_html", "red_flag_table", "checker_heading"]


def red_flag_report_html(report: RedFlagReport) -> str:
    """The report as a status box: each flag alone, reported combinations, what to do, the short notice (the chapter
    shows the full one at its start)."""
    names = {f.condition: condition(f.condition).name for f in report.findings}
    return render("red_flag_report.html.j2", report=report, names=names,
                  conditions=[condition(c) for c in conditions_of(report)], notice=SHORT_NOTICE)


def red_flag_table() -> Html:
    """Every red flag in the course, what it points to and its single-flag figure where one is reported.

    Examples
    --------
    >>> red_flag_table().text.splitlines()[2].split(" | ")[2]
    '33% (95% CI 10 to 67%; Downie 2013)'
    """
    rows, said = [], set()
    for f in chapter_data().red_flags:
        rep = red_flag_report([f.id]).findings[0]
        p = rep.post_test.text() if rep.post_test else "not reported alone"
        if rep.emergency:
            action = "same-day emergency"
        else:  # a condition's action is written once, on its first row (the table is read, not searched)
            action = "as above" if f.condition in said else condition(f.condition).action
            said.add(f.condition)
        rows.append([f.finding, condition(f.condition).name, p, action])
    return table_block("Red flags: what each points to (single-flag figures, never multiplied)",
                       ["Finding", "Points to", "Probability with this flag alone", "What to do"], rows)


def checker_heading() -> str:
    """The heading above the checker's boxes."""
    return render("red_flag_checker_heading.html.j2")
