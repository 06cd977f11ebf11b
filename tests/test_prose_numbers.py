"""The prose-number lint (backcare.dev.lint): numbers in notebook prose are held by content/ or allowed with a reason."""
from __future__ import annotations

import re
import textwrap
from decimal import Decimal
from pathlib import Path

import nbformat
import pytest

from backcare.dev import lint
from backcare.content import ContentError
from backcare.dev.lint import (AllowList, Finding, check_markdown, clean_markdown, content_numbers, load_allow_list,
                           main, numbers_in_text, prose_numbers, unused_allowances)
from backcare.paths import chapter_notebooks

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = chapter_notebooks(ROOT / "notebooks")
NONE = AllowList()


# ---- every committed notebook ------------------------------------------------------------------------------

@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_prose_numbers_are_in_content_or_allowed(path):
    findings = prose_numbers(path)
    assert not findings, (
        f"{len(findings)} number(s) in {path.name} are not in content/: add the fact to content/facts.yaml with its "
        "reference, fix the number, or allow a non-fact in content/prose_numbers.yaml with a reason:\n"
        + "\n".join(map(str, findings))
    )


def test_allow_list_has_no_stale_entries():
    assert unused_allowances(NOTEBOOKS) == []


def test_allow_list_entries_name_notebook_stems():
    # chapters are written in parallel, so an entry may name a notebook that is not committed yet; its name must
    # still look like a notebook stem (a typo would otherwise silently excuse nothing)
    for entry in load_allow_list().allow:
        for stem in entry.notebooks:
            assert re.fullmatch(r"\d{2}[a-z]?_[a-z0-9_]+", stem), f"allow-list entry names {stem!r}, not a notebook stem"


# ---- reading numbers ------------------------------------------------------------------------------------------

def test_numbers_in_text_reads_signs_separators_and_skips_identifiers():
    text = "MD −3.30 (−5.33 to −1.27), 11 166 people, 1,652 randomised, 100 000, NG59, CD013577, 1.3.7, v2"
    assert numbers_in_text(text) == [Decimal("3.30"), Decimal("5.33"), Decimal("1.27"), Decimal(11166),
                                     Decimal(1652), Decimal(100000)]


def test_ranges_natural_frequencies_and_percentages_give_each_number():
    assert numbers_in_text("12–18 points; 1 in 13; 9 out of 1,000; 0.9 %") == [
        Decimal(12), Decimal(18), Decimal(1), Decimal(13), Decimal(9), Decimal(1000), Decimal("0.9")]


def test_clean_markdown_drops_citations_code_urls_tags_levels_and_list_markers():
    source = textwrap.dedent("""\
        ## 2. Heading
        1. See [the review](https://doi.org/10.1002/14651858.CD013581) [@vanderGaag2020; @Enthoven2016].
        2. Call `bc.show_x(42)` at <span data-n="77">L4/5 and S1</span>.

        ```python
        x = 3.14159
        ```
        Visit www.example.org/page/55 for more.""")
    assert clean_markdown(source) == "Heading See the review. Call at and. Visit for more."


# ---- matching -------------------------------------------------------------------------------------------------

def test_matching_is_tolerant_of_formatting_only():
    numbers = content_numbers()
    assert numbers.holds(Decimal("7.29"))          # van der Gaag 2020 acute NSAIDs
    assert numbers.holds(Decimal("3.30"))          # Enthoven 2016, written with its trailing zero
    assert not numbers.holds(Decimal("7.28"))      # rounding is not formatting
    assert not numbers.holds(Decimal("7.2"))
    assert numbers.holds(Decimal("0.9"), percent=True)


@pytest.mark.parametrize("prose", [
    "Acute NSAIDs: pain −7.29 (−10.98 to −3.61) on 0–100.",
    "Chronic NSAIDs: −3.30 points (−5.33 to −1.27).",
    "About 619 million people (554 to 694 million) in 2020.",
    "Serious pathology: 0.9 % (11 of 1172).",
    "Possible serious pathology is rare (about 9 in 1,000).",
    "Counts out of 1,000 people.",
    "As Costa 2012 and Henschke 2009 showed.",
    "See chapter 02 and 03 Self-care and non-invasive care.",
])
def test_prose_held_by_content_gives_no_finding(prose):
    assert check_markdown("demo", [prose], allow=NONE) == []


@pytest.mark.parametrize("prose, number", [
    ("Acute NSAIDs: pain −7.2 on 0–100.", "−7.2"),
    ("Chronic NSAIDs: −7.29 would be the acute figure; −4.42 is made up.", "−4.42"),
    ("About 61.9 % of people.", "61.9"),
    ("As Costa 2011 showed.", "2011"),
    ("Rare: about 59 in 1,000 people.", "59"),
])
def test_numbers_not_in_content_are_found(prose, number):
    findings = check_markdown("demo", [prose], allow=NONE)
    assert [f.number for f in findings] == [number]


def test_a_percentage_must_match_a_percentage_or_a_proportion():
    # 13 is a trial count (Enthoven 2016) in content, not a percentage; 0.92 is a proportion (MRI for infection)
    assert check_markdown("demo", ["The review pooled 13 trials."], allow=NONE) == []
    assert [f.number for f in check_markdown("demo", ["About 13 % of people improved."], allow=NONE)] == ["13"]
    assert check_markdown("demo", ["MRI specificity for infection was 92 % (0.92)."], allow=NONE) == []


def test_finding_message_names_notebook_cell_context_and_number():
    findings = check_markdown("02_assessment", ["Intro.", "The pooled sensitivity was 0.935 in surgical series."],
                              cell_numbers=[3, 7], allow=NONE)
    assert [str(f) for f in findings] == [
        '02_assessment: cell 7: "The pooled sensitivity was 0.935 in surgical series.": 0.935 not found in content/']
    assert findings == [Finding("02_assessment", 7, "0.935", "The pooled sensitivity was 0.935 in surgical series.")]


def test_instructor_timings_and_metadata_minutes_are_not_facts():
    assert check_markdown("demo", ["Timing for a 45-minute class: 21 min burden."], instructor=[True],
                          allow=NONE) == []
    assert [f.number for f in check_markdown("demo", ["Time: about 45 minutes; 21 min burden."], minutes=45,
                                             allow=NONE)] == ["21"]


def test_allow_list_entry_is_specific_to_notebook_number_and_context(tmp_path):
    path = tmp_path / "allow.yaml"
    path.write_text(textwrap.dedent("""\
        allow:
          - notebooks: [demo]
            number: 4.5
            context: CC BY 4.5
            reason: licence version, not a fact
        """), encoding="utf-8")
    allow = load_allow_list(path)
    assert check_markdown("demo", ["Licensed CC BY 4.5."], allow=allow) == []
    assert [f.number for f in check_markdown("demo", ["Effect size 4.5 points."], allow=allow)] == ["4.5"]
    assert [f.number for f in check_markdown("other", ["Licensed CC BY 4.5."], allow=allow)] == ["4.5"]


def test_allow_list_without_a_reason_is_refused_naming_the_field(tmp_path):
    path = tmp_path / "allow.yaml"
    path.write_text("allow:\n  - notebooks: [demo]\n    number: 3\n    context: 3 questions\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"allow\.0\.reason"):
        load_allow_list(path)


# ---- notebooks and the command line ---------------------------------------------------------------------------

def _notebook(tmp_path, *sources, tags=()):
    nb = nbformat.v4.new_notebook()
    nb.metadata["backcare"] = {"minutes": 30}
    nb.cells = [nbformat.v4.new_code_cell("%matplotlib inline\nimport backcare as bc")]
    for i, src in enumerate(sources):
        cell = nbformat.v4.new_markdown_cell(src)
        if i < len(tags) and tags[i]:
            cell.metadata["tags"] = [tags[i]]
        nb.cells.append(cell)
    path = tmp_path / "07_demo.ipynb"
    nbformat.write(nb, path)
    return path


def test_prose_numbers_reads_markdown_only_and_numbers_cells_from_one(tmp_path):
    path = _notebook(tmp_path, "Pain fell by 7.29 [@vanderGaag2020].", "Teachers: the NSAID effect is 7.2.",
                     tags=[None, "instructor"])
    assert [str(f) for f in prose_numbers(path)] == [
        '07_demo: cell 3: "Teachers: the NSAID effect is 7.2.": 7.2 not found in content/']


def test_stale_allow_list_entries_are_reported(tmp_path):
    path = _notebook(tmp_path, "Licensed CC BY 4.5.")
    allow_path = tmp_path / "allow.yaml"
    allow_path.write_text(textwrap.dedent("""\
        allow:
          - notebooks: [07_demo]
            number: 4.5
            context: CC BY 4.5
            reason: licence version, not a fact
          - notebooks: [07_demo]
            number: 3
            context: 3 questions
            reason: count of questions, not a fact
          - notebooks: [08_other]
            number: 5
            context: 5 questions
            reason: another notebook, not judged in this run
        """), encoding="utf-8")
    assert unused_allowances([path], load_allow_list(allow_path)) == [
        'prose_numbers.yaml: entry 2 (07_demo: 3 "3 questions") matches no number in the prose any more; remove it']


def test_main_exit_codes_and_output(tmp_path, capsys):
    bad = _notebook(tmp_path, "Chronic NSAIDs cut pain by 7.2 points.")
    assert main([str(bad)]) == 1
    out = capsys.readouterr()
    assert out.out.splitlines() == ['07_demo: cell 2: "Chronic NSAIDs cut pain by 7.2 points.": 7.2 not found in content/']
    assert "1 prose number(s) not found" in out.err
    assert main([str(tmp_path / "missing.ipynb")]) == 2
    assert "error: no notebook at" in capsys.readouterr().err
    not_nb = tmp_path / "x.ipynb"
    not_nb.write_text("not json", encoding="utf-8")
    assert main([str(not_nb)]) == 2
    assert "is not a readable notebook" in capsys.readouterr().err
