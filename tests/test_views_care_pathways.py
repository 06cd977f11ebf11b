"""backcare.views.care_pathways and its dataset: pathways, disagreements, access; the chapter file's ids and schema."""
from __future__ import annotations

import pytest

from backcare.content import care_pathways, store
from backcare.views import care_pathways as views_pathways


def test_pathways_uk_positive_us_not_replicated():
    block = views_pathways.show_care_pathways()
    assert "- UK primary care (STarT Back trial) (benefit found)" in block.text
    assert "- US primary care (MATCH, a cluster trial in 6 clinics) (no benefit found)" in block.text
    assert "1.81 (1.06 to 2.57)" in block.html  # Hill 2011, RMDQ at 4 months
    assert "Where red flags leave the pathway" in block.html


def test_disagreements_are_derived_from_positions():
    from backcare.content import load_content

    block = views_pathways.show_disagreements()
    derived = [d.treatment for d in load_content().disagreements()]
    names = [load_content().treatments[t].name for t in derived]
    assert [line[2:].split(":")[0] for line in block.text.splitlines()[1:]] == names
    assert ("Acupuncture and dry needling: ACP ✓ for (acute low back pain) / ✓ for (chronic low back pain); "
            "NICE ✗ against (all low back pain); WHO ✓ for (chronic low back pain)") in block.text


def test_access_us_is_one_dated_example():
    block = views_pathways.show_access_and_coverage()
    assert "1 July 2021" in block.html and "1 July 2023" in block.html
    assert "Check your own plan or health system" in block.html
    assert block.html.index("How access works in most health systems") < block.html.index("One dated example")


def test_chapter_file_ids_resolve():
    assert store.read_with_problems(f"chapters/{views_pathways.CHAPTER_FILE}")[1] == []


def test_chapter_file_with_unknown_key_names_it(tmp_path):
    from backcare.paths import content_dir

    text = (content_dir() / "chapters" / views_pathways.CHAPTER_FILE).read_text(encoding="utf-8")
    bad = tmp_path / views_pathways.CHAPTER_FILE
    bad.write_text(text.replace("references: [Cherkin2018]", "references: [Nobody1999]", 1), encoding="utf-8")
    with pytest.raises(ValueError, match=r"pathways\.0\.findings\.1\.references\.0: unknown reference key 'Nobody1999'"):
        store.read(f"chapters/{views_pathways.CHAPTER_FILE}", path=bad)


def test_chapter_schema_is_current():
    """content/chapters/schema/06_comparing_options.json is generated from the model: regenerate and compare."""
    from backcare.content.schema import render_schema
    from backcare.paths import content_dir

    folder = content_dir() / "chapters"
    expected = render_schema(care_pathways.Chapter06, "backcare chapter dataset: 06_comparing_options.yaml")
    assert (folder / "schema" / "06_comparing_options.json").read_text(encoding="utf-8") == expected
    assert (folder / views_pathways.CHAPTER_FILE).read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=schema/06_comparing_options.json")
