"""The prose-number allow-list (``content/prose_numbers.yaml``): numbers in notebook prose that are not facts."""
from __future__ import annotations

import re
from decimal import Decimal

from pydantic import Field

from .models import Strict, Text

__all__ = ["AllowList", "Allowance"]


def _value(text: str) -> Decimal:
    return abs(Decimal(re.sub(r"[,\u00a0\u202f\u2009 ]", "", text)))


class Allowance(Strict):
    """One number in one notebook's prose that is not a fact, with the words around it and why it is allowed."""

    notebooks: list[Text] = Field(min_length=1)
    """Notebook stems (``00_start_here``); list several only for the same boilerplate repeated word for word."""
    number: int | float | str
    """The number as written (``3``, ``4.0``); signs and thousands separators are ignored."""
    context: Text
    """A few words of the prose that hold the number (``3 questions``); matched ignoring case, spaces, dashes and
    ``*`` emphasis marks."""
    reason: Text

    @property
    def value(self) -> Decimal:
        return _value(str(self.number).lstrip("−-+"))


class AllowList(Strict):
    allow: list[Allowance] = Field(default_factory=list)
