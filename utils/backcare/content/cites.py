"""What a content record points to: the reference keys, fact ids, effect ids and treatment ids it cites.

:func:`citations` works on every model without per-model code: fields named ``reference``, ``references``,
``mid_reference`` (and ``*_reference``/``*_references``) hold reference keys, ``fact``/``fact_ids``/``*_fact`` hold
fact ids, ``effect_ids`` effect ids, and ``[@Key]`` in any text cites a reference. A model that points elsewhere in
its own way adds a ``cited()`` method yielding ``(where, kind, id)`` (``where`` a dotted path or a tuple).

Examples
--------
>>> from backcare.content import load
>>> keys = cited_keys(load("quiz/00_start_here.yaml"))
>>> len(keys) > 0 and all(k.isalnum() for k in keys)
True
"""
from __future__ import annotations

import re
from typing import Any, Iterator

from pydantic import BaseModel

__all__ = ["KINDS", "Citation", "citations", "cited_keys", "reference_uses"]

#: What a citation may point to -> the content file that must hold the id.
KINDS = {"reference": "references.yaml", "fact": "facts.yaml", "effect": "effects.yaml",
         "treatment": "treatments.yaml"}

Citation = tuple[tuple, str, str]  # (location in the file, kind, id)

_CITE_BLOCK = re.compile(r"\[@[^\]]*\]")
_CITE_KEY = re.compile(r"@([A-Za-z0-9]+)")


def _kind_of_field(name: str) -> str | None:
    if name in ("reference", "references", "mid_reference") or name.endswith(("_reference", "_references")):
        return "reference"
    if name in ("fact", "fact_id", "fact_ids") or name.endswith(("_fact", "_fact_id", "_fact_ids")):
        return "fact"
    if name in ("effect_id", "effect_ids"):
        return "effect"
    return None


def _keys_in_text(text: str) -> list[str]:
    out: list[str] = []
    for block in _CITE_BLOCK.findall(text):
        out += _CITE_KEY.findall(block)
    return out


def _walk(value: Any, loc: tuple, kind: str | None) -> Iterator[Citation]:
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), loc + (name,), _kind_of_field(name))
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            yield from _walk(v, loc + (i,), kind)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, loc + (k,), kind)
    elif isinstance(value, str):
        if kind is not None:
            yield loc, kind, value
        else:
            for key in _keys_in_text(value):
                yield loc, "reference", key


def _as_loc(where: Any) -> tuple:
    if isinstance(where, tuple):
        return where
    return tuple(int(p) if p.isdigit() else p for p in str(where).split(".") if p)


def citations(record: BaseModel) -> list[Citation]:
    """Every (location, kind, id) ``record`` cites, in file order, without repeats.

    Examples
    --------
    >>> from backcare.content.models import Fact
    >>> f = Fact(id="x", statement="About half [@Costa2012].", value=50, unit="%", reference="Hill2011",
    ...          confidence="✔")
    >>> citations(f)
    [(('statement',), 'reference', 'Costa2012'), (('reference',), 'reference', 'Hill2011')]
    """
    found: list[Citation] = list(_walk(record, (), None))
    extra = getattr(record, "cited", None)
    if callable(extra):
        found += [(_as_loc(where), kind, key) for where, kind, key in extra()]
    seen: set = set()
    out: list[Citation] = []
    for c in found:
        if c not in seen and c[2] is not None:
            seen.add(c)
            out.append(c)
    return out


def cited_keys(record: BaseModel) -> list[str]:
    """The reference keys ``record`` cites, in order, each once.

    Examples
    --------
    >>> from backcare.content.models import Fact
    >>> cited_keys(Fact(id="x", statement="Half [@Costa2012].", value=50, unit="%", reference="Costa2012",
    ...                 confidence="✔"))
    ['Costa2012']
    """
    out: list[str] = []
    for _loc, kind, key in citations(record):
        if kind == "reference" and key not in out:
            out.append(key)
    return out


def reference_uses(root=None, *, core: bool = False) -> dict[str, list[str]]:
    """Reference key -> the registered content files citing it, read through each file's model (every registered
    file, so "unused" and "unknown" reference checks cover all of content/). ``core=False`` leaves out the seven core
    files (their uses are :meth:`backcare.content.Content.used_reference_keys`). A file that does not load is skipped
    here: ``content --check`` reports it.

    Examples
    --------
    >>> uses = reference_uses()
    >>> "quiz/00_start_here.yaml" in {f for files in uses.values() for f in files}
    True
    """
    from .registry import CORE_FILES, registered_files
    from .store import read_with_problems

    found: dict[str, list[str]] = {}
    for name, _entry in registered_files(root):
        if name in CORE_FILES and not core:
            continue
        obj, problems = read_with_problems(name, root=root)
        if obj is None:
            continue
        for key in cited_keys(obj):
            files = found.setdefault(key, [])
            if name not in files:
                files.append(name)
    return found
