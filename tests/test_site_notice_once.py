"""Issue 18 item 3: each site page shows the urgent-symptoms notice once, complete and full size, at the top (the notes
block); chapters keep their own copy for JupyterLab, and the site builder replaces it with a pointer."""
from __future__ import annotations

import html
import re

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from backcare.builders import handouts
from backcare.builders.site_notice import POINTER, drop_urgent_copies
from backcare.content.notices import load_notices, notice_text
from backcare.paths import chapter_notebooks, notebooks_dir
from backcare.views.notice import URGENT_HTML

from test_site_static import PAGES

URGENT = load_notices().urgent_symptoms


def _flat(text: str) -> str:
    """Visible text: tags dropped, entities decoded, whitespace collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def _wrapped_blockquote() -> str:
    words = f"**{URGENT.heading}.** {URGENT.text}".split()
    lines = [" ".join(words[i:i + 12]) for i in range(0, len(words), 12)]
    return "Mei's case.\n\n" + "\n".join("> " + line for line in lines) + "\n\nNext section."


def test_every_copy_in_a_chapter_becomes_a_pointer():
    nb = new_notebook(cells=[
        new_markdown_cell(_wrapped_blockquote()),
        new_code_cell("x", outputs=[new_output("display_data", data={
            "text/html": f"<aside><h3>Box</h3>{URGENT_HTML}</aside>", "text/plain": notice_text()})]),
        new_markdown_cell("Urgent care is covered in chapter 02."),
    ])
    nb.metadata["widgets"] = {"state": {"m1": {"state": {"value": f"<p><em>{notice_text()}</em></p>"}}}}
    assert drop_urgent_copies(nb) == 4
    assert nb.cells[0].source == f"Mei's case.\n\n> {POINTER}\n\nNext section."
    box = nb.cells[1].outputs[0]["data"]["text/html"]
    assert box == f'<aside><h3>Box</h3><p class="bc-urgent">{POINTER}</p></aside>'
    assert nb.cells[1].outputs[0]["data"]["text/plain"] == f"{load_notices().not_medical_advice} {POINTER}"
    assert nb.metadata["widgets"]["state"]["m1"]["state"]["value"] == (
        f"<p><em>{load_notices().not_medical_advice} {POINTER}</em></p>")
    assert nb.cells[2].source == "Urgent care is covered in chapter 02."
    assert drop_urgent_copies(nb) == 0  # nothing left to replace


def test_a_changed_wording_is_not_touched():
    """Only the one wording is replaced; a paraphrase is left for the wording test to catch."""
    nb = new_notebook(cells=[new_markdown_cell(f"**{URGENT.heading}.** Seek emergency care within days.")])
    assert drop_urgent_copies(nb) == 0


@pytest.mark.parametrize("stem", [p.stem for p in chapter_notebooks() if p.stem[:2] != "99"])
def test_jupyterlab_keeps_the_notice_in_every_chapter(stem):
    """In JupyterLab there is no site banner: the notebook itself carries the complete notice."""
    nb = nbformat.read(notebooks_dir() / f"{stem}.ipynb", as_version=4)
    assert drop_urgent_copies(nb) >= 1, f"{stem}.ipynb has no complete urgent-symptoms notice of its own"


@pytest.mark.parametrize("name", PAGES)
def test_each_site_page_carries_the_urgent_wording_once_at_the_top(site_page, name):
    page = site_page(name).read_text(encoding="utf-8")
    text = _flat(page)
    assert text.count(" ".join(URGENT.text.split())) == 1, f"{name}.html: the urgent text is not there exactly once"
    assert text.count(URGENT.heading) == 1, f"{name}.html: the urgent heading is not there exactly once"
    # the one copy is the notes block at the top, complete, before the page's own content
    block = page[page.index('<div class="bc-notice-block">'):page.index('<main id="content"')]
    assert " ".join(URGENT.text.split()) in _flat(block) and URGENT.heading in _flat(block)
    # in saved widget state (JSON in a script tag) the words would be escaped differently: count the start there too
    assert page.count("Seek emergency care the same day if back pain") == 1


def test_handouts_carry_the_notice_once_per_sheet():
    first = " ".join(URGENT.text.split())
    summary = handouts.summary_html(nbformat.read(notebooks_dir() / "00_start_here.ipynb", as_version=4),
                                    "00_start_here.ipynb")
    assert _flat(summary).count(first) == 1
    assert _flat(handouts.start_back_guide_html()).count(first) == 1
    cards = handouts.case_cards_html()  # one card per printed page: each card, handed out alone, carries it once
    assert _flat(cards).count(first) == cards.count('<section class="page card"') >= 6


_SIZES = """() => ['.bc-notice-block .bc-urgent', '.bc-notice-small', 'main .jp-RenderedHTMLCommon p']
  .map(s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize))"""


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("width, media", [(390, "screen"), (1280, "screen"), (794, "print")])
def test_the_urgent_lines_are_full_size(site_page, browser, width, media):
    """Full size, on screen and on paper: not smaller than the chapter's own paragraphs, and larger than the small
    "not advice" line."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.emulate_media(media=media)
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        page.goto(site_page("01_understanding_back_pain").as_uri())
        urgent, small, body = page.evaluate(_SIZES)
    finally:
        context.close()
    assert urgent >= body and urgent > small, (urgent, small, body)
