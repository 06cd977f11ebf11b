"""The cast list (content/cast.yaml): every made-up person the chapters introduce, once (issue 15 item 7).

Examples
--------
>>> people = {p.name: p for p in load_cast().people}
>>> people["Kofi"].age, people["Samir"].chapters
(52, ['05a', '05b'])
"""
from __future__ import annotations


from pydantic import Field, model_validator

from .models import Id, Strict, Text

CAST_FILE = "cast.yaml"


class Person(Strict):
    """One made-up person: one name, one age, one story, and the chapters that may use them."""

    id: Id
    name: Text
    age: int = Field(ge=16, le=110)
    chapters: list[Text] = Field(min_length=1)
    story: Text


class CastFile(Strict):
    people: list[Person] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_name_one_person(self) -> "CastFile":
        names = [p.name.casefold() for p in self.people]
        if len(set(names)) != len(names):
            raise ValueError("each name may belong to one person only")
        return self


def load_cast() -> CastFile:
    """The validated cast (cached by the one content loader)."""
    from .store import load

    return load(CAST_FILE)
