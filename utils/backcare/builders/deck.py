"""Lecture slides: ``python -m backcare slides 03`` builds a reveal.js deck from the chapter's own structure.

One slide per teaching point: each level-2 section of the chapter (``## ...``), except the objectives (on the title
slide), the self-check (one slide pointing to the page) and the references. A teaching point's slide carries its
heading, the first paragraph cut to a few sentences, and its first chart, large; a table becomes one line naming it
with a link to the full table on the chapter's web page; code is never shown. A notebook may choose its sections with
``"backcare": {"slide_sections": ["Heading", ...]}`` in its metadata.

Speaker notes come from the chapter's instructor cells, so a deck with notes is teacher material: it is built only for
``--audience teacher``; decks for other audiences have no notes. reveal.js comes from npm (``npm ci`` installs it into
``node_modules/``) and is copied beside the deck: nothing is loaded from a CDN.

Examples
--------
>>> shorten("One two three. Four five six. Seven eight nine ten.", 7)
'One two three. Four five six.'
>>> shorten("A very long sentence without any stop at all in it", 5)
'A very long sentence without…'
>>> sections_of({"cells": [{"cell_type": "markdown", "metadata": {}, "source": "# T"},
...     {"cell_type": "markdown", "metadata": {}, "source": "## Red flags\\n\\nText."},
...     {"cell_type": "code", "metadata": {}, "source": "bc.x()", "outputs": []}]})[0].heading
'Red flags'
"""
from __future__ import annotations

import html
import json
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..paths import chapter_notebooks, chapter_selected
from ..views.render import render
from .audience import DEFAULT_AUDIENCE, add_audience_argument, audience_notebook, check_audience

SKIP = ("learning objectives", "references", "who this is for")
QUIZ = ("check your understanding",)
WORDS_WITH_FIGURE = 40
WORDS_WITHOUT_FIGURE = 90
_IMG = re.compile(r"<img\b[^>]*>", re.S)
_ATTR = re.compile(r'(\w[\w-]*)="([^"]*)"')
_CAPTION = re.compile(r"<caption[^>]*>(.*?)</caption\s*>", re.S)


@dataclass
class Section:
    heading: str
    anchor: str
    markdown: list[str] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    tables: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    questions: int = 0


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else (value or "")


def _anchor(heading: str) -> str:
    # nbconvert's anchors: spaces -> '-', other characters kept
    return heading.strip().replace(" ", "-")


def shorten(text: str, words: int) -> str:
    """The first sentences of ``text`` within ``words`` words (at least the first sentence, cut with an ellipsis)."""
    sentences = re.split(r"(?<=[.!?])\s+", " ".join(text.split()))
    out: list[str] = []
    for s in sentences:
        if len((" ".join(out + [s])).split()) > words:
            break
        out.append(s)
    if not out:
        return " ".join(sentences[0].split()[:words]) + "…"
    return " ".join(out)


def sections_of(nb) -> list[Section]:
    """The chapter's level-2 sections with their prose, first figures, tables, instructor notes and quiz size."""
    sections: list[Section] = []
    for cell in nb["cells"]:
        src = _text(cell.get("source"))
        tags = set((cell.get("metadata") or {}).get("tags") or [])
        if cell["cell_type"] == "markdown":
            m = re.match(r"^##\s+(.+?)\s*$", src.lstrip().splitlines()[0]) if src.strip() else None
            if m and not src.lstrip().startswith("###"):
                heading = m.group(1).strip()
                sections.append(Section(heading, _anchor(heading)))
                src = "\n".join(src.lstrip().splitlines()[1:])
            if not sections:
                continue
            if "instructor" in tags:
                sections[-1].notes.append(src)
            else:
                sections[-1].markdown.append(src)
            continue
        if not sections:
            continue
        for out in cell.get("outputs", []):
            data = out.get("data") or {}
            body = _text(data.get("text/html"))
            for tag in _IMG.findall(body):
                attrs = dict(_ATTR.findall(tag))
                if attrs.get("src", "").startswith("data:image/") and attrs.get("alt"):
                    sections[-1].figures.append({"src": attrs["src"], "alt": html.unescape(attrs["alt"])})
            if "<table" in body:
                cap = _CAPTION.search(body)  # parsing a stored output, not writing HTML
                sections[-1].tables.append(html.unescape(re.sub(r"<[^>]+>", "", cap.group(1))).strip()
                                           if cap else "")
            text = _text(data.get("text/plain"))
            m = re.search(r"(\d+) questions?", text)
            if m and sections[-1].heading.lower().startswith(QUIZ):
                sections[-1].questions = max(sections[-1].questions, int(m.group(1)))
    return sections


def _first_paragraph(markdown: list[str]) -> str:
    """The first paragraph of prose (not a heading, list, table, quote or a lead-in ending with a colon)."""
    for block in markdown:
        for para in re.split(r"\n\s*\n", block):
            p = para.strip()
            if not p or p.startswith(("#", "|", "-", "*", "<", ">", "1.")) or p.lower().startswith("guiding"):
                continue
            if p.endswith(":"):
                continue
            return p
    return ""


def bullets(markdown: list[str]) -> list[str]:
    """The items of the markdown bullet lists, continuation lines joined.

    >>> bullets(["- one\\n  still one\\n- two"])
    ['one still one', 'two']
    """
    items: list[str] = []
    for block in markdown:
        current = None
        for line in block.splitlines():
            m = re.match(r"^[-*]\s+(.*)$", line)
            if m:
                current = m.group(1).strip()
                items.append(current)
            elif current is not None and line.strip():
                items[-1] = items[-1] + " " + line.strip()
            else:
                current = None
    return items


def _markdown_inline(text: str, labels: dict[str, str]) -> str:
    from nbconvert.filters import markdown2html

    from ..logic.citations import CITE_RE, KEY_RE

    text = CITE_RE.sub(lambda m: "(" + "; ".join(labels.get(k, k) for k in KEY_RE.findall(m.group(1))) + ")", text)
    text = re.sub(r"\]\((\d\d[a-z]?_[A-Za-z0-9_]+)\.ipynb(#[^)]*)?\)", r"](../html/\1.html\2)", text)
    return markdown2html(text)


def _labels() -> dict[str, str]:
    from .site import _labels as site_labels

    return site_labels()


def deck_html(nb, name: str, *, audience: str = DEFAULT_AUDIENCE, page_href: str | None = None) -> str:
    """The reveal.js deck of one chapter notebook (a dict), for ``audience``."""
    from ..notebook_meta import chapter_meta

    check_audience(audience)
    import nbformat

    node = nbformat.from_dict(nb)
    meta = chapter_meta(node, name)
    visible = audience_notebook(node, "teacher" if audience == "teacher" else audience)
    wanted = (node.metadata.get("backcare") or {}).get("slide_sections")
    labels = _labels()
    page_href = page_href or f"../html/{Path(name).stem}.html"
    slides = []
    chapter_notes: list[str] = []  # instructor notes of sections without a slide (timing plans): on the title slide
    for s in sections_of(visible):
        key = s.heading.lower()
        if (wanted is not None and s.heading not in wanted) or (wanted is None and key.startswith(SKIP)):
            chapter_notes += s.notes
            continue
        para = _first_paragraph(s.markdown)
        if key.startswith(QUIZ):
            kind = "quiz"
        elif key.startswith("summary"):
            kind = "summary"
        else:
            kind = "point"
        if kind == "summary":
            items = bullets(s.markdown)
            text_html = ""
            summary_items = [_markdown_inline(shorten(i, 26), labels) for i in items[:6]]
        else:
            limit = WORDS_WITH_FIGURE if s.figures else WORDS_WITHOUT_FIGURE
            text_html = _markdown_inline(shorten(para, limit), labels) if para else ""
        slides.append({
            "summary_items": summary_items if kind == "summary" else [],
            "kind": kind, "heading": s.heading, "text_html": text_html,
            "figure": s.figures[0] if s.figures and kind == "point" else None,
            "tables": [t or f"the table of {s.heading.lower()}" for t in s.tables][:2],
            "more_figures": max(0, len(s.figures) - 1),
            "href": f"{page_href}#{s.anchor}",
            "questions": s.questions,
            "notes_html": "".join(_markdown_inline(n, labels) for n in s.notes) if audience == "teacher" else "",
        })
    return render("deck.html.j2",
        title=meta.title, minutes=meta.minutes, objectives=meta.objectives, slides=slides, page_href=page_href,
        title_notes_html="".join(_markdown_inline(n, labels) for n in chapter_notes) if audience == "teacher" else "",
        notes=audience == "teacher", audience=audience)


def copy_reveal(out: Path, node_modules: Path) -> None:
    reveal = node_modules / "reveal.js"
    if not (reveal / "dist" / "reveal.js").is_file():
        raise FileNotFoundError(f"reveal.js not found in {reveal}: run `npm ci` in the project folder (package.json "
                                "lists it); the series never loads reveal.js from a CDN")
    target = out / "reveal.js"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(reveal / "dist", target / "dist", ignore=shutil.ignore_patterns("*.map", "*.esm.js"))
    shutil.copytree(reveal / "plugin" / "notes", target / "plugin" / "notes",
                    ignore=shutil.ignore_patterns("*.map", "*.esm.js"))


def build_decks(names: list[str], out: Path | None = None, *, audience: str = DEFAULT_AUDIENCE) -> list[Path]:
    from ..paths import repo_root

    check_audience(audience)
    root = repo_root()
    out = Path(out) if out is not None else root / "_build" / "slides"
    paths = chapter_notebooks()
    if names:
        chosen = [p for p in paths if chapter_selected(p.stem, names)]
        if not chosen:
            raise FileNotFoundError(f"no chapter matches {names}; chapters are named like 03_self_care_...")
        paths = chosen
    out.mkdir(parents=True, exist_ok=True)
    copy_reveal(out, root / "node_modules")
    written = []
    for path in paths:
        nb = json.loads(path.read_text(encoding="utf-8"))
        if (nb.get("metadata", {}).get("backcare") or {}).get("role") == "instructor":
            continue
        suffix = ".teacher" if audience == "teacher" else ""
        target = out / f"{path.stem}{suffix}.slides.html"
        target.write_text(deck_html(nb, path.name, audience=audience), encoding="utf-8")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m backcare slides",
                                     description="Build reveal.js lecture decks (one slide per teaching point) into "
                                                 "_build/slides; speaker notes only with --audience teacher.")
    parser.add_argument("notebooks", nargs="*", help="chapters, e.g. 03 (default: every chapter)")
    parser.add_argument("--out", type=Path, default=None, help="output folder (default _build/slides)")
    add_audience_argument(parser)
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    try:
        written = build_decks(args.notebooks, args.out, audience=args.audience)
    except FileNotFoundError as exc:
        print(f"slides not written: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"  {path}")
    print(f"wrote {len(written)} deck{'s' if len(written) != 1 else ''} for the {args.audience} audience; open one "
          "from disk (press S for speaker notes in a teacher deck)")
    return 0
