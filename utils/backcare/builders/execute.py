"""Execute notebooks in place: the only writer of committed outputs (``make execute``).

After execution the notebook is normalised so that re-executing reproduces it byte for byte where the outputs are
deterministic: saved widget state with model ids renumbered in a fixed order (so JupyterLab, nbviewer and nbconvert
show every interactive before Run All; see ``builders/widget_state.py``), no timing metadata, execution counts 1..N.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import nbformat

from ..paths import chapter_notebooks, chapter_selected

KERNEL_ENV = {"PYTHONHASHSEED": "0", "SOURCE_DATE_EPOCH": "0", "MPLBACKEND": "module://matplotlib_inline.backend_inline"}
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def kernel_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(KERNEL_ENV)
    return env


def execute_notebook(nb, *, cwd: Path, store_widget_state: bool = False, timeout: int = 600,
                     extra_env: dict[str, str] | None = None):
    """Run every cell of ``nb`` (an nbformat node) in a fresh kernel started in ``cwd``; return the node."""
    from nbclient import NotebookClient

    from .kernels import kernel_config

    env = {**KERNEL_ENV, **(extra_env or {})}
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        client = NotebookClient(
            nb,
            timeout=timeout,
            kernel_name="python3",
            resources={"metadata": {"path": str(cwd)}},
            record_timing=False,
            store_widget_state=store_widget_state,
            config=kernel_config(),
        )
        client.execute()
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return nb


def normalise(nb):
    """Remove what churns between runs: timings, and random widget model ids (renumbered in the saved state and in
    every widget-view output)."""
    from .widget_state import normalise_widget_state

    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    normalise_widget_state(nb)
    return nb


def execute_in_place(path: Path) -> float:
    """Execute one committed notebook and write it back normalised; return seconds taken. Every chart is drawn
    afresh (the chart cache is refreshed, never read: committed outputs never come from it)."""
    start = time.perf_counter()
    nb = nbformat.read(path, as_version=4)
    mode = "0" if os.environ.get("BACKCARE_CHART_CACHE", "").strip().lower() in ("0", "off", "no", "false") else "refresh"
    execute_notebook(nb, cwd=path.parent, store_widget_state=True, extra_env={"BACKCARE_CHART_CACHE": mode})
    normalise(nb)
    nbformat.write(nb, path)
    return time.perf_counter() - start


def notebook_paths(names: list[str] | None = None) -> list[Path]:
    paths = chapter_notebooks()
    if names:
        wanted = [n.removesuffix(".ipynb") for n in names]
        paths = [p for p in paths if chapter_selected(p.stem, wanted)]
        if not paths:
            raise SystemExit(f"no notebook matches {names}; notebooks are named like 00_start_here")
    return paths


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    for path in notebook_paths(argv):
        print(f"executing {path.name} ...", flush=True)
        try:
            secs = execute_in_place(path)
        except Exception as exc:  # nbclient's CellExecutionError names the cell and the error
            print(f"FAILED {path.name}:\n{exc}", file=sys.stderr)
            return 1
        print(f"  ok in {secs:.1f} s", flush=True)
    return 0
