"""Issue 16 item 4: no process words on student pages. "Foil" and "seed" (how the authors used the web article) never
reach a student; "course estimate" appears only as the provenance badge, whose legend explains it."""
from __future__ import annotations

import json
import re

import pytest

from backcare.dev.reading_time import _STYLE, _TAG, _text, strip_details
from backcare.paths import chapter_notebooks

CHAPTERS = chapter_notebooks()
_BADGE = re.compile(r'<span class="bc-badge"[^>]*><span[^>]*>[^<]*</span>[^<]*</span>')


def visible_texts(nb: dict):
    """(cell index, text) a self-study student sees without opening anything: prose and HTML outputs."""
    for i, cell in enumerate(nb["cells"]):
        if "instructor" in (cell.get("metadata") or {}).get("tags", []):
            continue
        if cell["cell_type"] == "markdown":
            yield i, _text(cell["source"])
        for out in cell.get("outputs", []):
            html = (out.get("data") or {}).get("text/html")
            if html:
                yield i, _text(html)


def _words_outside_badges(html: str) -> str:
    return _TAG.sub(" ", strip_details(_STYLE.sub(" ", _BADGE.sub(" ", html))))


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_no_process_words_on_student_pages(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    found = [(i, m.group(0)) for i, text in visible_texts(nb)
             for m in re.finditer(r"\b(foils?|seed article|course estimates?)\b", _words_outside_badges(text), re.I)]
    assert not found, f"{path.stem}: process words a student sees (cell, word): {found}"


def test_the_check_sees_a_process_word_and_lets_the_badge_through():
    badge = ('<span class="bc-badge" role="img" aria-label="Course estimate, not from a source" title="x">'
             '<span aria-hidden="true">✎</span> course estimate</span>')
    assert "course estimate" not in _words_outside_badges(f"<p>Heat {badge} helps.</p>")
    assert "course estimate" in _words_outside_badges("<p>Heat helps (course estimate).</p>")
