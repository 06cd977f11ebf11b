"""The invasiveness-at-a-glance picture: rows, benefit categories, harm figures (exact, from content), guideline
cells, alt text, the static view and the predict-then-reveal exercise driven by setting values (issue 14)."""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from backcare.charts.glance import summary_alt
from backcare.content import load_content
from backcare.content.harms import HarmFigure, load_harms
from backcare.lessons.glance import glance_explorer, predict_then_reveal, show_glance
from backcare.logic import glance as lg
from backcare.logic import glance_words as gw
from backcare.logic import glance_predict as gp
from backcare.views.glance import glance_page_html, glance_view

HARM_BASE = {"id": "x", "treatment": "nsaids", "conditions": ["chronic_lbp"], "harm": "Bleeding", "definition": "d",
             "unit": "people", "population": "p", "follow_up": "f", "reference": "CNT2013", "confidence": "✔"}


def test_rows_are_ordered_by_level_and_fill_the_sciatica_and_stenosis_gaps():
    for condition in lg.CONDITIONS:
        levels = [r.level for r in lg.glance(condition).rows]
        assert levels == sorted(levels)
    sciatica = [r.treatment for r in lg.glance("sciatica").rows if r.level in (1, 2)]
    assert {"exercise_therapy", "spinal_manipulation", "cbt"} <= set(sciatica)
    stenosis = [(r.level, r.treatment) for r in lg.glance("stenosis").rows]
    assert (1, "exercise_therapy") in stenosis


@pytest.mark.parametrize("condition,treatment,expected", [
    ("chronic_lbp", "exercise_therapy", [("Pain", "important"), ("Function", "small")]),
    ("acute_nonspecific_lbp", "nsaids", [("Pain", "small"), ("Function", "small")]),
    ("chronic_lbp", "rf_denervation", [("Pain", "small"), ("Pain", "none_shown")]),
    ("chronic_lbp", "spinal_manipulation", [("Pain", "similar"), ("Function", "shown_no_threshold")]),
    ("stenosis", "exercise_therapy", [("Function", "similar")]),
    ("sciatica", "anticonvulsants", [("Pain", "none_shown")]),
    ("stenosis", "epidural_steroid_injection", []),
])
def test_benefit_categories(condition, treatment, expected):
    row = lg.glance(condition).row(treatment)
    assert [(b.outcome, b.category) for b in row.benefit] == expected


def test_head_to_head_reads_similar_to_the_comparator_never_no_benefit():
    line = lg.glance("stenosis").row("exercise_therapy").benefit[0]
    assert line.label == "Similar to surgical decompression"
    assert "No benefit" not in line.label


def test_evidence_is_never_borrowed_across_conditions():
    c = load_content()
    for condition in lg.CONDITIONS:
        for row in lg.glance(condition).rows:
            for line in row.benefit:
                for d in line.details:
                    assert c.effect(d.id).population == condition


def test_important_needs_the_mid_reached_and_the_interval_excluding_no_effect():
    c = load_content()
    for e in c.effects:
        if lg.benefit_category(e) == "important":
            assert e.mid is not None and abs(e.estimate) >= e.mid
            assert e.low is not None and (e.high < 0 or e.low > 0)


@pytest.mark.parametrize("condition,treatment,value,per,words", [
    ("sciatica", "epidural_steroid_injection", 8.1, 1_000_000, "8.1 in 1,000,000 people"),
    ("stenosis", "epidural_steroid_injection", 8.1, 1_000_000, "8.1 in 1,000,000 people"),
    ("sciatica", "discectomy", 75, 1000, "75 in 1,000 people"),
    ("chronic_lbp", "spinal_cord_stimulation", 178, 1000, "178 in 1,000 people"),
    ("stenosis", "decompression", 23, 1000, "23 in 1,000 people"),
    ("stenosis", "spinal_fusion", 56, 1000, "56 in 1,000 people"),
    ("chronic_lbp", "spinal_fusion", 2, 1000, "2 in 1,000 people"),
    ("chronic_lbp", "nsaids", 3, 1000, "3 in 1,000 people a year"),
    ("chronic_lbp", "opioids", 2, 1000, "2 in 1,000 people a year"),
])
def test_harm_headline_figures_are_the_content_values(condition, treatment, value, per, words):
    f = lg.glance(condition).row(treatment).harm.figures[0]
    assert (f.value, f.per) == (value, per)
    assert gw.harm_words(f) == words


def test_every_level_3_plus_option_and_nsaids_and_opioids_has_a_harm_record():
    for condition in lg.CONDITIONS:
        for row in lg.glance(condition).rows:
            if row.level >= 3 or row.treatment in ("nsaids", "opioids"):
                assert row.harm.kind in ("figure", "not_quantified"), (condition, row.treatment)


def test_not_quantified_and_not_gathered_are_different():
    assert lg.harm_cell("rf_denervation", "chronic_lbp").kind == "not_quantified"
    assert lg.harm_cell("massage", "chronic_lbp").kind == "not_gathered"
    assert lg.HARM_KINDS["not_quantified"] != lg.HARM_KINDS["not_gathered"]


def test_harm_figure_rules():
    with pytest.raises(ValidationError, match=r"0.5 per 1,000 is below 1: give it per 10,000 \(5\)"):
        HarmFigure.model_validate({**HARM_BASE, "value": 0.5, "per": 1000})
    with pytest.raises(ValidationError, match="use the smallest base"):
        HarmFigure.model_validate({**HARM_BASE, "value": 30, "per": 10000})
    with pytest.raises(ValidationError, match="needs not_quantified"):
        HarmFigure.model_validate({**HARM_BASE, "value": None})
    with pytest.raises(ValidationError, match="set approximate: true"):
        HarmFigure.model_validate({**HARM_BASE, "value": 3, "confidence": "M"})


def test_harms_file_cites_known_references_and_treatments():
    c = load_content()
    for h in load_harms().harms:
        assert h.treatment in c.treatments
        assert h.reference is None or h.reference in c.references


def test_guideline_cells_keep_out_of_scope_not_addressed_and_no_record_apart():
    assert lg.guideline_cell("nsaids", "WHO", "acute_nonspecific_lbp").status == "out_of_scope"
    assert lg.guideline_cell("spinal_cord_stimulation", "NICE", "chronic_lbp").status == "not_addressed"
    assert lg.guideline_cell("exercise_therapy", "NICE", "stenosis").status == "no_record"
    nice = lg.guideline_cell("epidural_steroid_injection", "NICE", "sciatica")
    assert (nice.status, nice.condition) == ("for", "Acute and severe sciatica.")
    assert lg.guideline_cell("epidural_steroid_injection", "NICE", "stenosis").status == "against"
    assert "spine-related leg pain" in lg.guideline_cell("exercise_therapy", "WHO", "sciatica").condition


def test_message_is_stated_only_where_the_data_show_it():
    assert gw.headline_message(lg.glance("chronic_lbp")).startswith("Benefit does not rise with invasiveness")
    for condition in ("acute_nonspecific_lbp", "sciatica", "stenosis"):
        assert gw.headline_message(lg.glance(condition)) is None


def test_alt_text_contains_the_values():
    alt = summary_alt(lg.glance("chronic_lbp"))
    assert "178 in 1,000 people, device removed (explant) within 5 years" in alt
    assert "Exercise therapy (important benefit" in alt
    assert "Benefit does not rise with invasiveness" in alt
    assert "8.1 in 1,000,000 people" in summary_alt(lg.glance("sciatica"))
    assert "Level 4: no option held by the course." in summary_alt(lg.glance("sciatica"))


def test_view_html_has_every_row_symbols_with_words_and_the_advice_note():
    block = glance_view("sciatica")
    for row in lg.glance("sciatica").rows:
        assert row.name.replace("'", "&#39;") in block.html
    assert "Teaching material, not medical advice." in block.html
    assert "Not gathered" in block.html and "Not quantified" not in block.html.split("Key")[0]
    assert block.text.splitlines()[0] == "Sciatica (radicular leg pain): 11 options by invasiveness level (0 to 5)."
    shown = show_glance("stenosis")
    assert "When invasive care is right" in shown.html and "<img" in shown.html


def test_explorer_switches_condition_by_setting_the_control():
    ex = glance_explorer("chronic_lbp")
    ex.control.index = list(lg.CONDITIONS).index("sciatica")
    assert "75 in 1,000 people" in ex.visible_html()


def test_reveal_is_driven_by_setting_values():
    panel = predict_then_reveal("chronic_lbp")
    helps, harm = panel.questions
    assert helps.visible_html() is None
    helps.control.index = helps.labels.index("Spinal cord stimulation")
    shown = helps.visible_html()
    assert "Your pick differs" in shown and "Exercise therapy" in shown and "Important benefit" in shown
    helps.control.index = helps.labels.index("Exercise therapy")
    assert "Your pick matches" in helps.visible_html()
    harm.control.index = harm.labels.index("Radiofrequency denervation")
    assert "not the same as safe" in harm.visible_html()
    assert "178 in 1,000 people" in harm.visible_html()
    assert "Pick: Radiofrequency denervation" in panel._repr_mimebundle_()["text/plain"]


def test_prediction_answers_come_from_the_rows():
    assert gp.answers("chronic_lbp", "helps") == ("exercise_therapy",)
    assert gp.answers("chronic_lbp", "harm") == ("spinal_cord_stimulation",)
    with pytest.raises(ValueError, match="'harms' is not a valid question; supported values are helps, harm"):
        gp.answers("chronic_lbp", "harms")


def test_page_html_for_the_index_needs_no_kernel():
    html = glance_page_html(["chronic_lbp", "stenosis"])
    assert html.count("<details class=\"bc-glance-part\"") == 2 and " open>" in html
    assert "<script" not in html


def test_the_glance_explorer_shows_each_notice_once_and_keeps_the_table_one_click_away():
    from backcare.dev.reading_time import strip_details
    from backcare.lessons.glance import glance_explorer
    from backcare.logic.glance import glance

    html = glance_explorer("sciatica")._repr_mimebundle_()["text/html"]  # the static fallback: intro + view
    visible = strip_details(html)
    assert visible.count("Teaching material, not medical advice") == 1
    assert visible.count("Urgent symptoms: get medical help the same day") == 1
    assert "When invasive care is right" in visible
    for row in glance("sciatica").rows:
        assert row.name in html  # every option is still there, in the collapsed table
