"""The static, offline site: ``python -m backcare html`` -> ``_build/html/``.

Pages are rendered from the committed, executed notebooks, which carry their widget state (``make execute`` saves it),
so explorers and self-checks work with no kernel and nothing is executed again. A notebook that is not executed, or
whose widget views have no saved state, is executed first (``--execute`` executes every one). The build is for one
audience (``backcare.builders.audience``): by default ``self-study``, safe to hand to students (no instructor cells,
no instructor guide); ``--audience teacher`` adds them. ``[@Key]`` citations become links, and nbconvert renders each
page with the package's ``backcare`` template. All JavaScript comes from the site's own ``_static/`` folder (npm
packages, ``npm ci``), never a CDN.
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

from .audience import DEFAULT_AUDIENCE, add_audience_argument, audience_notebook, check_audience
from .site_images import IMAGES, default_view_images, images_of, share_images
from .site_notice import drop_urgent_copies
from .widget_state import STATE, VIEW, compact_widget_state
from ..logic.citations import CITE_RE, KEY_RE
from ..notebook_meta import ChapterMeta, chapter_meta
from ..paths import PACKAGE_DIR, build_dir, chapter_notebooks, chapter_selected, notebooks_dir, repo_root
from .site_pages import (GLOSSARY_PAGE, SITE_TITLE, _nav, cite_link, footer_html, notes_html,  # noqa: F401
                         render_glossary, render_index)

TEMPLATE_DIR = PACKAGE_DIR / "templates"
STATIC = "_static/"


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
    for path in chapter_notebooks(source):
        if not chapter_selected(path.stem, names):
            continue
        nb = nbformat.read(path, as_version=4)
        pages.append(Page(path, chapter_meta(nb, path.name), f"{path.stem}.html", notebook_role(nb, path.name)))
    return [p for p in pages if not p.is_instructor] + [p for p in pages if p.is_instructor]


def _labels() -> dict[str, str]:
    from ..content import load_content
    from ..logic.reference_labels import reference_label

    return {k: reference_label(r) for k, r in load_content().references.items()}


def link_citations(nb, labels: dict[str, str]):
    """Replace ``[@Key]`` in markdown cells by linked labels (HTML inside markdown is passed through)."""
    def repl(match):
        keys = KEY_RE.findall(match.group(1))
        missing = [k for k in keys if k not in labels]
        if missing:
            raise KeyError(f"unknown reference key(s) {', '.join(missing)}")
        return cite_link(keys, labels)

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


def student_view(nb, audience: str = DEFAULT_AUDIENCE):
    """A copy of ``nb`` with only the cells ``audience`` receives (see :mod:`backcare.builders.audience`)."""
    return audience_notebook(nb, audience)


def needs_execution(nb) -> bool:
    """Whether ``nb`` must be executed before rendering: a code cell never run, or a widget view without saved state.

    >>> import nbformat.v4 as v4
    >>> needs_execution(v4.new_notebook(cells=[v4.new_code_cell("1")]))
    True
    >>> nb = v4.new_notebook(cells=[v4.new_code_cell("1", execution_count=1)])
    >>> needs_execution(nb)
    False
    >>> nb.cells[0].outputs = [v4.new_output("display_data", data={VIEW: {"model_id": "01"}})]
    >>> needs_execution(nb), needs_execution({**nb, "metadata": {"widgets": {STATE: {"state": {"01": {}}}}}})
    (True, False)
    """
    from .widget_state import view_outputs

    cells = nb.get("cells", [])
    if any(c.get("cell_type") == "code" and c.get("execution_count") is None and c.get("source", "").strip()
           for c in cells):
        return True
    saved = ((nb.get("metadata") or {}).get("widgets") or {}).get(STATE, {}).get("state", {})
    return any(out["data"][VIEW]["model_id"] not in saved for out in view_outputs(cells))


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
    shutil.rmtree(static / "html-manager", ignore_errors=True)  # only what the pages use (below), nothing stale
    (static / "html-manager").mkdir(parents=True, exist_ok=True)
    shutil.copy2(require, static / "require.js")
    # The widget manager bundle and its licence. Of its icon fonts (Font Awesome, 2.7 MB in five formats) only the
    # WOFF2 files are kept: every browser that runs the bundle reads WOFF2, and no course widget shows an icon
    # (checked in Chromium: no page requests a font).
    for f in manager.iterdir():
        if f.name in ("embed-amd.js", "embed.js.LICENSE.txt") or f.suffix == ".woff2":
            shutil.copy2(f, static / "html-manager" / f.name)
    shutil.copy2(PACKAGE_DIR / "static" / "site.css", static / "site.css")
    (static / "jupyterlab.css").write_text(jupyterlab_css(), encoding="utf-8")


#: nbconvert's lab template adds these few rules inline after its CSS files; the shared stylesheet carries them.
_LAB_TEMPLATE_RULES = """
* { -webkit-print-color-adjust: exact; }
a.anchor-link { display: none; }
.jp-InputArea { overflow: hidden; }
.jp-InputArea-editor { overflow: hidden; }
.cm-editor.cm-s-jupyter .highlight pre { padding: var(--jp-code-padding) 4px; margin: 0; font-family: inherit;
  font-size: inherit; line-height: inherit; color: inherit; }
.jp-OutputArea-output pre { line-height: inherit; font-family: inherit; }
.jp-RenderedText pre { color: var(--jp-content-font-color1); font-size: var(--jp-code-font-size); }
.jp-Collapser { display: none; }
@page { margin: 0.5in; }
@media print { .jp-Cell-inputWrapper, .jp-Cell-outputWrapper { display: block; } }
"""


def jupyterlab_css() -> str:
    """JupyterLab's notebook CSS and light theme from nbconvert's ``lab`` template, as one stylesheet for the site."""
    from nbconvert import HTMLExporter

    parts = []
    for name in ("static/index.css", "static/theme-light.css"):
        for folder in HTMLExporter(template_name="lab").template_paths:
            path = Path(folder) / name
            if path.is_file():
                parts.append(path.read_text(encoding="utf-8"))
                break
        else:
            raise SystemExit(f"site build stopped: nbconvert's lab template has no {name}")
    return "\n".join(parts) + _LAB_TEMPLATE_RULES


def _resources(nav: str, notes: str, footer_nav: str) -> dict:
    return {
        "backcare": {
            "static": STATIC,
            "site_title": html.escape(SITE_TITLE),
            "nav_html": nav,
            "footer_nav_html": footer_nav,
            "notes_html": notes,
            "page_end_html": "",
            "footer_html": footer_html(),
        },
        "language_code": "en",
    }


def render_page(pages: list[Page], i: int, out: Path, *, execute: bool | str = "auto",
                audience: str = DEFAULT_AUDIENCE) -> Path:
    """Render one page (executing it first when needed, with widget state); ``SystemExit`` names the notebook and
    cell on failure."""
    return _render_checked(pages, i, out, execute=execute, audience=audience)


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


def _render_checked(pages: list[Page], i: int, out: Path, *, execute: bool | str = "auto",
                    audience: str = DEFAULT_AUDIENCE) -> Path:
    """Render one page; on failure stop with a reason naming the notebook and the cell. ``execute``: True (always),
    False (never) or ``"auto"`` (when :func:`needs_execution` says so)."""
    from .execute import execute_notebook, normalise

    page = pages[i]
    nb = nbformat.read(page.path, as_version=4)
    try:
        if execute is True or (execute == "auto" and needs_execution(nb)):
            execute_notebook(nb, cwd=page.path.parent, store_widget_state=True)
            normalise(nb)
    except Exception as exc:  # nbclient's CellExecutionError (or a kernel that would not start)
        raise SystemExit(f"site build stopped: {describe_failure(page.path, nb, exc)}") from None
    try:
        return _render_executed(pages, i, out, nb, audience)
    except Exception as exc:
        raise SystemExit(f"site build stopped: {page.path.name}: {type(exc).__name__}: {exc}") from None


def _render_executed(pages: list[Page], i: int, out: Path, nb, audience: str = DEFAULT_AUDIENCE) -> Path:
    page = pages[i]
    nb = student_view(nb, audience)
    compact_widget_state(nb)
    if not page.is_instructor:
        from ..logic.glossary_links import link_glossary_terms

        link_glossary_terms(nb)  # first use of each glossary term links to its definition
    link_citations(nb, _labels())
    drop_urgent_copies(nb)  # the notes block at the top of the page carries the notice once (issue 18 item 3)
    nb.metadata["title"] = page.meta.title
    notes = notes_html(instructor=page.is_instructor, chapter=page.path.stem)
    resources = _resources(_nav(pages, i), notes, _nav(pages, i, label="Chapters (end of page)"))
    body, _ = _exporter().from_notebook_node(nb, resources=resources)
    body = share_images(body, out, default_view_images(nb))  # each PNG once, as a file; hidden views load lazily
    target = out / page.html_name
    target.write_text(body, encoding="utf-8")
    return target


def remove_orphan_pages(out: Path, current: set[str]) -> list[str]:
    """Remove chapter pages (``NN*_*.html``) in ``out`` that no notebook makes any more; return their names."""
    gone = sorted(p.name for p in Path(out).glob("[0-9][0-9]*_*.html") if p.name not in current)
    for name in gone:
        (Path(out) / name).unlink()
    return gone


def build(out: Path | None = None, names: list[str] | None = None, *, execute: bool | str = "auto",
          source: Path | None = None, audience: str = DEFAULT_AUDIENCE) -> list[Path]:
    """Build the site for ``audience`` from the notebooks in ``source`` (default ``notebooks/``) into ``out``
    (default ``_build/html``); stop with ``SystemExit`` naming the notebook and cell when one fails. Pages of
    notebooks the audience does not receive (the instructor guide, unless ``teacher``) are not written, and removed
    when an earlier build left them in ``out``."""
    check_audience(audience)
    out = Path(out) if out else build_dir() / "html"
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    copy_assets(out)
    if not names:  # a full build: images of earlier builds that no page uses any more go
        shutil.rmtree(out / IMAGES, ignore_errors=True)
    try:
        pages = discover(source=source)
    except ValueError as exc:  # chapter metadata missing or malformed: the message names the notebook
        raise SystemExit(f"site build stopped: {exc}") from None
    if not pages:
        raise SystemExit(f"site build stopped: no notebooks named NN_*.ipynb in {source or notebooks_dir()}")
    if not names:  # a full build: pages of chapters renamed or split since an earlier build go (03 -> 03a, 03b)
        remove_orphan_pages(out, {p.html_name for p in pages})
    left_out = [p for p in pages if p.is_instructor and audience != "teacher"]
    for page in left_out:
        (out / page.html_name).unlink(missing_ok=True)
    pages = [p for p in pages if p not in left_out]
    from .site_pages import render_errata

    written = [render_index(pages, out), render_glossary(pages, out), render_errata(pages, out)]
    for i, page in enumerate(pages):
        if not chapter_selected(page.path.stem, names):
            continue
        t0 = time.perf_counter()
        print(f"[{i + 1}/{len(pages)}] {page.path.name} ...", end=" ", flush=True)
        try:
            written.append(_render_checked(pages, i, out, execute=execute, audience=audience))
        except SystemExit:
            print("FAILED", flush=True)
            raise
        print(f"{time.perf_counter() - t0:.1f} s", flush=True)
    total = time.perf_counter() - start
    print(f"built {len(written)} pages for the {audience} audience in {total:.1f} s -> {out}")
    print(f"  {'page':40s} {'HTML':>10s} {'+ its images':>14s}")
    for path in written:
        html_kib = path.stat().st_size / 1024
        images = sum((out / IMAGES / n).stat().st_size for n in images_of(path.read_text(encoding="utf-8"))) / 1024
        print(f"  {path.name:40s} {html_kib:6.1f} KiB {html_kib + images:10.1f} KiB")
    return written


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m backcare html", description="Build the offline static site.")
    parser.add_argument("notebooks", nargs="*", help="only these notebooks (e.g. 00_start_here)")
    parser.add_argument("--out", type=Path, default=None, help="output folder (default _build/html)")
    parser.add_argument("--source", type=Path, default=None, help="notebook folder (default notebooks/)")
    parser.add_argument("--execute", action="store_true",
                        help="execute every notebook again (default: only those not executed or without widget state)")
    add_audience_argument(parser)
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    build(args.out, args.notebooks or None, source=args.source, audience=args.audience,
          execute=True if args.execute else "auto")
    return 0
