"""Issue 15: guideline positions carry the date they were last checked against the guideline (``checked_on``); the
date shows where a position is shown in detail, and the review packet lists every other shown position as "not yet
checked"."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from backcare.builders import review
from backcare.content import load_content
from backcare.logic.positions import position_cells
from backcare.logic.review_packet import chapter_statements, chapters
from backcare.views.positions import positions_matrix


@pytest.mark.parametrize("stem", chapters())
def test_every_shown_position_is_dated_or_listed_as_not_yet_checked(stem):
    c = load_content()
    shown = review._positions(chapter_statements(stem))
    by_key = {(c.treatments[p.treatment].name, p.guideline, p.population): p for p in c.positions}
    for row in shown:
        position = by_key[(row["treatment"], row["guideline"], row["population"])]
        if position.checked_on:
            assert row["checked"] == position.checked_on.isoformat()
        else:
            assert row["checked"] == review.NOT_CHECKED
    html = review.packet_html(stem)
    assert html.count(review.NOT_CHECKED) >= sum(r["checked"] == review.NOT_CHECKED for r in shown)


def test_checked_dates_are_real_and_not_in_the_future():
    dates = [p.checked_on for p in load_content().positions if p.checked_on]
    assert len(dates) >= 90  # checked on 2026-11-29 against NICE, ACP and WHO texts (content/positions.yaml header)
    assert all(d <= dt.date(2026, 11, 29) for d in dates)
    unchecked = [(p.treatment, p.guideline) for p in load_content().positions if not p.checked_on]
    assert ("superficial_heat", "NICE") in unchecked  # a row whose source could not be confirmed stays undated
    assert all(not p.checked_on for p in load_content().positions if not p.verified)


def test_the_date_shows_in_a_positions_details():
    cell, = position_cells("acupuncture", "NICE")
    assert cell.checked_on == "2026-11-29"
    html = positions_matrix(["acupuncture"]).to_html()
    assert "Checked against the guideline on 2026-11-29." in html
    undated, = position_cells("superficial_heat", "NICE")
    assert undated.checked_on is None
    undated_html = positions_matrix(["superficial_heat"], guidelines=["NICE"]).to_html()
    assert "Checked against" not in undated_html
    assert "Not yet checked against the guideline's own text." in undated_html  # said, not left to silence
    gap, = position_cells("superficial_heat", "CDC")  # out of scope: not a recorded position, nothing to check
    assert not gap.recorded


def test_a_packet_shows_dates_and_not_yet_checked():
    html = review.packet_html("04_medicines")
    assert "2026-11-29" in html
    assert re.search(r"<td>WHO</td><td>chronic_lbp</td><td>[^<]*</td><td>not yet checked</td>", html)
