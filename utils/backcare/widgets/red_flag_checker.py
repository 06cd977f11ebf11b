"""The red-flag checker widget: one checkbox per red flag, the report for the ticked set (wiring only)."""
from __future__ import annotations

from typing import Iterable

import ipywidgets as widgets

from ..content.chapter_assessment import chapter_data
from ..logic.red_flags import red_flag_report
from ..views.red_flags import checker_heading, red_flag_report_html
from .explorer import _Described
from .shared import html, layout, style

__all__ = ["RedFlagChecker"]


class RedFlagChecker(_Described, widgets.VBox):
    """Checkboxes for red-flag findings and the report for the ticked set (live kernel)."""

    def __init__(self, ticked: Iterable[str]):
        flags = chapter_data().red_flags
        self.boxes = {f.id: widgets.Checkbox(value=f.id in ticked, description=f.finding, indent=False,
                                             layout=layout(width="auto"), style=style(widgets.Checkbox))
                      for f in flags}
        self.output = html()
        for box in self.boxes.values():
            box.observe(lambda _change: self.update(), names="value")
        title = html(checker_heading())
        super().__init__(children=[title, *self.boxes.values(), self.output], layout=layout())
        self.update()

    def ticked(self) -> list[str]:
        return [fid for fid, box in self.boxes.items() if box.value]

    def update(self) -> None:
        self.output.value = red_flag_report_html(red_flag_report(self.ticked()))

    def describe(self) -> str:
        return "Red-flag checker. " + red_flag_report(self.ticked()).to_text()
