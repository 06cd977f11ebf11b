"""views.figure: the <img> with inline PNG and escaped alt text, and the <figure> with caption and data table."""
from __future__ import annotations

from backcare.views.figure import figure_html, img_html
from backcare.views.tables import Table


def test_img_carries_escaped_alt_and_optional_width():
    assert img_html(b"\x89PNG", 'a "b" <c>') == (
        '<img src="data:image/png;base64,iVBORw==" alt="a &quot;b&quot; &lt;c&gt;" style="max-width:100%">')
    assert img_html(b"\x89PNG", "x", width=320).endswith('style="max-width:100%;width:320px">')


def test_figure_has_caption_then_the_data_table_after_it():
    table = Table(["k"], [[1]])
    html = figure_html(b"\x89PNG", "alt", caption="Cap <1>", table=table)
    assert html.startswith('<figure class="bc-figure"><img src="data:image/png;base64,iVBORw==" alt="alt"')
    assert '<figcaption>Cap &lt;1&gt;</figcaption></figure><details class="bc-data">' in html
    assert html.endswith(table.to_html())
    assert figure_html(b"\x89PNG", "alt").endswith('style="max-width:100%"></figure>')
