"""Small helpers shared by the chapter modules (understanding, assessment): chapter datasets, fact look-ups, HTML
blocks that display with a deterministic ``text/plain``.

Examples
--------
>>> block = HtmlBlock("<p>Hello</p>", "Hello")
>>> block._repr_mimebundle_()["text/plain"]
'Hello'
>>> fact_value("costa_acute_pain_baseline")
52
>>> fact_value("no_such_fact")
Traceback (most recent call last):
...
KeyError: "no fact 'no_such_fact' in content/facts.yaml"
"""
from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from .fmt import number, round_half_up  # noqa: F401  (re-exported for the chapter modules)
from .paths import content_dir
from .views.render import Html

M = TypeVar("M")


def content():
    from .content import load_content

    return load_content()


def fact(fact_id: str):
    """The :class:`backcare.content.Fact` with this id (``KeyError`` naming content/facts.yaml when unknown)."""
    return content().fact(fact_id)


def fact_value(fact_id: str) -> int | float:
    """The point value of a fact, printed without a trailing ``.0``; ``ValueError`` if it is only a range."""
    f = fact(fact_id)
    if f.value is None:
        raise ValueError(f"fact {fact_id!r} is a range ({f.low} to {f.high}), not one number")
    return number(f.value)


def chapter_path(stem: str) -> Path:
    return content_dir() / "chapters" / f"{stem}.yaml"


def read_chapter(path: str | Path, model: type[M]) -> M:
    """Read a chapter dataset at ``path`` (uncached) as the registered file whose model is ``model``.

    Goes through the one content loader (:func:`backcare.content.read`): every problem (YAML traps, unknown fields,
    unknown reference keys or fact ids) is reported together in one :class:`backcare.content.ContentError`.
    """
    from .content import read
    from .content.registry import name_for_model

    return read(name_for_model(model), path=path)


def load_chapter(stem: str, model: type[M] | None = None) -> M:
    """``content/chapters/<stem>.yaml`` through the one cached loader (:func:`backcare.content.load`)."""
    from .content import load

    return load(f"chapters/{stem}.yaml")


#: The package's one displayable HTML type (kept under its old name for the chapter modules).
HtmlBlock = Html
