"""Fact look-ups: one sourced number from ``content/facts.yaml`` by id, as a record or as its point value. Pure.

Examples
--------
>>> fact_value("costa_acute_pain_baseline")
52
>>> fact("gbd_prevalent_cases_2020").unit
'million people'
>>> fact_value("no_such_fact")
Traceback (most recent call last):
...
KeyError: "no fact 'no_such_fact' in content/facts.yaml"
"""
from __future__ import annotations

from ..content import load_content


def fact(fact_id: str):
    """The :class:`backcare.content.Fact` with this id (``KeyError`` naming content/facts.yaml when unknown)."""
    return load_content().fact(fact_id)


def fact_value(fact_id: str) -> int | float:
    """The point value of a fact, whole numbers as ``int`` (prints without ``.0``); ``ValueError`` if it is a range."""
    f = fact(fact_id)
    if f.value is None:
        raise ValueError(f"fact {fact_id!r} is a range ({f.low} to {f.high}), not one number")
    return int(f.value) if float(f.value).is_integer() else f.value
