"""One way to reject a value that is not one of a known set: one message format with a "similar:" hint.

Every ``bc.`` function that takes an id (a treatment, a condition, a guideline, a chapter, a red flag ...) checks it
with :func:`check_choice`, so a typo always reads the same way and names what would have worked::

    'rf_ablation' is not a valid treatment; supported values are acupuncture, ..., yoga (similar: rf_denervation)

Long lists are shortened to their first few values plus the similar ones, never a dump of every id.

Examples
--------
>>> check_choice("NICE", ["NICE", "ACP", "WHO"], what="guideline")
'NICE'
>>> check_choice("nice", ["NICE", "ACP", "WHO"], what="guideline")
Traceback (most recent call last):
...
ValueError: 'nice' is not a valid guideline; supported values are NICE, ACP, WHO (similar: NICE)
"""
from __future__ import annotations

import difflib
from typing import Any, Iterable, TypeVar

__all__ = ["check_choice", "choice_message", "similar"]

T = TypeVar("T")

#: How many allowed values a message lists before it shortens the list ("... and 30 more").
MAX_LISTED = 8


def similar(value: Any, allowed: Iterable[Any], n: int = 3) -> list[str]:
    """Up to ``n`` allowed values that look like ``value`` (case-insensitive, closest first).

    Examples
    --------
    >>> similar("rf_ablation", ["rf_denervation", "acupuncture", "nsaids"])
    ['rf_denervation']
    >>> similar("facet_injections", ["facet_joint_injection", "epidural_steroid_injection"])
    ['facet_joint_injection']
    >>> similar("zzz", ["a", "b"])
    []
    """
    names = [str(a) for a in allowed]
    by_lower: dict[str, str] = {}
    for name in names:
        by_lower.setdefault(name.lower(), name)
    text = str(value).lower()
    hits = difflib.get_close_matches(text, list(by_lower), n=n, cutoff=0.6)
    if len(hits) < n:  # a shared word counts too: 'rf_ablation' ~ 'rf_denervation'
        parts = {p for p in text.replace("-", "_").split("_") if len(p) >= 2}
        for low in by_lower:
            if low not in hits and parts & set(low.split("_")) and len(hits) < n:
                hits.append(low)
    return [by_lower[h] for h in hits]


def choice_message(value: Any, allowed: Iterable[Any], *, what: str, limit: int = MAX_LISTED) -> str:
    """The one message for "``value`` is not one of ``allowed``" (see :func:`check_choice`).

    Examples
    --------
    >>> print(choice_message("x", [str(i) for i in range(20)], what="chapter"))
    'x' is not a valid chapter; supported values are 0, 1, 2, 3, 4, 5, 6, 7 and 12 more
    >>> print(choice_message("opiods", ["nsaids", "opioids", "paracetamol"], what="treatment"))
    'opiods' is not a valid treatment; supported values are nsaids, opioids, paracetamol (similar: opioids)
    """
    names = [str(a) for a in allowed]
    shown = ", ".join(names[:limit])
    if len(names) > limit:
        shown += f" and {len(names) - limit} more"
    if not names:
        shown = "(none)"
    text = f"{value!r} is not a valid {what}; supported values are {shown}"
    close = similar(value, names)
    if close:
        text += f" (similar: {', '.join(close)})"
    return text


def check_choice(value: T, allowed: Iterable[Any], *, what: str, limit: int = MAX_LISTED) -> T:
    """Return ``value`` if it is in ``allowed``; else raise ``ValueError`` with the one message format.

    ``allowed`` may be any iterable (a list, the keys of a mapping, a set: a set is listed sorted). ``what`` names
    the kind of value in the singular ("treatment", "guideline", "chapter"); the message lists at most ``limit``
    allowed values (plus the similar ones).

    Examples
    --------
    >>> check_choice("nsaids", {"nsaids": 1, "opioids": 2}, what="treatment")
    'nsaids'
    >>> check_choice("rf_ablation", ["acupuncture", "rf_denervation", "nsaids"], what="treatment")
    Traceback (most recent call last):
    ...
    ValueError: 'rf_ablation' is not a valid treatment; supported values are acupuncture, rf_denervation, nsaids \
(similar: rf_denervation)
    >>> check_choice(7, [0, 1, 2, 3, 4, 5], what="invasiveness level")
    Traceback (most recent call last):
    ...
    ValueError: 7 is not a valid invasiveness level; supported values are 0, 1, 2, 3, 4, 5
    """
    if isinstance(allowed, (set, frozenset)):
        allowed = sorted(allowed, key=str)
    options = list(allowed)
    try:
        ok = value in options
    except TypeError:  # unhashable or incomparable input
        ok = False
    if not ok:
        raise ValueError(choice_message(value, options, what=what, limit=limit))
    return value
