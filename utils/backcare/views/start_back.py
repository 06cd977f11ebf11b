"""STarT Back as HTML: the scored summary of a set of answers and the worked example of a risk group."""
from __future__ import annotations

from collections.abc import Mapping

from ..logic.facts import fact_value
from ..content.chapter_assessment import start_back_group
from ..logic.start_back import START_BACK_ITEMS, START_BACK_SOURCE, start_back
from .notice import SHORT_NOTICE
from .render import Html, render

__all__ = ["start_back_summary", "start_back_example", "start_back_intro"]


def start_back_summary(answers: Mapping[int, bool], *, with_source: bool = True) -> Html:
    """Scores, risk group and the matched care in the UK trial, from :func:`backcare.logic.start_back.start_back`.

    ``with_source=False`` leaves out the "teaching paraphrase / official tool" line where the items above already carry it
    (the live calculator's heading)."""
    result = start_back(answers)
    g = start_back_group(result.risk)
    outcome = fact_value(g.outcome_fact)
    text = (f"Total score {result.total} of 9; psychosocial subscale {result.psychosocial} of 5; risk group: "
            f"{result.risk}. Rule: {g.rule} Matched care: {g.matched_care} In a US primary-care validation, "
            f"{outcome}% of people in this group still had disabling pain at 6 months.")
    html = render("start_back_summary.html.j2", result=result, group=g, outcome=outcome,
                  source=START_BACK_SOURCE if with_source else None,
                  notice=SHORT_NOTICE)
    return Html(html, text)


def start_back_example(risk: str, answers: Mapping[int, bool]) -> str:
    """A synthetic answer pattern (the items agreed with) and its scored summary."""
    agreed = [f"{i.number}. {i.text}" for i in START_BACK_ITEMS if answers[i.number]]
    return render("start_back_example.html.j2", risk=risk, agreed=agreed, summary=start_back_summary(answers))


def start_back_intro() -> str:
    """The heading of the live calculator: what the items are and that it opens on a synthetic case."""
    return render("start_back_intro.html.j2", source=START_BACK_SOURCE)
