"""A changed content value without `make execute` makes the notebook tests fail, naming the cell (strict nbval)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _cells_showing(path: Path, text: str) -> set[str]:
    """nbval's numbers of the code cells whose stored text/plain or text/html output contains ``text``."""
    import nbformat

    code = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
    hits = set()
    for i, cell in enumerate(code):
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if any(text in "".join(data.get(kind, "")) for kind in ("text/plain", "text/html")):
                hits.add(str(i))
    return hits


@pytest.mark.slow
def test_changed_content_value_fails_nbval_and_names_the_cell(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / "notebooks").mkdir()
    shutil.copy2(ROOT / "notebooks" / "00_start_here.ipynb", tmp_path / "notebooks")
    shutil.copy2(ROOT / "tests" / "nbval_sanitize.cfg", tmp_path)
    levels = tmp_path / "content" / "invasiveness.yaml"
    text = levels.read_text()
    changed = re.sub(r"(name: )Self-care and education", r"\1Self-care, education and rest", text, count=1)
    assert changed != text, "fixture: level 0's name not found in content/invasiveness.yaml"
    levels.write_text(changed)
    # The inner pytest sets every option this test relies on: no PYTEST_ADDOPTS from the caller's environment (with
    # -rs there the short summary lists skips only and no FAILED line appears), no addopts, -rfE for FAILED lines.
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_ADDOPTS"}
    env["BACKCARE_ROOT"] = str(tmp_path)
    args = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-o", "addopts=", "-rfE", "-n", "0", "--nbval",
            "--nbval-current-env", "--nbval-sanitize-with=nbval_sanitize.cfg", "notebooks/00_start_here.ipynb"]
    stale = subprocess.run(args, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert stale.returncode == 1, stale.stdout[-3000:]
    out = stale.stdout
    assert "Self-care, education and rest" in out, "the failure shows the new value"
    failed = re.findall(r"FAILED notebooks/00_start_here.ipynb::Cell (\d+)", out)
    assert failed, out[-3000:]
    # every code cell whose stored text output carries the level's name fails (nbval numbers code cells from 0)
    assert set(failed) == _cells_showing(ROOT / "notebooks" / "00_start_here.ipynb", "Self-care and education")
    assert len(set(failed)) >= 2, "the figure's alt text and the explorer both carry the level's name"
    # unchanged content passes: the failure is the stale output, nothing else
    levels.write_text(text)
    fresh = subprocess.run(args, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert fresh.returncode == 0, fresh.stdout[-3000:]
