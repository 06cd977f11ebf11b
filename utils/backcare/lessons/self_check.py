"""``self_check(chapter)``: the "Check your understanding" block of a chapter, from ``content/quiz/<chapter>.yaml``."""
from __future__ import annotations

from ..quiz import load_bank, quiz

__all__ = ["self_check"]


def self_check(chapter: str):
    """Load the chapter's question bank and return its self-check widget."""
    return quiz(load_bank(chapter))
