"""The teaching kit behind the instructor guide: each chapter's objectives (from notebook metadata) and instructor
notes (from its ``instructor`` cells), collected so that nothing is written twice, and how to adapt the series for
each profession (``content/teaching.yaml``).

Examples
--------
>>> notes = instructor_notes("00")
>>> notes.chapters[0].meta.minutes == notes.chapters[0].meta.minutes > 0
True
>>> "Instructor notes for 1 chapter: 00_start_here" in notes._repr_mimebundle_()["text/plain"]
True
>>> instructor_notes("42")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
ValueError: no chapter matches '42'; chapters are 00_start_here...
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..choices import check_choice
from ..content import load, read
from ..content.teaching import Profession, TeachingFile  # noqa: F401  (Profession: for callers)
from ..logic.citations import CITE_RE, KEY_RE
from ..notebook_meta import ChapterMeta, chapter_meta, is_instructor, is_instructor_notebook
from ..paths import chapter_id, chapter_notebooks, chapter_number, chapter_selected
from ..views.teaching import profession_html
from ..widgets import explorer

TEACHING_FILE = "teaching.yaml"


@dataclass(frozen=True)
class ChapterNotes:
    """One chapter's metadata and the text of its instructor cells (markdown, in order)."""

    meta: ChapterMeta
    notes: tuple[str, ...]


def _plain_citations(text: str, labels: dict[str, str]) -> str:
    """``[@Key]`` -> ``(Label)``: the guide lists only its own references, so collected notes cite in plain text.

    >>> _plain_citations("see [@Costa2012; @Hill2011]", {"Costa2012": "Costa 2012", "Hill2011": "Hill 2011"})
    'see (Costa 2012; Hill 2011)'
    """
    return CITE_RE.sub(lambda m: "(" + "; ".join(labels.get(k, k) for k in KEY_RE.findall(m.group(1))) + ")", text)


def _demote(text: str) -> str:
    """Headings inside collected notes sit below the chapter's heading (level 4 or deeper).

    >>> _demote("# Debrief\\n## Case A\\ntext")
    '#### Debrief\\n##### Case A\\ntext'
    """
    return re.sub(r"^(#{1,6}) ", lambda m: "#" * min(6, len(m.group(1)) + 3) + " ", text, flags=re.M)


def _read_json(path: Path) -> dict:
    """The notebook as plain JSON. Not nbformat: importing it pulls in jsonschema and compiles its URI grammar,
    seconds of the instructor guide's kernel time on a busy machine (issue 19)."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def collect_chapters(source: str | Path | None = None, chapter: str | None = None) -> list[ChapterNotes]:
    """Chapter notebooks in ``source`` (instructor notebooks left out), optionally only those starting ``chapter``."""
    found = []
    for path in chapter_notebooks(source):
        nb = _read_json(path)
        if is_instructor_notebook(nb, path.name):
            continue
        notes = tuple(_source(c).strip() for c in nb.get("cells", []) if is_instructor(c) and _source(c).strip())
        found.append(ChapterNotes(chapter_meta(nb, path.name), notes))
    if chapter is not None:
        chosen = [c for c in found if chapter_selected(c.meta.name, [str(chapter)])]
        if not chosen:
            raise ValueError(f"no chapter matches {chapter!r}; chapters are "
                             + ", ".join(c.meta.name for c in found))
        return chosen
    return found


@dataclass(frozen=True)
class InstructorNotes:
    """Per chapter: title, minutes, prerequisites, objectives and the instructor notes, as markdown."""

    chapters: tuple[ChapterNotes, ...]

    def markdown(self) -> str:
        from ..content import load_content
        from ..logic.reference_labels import reference_label

        labels = {k: reference_label(r) for k, r in load_content().references.items()}
        titles = {c.meta.name: c.meta.title for c in self.chapters}
        blocks = []
        for ch in self.chapters:
            m = ch.meta
            prereq = ", ".join(titles.get(p, p.replace("_", " ")) for p in m.prerequisites) or "none"
            objectives = "\n".join(f"{i}. {o}" for i, o in enumerate(m.objectives, 1))
            notes = ("\n\n".join(_demote(_plain_citations(n, labels)) for n in ch.notes)
                     or "*This chapter has no instructor notes yet.*")
            blocks.append(
                f"### {m.title}\n\n*About {m.minutes} minutes. Prerequisites: {prereq}.*\n\n"
                f"**Objectives (from the chapter's metadata)**\n\n{objectives}\n\n"
                f"**From the chapter's instructor notes**\n\n{notes}"
            )
        return "\n\n".join(blocks)

    def describe(self) -> str:
        n = len(self.chapters)
        parts = [f"{c.meta.name} ({c.meta.minutes} min, {len(c.meta.objectives)} objectives, "
                 f"{len(c.notes)} instructor note{'s' if len(c.notes) != 1 else ''})" for c in self.chapters]
        return f"Instructor notes for {n} chapter{'s' if n != 1 else ''}: " + "; ".join(parts)

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/markdown": self.markdown(), "text/plain": self.describe()}


def instructor_notes(chapter: str | None = None, *, source: str | Path | None = None) -> InstructorNotes:
    """Collect every chapter's objectives, time, prerequisites and instructor cells (or one chapter's:
    ``instructor_notes("07")``) for the instructor guide. Read from the notebooks, never retyped."""
    return InstructorNotes(tuple(collect_chapters(source, chapter)))


# ---- adapting the series per profession -------------------------------------------------------------------------

def load_teaching(path: str | Path | None = None) -> TeachingFile:
    """Read ``content/teaching.yaml`` strictly (``ContentError`` lists every problem)."""
    return load(TEACHING_FILE) if path is None else read(TEACHING_FILE, path=path)


def teaching_by_profession(profession: str = "medicine", *, source: str | Path | None = None):
    """An explorer (toggle buttons, works on the static page) with one view per profession.

    Examples
    --------
    >>> ex = teaching_by_profession("pharmacy")
    >>> ex.labels
    ['Medicine', 'Physiotherapy', 'Nursing', 'Pharmacy']
    >>> "no doses" in ex.visible_html()
    True
    >>> teaching_by_profession("dentistry")
    Traceback (most recent call last):
    ...
    ValueError: 'dentistry' is not a valid profession; supported values are medicine, physiotherapy, nursing, pharmacy
    """
    professions = load_teaching().professions
    ids = [p.id for p in professions]
    check_choice(profession, ids, what="profession")
    chapters = collect_chapters(source)
    titles = {chapter_id(c.meta.name): c.meta.title for c in chapters}
    for number in {chapter_number(c.meta.name) for c in chapters} - set(titles):  # a split chapter: "03" names its parts
        titles[number] = "; ".join(t for cid, t in sorted(titles.items()) if cid[:2] == number)
    views = [(p.name, profession_html(p, titles)) for p in professions]
    return explorer("Adapting the series by profession", views, description="Profession",
                    index=ids.index(profession), control="toggle")
