"""backcare.lessons.procedures: the bc. names of chapters 03 and 05 (explorers, icon-array figures, notebooks use them)."""
from __future__ import annotations

import pytest

from backcare.lessons import procedures as lesson
from backcare.logic import procedures as logic_procedures


@pytest.mark.parametrize("index, name", [(0, "General practitioner"), (5, "Chiropractor"), (8, "Spinal surgeon")])
def test_care_team_explorer_shows_the_chosen_role(index, name):
    ex = lesson.care_team_explorer()
    ex.control.index = index
    assert f"<h3>{name}" in ex.visible_html()
    assert ex._repr_mimebundle_()["text/plain"].endswith(f"Showing: {logic_procedures.load_care_team().roles[index].name}.")


def test_care_team_explorer_rejects_unknown_role():
    with pytest.raises(ValueError, match=r"role must be one of gp, physiotherapist, .* not 'dentist'"):
        lesson.care_team_explorer("dentist")


def test_harm_chart_alt_text_states_the_plotted_numbers():
    shown = lesson.show_procedure_risks("harm")
    for text in ("About 16 in every 1,000 people", "Fewer than 40 in every 1,000 people",
                 "Between 100 and 240 in every 1,000 people", "Drawn as 100 marked and 140 uncertain icons"):
        assert text in shown.alt
    assert shown.table is not None and ["Decompression surgery", ] == [r[0] for r in shown.table.rows
                                                                        if r[2] == "100 to 240"]


def test_course_chart_and_bad_category():
    shown = lesson.show_procedure_risks("course")
    assert "About 39 in every 100 people randomised to prolonged non-surgical care" in shown.alt
    with pytest.raises(ValueError, match="category must be 'harm' or 'course', not 'benefit'"):
        lesson.show_procedure_risks("benefit")


def test_risk_explorer_switches_between_procedures():
    ex = lesson.procedure_risk_explorer()
    assert "<h3>Epidural steroid injection</h3>" in ex.visible_html()
    assert "FDA" in ex.visible_html()
    ex.control.index = logic_procedures.PROCEDURE_ORDER.index("decompression")
    assert "Between 100 and 240 in every 1,000 people" in ex.visible_html()
    assert 'alt="Icon arrays of natural frequencies.' in ex.visible_html()
    ex.control.index = logic_procedures.PROCEDURE_ORDER.index("spinal_cord_stimulation")
    view = ex.visible_html()
    assert "No reliable frequency" in view and "not confirmed in a source; rates vary" in view


def test_risk_explorer_rejects_non_procedures():
    with pytest.raises(ValueError, match="treatment must be one of epidural_steroid_injection, .* not 'yoga'"):
        lesson.procedure_risk_explorer("yoga")


@pytest.mark.parametrize("stem, calls, prompts", [
    ("03a_self_care_and_staying_active", ["options_table(", "show_effects(", "positions_matrix(", "predict_responders(",
                                          "responders_explorer(", "self_check(", "references_for("], 5),
    ("03b_therapies_delivered_by_clinicians", ["tier_explorer(", 'evidence_box("spinal_manipulation")',
                                               'evidence_box("acupuncture")', "care_team_explorer(", "self_check(",
                                               "references_for("], 5),
    ("05a_injections_and_procedures", ['options_table("injection_procedure")', "show_effects(", "positions_matrix(",
                                       'tier_explorer("injection_procedure"', 'evidence_box("facet_joint_injection")',
                                       'evidence_box("rf_denervation")', "procedure_risk_explorer(", "self_check(",
                                       "references_for("], 6),
    ("05b_implanted_devices_and_surgery", ['options_table("implanted_device")', 'options_table("surgery")',
                                           "show_effects(", 'tier_explorer("surgery"',
                                           'evidence_box("pain_free_life")', "when_invasive_care_is_right(",
                                           'show_procedure_risks("course")', 'show_procedure_risks("harm"',
                                           "self_check(", "references_for("], 6),
])
def test_chapters_03_and_05_use_the_shared_builders(stem, calls, prompts):
    import nbformat

    from backcare.paths import notebooks_dir

    nb = nbformat.read(notebooks_dir() / f"{stem}.ipynb", as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for call in calls:
        assert f"bc.{call}" in code, f"{stem} does not call bc.{call}"
    assert markdown.count("**A question to think about") >= prompts  # core prompts and those marked (extension)
    assert "Teaching material, not medical advice." in markdown
