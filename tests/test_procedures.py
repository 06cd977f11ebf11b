"""backcare.procedures: care team (chapter 03), natural frequencies of harms and when invasive care is right (05)."""
from __future__ import annotations

import pytest

from backcare import procedures as p
from backcare.content import ContentError, load_yaml_model


# ---- care team -------------------------------------------------------------------------------------------------------
def test_care_team_has_the_nine_roles_in_order():
    assert [r.id for r in p.load_care_team().roles] == [
        "gp", "physiotherapist", "nurse", "pharmacist", "psychologist", "chiropractor", "occupational_therapist",
        "pain_physician", "surgeon"]


def test_chiropractic_is_a_profession_and_manipulation_a_technique():
    chiro = next(r for r in p.load_care_team().roles if r.id == "chiropractor")
    assert "Spinal manipulation is a technique, not a profession" in chiro.what_they_do
    assert "Rubinstein2019" in chiro.references


def test_care_team_table_lists_every_role_with_sources():
    table = p.care_team_table()
    assert table.html.count('<th scope="row"') == 9
    assert "Rubinstein 2019" in table.html
    assert "how care is usually organised (editorial)" in table.html  # nurse, occupational therapist
    assert table.text.startswith("Care team: 9 roles (General practitioner (family doctor);")


@pytest.mark.parametrize("index, name", [(0, "General practitioner"), (5, "Chiropractor"), (8, "Spinal surgeon")])
def test_care_team_explorer_shows_the_chosen_role(index, name):
    ex = p.care_team_explorer()
    ex.control.index = index
    assert f"<h3>{name}" in ex.visible_html()
    assert ex._repr_mimebundle_()["text/plain"].endswith(f"Showing: {p.load_care_team().roles[index].name}.")


def test_care_team_explorer_rejects_unknown_role():
    with pytest.raises(ValueError, match=r"role must be one of gp, physiotherapist, .* not 'dentist'"):
        p.care_team_explorer("dentist")


def test_role_without_sources_must_be_editorial(tmp_path):
    bad = tmp_path / "team.yaml"
    bad.write_text(
        "review: {reviewed_by: null, reviewed_on: null}\nnote: x\nroles:\n"
        "  - {id: gp, name: GP, what_they_do: a, when_involved: b, not_their_role: c, references: []}\n",
        encoding="utf-8")
    with pytest.raises(ContentError, match="a role needs references, or editorial: true"):
        load_yaml_model(bad, p.CareTeamFile)


# ---- natural frequencies ---------------------------------------------------------------------------------------------
def test_frequencies_hold_the_fact_sheet_numbers():
    # typed by hand from the clinical brief: Peul 2007 complications 1.6%, repeat surgery <4%;
    # Zaina 2016 side effects 10-24%; Peul 2007 39% (55/142) of the conservative arm operated by 1 year.
    assert (p.frequency("discectomy_complications").low, p.frequency("discectomy_complications").per) == (16, 1000)
    assert p.frequency("discectomy_repeat_surgery_1_year").high == 40
    dec = p.frequency("decompression_side_effects")
    assert (dec.low, dec.high, dec.approximate) == (100, 240, False)
    wait = p.frequency("peul_waiting_operated_1_year")
    assert (wait.low, wait.per, wait.category) == (39, 100, "course")


def test_unconfirmed_frequencies_are_flagged_approximate():
    for f in p.load_procedures().frequencies:
        if f.confidence in ("~", "M", "?"):
            assert f.approximate, f.id
            assert p.frequency_sentence(f).endswith("Approximate figure."), f.id


@pytest.mark.parametrize("fid, expected", [
    ("discectomy_complications",
     "About 16 in every 1,000 people had a complication of surgery such as a tear of the membrane around the nerves "
     "or bleeding (Peul 2007 trial) (1.6%). Approximate figure."),
    ("discectomy_repeat_surgery_1_year",
     "Fewer than 40 in every 1,000 people needed a repeat operation for a recurrent herniation within 1 year "
     "(under 4%). Approximate figure."),
    ("decompression_side_effects",
     "Between 100 and 240 in every 1,000 people had side effects of surgery in the surgical groups of stenosis "
     "trials (none were reported with non-surgical care) (10% to 24%)."),
    ("peul_waiting_operated_1_year",
     "About 39 in every 100 people randomised to prolonged non-surgical care had surgery within 1 year "
     "(55 of 142) (39%)."),
])
def test_frequency_sentences(fid, expected):
    assert p.frequency_sentence(p.frequency(fid)) == expected


def test_icon_counts_add_up_to_the_denominator():
    assert p.icon_counts(p.frequency("discectomy_complications")) == (16, 0, 984)
    assert p.icon_counts(p.frequency("decompression_side_effects")) == (100, 140, 760)
    assert p.icon_counts(p.frequency("peul_waiting_operated_1_year")) == (39, 0, 61)
    for f in p.load_procedures().frequencies:
        assert sum(p.icon_counts(f)) == f.per


def test_rare_frequency_is_said_per_10000(tmp_path):
    f = p.Frequency(id="rare", label="Rare event", treatment="epidural_steroid_injection", category="harm",
                    event="had a rare event", unit="injections", kind="about", low=0.7, high=0.7,
                    reference="FDA2014", confidence="~", approximate=True)
    assert p.frequency_sentence(f) == ("About 7 in every 10,000 injections had a rare event (0.07%). "
                                       "Approximate figure.")
    assert p.icon_counts(f) == (0, 0, 1000)  # too rare to draw: never rounded up to one person


@pytest.mark.parametrize("fields, message", [
    ({"low": 5, "high": 3}, "low 5 is above high 3"),
    ({"low": 10, "high": 20}, "kind 'about' is one number"),
    ({"kind": "up_to", "low": 1, "high": 20}, "kind 'up_to' gives only an upper figure"),
    ({"high": 2000, "low": 2000}, "more than the 1000 people"),
    ({"confidence": "?", "approximate": False}, "confidence \\? means the number is not confirmed"),
])
def test_bad_frequency_gives_a_clear_message(fields, message):
    base = dict(id="x", label="X", treatment="discectomy", category="harm", event="had x", unit="people",
                kind="about", low=16, high=16, reference="Peul2007", confidence="✔", approximate=False)
    base.update(fields)
    with pytest.raises(ValueError, match=message):
        p.Frequency(**base)


def test_unknown_frequency_names_the_known_ids():
    with pytest.raises(KeyError, match="no frequency 'nope' .*known: .*discectomy_complications"):
        p.frequency("nope")


def test_frequency_sentence_needs_a_frequency():
    with pytest.raises(TypeError, match=r"needs a Frequency \(use frequency\('<id>'\)\), not str"):
        p.frequency_sentence("discectomy_complications")


def test_harm_chart_alt_text_states_the_plotted_numbers():
    shown = p.show_procedure_risks("harm")
    for text in ("About 16 in every 1,000 people", "Fewer than 40 in every 1,000 people",
                 "Between 100 and 240 in every 1,000 people", "Drawn as 100 marked and 140 uncertain icons"):
        assert text in shown.alt
    assert shown.table is not None and ["Decompression surgery", ] == [r[0] for r in shown.table.rows
                                                                        if r[2] == "100 to 240"]


def test_course_chart_and_bad_category():
    shown = p.show_procedure_risks("course")
    assert "About 39 in every 100 people randomised to prolonged non-surgical care" in shown.alt
    with pytest.raises(ValueError, match="category must be 'harm' or 'course', not 'benefit'"):
        p.show_procedure_risks("benefit")


def test_risk_explorer_switches_between_procedures():
    ex = p.procedure_risk_explorer()
    assert "<h3>Epidural steroid injection</h3>" in ex.visible_html()
    assert "FDA" in ex.visible_html()
    ex.control.index = p.PROCEDURE_ORDER.index("decompression")
    assert "Between 100 and 240 in every 1,000 people" in ex.visible_html()
    assert 'alt="Icon arrays of natural frequencies.' in ex.visible_html()
    ex.control.index = p.PROCEDURE_ORDER.index("spinal_cord_stimulation")
    view = ex.visible_html()
    assert "No reliable frequency" in view and "not confirmed in a source; rates vary" in view


def test_risk_explorer_rejects_non_procedures():
    with pytest.raises(ValueError, match="treatment must be one of epidural_steroid_injection, .* not 'yoga'"):
        p.procedure_risk_explorer("yoga")


# ---- when invasive care is right -------------------------------------------------------------------------------------
def test_when_invasive_care_is_right_names_the_situations():
    box = p.when_invasive_care_is_right()
    assert [ind.id for ind in p.load_procedures().indications] == [
        "cauda_equina_syndrome", "progressive_neurological_deficit", "spinal_infection", "unstable_fracture",
        "sciatica_faster_relief"]
    assert box.text.splitlines()[1] == "- Suspected cauda equina syndrome (Emergency: same day)"
    assert "Teaching material, not medical advice." in box.html
    assert "Planned choice: not an emergency" in box.html  # sciatica: faster relief, an elective choice


def test_loader_reports_unknown_reference(monkeypatch, tmp_path):
    chapters = tmp_path / "chapters"
    chapters.mkdir()
    (chapters / p.PROCEDURES_FILE).write_text(
        "review: {reviewed_by: null, reviewed_on: null}\nfrequencies:\n"
        "  - {id: x, label: X, treatment: discectomy, category: harm, event: had x, unit: people, kind: about,"
        " low: 1, high: 1, reference: Nobody2020, confidence: ✔, approximate: false}\n"
        "indications:\n"
        "  - {id: y, name: Y, signs: s, what_happens: w, urgency: urgent, references: [Peul2007]}\n",
        encoding="utf-8")
    monkeypatch.setattr(p, "content_dir", lambda: tmp_path)
    p.load_procedures.cache_clear()
    try:
        with pytest.raises(ContentError, match="frequencies.0.reference: unknown reference key 'Nobody2020'"):
            p.load_procedures()
    finally:
        p.load_procedures.cache_clear()


def test_epidural_injection_frequencies_are_approximate_and_per_injection():
    # typed by hand from the fact sheet §9c (Benedetti 2009 review, ~/?): 0.07% of 5334 injections; about 5 per
    # 1000 minor; up to 9.6% including minor events.
    rows = p.frequencies_for("epidural_steroid_injection", "harm")
    assert [(f.kind, f.low, f.high, f.unit, f.approximate) for f in rows] == [
        ("about", 0.7, 0.7, "injections", True), ("about", 5, 5, "injections", True),
        ("up_to", 0, 96, "injections", True)]
    assert p.frequency_sentence(rows[0]).startswith("About 7 in every 10,000 injections had any complication")
    assert p.icon_counts(rows[0]) == (0, 0, 1000)
    assert p.frequency_sentence(rows[2]).startswith("Up to 96 in every 1,000 injections")
    assert "(up to 9.6%)" in p.frequency_sentence(rows[2])


def test_waiting_group_two_year_figure():
    f = p.frequency("peul_waiting_operated_2_years")
    assert (f.low, f.per, f.reference) == (44, 100, "Peul2008")


def test_frequencies_that_name_a_fact_agree_with_it():
    from backcare.content import load_content

    c = load_content()
    named = {f.id: f.fact for f in p.load_procedures().frequencies if f.fact}
    assert named == {"decompression_side_effects": "zaina_surgical_side_effects",
                     "peul_waiting_operated_1_year": "peul_conservative_operated_1_year",
                     "peul_waiting_operated_2_years": "peul_conservative_operated_2_years"}
    assert (c.fact("zaina_surgical_side_effects").low, c.fact("zaina_surgical_side_effects").high) == (10, 24)


def test_frequency_disagreeing_with_its_fact_is_reported(monkeypatch, tmp_path):
    chapters = tmp_path / "chapters"
    chapters.mkdir()
    (chapters / p.PROCEDURES_FILE).write_text(
        "review: {reviewed_by: null, reviewed_on: null}\nfrequencies:\n"
        "  - {id: x, label: X, treatment: discectomy, category: course, event: had x, unit: people, per: 100,"
        " kind: about, low: 40, high: 40, reference: Peul2007, confidence: ✔, approximate: false,"
        " fact: peul_conservative_operated_1_year}\n"
        "indications:\n"
        "  - {id: y, name: Y, signs: s, what_happens: w, urgency: urgent, references: [Peul2007]}\n",
        encoding="utf-8")
    monkeypatch.setattr(p, "content_dir", lambda: tmp_path)
    p.load_procedures.cache_clear()
    try:
        with pytest.raises(ContentError, match=r"frequencies.0: low/high 40/40 per 100 do not match fact "
                                               r"'peul_conservative_operated_1_year' \(39 to 39%"):
            p.load_procedures()
    finally:
        p.load_procedures.cache_clear()


@pytest.mark.parametrize("stem, calls", [
    ("03_self_care_and_non_invasive", ["options_table(", "show_effects(", "positions_matrix(", "tier_explorer(",
                                       'evidence_box("chiropractic")', 'evidence_box("acupuncture")',
                                       "care_team_table(", "care_team_explorer(", "self_check(", "references_for("]),
    ("05_procedures_devices_and_surgery", ["options_table(", "show_effects(", "positions_matrix(", "tier_explorer(",
                                           "evidence_box(", "when_invasive_care_is_right(", 'show_procedure_risks("harm")',
                                           "procedure_risk_explorer(", "self_check(", "references_for("]),
])
def test_chapters_03_and_05_use_the_shared_builders(stem, calls):
    import nbformat

    from backcare.paths import notebooks_dir

    nb = nbformat.read(notebooks_dir() / f"{stem}.ipynb", as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for call in calls:
        assert f"bc.{call}" in code, f"{stem} does not call bc.{call}"
    assert markdown.count("**A question to think about:**") >= 8
    assert "Teaching material, not medical advice." in markdown
