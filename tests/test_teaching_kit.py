"""The teaching kit: glossary data, instructor guide and notes, profession explorer, slides, licences, citation,
contributing guide and README sections."""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
import yaml

from backcare.content import ContentError
from backcare.content.glossary import GlossaryFile, check_glossary
from backcare.lessons.glossary import define, load_glossary
from backcare.notebook_meta import chapter_meta, is_instructor
from backcare.builders.student import notebook_role
from backcare.lessons.teaching import instructor_notes, load_teaching, teaching_by_profession
from backcare.paths import chapter_notebooks

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = chapter_notebooks(ROOT / "notebooks")
GUIDE = ROOT / "notebooks" / "99_instructor_guide.ipynb"


def _chapters():
    out = []
    for p in NOTEBOOKS:
        nb = nbformat.read(p, as_version=4)
        if notebook_role(nb, p.name) == "chapter":
            out.append((p, nb))
    return out


# ---- glossary ------------------------------------------------------------------------------------------------------

REQUIRED_TERMS = {
    "radicular_pain", "sciatica", "non_specific_lbp", "red_flag", "yellow_flag", "mid_mic", "comparator",
    "certainty_of_evidence", "invasiveness_scale", "natural_history", "regression_to_the_mean", "nocebo",
    "cauda_equina_syndrome", "neurogenic_claudication", "medial_branch_block", "rf_denervation",
    "spinal_cord_stimulation", "discectomy", "decompression", "fusion", "natural_frequencies",
}


def test_glossary_has_the_series_terms_with_known_sources():
    g = load_glossary()
    ids = {t.id for t in g.terms}
    assert REQUIRED_TERMS <= ids, f"missing glossary terms: {sorted(REQUIRED_TERMS - ids)}"
    assert len(g.terms) == 37
    assert g.term("mid_mic").references == ["Ostelo2008"]
    assert g.term("cauda_equina_syndrome").references == ["Finucane2020"]
    assert [t.term for t in g.sorted_terms()][:3] == ["Acute, subacute and chronic back pain",
                                                     "Biopsychosocial model", "Cauda equina syndrome"]


def test_glossary_definitions_that_state_numbers_cite_a_source():
    for t in load_glossary().terms:
        if re.search(r"\d", t.definition) and t.id not in ("natural_frequencies",):
            assert t.references, f"glossary entry {t.id} states a number without a source"


def test_glossary_uses_no_nocebo_labels_as_diagnoses():
    for t in load_glossary().terms:
        text = t.definition.lower()
        assert "wear and tear" not in text
        if "slipped disc" in text:
            assert "avoids" in text, f"{t.id}: 'slipped disc' only as a phrase to avoid"


def _write(tmp_path, body: str) -> Path:
    path = tmp_path / "glossary.yaml"
    path.write_text("terms:\n" + body, encoding="utf-8")
    return path


def test_bad_glossary_entries_are_reported_together(tmp_path):
    path = _write(tmp_path, "  - id: a\n    term: A\n    definition: d\n    references: [Nope1999]\n"
                            "    see_also: [b]\n  - id: a\n    term: A again\n    definition: d\n    references: []\n")
    with pytest.raises(ContentError) as info:
        load_glossary(path)
    text = str(info.value)
    assert text.startswith("3 problems in course content:")
    assert "glossary.yaml:5: terms.0.references.0: unknown reference key 'Nope1999': add it to references.yaml" in text
    assert "glossary.yaml:6: terms.0.see_also.0: entry 'a' points to 'b', which is not in the glossary" in text
    assert "glossary.yaml:7: terms.1.id: duplicate glossary id 'a'" in text


def test_glossary_yaml_traps_name_file_and_line(tmp_path):
    path = _write(tmp_path, "  - id: a\n    term: A\n    definition: <b>bold</b>\n    references: []\n"
                            "    sources: []\n")
    with pytest.raises(ContentError) as info:
        load_glossary(path)
    text = str(info.value)
    assert "glossary.yaml:4: terms.0.definition: HTML or script is not allowed in course text" in text
    assert ("glossary.yaml:6: terms.0.sources: unknown field "
            "(allowed: id, term, also, definition, references, see_also)") in text


def test_check_glossary_on_a_model_directly():
    g = GlossaryFile.model_validate({"terms": [
        {"id": "x", "term": "X", "definition": "d", "references": ["Costa2012"]}]})
    assert check_glossary(g, {"Costa2012"}) == []


def test_glossary_schema_is_current():
    from backcare.content.schema import expected_schemas

    fresh = expected_schemas()["glossary.schema.json"]
    committed = (ROOT / "content" / "glossary.schema.json").read_text(encoding="utf-8")
    assert fresh == committed, "content/glossary.schema.json is stale: run python -m backcare schema"


def test_define_shows_definition_sources_and_link():
    bundle = define("medial_branch_block")._repr_mimebundle_()
    assert bundle["text/plain"].endswith("(Sources: NICE NG59 2016.)")
    assert 'href="glossary.html#term-medial_branch_block"' in bundle["text/html"]


# ---- instructor guide and notes --------------------------------------------------------------------------------------

def test_instructor_guide_is_an_instructor_notebook_that_sorts_last():
    nb = nbformat.read(GUIDE, as_version=4)
    assert notebook_role(nb, GUIDE.name) == "instructor"
    assert NOTEBOOKS[-1] == GUIDE
    meta = chapter_meta(nb, GUIDE.name)
    assert meta.minutes == 30 and len(meta.objectives) == 5
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    assert "bc.instructor_notes()" in code and 'bc.teaching_by_profession("medicine")' in code
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for phrase in ("A 50-minute class", "Three common misconceptions", '"The scan finding explains the pain."',
                   '"A stronger treatment works better."', '"Rest is best."', "Discussion prompts with model answers",
                   "Case-study debriefs", "Check your understanding: assessing your students",
                   "medicine, physiotherapy, nursing and pharmacy"):
        assert phrase in text, f"the guide lacks {phrase!r}"


def test_instructor_notes_read_every_chapter_from_its_notebook():
    chapters = _chapters()
    notes = instructor_notes()
    assert [c.meta.name for c in notes.chapters] == [p.stem for p, _ in chapters]
    md = notes.markdown()
    for (path, nb), ch in zip(chapters, notes.chapters):
        meta = chapter_meta(nb, path.name)
        assert ch.meta == meta
        assert f"### {meta.title}\n\n*About {meta.minutes} minutes." in md
        for i, objective in enumerate(meta.objectives, 1):
            assert f"{i}. {objective}" in md
        expected = tuple(c.source.strip() for c in nb.cells if is_instructor(c) and c.source.strip())
        assert ch.notes == expected
    plain = notes._repr_mimebundle_()["text/plain"]
    assert plain.startswith(f"Instructor notes for {len(chapters)} chapters: 00_start_here (")


def test_instructor_notes_from_fixture_notebooks(tmp_path):
    from nbformat.v4 import new_markdown_cell, new_notebook

    nb = new_notebook(cells=[new_markdown_cell("# T"),
                             new_markdown_cell("# Debrief\nSee [@Costa2012].", metadata={"tags": ["instructor"]})])
    nb.metadata["backcare"] = {"title": "10 Test", "objectives": ["a", "b", "c"], "minutes": 20,
                               "prerequisites": ["00_start_here"]}
    nbformat.write(nb, tmp_path / "10_test.ipynb")
    guide = new_notebook(cells=[])
    guide.metadata["backcare"] = {"role": "instructor"}
    nbformat.write(guide, tmp_path / "99_guide.ipynb")
    md = instructor_notes(source=tmp_path).markdown()
    assert md == ("### 10 Test\n\n*About 20 minutes. Prerequisites: 00 start here.*\n\n"
                  "**Objectives (from the chapter's metadata)**\n\n1. a\n2. b\n3. c\n\n"
                  "**From the chapter's instructor notes**\n\n#### Debrief\nSee (Costa 2012).")
    with pytest.raises(ValueError, match=r"^no chapter matches '42'; chapters are 10_test$"):
        instructor_notes("42", source=tmp_path)


def test_profession_explorer_shows_the_chosen_profession():
    ex = teaching_by_profession("nursing")
    assert ex.labels == ["Medicine", "Physiotherapy", "Nursing", "Pharmacy"]
    assert ex.control.description == "Profession"
    assert 'aria-label="Adapting the series for Nursing"' in ex.visible_html()
    ex.control.index = 3
    assert 'aria-label="Adapting the series for Pharmacy"' in ex.visible_html()
    assert "The series gives no doses" in ex.visible_html()


def test_teaching_data_names_real_chapter_numbers():
    from backcare.paths import chapter_id

    ids = {chapter_id(p.stem) for p in NOTEBOOKS} - {"99"}
    ids |= {i[:2] for i in ids}  # "03" names every part of a split chapter
    for p in load_teaching().professions:
        for c in p.chapters:
            assert c in ids, f"{p.id}: chapter {c!r} is not a chapter of the series ({', '.join(sorted(ids))})"


# ---- licences, citation, contributing, README ------------------------------------------------------------------------

def test_licences():
    mit = (ROOT / "LICENSE").read_text()
    assert mit.startswith("MIT License") and "Permission is hereby granted, free of charge" in mit
    content = (ROOT / "LICENSE-content.md").read_text()
    assert "Creative Commons Attribution 4.0 International" in content
    assert "https://creativecommons.org/licenses/by/4.0/" in content


def test_citation_cff_is_valid_cff_1_2_0():
    data = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert data["cff-version"] == "1.2.0"
    for key in ("message", "title", "authors", "type", "license", "version"):
        assert data.get(key), f"CITATION.cff lacks {key}"
    assert data["type"] in ("software", "dataset")
    assert set(data["license"]) == {"MIT", "CC-BY-4.0"}  # SPDX identifiers
    for author in data["authors"]:
        assert set(author) <= {"name", "family-names", "given-names", "orcid", "affiliation", "email", "website"}
        assert author.get("name") or author.get("family-names")
    allowed = {"cff-version", "message", "title", "authors", "type", "license", "version", "abstract", "keywords",
               "date-released", "doi", "repository-code", "url", "identifiers", "preferred-citation", "contact",
               "commit", "references", "license-url", "repository", "repository-artifact"}
    assert set(data) <= allowed, f"unknown CFF keys {set(data) - allowed}"
    import backcare
    assert data["version"] == backcare.__version__


def test_contributing_guides_a_clinician_through_a_correction():
    text = (ROOT / "CONTRIBUTING.md").read_text()
    for phrase in ("content/facts.yaml", "content/references.yaml", "content/glossary.yaml", "tests/test_golden.py",
                   "nbval", "make execute", "make content", "reference", "confidence", "content/reviews/"):
        assert phrase in text, f"CONTRIBUTING.md does not mention {phrase!r}"


def test_readme_has_class_and_licence_sections_and_keeps_quick_start():
    text = (ROOT / "README.md").read_text()
    assert "## Quick start" in text
    running = text.split("## Running a class", 1)[1].split("\n## ", 1)[0]
    for phrase in ("Binder", "environment.yml", "nbgitpuller", "JupyterHub", "lab machines", "constraints.txt",
                   "reveal.js", "never a CDN", "make student"):
        assert phrase in running, f"README 'Running a class' lacks {phrase!r}"
    licence = text.split("## Licence and citation", 1)[1]
    for phrase in ("MIT", "CC BY 4.0", "CITATION.cff", "LICENSE-content.md", "CONTRIBUTING.md"):
        assert phrase in licence
    assert (ROOT / "docs" / "teaching.md").is_file()
