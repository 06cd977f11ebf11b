"""backcare.views.comparing: alt text states the plotted numbers; the explorer view lists levels in order."""
from __future__ import annotations

import pytest

from backcare.logic import selection
from backcare.views import comparing as views_comparing


def test_scale_counts_by_hand():
    counts = selection.scale_counts()
    # stenosis: education (0), exercise therapy (1), epidural steroid injection (3), decompression and fusion (5)
    assert counts["stenosis"] == [1, 1, 0, 1, 0, 2]
    # sciatica: education; exercise, manipulation, CBT, multidisciplinary rehabilitation, traction;
    # anticonvulsants, opioids, oral steroids; ESI; discectomy
    assert counts["sciatica"] == [1, 5, 3, 1, 0, 1]
    alt = views_comparing.options_on_scale_alt()
    assert "Spinal stenosis with neurogenic claudication: level 0 1, level 1 1, level 2 0, level 3 1" in alt


def test_benefit_and_harm_alt_text_has_the_numbers():
    alt = views_comparing.benefit_and_harm_alt("chronic_lbp")
    # fact sheet §13: exercise −15 (−18 to −12); MINT facet −0.18 (−0.76 to 0.4); NSAIDs chronic −3.3 (−5.33 to −1.27)
    for text in ("−15 (−18 to −12)", "−0.18 (−0.76 to 0.4)", "−3.3 (−5.33 to −1.27)", "MID 2"):
        assert text in alt, text
    assert "gap in the evidence" in views_comparing.benefit_and_harm_alt("stenosis")


def test_options_view_lists_levels_in_order_and_marks_empty_levels():
    html_ = views_comparing.options_view_html("stenosis", "NICE")
    positions = [html_.index(f"<h4>Level {lv}:") for lv in range(6)]
    assert positions == sorted(positions)
    assert html_.count("No option at this level for this condition.") == 2  # levels 2 and 4


def test_compact_views_keep_an_against_position_visible_beside_the_option_and_its_words_in_details():
    import re
    from html import unescape

    from backcare.content import load_content
    from backcare.dev.reading_time import strip_details
    from backcare.logic.guidance import advised_against
    from backcare.logic.selection import options_for_condition
    from backcare.views.positions import explorer_view_html

    c = load_content()

    def rows(html):  # option name -> (visible text, full text) of its table row
        out = {}
        for tr in re.findall(r"<tr>(.*?)</tr>", html, flags=re.S):
            full = " ".join(unescape(re.sub(r"<[^>]+>", " ", tr)).split())
            vis = " ".join(unescape(re.sub(r"<[^>]+>", " ", strip_details(tr))).split())
            out[vis] = full
        return out

    checked = 0
    for condition in ("acute_nonspecific_lbp", "chronic_lbp", "sciatica", "stenosis"):
        for tid in options_for_condition(condition):
            t = c.treatments[tid]
            for p in advised_against(tid, condition):
                for html in (views_comparing.options_view_html(condition, p.guideline),
                             explorer_view_html(t.tier, condition, p.guideline)):
                    mine = [(v, f) for v, f in rows(html).items() if v.startswith(t.name)]
                    if not mine:
                        continue
                    vis, full = mine[0]
                    assert "✗ against" in vis, (tid, condition, p.guideline, vis)
                    assert p.paraphrase not in vis and p.paraphrase in full  # the guideline's words: one click
                    checked += 1
    assert checked > 20
