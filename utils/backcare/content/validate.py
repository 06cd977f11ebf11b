"""Turn YAML data into validated pydantic models, reporting every problem with file, line, path and allowed values."""
from __future__ import annotations

import re
import types
import typing
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import ContentError, Problem
from .yamlio import YamlDoc, read_yaml

M = TypeVar("M", bound=BaseModel)

_YES_NO = {"yes", "no", "on", "off", "y", "n"}


def _unwrap(tp: Any) -> list[Any]:
    """The concrete types an annotation may hold (Optional/Union/Annotated unwrapped)."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        out: list[Any] = []
        for arg in typing.get_args(tp):
            if arg is not type(None):
                out.extend(_unwrap(arg))
        return out
    return [tp]


def _step(tp: Any, key: Any) -> Any | None:
    for t in _unwrap(tp):
        origin = typing.get_origin(t)
        if origin in (list, tuple, set, frozenset) and isinstance(key, int):
            return typing.get_args(t)[0]
        if origin is dict and isinstance(key, str):
            return typing.get_args(t)[1]
        if isinstance(t, type) and issubclass(t, BaseModel) and isinstance(key, str) and key in t.model_fields:
            return t.model_fields[key].annotation
    return None


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    tp: Any = model
    for key in loc:
        tp = _step(tp, key)
        if tp is None:
            return None
    for t in _unwrap(tp):
        if isinstance(t, type) and issubclass(t, BaseModel):
            return t
    return None


def _literal_values(model: type[BaseModel], loc: tuple) -> tuple[str, ...]:
    """The allowed values of the field at ``loc`` when its type is a fixed set (Literal), else ()."""
    tp: Any = model
    for key in loc:
        tp = _step(tp, key)
        if tp is None:
            return ()
    values: list[str] = []
    for t in _unwrap(tp):
        if typing.get_origin(t) is typing.Literal:
            values.extend(str(v) for v in typing.get_args(t))
    return tuple(values)


def _clean_loc(data: Any, loc: tuple) -> tuple:
    """Drop pydantic's union/function tags from ``loc``, keeping only keys and indices present in the data."""
    out: list[Any] = []
    cur = data
    for i, part in enumerate(loc):
        if isinstance(cur, dict) and part in cur:
            out.append(part)
            cur = cur[part]
        elif isinstance(cur, list) and isinstance(part, int) and 0 <= part < len(cur):
            out.append(part)
            cur = cur[part]
        elif i == len(loc) - 1 and isinstance(cur, dict) and isinstance(part, str) and "[" not in part:
            out.append(part)  # a missing or unknown key: name it
    return tuple(out)


def _quoted(expected: str) -> tuple[str, ...]:
    items = re.findall(r"'([^']*)'|<[^>]*\.([A-Za-z_]+): [^>]*>|(\b-?\d+(?:\.\d+)?\b)", expected)
    return tuple(a or b or c for a, b, c in items)


def _type_name(value: Any) -> str:
    return {bool: "true/false", int: "a whole number", float: "a number", str: "text", list: "a list",
            dict: "a mapping", type(None): "nothing (null)"}.get(type(value), type(value).__name__)


def problems_from_validation(exc: ValidationError, doc: YamlDoc, model: type[BaseModel]) -> list[Problem]:
    """One :class:`Problem` per pydantic error, with the line, dotted path and allowed values filled in."""
    problems: list[Problem] = []
    seen: set[tuple] = set()
    for err in exc.errors(include_url=False):
        loc = _clean_loc(doc.data, tuple(err["loc"]))
        kind, value, ctx = err["type"], err.get("input"), err.get("ctx") or {}
        allowed: tuple[str, ...] = ()
        if kind == "missing":
            message = "required field is missing"
            allowed = _literal_values(model, loc)
        elif kind == "extra_forbidden":
            message = "unknown field"
            parent = _model_at(model, loc[:-1])
            if parent is not None:
                allowed = tuple(parent.model_fields)
        elif kind in ("literal_error", "enum"):
            message = f"unknown value {value!r}"
            allowed = _quoted(str(ctx.get("expected", "")))
        elif kind == "bool_type" and isinstance(value, str) and value.lower() in _YES_NO:
            message = f"'{value}' is text in course YAML, not a yes/no answer: write true or false"
            allowed = ("true", "false")
        elif kind == "bool_type":
            message = f"expected true or false, got {_type_name(value)}"
            allowed = ("true", "false")
        elif kind in ("int_type", "int_from_float", "int_parsing"):
            message = f"expected a whole number, got {_type_name(value)} {value!r}"
        elif kind in ("float_type", "float_parsing"):
            message = f"expected a number, got {_type_name(value)} {value!r}"
        elif kind == "string_type":
            message = f"expected text, got {_type_name(value)}"
        elif kind in ("list_type", "dict_type", "model_type", "model_attributes_type"):
            want = {"list_type": "a list", "dict_type": "a mapping"}.get(kind, "a mapping")
            message = f"expected {want}, got {_type_name(value)}"
        elif kind == "string_pattern_mismatch":
            message = f"{value!r} does not have the required form (pattern {ctx.get('pattern')})"
        elif kind in ("value_error", "assertion_error"):
            message = re.sub(r"^(Value|Assertion) error, ", "", err["msg"])
        elif kind in ("date_type", "date_from_datetime_parsing", "date_parsing"):
            message = f"expected a date written YYYY-MM-DD, got {value!r}"
        else:
            message = err["msg"]
        key = (loc, message)
        if key in seen:
            continue
        seen.add(key)
        problems.append(Problem(doc.label, doc.line_of(loc), ".".join(map(str, loc)), message, allowed))
    return problems


def _set(data: Any, loc: tuple, value: Any) -> None:
    for part in loc[:-1]:
        data = data[part]
    data[loc[-1]] = value


def validate_doc(doc: YamlDoc, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Validate already-read YAML data against ``model``; plain numbers in text fields go back to their raw text."""
    for _ in range(3):
        try:
            return model.model_validate(doc.data), []
        except ValidationError as exc:
            fixes = []
            for err in exc.errors(include_url=False):
                if err["type"] == "string_type":
                    loc = _clean_loc(doc.data, tuple(err["loc"]))
                    if loc in doc.raw_scalars:
                        fixes.append(loc)
            if not fixes:
                return None, problems_from_validation(exc, doc, model)
            for loc in fixes:
                _set(doc.data, loc, doc.raw_scalars.pop(loc))
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        return None, problems_from_validation(exc, doc, model)


def read_model(path: str | Path, model: type[M], label: str | None = None) -> tuple[M | None, YamlDoc, list[Problem]]:
    """Read and validate one file; return (model or None, the YAML document, problems) without raising."""
    doc, problems = read_yaml(path, label)
    if problems and doc.data is None:
        return None, doc, problems
    if not isinstance(doc.data, dict) and issubclass(model, BaseModel):
        return None, doc, problems + [Problem(doc.label, doc.line_of(()), "",
                                              f"expected a YAML mapping at the top level, got {_type_name(doc.data)}",
                                              tuple(model.model_fields))]
    obj, vproblems = validate_doc(doc, model)
    problems = problems + vproblems
    return (None if problems else obj), doc, problems


def load_yaml_model(path: str | Path, model: type[M]) -> M:
    """Read a YAML file strictly and return it as a validated ``model``; raise :class:`ContentError` listing
    every problem (file:line: dotted.path: message (allowed: ...)).

    Use it for your own content files (quiz questions, chapter datasets): define a pydantic model with
    ``model_config = ConfigDict(strict=True, extra="forbid")`` and call this.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from pydantic import BaseModel, ConfigDict
    >>> import typing
    >>> class Question(BaseModel):
    ...     model_config = ConfigDict(strict=True, extra="forbid")
    ...     id: str
    ...     version: str
    ...     kind: typing.Literal["single", "multiple"]
    ...     shuffle: bool
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> good = folder / "q.yaml"
    >>> _ = good.write_text("id: q1\\nversion: 1.10\\nkind: single\\nshuffle: false\\n")
    >>> load_yaml_model(good, Question)
    Question(id='q1', version='1.10', kind='single', shuffle=False)
    >>> bad = folder / "bad.yaml"
    >>> _ = bad.write_text("id: q1\\nversion: 2\\nkind: essay\\nshuffle: no\\nshufle: true\\n")
    >>> load_yaml_model(bad, Question)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    backcare.content.errors.ContentError: 3 problems in course content:
      .../bad.yaml:3: kind: unknown value 'essay' (allowed: single, multiple)
      .../bad.yaml:4: shuffle: 'no' is text in course YAML, not a yes/no answer: write true or false (allowed: true, false)
      .../bad.yaml:5: shufle: unknown field (allowed: id, version, kind, shuffle)
    """
    obj, _doc, problems = read_model(path, model)
    if problems:
        raise ContentError(problems)
    assert obj is not None
    return obj
