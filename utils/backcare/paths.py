"""Where things are: the repository root and its folders, found from this file or $BACKCARE_ROOT."""
from __future__ import annotations

import functools
import os
from pathlib import Path


def repo_root() -> Path:
    """The project root (the folder holding ``content/`` and ``notebooks/``).

    Found once per value of ``$BACKCARE_ROOT`` (every content lookup asks for it: resolving the path each time was
    thousands of ``realpath`` calls per chapter, issue 19); a failed search is not remembered."""
    return _repo_root(os.environ.get("BACKCARE_ROOT") or None)


@functools.lru_cache(maxsize=8)
def _repo_root(env: str | None) -> Path:
    if env:
        root = Path(env).resolve()
        if not (root / "content").is_dir():
            hint = ""
            if any(root.glob("[0-9][0-9]_*.ipynb")):
                hint = (" It looks like a student copy (notebooks only): run `python -m backcare lab` inside it, "
                        "without BACKCARE_ROOT; the facts come from the installed project.")
            raise RuntimeError(
                f"BACKCARE_ROOT={env} has no content/ folder: BACKCARE_ROOT must name the project folder "
                f"(the one holding content/ and notebooks/).{hint}"
            )
        return root
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "content").is_dir() and (parent / "notebooks").is_dir():
            return parent
    raise RuntimeError(
        f"Cannot find the course folder (content/ and notebooks/) above {here.parent}. backcare runs from its "
        "project folder: install it there with `pip install -e .` (a regular `pip install .` is not supported), "
        "or set BACKCARE_ROOT to the project folder."
    )


def resolved(path: str | Path) -> Path:
    """``Path(path).resolve()``, remembered for absolute paths (a relative one depends on the working folder):
    content lookups resolve the same folder thousands of times per chapter."""
    path = Path(path)
    return _resolved(path) if path.is_absolute() else path.resolve()


@functools.lru_cache(maxsize=64)
def _resolved(path: Path) -> Path:
    return path.resolve()


def content_dir() -> Path:
    return repo_root() / "content"


def notebooks_dir() -> Path:
    return repo_root() / "notebooks"


def build_dir() -> Path:
    return repo_root() / "_build"


PACKAGE_DIR = Path(__file__).resolve().parent
