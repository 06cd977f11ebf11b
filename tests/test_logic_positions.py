"""backcare.logic.positions: guideline directions per treatment, typed by hand from the fact sheet; gaps shown honestly."""
from __future__ import annotations

import pytest

from backcare.views import positions as views_positions


# (treatment, guideline) -> directions, typed by hand from the fact sheet (§6b, §7, §13 win over earlier rows)
EXPECTED = {
    ("paracetamol", "NICE"): ("against",),               # do not offer paracetamol alone
    ("paracetamol", "WHO"): ("no_recommendation",),      # no eligible evidence (§13/§15)
    ("opioids", "WHO"): ("against",),                    # conditional against
    ("opioids", "NICE"): ("for", "against", "against"),  # weak opioid acute if NSAID unsuitable; not chronic/sciatica
    ("opioids", "CDC"): ("only_if", "only_if"),          # non-opioid options first; opioids only if (issue 15)
    ("acupuncture", "NICE"): ("against",),
    ("acupuncture", "ACP"): ("for", "for"),
    ("acupuncture", "WHO"): ("for",),
    ("muscle_relaxants", "ACP"): ("for",),
    ("muscle_relaxants", "WHO"): ("against",),
    ("muscle_relaxants", "NICE"): ("not_addressed",),
    ("antidepressants", "NICE"): ("against",),
    ("antidepressants", "ACP"): ("for",),
    ("antidepressants", "WHO"): ("against",),
    ("nsaids", "NICE"): ("for",),
    ("nsaids", "WHO"): ("for",),
    ("oral_corticosteroids", "NICE"): ("against",),
    ("oral_corticosteroids", "WHO"): (None,),            # not seen: unconfirmed, never a guessed direction
    ("anticonvulsants", "WHO"): (None,),
}


@pytest.mark.parametrize("pair", sorted(EXPECTED, key=str), ids=lambda p: f"{p[0]}-{p[1]}")
def test_direction_per_treatment_and_guideline(pair):
    tid, g = pair
    assert views_positions.positions_matrix([tid], guidelines=[g]).states(tid, g) == EXPECTED[pair]


def test_unconfirmed_position_is_shown_as_such_with_its_note():
    text = views_positions.positions_matrix(["oral_corticosteroids"]).cell_text("oral_corticosteroids", "WHO")
    assert text.startswith("? unconfirmed (chronic low back pain). Note: ")


def test_recommendation_ids_appear_in_cells():
    m = views_positions.positions_matrix(["nsaids"])
    assert m.cell_text("nsaids", "ACP") == ("✓ for (acute low back pain; strong; moderate certainty; recommendation 1) | "
                                            "✓ for (chronic low back pain; weak; moderate certainty; recommendation 3)")


def test_cdc_column_only_when_opioids_are_listed():
    assert views_positions.positions_matrix(["nsaids", "paracetamol"]).guidelines == ("NICE", "ACP", "WHO")
    assert views_positions.positions_matrix("non_invasive").guidelines == ("NICE", "ACP", "WHO")
    assert views_positions.positions_matrix("medicine").guidelines == ("NICE", "ACP", "WHO", "CDC")


def test_condition_filter_and_other_population_cells():
    m = views_positions.positions_matrix(["paracetamol", "muscle_relaxants"], condition="acute_nonspecific_lbp")
    assert m.states("paracetamol", "WHO") == ("other_population",)
    assert m.cell_text("paracetamol", "WHO") == ("– no position for this group. "
                                                 "Note: WHO speaks to this option for chronic low back pain.")
    assert m.states("muscle_relaxants", "ACP") == ("for",)
