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

import functools
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
    """Read a chapter dataset strictly into ``model`` and check that its reference keys and fact ids exist.

    Every problem (YAML traps, unknown fields, unknown keys or fact ids) is reported together in one
    :class:`backcare.content.ContentError` naming the file.
    """
    from .content import ContentError, Problem, load_yaml_model

    data = load_yaml_model(path, model)
    c = content()
    problems = []
    for where, key in getattr(data, "reference_keys", lambda: [])():
        if key not in c.references:
            problems.append(Problem(str(path), None, where,
                                    f"unknown reference key {key!r}: add it to content/references.yaml"))
    for where, fid in getattr(data, "fact_ids", lambda: [])():
        if fid not in c.facts:
            problems.append(Problem(str(path), None, where, f"unknown fact id {fid!r}: add it to content/facts.yaml"))
    if problems:
        raise ContentError(problems)
    return data


@functools.lru_cache(maxsize=None)
def load_chapter(stem: str, model: type[M]) -> M:
    """Read ``content/chapters/<stem>.yaml`` with :func:`read_chapter` (cached)."""
    return read_chapter(chapter_path(stem), model)


#: The package's one displayable HTML type (kept under its old name for the chapter modules).
HtmlBlock = Html
