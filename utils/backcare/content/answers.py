"""Model answers for self-learners: ``content/answers/<chapter>.yaml``, one file per chapter.

Each "A question to think about" prompt and each set of guiding questions beside an interactive has a model answer
here, in the course's own words, citing ``[@Key]`` wherever it states a fact. Notebooks show them with
``bc.compare_answer("01", "rate_vs_number")`` in a code cell tagged ``answer`` (collapsed "Compare your answer"
block; removed for the ``class`` audience). Because answers are clinical text, the prose-number lint and the
reference list of the notebook cover them.

Examples
--------
>>> a = load_answers("01").answer("rate_vs_number")
>>> a.kind, a.extension
('prompt', False)
>>> load_answers("01").answer("no_such_answer")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
KeyError: "no answer 'no_such_answer' in content/answers/01_understanding_back_pain.yaml; known ids: ..."
>>> answers_file("42")
Traceback (most recent call last):
...
FileNotFoundError: no answers file for chapter '42' in content/answers/ (one file per chapter, e.g. 01_understanding_back_pain.yaml)
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import Field

from ..paths import content_dir
from .errors import ContentError  # noqa: F401  (raised by read_answers through the loader)
from .models import ContentFile, Id, Strict, Text

FOLDER = "answers"
#: How a notebook cell shows an answer; the prose lint and the reference list read answers through this pattern.
CALL_RE = re.compile(r"compare_answer\(\s*[\"']([0-9]{2}[a-z]?)[\"']\s*,\s*[\"']([a-z][a-z0-9_]*)[\"']\s*\)")


class Answer(Strict):
    """One model answer, for one prompt or for one interactive's set of guiding questions."""

    id: Id
    kind: Literal["prompt", "guiding"]
    """``prompt``: an "A question to think about"; ``guiding``: the guiding questions beside an interactive."""
    question: Text
    """The question in a few words (for teachers and the review packet; the notebook shows the full question)."""
    answer: Text
    """The model answer in the course's own words; ``[@Key]`` wherever it states a fact."""
    extension: bool = False
    """True for prompts beyond the chapter's core six (shown as "extension")."""


class AnswerFile(ContentFile):
    chapter: Text
    """The notebook stem (``01_understanding_back_pain``)."""
    answers: list[Answer] = Field(min_length=1)

    def content_problems(self, ctx):
        """(where, message): the chapter is named like the file, and answer ids are unique."""
        stem = ctx.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        if self.chapter != stem:
            yield "chapter", f"says {self.chapter!r} but the file is {stem}.yaml"
        seen: set[str] = set()
        for i, a in enumerate(self.answers):
            if a.id in seen:
                yield f"answers.{i}.id", f"duplicate answer id {a.id!r}"
            seen.add(a.id)

    def answer(self, answer_id: str) -> Answer:
        for a in self.answers:
            if a.id == answer_id:
                return a
        known = ", ".join(a.id for a in self.answers)
        raise KeyError(f"no answer {answer_id!r} in content/{FOLDER}/{self.chapter}.yaml; known ids: {known}")


def answers_file(chapter: str, root: str | Path | None = None) -> Path:
    """The answers file of a chapter given its number (``"01"``, ``"03a"``) or its notebook stem."""
    folder = (Path(root) if root else content_dir()) / FOLDER
    matches = sorted(folder.glob(f"{chapter}.yaml")) or sorted(folder.glob(f"{chapter}_*.yaml"))
    if len(matches) != 1:
        raise FileNotFoundError(f"no answers file for chapter {chapter!r} in content/{FOLDER}/ (one file per "
                                "chapter, e.g. 01_understanding_back_pain.yaml)")
    return matches[0]


def read_answers(path: str | Path) -> AnswerFile:
    """Read and check one answers file (uncached) through the one content loader; every problem is reported together
    in a :class:`ContentError` naming file, line and field."""
    from .store import read

    path = Path(path)
    return read(f"{FOLDER}/{path.stem}.yaml", path=path)


def load_answers(chapter: str) -> AnswerFile:
    """The (cached) answers of a chapter: ``load_answers("01")``."""
    from .store import load

    return load(f"{FOLDER}/{answers_file(chapter).name}")


def all_answer_files(root: str | Path | None = None) -> list[Path]:
    return sorted(((Path(root) if root else content_dir()) / FOLDER).glob("[0-9]*.yaml"))


def answer_texts_in(source: str) -> list[str]:
    """The answer texts a code cell's source shows with ``bc.compare_answer`` (for the lint and the references).

    >>> answer_texts_in('bc.compare_answer("01", "rate_vs_number")')[0][:20]
    'The number of people'
    >>> answer_texts_in("bc.show_burden()")
    []
    """
    return [load_answers(ch).answer(aid).answer for ch, aid in CALL_RE.findall(source)]
