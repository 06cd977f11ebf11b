"""Chapter 01 (backcare.understanding): exact values typed from the fact sheet, alt texts carry the plotted numbers,
the natural-history explorer shows the chosen course, bad input gives a clear message."""
from __future__ import annotations

import pytest

from backcare import understanding as u


def test_triage_counts_per_1000_exact():
    c = u.triage_counts()
    # Henschke 2009: 0.9% serious; radicular often quoted 5-10% (not verified); the rest non-specific
    assert (c.population, c.serious, c.radicular_low, c.radicular_high) == (1000, 9, 50, 100)
    assert (c.nonspecific_low, c.nonspecific_high) == (891, 941)
    assert c.serious + c.radicular_high + c.nonspecific_low == 1000
    assert c.serious + c.radicular_low + c.nonspecific_high == 1000


@pytest.mark.parametrize("population, serious, rad_low, rad_high", [(100, 1, 5, 10), (10000, 90, 500, 1000)])
def test_triage_counts_edges(population, serious, rad_low, rad_high):
    c = u.triage_counts(population)
    assert (c.serious, c.radicular_low, c.radicular_high) == (serious, rad_low, rad_high)


@pytest.mark.parametrize("bad", [0, 99, -5, 1.5, True, "1000"])
def test_triage_counts_bad_population(bad):
    with pytest.raises(ValueError, match="population must be a whole number of people, 100 or more"):
        u.triage_counts(bad)


def test_radicular_share_is_flagged_uncertain():
    rad = next(g for g in u.chapter_data().triage.groups if g.id == "radicular")
    assert (rad.low, rad.high, rad.confidence, rad.approximate, rad.references) == (5, 10, "?", True, [])
    assert "not verified" in u.triage_alt_text()


def test_triage_alt_text_states_the_numbers():
    alt = u.show_triage().alt
    for part in ("1,000", "About 9", "0.9%", "Between 50 and 100", "5 to 10%", "891 to 941", "90%"):
        assert part in alt


def test_natural_history_values_from_costa_2012():
    assert u.natural_history() == {
        "acute": ((0, 52), (6, 23), (26, 12), (52, 6)),
        "persistent": ((0, 51), (6, 33), (26, 26), (52, 23)),
    }


def test_natural_history_alt_text_contains_plotted_numbers():
    acute = u.natural_history_alt_text("acute")
    assert "52 at week 0, 23 at week 6, 12 at week 26 and 6 at week 52" in acute
    assert "interpolation" in acute and "persistent" not in acute
    both = u.show_natural_history("both").alt
    assert "51 at week 0, 33 at week 6, 26 at week 26 and 23 at week 52" in both
    assert "52 at week 0" in both


def test_natural_history_bad_course():
    with pytest.raises(ValueError, match="course must be one of acute, persistent, both, not 'chronic'"):
        u.show_natural_history("chronic")


def test_natural_history_figure_plots_markers_and_dashed_lines():
    fig = u.plot_natural_history("acute")
    ax = fig.axes[0]
    dashed = [ln for ln in ax.get_lines() if ln.get_linestyle() == "--" and len(ln.get_xdata())]
    markers = [ln for ln in ax.get_lines() if ln.get_linestyle() == "None"]
    assert [list(ln.get_ydata()) for ln in markers] == [[52, 23, 12, 6]]
    assert [list(ln.get_xdata()) for ln in dashed] == [[0, 6, 26, 52]]


def test_natural_history_explorer_switches_views():
    ex = u.natural_history_explorer()
    assert ex.labels == ["Both courses", "Acute only", "Persistent only"]
    assert "Natural history: Both courses" in ex.visible_html()
    ex.control.index = 1
    shown = ex.visible_html()
    assert "Natural history: Acute only" in shown and "from 52 to 23 out of 100" in shown
    assert "Persistent only" in ex._repr_mimebundle_()["text/plain"] or "Acute only" in ex.describe()
    ex.control.index = 2
    assert "from 51 to 33 out of 100" in ex.visible_html() and "was 23 at one year" in ex.visible_html()


def test_natural_history_explorer_opens_on_requested_course():
    assert u.natural_history_explorer(course="persistent").describe().endswith("Showing: Persistent only.")


def test_burden_alt_text_and_summary():
    alt = u.show_burden().alt
    for part in ("619 million", "554 to 694", "843 million", "759 to 933"):
        assert part in alt
    text = u.burden_summary().text
    assert "1 (the leading cause)" in text and "about 8%" in text
    assert "about age 15" in text and "80 to 85" in text and "50 to 55" in text


def test_definitions_table_cutoffs():
    text = u.definitions_table().text
    assert "ACP 2017 | under 4 weeks | 4 to 12 weeks | over 12 weeks" in text
    assert "| under 1 month | 1 to 3 months | over 3 months" in text
    assert "over 3 months and not explained by another disease" in text
    assert "lasting at least one day" in text


def test_spine_schematic_names_structures_and_disclaims():
    alt = u.show_spine_schematic().alt
    for part in ("L4 root", "L5 root", "S1 root", "Facet joints", "discs", "does not mean it is the source"):
        assert part in alt


def test_recovery_milestones_exact():
    text = u.recovery_milestones().text
    for part in ("median 14 days", "median 31 days", "median 58 days", "72%", "69%", "median 139 days",
                 "(250 people)", "limited activities: 40%", "was sought: 41%"):
        assert part in text


def test_chapter_data_rejects_unflagged_uncertain_range(tmp_path):
    with pytest.raises(ValueError, match="set approximate: true"):
        u.TriageGroup(id="radicular", label="x", low=5, high=10, confidence="?")
    with pytest.raises(ValueError, match="give a fact id, or low, high and confidence"):
        u.TriageGroup(id="radicular", label="x")


def test_chapter_dataset_problems_are_reported_together(tmp_path):
    import re as _re

    from backcare._chapterkit import chapter_path, read_chapter
    from backcare.content import ContentError

    text = chapter_path(u.STEM).read_text(encoding="utf-8")
    text = text.replace("fact: costa_acute_pain_6_weeks", "fact: costa_acute_pain_7_weeks")
    text = text.replace("reference: ACP2017", "reference: ACP2099")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as err:
        read_chapter(bad, u.UnderstandingFile)
    message = str(err.value)
    assert message.startswith("2 problems in course content:")
    assert "definitions.0.reference: unknown reference key 'ACP2099'" in message
    assert _re.search(r"natural_history\.courses\.0\.points\.1\.fact: unknown fact id 'costa_acute_pain_7_weeks'",
                      message)
    trap = tmp_path / "trap.yaml"
    original = chapter_path(u.STEM).read_text(encoding="utf-8")
    trap.write_text(original.replace("\n  approximate: true", "\n  approximate: yes", 1), encoding="utf-8")
    with pytest.raises(ContentError, match=r"approximate: 'yes' is text in course YAML"):
        read_chapter(trap, u.UnderstandingFile)


def test_approximate_causes_are_all_marked_approximate():
    lines = u.approximate_causes_table().text.splitlines()[1:]
    assert len(lines) == 11 and all(line.endswith("~ approximate") for line in lines)
    shares = {line.split(" | ")[0].split(" (")[0]: line.split(" | ")[1] for line in lines}
    assert shares["Lumbar strain or sprain"] == "about 70%"
    assert shares["Spondylolisthesis"] == "about 2 to 3%"
    assert shares["Cancer"] == "about 0.7%"
    assert shares["Cauda equina syndrome"] == "about 0.04%"
    assert shares["Spinal infection"] == "about 0.01%"
    assert "Deyo 1992" in lines[-2]
