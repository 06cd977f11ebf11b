"""Remembering what is built from the content: :func:`per_content`.

A chapter asks for the same derived data many times (the at-a-glance rows for one condition are built for the
picture, its table and every reveal view: dozens of times per chapter, issue 19). A pure function of the loaded content
and of hashable arguments can be built once: :func:`per_content` keeps each answer for as long as the content object
it was built from is the one :func:`~backcare.content.load_content` returns. Any fresh read of the content
(:func:`~backcare.content.clear_cache`, another ``$BACKCARE_ROOT``) forgets every answer, so an edited file is never
answered from memory. Errors are not remembered.

Examples
--------
>>> calls = []
>>> @per_content
... def count_treatments(tier):
...     calls.append(tier)
...     return sum(t.tier == tier for t in load_content().treatments.values())
>>> count_treatments("surgery") == count_treatments("surgery") and calls
['surgery']
>>> from backcare.content import clear_cache
>>> clear_cache(); _ = count_treatments("surgery"); calls
['surgery', 'surgery']
"""
from __future__ import annotations

import functools
from typing import Callable, TypeVar

from .loader import load_content

__all__ = ["per_content"]

F = TypeVar("F", bound=Callable)


def per_content(fn: F) -> F:
    """``fn(*args)`` remembered for the content loaded now (positional, hashable arguments only)."""
    memo: dict = {}

    @functools.wraps(fn)
    def remembered(*args):
        content = load_content()
        if memo.get(None) is not content:
            memo.clear()
            memo[None] = content
        if args not in memo:
            memo[args] = fn(*args)
        return memo[args]

    return remembered  # type: ignore[return-value]
