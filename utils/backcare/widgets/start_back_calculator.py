"""The STarT Back calculator widget: nine checkboxes (teaching paraphrase) -> the scored summary (wiring only)."""
from __future__ import annotations

from typing import Mapping

import ipywidgets as widgets

from ..logic.start_back import START_BACK_ITEMS
from ..views.start_back import start_back_intro, start_back_summary
from .explorer import _Described
from .shared import html, layout, style

__all__ = ["StartBackCalculator"]


class StartBackCalculator(_Described, widgets.VBox):
    """Nine checkboxes (teaching paraphrase of the items) -> scores and risk group from ``logic.start_back``."""

    def __init__(self, answers: Mapping[int, bool]):
        self.boxes = {
            item.number: widgets.Checkbox(value=bool(answers[item.number]),
                                          description=f"{item.number}. {item.text}", indent=False,
                                          layout=layout(width="auto"), style=style(widgets.Checkbox))
            for item in START_BACK_ITEMS
        }
        self.output = html()
        for box in self.boxes.values():
            box.observe(lambda _change: self.update(), names="value")
        super().__init__(children=[html(start_back_intro()), *self.boxes.values(), self.output], layout=layout())
        self.update()

    def answers(self) -> dict[int, bool]:
        return {n: box.value for n, box in self.boxes.items()}

    def update(self) -> None:
        self.output.value = start_back_summary(self.answers(), with_source=False).html

    def describe(self) -> str:
        return "STarT Back calculator. " + start_back_summary(self.answers()).text
