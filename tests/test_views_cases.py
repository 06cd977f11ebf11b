"""backcare.views.cases: the vignette card, the option grid built from content/, and the patient voice."""
from __future__ import annotations

import re

from backcare.lessons import cases as lessons
from backcare.views import cases as views


def test_vignette_card_is_marked_synthetic_and_lists_plans():
    html_ = views.vignette_card_html("emeka")
    assert "(synthetic case)" in html_ and "Plan D:" in html_
    assert "Older age" in html_  # red-flag finding named as in chapter 02
    assert "Pharmacy:" in html_


def test_option_grid_from_content():
    rows = dict(views.grid_rows("priya"))
    assert rows["Invasiveness level"] == ["1", "3", "5"]
    # Oliveira 2020 ESI leg pain vs placebo −4.93 (−8.77 to −1.09), approximate; Peul 2007 HR 1.97 (1.72 to 2.22)
    assert "−4.93 (−8.77 to −1.09) vs placebo" in rows["How much does it help, compared with what?"][1]
    assert "1.97 (1.72 to 2.22)" in rows["How much does it help, compared with what?"][2]
    assert rows["What do guidelines say for this condition?"][1].startswith("NICE: for (Acute and severe sciatica.)")
    assert views.grid_rows("leila") == []
    assert "no option grid now" in views.option_grid_html("leila")
    ex = lessons.option_grid_explorer("kwame")
    assert "Deciding together with Kwame" in ex.visible_html()


def test_patient_voice_is_cited_paraphrase():
    block = views.patient_voice()
    assert "[Darlow 2013]" in block.html and "(23 people)" in block.html
    assert "“" not in block.html and '"' not in block.text


def test_option_grid_shows_badges_not_repeated_hedges_and_collapses_what_it_is():
    from backcare.dev.reading_time import strip_details

    html_ = views.option_grid_html("priya")
    visible = re.sub(r"<[^>]+>", " ", strip_details(html_))  # what a reader sees (badge titles aside)
    assert "no MID" in visible and "MID not stated by the source" not in visible  # the badge, not the sentence
    assert "MID not stated by the source" in html_  # the full sentence stays one click away
    assert "−4.93 vs placebo" in visible and "(−8.77 to −1.09)" in html_
    assert "A structured programme of exercise" in html_ and "A structured programme of exercise" not in visible
    assert '<details class="bc-badge-legend">' in html_  # the legend, one click away
