"""backcare.content.procedure_risks: the frequency model's rules, and the loader's checks of references and facts."""
from __future__ import annotations

import pytest

from backcare.content import ContentError
from backcare.content import procedure_risks
from backcare.logic import procedures as logic_procedures


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
        procedure_risks.Frequency(**base)


def test_loader_reports_unknown_reference(content_copy):
    chapters = content_copy / "chapters"
    (chapters / logic_procedures.PROCEDURES_FILE).write_text(
        "frequencies:\n"
        "  - {id: x, label: X, treatment: discectomy, category: harm, event: had x, unit: people, kind: about,"
        " low: 1, high: 1, reference: Nobody2020, confidence: ✔, approximate: false}\n"
        "indications:\n"
        "  - {id: y, name: Y, signs: s, what_happens: w, urgency: urgent, references: [Peul2007]}\n",
        encoding="utf-8")
    with pytest.raises(ContentError, match="frequencies.0.reference: unknown reference key 'Nobody2020'"):
        logic_procedures.load_procedures()


def test_frequencies_that_name_a_fact_agree_with_it():
    from backcare.content import load_content

    c = load_content()
    named = {f.id: f.fact for f in logic_procedures.load_procedures().frequencies if f.fact}
    assert named == {"decompression_side_effects": "zaina_surgical_side_effects",
                     "peul_waiting_operated_1_year": "peul_conservative_operated_1_year",
                     "peul_waiting_operated_2_years": "peul_conservative_operated_2_years"}
    assert (c.fact("zaina_surgical_side_effects").low, c.fact("zaina_surgical_side_effects").high) == (10, 24)


def test_frequency_disagreeing_with_its_fact_is_reported(content_copy):
    chapters = content_copy / "chapters"
    (chapters / logic_procedures.PROCEDURES_FILE).write_text(
        "frequencies:\n"
        "  - {id: x, label: X, treatment: discectomy, category: course, event: had x, unit: people, per: 100,"
        " kind: about, low: 40, high: 40, reference: Peul2007, confidence: ✔, approximate: false,"
        " fact: peul_conservative_operated_1_year}\n"
        "indications:\n"
        "  - {id: y, name: Y, signs: s, what_happens: w, urgency: urgent, references: [Peul2007]}\n",
        encoding="utf-8")
    with pytest.raises(ContentError, match=r"frequencies.0: low/high 40/40 per 100 do not match fact "
                                           r"'peul_conservative_operated_1_year' \(39 to 39%"):
        logic_procedures.load_procedures()
