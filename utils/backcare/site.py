"""The static, offline site: ``python -m backcare html`` -> ``_build/html/``.

Each notebook is executed with widget state embedded (so explorers and self-checks work with no kernel), instructor
cells are removed, ``[@Key]`` citations become links, and nbconvert renders it with the package's ``backcare``
template. All JavaScript comes from the site's own ``_static/`` folder (npm packages, ``npm ci``), never a CDN.
"""
from __future__ import annotations

import html
import re
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat

from .content import notices as _notices
from .citations import CITE_RE, KEY_RE
from .notebook_meta import ChapterMeta, chapter_meta
from .paths import PACKAGE_DIR, build_dir, notebooks_dir, repo_root

SITE_TITLE = "Back pain care: from self-care to surgery"
TEMPLATE_DIR = PACKAGE_DIR / "templates"
STATIC = "_static/"
#: The footer: both licences linked (the licence texts are LICENSE and LICENSE-content.md in the project folder).
FOOTER_HTML = (
    '<p>Text, figures and content data: <a href="https://creativecommons.org/licenses/by/4.0/" rel="license">'
    "CC BY 4.0</a>. Code: <a href=\"https://opensource.org/license/mit\">MIT</a> (see <code>LICENSE</code> and "
    "<code>LICENSE-content.md</code>; cite the series with <code>CITATION.cff</code>). Teaching material, not "
    "medical advice. Content not yet clinically peer-reviewed unless a page says otherwise.</p>"
)
GLOSSARY_PAGE = "glossary.html"

NOT_ADVICE_HTML = _notices.not_advice_html()  # one wording, content/notices.yaml
URGENT_HTML = _notices.urgent_html()


@dataclass(frozen=True)
class Page:
    path: Path
    meta: ChapterMeta
    html_name: str
    role: str = "chapter"

    @property
    def is_instructor(self) -> bool:
        return self.role == "instructor"


def discover(names: list[str] | None = None, source: Path | None = None) -> list[Page]:
    """Every notebook ``NN_*.ipynb`` in ``source`` (default ``notebooks/``), chapters first, instructor pages last."""
    from .student import notebook_role

    pages = []
    for path in sorted(Path(source or notebooks_dir()).glob("[0-9][0-9]_*.ipynb")):
        if names and not any(path.stem.startswith(n.removesuffix(".ipynb")) for n in names):
            continue
        nb = nbformat.read(path, as_version=4)
        pages.append(Page(path, chapter_meta(nb, path.name), f"{path.stem}.html", notebook_role(nb, path.name)))
    return [p for p in pages if not p.is_instructor] + [p for p in pages if p.is_instructor]


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
    """A copy of ``nb`` without instructor cells (see :func:`backcare.student.student_notebook`)."""
    from .student import student_notebook

    return student_notebook(nb)


def _nav(pages: list[Page], current: int | None, *, label: str = "Chapters") -> str:
    """Previous / contents / glossary / next. Previous and next move between chapters only (not teacher pages)."""
    chapters = [p for p in pages if not p.is_instructor]
    here = pages[current] if current is not None else None
    pos = chapters.index(here) if here is not None and here in chapters else None
    items = []
    if pos is not None and pos > 0:
        prev = chapters[pos - 1]
        items.append(f'<li><a href="{prev.html_name}" rel="prev">Previous: {html.escape(prev.meta.title)}</a></li>')
    items.append('<li><a href="index.html">Contents</a></li>')
    items.append(f'<li><a href="{GLOSSARY_PAGE}">Glossary</a></li>')
    if pos is not None and pos + 1 < len(chapters):
        nxt = chapters[pos + 1]
        items.append(f'<li><a href="{nxt.html_name}" rel="next">Next: {html.escape(nxt.meta.title)}</a></li>')
    return f'<nav class="bc-nav" aria-label="{html.escape(label)}"><ul>{"".join(items)}</ul></nav>'


def _review_html() -> str:
    try:
        from .content import load_content

        review = load_content().review
        done = [r for r in review.values() if getattr(r, "reviewed_by", None)]
    except Exception:  # the content package reports its own errors elsewhere
        done = []
    if not done:
        return ('<p class="bc-note"><strong>Review status:</strong> not yet clinically peer-reviewed. '
                "Every fact cites its source; corrections are welcome (CONTRIBUTING.md in the project folder says "
                "how).</p>")
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


INSTRUCTOR_NOTE_HTML = (
    '<p class="bc-note"><strong>For teachers.</strong> This page collects the instructor notes (timings, model '
    "answers, debriefs) that student notebooks and chapter pages leave out. It is not part of the student copies "
    "(<code>python -m backcare student</code>).</p>"
)


def _resources(nav: str, notes: str, footer_nav: str) -> dict:
    return {
        "backcare": {
            "static": STATIC,
            "site_title": html.escape(SITE_TITLE),
            "nav_html": nav,
            "footer_nav_html": footer_nav,
            "notes_html": notes,
            "page_end_html": "",
            "footer_html": FOOTER_HTML,
        },
        "language_code": "en",
    }


def render_page(pages: list[Page], i: int, out: Path, *, execute: bool = True) -> Path:
    """Execute (with widget state) and render one page; ``SystemExit`` names the notebook and cell on failure."""
    return _render_checked(pages, i, out, execute=execute)


def _standalone(title: str, main_html: str, *, nav: str, footer_nav: str) -> str:
    """A page without a notebook behind it (contents, glossary): same header, notes, landmarks and footer."""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{html.escape(title)}</title><link rel="stylesheet" href="{STATIC}site.css"></head>
<body class="bc-page"><a class="bc-skip" href="#content">Skip to content</a>
<header class="bc-header"><p class="bc-site-title"><a href="index.html">{html.escape(SITE_TITLE)}</a></p>{nav}</header>
<aside class="bc-notes" aria-label="Important notes">{NOT_ADVICE_HTML}{URGENT_HTML}{_review_html()}</aside>
<main id="content" tabindex="-1">
{main_html}
</main>
<footer class="bc-footer">{footer_nav}{FOOTER_HTML}</footer>
</body></html>
"""


def _prerequisites_html(names, pages: list[Page]) -> str:
    """Prerequisites as links to their pages (titles, not file names); a chapter not built yet is named plainly."""
    by_stem = {p.path.stem: p for p in pages}
    parts = []
    for name in names:
        page = by_stem.get(name.removesuffix(".ipynb"))
        if page:
            parts.append(f'<a href="{page.html_name}">{html.escape(page.meta.title)}</a>')
        else:
            parts.append(html.escape(name.removesuffix(".ipynb").replace("_", " ")))
    return ", ".join(parts) or "none"


def _chapter_item(page: Page, pages: list[Page]) -> str:
    m = page.meta
    objectives = "".join(f"<li>{html.escape(o)}</li>" for o in m.objectives)
    prereq = _prerequisites_html(m.prerequisites, pages)
    return (
        f'<li class="bc-index-chapter"><h3><a href="{page.html_name}">{html.escape(m.title)}</a></h3>'
        f'<p class="bc-meta">About {m.minutes} minutes. Prerequisites: {prereq}.</p>'
        f"<p>After this {'page' if page.is_instructor else 'chapter'} you will be able to:</p>"
        f"<ul>{objectives}</ul></li>"
    )


RUN_LIVE_HTML = """<h2 id="run-live">Run it live</h2>
<p>These pages need no Python: the explorers (drop-down lists and toggle buttons) and the self-check questions work
in the page. To change the code, run the calculators with your own numbers or teach from the notebooks:</p>
<ul>
<li><strong>JupyterLab on your computer or a lab machine:</strong> in a copy of the project folder run
<code>make lab</code> (or <code>python -m backcare lab</code> without make). It opens
<code>notebooks/00_start_here.ipynb</code>.</li>
<li><strong>Binder:</strong> Binder builds the environment from <code>environment.yml</code>; the README's
"Running a class" section gives the link pattern.</li>
<li><strong>JupyterHub:</strong> a teacher shares an nbgitpuller link that copies the notebooks into each
student's hub account (README, "Running a class").</li>
</ul>
<p>Teachers can make student copies without the instructor notes with <code>make student</code>.</p>"""


def render_index(pages: list[Page], out: Path) -> Path:
    chapters = [p for p in pages if not p.is_instructor]
    teachers = [p for p in pages if p.is_instructor]
    total = sum(p.meta.minutes for p in chapters)
    teacher_html = ""
    if teachers:
        teacher_html = ('<h2 id="teachers">For teachers</h2><p>Not part of the student copies.</p>'
                        f'<ul class="bc-path">{"".join(_chapter_item(p, pages) for p in teachers)}</ul>')
    main = f"""<h1>{html.escape(SITE_TITLE)}</h1>
<p>An open notebook series on how back pain is understood, assessed and treated, for students of medicine,
physiotherapy, nursing and pharmacy, their teachers, and self-learners. Words you may not know are explained in the
<a href="{GLOSSARY_PAGE}">glossary</a>.</p>
<h2 id="path">Learning path</h2>
<p class="bc-meta">{len(chapters)} chapter{'s' if len(chapters) != 1 else ''}, about {total} minutes in all. Start with
the first; each chapter lists what it assumes you have read.</p>
<ol class="bc-path">{''.join(_chapter_item(p, pages) for p in chapters)}</ol>
{teacher_html}
{RUN_LIVE_HTML}"""
    target = out / "index.html"
    target.write_text(_standalone(SITE_TITLE, main, nav=_nav(pages, None),
                                  footer_nav=_nav(pages, None, label="Chapters (end of page)")), encoding="utf-8")
    return target


def render_glossary(pages: list[Page], out: Path) -> Path:
    from .glossary import glossary_body_html

    main = ("<h1>Glossary</h1><p>Terms used in the series, A to Z, in plain words. Where an entry states a fact, "
            "it names its source; the sources are listed at the end of the page.</p>" + glossary_body_html())
    target = out / GLOSSARY_PAGE
    target.write_text(_standalone(f"Glossary - {SITE_TITLE}", main, nav=_nav(pages, None),
                                  footer_nav=_nav(pages, None, label="Chapters (end of page)")), encoding="utf-8")
    return target


def describe_failure(path: Path, nb, exc: BaseException) -> str:
    """A one-paragraph reason naming the notebook and, when a cell failed, the cell and the head of its source.

    Examples
    --------
    >>> import nbformat.v4 as v4
    >>> nb = v4.new_notebook(cells=[v4.new_markdown_cell("# T"), v4.new_code_cell("x = 1"),
    ...                             v4.new_code_cell("1 / 0\\nprint('never')")])
    >>> nb.cells[2].outputs = [v4.new_output("error", ename="ZeroDivisionError", evalue="division by zero",
    ...                                      traceback=[])]
    >>> print(describe_failure(Path("03_x.ipynb"), nb, RuntimeError("boom")))
    03_x.ipynb: cell 3 (code cell 2) failed: ZeroDivisionError: division by zero
      | 1 / 0
      | print('never')
    >>> print(describe_failure(Path("03_x.ipynb"), v4.new_notebook(), ValueError("bad metadata")))
    03_x.ipynb: ValueError: bad metadata
    """
    code_no = 0
    for index, cell in enumerate(nb.get("cells", []), 1):
        if cell.get("cell_type") != "code":
            continue
        code_no += 1
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                head = "\n".join(f"  | {line}" for line in cell.source.splitlines()[:5])
                return (f"{path.name}: cell {index} (code cell {code_no}) failed: "
                        f"{out.get('ename', 'Error')}: {out.get('evalue', '')}\n{head}")
    ename = getattr(exc, "ename", None)
    if ename:
        return f"{path.name}: {ename}: {getattr(exc, 'evalue', '')}"
    return f"{path.name}: {type(exc).__name__}: {exc}"


def _render_checked(pages: list[Page], i: int, out: Path, *, execute: bool) -> Path:
    """Render one page; on failure stop with a reason naming the notebook and the cell."""
    from .execute import execute_notebook

    page = pages[i]
    nb = nbformat.read(page.path, as_version=4)
    try:
        if execute:
            execute_notebook(nb, cwd=page.path.parent, store_widget_state=True)
    except Exception as exc:  # nbclient's CellExecutionError (or a kernel that would not start)
        raise SystemExit(f"site build stopped: {describe_failure(page.path, nb, exc)}") from None
    try:
        return _render_executed(pages, i, out, nb)
    except Exception as exc:
        raise SystemExit(f"site build stopped: {page.path.name}: {type(exc).__name__}: {exc}") from None


def _render_executed(pages: list[Page], i: int, out: Path, nb) -> Path:
    page = pages[i]
    nb = student_view(nb)
    link_citations(nb, _labels())
    nb.metadata["title"] = page.meta.title
    notes = NOT_ADVICE_HTML + URGENT_HTML + _review_html()
    if page.is_instructor:
        notes = INSTRUCTOR_NOTE_HTML + notes
    resources = _resources(_nav(pages, i), notes, _nav(pages, i, label="Chapters (end of page)"))
    body, _ = _exporter().from_notebook_node(nb, resources=resources)
    target = out / page.html_name
    target.write_text(body, encoding="utf-8")
    return target


def build(out: Path | None = None, names: list[str] | None = None, *, execute: bool = True,
          source: Path | None = None) -> list[Path]:
    """Build the site from the notebooks in ``source`` (default ``notebooks/``) into ``out`` (default
    ``_build/html``); stop with ``SystemExit`` naming the notebook and cell when one fails."""
    out = Path(out) if out else build_dir() / "html"
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    copy_assets(out)
    try:
        pages = discover(source=source)
    except ValueError as exc:  # chapter metadata missing or malformed: the message names the notebook
        raise SystemExit(f"site build stopped: {exc}") from None
    if not pages:
        raise SystemExit(f"site build stopped: no notebooks named NN_*.ipynb in {source or notebooks_dir()}")
    written = [render_index(pages, out), render_glossary(pages, out)]
    for i, page in enumerate(pages):
        if names and not any(page.path.stem.startswith(n.removesuffix(".ipynb")) for n in names):
            continue
        t0 = time.perf_counter()
        print(f"[{i + 1}/{len(pages)}] {page.path.name} ...", end=" ", flush=True)
        try:
            written.append(_render_checked(pages, i, out, execute=execute))
        except SystemExit:
            print("FAILED", flush=True)
            raise
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
    parser.add_argument("--source", type=Path, default=None, help="notebook folder (default notebooks/)")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    build(args.out, args.notebooks or None, source=args.source)
    return 0
