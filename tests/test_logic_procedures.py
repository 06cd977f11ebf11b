"""backcare.logic.procedures: the care team and natural frequencies of chapters 03 and 05 (numbers typed by hand from the fact sheet)."""
from __future__ import annotations

import pytest

from backcare import fmt
from backcare.content import procedure_risks
from backcare.logic import procedures as logic_procedures


# ---- care team -------------------------------------------------------------------------------------------------------
def test_care_team_has_the_nine_roles_in_order():
    assert [r.id for r in logic_procedures.load_care_team().roles] == [
        "gp", "physiotherapist", "nurse", "pharmacist", "psychologist", "chiropractor", "occupational_therapist",
        "pain_physician", "surgeon"]


def test_chiropractic_is_a_profession_and_manipulation_a_technique():
    chiro = next(r for r in logic_procedures.load_care_team().roles if r.id == "chiropractor")
    assert "Spinal manipulation is a technique, not a profession" in chiro.what_they_do
    assert "Rubinstein2019" in chiro.references


# ---- natural frequencies ---------------------------------------------------------------------------------------------
def test_frequencies_hold_the_fact_sheet_numbers():
    # typed by hand from the clinical brief: Peul 2007 complications 1.6%, repeat surgery <4%;
    # Zaina 2016 side effects 10-24%; Peul 2007 39% (55/142) of the conservative arm operated by 1 year.
    assert (logic_procedures.frequency("discectomy_complications").low, logic_procedures.frequency("discectomy_complications").per) == (16, 1000)
    assert logic_procedures.frequency("discectomy_repeat_surgery_1_year").high == 40
    dec = logic_procedures.frequency("decompression_side_effects")
    assert (dec.low, dec.high, dec.approximate) == (100, 240, False)
    wait = logic_procedures.frequency("peul_waiting_operated_1_year")
    assert (wait.low, wait.per, wait.category) == (39, 100, "course")


def test_unconfirmed_frequencies_are_flagged_approximate():
    for f in logic_procedures.load_procedures().frequencies:
        if f.confidence in ("~", "M", "?"):
            assert f.approximate, f.id
            assert fmt.frequency_sentence(f).endswith("Approximate figure."), f.id


def test_icon_counts_add_up_to_the_denominator():
    assert logic_procedures.icon_counts(logic_procedures.frequency("discectomy_complications")) == (16, 0, 984)
    assert logic_procedures.icon_counts(logic_procedures.frequency("decompression_side_effects")) == (100, 140, 760)
    assert logic_procedures.icon_counts(logic_procedures.frequency("peul_waiting_operated_1_year")) == (39, 0, 61)
    for f in logic_procedures.load_procedures().frequencies:
        assert sum(logic_procedures.icon_counts(f)) == f.per


def test_rare_frequency_is_said_per_10000(tmp_path):
    f = procedure_risks.Frequency(id="rare", label="Rare event", treatment="epidural_steroid_injection", category="harm",
                    event="had a rare event", unit="injections", kind="about", low=0.7, high=0.7,
                    reference="FDA2014", confidence="~", approximate=True)
    assert fmt.frequency_sentence(f) == ("About 7 in every 10,000 injections had a rare event (0.07%). "
                                       "Approximate figure.")
    assert logic_procedures.icon_counts(f) == (0, 0, 1000)  # too rare to draw: never rounded up to one person


def test_unknown_frequency_names_the_known_ids():
    with pytest.raises(KeyError, match="no frequency 'nope' .*known: .*discectomy_complications"):
        logic_procedures.frequency("nope")


def test_epidural_injection_frequencies_are_approximate_and_per_injection():
    # typed by hand from the fact sheet §9c (Benedetti 2009 review, ~/?): 0.07% of 5334 injections; about 5 per
    # 1000 minor; up to 9.6% including minor events.
    rows = logic_procedures.frequencies_for("epidural_steroid_injection", "harm")
    assert [(f.kind, f.low, f.high, f.unit, f.approximate) for f in rows] == [
        ("about", 0.7, 0.7, "injections", True), ("about", 5, 5, "injections", True),
        ("up_to", 0, 96, "injections", True)]
    assert fmt.frequency_sentence(rows[0]).startswith("About 7 in every 10,000 injections had any complication")
    assert logic_procedures.icon_counts(rows[0]) == (0, 0, 1000)
    assert fmt.frequency_sentence(rows[2]).startswith("Up to 96 in every 1,000 injections")
    assert "(up to 9.6%)" in fmt.frequency_sentence(rows[2])


def test_waiting_group_two_year_figure():
    f = logic_procedures.frequency("peul_waiting_operated_2_years")
    assert (f.low, f.per, f.reference) == (44, 100, "Peul2008")
