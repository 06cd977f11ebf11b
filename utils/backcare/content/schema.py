"""Export the JSON Schema of every registered content file (for editors' YAML validation), where the registry says.

Run ``python -m backcare.content.schema`` to (re)write the files, ``python -m backcare.content.schema --check`` to
fail when a committed schema is stale. Each content YAML file starts with
``# yaml-language-server: $schema=schema/<name>.json`` so editors with the YAML language server validate as you type.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Sequence

from pydantic import BaseModel


JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_name(content_file: str) -> str:
    """``treatments.yaml`` -> ``treatments.json``.

    Examples
    --------
    >>> schema_name("treatments.yaml")
    'treatments.json'
    >>> schema_name("treatments.txt")
    Traceback (most recent call last):
    ...
    ValueError: content files end in .yaml, got 'treatments.txt'
    """
    if not content_file.endswith(".yaml"):
        raise ValueError(f"content files end in .yaml, got {content_file!r}")
    return content_file[: -len(".yaml")] + ".json"


def render_schema(model: type[BaseModel], title: str | None = None) -> str:
    """The JSON Schema text for ``model``: stable key order, UTF-8, newline at the end.

    Examples
    --------
    >>> from backcare.content.models import Guideline
    >>> text = render_schema(Guideline)
    >>> json.loads(text)["required"]
    ['id', 'name', 'year', 'scope', 'reference']
    """
    schema = model.model_json_schema(mode="validation")
    for part in [schema, *schema.get("$defs", {}).values()]:
        if "\nExamples\n" in part.get("description", ""):  # keep the prose, not the doctests
            part["description"] = part["description"].split("\nExamples\n")[0].strip()
    schema = {"$schema": JSON_SCHEMA_DIALECT, **schema}
    if title:
        schema["title"] = title
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def export_schema(model: type[BaseModel], path: str | Path, title: str | None = None) -> Path:
    """Write ``model``'s JSON Schema to ``path`` (for your own content files too); return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_schema(model, title), encoding="utf-8")
    return path


def expected_schemas() -> dict[str, str]:
    """Schema path under ``content/`` -> its text, for every registered content file that exports a schema.

    Examples
    --------
    >>> names = list(expected_schemas())
    >>> names[:2], "quiz/question_bank.schema.json" in names
    (['schema/references.json', 'schema/guidelines.json'], True)
    """
    from .registry import REGISTRY

    return {e.schema: render_schema(e.model_class(), e.schema_title) for e in REGISTRY if e.schema}


def stale_schemas(content_root: str | Path | None = None) -> list[str]:
    """Schema paths (under ``content/``) that are missing or differ from what the models give now (empty: current)."""
    root = Path(content_root) if content_root is not None else _default_dir()
    return [name for name, text in expected_schemas().items()
            if not (root / name).exists() or (root / name).read_text(encoding="utf-8") != text]


def write_schemas(content_root: str | Path | None = None) -> list[Path]:
    """THE function that writes every content file's JSON Schema, each where the registry says, under
    ``content_root`` (default ``content/``); returns the paths written."""
    root = Path(content_root) if content_root is not None else _default_dir()
    written = []
    for name, text in expected_schemas().items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def _default_dir() -> Path:
    from ..paths import content_dir

    return content_dir()


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: write the schemas, or with ``--check`` report stale ones and return 1.

    Examples
    --------
    >>> main(["--check"])  # doctest: +ELLIPSIS
    content: ... schema files up to date
    0
    """
    parser = argparse.ArgumentParser(prog="python -m backcare.content.schema", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the committed schemas are current")
    parser.add_argument("--dir", type=Path, default=None, help="content folder to write into (default: content/)")
    args = parser.parse_args(argv)
    where = args.dir if args.dir is not None else Path("content")
    if args.check:
        stale = stale_schemas(args.dir)
        if stale:
            print(f"{where}: stale or missing: {', '.join(stale)}; run python -m backcare.content.schema",
                  file=sys.stderr)
            return 1
        print(f"{where}: {len(expected_schemas())} schema files up to date")
        return 0
    for path in write_schemas(args.dir):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
