"""Handouts (backcare.builders.handouts): what a teacher prints.

Unit tests check what goes on each page; the slow browser test prints every handout from the built site with
Debian's Chromium and reads the PDFs back (pypdf): page budgets, extractable key phrases, one case per page.
"""
from __future__ import annotations

import html
import json
from pathlib import Path

import nbformat
import pytest

from backcare.builders import handouts
from backcare.logic.cases import load_vignettes
from backcare.paths import chapter_notebooks

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted(p for p in chapter_notebooks(ROOT / "notebooks")
                  if (json.loads(p.read_text()).get("metadata", {}).get("backcare") or {}).get("role") != "instructor")


def _esc(text: str) -> str:
    """As the views' templates escape it (like html.escape)."""
    return html.escape(text)


def _nb(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_summary_markdown_stops_at_the_next_heading():
    nb = {"cells": [{"cell_type": "markdown", "source": "# T\n\n## Summary\n\n- a [@Costa2012]\n\n## References\n- x"}]}
    assert handouts.summary_markdown(nb) == "- a [@Costa2012]"


def test_key_chart_prefers_a_cell_tagged_key_chart():
    img = '<img src="data:image/png;base64,AAA" alt="{}">'
    nb = {"cells": [
        {"cell_type": "code", "metadata": {}, "outputs": [{"data": {"text/html": img.format("first")}}]},
        {"cell_type": "code", "metadata": {"tags": ["key-chart"]}, "outputs": [{"data": {"text/html": img.format("key")}}]},
    ]}
    assert handouts.key_chart(nb)["alt"] == "key"
    nb["cells"][1]["metadata"] = {}
    assert handouts.key_chart(nb)["alt"] == "first"
    assert handouts.key_chart({"cells": []}) is None


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_a_chapter_names_at_most_one_key_chart_and_it_has_a_figure(path):
    nb = _nb(path)
    tagged = [c for c in nb["cells"] if "key-chart" in (c.get("metadata", {}).get("tags") or [])]
    assert len(tagged) <= 1, f"{path.stem}: {len(tagged)} cells tagged key-chart; the summary shows one"
    if tagged:
        assert handouts.key_chart({"cells": tagged}) is not None, f"{path.stem}: the key-chart cell shows no figure"


def test_03b_summary_shows_its_named_pain_chart_not_the_four_panel_your_turn():
    nb = _nb(next(p for p in CHAPTERS if p.stem.startswith("03b")))
    alt = handouts.key_chart(nb)["alt"]
    assert alt.startswith("Forest chart of 3 effect estimates on 2 scales")
    assert "Panel pain 0-100" in alt and "disability" not in alt.lower()


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_every_chapter_summary_has_objectives_and_summary(path):
    page = handouts.summary_html(nbformat.from_dict(_nb(path)), path.name)
    meta = _nb(path)["metadata"]["backcare"]
    assert meta["title"] in page
    for objective in meta["objectives"]:
        assert objective.split()[0] in page
    assert "[@" not in page, "citations must be rendered, not left as [@Key]"
    assert "same day" in page  # the urgent-symptoms notice


def test_case_cards_show_each_person_with_goals_and_start_back_answers():
    page = handouts.case_cards_html()
    vignettes = load_vignettes().vignettes
    assert page.count('class="page card"') == len(vignettes) >= 6
    for v in vignettes:
        assert _esc(v.name) in page and _esc(v.goals.split(",")[0]) in page
        answers = ["agree" if a else "disagree" for a in v.start_back[:8]]
        assert page.count("<td>agree</td>") + page.count("<td>disagree</td>") >= len(answers)


def test_start_back_guide_points_to_keele_and_uses_the_course_rules():
    page = handouts.start_back_guide_html()
    assert handouts.KEELE_URL in page
    assert "Total score 0 to 3." in page  # the low-risk rule, from content/chapters/02_assessment_and_diagnosis.yaml
    assert "does\n    not reproduce the items" in page or "not reproduce the items" in page




@pytest.fixture(scope="module")
def printed(site_dir, browser, tmp_path_factory):
    out = tmp_path_factory.mktemp("handouts")
    written = handouts.build_handouts(out, site=site_dir, build_site=False, browser=browser)
    return out, {w.path.name: w for w in written}


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_handout_within_budget_with_extractable_text(printed, site_dir, path):
    from pypdf import PdfReader

    out, by_name = printed
    chapter = out / f"{path.stem}.pdf"
    reader = PdfReader(chapter)
    assert len(reader.pages) == by_name[chapter.name].pages
    assert "Learning objectives" in " ".join(p.extract_text() for p in reader.pages[:2])
    assert "/StructTreeRoot" in str(reader.trailer["/Root"].keys()), "the PDF must be tagged"
    main = by_name[chapter.name].main_pages
    assert main is not None
    assert main <= handouts.PAGE_BUDGET, (
        f"{path.stem}: {main} A4 pages before the references (budget {handouts.PAGE_BUDGET})")


@pytest.mark.slow
@pytest.mark.browser
def test_summaries_case_cards_and_guide_fit_their_pages(printed):
    from pypdf import PdfReader

    out, _ = printed
    for path in CHAPTERS:
        meta = _nb(path)["metadata"]["backcare"]
        summary = PdfReader(out / f"{path.stem}_summary.pdf")
        assert len(summary.pages) == 1, f"{path.stem}: the summary must fit one page"
        assert meta["title"].split(":")[0].split()[0] in summary.pages[0].extract_text()
    cards = PdfReader(out / "07_case_cards.pdf")
    vignettes = load_vignettes().vignettes
    assert len(cards.pages) == len(vignettes)
    for page, v in zip(cards.pages, vignettes):
        assert v.name in page.extract_text()
    guide = PdfReader(out / "02_start_back_scoring_guide.pdf")
    assert len(guide.pages) == 1 and "keele.ac.uk/startback" in guide.pages[0].extract_text()
