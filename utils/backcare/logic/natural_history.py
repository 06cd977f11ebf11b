"""Natural history of low back pain: mean pain over a year for the acute and persistent courses (Costa 2012), read
from content, and its plain-language reading.

Examples
--------
>>> natural_history()["acute"]
((0, 52), (6, 23), (26, 12), (52, 6))
>>> natural_history_sentence("acute")
'Acute low back pain: average pain fell from 52 to 23 out of 100 in the first 6 weeks, and was 6 at one year.'
>>> course_ids("chronic")
Traceback (most recent call last):
...
ValueError: course must be one of acute, persistent, both, not 'chronic'
"""
from __future__ import annotations

from typing import Literal

from ..fmt import number
from .facts import fact_value
from ..content.chapter_understanding import chapter_data

__all__ = ["CourseName", "COURSES", "natural_history", "course_ids", "course_label", "natural_history_sentence"]

CourseName = Literal["acute", "persistent", "both"]
COURSES = ("acute", "persistent", "both")


def natural_history() -> dict[str, tuple[tuple[int, int | float], ...]]:
    """Mean pain (0-100) at the measured weeks for each course (Costa 2012), from content.

    >>> natural_history()["persistent"]
    ((0, 51), (6, 33), (26, 26), (52, 23))
    """
    return {c.id: tuple((p.week, fact_value(p.fact)) for p in c.points)
            for c in chapter_data().natural_history.courses}


def course_ids(course: str) -> list[str]:
    """The course ids drawn for ``course`` ("both" is acute and persistent); ``ValueError`` for anything else."""
    if course not in COURSES:
        raise ValueError(f"course must be one of {', '.join(COURSES)}, not {course!r}")
    return ["acute", "persistent"] if course == "both" else [course]


def course_label(course_id: str) -> str:
    """The label of one course as content names it."""
    return next(c.label for c in chapter_data().natural_history.courses if c.id == course_id)


def natural_history_sentence(course: str) -> str:
    """Plain-language reading of one course, e.g. how much of the starting pain is left at 6 weeks and 1 year."""
    if course == "both":
        return " ".join(natural_history_sentence(c) for c in ("acute", "persistent"))
    course_ids(course)
    pts = dict(natural_history()[course])
    start, w6, w52 = pts[0], pts[6], pts[52]
    return (f"{course_label(course)}: average pain fell from {number(start)} to {number(w6)} out of 100 in the "
            f"first 6 weeks, and was {number(w52)} at one year.")
