"""Stated chapter times stay true: visible words at 150 words per minute plus a stated time per interactive."""
from __future__ import annotations

from pathlib import Path

import pytest

from backcare.dev.reading_time import (MINUTES_PER_INTERACTIVE, WORDS_PER_MINUTE, reading_time,
                                       visible_words_in_html, visible_words_in_markdown)
from backcare.paths import chapter_notebooks

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = [p for p in chapter_notebooks(ROOT / "notebooks") if p.name[0] == "0"]
#: Measurement slack (rounding, a figure's caption): a chapter may state up to this many minutes less than the estimate.
SLACK = 5
#: Class time for discussion: a chapter may state up to this many minutes more than the reading estimate.
DISCUSSION = 35
#: What a student sees on one page without opening anything (issue 16: "no chapter page over ~3,500 words").
WORD_LIMIT = 3500


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_stated_minutes_match_the_reading_estimate(path):
    r = reading_time(path)
    assert r.stated_minutes is not None
    assert r.stated_minutes >= r.minutes - SLACK, (
        f"{path.stem}: {r.words} visible words ({r.words / WORDS_PER_MINUTE:.0f} min) and {r.interactives} "
        f"interactives ({r.interactives * MINUTES_PER_INTERACTIVE} min) take about {r.minutes:.0f} min, but the "
        f"metadata says {r.stated_minutes}: shorten the chapter or correct its time")
    assert r.stated_minutes <= r.minutes + DISCUSSION, f"{path.stem}: stated {r.stated_minutes} min, estimate {r.minutes:.0f}"


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_no_chapter_page_shows_more_than_the_word_limit(path):
    words = reading_time(path).words
    assert words <= WORD_LIMIT, (f"{path.stem}: {words} visible words (limit {WORD_LIMIT}): cut, collapse "
                                 "extension material behind a click, or split the chapter")


def test_collapsed_blocks_code_and_citations_are_not_counted():
    assert visible_words_in_html('<p>a b</p><details><summary>x</summary>c d e</details><img alt="f g">') == 2
    assert visible_words_in_markdown("One [@Costa2012] `bc.x()` [link](a.html) two") == 3


def test_a_details_block_inside_another_is_collapsed_with_it():
    html = ("<p>one</p><details><summary>a</summary><table><tr><td>b<details><summary>c</summary>d</details>"
            "e f g</td></tr></table></details><p>two</p>")
    assert visible_words_in_html(html) == 2


def test_counts_a_small_notebook(tmp_path):
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Title\n\nFive words are here now."),
        nbformat.v4.new_markdown_cell("Teacher only words", metadata={"tags": ["instructor"]}),
        nbformat.v4.new_code_cell("bc.x()", outputs=[nbformat.v4.new_output(
            "display_data", data={"application/vnd.jupyter.widget-view+json": {"model_id": "1"},
                                  "text/html": "<p>three visible words</p>", "text/plain": "ignored"})]),
        nbformat.v4.new_markdown_cell("## References"),
        nbformat.v4.new_code_cell("bc.references_for('x')", outputs=[nbformat.v4.new_output(
            "display_data", data={"text/plain": "a long list of references"})]),
    ])
    nb.metadata["backcare"] = {"minutes": 5}
    path = tmp_path / "10_demo.ipynb"
    nbformat.write(nb, path)
    r = reading_time(path)
    assert (r.words, r.interactives, r.stated_minutes) == (9, 1, 5)
    assert r.minutes == pytest.approx(9 / 150 + 3)


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_the_time_stated_in_the_prose_is_the_metadata_time(path):
    """The student reads "Time: about N minutes"; the index and the reading-time check use the metadata. One number."""
    import json
    import re

    nb = json.loads(path.read_text(encoding="utf-8"))
    prose = "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    stated = re.search(r"\*\*Time:\*\* about (\d+) minutes", prose)
    assert stated, f"{path.stem}: no '**Time:** about N minutes' line"
    assert int(stated.group(1)) == nb["metadata"]["backcare"]["minutes"], (
        f"{path.stem}: the prose says {stated.group(1)} minutes, the metadata {nb['metadata']['backcare']['minutes']}")
