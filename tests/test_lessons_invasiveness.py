"""lessons.invasiveness: the scale figure's alt text and table come from content; the explorer shows each level's
card and refuses an unknown level."""
from __future__ import annotations

import pytest

from backcare.content import load_content
from backcare.lessons.invasiveness import (
    invasiveness_explorer, level_card_html, scale_alt_text, show_invasiveness_scale,
)


def test_scale_figure_states_every_level_and_that_it_is_not_about_benefit():
    shown = show_invasiveness_scale()
    levels = load_content().invasiveness_levels
    assert [row[0] for row in shown.table.rows] == [lv.level for lv in levels]
    assert shown.alt == scale_alt_text()
    for lv in levels:
        assert f"{lv.level} {lv.name} (for example" in shown.alt
    assert "it says nothing about how well a treatment works" in shown.alt


def test_explorer_switches_to_the_card_of_the_chosen_level():
    levels = load_content().invasiveness_levels
    ex = invasiveness_explorer(level=2)
    assert ex.visible_html() == level_card_html(levels[2])
    ex.control.index = 5
    assert ex.visible_html() == level_card_html(levels[5]) and 'aria-label="Invasiveness level 5"' in ex.visible_html()
    with pytest.raises(ValueError, match=r"level must be one of \[0, 1, 2, 3, 4, 5\], not 6"):
        invasiveness_explorer(level=6)
