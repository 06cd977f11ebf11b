"""Publish the student copy as a git repository (``python -m backcare student --git DIR``), for nbgitpuller.

nbgitpuller clones a git repository into each student's home on first use and merges later commits without
overwriting a student's own edits. A teacher publishes ``student/`` as such a repository: this module writes the
student notebooks to ``DIR`` (creating a repository there on first use) and commits them when they changed. Running it
twice with the same notebooks makes no new commit.

Examples
--------
>>> import tempfile, pathlib, nbformat.v4 as v4, nbformat
>>> src = pathlib.Path(tempfile.mkdtemp())
>>> nbformat.write(v4.new_notebook(cells=[v4.new_markdown_cell("# One")]), src / "01_one.ipynb")
>>> repo = pathlib.Path(tempfile.mkdtemp()) / "student.git"
>>> first = publish_student_repo(repo, source=src)
>>> publish_student_repo(repo, source=src) == first  # unchanged notebooks: the same commit
True
>>> sorted(p.name for p in repo.iterdir() if p.name != ".git")
['01_one.ipynb', 'README.md']
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

BRANCH = "main"
README = """# Back pain care: student notebooks

The chapters of the series without instructor material, published by `python -m backcare student --git`.
Teaching material, not medical advice. Open `00_start_here.ipynb` first.
"""


def _git(repo: Path, *args: str) -> str:
    cmd = ["git", "-C", str(repo), "-c", "user.name=backcare", "-c", "user.email=backcare@localhost",
           "-c", "commit.gpgsign=false", *args]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)} failed in {repo}: {done.stderr.strip() or done.stdout.strip()}")
    return done.stdout.strip()


def publish_student_repo(repo: str | Path, source: str | Path | None = None) -> str:
    """Write the student notebooks into the git repository ``repo`` (created if missing), commit if anything changed,
    and return the commit id of branch ``main``."""
    from .student import write_student_copies

    if shutil.which("git") is None:
        raise RuntimeError("git is not installed: it is needed to publish the student copy as a repository")
    repo = Path(repo)
    if repo.exists() and any(repo.iterdir()) and not (repo / ".git").exists():
        raise FileExistsError(f"{repo} exists and is not a git repository: choose an empty or new folder")
    repo.mkdir(parents=True, exist_ok=True)
    if not (repo / ".git").exists():
        _git(repo, "init", "--quiet", "--initial-branch", BRANCH)
    write_student_copies(repo, source)
    (repo / "README.md").write_text(README)
    _git(repo, "add", "--all")
    if _git(repo, "status", "--porcelain"):
        _git(repo, "commit", "--quiet", "-m", "Student copy of the back pain care series")
    return _git(repo, "rev-parse", BRANCH)
