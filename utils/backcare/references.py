"""Reference lists: the References cell of each notebook and the per-page list of the site.

``references_for("00_start_here")`` reads that notebook's markdown, collects its ``[@Key]`` citations and returns a
displayable list of exactly those references (DOIs linked), so the References cell can never drift from the prose.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from .citations import notebook_cited_keys, unknown_keys
from .paths import notebooks_dir


def _content():
    from .content import load_content

    return load_content()


def reference_label(ref) -> str:
    """Short in-text label such as ``Costa 2012`` or ``NICE NG59 2016``.

    >>> class R: authors = "da C Menezes Costa L, Maher CG"; year = 2012; code = None; label = None
    >>> reference_label(R())
    'Costa 2012'
    """
    label = getattr(ref, "label", None)
    if label:
        return label
    code = getattr(ref, "code", None)
    first = re.sub(r"\(.*?\)|\bet al\.?", "", re.split(r",|;", ref.authors)[0]).strip()
    words = first.split()
    if len(words) >= 2 and words[-1].isupper() and len(words[-1]) <= 4:  # "Costa L", "Hill JC": a person
        return f"{words[-2]} {ref.year}"
    return f"{code or first} {ref.year or 'undated'}"  # an organisation: its code (e.g. NICE NG59) or its name


def _year(ref) -> str:
    return f" ({ref.year})" if getattr(ref, "year", None) else " (undated; check the current version)"


UNVERIFIED_MARK = "citation details not fully verified"


def unverified_note(ref) -> str | None:
    """The visible mark for a reference whose details were not all checked (citation_confidence other than ✔).

    >>> class R: citation_confidence = "~"; note = "DOI from memory."
    >>> unverified_note(R())
    '[citation details not fully verified: DOI from memory.]'
    >>> class S: citation_confidence = "✔"; note = None
    >>> unverified_note(S()) is None
    True
    """
    if getattr(ref, "citation_confidence", "✔") == "✔":
        return None
    note = getattr(ref, "note", None)
    return f"[{UNVERIFIED_MARK}" + (f": {note}]" if note else "]")


def reference_html(ref) -> str:
    parts = [html.escape(f"{ref.authors}{_year(ref)}. {ref.title}. {ref.venue}.")]
    if getattr(ref, "code", None):
        parts.append(html.escape(f" {ref.code}."))
    if getattr(ref, "doi", None):
        doi = html.escape(ref.doi)
        parts.append(f' <a href="https://doi.org/{doi}">doi:{doi}</a>')
    elif getattr(ref, "url", None):
        url = html.escape(ref.url)
        parts.append(f' <a href="{url}">{url}</a>')
    mark = unverified_note(ref)
    if mark:
        parts.append(f' <em class="bc-unverified">{html.escape(mark)}</em>')
    return "".join(parts)


def reference_text(ref) -> str:
    text = f"{ref.authors}{_year(ref)}. {ref.title}. {ref.venue}."
    if getattr(ref, "code", None):
        text += f" {ref.code}."
    if getattr(ref, "doi", None):
        text += f" doi:{ref.doi}"
    mark = unverified_note(ref)
    return f"{text} {mark}" if mark else text


@dataclass(frozen=True)
class ReferenceList:
    keys: Sequence[str]

    def _refs(self):
        refs = _content().references
        missing = unknown_keys(self.keys, refs)
        if missing:
            raise KeyError(f"unknown reference keys {', '.join(missing)}: add them to content/references.yaml")
        return [refs[k] for k in self.keys]

    def to_html(self) -> str:
        items = "".join(
            f'<li id="ref-{html.escape(r.key)}">{reference_html(r)}</li>' for r in self._refs()
        )
        return f'<ol class="bc-references">{items}</ol>'

    def _repr_mimebundle_(self, include=None, exclude=None):
        text = "\n".join(f"{i}. {reference_text(r)}" for i, r in enumerate(self._refs(), 1))
        return {"text/html": self.to_html(), "text/plain": text}


def references_for(notebook: str | Path) -> ReferenceList:
    """The references cited (``[@Key]``) in a notebook of the series, in order of first citation."""
    path = Path(notebook)
    if not path.suffix:
        path = notebooks_dir() / f"{path.name}.ipynb"
    elif not path.is_absolute() and not path.exists():
        path = notebooks_dir() / path.name
    return ReferenceList(tuple(notebook_cited_keys(_read_cells(path))))


def _read_cells(path: Path) -> dict:
    """The notebook as plain JSON, sources joined. Not nbformat: importing it pulls in jsonschema and its grammar
    compilation, about a second (far more on a busy machine) at the end of every chapter's kernel run."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb.get("cells", []):
        if isinstance(cell.get("source"), list):
            cell["source"] = "".join(cell["source"])
    return nb
