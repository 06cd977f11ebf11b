"""The teaching kit's HTML, from a template: one profession's view (focus, chapters, an activity, an assessment)."""
from __future__ import annotations

from ..content.teaching import Profession
from .render import render

__all__ = ["profession_html"]


def profession_html(p: Profession, chapter_titles: dict[str, str]) -> str:
    """One profession's view: focus, chapters to give more time to, an activity and an assessment idea.

    Examples
    --------
    >>> p = Profession(id="x", name="X", focus="F", chapters=["00", "09"], activity="A", assessment="S")
    >>> "09 (not in this copy of the series)" in profession_html(p, {"00": "00 Start here"})
    True
    """
    chapters = [chapter_titles.get(c, f"{c} (not in this copy of the series)") for c in p.chapters]
    return render("profession.html.j2", p=p, chapters=chapters)
