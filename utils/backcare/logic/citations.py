"""Citations in prose: finding the ``[@Key]`` groups (``[@Costa2012; @Henschke2009]``) and checking their keys.

Examples
--------
>>> cited_keys("Most people improve [@Costa2012]; see also [@Henschke2008; @Williams2014].")
['Costa2012', 'Henschke2008', 'Williams2014']
>>> unknown_keys(["Costa2012", "Nope2020"], ["Costa2012"])
['Nope2020']
"""
from __future__ import annotations

import re
from typing import Iterable

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
            from ..content.answers import answer_texts_in

            texts = answer_texts_in(source)
        else:
            texts = []
        for text in texts:
            for key in cited_keys(text):
                seen.setdefault(key, None)
    return list(seen)


def unknown_keys(keys: Iterable[str], known: Iterable[str]) -> list[str]:
    """The keys not in ``known``, sorted, without repeats."""
    known = set(known)
    return sorted({k for k in keys if k not in known})
