"""lessons.imaging: the explorer switches ages; the chart's alt text carries the numbers."""
from __future__ import annotations

import pytest

from backcare.lessons.imaging import imaging_explorer, show_imaging_findings


def test_imaging_explorer_switches_and_uses_natural_frequencies():
    ex = imaging_explorer(age=50)
    assert "Out of 100 people aged 50 without back pain, about 80 have disc degeneration" in ex.visible_html()
    ex.control.index = 0
    shown = ex.visible_html()
    assert "aged 20" in shown and "about 4 have facet degeneration (modelled" in shown
    with pytest.raises(ValueError, match="age must be one of 20, 30, 40, 50, 60, 70, 80"):
        imaging_explorer(age=45)


def test_imaging_figure_alt_text_has_numbers():
    alt = show_imaging_findings().alt
    assert "Disc degeneration 37 at age 20 to 96 at 80" in alt
    assert "Facet degeneration 4 at age 20 to 83 at 80 (ages 20, 30 modelled" in alt
