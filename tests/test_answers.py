"""Model answers (content/answers/), "Compare your answer" cells, core/extension prompts and your-turn cells."""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from backcare.builders.audience import audience_notebook
from backcare.content import ContentError
from backcare.content.answers import CALL_RE, all_answer_files, answers_file, read_answers
from backcare.lessons.answers import compare_answer
from backcare.notebook_meta import TAG_ANSWER, TAG_YOUR_TURN, cell_tags
from backcare.paths import chapter_notebooks

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = {p.stem: p for p in chapter_notebooks(ROOT / "notebooks")}
PROMPT = "**A question to think about"
#: Chapters whose every prompt has its answer cell (all of them once issue 16 is done).
ANSWERED = sorted(p.stem for p in (ROOT / "content" / "answers").glob("[0-9]*.yaml"))
#: Chapters 01-06 end their main section with an optional your-turn cell.
YOUR_TURN = [s for s in NOTEBOOKS if s[:2] in ("01", "02", "03", "04", "05", "06")]


def _nb(stem):
    return nbformat.read(NOTEBOOKS[stem], as_version=4)


def _calls(cell):
    return CALL_RE.findall(cell.source) if cell.cell_type == "code" else []


def test_every_answers_file_belongs_to_a_notebook():
    assert ANSWERED, "no content/answers/*.yaml"
    assert set(ANSWERED) <= set(NOTEBOOKS), set(ANSWERED) - set(NOTEBOOKS)


@pytest.mark.parametrize("stem", ANSWERED)
def test_every_prompt_is_followed_by_its_answer_cell(stem):
    nb = _nb(stem)
    answers = read_answers(answers_file(stem)).answers
    kinds = {a.id: a for a in answers}
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown" and PROMPT in cell.source:
            assert cell.source.rstrip().rfind(PROMPT) >= 0
            nxt = nb.cells[i + 1:i + 3]
            calls = [c for c in nxt if _calls(c)]
            assert calls, f"{stem}: cell {i + 1} asks a question with no Compare-your-answer cell after it"
            answer = kinds[_calls(calls[-1])[0][1]]
            assert answer.kind == "prompt", f"{stem}: {answer.id} follows a prompt but is kind {answer.kind}"
            marked = "(extension)" in cell.source[cell.source.rfind(PROMPT):][:60]
            assert marked == answer.extension, f"{stem}: cell {i + 1}: prompt and answer {answer.id} disagree on extension"


@pytest.mark.parametrize("stem", ANSWERED)
def test_answer_cells_are_tagged_and_each_answer_is_shown_once(stem):
    nb = _nb(stem)
    shown = []
    for cell in nb.cells:
        for chapter, aid in _calls(cell):
            assert stem.startswith(chapter)
            assert TAG_ANSWER in cell_tags(cell), f"{stem}: compare_answer cell for {aid} is not tagged 'answer'"
            assert cell.source.strip() == f'bc.compare_answer("{chapter}", "{aid}")', "one call per answer cell"
            shown.append(aid)
    ids = [a.id for a in read_answers(answers_file(stem)).answers]
    assert sorted(shown) == sorted(ids), f"{stem}: answers never shown {set(ids) - set(shown)}, shown twice or " \
                                         f"unknown {[a for a in shown if shown.count(a) > 1 or a not in ids]}"


@pytest.mark.parametrize("stem", ANSWERED)
def test_at_most_six_core_prompts(stem):
    core = [a for a in read_answers(answers_file(stem)).answers if a.kind == "prompt" and not a.extension]
    assert len(core) <= 6, f"{stem}: {len(core)} core prompts; mark the rest as extension"


@pytest.mark.parametrize("stem", ANSWERED)
def test_answer_output_is_a_collapsed_block_with_linked_citations(stem):
    nb = _nb(stem)
    for cell in nb.cells:
        for chapter, aid in _calls(cell):
            html = "".join(o.get("data", {}).get("text/html", "") for o in cell.outputs)
            assert html.startswith('<details class="bc-answer'), f"{stem}: {aid} output is not a <details> block"
            assert "<summary>Compare your answer" in html
            assert "[@" not in html, f"{stem}: {aid}: a citation was not linked"


def test_class_audience_removes_answers_and_self_study_keeps_them():
    nb = _nb("01_understanding_back_pain")
    n = sum(1 for c in nb.cells if TAG_ANSWER in cell_tags(c))
    assert n >= 6
    assert not any(TAG_ANSWER in cell_tags(c) for c in audience_notebook(nb, "class").cells)
    assert sum(1 for c in audience_notebook(nb, "self-study").cells if TAG_ANSWER in cell_tags(c)) == n


def test_answer_text_is_rendered_escaped_and_cited():
    html = compare_answer("01", "therapist_day_three")._repr_mimebundle_()["text/html"]
    assert '<a class="bc-cite" href="#ref-Williams2014">(Williams 2014)</a>' in html
    assert html.count("<details") == 1 and html.rstrip().endswith("</details>")


def test_unknown_answer_id_names_the_file_and_the_known_ids():
    with pytest.raises(KeyError, match=r"no answer 'nope' in content/answers/01_understanding_back_pain.yaml; "
                                       r"known ids: rate_vs_number, "):
        compare_answer("01", "nope")


def test_bad_answers_file_reports_every_problem(tmp_path):
    path = tmp_path / "01_understanding_back_pain.yaml"
    path.write_text("chapter: 01_wrong\nanswers:\n"
                    "  - {id: a, kind: essay, question: q, answer: x}\n"
                    "  - {id: b, kind: prompt, question: q, answer: 'see [@Nobody1999]', colour: red}\n")
    with pytest.raises(ContentError) as err:
        read_answers(path)
    text = str(err.value)
    assert "answers.0.kind: unknown value 'essay' (allowed: prompt, guiding)" in text
    assert "answers.1.colour" in text
    path.write_text("chapter: 01_wrong\nanswers:\n"
                    "  - {id: b, kind: prompt, question: q, answer: 'see [@Nobody1999]'}\n"
                    "  - {id: b, kind: prompt, question: q, answer: '<b>x</b>'}\n")
    with pytest.raises(ContentError) as err:
        read_answers(path)
    text = str(err.value)
    assert "HTML or script is not allowed" in text
    path.write_text("chapter: 01_wrong\nanswers:\n"
                    "  - {id: b, kind: prompt, question: q, answer: 'see [@Nobody1999]'}\n"
                    "  - {id: b, kind: prompt, question: q, answer: 'x'}\n")
    with pytest.raises(ContentError) as err:
        read_answers(path)
    text = str(err.value)
    assert "chapter: says '01_wrong' but the file is 01_understanding_back_pain.yaml" in text
    assert "unknown reference key 'Nobody1999'" in text
    assert "duplicate answer id 'b'" in text


def test_answers_are_linted_for_numbers(tmp_path):
    from backcare.dev import lint

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('bc.compare_answer("01", "natural_history_explorer")')])
    path = tmp_path / "01_demo.ipynb"
    nbformat.write(nb, path)
    cells, positions, _, _ = lint._markdown_cells(path)
    assert positions == [1] and "52 to 23 out of 100" in cells[0]
    assert lint.prose_numbers(path) == []
    assert lint.check_markdown("01_demo", [cells[0].replace("52 to 23", "52 to 21")])  # a changed number is caught


def test_reference_list_includes_keys_cited_only_in_answers():
    from backcare.logic.citations import notebook_cited_keys

    nb = {"cells": [{"cell_type": "markdown", "source": "Intro [@GBD2023]."},
                    {"cell_type": "code", "source": 'bc.compare_answer("01", "therapist_day_three")'}]}
    assert notebook_cited_keys(nb) == ["GBD2023", "Costa2012", "Williams2014"]


@pytest.mark.parametrize("stem", YOUR_TURN)
def test_your_turn_cell_ends_the_main_section(stem):
    nb = _nb(stem)
    cells = [i for i, c in enumerate(nb.cells) if TAG_YOUR_TURN in cell_tags(c)]
    assert len(cells) == 1, f"{stem}: exactly one your-turn cell, found {len(cells)}"
    i = cells[0]
    check = next(k for k, c in enumerate(nb.cells) if c.cell_type == "markdown"
                 and re.match(r"^## Check your understanding", c.source))
    assert i < check and all(c.cell_type != "markdown" or not c.source.startswith("## ")
                             for c in nb.cells[i:check]), f"{stem}: the your-turn cell must end the main section"
    intro = nb.cells[i - 1]
    assert intro.cell_type == "markdown" and "Your turn (optional)" in intro.source
    assert re.search(r"`(help\(bc\.\w+\)|bc\.\w+\()", intro.source), f"{stem}: the valid values must be one call away"
    assert nb.cells[i].outputs, f"{stem}: your-turn cell has no stored output"
