"""The References cell of each notebook: ``references_for("00_start_here")`` reads that notebook's markdown, collects
its ``[@Key]`` citations and returns a displayable list of exactly those references (DOIs linked), so the References
cell can never drift from the prose."""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from ..content import load_content as content
from ..logic.citations import notebook_cited_keys, unknown_keys
from ..paths import notebooks_dir
from ..views.references import reference_list_html, reference_text

__all__ = ["ReferenceList", "references_for"]


@dataclass(frozen=True)
class ReferenceList:
    """The references with these keys, in this order; displays as a numbered list (HTML and plain text)."""

    keys: Sequence[str]

    def _refs(self):
        refs = content().references
        missing = unknown_keys(self.keys, refs)
        if missing:
            raise KeyError(f"unknown reference keys {', '.join(missing)}: add them to content/references.yaml")
        return [refs[k] for k in self.keys]

    def to_html(self) -> str:
        return reference_list_html(self._refs())

    def _repr_mimebundle_(self, include=None, exclude=None):
        text = "\n".join(f"{i}. {reference_text(r)}" for i, r in enumerate(self._refs(), 1))
        return {"text/html": self.to_html(), "text/plain": text}


def references_for(notebook: str | Path) -> ReferenceList:
    """The references a student meets in a notebook of the series (issue 15 item 8): those cited (``[@Key]``) in its
    prose and model answers, in order of first citation; then those its outputs name (tables, chart captions, every
    pre-rendered view of an explorer, quiz feedback), in the order of the ``bc.`` calls that show them; then those
    behind its self-check questions. The outputs' sources come from the notebook's source and the content alone
    (:mod:`backcare.builders.sources`, run in its own process), never from the running kernel, so the list is the
    same under ``execute``, nbval and the site."""
    path = Path(notebook)
    if not path.suffix:
        path = notebooks_dir() / f"{path.name}.ipynb"
    elif not path.is_absolute() and not path.exists():
        path = notebooks_dir() / path.name
    keys = list(notebook_cited_keys(_read_cells(path)))
    known = content().references
    for k in _shown_keys(path) + _quiz_keys(path.stem):
        if k in known and k not in keys:
            keys.append(k)
    return ReferenceList(tuple(keys))


def _shown_keys(path: Path) -> list[str]:
    """The keys the notebook's outputs name, computed in a fresh process (its widgets never join this kernel).

    The answer is a pure function of the notebook's code cells, the content files, the package's code and the library
    versions, so it is kept beside the chart cache under that same key (:func:`backcare.charts.cache.generation` plus
    a hash of the code cells): a second run of an unchanged chapter reads it instead of starting a process that makes
    every call again (issue 19). When it is missing, the one process answers for every chapter beside this one whose
    answer is missing too (a first run after a change starts one process, not one per chapter: most of a process's
    second is starting Python and importing the package). ``execute`` always recomputes and refreshes this chapter's
    answer only; ``BACKCARE_CHART_CACHE=0`` and the test process turn the store off."""
    from ..charts import cache
    from ..fingerprint import store

    mode = cache._mode() if cache.ENABLED else "off"
    if mode == "off":
        return _compute_shown_keys([path])[str(path)]
    try:
        stored = _stored_answer(path)
    except OSError:
        return _compute_shown_keys([path])[str(path)]
    if mode == "on":
        try:
            return json.loads(stored.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
    todo = {path: stored}
    if mode == "on":
        from ..paths import chapter_notebooks

        for other in chapter_notebooks(path.parent):
            try:
                if other.resolve() != path.resolve() and not (where := _stored_answer(other)).exists():
                    todo[other] = where
            except (OSError, ValueError):  # an unreadable neighbour answers for itself when its own turn comes
                continue
    answers = _compute_shown_keys(list(todo))
    for nb, where in todo.items():
        store(where, json.dumps(answers[str(nb)]).encode("utf-8"))
    return answers[str(path)]


def _stored_answer(path: Path) -> Path:
    """Where the answer for this notebook's code cells is kept (beside the chart cache, same generation)."""
    from ..charts import cache

    code = "\0".join(c["source"] for c in _read_cells(path).get("cells", []) if c.get("cell_type") == "code")
    key = hashlib.sha256(code.encode("utf-8")).hexdigest()
    return cache.cache_dir().parent / "sources" / cache.generation() / f"{key}.json"


def _compute_shown_keys(paths: list[Path]) -> dict[str, list[str]]:
    """``{str(path): keys}`` for each notebook, from one separate process."""
    import subprocess
    import sys

    package_root = str(Path(__file__).resolve().parents[2])
    # The references are read from what outputs say (tables, captions, alt text), never from chart pixels: the process
    # draws no chart (BACKCARE_CHART_CACHE=blank; a chapter's charts were drawn twice per run, issue 19).
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH")) if p),
               MPLBACKEND="Agg", BACKCARE_CHART_CACHE="blank")
    done = subprocess.run([sys.executable, "-m", "backcare.builders.sources", *map(str, paths)], capture_output=True,
                          text=True, env=env)
    if done.returncode != 0:
        names = ", ".join(p.name for p in paths)
        raise RuntimeError(f"collecting the sources shown by {names} failed:\n{done.stderr.strip()}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _quiz_keys(stem: str) -> list[str]:
    from ..paths import content_dir

    if not (content_dir() / "quiz" / f"{stem}.yaml").exists():
        return []
    from ..content.store import load

    return [k for q in load(f"quiz/{stem}.yaml").questions for k in q.references]


def _read_cells(path: Path) -> dict:
    """The notebook as plain JSON, sources joined. Not nbformat: importing it pulls in jsonschema and its grammar
    compilation, about a second (far more on a busy machine) at the end of every chapter's kernel run."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb.get("cells", []):
        if isinstance(cell.get("source"), list):
            cell["source"] = "".join(cell["source"])
    return nb
