"""A strict YAML reader: every value keeps its line, and the usual YAML traps are errors, not surprises.

What "strict" means here (PyYAML's default loader gets each of these wrong for course content):

* a key given twice in one mapping is an error (PyYAML silently keeps the last one);
* only ``true``/``false`` are booleans: ``yes``, ``no``, ``on``, ``off`` stay text (``nice: no`` is the string "no");
* ``1:20`` is text, not the sexagesimal number 80; ``2016-11-30`` is a date; nothing else is a timestamp;
* a plain number, date or boolean such as ``1.10``, ``2016-11-30`` or ``True`` that lands in a field the model
  declares as text is read back as the text exactly as written (see :func:`backcare.content.load_yaml_model`);
* merge keys (``<<``) and custom tags are refused;
* a file that is not YAML, not UTF-8, empty, or holds several documents gives one clear problem naming the file.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError, Problem

Loc = tuple  # a path into the data: keys (str) and list indices (int)

_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_NULL = "tag:yaml.org,2002:null"
_DATE = "tag:yaml.org,2002:timestamp"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


class StrictLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core-schema scalars (plus plain dates); used only to compose a node tree."""

    yaml_implicit_resolvers: dict = {}


if getattr(yaml, "__with_libyaml__", False):
    class StrictCLoader(yaml.CSafeLoader):
        """The same rules on libyaml's parser (about ten times faster); used when PyYAML has libyaml."""

        yaml_implicit_resolvers: dict = {}

    _LOADERS: tuple = (StrictLoader, StrictCLoader)
else:  # pragma: no cover - PyYAML built without libyaml
    _LOADERS = (StrictLoader,)


def _add(tag: str, pattern: str, first: str | None) -> None:
    for loader in _LOADERS:
        loader.add_implicit_resolver(tag, re.compile(pattern, re.X), list(first) if first else None)


_add(_BOOL, r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF")
_add(_INT, r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789")
_add(_FLOAT, r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     "-+0123456789.")
_add(_NULL, r"^(?:~|null|Null|NULL|)$", "~nN")
_add(_NULL, r"^$", None)
_add(_DATE, r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "0123456789")


@dataclass
class YamlDoc:
    """Plain data read from one YAML file, with the line of every value and the raw text of every plain scalar
    that was read as a number, boolean or date (so a field the model declares as text gets what was written)."""

    label: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    raw_scalars: dict[Loc, str] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int | None:
        """Line (1-based) of the value at ``loc``, or of its nearest enclosing value that exists."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get(())


def display_path(path: Path) -> str:
    """How a file is named in messages: relative to the course root when inside it, else as given."""
    try:
        from ..paths import repo_root

        return Path(path).resolve().relative_to(repo_root()).as_posix()
    except Exception:  # noqa: BLE001 - outside the course tree, or no course tree: show it as given
        return Path(path).as_posix()


class _Walker:
    def __init__(self, label: str):
        self.doc = YamlDoc(label, None)
        self.problems: list[Problem] = []

    def problem(self, loc: Loc, line: int | None, message: str, allowed: tuple[str, ...] = ()) -> None:
        self.problems.append(Problem(self.doc.label, line, ".".join(map(str, loc)), message, allowed))

    def walk(self, node: yaml.Node, loc: Loc) -> Any:
        line = node.start_mark.line + 1
        self.doc.lines[loc] = line
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, loc, line)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                self.problem(loc, line, f"unsupported YAML tag {node.tag}")
            return [self.walk(item, loc + (i,)) for i, item in enumerate(node.value)]
        if node.tag != _MAP:
            self.problem(loc, line, f"unsupported YAML tag {node.tag}")
        out: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(loc, key_line, "a key must be plain text, not a list or mapping")
                continue
            key = key_node.value
            if key == "<<" and not key_node.style:
                self.problem(loc, key_line, "merge keys (<<) are not allowed in course content; write the values out")
                continue
            if key in first_line:
                self.problem(loc + (key,), key_line,
                             f"duplicate key '{key}' (first given on line {first_line[key]}); each key once")
                continue
            first_line[key] = key_line
            out[key] = self.walk(value_node, loc + (key,))
        return out

    def scalar(self, node: yaml.ScalarNode, loc: Loc, line: int) -> Any:
        text, tag = node.value, node.tag
        if tag == _STR:
            return text
        if tag == _BOOL:
            self.doc.raw_scalars[loc] = text
            return text.lower() == "true"
        if tag == _NULL:
            return None
        if tag == _INT:
            self.doc.raw_scalars[loc] = text
            return int(text, 0) if text[:2] in ("0o", "0x") else int(text)
        if tag == _FLOAT:
            self.doc.raw_scalars[loc] = text
            return float(text.replace("inf", "Inf").replace("INF", "Inf").replace(".Inf", "inf")
                         .replace(".nan", "nan").replace(".NaN", "nan").replace(".NAN", "nan"))
        if tag == _DATE:
            self.doc.raw_scalars[loc] = text
            try:
                return _dt.date.fromisoformat(text)
            except ValueError:
                self.problem(loc, line, f"'{text}' is not a real calendar date (YYYY-MM-DD)")
                return text
        self.problem(loc, line, f"unsupported YAML tag {tag}")
        return text


def parse_yaml(text: str, label: str) -> tuple[YamlDoc, list[Problem]]:
    """Read YAML text strictly; return the data with its line map, and every problem found.

    Examples
    --------
    >>> doc, problems = parse_yaml("nice: no\\nyear: 2016\\nversion: 1.10\\n", "x.yaml")
    >>> doc.data, problems
    ({'nice': 'no', 'year': 2016, 'version': 1.1}, [])
    >>> doc.line_of(("version",)), doc.raw_scalars[("version",)]
    (3, '1.10')
    >>> _, problems = parse_yaml("a: 1\\nb: 2\\na: 3\\n", "x.yaml")
    >>> print(problems[0])
    x.yaml:3: a: duplicate key 'a' (first given on line 1); each key once
    >>> _, problems = parse_yaml("a: [1, 2\\n", "x.yaml")
    >>> print(problems[0])
    x.yaml:2: not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence)
    """
    try:
        node = yaml.compose(text, Loader=_LOADERS[-1])
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = (exc.problem or str(exc)).strip()
        if exc.context:
            what = f"{what} ({exc.context.strip()})"
        if "expected a single document" in str(exc):
            what = "holds several YAML documents (---); put one document per file"
            return YamlDoc(label, None), [Problem(label, line, "", what)]
        return YamlDoc(label, None), [Problem(label, line, "", f"not valid YAML: {what}")]
    except yaml.YAMLError as exc:
        return YamlDoc(label, None), [Problem(label, None, "", f"not valid YAML: {exc}")]
    if node is None:
        return YamlDoc(label, None), [Problem(label, None, "", "the file is empty (expected a YAML mapping)")]
    walker = _Walker(label)
    walker.doc.data = walker.walk(node, ())
    return walker.doc, walker.problems


def read_yaml(path: str | Path, label: str | None = None) -> tuple[YamlDoc, list[Problem]]:
    """Read one YAML file strictly (see :func:`parse_yaml`); unreadable or non-UTF-8 files become problems."""
    path = Path(path)
    label = label or display_path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return YamlDoc(label, None), [Problem(label, None, "", f"cannot read the file: {exc.strerror or exc}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return YamlDoc(label, None), [Problem(label, None, "", f"not a YAML text file (not UTF-8 at byte {exc.start})")]
    return parse_yaml(text, label)


def raise_if(problems: list[Problem]) -> None:
    """Raise :class:`ContentError` with all ``problems`` if there are any."""
    if problems:
        raise ContentError(problems)
