"""views.red_flags: the report view (none ticked, emergency, each flag alone, combination, the notice) and the table."""
from __future__ import annotations

from backcare.logic.red_flags import red_flag_report
from backcare.views.notice import SHORT_NOTICE
from backcare.views.red_flags import checker_heading, red_flag_report_html, red_flag_table


def test_no_flag_ticked_is_a_status_box_without_a_table():
    html = red_flag_report_html(red_flag_report([]))
    assert html.startswith('<div class="bc-box" role="status"><p>No red flag ticked.') and "<table" not in html


def test_emergency_flag_leads_with_same_day_emergency_and_ends_with_the_notice():
    html = red_flag_report_html(red_flag_report(["saddle_numbness"]))
    assert html.index('<p class="bc-urgent"><strong>Same-day emergency.</strong>') < html.index("<table")
    assert "never multiplied" not in html  # one flag: nothing to multiply
    assert html.endswith("</ul><p><em>" + SHORT_NOTICE + "</em></p></div>")


def test_two_fracture_flags_show_each_alone_and_the_reported_combination_once():
    html = red_flag_report_html(red_flag_report(["older_age", "corticosteroids"]))
    assert html.count('<tr><th scope="row">') == 2
    assert html.count("<strong>Reported combination</strong>") == 1 and "90% (95% CI 34 to 99%)" in html
    assert "<strong>never multiplied</strong>" in html and "bc-urgent" not in html
    assert html.count("<li><strong>") == 1  # both point to one condition: its action listed once


def test_table_has_a_row_per_flag_and_the_heading_names_the_synthetic_case():
    table = red_flag_table()
    assert table.html.count('<tr><th scope="row">') == len(table.text.splitlines()) - 1
    assert checker_heading() == "<p><strong>Tick the findings present</strong> (synthetic case)</p>"
