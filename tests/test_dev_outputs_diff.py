"""backcare.dev.outputs_diff: re-execute a notebook in memory and check its outputs read as the stored ones."""
from __future__ import annotations

import nbformat
import nbformat.v4 as v4
import pytest

from backcare.dev import outputs_diff

pytestmark = pytest.mark.slow  # starts a kernel


def _notebook(path, shown_html: str, printed: str):
    nb = v4.new_notebook(cells=[
        v4.new_code_cell('from IPython.display import HTML\nHTML("<p>Hello  <b>you</b></p>")', execution_count=1,
                         outputs=[v4.new_output("execute_result", execution_count=1,
                                                data={"text/plain": "<IPython.core.display.HTML object>",
                                                      "text/html": shown_html})]),
        v4.new_code_cell("print(6 * 7)", execution_count=2,
                         outputs=[v4.new_output("stream", name="stdout", text=printed)]),
    ])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


def test_tidier_markup_reads_the_same_and_a_changed_number_does_not(tmp_path):
    same = _notebook(tmp_path / "50_same.ipynb", "<div><p>Hello you</p></div>", "42\n")
    assert outputs_diff.check(same) == ([], ["cell 0: text/html markup only"])
    changed = _notebook(tmp_path / "51_changed.ipynb", "<p>Hello  <b>you</b></p>", "43\n")
    assert outputs_diff.check(changed) == (["cell 1: stream text differs"], [])
