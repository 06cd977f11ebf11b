"""Chapter datasets (``content/chapters/<stem>.yaml``) by stem: their path, a cached load and an uncached read of
another file in a dataset's place, all through the one content loader (:mod:`backcare.content.store`).

Examples
--------
>>> chapter_path("01_understanding_back_pain").name
'01_understanding_back_pain.yaml'
"""
from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from ..paths import content_dir

M = TypeVar("M")


def chapter_path(stem: str) -> Path:
    return content_dir() / "chapters" / f"{stem}.yaml"


def read_chapter(path: str | Path, model: type[M]) -> M:
    """Read a chapter dataset at ``path`` (uncached) as the registered file whose model is ``model``.

    Goes through the one content loader (:func:`backcare.content.read`): every problem (YAML traps, unknown fields,
    unknown reference keys or fact ids) is reported together in one :class:`backcare.content.ContentError`.
    """
    from .registry import name_for_model
    from .store import read

    return read(name_for_model(model), path=path)


def load_chapter(stem: str, model: type[M] | None = None) -> M:
    """``content/chapters/<stem>.yaml`` through the one cached loader (:func:`backcare.content.load`)."""
    from .store import load

    return load(f"chapters/{stem}.yaml")
