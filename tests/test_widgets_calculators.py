"""widgets.red_flag_checker, widgets.start_back_calculator, widgets.accuracy_calculator: driven by setting values,
each shows exactly what its view renders from the pure function."""
from __future__ import annotations

from backcare.logic.red_flags import red_flag_report
from backcare.views.red_flags import red_flag_report_html
from backcare.views.start_back import start_back_summary
from backcare.views.test_accuracy import accuracy_report
from backcare.widgets.accuracy_calculator import AccuracyCalculator
from backcare.widgets.red_flag_checker import RedFlagChecker
from backcare.widgets.start_back_calculator import StartBackCalculator


def test_red_flag_checker_shows_the_report_of_its_ticks():
    checker = RedFlagChecker(["fever"])
    assert checker.ticked() == ["fever"]
    checker.boxes["history_of_cancer"].value = True
    assert checker.output.value == red_flag_report_html(red_flag_report(["fever", "history_of_cancer"]))
    assert checker.describe() == "Red-flag checker. " + red_flag_report(checker.ticked()).to_text()


def test_start_back_calculator_shows_the_summary_of_its_answers():
    calc = StartBackCalculator({n: False for n in range(1, 10)})
    calc.boxes[9].value = True
    assert calc.answers()[9] is True and sum(calc.answers().values()) == 1
    assert calc.output.value == start_back_summary(calc.answers(), with_source=False).html  # its heading names the source
    assert calc.describe().startswith("STarT Back calculator. Total score 1 of 9")


def test_accuracy_calculator_fills_the_test_and_frees_the_fields_for_your_own():
    calc = AccuracyCalculator("crossed_slr", "20%", False)
    assert (calc.sensitivity.value, calc.specificity.value, calc.sensitivity.disabled) == ("0.28", "0.9", True)
    assert calc.output.value == accuracy_report("20%", "0.28", "0.9", False,
                                                test_name=calc.test_name(),
                                                condition=calc.tests["crossed_slr"].target).html
    assert calc.test_name().startswith("the crossed straight leg raise")
    calc.test.value = "own"
    assert not calc.specificity.disabled and calc.test_name() == "your test"
    calc.sensitivity.value = "nope"
    assert 'role="alert"' in calc.output.value and calc.describe().startswith("Test accuracy calculator. Sensitivity:")
