"""Lecture decks (backcare.builders.deck): one slide per teaching point, no code, notes only for teachers, no CDN,
and (in Chromium) no slide larger than 1280 x 720."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from backcare.builders import deck
from backcare.paths import chapter_notebooks

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted(p for p in chapter_notebooks(ROOT / "notebooks")
                  if (json.loads(p.read_text()).get("metadata", {}).get("backcare") or {}).get("role") != "instructor")


def _nb(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _instructor_text(nb) -> list[str]:
    return [("".join(c["source"]) if isinstance(c["source"], list) else c["source"]).strip()
            for c in nb["cells"] if "instructor" in (c.get("metadata", {}).get("tags") or [])]


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_one_slide_per_teaching_point_and_no_code(path):
    nb = _nb(path)
    page = deck.deck_html(nb, path.name)
    sections = [s for s in deck.sections_of(nb) if not s.heading.lower().startswith(deck.SKIP)]
    assert page.count("<section ") == 1 + len(sections)  # the title slide + one per teaching point
    for s in sections:
        assert f'aria-label="{s.heading}"' in html.unescape(page)
    assert "import backcare" not in page and "bc." not in re.sub(r"<[^>]+>", "", page)
    assert 'class="notes"' not in page
    for text in _instructor_text(nb):
        assert text[:60] not in page


def test_teacher_deck_has_speaker_notes_from_instructor_cells():
    path = next(p for p in CHAPTERS if _instructor_text(_nb(p)))
    teacher = deck.deck_html(_nb(path), path.name, audience="teacher")
    assert '<aside class="notes">' in teacher and "RevealNotes" in teacher
    assert "RevealNotes" not in deck.deck_html(_nb(path), path.name, audience="class")


def test_decks_load_nothing_from_the_web(tmp_path):
    written = deck.build_decks(["02"], tmp_path, audience="self-study")
    text = written[0].read_text(encoding="utf-8")
    assets = re.findall(r'<(?:script|link)\b[^>]*(?:src|href)="([^"]*)"', text)
    assert assets and not [a for a in assets if re.match(r"(https?:)?//", a)], assets
    assert (tmp_path / "reveal.js" / "dist" / "reveal.js").exists()


def test_a_missing_reveal_is_a_clear_message(tmp_path):
    with pytest.raises(FileNotFoundError, match="run `npm ci`"):
        deck.copy_reveal(tmp_path, tmp_path / "node_modules")
    with pytest.raises(FileNotFoundError, match="no chapter matches"):
        deck.build_decks(["42"], tmp_path)


@pytest.mark.slow
@pytest.mark.browser
def test_no_slide_overflows_1280_by_720(tmp_path, browser):
    written = deck.build_decks([], tmp_path, audience="teacher")
    assert len(written) == len(CHAPTERS)
    overflow, external = [], []
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:")
               else (external.append(r.request.url), r.abort()))
    try:
        for target in written:
            page.goto(target.resolve().as_uri())
            page.wait_for_function("window.Reveal && Reveal.isReady()")
            sizes = page.evaluate("""() => Reveal.getSlides().map((s, i) => {
                Reveal.slide(i); return [s.getAttribute('aria-label'), s.scrollWidth, s.scrollHeight]; })""")
            assert len(sizes) >= 3
            overflow += [(target.name, *s) for s in sizes if s[1] > 1280 or s[2] > 720]
    finally:
        page.close()
    assert not overflow, overflow
    assert not external, external
