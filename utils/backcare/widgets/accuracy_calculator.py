"""The test-accuracy calculator widget: choose a test (or your own), type a pre-test probability, see the post-test
probability and natural frequencies (wiring only)."""
from __future__ import annotations

import ipywidgets as widgets

from ..logic.exam_tests import exam_test, exam_tests
from ..views.render import Html
from ..views.test_accuracy import accuracy_report
from .explorer import _Described
from .shared import html, layout, wide

__all__ = ["AccuracyCalculator"]


class AccuracyCalculator(_Described, widgets.VBox):
    """Choose a test (or enter your own), type a pre-test probability, see the post-test probability."""

    def __init__(self, test: str, pre_test: str, positive: bool):
        self.tests = {t.id: t for t in exam_tests()}
        options = [(t.name, t.id) for t in self.tests.values()] + [("Your own test", "own")]
        self.test = widgets.Dropdown(options=options, value=test, description="Test", style=wide(widgets.Dropdown),
                                     layout=layout())
        self.pre_test = widgets.Text(value=pre_test, description="Pre-test probability",
                                     style=wide(widgets.Text), layout=layout(),
                                     placeholder="e.g. 30% or 0.3")
        self.sensitivity = widgets.Text(description="Sensitivity", style=wide(widgets.Text), layout=layout())
        self.specificity = widgets.Text(description="Specificity", style=wide(widgets.Text), layout=layout())
        self.result = widgets.ToggleButtons(options=[("Positive", True), ("Negative", False)], value=positive,
                                            description="Test result",
                                            style=wide(widgets.ToggleButtons), layout=layout())
        self.output = html()
        self._fill_test()
        self.test.observe(lambda _c: (self._fill_test(), self.update()), names="value")
        for w in (self.pre_test, self.sensitivity, self.specificity, self.result):
            w.observe(lambda _c: self.update(), names="value")
        super().__init__(children=[self.test, self.pre_test, self.sensitivity, self.specificity, self.result,
                                   self.output], layout=layout())
        self.update()

    def _fill_test(self) -> None:
        own = self.test.value == "own"
        if not own:
            _name, sens, spec = exam_test(self.test.value)
            self.sensitivity.value, self.specificity.value = f"{sens:g}", f"{spec:g}"
        self.sensitivity.disabled = self.specificity.disabled = not own

    def test_name(self) -> str:
        if self.test.value == "own":
            return "your test"
        t = self.tests[self.test.value]
        return f"the {t.name.lower()} (accuracy studied in: {t.population})"

    def report(self) -> Html:
        condition = None if self.test.value == "own" else self.tests[self.test.value].target
        return accuracy_report(self.pre_test.value, self.sensitivity.value, self.specificity.value,
                               self.result.value, test_name=self.test_name(), condition=condition)

    def update(self) -> None:
        self.output.value = self.report().html

    def describe(self) -> str:
        return "Test accuracy calculator. " + self.report().text
