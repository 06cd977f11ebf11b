"""lessons.test_accuracy: the calculator shows exactly logic.test_accuracy's post-test probability; bad input
shows a message; the scenario explorer switches."""
from __future__ import annotations

import re

import pytest

from backcare.lessons.test_accuracy import accuracy_calculator, accuracy_explorer, accuracy_report
from backcare.logic.exam_tests import exam_test
from backcare.logic.natural_frequencies import natural_frequencies
from backcare.logic.test_accuracy import post_test_probability


@pytest.mark.parametrize("typed, pre", [("30%", 0.30), ("0.05", 0.05), ("1 %", 0.01), ("99%", 0.99), ("0", 0.0)])
@pytest.mark.parametrize("test", ["slr", "crossed_slr"])
@pytest.mark.parametrize("positive", [True, False])
def test_calculator_shows_post_test_probability(typed, pre, test, positive):
    calc = accuracy_calculator(test=test)
    calc.result.value = positive
    calc.pre_test.value = typed
    _name, sens, spec = exam_test(test)
    expected = post_test_probability(pre, sens, spec, positive=positive)
    shown = re.search(r'<span class="bc-post-test">([^<]+)</span>', calc.output.value).group(1)
    assert shown == f"{expected:.1%}"
    assert natural_frequencies(pre, sens, spec).sentence().split(".")[0] in calc.output.value


def test_calculator_own_test_and_bad_input():
    calc = accuracy_calculator()
    assert calc.sensitivity.disabled and calc.sensitivity.value == "0.92"
    calc.test.value = "own"
    assert not calc.sensitivity.disabled
    calc.sensitivity.value, calc.specificity.value, calc.pre_test.value = "0.8", "95%", "0.1"
    expected = post_test_probability(0.1, 0.8, 0.95)
    assert f'<span class="bc-post-test">{expected:.1%}</span>' in calc.output.value
    calc.pre_test.value = "30"
    assert "did you mean 30%?" in calc.output.value and 'role="alert"' in calc.output.value
    calc.pre_test.value = "0,3"
    assert "uses a comma" in calc.output.value
    calc.pre_test.value = ""
    assert "Nothing was entered" in calc.output.value
    calc.pre_test.value, calc.specificity.value, calc.sensitivity.value = "0", "1", "0.5"
    assert "undefined (0/0)" in calc.output.value


def test_accuracy_report_exact_worked_case():
    r = accuracy_report("30%", 0.92, 0.28, test_name="the straight leg raise")
    assert r.text.splitlines()[0] == "After a positive result on the straight leg raise: 35.4% (pre-test 30.0%)."


def test_accuracy_explorer_switches():
    ex = accuracy_explorer()
    assert "pre-test probability 10%" in ex.visible_html() and "Straight leg raise" in ex.visible_html()
    ex.outer.index = 1
    ex.inner.index = 2
    shown = ex.visible_html()
    assert "Crossed straight leg raise" in shown and "pre-test probability 60%" in shown
    expected = post_test_probability(0.6, 0.28, 0.90)
    assert f"{expected:.1%}" in shown
