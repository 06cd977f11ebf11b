"""The one loader for every registered content file: :func:`load` (cached) and :func:`read` (uncached).

Both read the file strictly with its registered model, then check what it cites (reference keys, fact, effect and
treatment ids) against the core content, then run the model's own rules (a ``content_problems(ctx)`` method yielding
``(where, message)``). Every problem in the file is collected and raised together as ONE
:class:`~backcare.content.ContentError` naming file, line and field.

Examples
--------
>>> bank = load("quiz/00_start_here.yaml")
>>> bank.chapter
'00_start_here'
>>> load("quiz/00_start_here.yaml") is bank   # cached: read once per process
True
>>> import tempfile, pathlib
>>> bad = pathlib.Path(tempfile.mkdtemp()) / "g.yaml"
>>> _ = bad.write_text("professions:\\n"
...                    "  - {id: gp, name: GP, focus: x, chapters: [a], activity: y, assessment: z, extra: 1}\\n")
>>> read("teaching.yaml", path=bad)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
backcare.content.errors.ContentError: 1 problem in course content:
  .../g.yaml:2: professions.0.extra: unknown field (allowed: id, name, focus, chapters, activity, assessment)
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from ..choices import similar
from .cites import KINDS, _as_loc, citations
from .errors import ContentError, Problem
from .registry import CORE_FILES, _root, entry_for, registered_files, unregistered_files
from .validate import read_model
from .yamlio import YamlDoc, display_path

__all__ = ["CheckContext", "check_all", "clear_cache", "load", "read", "read_with_problems"]


@dataclass(frozen=True)
class CheckContext:
    """What a model's ``content_problems(ctx)`` may use: the file's name, the core content and the loader."""

    name: str
    root: Path
    content: Any  # backcare.content.Content

    def load(self, name: str) -> Any:
        """Another content file (cached), e.g. the chapter 02 dataset for red-flag ids."""
        return load(name, root=self.root)


def load(name: str, *, root: str | Path | None = None) -> Any:
    """The validated model of the content file ``name`` (a path under ``content/`` such as ``"glossary.yaml"``,
    ``"chapters/vignettes.yaml"``, ``"quiz/04_medicines.yaml"``), read once per process.

    Raises :class:`ContentError` listing every problem; an unregistered name raises ``ValueError`` naming the
    registered files.
    """
    return _cached(_root(root), _name(name))


@functools.lru_cache(maxsize=None)
def _cached(root: Path, name: str) -> Any:
    from .disk import remembered

    return remembered(root, name, lambda: read(name, root=root))


def clear_cache() -> None:
    """Forget every loaded file (tests that edit content files call this; prefer the ``content_copy`` fixture)."""
    from ..fingerprint import tree_digest
    from .disk import _key
    from .loader import _cached as core_cached
    from .loader import _default as core_default

    _cached.cache_clear()
    core_cached.cache_clear()
    core_default.cache_clear()
    _key.cache_clear()  # files edited in this process are fingerprinted afresh: never read back a stale answer
    tree_digest.cache_clear()


def read(name: str, *, root: str | Path | None = None, path: str | Path | None = None) -> Any:
    """Like :func:`load` but uncached; ``path`` reads another file in the place of ``name`` (tests, drafts)."""
    obj, problems = read_with_problems(name, root=root, path=path)
    if problems:
        raise ContentError(problems)
    return obj


def read_with_problems(name: str, *, root: str | Path | None = None,
                       path: str | Path | None = None) -> tuple[Any | None, list[Problem]]:
    """(model or None, every problem) for one content file, without raising."""
    root = _root(root)
    name = _name(name)
    entry = entry_for(name)
    file = Path(path) if path is not None else root / name
    if path is None and not file.is_file() and any(ch in entry.pattern for ch in "*?["):
        known = sorted(n for n, e in registered_files(root) if e is entry)
        close = similar(name, known)
        hint = f" (similar: {', '.join(close)})" if close else ""
        return None, [Problem(display_path(file), None, "", f"no such file; files matching {entry.pattern} are "
                                                          f"{', '.join(known) or 'none yet'}{hint}")]
    obj, doc, problems = read_model(file, entry.model_class())
    if obj is None or name in CORE_FILES:
        return obj, problems  # the core files' cross-file rules run in load_content
    from .loader import load_content

    try:
        content = load_content(root)
    except ContentError as exc:
        return None, list(exc.problems)
    problems += _citation_problems(obj, doc, content)
    rules: Callable[[CheckContext], Iterable] | None = getattr(obj, "content_problems", None)
    if callable(rules):
        for where, message in rules(CheckContext(name, root, content)):
            loc = _as_loc(where)
            problems.append(Problem(doc.label, doc.line_of(loc), ".".join(map(str, loc)), message))
    return (None if problems else obj), problems


def _citation_problems(obj: Any, doc: YamlDoc, content: Any) -> list[Problem]:
    known = {"reference": content.references, "fact": content.facts,
             "effect": {e.id for e in content.effects}, "treatment": content.treatments}
    out: list[Problem] = []
    for loc, kind, key in citations(obj):
        if key not in known[kind]:
            close = similar(key, known[kind])
            hint = f" (similar: {', '.join(close)})" if close else ""
            out.append(Problem(doc.label, doc.line_of(loc), ".".join(map(str, loc)),
                               f"unknown {kind} {'key' if kind == 'reference' else 'id'} {key!r}: "
                               f"add it to {KINDS[kind]}{hint}"))
    return out


def check_all(root: str | Path | None = None) -> list[Problem]:
    """Every problem in every content file (core cross-file rules, each registered file, unregistered files).

    Examples
    --------
    >>> check_all()
    []
    >>> [str(p) for p in check_all("/nonexistent")][:1]
    ['/nonexistent/references.yaml: cannot read the file: No such file or directory']
    """
    from .loader import read_content

    root = _root(root)
    problems: list[Problem] = []
    try:
        read_content(root)
    except ContentError as exc:
        problems += exc.problems
        return problems  # the other files are checked against the core: fix it first
    for name, _entry in registered_files(root):
        if name in CORE_FILES:
            continue
        _obj, probs = read_with_problems(name, root=root)
        problems += probs
    for name in unregistered_files(root):
        problems.append(Problem(display_path(root / name), None, "",
                                "not in the content registry: add a line to backcare.content.registry.REGISTRY"))
    return problems


def _name(name: str | Path) -> str:
    text = str(name).replace("\\", "/")
    return text[len("content/"):] if text.startswith("content/") else text

