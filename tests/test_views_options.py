"""backcare.views.options: the options table and benefit-and-harm card (effects with comparator, MID, certainty; gaps never 0; escaping)."""
from __future__ import annotations

import re

from backcare.logic import positions
from backcare.views import options as views_options
from backcare.views import positions as views_positions


def _row(table, name_start):
    return next(r for r in table.rows if r[0][0].startswith(name_start))


def test_options_table_shows_effects_with_comparator_mid_and_certainty():
    table = views_options.options_table("medicine", "acute_nonspecific_lbp")
    nsaids = " ".join(_row(table, "Non-steroidal")[3])
    assert "−7.29 (−10.98 to −3.61) vs placebo; MID 10; moderate certainty" in nsaids
    relaxants = " ".join(_row(table, "Skeletal")[3])
    assert "−7.7 (−12.1 to −3.3) vs placebo; MID 10; very low certainty" in relaxants


def test_no_evidence_is_a_gap_never_zero():
    table = views_options.options_table("medicine", "acute_nonspecific_lbp")
    paracetamol = _row(table, "Paracetamol")[3]
    assert paracetamol == ("— no pooled estimate in this series",)
    assert "— no pooled estimate in this series" in table.to_text()
    assert " 0 (" not in table.to_text()


def test_chronic_view_keeps_acute_effects_out():
    text = views_options.options_table("medicine", "chronic_lbp").to_text()
    assert "−3.3 (−5.33 to −1.27) vs placebo" in text
    assert "−7.29" not in text


def test_time_to_effect_is_sourced_or_marked_editorial_and_harms_flag_unconfirmed():
    table = views_options.options_table("medicine")
    anti = _row(table, "Antidepressants")
    assert anti[4][0].endswith("[course estimate, not from a source]")
    assert "(not confirmed)" in anti[5][0]
    nsaids = _row(table, "Non-steroidal")
    assert nsaids[4][0].endswith("[van der Gaag 2020]")
    assert _row(table, "Paracetamol")[5][0] == "None listed in this series (not the same as none)."


def test_options_table_text_plain_is_deterministic_and_html_has_headers():
    a = views_options.options_table("medicine")._repr_mimebundle_()
    b = views_options.options_table("medicine")._repr_mimebundle_()
    assert a == b
    assert a["text/plain"].startswith("Medicines: all options (listed by invasiveness, then name; not a ranking)")
    assert '<th scope="col" style="text-align:left;vertical-align:top">Effect (vs comparator, certainty)</th>' in a[
        "text/html"]
    assert a["text/html"].count('<th scope="row"') == 7


def test_html_escaping_of_content_text():
    table = views_options.OptionsTable("T <i>", ("Option", "What"), ((("<script>x</script>",), ("a & b",)),))
    html = table.to_html()
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html and "a &amp; b" in html
    cell = positions.PositionCell("for", "any_lbp", condition='only "with" <exercise>', paraphrase="<b>bold</b>")
    assert "&lt;exercise&gt;" in views_positions.position_html(cell, paraphrase=True) and "<b>bold" not in views_positions.position_html(cell, paraphrase=True)


def test_benefit_and_harm_side_by_side_names_the_population_of_each_effect():
    card = views_options.benefit_and_harm("nsaids")
    lines = card.text.splitlines()
    assert lines[0] == "Non-steroidal anti-inflammatory drugs (NSAIDs): benefit and harm side by side"
    assert ("pain in acute low back pain (pain 0-100, up to 3 weeks): −7.29 (−10.98 to −3.61) vs placebo; MID 10; "
            "moderate certainty [van der Gaag 2020]") in lines[1]
    assert ("pain in chronic low back pain (pain 0-100 (VAS), median follow-up 56 days): −3.3 (−5.33 to −1.27) vs "
            "placebo; MID not stated by the source; low certainty [Enthoven 2016]") in lines[1]
    assert lines[2].startswith("Harms: Common: Stomach upset. Serious: Bleeding")
    assert '>Harms</th>' in card.html and card.html.count("<summary>numbers and source</summary>") == 4
    visible = re.sub(r"<[^>]+>", " ", re.sub(r"<details.*?</details>", "", card.html, flags=re.S))
    assert "pain in acute low back pain: pain 0-100, up to 3 weeks: −7.29 vs placebo; moderate certainty" in visible
    assert "MID not stated by the source" not in visible and "⊘  no MID" in visible  # the badge, not the sentence
    assert 'title="MID not stated by the source' in card.html  # its full wording kept for hover and screen readers
    assert "What the badges mean" in card.html


def test_benefit_and_harm_for_a_condition_and_for_a_gap():
    assert "−7.29" not in views_options.benefit_and_harm("nsaids", "chronic_lbp").text
    anti = views_options.benefit_and_harm("antidepressants")
    assert anti.text.splitlines()[1] == "Benefit: — no pooled estimate in this series"
