"""logic.exam_tests: straight leg raise and crossed straight leg raise from van der Windt 2010."""
from __future__ import annotations

import pytest

from backcare.logic.exam_tests import exam_test


def test_exam_tests_from_van_der_windt():
    assert exam_test("slr") == ("Straight leg raise", 0.92, 0.28)
    assert exam_test("crossed_slr") == ("Crossed straight leg raise", 0.28, 0.90)
    with pytest.raises(ValueError, match="test must be one of slr, crossed_slr, not 'lasegue'"):
        exam_test("lasegue")
