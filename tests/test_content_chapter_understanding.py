"""content.chapter_understanding: the chapter 01 dataset's model rejects unsourced or unflagged ranges;
problems are reported together."""
from __future__ import annotations

import pytest

from backcare.content.chapter_understanding import STEM, TriageGroup, UnderstandingFile


def test_chapter_data_rejects_unflagged_uncertain_range(tmp_path):
    with pytest.raises(ValueError, match="set approximate: true"):
        TriageGroup(id="radicular", label="x", low=5, high=10, confidence="?")
    with pytest.raises(ValueError, match="give a fact id, or low, high and confidence"):
        TriageGroup(id="radicular", label="x")


def test_chapter_dataset_problems_are_reported_together(tmp_path):
    import re as _re

    from backcare.content.chapters import chapter_path, read_chapter
    from backcare.content import ContentError

    text = chapter_path(STEM).read_text(encoding="utf-8")
    text = text.replace("fact: costa_acute_pain_6_weeks", "fact: costa_acute_pain_7_weeks")
    text = text.replace("reference: ACP2017", "reference: ACP2099")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as err:
        read_chapter(bad, UnderstandingFile)
    message = str(err.value)
    assert message.startswith("2 problems in course content:")
    assert "definitions.0.reference: unknown reference key 'ACP2099'" in message
    assert _re.search(r"natural_history\.courses\.0\.points\.1\.fact: unknown fact id 'costa_acute_pain_7_weeks'",
                      message)
    trap = tmp_path / "trap.yaml"
    original = chapter_path(STEM).read_text(encoding="utf-8")
    trap.write_text(original.replace("\n  approximate: true", "\n  approximate: yes", 1), encoding="utf-8")
    with pytest.raises(ContentError, match=r"approximate: 'yes' is text in course YAML"):
        read_chapter(trap, UnderstandingFile)
