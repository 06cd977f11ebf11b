"""One urgent-symptoms notice per site page (issue 18 item 3).

Every site page opens with the notes block (``notes.html.j2``): the urgent-symptoms lines complete and full size, at
the top, before the reader starts. Chapters carry their own copy too (a blockquote in a case cell, the box beside the
at-a-glance picture, the line under each case explorer), because in JupyterLab there is no site banner. On the site
that copy would be the second, so the site builder replaces each one with a pointer to the notice at the top of the
page. The notebooks keep theirs (JupyterLab, student copies); the wording stays the one in ``content/notices.yaml``.
"""
from __future__ import annotations

import re
from typing import Any

from ..content.notices import load_notices

__all__ = ["POINTER", "drop_urgent_copies", "urgent_pattern"]

#: What stands where a chapter's own copy was: says where the notice is, without repeating its words.
POINTER = "Urgent symptoms: see the notice at the top of this page."

# Between two words of the notice: spaces, line breaks, markdown bold and blockquote marks, or an inline tag.
_SEP = r"(?:\s|\*\*|(?<=\n)>|<\/?(?:strong|em|b|i)>)+"


def urgent_pattern() -> re.Pattern[str]:
    """The urgent-symptoms wording (heading and text) as markdown, HTML or plain text, wherever lines break.

    >>> p = urgent_pattern()
    >>> u = load_notices().urgent_symptoms
    >>> bool(p.fullmatch(f"**{u.heading}.** {u.text}")), bool(p.fullmatch(f"<strong>{u.heading}.</strong> {u.text}"))
    (True, True)
    >>> bool(p.search("Seek emergency care the same day."))
    False
    """
    u = load_notices().urgent_symptoms
    words = f"{u.heading}. {u.text}".split()
    return re.compile(r"(?:\*\*|<(?:strong|b)>)?" + _SEP.join(re.escape(w) for w in words))


def _replace(value: Any, pattern: re.Pattern[str]) -> tuple[Any, int]:
    """``value`` with every copy of the notice replaced, and how many: strings are returned anew, lists and dicts
    (notebook nodes) are changed in place so they keep their type."""
    if isinstance(value, str):
        return pattern.subn(POINTER, value)
    count = 0
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in list(items):
        value[key], n = _replace(item, pattern)
        count += n
    return value, count


def drop_urgent_copies(nb) -> int:
    """Replace the chapter's own copies of the urgent-symptoms notice in ``nb`` (markdown, outputs, saved widget
    state) with :data:`POINTER`, in place; return how many were replaced. For site pages only: the page's notes
    block carries the notice once, complete."""
    pattern = urgent_pattern()
    count = 0
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source, n = _replace(cell.source, pattern)
            count += n
        count += _replace(cell.get("outputs", []), pattern)[1]
    return count + _replace(nb.metadata.get("widgets") or {}, pattern)[1]
