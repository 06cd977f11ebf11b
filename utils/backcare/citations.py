"""Citations in prose: ``[@Key]`` (one or more keys: ``[@Costa2012; @Henschke2009]``), resolved against content/.

Examples
--------
>>> cited_keys("Most people improve [@Costa2012]; see also [@Henschke2008; @Williams2014].")
['Costa2012', 'Henschke2008', 'Williams2014']
>>> render_citations("Burden [@GBD2023].", {"GBD2023": "GBD 2021 LBP Collaborators 2023"})
'Burden <a class="bc-cite" href="#ref-GBD2023">(GBD 2021 LBP Collaborators 2023)</a>.'
>>> render_citations("x [@Nope2020]", {})
Traceback (most recent call last):
...
KeyError: 'unknown reference key Nope2020: add it to content/references.yaml or fix the spelling'
"""
from __future__ import annotations

import html
import re
from typing import Iterable, Mapping

CITE_RE = re.compile(r"\[(@[A-Za-z0-9]+(?:\s*;\s*@[A-Za-z0-9]+)*)\]")
KEY_RE = re.compile(r"@([A-Za-z0-9]+)")


def cited_keys(text: str) -> list[str]:
    """Keys cited in ``text``, in order of first appearance, without repeats."""
    seen: dict[str, None] = {}
    for group in CITE_RE.findall(text or ""):
        for key in KEY_RE.findall(group):
            seen.setdefault(key, None)
    return list(seen)


def notebook_cited_keys(nb) -> list[str]:
    """Keys cited in the markdown cells of a notebook and in the model answers it shows (``bc.compare_answer``)."""
    seen: dict[str, None] = {}
    for cell in nb["cells"]:
        source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            texts = [source]
        elif cell["cell_type"] == "code" and "compare_answer" in source:  # model answers from content/answers/
            from .content.answers import answer_texts_in

            texts = answer_texts_in(source)
        else:
            texts = []
        for text in texts:
            for key in cited_keys(text):
                seen.setdefault(key, None)
    return list(seen)


def render_citations(text: str, labels: Mapping[str, str]) -> str:
    """Replace ``[@Key]`` groups by linked short labels; unknown keys raise ``KeyError`` naming the key."""

    def repl(match: re.Match) -> str:
        keys = KEY_RE.findall(match.group(1))
        for key in keys:
            if key not in labels:
                raise KeyError(f"unknown reference key {key}: add it to content/references.yaml or fix the spelling")
        inner = "; ".join(html.escape(labels[k]) for k in keys)
        return f'<a class="bc-cite" href="#ref-{keys[0]}">({inner})</a>'

    return CITE_RE.sub(repl, text)


def unknown_keys(keys: Iterable[str], known: Iterable[str]) -> list[str]:
    known = set(known)
    return sorted({k for k in keys if k not in known})
