"""Tables as HTML: a captioned table block (``table_block``) and the folded data table under a chart (``Table``).

Examples
--------
>>> block = table_block("Demo", ["Who", "What"], [["a <b>", "1"]])
>>> block.html
'<table class="bc-table"><caption>Demo</caption><thead><tr><th scope="col">Who</th><th scope="col">What</th></tr></thead><tbody><tr><th scope="row">a &lt;b&gt;</th><td>1</td></tr></tbody></table>'
>>> block.text
'Who | What\\na <b> | 1'
>>> Table(["x", "y"], [[1, 0.5]]).to_text()
'x | y\\n1 | 0.5'
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..fmt import plain
from .render import Html, render

__all__ = ["Table", "table_block"]


@dataclass(frozen=True)
class Table:
    """The numbers behind a chart, shown as a data table under it (``<details>`` in HTML)."""

    columns: Sequence[str]
    rows: Sequence[Sequence[object]]
    caption: str = "The numbers in this chart"

    def to_html(self) -> str:
        return render("data_table.html.j2", caption=self.caption, columns=self.columns,
                      rows=[[plain(v) for v in row] for row in self.rows])

    def __html__(self) -> str:
        return self.to_html()

    def to_text(self) -> str:
        lines = [" | ".join(str(c) for c in self.columns)]
        lines += [" | ".join(plain(v) for v in row) for row in self.rows]
        return "\n".join(lines)


def table_block(caption: str, columns: Sequence[str], rows: Sequence[Sequence[str]], *, row_header: bool = True,
                note: str | None = None, text: str | None = None) -> Html:
    """A captioned table (first cell of a row is its header), optionally followed by a note paragraph.

    The plain text is the columns and rows joined with `` | ``, unless ``text`` is given.
    """
    html = render("table.html.j2", caption=caption, columns=columns, rows=rows, row_header=row_header, note=note)
    if text is None:
        text = "\n".join([" | ".join(columns)] + [" | ".join(r) for r in rows])
    return Html(html, text)
