"""lessons.natural_history: alt text carries the plotted numbers, the explorer shows the chosen course,
recovery milestones exact, bad input gives a clear message."""
from __future__ import annotations

import pytest

from backcare.lessons.natural_history import (
    natural_history_alt_text, natural_history_explorer, plot_natural_history, recovery_milestones, show_natural_history,
)


def test_natural_history_alt_text_contains_plotted_numbers():
    acute = natural_history_alt_text("acute")
    assert "52 at week 0, 23 at week 6, 12 at week 26 and 6 at week 52" in acute
    assert "interpolation" in acute and "persistent" not in acute
    both = show_natural_history("both").alt
    assert "51 at week 0, 33 at week 6, 26 at week 26 and 23 at week 52" in both
    assert "52 at week 0" in both


def test_natural_history_bad_course():
    with pytest.raises(ValueError, match="course must be one of acute, persistent, both, not 'chronic'"):
        show_natural_history("chronic")


def test_natural_history_figure_plots_markers_and_dashed_lines():
    fig = plot_natural_history("acute")
    ax = fig.axes[0]
    dashed = [ln for ln in ax.get_lines() if ln.get_linestyle() == "--" and len(ln.get_xdata())]
    markers = [ln for ln in ax.get_lines() if ln.get_linestyle() == "None"]
    assert [list(ln.get_ydata()) for ln in markers] == [[52, 23, 12, 6]]
    assert [list(ln.get_xdata()) for ln in dashed] == [[0, 6, 26, 52]]


def test_natural_history_explorer_switches_views():
    ex = natural_history_explorer()
    assert ex.labels == ["Both courses", "Acute only", "Persistent only"]
    assert "Natural history: Both courses" in ex.visible_html()
    ex.control.index = 1
    shown = ex.visible_html()
    assert "Natural history: Acute only" in shown and "from 52 to 23 out of 100" in shown
    assert "Persistent only" in ex._repr_mimebundle_()["text/plain"] or "Acute only" in ex.describe()
    ex.control.index = 2
    assert "from 51 to 33 out of 100" in ex.visible_html() and "was 23 at one year" in ex.visible_html()


def test_natural_history_explorer_opens_on_requested_course():
    assert natural_history_explorer(course="persistent").describe().endswith("Showing: Persistent only.")


def test_recovery_milestones_exact():
    text = recovery_milestones().text
    for part in ("median 14 days", "median 31 days", "median 58 days", "72%", "69%", "median 139 days",
                 "(250 people)", "limited activities: 40%", "was sought: 41%"):
        assert part in text
