"""The one provenance/certainty badge (issue 16 item 4): a symbol and short words with the full wording in title and
aria-label, one legend that explains every value, and views that show the badge where they used to repeat a sentence."""
from __future__ import annotations

import re
from html import unescape

import pytest

from backcare.content import load_content
from backcare.dev.reading_time import strip_details
from backcare.logic.vocabulary import BADGES, CONDITIONS, TIER_LABELS
from backcare.views import badges
from backcare.views.care_pathways import show_disagreements
from backcare.views.options import benefit_and_harm, options_table
from backcare.views.positions import explorer_view_html

_BADGE = re.compile(r'<span class="bc-badge" role="img" aria-label="([^"]*)" title="([^"]*)"[^>]*>'
                    r'<span aria-hidden="true">([^<]*)</span> ([^<]*)</span>')


def _visible(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", strip_details(html))).split())


def _all_views() -> list[str]:
    from backcare.views.care_pathways import show_access_and_coverage, show_care_pathways, time_to_effect_html

    out = [show_disagreements().html, show_care_pathways().html, show_access_and_coverage().html]
    out += [time_to_effect_html(cond) for cond in CONDITIONS]
    for tier in TIER_LABELS:
        for cond in CONDITIONS:
            out.append(options_table(tier, cond).to_html())
            for g in ("NICE", "ACP", "WHO"):
                out.append(explorer_view_html(tier, cond, g))
    out += [benefit_and_harm(t).html for t in load_content().treatments]
    return out


def test_every_badge_a_view_prints_is_a_legend_value_with_its_full_wording():
    legend = badges.legend_html()
    seen = set()
    for html in _all_views():
        for aria, title, symbol, short in _BADGE.findall(html):
            key = next(k for k, (s, w, full) in BADGES.items() if (s, w) == (symbol, short))
            assert unescape(aria) == unescape(title) == BADGES[key][2]
            seen.add(key)
            assert "What the badges mean" in html  # each view that prints a badge carries the legend, collapsed
    assert {"course_estimate", "approximate", "unconfirmed", "ungraded", "no_mid", "no_estimate"} <= seen
    for symbol, short, full in BADGES.values():
        assert f"{symbol}</span> {short}" in legend and full.replace("'", "&#x27;") in legend
    assert "Course estimate, not from a source" in badges.legend_text()


def test_the_badge_is_never_colour_alone_and_the_legend_is_collapsed():
    html = badges.badge_html("approximate")
    assert "≈" in html and "approximate</span>" in html and "border:1px solid" in html
    assert _visible(badges.legend_html()) == ""


def test_views_show_badges_instead_of_the_repeated_hedge_sentences():
    for html in _all_views():
        seen = _visible(html)
        for sentence in ("MID not stated by the source", "certainty not graded by the source",
                         "course estimate, not from a source", "no pooled estimate", "(details approximate)",
                         "(not confirmed in a primary source)"):
            assert sentence not in seen
    text = options_table("non_invasive", "chronic_lbp").to_text()  # the plain-text twin keeps every word
    assert "MID not stated by the source" in text and "certainty not graded by the source" in text


def test_an_effect_line_keeps_its_numbers_and_source_one_click_away():
    html = options_table("medicine", "acute_nonspecific_lbp").to_html()
    row = html.split("Non-steroidal anti-inflammatory drugs (NSAIDs)")[1].split("</tr>")[0]
    assert "pain 0-100, up to 3 weeks: −7.29 vs placebo; moderate certainty" in _visible(row)
    assert "(−10.98 to −3.61)" not in _visible(row) and "(−10.98 to −3.61)" in row and "van der Gaag 2020" in row


@pytest.mark.parametrize("key", ["guess", ""])
def test_an_unknown_badge_names_the_allowed_values(key):
    with pytest.raises(ValueError, match="supported values are course_estimate, approximate"):
        badges.badge_html(key)
