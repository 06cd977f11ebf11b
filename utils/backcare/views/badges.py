"""The one provenance/certainty badge of the series (issue 16 item 4) and its legend.

A badge replaces a hedge sentence that views used to repeat cell after cell ("MID not stated by the source",
"certainty not graded by the source", "course estimate, not from a source", "(details approximate)"): a symbol and
one or two words, with the full wording in its title and aria-label, and one legend that explains every value.
The plain-text twins of the views keep the full sentences, so no information is lost.

Examples
--------
>>> badge_text("course_estimate")
'✎ course estimate'
>>> "Course estimate, not from a source" in badge_html("course_estimate")
True
>>> [b.key for b in effect_badges(type("E", (), {"mid": None, "certainty": "not_stated", "approximate": True})())]
['approximate', 'ungraded', 'no_mid']
>>> confidence_badges("M"), confidence_badges("✔")
(('unconfirmed',), ())
>>> badge_html("guess")
Traceback (most recent call last):
...
ValueError: 'guess' is not a valid badge; supported values are course_estimate, approximate, unconfirmed, varies, ungraded, no_mid, no_estimate
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from markupsafe import Markup

from ..choices import check_choice
from ..logic.vocabulary import BADGES
from .render import environment, render

#: a content ``confidence`` mark -> the badges it prints as ("✔" read on the source's own page: no badge)
CONFIDENCE_BADGES = {"~": ("approximate",), "M": ("unconfirmed",), "?": ("varies",)}


@dataclass(frozen=True)
class Badge:
    key: str
    symbol: str
    short: str
    full: str


def badge(key: str) -> Badge:
    return Badge(key, *BADGES[check_choice(key, BADGES, what="badge")])


def badge_text(key: str) -> str:
    """The badge as plain text: symbol and short words."""
    b = badge(key)
    return f"{b.symbol} {b.short}"


def _macros():
    return environment().get_template("_badges.html.j2").module


def badge_html(key: str) -> Markup:
    """One badge as HTML (a bordered pill; the full wording in title and aria-label)."""
    return Markup(str(_macros().badge(badge(key))))


def badges_html(keys: Iterable[str]) -> Markup:
    return Markup("".join(" " + badge_html(k) for k in keys))


def effect_badges(effect) -> list[Badge]:
    """The badges of one effect estimate: approximate, certainty not graded, MID not stated."""
    keys = []
    if effect.approximate:
        keys.append("approximate")
    if effect.certainty == "not_stated":
        keys.append("ungraded")
    if effect.mid is None:
        keys.append("no_mid")
    return [badge(k) for k in keys]


def confidence_badges(confidence: str | None, editorial: bool = False) -> tuple[str, ...]:
    """Badge keys for a content confidence mark (``editorial`` wins: the course's own reading)."""
    if editorial:
        return ("course_estimate",)
    return CONFIDENCE_BADGES.get(confidence or "", ())


def legend_html(keys: Iterable[str] | None = None, *, open: bool = False) -> str:
    """The legend: every badge (or only ``keys``, in the series' order), collapsed unless ``open``."""
    wanted = set(BADGES if keys is None else keys)
    return render("badge_legend.html.j2", items=[badge(k) for k in BADGES if k in wanted], open=open)


def legend_text() -> str:
    """The legend as plain text, one badge a line."""
    return "\n".join(f"{badge_text(k)}: {BADGES[k][2]}" for k in BADGES)
