"""Citations as HTML: each ``[@Key]`` group in prose replaced by a link to its entry in the reference list.

Examples
--------
>>> render_citations("Burden [@GBD2023].", {"GBD2023": "GBD 2021 LBP Collaborators 2023"})
'Burden <a class="bc-cite" href="#ref-GBD2023">(GBD 2021 LBP Collaborators 2023)</a>.'
>>> render_citations("x [@Nope2020]", {})
Traceback (most recent call last):
...
KeyError: 'unknown reference key Nope2020: add it to content/references.yaml or fix the spelling'
"""
from __future__ import annotations

import re
from typing import Mapping

from ..logic.citations import CITE_RE, KEY_RE
from .render import render

__all__ = ["render_citations"]


def render_citations(text: str, labels: Mapping[str, str]) -> str:
    """Replace ``[@Key]`` groups by linked short labels; unknown keys raise ``KeyError`` naming the key."""

    def repl(match: re.Match) -> str:
        keys = KEY_RE.findall(match.group(1))
        for key in keys:
            if key not in labels:
                raise KeyError(f"unknown reference key {key}: add it to content/references.yaml or fix the spelling")
        return render("citation.html.j2", anchor=keys[0], labels=[labels[k] for k in keys])

    return CITE_RE.sub(repl, text)
