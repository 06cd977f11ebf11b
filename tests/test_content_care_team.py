"""backcare.content.care_team: the care-team model (a role without sources must be editorial)."""
from __future__ import annotations

import pytest

from backcare.content import ContentError, load_yaml_model
from backcare.content import care_team


def test_role_without_sources_must_be_editorial(tmp_path):
    bad = tmp_path / "team.yaml"
    bad.write_text(
        "note: x\nroles:\n"
        "  - {id: gp, name: GP, what_they_do: a, when_involved: b, not_their_role: c, references: []}\n",
        encoding="utf-8")
    with pytest.raises(ContentError, match="a role needs references, or editorial: true"):
        load_yaml_model(bad, care_team.CareTeamFile)
