"""Recurrence tests for the clinical corrections of issue 15.

- a treatment shown for a condition where a guideline advises against it always shows that position beside it;
- every printed guideline direction carries its condition text where the record has one;
- a reference marked unverified is never printed without its mark;
- one urgent-symptoms wording (same day), used everywhere; no "days, not weeks";
- one cast list: every made-up person a chapter introduces matches content/cast.yaml.
"""
from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from backcare.logic import selection
from backcare.views import care_pathways, comparing
from backcare.logic import positions as logic_positions
from backcare.views import positions as view_positions
from backcare.content import load_content
from backcare.content.cast import load_cast
from backcare.content.notices import load_notices, notice_text
from backcare.logic.guidance import advised_against, direction_label
from backcare.paths import chapter_id, chapter_notebooks, chapter_number, notebooks_dir, repo_root
from backcare.lessons.references import ReferenceList
from backcare.views.references import reference_html, reference_text

CONDITIONS = ("acute_nonspecific_lbp", "chronic_lbp", "sciatica", "stenosis")


def _plain(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _outputs(nb_path: Path) -> str:
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    out = []
    for cell in nb["cells"]:
        for o in cell.get("outputs", []):
            data = o.get("data", {})
            for kind in ("text/html", "text/plain"):
                if kind in data:
                    out.append("".join(data[kind]))
            if "text" in o:
                out.append("".join(o["text"]))
    return "\n".join(out)


# ---- item 1: advised-against positions always beside the option ------------------------------------------------

@pytest.mark.parametrize("condition", CONDITIONS)
def test_an_option_advised_against_for_a_condition_shows_that_position_in_every_view(condition):
    c = load_content()
    shown = selection.options_for_condition(condition)
    pairs = [(t, p) for t in shown for p in advised_against(t, condition)]
    time_view = _plain(care_pathways.time_to_effect_html(condition))
    for tid, p in pairs:
        view = _plain(comparing.options_view_html(condition, p.guideline))
        assert p.paraphrase in view, (tid, condition, p.guideline)
        assert p.paraphrase in time_view, (tid, condition)
        for tier in {c.treatments[tid].tier}:
            grid = _plain(view_positions.explorer_view_html(tier, condition, p.guideline))
            if c.treatments[tid].name in grid:
                assert p.paraphrase in grid, (tid, condition, tier)


def test_stenosis_views_carry_the_nice_position_on_epidurals_and_no_sciatica_evidence():
    c = load_content()
    assert "stenosis" not in c.treatments["epidural_steroid_injection"].conditions
    rows = {name: (when, src) for _lv, name, when, src in care_pathways.time_to_effect_rows("stenosis")}
    when, src = rows["Epidural steroid injection"]
    assert "neurogenic claudication" in when and "Oliveira" not in src and "Pinto" not in src
    assert all(e.population != "stenosis" for e in c.effects if e.treatment == "epidural_steroid_injection")


def test_the_sciatica_comparison_is_not_called_a_natural_course():
    html = _plain(care_pathways.time_to_effect_html("sciatica"))
    assert "not an untreated natural course" in html and "39" in html
    assert "Without any treatment" not in html


# ---- item 4: directions never without their condition ----------------------------------------------------------

def test_every_printed_direction_carries_its_condition():
    c = load_content()
    dis = care_pathways.show_disagreements().text + "\n" + view_positions.guideline_disagreements("medicine").text
    for p in c.positions:
        if not (p.verified and p.condition):
            continue
        label = direction_label(p)
        assert p.condition.rstrip(".") in label
        cells = logic_positions.position_cells(p.treatment, p.guideline)
        assert any(p.condition in cell.text() and p.condition.rstrip(".") in cell.short() for cell in cells)
        if any(d.treatment == p.treatment and p.guideline in d.positions for d in c.disagreements()):
            assert p.condition.rstrip(".") in dis, (p.treatment, p.guideline)


def test_cdc_prefers_other_care_and_is_never_printed_as_against():
    c = load_content()
    assert {p.direction for p in c.positions_for("opioids", "CDC")} == {"only_if"}
    for nb in sorted(notebooks_dir().glob("*.ipynb")):
        assert "CDC ✗ against" not in _outputs(nb), nb.name


def test_medial_branch_block_is_a_prerequisite_not_a_recommendation():
    (p,) = load_content().positions_for("medial_branch_block", "NICE")
    assert p.direction == "only_if" and "radiofrequency denervation" in p.condition


def test_only_if_needs_its_condition():
    from pydantic import ValidationError

    from backcare.content.models import GuidelinePosition

    with pytest.raises(ValidationError, match="only_if needs the condition"):
        GuidelinePosition(treatment="opioids", guideline="CDC", population="chronic_lbp", direction="only_if",
                          paraphrase="x", reference="CDC2022")


# ---- item 5: test accuracy carries its population ---------------------------------------------------------------

def test_test_accuracy_views_name_the_population():
    from backcare.logic.exam_tests import exam_tests
    from backcare.views.test_accuracy import accuracy_scenario

    for i, t in enumerate(exam_tests()):
        assert "surgical" in t.population
        assert t.population in _plain(accuracy_scenario(i, 0))
    nb = notebooks_dir() / "02_assessment_and_diagnosis.ipynb"
    text = _plain(_outputs(nb))
    for m in re.finditer(r"sensitivity (of )?\d\.\d+,? (and a )?specificity (of )?\d\.\d+", text):
        assert "studied in" in text[m.end(): m.end() + 40], text[m.start(): m.end() + 80]


# ---- item 6: unverified references always marked ---------------------------------------------------------------

def test_an_unverified_reference_is_never_printed_without_its_mark():
    c = load_content()
    unverified = [r for r in c.references.values() if r.citation_confidence != "✔"]
    assert unverified
    for r in unverified:
        assert "not fully verified" in reference_html(r) and "not fully verified" in reference_text(r)
    html = ReferenceList(tuple(r.key for r in unverified)).to_html()
    assert html.count("not fully verified") == len(unverified)


def test_from_memory_notes_are_not_marked_verified():
    for r in load_content().references.values():
        if r.note and re.search(r"from memory|DOI not verified|DOI not confirmed|Title, volume and DOI not verified", r.note, re.I):
            assert r.citation_confidence != "✔", r.key


# ---- item 2: one urgent wording ---------------------------------------------------------------------------------

def test_one_urgent_wording_same_day_everywhere():
    from backcare.logic import cases as logic_cases
    from backcare.views import cases, notice
    from backcare.views import procedures

    u = load_notices().urgent_symptoms
    assert "same day" in u.text and "days, not weeks" not in u.text
    assert u.references and all(k in load_content().references for k in u.references)
    for const in (notice.NOT_ADVICE, cases.NOT_ADVICE, procedures.URGENT_NOTE):
        assert const == notice_text()
    assert u.text in _plain(notice.URGENT_HTML)
    from backcare.builders.site_pages import notes_html
    assert u.text in _plain(notes_html()) and load_notices().not_medical_advice in _plain(notes_html())
    for nb in sorted(notebooks_dir().glob("*.ipynb")):
        assert "days, not weeks" not in _outputs(nb), nb.name
    assert "days, not weeks" not in "".join(procedures.URGENCY_LABELS.values()) + "".join(logic_cases.URGENCY_LABELS.values())


def test_readme_carries_the_same_urgent_wording():
    readme = " ".join((repo_root() / "README.md").read_text(encoding="utf-8").split())
    assert " ".join(load_notices().urgent_symptoms.text.split()) in readme


# ---- item 7: one cast ---------------------------------------------------------------------------------------------

_INTRO = re.compile(r"\*\*(\w+)\*\* \((?:a made-up person|also made up)\) is (\d+)")


def test_every_person_a_chapter_introduces_is_in_the_cast_with_one_age():
    cast = {p.name: p for p in load_cast().people}
    seen = 0
    for nb in chapter_notebooks():
        stem = chapter_id(nb.stem)
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        for name, age in _INTRO.findall(text):
            seen += 1
            assert name in cast, f"{nb.name}: {name} is not in content/cast.yaml"
            assert int(age) == cast[name].age and stem in cast[name].chapters, (nb.name, name, age)
        for other in cast.values():
            if stem not in other.chapters and stem != "99":
                assert not re.search(rf"\b{other.name}\b", text), f"{nb.name} uses {other.name} from another chapter"
    assert seen >= 3


def test_vignette_people_are_in_the_cast():
    from backcare.logic.cases import load_vignettes

    cast = {p.name: p for p in load_cast().people}
    for v in load_vignettes().vignettes:
        assert v.name in cast and cast[v.name].age == v.age


def test_notebook_prose_notices_use_the_one_wording():
    u = load_notices().urgent_symptoms
    want = " ".join(u.text.split())
    found = 0
    for nb in sorted(notebooks_dir().glob("*.ipynb")):
        for cell in json.loads(nb.read_text(encoding="utf-8"))["cells"]:
            src = "".join(cell["source"])
            if cell["cell_type"] == "markdown" and "**Urgent symptoms" in src:
                found += 1
                flat = " ".join(re.sub(r"^> ?", "", src, flags=re.M).split())
                assert want in flat, f"{nb.name}: an urgent-symptoms notice that is not the content/notices.yaml wording"
    assert found >= 5


# ---- item 8: every source a student sees is in the chapter's reference list ------------------------------------

@pytest.mark.parametrize("stem", [p.stem for p in chapter_notebooks() if chapter_number(p.stem) <= "07"])
def test_every_source_a_student_sees_is_in_the_chapter_reference_list(stem):
    from backcare.logic.review_packet import chapter_statements

    nb = json.loads((notebooks_dir() / f"{stem}.ipynb").read_text(encoding="utf-8"))
    listed = ""
    for cell in nb["cells"]:
        if "references_for" in "".join(cell["source"]):
            listed = "".join("".join(o.get("data", {}).get("text/html", "")) for o in cell.get("outputs", []))
    assert listed, f"{stem}: no executed References cell"
    listed_keys = set(re.findall(r'id="ref-([A-Za-z0-9]+)"', listed))
    seen = {k for s in chapter_statements(stem) for k in s.keys}  # prose, outputs (every explorer view), quiz
    missing = sorted(seen - listed_keys)
    assert not missing, f"{stem}: sources a student sees but the References cell does not list: {missing}"
