"""content.chapter_assessment (and chapter_understanding): models reject unsourced flags; the committed JSON
Schemas of both chapter datasets are current."""
from __future__ import annotations

import pytest

from backcare.content.chapter_assessment import RedFlag


def test_chapter_model_rejects_unsourced_flag():
    with pytest.raises(ValueError, match="needs a post_test or at least one reference"):
        RedFlag(id="x", finding="Something", condition="fracture")


@pytest.mark.parametrize("module, model", [("chapter_understanding", "UnderstandingFile"),
                                           ("chapter_assessment", "AssessmentFile")])
def test_chapter_dataset_schema_is_current(module, model):
    """content/chapters/schema/<stem>.json is generated from the model: regenerate and compare."""
    import importlib

    from backcare.content.chapters import chapter_path
    from backcare.content.schema import render_schema

    mod = importlib.import_module(f"backcare.content.{module}")
    path = chapter_path(mod.STEM)
    schema = path.parent / "schema" / f"{mod.STEM}.json"
    expected = render_schema(getattr(mod, model), f"backcare chapter dataset: {mod.STEM}.yaml")
    assert schema.read_text(encoding="utf-8") == expected, (
        f"{schema} is stale: run backcare.content.schema.export_schema for {model}")
    assert path.read_text(encoding="utf-8").startswith(f"# yaml-language-server: $schema=schema/{mod.STEM}.json")
