"""backcare.lessons.comparing: the bc. names of chapter 06 (figures with alt text, explorers switch to the right view)."""
from __future__ import annotations

import pytest

from backcare.lessons import comparing as lesson
from backcare.logic import vocabulary
from backcare.views import care_pathways as views_pathways
from backcare.views import comparing as views_comparing


def test_show_benefit_and_harm_renders_with_alt():
    shown = lesson.show_benefit_and_harm("sciatica")
    assert shown.png.startswith(b"\x89PNG")
    assert "−4.93 (−8.77 to −1.09)" in shown.alt  # ESI leg pain vs placebo (Oliveira 2020, approximate)
    assert "Source" in shown.table.columns


def test_options_explorer_switches_view():
    ex = lesson.options_explorer("chronic_lbp", "NICE")
    assert "Chronic low back pain: what NICE" in ex.visible_html()
    ex.outer.index = list(vocabulary.CONDITIONS).index("sciatica")
    ex.inner.index = vocabulary.GUIDELINES.index("WHO")
    html_ = ex.visible_html()
    assert html_ == views_comparing.options_view_html("sciatica", "WHO")
    assert "Sciatica (radicular leg pain): what WHO" in html_
    assert "score" not in html_.lower() and "rank" not in html_.replace("not ranked", "").lower()


def test_benefit_and_harm_explorer_views():
    ex = lesson.benefit_and_harm_explorer("sciatica")
    assert "Sciatica" in ex.visible_html() and 'alt="' in ex.visible_html()
    with pytest.raises(ValueError, match="'back' is not a valid condition; supported values are acute_nonspecific_lbp"):
        lesson.benefit_and_harm_explorer("back")


def test_time_to_effect_marks_editorial_estimates():
    rows = views_pathways.time_to_effect_rows("acute_nonspecific_lbp")
    nsaids = next(r for r in rows if r[1].startswith("Non-steroidal"))
    assert nsaids[3] == "van der Gaag 2020"
    heat = next(r for r in rows if r[1].startswith("Superficial heat"))
    assert heat[3] == "course estimate (editorial, not sourced)"
    ex = lesson.time_to_effect_explorer()
    ex.control.index = 2
    assert "Sciatica" in ex.visible_html() and "95" in ex.visible_html()  # Peul: about 95% recovered at 1 year
