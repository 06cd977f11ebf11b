"""Model of ``content/chapters/03_care_team.yaml``: who does what in back pain care (chapter 03b)."""
from __future__ import annotations

from pydantic import Field, model_validator

from .models import ContentFile, Id, Key, Strict, Text


class CareRole(Strict):
    """One member of the care team: what they do, when they come in, and what is not their role."""

    id: Id
    name: Text
    what_they_do: Text
    when_involved: Text
    not_their_role: Text
    references: list[Key]
    editorial: bool = False

    @model_validator(mode="after")
    def _sourced(self) -> "CareRole":
        if not self.references and not self.editorial:
            raise ValueError("a role needs references, or editorial: true when it describes how care is organised")
        return self


class CareTeamFile(ContentFile):
    note: Text
    roles: list[CareRole] = Field(min_length=1)
