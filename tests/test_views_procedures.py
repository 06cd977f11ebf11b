"""backcare.views.procedures: the care-team table and the "when invasive care is right" box."""
from __future__ import annotations

import pytest

from backcare.logic import procedures as logic_procedures
from backcare.views import procedures as views_procedures


def test_care_team_table_lists_every_role_with_sources():
    table = views_procedures.care_team_table()
    assert table.html.count('<th scope="row"') == 9
    assert "Rubinstein 2019" in table.html
    assert "how care is usually organised (editorial)" in table.html  # nurse, occupational therapist
    assert table.text.startswith("Care team: 9 roles (General practitioner (family doctor);")


# ---- when invasive care is right -------------------------------------------------------------------------------------
def test_when_invasive_care_is_right_names_the_situations():
    box = views_procedures.when_invasive_care_is_right()
    assert [ind.id for ind in logic_procedures.load_procedures().indications] == [
        "cauda_equina_syndrome", "progressive_neurological_deficit", "spinal_infection", "unstable_fracture",
        "sciatica_faster_relief"]
    assert box.text.splitlines()[1] == "- Suspected cauda equina syndrome (Emergency: same day)"
    assert "Teaching material, not medical advice." in box.html
    assert "Planned choice: not an emergency" in box.html  # sciatica: faster relief, an elective choice
