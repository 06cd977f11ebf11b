"""Handouts for paper: ``python -m backcare handouts`` (``make handouts``) writes tagged PDFs into ``_build/handouts``.

One PDF per chapter (the site page printed with the course's print stylesheet: no navigation, no code, no widget
controls, every explorer's default view and data table, collapsed blocks open), plus:

- ``07_case_cards.pdf``: the synthetic people of chapter 07, one per page, with their goals and STarT Back answers;
- ``02_start_back_scoring_guide.pdf``: one page, in the course's own words, on scoring STarT Back on paper, pointing
  to Keele's official form (the tool is Keele's and is not reproduced);
- ``NN_..._summary.pdf``: one page per chapter: objectives, the key chart, the summary list.

Headless Debian Chromium through Playwright prints them (``page.pdf(tagged=True)`` keeps alt text); every request
that is not ``file:`` is aborted, so nothing is fetched. The chapter PDFs come from the built site of the chosen
audience (``--audience``: self-study prints the model answers open, class has none).

Examples
--------
>>> summary_markdown({"cells": [{"cell_type": "markdown", "source": "## Summary\\n\\n- one\\n- two"},
...                             {"cell_type": "markdown", "source": "## References"}]})
'- one\\n- two'
>>> summary_markdown({"cells": []})
Traceback (most recent call last):
...
ValueError: the notebook has no '## Summary' section to put on its one-page summary
"""
from __future__ import annotations

import base64
import html
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ..paths import chapter_notebooks, chapter_selected
from ..views.render import render
from .audience import DEFAULT_AUDIENCE, add_audience_argument, check_audience

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
#: Page budget of a chapter handout (A4), appendices (the References list) not counted.
PAGE_BUDGET = 15
KEELE_URL = "https://www.keele.ac.uk/startback/"
_IMG_RE = re.compile(r'<img[^>]*src="(data:image/png;base64,[^"]+)"[^>]*alt="([^"]+)"')
_IMG_RE2 = re.compile(r'<img[^>]*alt="([^"]+)"[^>]*src="(data:image/png;base64,[^"]+)"')


def _root() -> Path:
    from ..paths import repo_root

    return repo_root()


def _notice() -> str:
    """The course's one urgent-symptoms wording (content/notices.yaml)."""
    from ..content.notices import load_notices

    urgent = load_notices().urgent_symptoms
    return f"{urgent.heading}. {urgent.text}"


def summary_markdown(nb) -> str:
    """The markdown under the notebook's ``## Summary`` heading (up to the next heading)."""
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        src = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        m = re.search(r"^## Summary\s*$", src, flags=re.M)
        if m:
            body = src[m.end():]
            nxt = re.search(r"^#{1,2} ", body, flags=re.M)
            return (body[:nxt.start()] if nxt else body).strip()
    raise ValueError("the notebook has no '## Summary' section to put on its one-page summary")


def key_chart(nb) -> dict | None:
    """The chapter's key chart: the first figure of a cell tagged ``key-chart`` (the chapter names it; notebook_meta's
    TAG_KEY_CHART), else the chapter's first figure."""
    from ..notebook_meta import TAG_KEY_CHART

    def figures(cells):
        for cell in cells:
            for out in cell.get("outputs", []):
                data = out.get("data") or {}
                text = data.get("text/html")
                text = "".join(text) if isinstance(text, list) else (text or "")
                m = _IMG_RE.search(text)
                if m:
                    yield {"src": m.group(1), "alt": html.unescape(m.group(2))}
                    continue
                m = _IMG_RE2.search(text)
                if m:
                    yield {"src": m.group(2), "alt": html.unescape(m.group(1))}
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    tagged = [c for c in code if TAG_KEY_CHART in (c.get("metadata", {}).get("tags") or [])]
    for cells in (tagged, code):
        for fig in figures(cells):
            return fig
    return None


def _render_citations(markdown: str) -> str:
    from ..logic.citations import CITE_RE, KEY_RE

    from .site import _labels

    labels = _labels()
    return CITE_RE.sub(lambda m: "(" + "; ".join(labels.get(k, k) for k in KEY_RE.findall(m.group(1))) + ")",
                       markdown)


def summary_html(nb, name: str) -> str:
    from nbconvert.filters import markdown2html

    from ..notebook_meta import chapter_meta

    meta = chapter_meta(nb, name)
    body = markdown2html(_render_citations(summary_markdown(nb)))
    return render("handout_summary.html.j2",
        title=meta.title, minutes=meta.minutes, objectives=meta.objectives, chart=key_chart(nb),
        summary_html=body, notice=_notice())


def case_cards_html() -> str:
    from ..logic.cases import load_vignettes
    from ..logic.start_back import START_BACK_ITEMS as items

    vignettes = load_vignettes()
    cards = []
    for v in vignettes.vignettes:
        rows = []
        for item, answer in zip(items, v.start_back):
            if item.number == 9:
                said = "very much or extremely" if answer else "not at all, slightly or moderately"
            else:
                said = "agree" if answer else "disagree"
            rows.append((item.domain, said))
        cards.append({**{k: getattr(v, k) for k in ("id", "name", "age", "work", "caring", "access",
                                                      "health_literacy", "story", "goals", "preferences")},
                      "start_back_rows": rows})
    return render("handout_case_cards.html.j2",
        title="Chapter 07 case cards", vignettes=cards, synthetic_note=vignettes.synthetic_note, notice=_notice())


def start_back_guide_html() -> str:
    from ..content.chapter_assessment import chapter_data
    from ..logic.start_back import START_BACK_ITEMS as items

    groups = chapter_data().start_back_groups
    physical = ", ".join(i.domain.lower() for i in items if not i.psychosocial)
    psych = ", ".join(i.domain.lower() for i in items if i.psychosocial)
    return render("handout_start_back_guide.html.j2",
        title="Scoring STarT Back on paper", official_url=KEELE_URL, items=len(items), physical_topics=physical,
        psych_topics=psych, groups=groups, notice=_notice(),
        sources="Keele University's STarT Back pages; Hill et al. 2011 (the UK trial); Physiopedia's summary of the "
                "scoring rules")


@dataclass
class Written:
    path: Path
    pages: int
    #: pages before the appendix (the References list), the part the page budget applies to
    main_pages: int | None = None


def _pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", data))


def _print(page, url: str, target: Path) -> Written:
    page.goto(url)
    page.wait_for_load_state("load")
    # Widgets render after load (the html-manager); wait until they are there or a second has passed.
    try:
        page.wait_for_function("document.querySelectorAll('.jupyter-widgets-view, .widget-html').length > 0 || "
                               "document.querySelectorAll('script[type*=widget-view]').length === 0", timeout=8000)
    except Exception:  # noqa: BLE001 - a page without widgets, or a slow machine: print what is there
        pass
    page.wait_for_timeout(300)
    page.emulate_media(media="print")
    data = page.pdf(format="A4", tagged=True, print_background=True, outline=True,
                    margin={"top": "14mm", "bottom": "16mm", "left": "12mm", "right": "12mm"})
    target.write_bytes(data)
    return Written(target, _pdf_pages(data), main_pages(target))


def main_pages(pdf: Path) -> int | None:
    """Pages before the one where the References list (the appendix) starts; None without pypdf."""
    try:
        from pypdf import PdfReader
    except ImportError:  # pypdf comes with the test extras (make handouts installs them)
        return None
    reader = PdfReader(pdf)
    for i, page in enumerate(reader.pages):
        if i and re.search(r"(^|\n)References\s*(\n|$)", page.extract_text() or ""):
            return i
    return len(reader.pages)


def handout_notebooks(folder: Path, names: list[str] | None = None) -> list[Path]:
    """The chapter notebooks that get a handout: ``03`` selects 03a and 03b, ``03a`` one part; teacher pages never."""
    return [p for p in chapter_notebooks(folder) if chapter_selected(p.stem, names)
            and (json.loads(p.read_text(encoding="utf-8")).get("metadata", {}).get("backcare") or {}).get(
                "role", "chapter") != "instructor"]


def build_handouts(out: Path | None = None, *, site: Path | None = None, names: list[str] | None = None,
                   audience: str = DEFAULT_AUDIENCE, build_site: bool = True, browser=None) -> list[Written]:
    """Build the site for ``audience`` (unless ``build_site`` is False), then print every handout into ``out``
    (with ``browser``, a Playwright Chromium already running, or one started here)."""
    import nbformat
    from playwright.sync_api import sync_playwright

    check_audience(audience)
    root = _root()
    out = Path(out) if out is not None else root / "_build" / "handouts"
    site = Path(site) if site is not None else root / "_build" / "html"
    if build_site:
        cmd = [sys.executable, "-m", "backcare", "html", *(names or []), "--out", str(site)]
        if audience != DEFAULT_AUDIENCE:
            cmd += ["--audience", audience]
        if subprocess.call(cmd, cwd=root) != 0:
            raise SystemExit("handouts: the site build failed; see the message above")
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"handouts need Debian's chromium at {CHROMIUM} (apt-get install chromium)")
    out.mkdir(parents=True, exist_ok=True)
    scratch = out / "_html"
    scratch.mkdir(exist_ok=True)
    pages: list[tuple[str, Path]] = []
    for nb_path in handout_notebooks(root / "notebooks", names):
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
        page_html = site / f"{nb_path.stem}.html"
        if page_html.exists():
            pages.append((page_html.resolve().as_uri(), out / f"{nb_path.stem}.pdf"))
        summary = scratch / f"{nb_path.stem}_summary.html"
        summary.write_text(summary_html(nbformat.reads(json.dumps(nb), as_version=4), nb_path.name),
                           encoding="utf-8")
        pages.append((summary.resolve().as_uri(), out / f"{nb_path.stem}_summary.pdf"))
    if not names or any("07".startswith(n[:2]) or n.startswith("07") for n in names):
        cards = scratch / "07_case_cards.html"
        cards.write_text(case_cards_html(), encoding="utf-8")
        pages.append((cards.resolve().as_uri(), out / "07_case_cards.pdf"))
    if not names or any(n.startswith("02") for n in names):
        guide = scratch / "02_start_back_scoring_guide.html"
        guide.write_text(start_back_guide_html(), encoding="utf-8")
        pages.append((guide.resolve().as_uri(), out / "02_start_back_scoring_guide.pdf"))
    def print_all(chromium) -> list[Written]:
        page = chromium.new_page()
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        try:
            return [_print(page, url, target) for url, target in pages]
        finally:
            page.close()

    if browser is not None:
        return print_all(browser)
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return print_all(chromium)
        finally:
            chromium.close()


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m backcare handouts",
                                     description="Print tagged PDF handouts (chapters, case cards, STarT Back "
                                                 "scoring guide, one-page summaries) into _build/handouts.")
    parser.add_argument("notebooks", nargs="*", help="only these chapters (e.g. 02 07)")
    parser.add_argument("--out", type=Path, default=None, help="output folder (default _build/handouts)")
    parser.add_argument("--no-site", action="store_true", help="print the site already in _build/html")
    add_audience_argument(parser)
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    written = build_handouts(args.out, names=args.notebooks or None, audience=args.audience,
                             build_site=not args.no_site)
    over = []
    for w in written:
        one_page = w.path.name.endswith("_summary.pdf") or "scoring_guide" in w.path.name
        budget = 1 if one_page else PAGE_BUDGET
        counted = w.pages if one_page or w.main_pages is None else w.main_pages
        flag = "" if counted <= budget or "case_cards" in w.path.name else f"  (over the {budget}-page budget)"
        if flag:
            over.append(w.path.name)
        before = "" if one_page or w.main_pages in (None, w.pages) else f" ({w.main_pages} before the references)"
        print(f"  {w.path.name:48s} {w.pages:3d} page{'s' if w.pages != 1 else ''}{before}{flag}")
    print(f"wrote {len(written)} PDF handouts" + (f"; over budget: {', '.join(over)}" if over else ""))
    return 0
