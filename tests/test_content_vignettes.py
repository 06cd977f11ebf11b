"""backcare.content.vignettes: the vignettes file's own rules and its committed JSON Schema."""
from __future__ import annotations

import pytest

from backcare.content.vignettes import VignettesFile
from backcare.logic import cases as logic


def test_vignettes_file_with_unknown_red_flag_names_it(tmp_path):
    from backcare.paths import content_dir

    text = (content_dir() / "chapters" / logic.VIGNETTES_FILE).read_text(encoding="utf-8")
    bad = tmp_path / logic.VIGNETTES_FILE
    bad.write_text(text.replace("red_flags: [older_age]", "red_flags: [old_age]", 1), encoding="utf-8")
    with pytest.raises(ValueError, match=r"vignettes\.2\.red_flags\.0: .old_age. is not a valid red flag; supported "
                                         r"values are .*\(similar: older_age\)"):
        logic.load_vignettes(bad)


def test_vignettes_schema_is_current():
    """content/chapters/schema/vignettes.json is generated from the model: regenerate and compare."""
    from backcare.content.schema import render_schema
    from backcare.paths import content_dir

    folder = content_dir() / "chapters"
    expected = render_schema(VignettesFile, "backcare chapter dataset: vignettes.yaml")
    assert (folder / "schema" / "vignettes.json").read_text(encoding="utf-8") == expected
    assert (folder / logic.VIGNETTES_FILE).read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=schema/vignettes.json")
