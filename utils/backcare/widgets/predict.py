"""Predict, then reveal: the student commits to a prediction before the result is shown (wiring only).

Every option's feedback and the result are pre-rendered into ``Stack`` children and revealed by ``jslink`` from the
choice's ``index`` to the Stack's ``selected_index``, so it works on the static page with no kernel; in a live kernel
the same link is mirrored in Python. Nothing shows until a prediction is chosen.

Examples
--------
>>> p = predict_then_reveal("Will it rain?", [("Yes", "<p>Right.</p>"), ("No", "<p>Not quite.</p>")],
...                         "<p>It rained.</p>", title="Rain")
>>> p.visible_html() is None
True
>>> p.control.index = 1
>>> p.visible_html()
'<p>Not quite.</p><p>It rained.</p>'
>>> p.describe()
'Predict, then reveal "Rain": 2 choices (Yes; No). Showing: the result after "No".'
>>> predict_then_reveal("?", [("Only", "x")], "r", title="T")
Traceback (most recent call last):
...
ValueError: a prediction needs at least two choices; got 1 for '?'
"""
from __future__ import annotations

from typing import Sequence

import ipywidgets as widgets

from ..views.fallback import PREDICT_NOTE
from ..views.quiz import style_html
from ..views.render import render
from .explorer import _Described
from .shared import html, layout, wide


class RevealStack(_Described, widgets.VBox):
    """Children (the layout rules, a question or header, a control, a Stack of pre-rendered views); the Stack shows
    nothing until the reader picks, then the view of that pick. Subclasses say how they describe themselves.

    The layout rules are the self-check's (templates/views/quiz_style.html.j2, scoped to ``.bc-reveal``): a long choice
    wraps beside its button instead of running over the next one on a narrow page."""

    css_class = "bc-predict"

    def __init__(self, title: str, labels: Sequence[str], control, stack, header):
        self.title = title
        self.labels = list(labels)
        self.control = control
        self.stack = stack
        self.css = html(style_html(), width="auto")  # travels with the widget: JupyterLab has no site stylesheet
        super().__init__(children=[self.css, header, control, stack], layout=layout(width="100%"))
        self.add_class(self.css_class)
        self.add_class("bc-reveal")

    def visible_html(self) -> str | None:
        if self.stack.selected_index is None:
            return None
        return self.stack.children[self.stack.selected_index].value


class PredictThenReveal(RevealStack):
    fallback_note = PREDICT_NOTE

    def __init__(self, title: str, labels: Sequence[str], question, control, stack):
        super().__init__(title, labels, control, stack, question)

    def describe(self) -> str:
        idx = self.control.index
        showing = "nothing until a prediction is chosen" if idx is None else f'the result after "{self.labels[idx]}"'
        return (f'Predict, then reveal "{self.title}": {len(self.labels)} choices ({"; ".join(self.labels)}). '
                f"Showing: {showing}.")


def predict_then_reveal(question: str, choices: Sequence[tuple[str, str]], result_html: str, *, title: str,
                        description: str = "Your prediction") -> PredictThenReveal:
    """``choices`` are ``(label, feedback_html)`` pairs; ``result_html`` is shown under whichever feedback is chosen.
    HTML must already be escaped (built by the package); ``question`` is plain text."""
    if len(choices) < 2:
        raise ValueError(f"a prediction needs at least two choices; got {len(choices)} for {question!r}")
    labels = [label for label, _ in choices]
    control = widgets.RadioButtons(options=labels, index=None, description=description,
                                   style=wide(widgets.RadioButtons),
                                   layout=layout(width="auto"))
    children = [html(feedback + result_html, width="100%") for _, feedback in choices]
    stack = widgets.Stack(children=children, selected_index=None, layout=layout(width="100%"))
    link = widgets.jslink((control, "index"), (stack, "selected_index"))
    control.observe(lambda ch: setattr(stack, "selected_index", ch["new"]), names="index")
    head = html(render("predict_question.html.j2", question=question))
    shown = PredictThenReveal(title, labels, head, control, stack)
    shown.link = link  # the browser-side link that makes it work on the static page
    return shown
