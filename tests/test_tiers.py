"""Treatment-tier builders: options per tier, guideline directions typed by hand from the fact sheet, effect charts
with comparator and MID on every row, alt text with the plotted numbers, explorers, evidence boxes, escaping."""
from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import backcare as bc  # noqa: E402
from backcare import tiers  # noqa: E402
from backcare.content import load_content  # noqa: E402

C = load_content()


# ---- options per tier ----------------------------------------------------------------------------------------

def test_medicine_tier_lists_the_seven_medicines_by_name():
    assert [t.id for t in tiers.tier_options("medicine")] == [
        "anticonvulsants", "antidepressants", "nsaids", "opioids", "oral_corticosteroids", "paracetamol",
        "muscle_relaxants"]


def test_options_by_tier_and_condition():
    assert [t.id for t in tiers.options("medicine", "acute_nonspecific_lbp")] == [
        "nsaids", "opioids", "paracetamol", "muscle_relaxants"]
    assert [t.id for t in tiers.options("injection_procedure", "sciatica")] == ["epidural_steroid_injection"]
    assert [t.id for t in tiers.options("surgery")] == ["decompression", "discectomy", "disc_replacement",
                                                        "spinal_fusion"]
    assert [t.id for t in tiers.options("self_care", "sciatica")] == ["education_advice"]


def test_options_are_ordered_by_invasiveness_then_name_across_tiers():
    found = tiers.options(condition="sciatica")
    keys = [(t.invasiveness, t.name.lower()) for t in found]
    assert keys == sorted(keys)
    assert found[0].id == "education_advice" and found[-1].id == "discectomy"


@pytest.mark.parametrize("call, message", [
    (lambda: tiers.tier_options("pills"), "unknown tier 'pills'; tiers are: self_care, non_invasive, medicine"),
    (lambda: tiers.options(condition="lumbago"), "unknown condition 'lumbago'; conditions are: acute_nonspecific_lbp"),
    (lambda: tiers.show_effects(["nsaids"], outcome="happiness"), "unknown outcome 'happiness'; outcomes are: pain"),
    (lambda: tiers.show_effects("aspirin"), "unknown treatment 'aspirin'; see content/treatments.yaml"),
    (lambda: tiers.positions_matrix(["nsaids"], guidelines=["AMA"]), "unknown guideline 'AMA'; guidelines are: NICE"),
    (lambda: tiers.evidence_box("cupping"), "no seed claim on 'cupping'; topics are: facet_injections"),
    (lambda: tiers.tier_explorer("medicine", guideline="CDCX"), "guideline must be one of NICE, ACP, WHO, CDC"),
])
def test_bad_input_gives_a_clear_message(call, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        call()


# ---- options table -----------------------------------------------------------------------------------------

def _row(table, name_start):
    return next(r for r in table.rows if r[0][0].startswith(name_start))


def test_options_table_shows_effects_with_comparator_mid_and_certainty():
    table = tiers.options_table("medicine", "acute_nonspecific_lbp")
    nsaids = " ".join(_row(table, "Non-steroidal")[3])
    assert "−7.29 (−10.98 to −3.61) vs placebo; MID 10; moderate certainty" in nsaids
    relaxants = " ".join(_row(table, "Skeletal")[3])
    assert "−7.7 (−12.1 to −3.3) vs placebo; MID 10; very low certainty" in relaxants


def test_no_evidence_is_a_gap_never_zero():
    table = tiers.options_table("medicine", "acute_nonspecific_lbp")
    paracetamol = _row(table, "Paracetamol")[3]
    assert paracetamol == ("— no pooled estimate in this series",)
    assert "— no pooled estimate in this series" in table.to_text()
    assert " 0 (" not in table.to_text()


def test_chronic_view_keeps_acute_effects_out():
    text = tiers.options_table("medicine", "chronic_lbp").to_text()
    assert "−3.3 (−5.33 to −1.27) vs placebo" in text
    assert "−7.29" not in text


def test_time_to_effect_is_sourced_or_marked_editorial_and_harms_flag_unconfirmed():
    table = tiers.options_table("medicine")
    anti = _row(table, "Antidepressants")
    assert anti[4][0].endswith("[course estimate, not from a source]")
    assert "(not confirmed)" in anti[5][0]
    nsaids = _row(table, "Non-steroidal")
    assert nsaids[4][0].endswith("[van der Gaag 2020]")
    assert _row(table, "Paracetamol")[5][0] == "None listed in this series (not the same as none)."


def test_diagnostic_option_has_no_effect_on_pain():
    table = tiers.options_table("injection_procedure")
    mbb = _row(table, "Medial branch block")
    assert mbb[3] == ("Diagnostic test, not a treatment: it has no effect on pain to report.",)
    assert mbb[2][0].endswith("(a diagnostic test)")
    with pytest.raises(ValueError, match="no effect estimates held for medial_branch_block with outcome pain"):
        tiers.show_effects("medial_branch_block", outcome="pain")
    fake = C.effect("nsaids_acute_pain").model_copy(update={"treatment": "medial_branch_block"})
    with pytest.raises(ValueError, match="medial_branch_block is a diagnostic procedure: it has no effect on pain"):
        tiers.plot_effects([fake])


def test_options_table_text_plain_is_deterministic_and_html_has_headers():
    a = tiers.options_table("medicine")._repr_mimebundle_()
    b = tiers.options_table("medicine")._repr_mimebundle_()
    assert a == b
    assert a["text/plain"].startswith("Medicines: all options (listed by invasiveness, then name; not a ranking)")
    assert '<th scope="col" style="text-align:left;vertical-align:top">Effect (vs comparator, certainty)</th>' in a[
        "text/html"]
    assert a["text/html"].count('<th scope="row"') == 7


def test_html_escaping_of_content_text():
    table = tiers.OptionsTable("T <i>", ("Option", "What"), ((("<script>x</script>",), ("a & b",)),))
    html = table.to_html()
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html and "a &amp; b" in html
    cell = tiers.PositionCell("for", "any_lbp", condition='only "with" <exercise>', paraphrase="<b>bold</b>")
    assert "&lt;exercise&gt;" in cell.html(paraphrase=True) and "<b>bold" not in cell.html(paraphrase=True)


def test_evidence_box_escapes_text(monkeypatch):
    claim = tiers.SeedClaim.model_construct(topic="x", title="A <b>", claim="c <script>", evidence="e & -5 points",
                                            verdict="v", treatments=["opioids"], references=["Jones2023"],
                                            numbers=[])
    monkeypatch.setattr(tiers, "seed_claims", lambda: {"x": claim})
    html = tiers.evidence_box("x").html
    assert "<script>" not in html and "&lt;script&gt;" in html and "A &lt;b&gt;" in html
    assert "e &amp; −5 points" in html


# ---- effect chart --------------------------------------------------------------------------------------------

def _all_effects():
    return [e for e in C.effects]


def test_every_plotted_row_names_its_comparator_and_mid_and_certainty():
    effects = tiers.effects_of([t.id for t in tiers.tier_options("medicine")])
    alt = tiers.effects_alt_text(effects)
    for e in effects:
        words = tiers._row_words(e)
        assert words in alt
        assert f"vs {tiers.comparator_text(e)}" in words
        assert ("MID " + tiers.num(e.mid)) in words if e.mid is not None else "MID not stated by the source" in words
        assert tiers.CERTAINTY[e.certainty] in words


def test_nsaid_acute_and_chronic_share_a_panel_with_their_numbers_in_the_alt_text():
    shown = tiers.show_effects("nsaids", outcome="pain")
    assert shown.alt.startswith("Forest chart of 2 effect estimates on one scale.")
    assert ("NSAIDs vs placebo, acute low back pain, pain, up to 3 weeks: −7.29 (−10.98 to −3.61), MID 10, "
            "moderate certainty") in shown.alt
    assert ("NSAIDs vs placebo, chronic low back pain, pain, median follow-up 56 days: −3.3 (−5.33 to −1.27), "
            "MID not stated by the source, low certainty") in shown.alt
    assert [r[6] for r in shown.table.rows] == ["−7.29", "−3.3"]
    assert [r[8] for r in shown.table.rows] == ["10", "not stated"]


def test_different_scales_are_kept_in_separate_panels():
    effects = tiers.effects_of(["nsaids"])
    fig = tiers.plot_effects(effects)
    titles = [a.get_title(loc="left") for a in fig.axes]
    assert titles == ["pain 0-100 (mean difference; lower favours the treatment)",
                      "RMDQ 0-24 (mean difference; lower favours the treatment)"]
    assert "2 different scales, one panel each" in fig._suptitle.get_text()
    plt.close(fig)
    alt = tiers.effects_alt_text(effects)
    assert "on 2 scales, one panel each, kept apart because they cannot be compared" in alt
    with pytest.raises(ValueError, match=r"on 2 different scales \(pain 0-100; RMDQ 0-24\)"):
        _, ax = plt.subplots()
        tiers.plot_effects(effects, ax=ax)
    plt.close("all")


def test_mid_is_drawn_on_the_same_scale_as_the_estimate():
    e = C.effect("opioids_chronic_pain")
    fig = tiers.plot_effects([e])
    ax = fig.axes[0]
    dashed = [c for c in ax.collections if c.get_linestyle()[0][1] is not None]
    xs = {round(float(seg[0][0]), 6) for coll in dashed for seg in coll.get_segments()}
    assert xs == {-20.0}
    lo, hi = ax.get_xlim()
    assert lo < -20 and hi > 0
    plt.close(fig)


def test_effects_without_interval_say_so():
    e = C.effect("oral_steroids_leg_pain_3_weeks")
    alt = tiers.effects_alt_text([e])
    assert "0.3 (interval not reported)" in alt and "MID not stated by the source" in alt
    plt.close(tiers.plot_effects([e]))


def test_plot_effects_refuses_empty_and_foreign_input():
    with pytest.raises(ValueError, match="no effect estimates to plot: a gap in the evidence is shown as a gap"):
        tiers.plot_effects([])
    with pytest.raises(TypeError, match="plot_effects takes Effect records"):
        tiers.plot_effects([{"estimate": 1}])


# ---- guideline positions ---------------------------------------------------------------------------------------

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
    assert tiers.positions_matrix([tid], guidelines=[g]).states(tid, g) == EXPECTED[pair]


def test_cells_carry_symbol_word_and_conditions():
    m = tiers.positions_matrix(["paracetamol", "opioids", "spinal_manipulation", "medial_branch_block"])
    assert m.guidelines == ("NICE", "ACP", "WHO", "CDC")
    assert m.cell_text("paracetamol", "NICE") == ("✗ against (all low back pain; do not offer). "
                                                  "Condition: Paracetamol on its own.")
    assert m.cell_text("paracetamol", "WHO") == "○ no recommendation (chronic low back pain)"
    assert m.cell_text("opioids", "WHO") == "✗ against (chronic low back pain; conditional)"
    assert m.cell_text("paracetamol", "CDC") == "— out of scope. Note: CDC 2022 speaks only to opioids."
    assert m.cell_text("medial_branch_block", "ACP") == "— out of scope (chronic low back pain)"
    smt = m.cell_text("spinal_manipulation", "NICE")
    assert smt.startswith("✓ for") and "Condition:" in smt and "exercise" in smt
    html = m.to_html()
    assert "<strong>✗ against</strong>" in html and "<strong>Legend</strong>" in html
    assert "Why guidelines disagree" in html and "WHO guideline on non-surgical management" in html


def test_unconfirmed_position_is_shown_as_such_with_its_note():
    text = tiers.positions_matrix(["oral_corticosteroids"]).cell_text("oral_corticosteroids", "WHO")
    assert text.startswith("? unconfirmed (chronic low back pain). Note: ")


def test_recommendation_ids_appear_in_cells():
    m = tiers.positions_matrix(["nsaids"])
    assert m.cell_text("nsaids", "ACP") == ("✓ for (acute low back pain; strong; moderate certainty; recommendation 1) | "
                                            "✓ for (chronic low back pain; weak; moderate certainty; recommendation 3)")


def test_cdc_column_only_when_opioids_are_listed():
    assert tiers.positions_matrix(["nsaids", "paracetamol"]).guidelines == ("NICE", "ACP", "WHO")
    assert tiers.positions_matrix("non_invasive").guidelines == ("NICE", "ACP", "WHO")
    assert tiers.positions_matrix("medicine").guidelines == ("NICE", "ACP", "WHO", "CDC")


def test_condition_filter_and_other_population_cells():
    m = tiers.positions_matrix(["paracetamol", "muscle_relaxants"], condition="acute_nonspecific_lbp")
    assert m.states("paracetamol", "WHO") == ("other_population",)
    assert m.cell_text("paracetamol", "WHO") == ("– no position for this group. "
                                                 "Note: WHO speaks to this option for chronic low back pain.")
    assert m.states("muscle_relaxants", "ACP") == ("for",)


def test_legend_lists_only_symbols_used_with_words():
    m = tiers.positions_matrix(["acupuncture"])
    assert m.legend_text() == ("✓ for = recommended (as an option, or to consider); "
                               "✗ against = recommended against (do not offer, or not for routine use)")


def test_matrix_plain_text_is_deterministic():
    assert tiers.positions_matrix("medicine").to_text() == tiers.positions_matrix("medicine").to_text()


def test_why_guidelines_disagree_is_built_from_the_guideline_records():
    block = tiers.why_guidelines_disagree(("NICE", "WHO"))
    assert "NICE 2016, WHO 2023" in block.text
    assert f"({C.guidelines['NICE'].year}, updated {C.guidelines['NICE'].updated})" in block.text
    assert C.guidelines["WHO"].scope in block.text


# ---- explorer ------------------------------------------------------------------------------------------------

def test_tier_explorer_shows_the_chosen_condition_and_guideline():
    ex = tiers.tier_explorer("medicine")
    assert ex.outer_labels == ["Acute non-specific low back pain", "Chronic low back pain", "Sciatica"]
    assert ex.inner_labels == ["NICE", "ACP", "WHO", "CDC"]
    assert ex.visible_html() == tiers.explorer_view_html("medicine", "acute_nonspecific_lbp", "NICE")
    ex.outer.index = 1
    ex.inner.index = 2
    view = ex.visible_html()
    assert view == tiers.explorer_view_html("medicine", "chronic_lbp", "WHO")
    assert "Opioids should not be used as part of routine care." in view
    assert "<strong>✗ against</strong>" in view and "Paracetamol" not in view  # paracetamol: acute only
    assert ex._repr_mimebundle_()["text/plain"].endswith("Showing: Chronic low back pain / WHO.")


def test_tier_explorer_opens_on_the_case():
    ex = tiers.tier_explorer("medicine", condition="acute_nonspecific_lbp", guideline="CDC")
    view = ex.visible_html()
    assert "Non-opioid options are at least as effective" in view
    assert "CDC 2022 speaks only to opioids." in view


def test_explorer_view_escapes_and_has_a_caption():
    view = tiers.explorer_view_html("medicine", "sciatica", "NICE")
    assert view.startswith('<table class="bc-table"><caption>Medicines for sciatica: what NICE 2016 says')


# ---- evidence boxes ------------------------------------------------------------------------------------------

def test_seed_claims_cover_the_required_topics_and_their_numbers_match_content():
    claims = tiers.seed_claims()
    assert {"facet_injections", "acupuncture", "opioids", "chiropractic", "pain_free_life"} <= set(claims)
    assert tiers.check_seed_claims() == []


def test_check_seed_claims_catches_a_number_that_drifted(monkeypatch):
    real = tiers.seed_claims()["opioids"]
    drifted = real.model_copy(update={"evidence": real.evidence.replace("-10.1", "-12.0")})
    monkeypatch.setattr(tiers, "seed_claims", lambda: {"opioids": drifted})
    assert tiers.check_seed_claims() == [
        "opioids: effect:opioids_chronic_pain value -10.1 is not written in the evidence text"]


def test_opioid_evidence_box_states_the_numbers_and_sources():
    box = tiers.evidence_box("opioids")
    assert box.text.splitlines()[0] == "What the evidence says: Opioids"
    assert "−10.1 points on a 0-100 pain scale (−12.8 to −7.4)" in box.text
    assert "about 20%" in box.text and "about 10%" in box.text
    assert box.text.splitlines()[-1] == "Sources: Jones 2023; Abdel Shaheed 2016; NICE NG59 2016; WHO 2023; CDC 2022"
    assert 'class="bc-evidence" role="note"' in box.html
    assert box._repr_mimebundle_()["text/plain"] == box.text


def test_public_names_are_registered():
    for name in ("tier_options", "options", "options_table", "plot_effects", "show_effects", "positions_matrix",
                 "tier_explorer", "evidence_box", "why_guidelines_disagree", "benefit_and_harm",
                 "guideline_disagreements"):
        assert getattr(bc, name) is getattr(tiers, name)


# ---- benefit and harm, disagreements -------------------------------------------------------------------------

def test_benefit_and_harm_side_by_side_names_the_population_of_each_effect():
    card = tiers.benefit_and_harm("nsaids")
    lines = card.text.splitlines()
    assert lines[0] == "Non-steroidal anti-inflammatory drugs (NSAIDs): benefit and harm side by side"
    assert ("pain in acute low back pain (pain 0-100, up to 3 weeks): −7.29 (−10.98 to −3.61) vs placebo; MID 10; "
            "moderate certainty [van der Gaag 2020]") in lines[1]
    assert ("pain in chronic low back pain (pain 0-100 (VAS), median follow-up 56 days): −3.3 (−5.33 to −1.27) vs "
            "placebo; MID not stated by the source; low certainty [Enthoven 2016]") in lines[1]
    assert lines[2].startswith("Harms: Common: Stomach upset. Serious: Bleeding")
    assert '>Harms</th>' in card.html and card.html.count("<li>") == 4


def test_benefit_and_harm_for_a_condition_and_for_a_gap():
    assert "−7.29" not in tiers.benefit_and_harm("nsaids", "chronic_lbp").text
    anti = tiers.benefit_and_harm("antidepressants")
    assert anti.text.splitlines()[1] == "Benefit: — no pooled estimate in this series"


def test_guideline_disagreements_are_derived_from_positions():
    text = tiers.guideline_disagreements("medicine").text
    lines = text.splitlines()[1:]
    assert [ln.split(":")[0] for ln in lines] == [
        "- Anticonvulsants, including gabapentinoids (pregabalin, gabapentin)",
        "- Antidepressants (duloxetine and other SNRIs, TCAs, SSRIs)", "- Opioids (including tramadol)",
        "- Paracetamol (acetaminophen)", "- Skeletal muscle relaxants (non-benzodiazepine)"]
    relax = lines[-1]
    assert "ACP ✓ for (acute low back pain); WHO ✗ against (chronic low back pain)" in relax
    assert "Different people: the positions speak to acute low back pain, chronic low back pain." in relax
    assert not any(ln.startswith("- Non-steroidal") for ln in lines)


# ---- every tier, every effect --------------------------------------------------------------------------------

@pytest.mark.parametrize("tier", list(tiers.TIER_LABELS))
def test_every_tier_builds_table_matrix_and_explorer(tier):
    ids = [t.id for t in tiers.tier_options(tier)]
    assert ids, f"tier {tier} has no options"
    m = tiers.positions_matrix(tier)
    for tid in ids:
        for g in m.guidelines:
            for cell in m.cells[(tid, g)]:
                assert cell.symbol and cell.word, (tid, g)
    assert len(tiers.options_table(tier).rows) == len(ids)
    ex = tiers.tier_explorer(tier)
    assert ex.visible_html().startswith('<table class="bc-table"><caption>')


@pytest.mark.parametrize("effect_id", [e.id for e in C.effects])
def test_every_effect_in_content_plots_with_its_numbers_in_the_alt_text(effect_id):
    e = C.effect(effect_id)
    alt = tiers.effects_alt_text([e])
    assert f"{tiers.num(e.estimate)} ({tiers.interval_text(e)})" in alt
    assert f"vs {tiers.comparator_text(e)}" in alt
    assert (f"MID {tiers.num(e.mid)}" if e.mid is not None else "MID not stated by the source") in alt
    fig = tiers.plot_effects([e])
    assert len(fig.axes) == 1
    plt.close(fig)


from hypothesis import given, settings, strategies as st  # noqa: E402

_PAIN_100 = [e for e in C.effects if tiers._scale_key(e) == ("pain 0-100", "mean_difference", "lower")]


@settings(max_examples=15, deadline=None)
@given(st.lists(st.sampled_from(_PAIN_100), min_size=1, max_size=6, unique_by=lambda e: e.id))
def test_one_scale_fits_one_axis_and_alt_names_every_row(effects):
    _, ax = plt.subplots()
    fig = tiers.plot_effects(effects, ax=ax)
    assert [t.get_text() for t in ax.get_yticklabels()] == [tiers._row_label(e) for e in reversed(effects)]
    plt.close(fig)
    alt = tiers.effects_alt_text(effects)
    assert alt.startswith(f"Forest chart of {len(effects)} effect estimates on one scale.")
    assert all(tiers.num(e.estimate) in alt for e in effects)
