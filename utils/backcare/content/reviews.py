"""Clinical sign-off records (``content/reviews/*.yaml``) and each chapter's review status (issue 15).

A record says who reviewed (name and profession, never invented), when, which chapters (scope), what they found, and
the hash of every statement in scope they reviewed (the ``Hash`` column of ``python -m backcare review``). A chapter
with no record is "not yet clinically reviewed"; a record goes stale when a statement it signed no longer exists
with the same words (no git history needed: the check reads the executed notebook and the content).

Examples
--------
>>> status_for("04_medicines", records=[]).text
'not yet clinically reviewed'
>>> r = ReviewRecord(reviewer="A. Example", profession="physiotherapist", date=_dt.date(2026, 1, 2),
...                  scope=["04_medicines"], hashes=["0123456789abcdef"])
>>> st = status_for("04_medicines", records=[r], current={"fedcba9876543210"})
>>> st.state, st.text
('stale', 'review out of date: reviewed by A. Example (physiotherapist) on 2026-01-02; 1 reviewed statement has changed since')
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Literal

from pydantic import Field

from .models import Strict, Text

__all__ = ["Finding", "ReviewRecord", "ReviewStatusLine", "load_reviews", "status_for"]

REVIEWS_DIR = "reviews"
Hash = Text


class Finding(Strict):
    """One finding of the reviewer about one statement (by its hash)."""

    statement: Hash
    verdict: Literal["agree", "correct", "unclear"]
    comment: Text | None = None


class ReviewRecord(Strict):
    """One clinician's sign-off of one or more chapters."""

    reviewer: Text
    profession: Text
    date: _dt.date
    scope: list[Text] = Field(min_length=1)
    """Chapter stems (``04_medicines``) the reviewer read in full."""
    findings: list[Finding] = Field(default_factory=list)
    hashes: list[Hash] = Field(min_length=1)
    """The hash of every statement in scope the reviewer signed (from the packet's Hash column)."""


@dataclass(frozen=True)
class ReviewStatusLine:
    state: Literal["not_reviewed", "current", "partial", "stale"]
    text: str


def load_reviews() -> list[ReviewRecord]:
    """Every record in ``content/reviews/`` (none yet: no placeholder reviewer is ever written)."""
    from .registry import entry_for, registered_files
    from .store import load

    entry = entry_for(f"{REVIEWS_DIR}/x.yaml")
    return [load(name) for name, e in registered_files() if e is entry]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def status_for(chapter: str, *, records: list[ReviewRecord] | None = None,
               current: set[str] | None = None) -> ReviewStatusLine:
    """The review status of one chapter from the records: not reviewed, current, partial (new statements not yet
    reviewed) or stale (a reviewed statement changed). ``current`` is the chapter's statement hashes (computed from
    the executed notebook when not given)."""
    records = load_reviews() if records is None else records
    mine = [r for r in records if chapter in r.scope]
    if not mine:
        return ReviewStatusLine("not_reviewed", "not yet clinically reviewed")
    r = max(mine, key=lambda x: x.date)
    if current is None:
        from ..logic.review_packet import chapter_statements

        current = {s.digest for s in chapter_statements(chapter)}
    who = f"reviewed by {r.reviewer} ({r.profession}) on {r.date.isoformat()}"
    signed = set(r.hashes)
    changed = len([h for h in signed if h not in current]) if len(r.scope) == 1 else 0
    if len(r.scope) > 1:  # a record over several chapters: only this chapter's statements can be checked here
        from ..logic.review_packet import chapter_statements

        others = {s.digest for c in r.scope if c != chapter for s in chapter_statements(c)}
        changed = len([h for h in signed if h not in current and h not in others])
    if changed:
        return ReviewStatusLine("stale", f"review out of date: {who}; "
                                         f"{_plural(changed, 'reviewed statement')} {'has' if changed == 1 else 'have'}"
                                         " changed since")
    new = len(current - signed)
    if new:
        return ReviewStatusLine("partial", f"{who}; {_plural(new, 'statement')} added since, not yet reviewed")
    return ReviewStatusLine("current", who)
