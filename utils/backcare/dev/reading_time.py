"""How long a chapter takes a self-learner: visible words at 150 words per minute plus a stated time per interactive.

"Visible" means what a student sees on the self-study page without opening anything: markdown prose and tables, and
cell outputs (HTML where there is HTML, else plain text), without instructor cells, without collapsed ``<details>``
blocks (model answers, data tables under charts), without image data, without code inputs (one-line calls) and
without the References section (a list to look things up in, not to read through).
Each widget (explorer, calculator, self-check, predict-then-reveal) adds :data:`MINUTES_PER_INTERACTIVE`.

Run ``python -m backcare.dev.reading_time [notebook ...]`` for a table.

Examples
--------
>>> visible_words_in_html('<p>One two</p><details><summary>Open</summary><p>three four five</p></details>')
2
>>> visible_words_in_markdown("Pain fell [@Costa2012] by `x` half.\\n\\n<details><summary>More</summary>hidden words</details>")
4
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

WORDS_PER_MINUTE = 150
MINUTES_PER_INTERACTIVE = 3
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"

_DETAILS_TAG = re.compile(r"<(/?)details\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")
_STYLE = re.compile(r"<(style|script)\b.*?</\1>", re.S | re.I)
_CITE = re.compile(r"\[@[^\]]*\]")
_CODE = re.compile(r"`[^`]*`")
_LINK = re.compile(r"\]\([^)]*\)")
_HEADING = re.compile(r"^#{1,3} +(.+)$", re.M)
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*")


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def strip_details(text: str) -> str:
    """``text`` without its collapsed ``<details>`` blocks, nested ones included (the whole outer block goes).

    >>> strip_details("a <details><summary>s</summary>b <details>c</details> d</details> e")
    'a   e'
    """
    out, depth, pos = [], 0, 0
    for m in _DETAILS_TAG.finditer(text):
        if m.group(1):  # closing tag
            if depth:
                depth -= 1
                if depth == 0:
                    out.append(" ")
                    pos = m.end()
            continue
        if depth == 0:
            out.append(text[pos:m.start()])
        depth += 1
    if depth == 0:
        out.append(text[pos:])
    return "".join(out)


def visible_words_in_html(html: str) -> int:
    html = _STYLE.sub(" ", html)
    html = strip_details(html)
    return _words(_TAG.sub(" ", html))


def visible_words_in_markdown(source: str) -> int:
    source = strip_details(source)
    source = _CITE.sub(" ", source)
    source = _CODE.sub(" ", source)
    source = _LINK.sub("]", source)
    return _words(_TAG.sub(" ", source))


def _source(cell) -> str:
    s = cell.get("source", "")
    return "".join(s) if isinstance(s, list) else s


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else (value or "")


@dataclass(frozen=True)
class ReadingTime:
    name: str
    words: int
    interactives: int
    stated_minutes: int | None

    @property
    def minutes(self) -> float:
        return self.words / WORDS_PER_MINUTE + self.interactives * MINUTES_PER_INTERACTIVE


def reading_time(path: str | Path) -> ReadingTime:
    """Visible words and interactives of one committed notebook, as the self-study audience sees it."""
    path = Path(path)
    nb = json.loads(path.read_text(encoding="utf-8"))
    words = interactives = 0
    in_references = False
    for cell in nb.get("cells", []):
        tags = set((cell.get("metadata") or {}).get("tags") or [])
        if "instructor" in tags or "remove-cell" in tags:
            continue
        if cell.get("cell_type") == "markdown":
            heading = _HEADING.match(_source(cell))
            if heading:
                in_references = heading.group(1).strip().lower() == "references"
            if not in_references:
                words += visible_words_in_markdown(_source(cell))
            continue
        if in_references:  # the reference list is looked up, not read through
            continue
        for out in cell.get("outputs", []):
            data = out.get("data") or {}
            if WIDGET_MIME in data:
                interactives += 1
            if "text/html" in data:
                words += visible_words_in_html(_text(data["text/html"]))
            elif WIDGET_MIME not in data and "text/plain" in data:
                words += _words(_text(data["text/plain"]))
            elif out.get("output_type") == "stream":
                words += _words(_text(out.get("text")))
    minutes = ((nb.get("metadata") or {}).get("backcare") or {}).get("minutes")
    return ReadingTime(path.stem, words, interactives, minutes)


def main(argv: Sequence[str] | None = None) -> int:
    from ..paths import chapter_notebooks

    args = list(sys.argv[1:] if argv is None else argv)
    paths = [Path(a) for a in args] or chapter_notebooks()
    print(f"{'chapter':40} {'words':>6} {'interactives':>12} {'estimate':>9} {'stated':>7}")
    for p in paths:
        r = reading_time(p)
        print(f"{r.name:40} {r.words:>6} {r.interactives:>12} {r.minutes:>8.0f}m {r.stated_minutes!s:>6}m")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
