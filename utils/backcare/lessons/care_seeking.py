"""Chapter 01: why people improve after seeing someone even with no treatment (regression to the mean).

``bc.predict_care_seeking()`` asks for a prediction, then reveals the simulation; ``bc.show_care_seeking(...)`` is
the your-turn call: change how many people, the pain that makes them seek care, or when they are measured again.

Examples
--------
>>> shown = show_care_seeking(people=1000, seek_care_at=8, weeks_later=2)
>>> shown.text.splitlines()[0]
'Of 1,000 simulated people, 446 saw a clinician when their pain first reached 8 or more out of 10.'
>>> show_care_seeking(seek_care_at="high")
Traceback (most recent call last):
...
ValueError: seek_care_at must be a whole number from 1 to 10 (pain on a 0-10 scale), not 'high'
"""
from __future__ import annotations

from ..charts.care_seeking import plot_care_seeking
from ..charts.show import render_chart
from ..views.figure import img_html
from ..views.tables import Table
from ..logic.care_seeking import CareSeeking, simulate_care_seeking
from markupsafe import Markup

from ..views.render import Html, render

_NOTE = ("A teaching simulation, not data from a study: each person's usual pain never changes and nobody is "
         "treated.")


def care_seeking_sentences(r: CareSeeking) -> list[str]:
    """The result in words, with its numbers."""
    return [
        f"Of {r.people:,} simulated people, {r.sought_care:,} saw a clinician when their pain first reached "
        f"{r.seek_care_at} or more out of 10.",
        f"Their average pain was {r.mean_at_visit:g} at the visit and {r.mean_later:g} {r.weeks_later} weeks later, "
        f"back near their usual level of {r.mean_usual:g}; {r.improved_by_2_or_more:,} of them scored at least 2 "
        "points lower.",
        "Nobody was treated: the fall comes only from seeing people at their worst (regression to the mean).",
    ]


def _alt(r: CareSeeking) -> str:
    return (f"Line chart of average pain, 0 to 10, for the {r.sought_care} of {r.people} simulated people who sought "
            f"care: about {r.aligned_mean[0]:g} in the weeks before, {r.mean_at_visit:g} at the visit, "
            f"{r.mean_later:g} {r.weeks_later} weeks later, against a usual level of {r.mean_usual:g} (dashed).")


def _figure(r: CareSeeking):
    return render_chart(plot_care_seeking, r, alt=_alt(r),
                         table=Table(["week", "average pain (0-10)"], r.rows()))


def show_care_seeking(people: int = 1000, seek_care_at: int = 7, weeks_later: int = 3) -> Html:
    """Simulate people whose pain goes up and down and who see a clinician at their worst; show what happens next.

    ``people``: 100 to 10,000; ``seek_care_at``: the pain (1 to 10 out of 10) that makes someone seek care;
    ``weeks_later``: 1 to 12 weeks from the visit to the second measurement. Nobody is treated.
    """
    r = simulate_care_seeking(people=people, seek_care_at=seek_care_at, weeks_later=weeks_later)
    if r.sought_care == 0:
        text = f"None of the {r.people:,} simulated people reached {r.seek_care_at} out of 10; try a lower value."
        return Html(render("paragraph.html.j2", text=text), text)
    fig = _figure(r)
    words = care_seeking_sentences(r)
    html = render("result_box.html.j2", label="Care-seeking simulation", figure=Markup(fig.to_html()),
                  sentences=words, note=_NOTE)
    return Html(html, "\n".join(words + [_NOTE]))


CHOICES = (
    ("About as high as at the visit",
     "Not quite. Nothing was done and nobody's usual pain changed, so it is tempting to expect no change. But people "
     "came in the week their pain was at a peak, and a peak is usually followed by a lower week."),
    ("Lower, back near their usual level",
     "Yes. People seek care when their pain is at its worst; the next measurement is usually closer to their usual "
     "level, with no treatment at all. That is regression to the mean."),
    ("Higher than at the visit",
     "Not this time. Pain that has just peaked is more likely to fall than to rise further; some individuals do get "
     "worse, but the average falls."),
)


def predict_care_seeking():
    """Predict, then reveal: what happens to the pain of people who sought care at their worst, with no treatment."""
    from ..widgets.predict import predict_then_reveal

    r = simulate_care_seeking()
    question = (f"{r.people:,} people have back pain that goes up and down around a usual level that never changes. "
                f"Each sees a clinician in the first week their pain reaches {r.seek_care_at} out of 10 or more, and "
                f"gets no treatment. {r.weeks_later} weeks later, what is the average pain of those who came?")
    result = render("result_box.html.j2", label="Simulation result", figure=Markup(_figure(r).to_html()),
                    sentences=care_seeking_sentences(r), note=_NOTE)
    choices = [(label, render("feedback.html.j2", label=label, text=text))
               for label, text in CHOICES]
    return predict_then_reveal(question, choices, result, title="Seeking care at the worst moment")
