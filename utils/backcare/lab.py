"""``python -m backcare lab``: JupyterLab on the course folder it is run from, opening chapter 00.

"The course folder" is the first of: the current folder when it holds ``notebooks/00_start_here.ipynb`` (the project)
or ``00_start_here.ipynb`` (a student copy written by ``python -m backcare student``); otherwise the project folder
the package belongs to. JupyterLab ignores ``ServerApp.default_url``; ``LabApp.default_url`` is the setting that
makes ``/`` redirect to the chapter (tooling-notes §11).

Examples
--------
>>> import tempfile
>>> copy = Path(tempfile.mkdtemp())
>>> _ = (copy / START).write_text("{}")
>>> course_folder(copy) == (copy, START)
True
>>> lab_command(copy, ["--no-browser"])[-2:]
['--LabApp.default_url=/lab/tree/00_start_here.ipynb', '--no-browser']
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .builders.kernels import command_line_options
from .paths import repo_root

START = "00_start_here.ipynb"


def course_folder(cwd: Path | None = None) -> tuple[Path, str]:
    """``(folder to serve, chapter 00's path inside it)``."""
    cwd = Path(cwd or Path.cwd()).resolve()
    if (cwd / "notebooks" / START).is_file():
        return cwd, f"notebooks/{START}"
    if (cwd / START).is_file():
        return cwd, START
    return repo_root(), f"notebooks/{START}"


def lab_command(folder: Path, extra: list[str], start: str | None = None) -> list[str]:
    start = start or course_folder(folder)[1]
    cmd = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={folder}", "--ServerApp.ip=127.0.0.1",
           *command_line_options()]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    if not any(a.startswith("--LabApp.default_url") for a in extra):
        cmd.append(f"--LabApp.default_url=/lab/tree/{start}")
    return cmd + list(extra)


def main(extra: list[str]) -> int:
    folder, start = course_folder()
    print(f"Starting JupyterLab on {folder} (opens {start}); open the URL it prints. Stop it with Ctrl-C.", flush=True)
    return subprocess.call(lab_command(folder, extra, start), cwd=folder)
