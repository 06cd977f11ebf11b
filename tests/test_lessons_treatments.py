"""backcare.lessons.treatments: the bc. names of the treatment chapters (errors, explorers, every tier, registration)."""
from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import backcare as bc  # noqa: E402
from backcare.content import load_content  # noqa: E402
from backcare.lessons import treatments  # noqa: E402
from backcare.logic import options, vocabulary  # noqa: E402
from backcare.views import evidence  # noqa: E402
from backcare.views import options as views_options  # noqa: E402
from backcare.views import positions as views_positions  # noqa: E402

C = load_content()


@pytest.mark.parametrize("call, message", [
    (lambda: options.tier_options("pills"), "'pills' is not a valid tier; supported values are self_care, non_invasive"),
    (lambda: options.options(condition="lumbago"),
     "'lumbago' is not a valid condition; supported values are acute_nonspecific_lbp"),
    (lambda: treatments.show_effects(["nsaids"], outcome="happiness"),
     "'happiness' is not a valid outcome; supported values are pain, "),
    # an unknown treatment lists a few ids and the similar ones, never all 38 (issue 13, item 4)
    (lambda: treatments.show_effects("aspirin"),
     "'aspirin' is not a valid treatment; supported values are education_advice, superficial_heat, "),
    (lambda: treatments.show_effects(["rf_ablation"]), "(similar: rf_denervation"),
    (lambda: views_positions.positions_matrix(["nsaids"], guidelines=["AMA"]),
     "'AMA' is not a valid guideline; supported values are NICE"),
    (lambda: evidence.evidence_box("cupping"), "'cupping' is not a valid seed-claim topic; supported values are facet_joint_injection, "),
    (lambda: treatments.tier_explorer("medicine", guideline="CDCX"), "guideline must be one of NICE, ACP, WHO, CDC"),
])
def test_bad_input_gives_a_clear_message(call, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        call()


def _row(table, name_start):
    return next(r for r in table.rows if r[0][0].startswith(name_start))


def test_diagnostic_option_has_no_effect_on_pain():
    table = views_options.options_table("injection_procedure")
    mbb = _row(table, "Medial branch block")
    assert mbb[3] == ("Diagnostic test, not a treatment: it has no effect on pain to report.",)
    assert mbb[2][0].endswith("(a diagnostic test)")
    with pytest.raises(ValueError, match="no effect estimates held for medial_branch_block with outcome pain"):
        treatments.show_effects("medial_branch_block", outcome="pain")
    fake = C.effect("nsaids_acute_pain").model_copy(update={"treatment": "medial_branch_block"})
    with pytest.raises(ValueError, match="medial_branch_block is a diagnostic procedure: it has no effect on pain"):
        treatments.plot_effects([fake])


def test_nsaid_acute_and_chronic_share_a_panel_with_their_numbers_in_the_alt_text():
    shown = treatments.show_effects("nsaids", outcome="pain")
    assert shown.alt.startswith("Forest chart of 2 effect estimates on one scale.")
    assert ("NSAIDs vs placebo, acute low back pain, pain, up to 3 weeks: −7.29 (−10.98 to −3.61), MID 10, "
            "moderate certainty") in shown.alt
    assert ("NSAIDs vs placebo, chronic low back pain, pain, median follow-up 56 days: −3.3 (−5.33 to −1.27), "
            "MID not stated by the source, low certainty") in shown.alt
    assert [r[6] for r in shown.table.rows] == ["−7.29", "−3.3"]
    assert [r[8] for r in shown.table.rows] == ["10", "not stated"]


def test_tier_explorer_shows_the_chosen_condition_and_guideline():
    ex = treatments.tier_explorer("medicine")
    assert ex.outer_labels == ["Acute non-specific low back pain", "Chronic low back pain", "Sciatica"]
    assert ex.inner_labels == ["NICE", "ACP", "WHO", "CDC"]
    assert ex.visible_html() == views_positions.explorer_view_html("medicine", "acute_nonspecific_lbp", "NICE")
    ex.outer.index = 1
    ex.inner.index = 2
    view = ex.visible_html()
    assert view == views_positions.explorer_view_html("medicine", "chronic_lbp", "WHO")
    assert "Opioids should not be used as part of routine care." in view
    assert "<strong>✗ against</strong>" in view and "Paracetamol" not in view  # paracetamol: acute only
    assert ex._repr_mimebundle_()["text/plain"].endswith("Showing: Chronic low back pain / WHO.")


def test_tier_explorer_opens_on_the_case():
    ex = treatments.tier_explorer("medicine", condition="acute_nonspecific_lbp", guideline="CDC")
    view = ex.visible_html()
    assert "Non-opioid options are at least as effective" in view
    assert "CDC 2022 speaks only to opioids." in view


def test_public_names_are_registered():
    for name in ("tier_options", "options", "options_table", "plot_effects", "show_effects", "positions_matrix",
                 "tier_explorer", "evidence_box", "why_guidelines_disagree", "benefit_and_harm",
                 "guideline_disagreements"):
        assert getattr(bc, name) is getattr(treatments, name)


@pytest.mark.parametrize("tier", list(vocabulary.TIER_LABELS))
def test_every_tier_builds_table_matrix_and_explorer(tier):
    ids = [t.id for t in options.tier_options(tier)]
    assert ids, f"tier {tier} has no options"
    m = views_positions.positions_matrix(tier)
    for tid in ids:
        for g in m.guidelines:
            for cell in m.cells[(tid, g)]:
                assert cell.symbol and cell.word, (tid, g)
    assert len(views_options.options_table(tier).rows) == len(ids)
    ex = treatments.tier_explorer(tier)
    assert ex.visible_html().startswith('<table class="bc-table"><caption>')
