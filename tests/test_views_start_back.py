"""views.start_back: the scored summary (exact figures, risk group, matched care, notice) and a worked example."""
from __future__ import annotations

from backcare.views.start_back import start_back_example, start_back_intro, start_back_summary

HIGH = {1: True, 2: False, 3: True, 4: False, 5: True, 6: True, 7: True, 8: False, 9: True}


def test_summary_states_scores_risk_and_the_suri_figure():
    block = start_back_summary(HIGH)
    assert block.text.startswith("Total score 6 of 9; psychosocial subscale 4 of 5; risk group: high.")
    assert "<strong>Total score:</strong> 6 of 9." in block.html
    assert '<span class="bc-risk">high</span>' in block.html and "80% of people in this group" in block.html
    assert "keele.ac.uk/startback" in block.html
    assert "keele.ac.uk/startback" not in start_back_summary(HIGH, with_source=False).html  # the calculator's heading has it


def test_example_lists_only_the_items_agreed_with_then_the_summary():
    html = start_back_example("high", HIGH)
    assert html.startswith('<div class="bc-box" role="region" aria-label="STarT Back high risk example">')
    assert html.count("<li>") == 6 and "<li>2." not in html
    assert start_back_summary(HIGH).html in html
    assert start_back_intro().startswith("<p><strong>STarT Back items</strong> (Teaching paraphrase")
