"""Chapter 06: selection logic (expected values typed by hand from the fact sheet), charts, explorer, FAQ."""
from __future__ import annotations

import pytest

from backcare import compare
from backcare.compare import select_options


def _status(rows, treatment):
    found = [r.status for r in rows if r.treatment == treatment]
    assert len(found) <= 1, f"{treatment} listed twice"
    return found[0] if found else None


# ---- select_options: expectations from the fact sheet (§6, §7, §13), not from the code -------------------------

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
    (("chronic", "NICE"), "unknown condition 'chronic'; choose one of: acute_nonspecific_lbp, chronic_lbp, "
                          "sciatica, stenosis"),
    (("chronic_lbp", "nice"), "unknown guideline 'nice'; choose one of: NICE, ACP, WHO, CDC"),
    (("chronic_lbp", "NICE", 6), r"max_level must be a whole number from 0 to 5 \(or None for all levels\), got 6"),
    (("chronic_lbp", "NICE", True), "got True"),
    (("chronic_lbp", "NICE", 2.0), "got 2.0"),
])
def test_bad_input_names_the_problem(args, message):
    with pytest.raises(ValueError, match=message):
        select_options(*args)


def test_rows_by_level_keeps_every_level():
    grouped = compare.rows_by_level(select_options("sciatica", "NICE"))
    assert list(grouped) == [0, 1, 2, 3, 4, 5]
    assert grouped[4] == []
    assert [r.treatment for r in grouped[5]] == ["discectomy"]


# ---- charts: alt text states the plotted numbers -----------------------------------------------------------------

def test_scale_counts_by_hand():
    counts = compare.scale_counts()
    # stenosis: education (0), exercise therapy (1), epidural steroid injection (3), decompression and fusion (5)
    assert counts["stenosis"] == [1, 1, 0, 1, 0, 2]
    # sciatica: education; exercise, manipulation, CBT, multidisciplinary rehabilitation, traction;
    # anticonvulsants, opioids, oral steroids; ESI; discectomy
    assert counts["sciatica"] == [1, 5, 3, 1, 0, 1]
    alt = compare.options_on_scale_alt()
    assert "Spinal stenosis with neurogenic claudication: level 0 1, level 1 1, level 2 0, level 3 1" in alt


def test_benefit_panels_keep_scales_apart():
    panels = compare.benefit_panels("chronic_lbp")
    scales = [key[1] for key, _ in panels]
    assert scales == ["pain 0-10", "pain 0-100"]
    for key, effects in panels:
        assert {(e.measure, e.better) for e in effects} == {(key[2], key[3])}
    assert compare.benefit_panels("stenosis") == []


def test_benefit_and_harm_alt_text_has_the_numbers():
    alt = compare.benefit_and_harm_alt("chronic_lbp")
    # fact sheet §13: exercise −15 (−18 to −12); MINT facet −0.18 (−0.76 to 0.4); NSAIDs chronic −3.3 (−5.33 to −1.27)
    for text in ("−15 (−18 to −12)", "−0.18 (−0.76 to 0.4)", "−3.3 (−5.33 to −1.27)", "MID 2"):
        assert text in alt, text
    assert "gap in the evidence" in compare.benefit_and_harm_alt("stenosis")


def test_show_benefit_and_harm_renders_with_alt():
    shown = compare.show_benefit_and_harm("sciatica")
    assert shown.png.startswith(b"\x89PNG")
    assert "−4.93 (−8.77 to −1.09)" in shown.alt  # ESI leg pain vs placebo (Oliveira 2020, approximate)
    assert "Source" in shown.table.columns


def test_harm_class_by_hand():
    assert compare.harm_class("opioids") == "serious_sourced"      # OPAL, CDC
    assert compare.harm_class("spinal_fusion") == "serious_unconfirmed"  # M, unsourced
    assert compare.harm_class("education_advice") == "none_recorded"


# ---- explorers: the right view for the control ----------------------------------------------------------------

def test_options_explorer_switches_view():
    ex = compare.options_explorer("chronic_lbp", "NICE")
    assert "Chronic low back pain: what NICE" in ex.visible_html()
    ex.outer.index = list(compare.CONDITIONS).index("sciatica")
    ex.inner.index = compare.GUIDELINES.index("WHO")
    html_ = ex.visible_html()
    assert html_ == compare.options_view_html("sciatica", "WHO")
    assert "Sciatica (radicular leg pain): what WHO" in html_
    assert "score" not in html_.lower() and "rank" not in html_.replace("not ranked", "").lower()


def test_options_view_lists_levels_in_order_and_marks_empty_levels():
    html_ = compare.options_view_html("stenosis", "NICE")
    positions = [html_.index(f"<h4>Level {lv}:") for lv in range(6)]
    assert positions == sorted(positions)
    assert html_.count("No option at this level for this condition.") == 2  # levels 2 and 4


def test_benefit_and_harm_explorer_views():
    ex = compare.benefit_and_harm_explorer("sciatica")
    assert "Sciatica" in ex.visible_html() and 'alt="' in ex.visible_html()
    with pytest.raises(ValueError, match="unknown condition 'back'"):
        compare.benefit_and_harm_explorer("back")


def test_time_to_effect_marks_editorial_estimates():
    rows = compare.time_to_effect_rows("acute_nonspecific_lbp")
    nsaids = next(r for r in rows if r[1].startswith("Non-steroidal"))
    assert nsaids[3] == "van der Gaag 2020"
    heat = next(r for r in rows if r[1].startswith("Superficial heat"))
    assert heat[3] == "course estimate (editorial, not sourced)"
    ex = compare.time_to_effect_explorer()
    ex.control.index = 2
    assert "Sciatica" in ex.visible_html() and "95" in ex.visible_html()  # Peul: about 95% recovered at 1 year


# ---- pathways, disagreements, access ---------------------------------------------------------------------------

def test_pathways_uk_positive_us_not_replicated():
    block = compare.show_care_pathways()
    assert "- UK primary care (STarT Back trial) (benefit found)" in block.text
    assert "- US primary care (MATCH, a cluster trial in 6 clinics) (no benefit found)" in block.text
    assert "1.81 (1.06 to 2.57)" in block.html  # Hill 2011, RMDQ at 4 months
    assert "Where red flags leave the pathway" in block.html


def test_disagreements_are_derived_from_positions():
    from backcare.content import load_content

    block = compare.show_disagreements()
    derived = [d.treatment for d in load_content().disagreements()]
    names = [load_content().treatments[t].name for t in derived]
    assert [line[2:].split(":")[0] for line in block.text.splitlines()[1:]] == names
    assert ("Acupuncture and dry needling: ACP ✓ for (acute low back pain) / ✓ for (chronic low back pain); "
            "NICE ✗ against (all low back pain); WHO ✓ for (chronic low back pain)") in block.text


def test_access_us_is_one_dated_example():
    block = compare.show_access_and_coverage()
    assert "1 July 2021" in block.html and "1 July 2023" in block.html
    assert "Check your own plan or health system" in block.html
    assert block.html.index("How access works in most health systems") < block.html.index("One dated example")


def test_chapter_file_ids_resolve():
    assert compare.check_chapter(compare.load_chapter()) == []


def test_chapter_file_with_unknown_key_names_it(tmp_path):
    from backcare.paths import content_dir

    text = (content_dir() / "chapters" / compare.CHAPTER_FILE).read_text(encoding="utf-8")
    bad = tmp_path / compare.CHAPTER_FILE
    bad.write_text(text.replace("references: [Cherkin2018]", "references: [Nobody1999]", 1), encoding="utf-8")
    with pytest.raises(ValueError, match=r"pathways\.0\.findings\.1: unknown reference 'Nobody1999'"):
        compare.load_chapter(bad)


def test_chapter_schema_is_current():
    """content/chapters/schema/06_comparing_options.json is generated from the model: regenerate and compare."""
    from backcare.content.schema import render_schema
    from backcare.paths import content_dir

    folder = content_dir() / "chapters"
    expected = render_schema(compare.Chapter06, "backcare chapter dataset: 06_comparing_options.yaml")
    assert (folder / "schema" / "06_comparing_options.json").read_text(encoding="utf-8") == expected
    assert (folder / compare.CHAPTER_FILE).read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=schema/06_comparing_options.json")
