"""The teaching kit's data (``content/teaching.yaml``): how to adapt the series for each profession."""
from __future__ import annotations

from pydantic import Field

from .models import ContentFile, Id, Strict, Text

__all__ = ["Profession", "TeachingFile"]


class Profession(Strict):
    id: Id
    name: Text
    focus: Text
    chapters: list[str] = Field(min_length=1)
    activity: Text
    assessment: Text


class TeachingFile(ContentFile):
    professions: list[Profession] = Field(min_length=1)
