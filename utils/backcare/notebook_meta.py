"""One vocabulary of cell tags and chapter metadata, defined once (design §2).

Chapter metadata lives in each notebook's metadata under ``"backcare"``::

    {"backcare": {"title": "...", "objectives": ["..."], "minutes": 45, "prerequisites": ["00_start_here"],
                  "audience": "..."}}

Examples
--------
>>> meta = chapter_meta({"metadata": {"backcare": {"title": "T", "objectives": ["a", "b", "c"],
...                                                "minutes": 30, "prerequisites": []}}}, "x.ipynb")
>>> meta.minutes
30
>>> chapter_meta({"metadata": {}}, "x.ipynb")
Traceback (most recent call last):
...
ValueError: x.ipynb: notebook metadata has no 'backcare' section (title, objectives, minutes, prerequisites)
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: Removed from student notebooks and student pages (discussion answers, debriefs, timings).
TAG_INSTRUCTOR = "instructor"
#: nbval compares nothing in this cell's output (legitimate variation only).
TAG_IGNORE_OUTPUT = "nbval-ignore-output"
#: Hidden from the rendered page but run by nbval (rare: checks inside a notebook).
TAG_REMOVE_CELL = "remove-cell"
#: A model answer ("Compare your answer", shown by ``bc.compare_answer``): removed for the ``class`` audience.
TAG_ANSWER = "answer"
#: The optional code cell ending a chapter's main section that the student is invited to change.
TAG_YOUR_TURN = "your-turn"
#: The chart the chapter's one-page summary handout shows (at most one cell); without it, the chapter's first chart.
TAG_KEY_CHART = "key-chart"
KNOWN_TAGS = frozenset({TAG_INSTRUCTOR, TAG_IGNORE_OUTPUT, TAG_REMOVE_CELL, TAG_ANSWER, TAG_YOUR_TURN, TAG_KEY_CHART})


@dataclass(frozen=True)
class ChapterMeta:
    name: str
    title: str
    objectives: tuple[str, ...]
    minutes: int
    prerequisites: tuple[str, ...]
    audience: str = ""


def chapter_meta(nb, name: str | Path) -> ChapterMeta:
    """Read and check the chapter metadata of a notebook (a dict or an nbformat node)."""
    name = Path(name).name
    section = (nb.get("metadata") or {}).get("backcare")
    if not isinstance(section, dict):
        raise ValueError(
            f"{name}: notebook metadata has no 'backcare' section (title, objectives, minutes, prerequisites)"
        )
    problems = []
    title = section.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append("title must be a non-empty string")
    objectives = section.get("objectives")
    if not isinstance(objectives, list) or not (3 <= len(objectives) <= 6) or not all(
        isinstance(o, str) and o.strip() for o in objectives
    ):
        problems.append("objectives must be a list of 3 to 6 non-empty strings")
    minutes = section.get("minutes")
    if not isinstance(minutes, int) or isinstance(minutes, bool) or not 5 <= minutes <= 240:
        problems.append("minutes must be an integer between 5 and 240")
    prereq = section.get("prerequisites")
    if not isinstance(prereq, list) or not all(isinstance(p, str) for p in prereq):
        problems.append("prerequisites must be a list of notebook names (may be empty)")
    if problems:
        raise ValueError(f"{name}: " + "; ".join(problems))
    return ChapterMeta(
        name=Path(name).stem,
        title=title,
        objectives=tuple(objectives),
        minutes=minutes,
        prerequisites=tuple(prereq),
        audience=str(section.get("audience", "")),
    )


def cell_tags(cell) -> set[str]:
    return set((cell.get("metadata") or {}).get("tags") or [])


def is_instructor(cell) -> bool:
    return TAG_INSTRUCTOR in cell_tags(cell)


ROLES = ("chapter", "instructor")


def notebook_role(nb, name: str | Path = "notebook") -> str:
    """``"chapter"`` (the default) or ``"instructor"``, from the notebook metadata ``backcare.role``."""
    role = ((nb.get("metadata") or {}).get("backcare") or {}).get("role", "chapter")
    if role not in ROLES:
        raise ValueError(f"{Path(name).name}: metadata backcare.role must be 'chapter' or 'instructor', not {role!r}")
    return role


def is_instructor_notebook(nb, name: str | Path = "notebook") -> bool:
    return notebook_role(nb, name) == "instructor"
