"""Slides for class: ``python -m backcare.slides 03 --reveal node_modules/reveal.js`` exports a chapter as reveal.js
slides with reveal.js served from a local copy (from npm), or not at all: never from a CDN.

Each level-1 or level-2 heading starts a new slide (the notebooks carry no slide metadata); long sections scroll.
Instructor cells are left out, as on the pages. reveal.js is not a dependency of the series: install it only if you
want slides (``npm install --no-save reveal.js@4``) and pass its folder.

Examples
--------
>>> import nbformat.v4 as v4
>>> nb = slide_breaks(v4.new_notebook(cells=[v4.new_markdown_cell("# Title"), v4.new_code_cell("1"),
...                                          v4.new_markdown_cell("## Part"), v4.new_markdown_cell("text")]))
>>> [c.metadata["slideshow"]["slide_type"] for c in nb.cells]
['slide', '-', 'slide', '-']
>>> check_reveal("/nonexistent")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
FileNotFoundError: reveal.js not found in /nonexistent (no dist/reveal.js): install it locally ...
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import nbformat

from .paths import PACKAGE_DIR, repo_root

THEME = "white"  # reveal's white theme uses its own bundled font files; "simple" imports Google Fonts


def slide_breaks(nb):
    """Start a new slide at every markdown cell that opens with a level-1 or level-2 heading (in place)."""
    for cell in nb.cells:
        heading = cell.cell_type == "markdown" and (cell.source.startswith("# ") or cell.source.startswith("## "))
        cell.metadata["slideshow"] = {"slide_type": "slide" if heading else "-"}
    return nb


def check_reveal(reveal: str | Path) -> Path:
    reveal = Path(reveal)
    if not (reveal / "dist" / "reveal.js").is_file():
        raise FileNotFoundError(
            f"reveal.js not found in {reveal} (no dist/reveal.js): install it locally with "
            "`npm install --no-save reveal.js@4` and pass --reveal node_modules/reveal.js; the series never loads "
            "reveal.js from a CDN")
    return reveal


def export_slides(notebook: str | Path, out: str | Path, reveal: str | Path) -> Path:
    """Write ``<out>/<stem>.slides.html`` with ``reveal.js``, ``require.js`` and the widget manager copied beside it."""
    from nbconvert import SlidesExporter

    from .execute import notebook_paths
    from .student import student_notebook

    reveal = check_reveal(reveal)
    path = Path(notebook)
    if not path.is_file():
        matches = notebook_paths([str(notebook)])
        path = matches[0]
    out = Path(out)
    (out / "_static" / "html-manager").mkdir(parents=True, exist_ok=True)
    if not (out / "reveal.js").exists():
        shutil.copytree(reveal, out / "reveal.js", ignore=shutil.ignore_patterns("node_modules", "*.map"))
    nm = repo_root() / "node_modules"
    shutil.copy2(nm / "requirejs" / "require.js", out / "_static" / "require.js")
    shutil.copy2(nm / "@jupyter-widgets" / "html-manager" / "dist" / "embed-amd.js",
                 out / "_static" / "html-manager" / "embed-amd.js")
    nb = slide_breaks(student_notebook(nbformat.read(path, as_version=4)))
    exporter = SlidesExporter(template_name="backcare_slides", extra_template_basedirs=[str(PACKAGE_DIR / "templates")],
                              reveal_url_prefix="reveal.js", reveal_theme=THEME, reveal_scroll=True,
                              font_awesome_url="", exclude_input_prompt=True, exclude_output_prompt=True)
    exporter.require_js_url = "_static/require.js"
    exporter.widget_renderer_url = "_static/html-manager/embed-amd.js"
    body, _ = exporter.from_notebook_node(nb, resources={"language_code": "en"})
    target = out / f"{path.stem}.slides.html"
    target.write_text(body, encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m backcare.slides", description=__doc__.splitlines()[0])
    parser.add_argument("notebook", help="a chapter name or prefix, e.g. 03, or a path to a notebook")
    parser.add_argument("--reveal", required=True, help="a local reveal.js 4 folder, e.g. node_modules/reveal.js")
    parser.add_argument("--out", type=Path, default=Path("_build") / "slides", help="output folder")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    try:
        target = export_slides(args.notebook, args.out, args.reveal)
    except (FileNotFoundError, SystemExit) as exc:
        print(f"slides not written: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {target}: open it from disk, or serve the folder with python -m http.server")
    return 0


if __name__ == "__main__":
    sys.exit(main())
