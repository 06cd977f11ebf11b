"""Developer check for refactors ("students see no change"), by re-execution: run committed notebooks again with
the current package, in memory, and compare the fresh outputs with the stored ones using
:func:`backcare.dev.outputs.compare_notebooks` (``text/plain`` equal; each ``text/html`` equal or reading the same,
so a template that tidies markup passes and a changed word does not). Nothing is written.

``python -m backcare diff-outputs 03 06`` (notebook names as for ``execute``); exit 1 when any output reads
differently. To compare two stored versions instead, use ``python -m backcare.dev.outputs notebooks REV PATH``.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import nbformat

from ..builders.execute import execute_notebook, normalise, notebook_paths
from .outputs import compare_notebooks


def executed_copy(path: Path) -> dict:
    """The notebook at ``path`` executed afresh (outputs cleared first, widget state saved, normalised) as a dict."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    normalise(execute_notebook(nb, cwd=path.parent, store_widget_state=True))
    return json.loads(nbformat.writes(nb))


def check(path: Path) -> tuple[list[str], list[str]]:
    """(text differences, markup-only differences) between the stored outputs of ``path`` and a fresh run."""
    return compare_notebooks(json.loads(path.read_text(encoding="utf-8")), executed_copy(path))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m backcare diff-outputs", description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", help="notebook names or prefixes (default: every notebook)")
    args = parser.parse_args(argv)
    status = 0
    for path in notebook_paths(args.notebooks or None):
        text, markup = check(path)
        print(f"{path.name}: " + ("reads the same" if not text else f"{len(text)} text difference(s)")
              + (f" ({len(markup)} output(s) with different markup, same text)" if markup else ""))
        for line in text:
            print(f"  {line}")
        status = status or (1 if text else 0)
    return status


if __name__ == "__main__":
    sys.exit(main())
