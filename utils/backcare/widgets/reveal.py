"""Pick, then reveal: radio buttons (keyboard-usable) linked in the browser to a Stack of pre-rendered reveals.

Nothing is shown until a pick is made (``index`` None); each pick shows its own pre-rendered reveal, so the exercise
works on the static page with no kernel (jslink + Stack, tooling-notes §7). Wiring only: the reveals are built by the
views layer.

Examples
--------
>>> w = pick_then_reveal("Q", "Which?", [("A", "<p>a</p>"), ("B", "<p>b</p>")])
>>> w.visible_html() is None
True
>>> w.control.index = 1
>>> w.visible_html()
'<p>b</p>'
"""
from __future__ import annotations

from typing import Sequence

import ipywidgets as widgets

from .explorer import _Described
from .predict import RevealStack
from .shared import html, layout, wide


class PickReveal(RevealStack):
    """A pick (radio buttons) revealing one pre-rendered view per choice, under a header (chapter 06's glance)."""

    css_class = "bc-explorer"

    def describe(self) -> str:
        idx = self.control.index
        picked = self.labels[idx] if idx is not None else "no pick yet"
        return f'Predict, then reveal "{self.title}": {len(self.labels)} options ({"; ".join(self.labels)}). Pick: {picked}.'


def pick_then_reveal(title: str, question: str, views: Sequence[tuple[str, str]], *,
                     intro_html: str = "") -> PickReveal:
    """``views`` are ``(label, reveal_html)`` pairs; HTML must be built (escaped) by the package."""
    if not views:
        raise ValueError(f"a pick-then-reveal needs at least one option; got none for {title!r}")
    labels = [label for label, _ in views]
    control = widgets.RadioButtons(options=labels, index=None, description=question,
                                   style=wide(widgets.RadioButtons),
                                   layout=layout(width="auto"))
    stack = widgets.Stack(children=[html(body) for _, body in views], selected_index=None, layout=layout())
    widgets.jslink((control, "index"), (stack, "selected_index"))
    control.observe(lambda ch: setattr(stack, "selected_index", ch["new"]), names="index")
    header = html(intro_html)
    return PickReveal(title, labels, control, stack, header)


class PredictPanel(_Described, widgets.VBox):
    """Several pick-then-reveal questions under one introduction."""

    def __init__(self, title: str, intro, questions: Sequence[PickReveal]):
        self.title = title
        self.questions = list(questions)
        super().__init__(children=[intro, *questions], layout=layout(width="100%"))

    def describe(self) -> str:
        return f'{self.title}: ' + " ".join(q.describe() for q in self.questions)
