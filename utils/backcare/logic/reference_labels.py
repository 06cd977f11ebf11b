"""Short in-text labels of references ("Costa 2012", "NICE NG59 2016") from their authors, year and code."""
from __future__ import annotations

import re

__all__ = ["reference_label"]


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
