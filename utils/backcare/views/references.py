"""References as HTML and text: one entry (DOI or URL linked) and the numbered list of a notebook's citations."""
from __future__ import annotations

from markupsafe import Markup

from .render import render

__all__ = ["UNVERIFIED_MARK", "reference_html", "reference_text", "reference_list_html", "unverified_note"]

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


def _year(ref) -> str:
    return f" ({ref.year})" if getattr(ref, "year", None) else " (undated; check the current version)"


def _plain(ref) -> str:
    text = f"{ref.authors}{_year(ref)}. {ref.title}. {ref.venue}."
    if getattr(ref, "code", None):
        text += f" {ref.code}."
    return text


def reference_html(ref) -> str:
    """One reference: authors (year). title. venue. [code.] and its DOI (or URL) as a link."""
    return render("reference.html.j2", text=_plain(ref), doi=getattr(ref, "doi", None), url=getattr(ref, "url", None),
                  unverified=unverified_note(ref))


def reference_text(ref) -> str:
    """One reference as plain text (DOI as ``doi:...``)."""
    text = _plain(ref)
    if getattr(ref, "doi", None):
        text += f" doi:{ref.doi}"
    mark = unverified_note(ref)
    return f"{text} {mark}" if mark else text


def reference_list_html(refs) -> str:
    """The numbered list, each entry anchored ``ref-<key>`` for in-text citation links."""
    return render("reference_list.html.j2", items=[(r.key, Markup(reference_html(r))) for r in refs])
