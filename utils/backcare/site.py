"""The static, offline site: ``python -m backcare html`` -> ``_build/html/``.

Each notebook is executed with widget state embedded (so explorers and self-checks work with no kernel), instructor
cells are removed, ``[@Key]`` citations become links, and nbconvert renders it with the package's ``backcare``
template. All JavaScript comes from the site's own ``_static/`` folder (npm packages, ``npm ci``), never a CDN.
"""
from __future__ import annotations

import copy
import html
import re
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat

from .citations import CITE_RE, KEY_RE
from .notebook_meta import ChapterMeta, chapter_meta, is_instructor
from .paths import PACKAGE_DIR, build_dir, notebooks_dir, repo_root

SITE_TITLE = "Back pain care: from self-care to surgery"
TEMPLATE_DIR = PACKAGE_DIR / "templates"
STATIC = "_static/"
LICENCE_HTML = (
    "Text and figures: CC BY 4.0. Code: MIT. Teaching material, not medical advice. "
    "Content not yet clinically peer-reviewed unless a page says otherwise."
)

NOT_ADVICE_HTML = (
    '<p class="bc-note"><strong>Teaching material, not medical advice.</strong> This series teaches students and '
    "self-learners how back pain is assessed and treated. It cannot assess you: for your own care, talk to a "
    "health professional.</p>"
)
URGENT_HTML = (
    '<p class="bc-urgent"><strong>Urgent symptoms: seek emergency care the same day</strong> if back pain comes with '
    "new difficulty passing urine or controlling bladder or bowels, numbness around the genitals or back passage "
    "(saddle area), new or worsening weakness in the legs, fever or feeling very unwell, or after a major injury "
    "such as a fall or road accident.</p>"
)


@dataclass(frozen=True)
class Page:
    path: Path
    meta: ChapterMeta
    html_name: str


def discover(names: list[str] | None = None) -> list[Page]:
    pages = []
    for path in sorted(notebooks_dir().glob("[0-9][0-9]_*.ipynb")):
        if names and not any(path.stem.startswith(n.removesuffix(".ipynb")) for n in names):
            continue
        nb = nbformat.read(path, as_version=4)
        pages.append(Page(path, chapter_meta(nb, path.name), f"{path.stem}.html"))
    return pages


def _labels() -> dict[str, str]:
    from .content import load_content
    from .references import reference_label

    return {k: reference_label(r) for k, r in load_content().references.items()}


def link_citations(nb, labels: dict[str, str]):
    """Replace ``[@Key]`` in markdown cells by linked labels (HTML inside markdown is passed through)."""
    def repl(match):
        keys = KEY_RE.findall(match.group(1))
        missing = [k for k in keys if k not in labels]
        if missing:
            raise KeyError(f"unknown reference key(s) {', '.join(missing)}")
        inner = "; ".join(html.escape(labels[k]) for k in keys)
        return f'<a class="bc-cite" href="#ref-{keys[0]}">({inner})</a>'

    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = rewrite_links(CITE_RE.sub(repl, cell.source))
    return nb


_NB_LINK = re.compile(r"\]\((\d\d_[A-Za-z0-9_]+)\.ipynb(#[^)]*)?\)")


def rewrite_links(markdown: str) -> str:
    """Links between notebooks become links between pages; the README link becomes the contents page.

    >>> rewrite_links("[next](01_understanding_back_pain.ipynb) and [contents](../README.md)")
    '[next](01_understanding_back_pain.html) and [contents](index.html)'
    """
    markdown = _NB_LINK.sub(lambda m: f"]({m.group(1)}.html{m.group(2) or ''})", markdown)
    return markdown.replace("](../README.md)", "](index.html)")


def student_view(nb):
    """A copy of ``nb`` without instructor cells."""
    nb = copy.deepcopy(nb)
    nb.cells = [c for c in nb.cells if not is_instructor(c)]
    return nb


def _nav(pages: list[Page], current: int | None) -> str:
    items = []
    if current is not None and current > 0:
        prev = pages[current - 1]
        items.append(f'<li><a href="{prev.html_name}" rel="prev">Previous: {html.escape(prev.meta.title)}</a></li>')
    items.append('<li><a href="index.html">Contents</a></li>')
    if current is not None and current + 1 < len(pages):
        nxt = pages[current + 1]
        items.append(f'<li><a href="{nxt.html_name}" rel="next">Next: {html.escape(nxt.meta.title)}</a></li>')
    return f'<nav class="bc-nav" aria-label="Chapters"><ul>{"".join(items)}</ul></nav>'


def _review_html() -> str:
    try:
        from .content import load_content

        review = load_content().review
        done = [r for r in review.values() if getattr(r, "reviewed_by", None)]
    except Exception:  # the content package reports its own errors elsewhere
        done = []
    if not done:
        return ('<p class="bc-note"><strong>Review status:</strong> not yet clinically peer-reviewed. '
                "Every fact cites its source; corrections are welcome (see CONTRIBUTING).</p>")
    return '<p class="bc-note"><strong>Review status:</strong> partly reviewed; see each chapter.</p>'


def _exporter():
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="backcare",
        extra_template_basedirs=[str(TEMPLATE_DIR)],
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    exporter.require_js_url = STATIC + "require.js"
    exporter.widget_renderer_url = STATIC + "html-manager/embed-amd.js"
    exporter.mathjax_url = ""
    return exporter


def copy_assets(out: Path) -> None:
    root = repo_root()
    nm = root / "node_modules"
    manager = nm / "@jupyter-widgets" / "html-manager" / "dist"
    require = nm / "requirejs" / "require.js"
    if not manager.is_dir() or not require.is_file():
        raise SystemExit(
            "The site's JavaScript assets are missing: run `npm ci` in the project folder "
            "(require.js and @jupyter-widgets/html-manager come from npm, never from a CDN)."
        )
    static = out / "_static"
    (static / "html-manager").mkdir(parents=True, exist_ok=True)
    shutil.copy2(require, static / "require.js")
    for f in manager.iterdir():
        if f.suffix == ".map" or f.name in ("embed.js", "libembed-amd.js") or f.is_dir():
            continue
        shutil.copy2(f, static / "html-manager" / f.name)
    shutil.copy2(PACKAGE_DIR / "static" / "site.css", static / "site.css")


def render_page(pages: list[Page], i: int, out: Path, *, execute: bool = True) -> Path:
    from .execute import execute_notebook

    page = pages[i]
    nb = nbformat.read(page.path, as_version=4)
    if execute:
        execute_notebook(nb, cwd=page.path.parent, store_widget_state=True)
    nb = student_view(nb)
    link_citations(nb, _labels())
    nb.metadata["title"] = page.meta.title
    exporter = _exporter()
    nav = _nav(pages, i)
    resources = {
        "backcare": {
            "static": STATIC,
            "site_title": html.escape(SITE_TITLE),
            "nav_html": nav,
            "notes_html": NOT_ADVICE_HTML + URGENT_HTML + _review_html(),
            "page_end_html": "",
            "footer_html": f"<p>{html.escape(LICENCE_HTML)}</p>",
        },
        "language_code": "en",
    }
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    target = out / page.html_name
    target.write_text(body, encoding="utf-8")
    return target


def render_index(pages: list[Page], out: Path) -> Path:
    items = []
    for n, page in enumerate(pages):
        m = page.meta
        objectives = "".join(f"<li>{html.escape(o)}</li>" for o in m.objectives)
        prereq = ", ".join(html.escape(p) for p in m.prerequisites) or "none"
        items.append(
            f'<li class="bc-index-chapter"><h2><a href="{page.html_name}">{html.escape(m.title)}</a></h2>'
            f'<p class="bc-meta">About {m.minutes} minutes. Prerequisites: {prereq}.</p>'
            f"<p>After this chapter you will be able to:</p><ul>{objectives}</ul></li>"
        )
    body = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{html.escape(SITE_TITLE)}</title><link rel="stylesheet" href="{STATIC}site.css"></head>
<body class="bc-page"><a class="bc-skip" href="#content">Skip to content</a>
<header class="bc-header"><p class="bc-site-title"><a href="index.html">{html.escape(SITE_TITLE)}</a></p></header>
<aside class="bc-notes" aria-label="Important notes">{NOT_ADVICE_HTML}{URGENT_HTML}{_review_html()}</aside>
<main id="content" tabindex="-1">
<h1>{html.escape(SITE_TITLE)}</h1>
<p>An open notebook series on how back pain is understood, assessed and treated, for students of medicine,
physiotherapy, nursing and pharmacy, their teachers, and self-learners. Read it here as web pages (the
explorers and self-checks work without a kernel), or run it live: <code>make lab</code> in a copy of the project,
Binder from <code>environment.yml</code>, or a JupyterHub with an nbgitpuller link (see the README).</p>
<h2>Learning path</h2>
<ol class="bc-path">{''.join(items)}</ol>
</main>
<footer class="bc-footer"><p>{html.escape(LICENCE_HTML)}</p></footer>
</body></html>
"""
    target = out / "index.html"
    target.write_text(body, encoding="utf-8")
    return target


def build(out: Path | None = None, names: list[str] | None = None, *, execute: bool = True) -> list[Path]:
    out = Path(out) if out else build_dir() / "html"
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    copy_assets(out)
    pages = discover()
    written = [render_index(pages, out)]
    for i, page in enumerate(pages):
        if names and not any(page.path.stem.startswith(n) for n in names):
            continue
        t0 = time.perf_counter()
        print(f"[{i + 1}/{len(pages)}] {page.path.name} ...", end=" ", flush=True)
        try:
            written.append(render_page(pages, i, out, execute=execute))
        except Exception as exc:
            print("FAILED")
            raise SystemExit(f"site build stopped: {page.path.name}: {exc}") from exc
        print(f"{time.perf_counter() - t0:.1f} s", flush=True)
    total = time.perf_counter() - start
    print(f"built {len(written)} pages in {total:.1f} s -> {out}")
    for path in written:
        print(f"  {path.name:40s} {path.stat().st_size / 1024:8.1f} KiB")
    return written


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m backcare html", description="Build the offline static site.")
    parser.add_argument("notebooks", nargs="*", help="only these notebooks (e.g. 00_start_here)")
    parser.add_argument("--out", type=Path, default=None, help="output folder (default _build/html)")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    build(args.out, args.notebooks or None)
    return 0
