"""``python -m backcare.content --summary``: what content/ holds, what is used, what is still approximate."""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Iterable, Sequence

from .errors import ContentError
from .cites import reference_uses
from .loader import Content, cited_keys_in_text, load_content
from .models import FILES


def notebook_cited_keys(notebooks: str | Path | Iterable[str | Path] | None = None) -> dict[str, list[str]]:
    """Keys cited as ``[@Key]`` in the markdown cells of notebooks -> the notebook names citing each.

    ``notebooks`` is a folder (every ``*.ipynb`` in it), a list of notebook paths, or None for ``notebooks/``.
    A notebook that is not valid JSON raises ``ValueError`` naming it.

    Examples
    --------
    >>> import tempfile, pathlib, json
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> cell = {"cell_type": "markdown", "metadata": {}, "source": ["Most improve [@Costa2012].\\n"]}
    >>> _ = (folder / "01_x.ipynb").write_text(json.dumps({"cells": [cell]}))
    >>> notebook_cited_keys(folder)
    {'Costa2012': ['01_x.ipynb']}
    >>> _ = (folder / "02_bad.ipynb").write_text("not json")
    >>> notebook_cited_keys(folder)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: .../02_bad.ipynb is not a readable notebook (invalid JSON at line 1)
    """
    if notebooks is None:
        from ..paths import notebooks_dir

        notebooks = notebooks_dir()
    if isinstance(notebooks, (str, Path)):
        folder = Path(notebooks)
        paths = sorted(folder.glob("*.ipynb")) if folder.is_dir() else [folder]
    else:
        paths = [Path(p) for p in notebooks]
    found: dict[str, list[str]] = {}
    for path in paths:
        try:
            nb = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path} is not a readable notebook (invalid JSON at line {exc.lineno})") from None
        for cell in nb.get("cells", []):
            if cell.get("cell_type") != "markdown":
                continue
            src = cell.get("source", "")
            text = "".join(src) if isinstance(src, list) else str(src)
            for key in cited_keys_in_text(text):
                names = found.setdefault(key, [])
                if path.name not in names:
                    names.append(path.name)
    return found


def summary_lines(c: Content, notebook_keys: dict[str, list[str]] | None = None,
                  other_content_keys: dict[str, list[str]] | None = None) -> list[str]:
    """The summary report as lines of text (what ``main`` prints)."""
    notebook_keys = notebook_keys or {}
    other_content_keys = other_content_keys or {}
    out: list[str] = []
    counts = {
        "references.yaml": f"{len(c.references)} references",
        "guidelines.yaml": f"{len(c.guidelines)} guidelines",
        "invasiveness.yaml": f"{len(c.invasiveness_levels)} invasiveness levels",
        "treatments.yaml": f"{len(c.treatments)} treatments",
        "positions.yaml": f"{len(c.positions)} guideline positions",
        "effects.yaml": f"{len(c.effects)} effects",
        "facts.yaml": f"{len(c.facts)} facts",
    }
    out.append("Content files")
    for name in FILES:
        out.append(f"  {name:<20} {counts[name]}")

    used = c.used_reference_keys()
    in_nb = set(notebook_keys)
    in_other = set(other_content_keys)
    unused = c.unused_references(in_nb | in_other)
    unknown_nb = c.cited_keys_ok(sorted(in_nb))
    unknown_other = c.cited_keys_ok(sorted(in_other))
    out.append("References")
    out.append(f"  cited by content records: {len(used & set(c.references))} of {len(c.references)}")
    out.append(f"  cited in notebooks: {len(in_nb & set(c.references))}")
    out.append(f"  cited in the other content files: {len(in_other & set(c.references))}")
    really_unused = [k for k in unused if not c.references[k].prose_only]
    waiting = [k for k in unused if c.references[k].prose_only]
    out.append(f"  unused: {len(really_unused)}" + (f" ({', '.join(really_unused)})" if really_unused else ""))
    out.append(f"  prose-only, not yet cited in a notebook: {len(waiting)}"
               + (f" ({', '.join(waiting)})" if waiting else ""))
    if unknown_nb:
        out.append(f"  cited in notebooks but unknown: {', '.join(unknown_nb)}")
    if unknown_other:
        out.append(f"  cited in other content files but unknown: {', '.join(unknown_other)}")

    out.append("Positions per guideline")
    for gid in c.guidelines:
        ps = [p for p in c.positions if p.guideline == gid]
        dirs = Counter(p.direction if p.verified else "unconfirmed" for p in ps)
        parts = ", ".join(f"{k} {v}" for k, v in sorted(dirs.items()))
        out.append(f"  {gid:<5} {len(ps):>3}: {parts}")
    unconfirmed = [f"{p.treatment} ({p.guideline})" for p in c.positions if not p.verified]
    out.append(f"  unconfirmed (shown as 'see source'): {len(unconfirmed)}")

    out.append("Disagreements between guidelines (derived from positions)")
    for d in c.disagreements():
        dirs = "; ".join(f"{g} {'/'.join(ds)}" for g, ds in d.directions().items())
        out.append(f"  {d.treatment}: {dirs}")

    # "Still approximate" means not yet confirmed (~, M, ?). A checked (✔) fact that its source itself reports as
    # approximate ("about 8%") is confirmed: it is listed apart, not as work still to do.
    approx_facts = [f.id for f in c.facts.values() if f.approximate and f.confidence != "✔"]
    about_facts = [f.id for f in c.facts.values() if f.approximate and f.confidence == "✔"]
    approx_effects = [e.id for e in c.effects if e.approximate]
    out.append(f"Facts still approximate: {len(approx_facts)} of {len(c.facts)}")
    out.extend(f"  {fid} ({c.facts[fid].confidence})" for fid in approx_facts)
    out.append(f"Checked facts (✔) that their source reports as approximate: {len(about_facts)}")
    out.extend(f"  {fid}" for fid in about_facts)
    out.append(f"Effects still approximate: {len(approx_effects)} of {len(c.effects)}")
    out.extend(f"  {eid}" for eid in approx_effects)
    return out


def check(root: str | Path | None = None) -> int:
    """``content --check``: every problem in every content file (and stale schemas), exit 1; else one line, 0.

    Examples
    --------
    >>> check()  # doctest: +ELLIPSIS
    content: ... files checked (... registered patterns), ... schemas current: no problems
    0
    """
    from .registry import REGISTRY, registered_files
    from .schema import expected_schemas, stale_schemas
    from .store import check_all

    problems = [str(p) for p in check_all(root)]
    if root is None:
        problems += [f"content/{name}: stale JSON Schema: run python -m backcare schema"
                     for name in stale_schemas()]
    if problems:
        n = len(problems)
        print(f"{n} problem{'s' if n != 1 else ''} in course content:")
        print("\n".join(f"  {p}" for p in problems))
        return 1
    print(f"{root or 'content'}: {len(registered_files(root))} files checked ({len(REGISTRY)} registered patterns), "
          f"{len(expected_schemas())} schemas current: no problems")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Print the content summary; exit 1 with the list of problems (no traceback) when content is broken.

    Examples
    --------
    >>> main(["--summary"])  # doctest: +ELLIPSIS
    Content files
      references.yaml      ... references
    ...
    0
    >>> main(["--summary", "--root", "/nonexistent"])  # doctest: +ELLIPSIS
    7 problems in course content:
      /nonexistent/references.yaml: cannot read the file: No such file or directory
    ...
    1
    """
    parser = argparse.ArgumentParser(prog="python -m backcare.content",
                                     description="Check course content and summarise it.")
    parser.add_argument("--summary", action="store_true", help="print counts, reference use and open items (default)")
    parser.add_argument("--check", action="store_true",
                        help="validate EVERY registered content file and the committed schemas; exit 1 with all problems")
    parser.add_argument("--root", type=Path, default=None, help="content folder (default: content/)")
    parser.add_argument("--notebooks", type=Path, default=None, help="notebooks folder (default: notebooks/)")
    args = parser.parse_args(argv)
    if args.check:
        return check(args.root)
    try:
        c = load_content(args.root)
    except ContentError as exc:
        print(exc, file=sys.stdout)
        return 1
    try:
        nb_keys = notebook_cited_keys(args.notebooks)
    except (ValueError, RuntimeError) as exc:
        print(f"notebooks: {exc}")
        nb_keys = {}
    other = reference_uses(args.root)  # every registered file, read through its model
    print("\n".join(summary_lines(c, nb_keys, other)))
    return 0
