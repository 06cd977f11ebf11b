"""The clinical review packet (python -m backcare review) and the sign-off records (issue 15)."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from backcare.builders import review
from backcare.content.reviews import ReviewRecord, load_reviews, status_for
from backcare.logic.review_packet import chapter_statements, chapters, clinical_numbers, prose_keys, prose_numbers

CHAPTERS = chapters()


@pytest.mark.parametrize("stem", CHAPTERS)
def test_every_cited_key_and_prose_number_of_a_chapter_is_in_its_packet(stem):
    html = review.packet_html(stem)
    statements = chapter_statements(stem)
    shown_keys = {k for s in statements for k in s.keys}
    missing = [k for k in prose_keys(stem) if k not in shown_keys]
    assert not missing, f"{stem}: cited keys missing from the packet: {missing}"
    text = " ".join(s.text for s in statements)
    packet_numbers = set(clinical_numbers(text))
    lost = [n for n in prose_numbers(stem) if n not in packet_numbers]
    assert not lost, f"{stem}: prose numbers missing from the packet: {lost}"
    assert "Verdict" in html and "Comment" in html and "Unsourced statements" in html


def test_the_packet_links_sources_and_shows_confidence_marks():
    html = review.packet_html("04_medicines")
    assert 'href="https://doi.org/10.1016/S0140-6736(14)60805-9"' in html  # PACE (Williams 2014)
    assert re.search(r"fact [a-z0-9_]+: (✔|~|M|\?)", html)
    assert "◐ only if (chronic low back pain): Consider starting opioids only if" in html
    assert "2026-11-29" in html  # a guideline position with the date it was last checked


def test_the_packet_shows_what_a_student_meets_in_outputs_and_quiz_feedback():
    kinds = {s.kind for s in chapter_statements("05b_implanted_devices_and_surgery")}
    assert kinds == {"prose", "output", "quiz"}


def test_build_writes_one_packet_per_chapter_and_refuses_an_unknown_one(tmp_path):
    paths = review.build(tmp_path, ["04", "05a_injections_and_procedures"])
    assert [p.name for p in paths] == ["04_medicines.html", "05a_injections_and_procedures.html"]
    with pytest.raises(ValueError, match="is not a valid chapter"):
        review.build(tmp_path, ["44"])


def test_no_reviewer_is_ever_invented():
    assert load_reviews() == []
    for stem in CHAPTERS:
        assert status_for(stem, current=set()).text == "not yet clinically reviewed"


def test_a_record_goes_stale_when_a_signed_statement_changes():
    hashes = [s.digest for s in chapter_statements("04_medicines")]
    record = ReviewRecord(reviewer="Test Reviewer", profession="pharmacist", date=dt.date(2026, 1, 1),
                          scope=["04_medicines"], hashes=hashes)
    assert status_for("04_medicines", records=[record]).state == "current"
    assert status_for("04_medicines", records=[record], current=set(hashes[1:])).state == "stale"
    assert status_for("04_medicines", records=[record], current=set(hashes) | {"0" * 16}).state == "partial"


def test_each_page_shows_its_review_status_and_the_site_has_an_errata_page(tmp_path):
    from backcare.builders.site_pages import notes_html, render_errata

    assert "Review status of this page:</strong> not yet clinically reviewed" in notes_html(chapter="04_medicines")
    page = render_errata([], tmp_path).read_text(encoding="utf-8")
    assert "Epidural injections and spinal stenosis" in page and "0.2.0" in page


def test_citation_version_moved_on_and_contributing_says_how_a_clinician_reviews():
    from backcare.paths import repo_root

    assert review.series_version() != "0.1.0"
    text = (repo_root() / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "## How a clinician reviews" in text and "make review" in text and "content/reviews/" in text
