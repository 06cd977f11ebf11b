"""lessons.examination: nerve-root table and explorer; outcome measures exact (Ostelo 2008, Kamper 2010)."""
from __future__ import annotations

import pytest

from backcare.lessons.examination import nerve_root_explorer, nerve_root_table, outcome_measures_table


def test_nerve_root_table_and_explorer():
    text = nerve_root_table().text
    assert "L4 | L3-L4 | Knee extension (quadriceps) | Knee (patellar) reflex reduced" in text
    assert "L5 | L4-L5 |" in text and "No reliable reflex" in text
    assert "S1 | L5-S1 |" in text and "Ankle (Achilles) reflex reduced" in text
    ex = nerve_root_explorer("L4")
    ex.control.index = 2
    assert "S1 root" in ex.visible_html() and "tiptoe" in ex.visible_html()
    with pytest.raises(ValueError, match="root must be one of L4, L5, S1, not 'L3'"):
        nerve_root_explorer("L3")


def test_outcome_measures_exact():
    text = outcome_measures_table().text
    for row in ("Numeric pain rating scale (NRS) | 0 to 10 | 2 points (or a 30% fall from the starting score)",
                "Visual analogue scale (VAS) for pain | 0 to 100 | 15 points",
                "Roland-Morris Disability Questionnaire (RMDQ) | 0 to 24 | 5 points",
                "Oswestry Disability Index (ODI) | 0 to 100 | 10 points",
                "Quebec Back Pain Disability Scale | 0 to 100 | 20 points"):
        assert row in text
    assert "pain 0 on the 0-10 scale and an RMDQ score of 2 or less" in text
