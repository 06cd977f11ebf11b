"""backcare.views.positions: the positions matrix, legend, why guidelines disagree, disagreements, explorer views."""
from __future__ import annotations

from backcare.content import load_content
from backcare.views import positions as views_positions

C = load_content()


def test_cells_carry_symbol_word_and_conditions():
    m = views_positions.positions_matrix(["paracetamol", "opioids", "spinal_manipulation", "medial_branch_block"])
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
    assert "<strong>✗ against</strong>" in html and "<summary>Legend: what each symbol means</summary>" in html
    assert "Why guidelines disagree" in html and "WHO guideline on non-surgical management" in html


def test_legend_lists_only_symbols_used_with_words():
    m = views_positions.positions_matrix(["acupuncture"])
    assert m.legend_text() == ("✓ for = recommended (as an option, or to consider); "
                               "✗ against = recommended against (do not offer, or not for routine use)")


def test_matrix_plain_text_is_deterministic():
    assert views_positions.positions_matrix("medicine").to_text() == views_positions.positions_matrix("medicine").to_text()


def test_why_guidelines_disagree_is_built_from_the_guideline_records():
    block = views_positions.why_guidelines_disagree(("NICE", "WHO"))
    assert "NICE 2016, WHO 2023" in block.text
    assert f"({C.guidelines['NICE'].year}, updated {C.guidelines['NICE'].updated})" in block.text
    assert C.guidelines["WHO"].scope in block.text


def test_explorer_view_escapes_and_has_a_caption():
    view = views_positions.explorer_view_html("medicine", "sciatica", "NICE")
    assert view.startswith('<table class="bc-table"><caption>Medicines for sciatica: what NICE 2016 says')


def test_guideline_disagreements_are_derived_from_positions():
    text = views_positions.guideline_disagreements("medicine").text
    lines = text.splitlines()[1:]
    assert [ln.split(":")[0] for ln in lines] == [
        "- Anticonvulsants, including gabapentinoids (pregabalin, gabapentin)",
        "- Antidepressants (duloxetine and other SNRIs, TCAs, SSRIs)", "- Opioids (including tramadol)",
        "- Paracetamol (acetaminophen)", "- Skeletal muscle relaxants (non-benzodiazepine)"]
    relax = lines[-1]
    assert "ACP ✓ for (acute low back pain); WHO ✗ against (chronic low back pain)" in relax
    assert "Different people: the positions speak to acute low back pain, chronic low back pain." in relax
    assert not any(ln.startswith("- Non-steroidal") for ln in lines)
