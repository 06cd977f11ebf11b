"""Where things are: the repository root and its folders, found from this file or $BACKCARE_ROOT."""
from __future__ import annotations

import functools
import os
import re
from pathlib import Path

#: A chapter notebook's stem: two digits, an optional part letter (a split chapter: ``03a``, ``03b``), a slug.
CHAPTER_STEM = re.compile(r"(?P<number>[0-9]{2})(?P<part>[a-z]?)_(?P<slug>[a-z0-9_]+)")


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
            if chapter_notebooks(root):
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


def chapter_notebooks(folder: str | Path | None = None) -> list[Path]:
    """The chapter notebooks ``NN_slug.ipynb`` or ``NNa_slug.ipynb`` in ``folder`` (default ``notebooks/``), in order.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     for name in ("04_b.ipynb", "03b_y.ipynb", "03a_x.ipynb", "02_a.ipynb", "notes.ipynb", "3_z.ipynb"):
    ...         _ = (Path(d) / name).write_text("{}")
    ...     [p.name for p in chapter_notebooks(d)]
    ['02_a.ipynb', '03a_x.ipynb', '03b_y.ipynb', '04_b.ipynb']
    """
    folder = Path(folder) if folder is not None else notebooks_dir()
    return sorted(p for p in folder.glob("[0-9][0-9]*_*.ipynb") if CHAPTER_STEM.fullmatch(p.stem))


def chapter_id(stem: str) -> str:
    """A chapter's short id: its number and part letter (``"03a_self_care" -> "03a"``, ``"04_medicines" -> "04"``).

    >>> chapter_id("03a_self_care"), chapter_id("04_medicines.ipynb"), chapter_id("99_instructor_guide")
    ('03a', '04', '99')
    """
    match = CHAPTER_STEM.fullmatch(Path(stem).stem if stem.endswith(".ipynb") else stem)
    if not match:
        raise ValueError(f"{stem!r} is not a chapter name: expected NN_slug or NNa_slug (e.g. 03a_self_care)")
    return match["number"] + match["part"]


def chapter_number(stem: str) -> str:
    """The two-digit number a chapter shares with its other parts (``"03b_clinician" -> "03"``)."""
    return chapter_id(stem)[:2]


def chapter_selected(stem: str, wanted: list[str] | tuple[str, ...] | None) -> bool:
    """Whether a command-line selection names this chapter: ``03`` selects 03, 03a and 03b; ``03a`` only 03a; a
    full stem or file name selects itself. No selection selects everything.

    >>> [chapter_selected(s, ["03"]) for s in ("03a_x", "03b_y", "04_z", "30_w")]
    [True, True, False, False]
    >>> [chapter_selected(s, ["03a"]) for s in ("03a_x", "03b_y")], chapter_selected("03a_x", ["03a_x.ipynb"])
    ([True, False], True)
    """
    if not wanted:
        return True
    return any(stem.startswith(w.removesuffix(".ipynb")) for w in wanted)
