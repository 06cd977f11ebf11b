"""views.test_accuracy: the report for typed inputs (a bad entry or an undefined result gives an alert) and one
pre-computed scenario."""
from __future__ import annotations

from backcare.logic.test_accuracy import post_test_probability
from backcare.views.test_accuracy import accuracy_report, accuracy_scenario


def test_report_shows_the_post_test_probability_and_the_condition():
    block = accuracy_report("10%", 0.9, 0.2, positive=False, test_name="X <test>", condition="sciatica")
    expected = post_test_probability(0.1, 0.9, 0.2, positive=False)
    assert f'<span class="bc-post-test">{expected:.1%}</span>' in block.html
    assert "<strong>After a negative result on X &lt;test&gt;:</strong>" in block.html
    assert block.html.endswith("<p>The condition here: sciatica.</p></div>")
    assert block.text.splitlines()[-1] == "The condition here: sciatica."


def test_bad_entry_and_undefined_result_are_alerts():
    bad = accuracy_report("0.5", "high", 0.2)
    assert bad.html.startswith('<div class="bc-box" role="alert"><p><strong>Check the entry.</strong> Sensitivity:')
    undefined = accuracy_report(0, 0.9, 1.0)
    assert undefined.html.startswith('<div class="bc-box" role="alert"><p>the post-test probability')
    assert "Check the entry" not in undefined.html


def test_scenario_view_for_crossed_slr_at_60_percent():
    html = accuracy_scenario(1, 2)
    assert 'aria-label="Crossed straight leg raise, pre-test High (60%)"' in html
    assert "sensitivity 0.28, specificity 0.9" in html and "pre-test probability 60% (a synthetic scenario)" in html
    assert f'<span class="bc-post-test">{post_test_probability(0.6, 0.28, 0.9):.1%}</span>' in html
