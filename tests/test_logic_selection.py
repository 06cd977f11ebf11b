"""backcare.logic.selection: chapter 06 option selection (expected values typed by hand from the fact sheet), listed by level."""
from __future__ import annotations

import pytest

from backcare.logic import selection
from backcare.logic.selection import select_options


def _status(rows, treatment):
    found = [r.status for r in rows if r.treatment == treatment]
    assert len(found) <= 1, f"{treatment} listed twice"
    return found[0] if found else None


def test_chronic_lbp_nice_up_to_medicines():
    rows = select_options("chronic_lbp", "NICE", max_level=2)
    # fact sheet §6b: NICE "do not offer opioids for chronic LBP"; no injection at levels <= 2
    assert not [r for r in rows if r.treatment == "opioids" and r.status == "for"]
    assert _status(rows, "opioids") == "against"
    assert not [r for r in rows if r.level >= 3]
    assert not [r for r in rows if r.treatment in ("epidural_steroid_injection", "facet_joint_injection")]
    # §7: acupuncture NICE do not offer; paracetamol alone NICE do not offer
    assert _status(rows, "acupuncture") == "against"
    assert _status(rows, "paracetamol") == "against"
    # §6a/§6b: exercise consider, NSAIDs consider, SSRIs/SNRIs/TCAs do not offer, anticonvulsants do not offer
    assert _status(rows, "exercise_therapy") == "for"
    assert _status(rows, "nsaids") == "for"
    assert _status(rows, "antidepressants") == "against"
    assert _status(rows, "anticonvulsants") == "against"
    assert _status(rows, "tens") == "against"
    assert _status(rows, "traction") == "against"


def test_rows_are_listed_by_level_not_ranked():
    rows = select_options("chronic_lbp", "NICE")
    levels = [r.level for r in rows]
    assert levels == sorted(levels)
    assert {r.level for r in rows} == {0, 1, 2, 3, 4, 5}
    assert not hasattr(rows[0], "score") and not hasattr(rows[0], "rank")


def test_manual_therapy_carries_nice_condition():
    row = next(r for r in select_options("chronic_lbp", "NICE") if r.treatment == "spinal_manipulation")
    assert row.status == "for"
    assert row.status_label == "for (consider)"
    assert "exercise" in row.position.condition


def test_chronic_lbp_nice_invasive_levels():
    rows = select_options("chronic_lbp", "NICE")
    # §6c/§6d: RF denervation consider (after a positive medial branch block); fusion and disc replacement do not offer
    assert _status(rows, "rf_denervation") == "for"
    assert _status(rows, "spinal_fusion") == "against"
    assert _status(rows, "disc_replacement") == "against"
    assert _status(rows, "facet_joint_injection") == "against"
    # SCS is not in NG59
    assert _status(rows, "spinal_cord_stimulation") == "not_addressed"


def test_sciatica_nice_specific_position_beats_any_lbp():
    rows = select_options("sciatica", "NICE")
    # §6c: ESI consider for acute and severe sciatica, although NICE says no spinal injections for LBP without sciatica
    esi = next(r for r in rows if r.treatment == "epidural_steroid_injection")
    assert esi.status == "for" and "sciatica" in esi.position.condition.lower()
    # §6b (2020 update): no gabapentinoids/anticonvulsants, no oral steroids, no opioids for chronic sciatica
    assert _status(rows, "anticonvulsants") == "against"
    assert _status(rows, "oral_corticosteroids") == "against"
    assert _status(rows, "opioids") == "against"
    # §6d: consider decompression (discectomy) when non-surgical care has failed
    assert _status(rows, "discectomy") == "for"


def test_stenosis_nice_esi_against_and_decompression_unconfirmed():
    rows = select_options("stenosis", "NICE")
    assert _status(rows, "epidural_steroid_injection") == "against"  # §6c: not for neurogenic claudication
    dec = next(r for r in rows if r.treatment == "decompression")
    assert dec.status == "unconfirmed" and dec.position.direction is None and dec.reason


def test_acp_acute_and_scope():
    rows = select_options("acute_nonspecific_lbp", "ACP")
    # §6a/§6b: ACP acute: heat, massage, acupuncture, SMT, NSAIDs, muscle relaxants recommended
    for tid in ("superficial_heat", "massage", "acupuncture", "spinal_manipulation", "nsaids", "muscle_relaxants"):
        assert _status(rows, tid) == "for", tid
    assert _status(rows, "oral_corticosteroids") == "against"  # §13: not even with radicular symptoms
    invasive = select_options("chronic_lbp", "ACP")
    assert {r.status for r in invasive if r.level >= 3} == {"out_of_scope"}  # ACP: noninvasive only


def test_who_chronic_and_acute():
    rows = select_options("chronic_lbp", "WHO")
    # §13: WHO conditional for needling, SMT, massage, exercise; against opioids, muscle relaxants,
    # antidepressants, TENS, traction; paracetamol no recommendation; MBSR not confirmed
    for tid in ("acupuncture", "spinal_manipulation", "massage", "exercise_therapy"):
        assert _status(rows, tid) == "for", tid
    for tid in ("opioids", "muscle_relaxants", "antidepressants", "tens", "traction"):
        assert _status(rows, tid) == "against", tid
    assert _status(rows, "paracetamol") == "no_recommendation"
    assert _status(rows, "mbsr") == "unconfirmed"
    # WHO 2023 covers chronic primary LBP only
    acute = select_options("acute_nonspecific_lbp", "WHO")
    assert {r.status for r in acute} == {"no_position"}
    assert "chronic low back pain" in acute[0].reason


def test_cdc_speaks_only_to_opioids():
    rows = select_options("chronic_lbp", "CDC")
    assert _status(rows, "opioids") == "only_if"  # prefers non-opioid care; not "against" (issue 15)
    others = [r for r in rows if r.treatment != "opioids"]
    assert others and {r.status for r in others} == {"out_of_scope"}
    assert others[0].reason == "CDC 2022 speaks only to opioids (including tramadol)."


def test_max_level_zero_and_filtering():
    rows = select_options("acute_nonspecific_lbp", "NICE", max_level=0)
    assert [r.treatment for r in rows] == ["education_advice", "superficial_heat", "lumbar_supports"]


@pytest.mark.parametrize("args, message", [
    (("chronic", "NICE"), r"'chronic' is not a valid condition; supported values are acute_nonspecific_lbp, "
                          r"chronic_lbp, sciatica, stenosis \(similar: chronic_lbp\)"),
    (("chronic_lbp", "nice"), r"'nice' is not a valid guideline; supported values are NICE, ACP, WHO, CDC "
                              r"\(similar: NICE\)"),
    (("chronic_lbp", "NICE", 6), r"max_level must be a whole number from 0 to 5 \(or None for all levels\), got 6"),
    (("chronic_lbp", "NICE", True), "got True"),
    (("chronic_lbp", "NICE", 2.0), "got 2.0"),
])
def test_bad_input_names_the_problem(args, message):
    with pytest.raises(ValueError, match=message):
        select_options(*args)


def test_rows_by_level_keeps_every_level():
    grouped = selection.rows_by_level(select_options("sciatica", "NICE"))
    assert list(grouped) == [0, 1, 2, 3, 4, 5]
    assert grouped[4] == []
    assert [r.treatment for r in grouped[5]] == ["discectomy"]
