"""Chapter 02, test accuracy: the post-test report, the live calculator (opening on a synthetic case) and the
explorer of pre-computed scenarios (test x pre-test probability). Teaching material, not medical advice."""
from __future__ import annotations

from ..logic.exam_tests import SCENARIOS, exam_test, exam_tests
from ..views.test_accuracy import accuracy_report, accuracy_scenario
from ..widgets.accuracy_calculator import AccuracyCalculator
from ..widgets.explorer import NestedExplorer, nested_explorer

__all__ = ["accuracy_report", "accuracy_calculator", "accuracy_explorer"]


def accuracy_calculator(test: str = "slr", pre_test: str = "30%", positive: bool = True) -> AccuracyCalculator:
    """Live calculator opening on a synthetic case (straight leg raise, pre-test 30%, positive result).

    Examples
    --------
    >>> calc = accuracy_calculator()
    >>> calc.pre_test.value = "10%"
    >>> calc.report().text.splitlines()[0]  # doctest: +ELLIPSIS
    'After a positive result on the straight leg raise (accuracy studied in: mostly surgical series ..., not primary care): 12.4% (pre-test 10.0%).'
    >>> accuracy_calculator(test="mri")
    Traceback (most recent call last):
    ...
    ValueError: test must be one of slr, crossed_slr, not 'mri'
    """
    if test != "own":
        exam_test(test)
    return AccuracyCalculator(test, pre_test, positive)


def accuracy_explorer() -> NestedExplorer:
    """Pre-computed scenarios: test (dropdown) x pre-test probability (buttons); works with no kernel.

    Examples
    --------
    >>> ex = accuracy_explorer()
    >>> ex.outer.index = 1
    >>> ex.describe()
    'Explorer "Test accuracy scenarios": 2 x 3 views. Showing: Crossed straight leg raise / Low (10%).'
    """
    return nested_explorer("Test accuracy scenarios", [t.name for t in exam_tests()], [s[0] for s in SCENARIOS],
                           accuracy_scenario, outer_description="Test", inner_description="Pre-test probability")
