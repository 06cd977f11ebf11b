"""lessons.triage: the triage icon array's alt text states the numbers; the radicular share is marked uncertain."""
from __future__ import annotations

from backcare.content.chapter_understanding import chapter_data
from backcare.lessons.triage import show_triage, triage_alt_text


def test_radicular_share_is_flagged_uncertain():
    rad = next(g for g in chapter_data().triage.groups if g.id == "radicular")
    assert (rad.low, rad.high, rad.confidence, rad.approximate, rad.references) == (5, 10, "?", True, [])
    assert "not verified" in triage_alt_text()


def test_triage_alt_text_states_the_numbers():
    alt = show_triage().alt
    for part in ("1,000", "About 9", "0.9%", "Between 50 and 100", "5 to 10%", "891 to 941", "90%"):
        assert part in alt
