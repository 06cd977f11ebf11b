"""Examination tests of chapter 02 (straight leg raise, crossed straight leg raise): name, sensitivity and
specificity from content, and their post-test probabilities at synthetic pre-test scenarios.

Examples
--------
>>> exam_test("slr")
('Straight leg raise', 0.92, 0.28)
>>> exam_test("mri")
Traceback (most recent call last):
...
ValueError: test must be one of slr, crossed_slr, not 'mri'
"""
from __future__ import annotations

from .facts import fact
from ..content.chapter_assessment import chapter_data

__all__ = ["SCENARIOS", "exam_test", "exam_tests"]

#: Pre-test probabilities for the static explorer: synthetic teaching scenarios, not facts.
SCENARIOS = (("Low (10%)", 0.10), ("Middle (30%)", 0.30), ("High (60%)", 0.60))


def exam_tests():
    """The examination tests in content order (id, name, target, fact ids)."""
    return chapter_data().exam_tests


def exam_test(test_id: str) -> tuple[str, float, float]:
    """(name, sensitivity, specificity) of an examination test from content."""
    tests = {t.id: t for t in chapter_data().exam_tests}
    if test_id not in tests:
        raise ValueError(f"test must be one of {', '.join(tests)}, not {test_id!r}")
    t = tests[test_id]
    return t.name, fact(t.sensitivity_fact).value, fact(t.specificity_fact).value
