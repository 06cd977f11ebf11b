"""backcare.dev.outputs_diff: a refactor's proof that outputs read the same (tidier markup passes, changed words fail)."""
from __future__ import annotations

import nbformat
import nbformat.v4 as v4

from backcare.dev import outputs_diff as od


def _nb(*outputs):
    return v4.new_notebook(cells=[v4.new_markdown_cell("# T"), v4.new_code_cell("x", outputs=list(outputs))])


def _html(markup, plain="T"):
    return v4.new_output("display_data", data={"text/plain": plain, "text/html": markup})


def test_identical_outputs_and_masked_noise_are_no_difference():
    a = _nb(_html('<img src="data:image/png;base64,AAAA" alt="A chart">'), v4.new_output("stream", text="hi\n"))
    b = _nb(_html('<img src="data:image/png;base64,BBBB" alt="A chart">'), v4.new_output("stream", text="hi\n"))
    assert od.compare(a, b) == []


def test_markup_that_reads_the_same_is_reported_as_markup_only():
    diffs = od.compare(_nb(_html("<p>it&#x27;s  fine</p>")), _nb(_html("<div>\n<p>it&#39;s fine</p></div>")))
    assert [(d.cell, d.output, d.kind) for d in diffs] == [(1, 1, "html-markup")]


def test_a_changed_word_alt_text_or_plain_text_is_a_difference():
    assert [d.kind for d in od.compare(_nb(_html("<p>about 16 in 1,000</p>")), _nb(_html("<p>about 17 in 1,000</p>")))] \
        == ["html-text"]
    assert [d.kind for d in od.compare(_nb(_html('<img alt="16 marked">')), _nb(_html('<img alt="17 marked">')))] \
        == ["html-text"]
    assert [d.kind for d in od.compare(_nb(_html("<p>x</p>", "16")), _nb(_html("<p>x</p>", "17")))] == ["text/plain"]
    assert [d.kind for d in od.compare(_nb(_html("<p>x</p>")), _nb())] == ["count"]


def test_main_exits_1_naming_the_cell_and_0_for_markup_only(tmp_path, capsys):
    before, same, other = tmp_path / "a.ipynb", tmp_path / "b.ipynb", tmp_path / "c.ipynb"
    nbformat.write(_nb(_html("<p>Hello  you</p>")), before)
    nbformat.write(_nb(_html("<div><p>Hello you</p></div>")), same)
    nbformat.write(_nb(_html("<p>Goodbye</p>")), other)
    assert od.main([str(before), str(same)]) == 0
    assert "b.ipynb: reads the same (1 output(s) with tidier markup, same text)" in capsys.readouterr().out
    assert od.main([str(before), str(other)]) == 1
    assert "cell 1, output 1: text/html reads differently: 'Hello you' != 'Goodbye'" in capsys.readouterr().out
