"""Chapter 03a: averages hide who responds (predict, then reveal; and an explorer of mean differences).

Examples
--------
>>> shown = show_individual_changes(1.0)
>>> shown.text.splitlines()[1]
'With the treatment, 60 of 100 improved by 2 points or more; with usual care, 40 of 100: 20 more in every 100.'
>>> show_individual_changes(5)
Traceback (most recent call last):
...
ValueError: mean_difference must be a number from 0 to 4 (points on a 0-10 scale, better with treatment), not 5
"""
from __future__ import annotations

from ..charts.responders import plot_individual_changes
from ..charts.show import render_chart
from ..logic.responders import IndividualChanges, individual_changes
from markupsafe import Markup

from ..views.render import Html, render

NOTE = ("A teaching model, not data from a study: both groups have the same spread of changes, and every treated "
        "person gets the same extra benefit. So someone who improved a lot is not proof that the treatment worked "
        "for them; a parallel-group trial cannot tell who responded.")
DIFFERENCES = (0.0, 0.5, 1.0, 1.5, 2.0)


def _sentences(r: IndividualChanges) -> list[str]:
    return [
        f"The treated group's average change is {r.mean_difference:g} point{'s' if r.mean_difference != 1 else ''} "
        f"better than usual care, against a change of {r.important_change:g} points that individuals notice.",
        f"With the treatment, {r.improved_treated} of {r.people} improved by {r.important_change:g} points or more; "
        f"with usual care, {r.improved_control} of {r.people}: {r.extra_per_100} more in every 100.",
        f"{r.worse_treated} of {r.people} treated people still ended with more pain than they started with.",
    ]


def _alt(r: IndividualChanges) -> str:
    return (f"Two dot plots of {r.people} people each, one dot per person's change in pain on a 0 to 10 scale: usual "
            f"care, {r.improved_control} improved by {r.important_change:g} points or more; treatment (average "
            f"{r.mean_difference:g} points better), {r.improved_treated} did. The two clouds overlap widely.")


def _body(r: IndividualChanges) -> str:
    fig = render_chart(plot_individual_changes, r, alt=_alt(r))
    return render("result_box.html.j2", label="Individual changes", figure=Markup(fig.to_html()),
                  sentences=_sentences(r), note=NOTE)


def show_individual_changes(mean_difference: float = 1.0, people: int = 100) -> Html:
    """Every person's change behind one average difference, against the 2-point change people notice.

    ``mean_difference``: 0 to 4 points (0-10 scale) better with treatment; ``people``: 20 to 1,000 per group.
    """
    r = individual_changes(mean_difference, people)
    return Html(_body(r), "\n".join(_sentences(r) + [NOTE]))


CHOICES = (
    ("None: the average difference is below the MID",
     "Tempting, but no. The MID is about what one person notices; an average difference smaller than it can still "
     "mean that many more people in one group improve by an important amount."),
    ("About 20 more in every 100",
     "Yes. Shifting a whole group's changes by 1 point moves many people across the 2-point line, because "
     "individual changes are spread widely around the average."),
    ("Every treated person improves by exactly 1 point more, so nobody crosses the MID",
     "Not quite. In this model everyone does get 1 point more, but people start from very different changes, so "
     "the extra point carries many of them across the 2-point line."),
)


def predict_responders():
    """Predict, then reveal: how many more people improve by the MID when the average difference is half of it."""
    from ..widgets.predict import predict_then_reveal

    r = individual_changes(1.0)
    question = (f"Two groups of {r.people} people with chronic back pain. On average the treated group's pain falls "
                f"1 point more (0-10) than with usual care: half the {r.important_change:g}-point change a person "
                "notices. How many more people improve by 2 points or more with the treatment?")
    choices = [(label, render("feedback.html.j2", label=label, text=text))
               for label, text in CHOICES]
    return predict_then_reveal(question, choices, _body(r), title="Averages hide who responds")


def responders_explorer(mean_difference: float = 1.0):
    """Choose an average difference (0 to 2 points) and see the individual changes behind it; works with no kernel."""
    from ..widgets.explorer import explorer

    if mean_difference not in DIFFERENCES:
        raise ValueError(f"mean_difference must be one of {', '.join(f'{d:g}' for d in DIFFERENCES)}, "
                         f"not {mean_difference!r}")
    views = [(f"{d:g} point{'s' if d != 1 else ''}", _body(individual_changes(d))) for d in DIFFERENCES]
    return explorer("Averages hide who responds", views, description="Average difference",
                    index=DIFFERENCES.index(mean_difference), control="toggle")
