"""views.tables: the captioned table block and the folded data table under a chart (exact markup, escaping, text)."""
from __future__ import annotations

from backcare.views.tables import Table, table_block


def test_table_block_markup_text_and_escaping():
    block = table_block("Cap & more", ["A", "B"], [["x <y>", "it's"], ["z", "1"]])
    assert block.html == (
        '<table class="bc-table"><caption>Cap &amp; more</caption><thead><tr><th scope="col">A</th>'
        '<th scope="col">B</th></tr></thead><tbody><tr><th scope="row">x &lt;y&gt;</th><td>it&#x27;s</td></tr>'
        '<tr><th scope="row">z</th><td>1</td></tr></tbody></table>')
    assert block.text == "A | B\nx <y> | it's\nz | 1"


def test_table_block_without_row_headers_with_a_note_and_own_text():
    block = table_block("C", ["A"], [["1"]], row_header=False, note="Note <b>", text="own")
    assert block.html.endswith('<tbody><tr><td>1</td></tr></tbody></table><p>Note &lt;b&gt;</p>')
    assert block.text == "own"


def test_data_table_folds_under_a_summary_and_prints_numbers_plainly():
    table = Table(["Year", "Value"], [["2020", 3.0], ["2050", None], ["x", 0.25]], caption="Numbers")
    assert table.to_html() == (
        '<details class="bc-data"><summary>Numbers</summary><table class="bc-table"><thead><tr>'
        '<th scope="col">Year</th><th scope="col">Value</th></tr></thead><tbody><tr><td>2020</td><td>3</td></tr>'
        '<tr><td>2050</td><td></td></tr><tr><td>x</td><td>0.25</td></tr></tbody></table></details>')
    assert table.to_text() == "Year | Value\n2020 | 3\n2050 | \nx | 0.25"
    assert table.__html__() == table.to_html()
