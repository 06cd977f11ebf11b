"""Meta-tests of the committed notebooks: executed in order, widget state saved with fixed ids, template complete,
citations known."""
from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import nbformat
import pytest

from backcare.logic.citations import notebook_cited_keys
from backcare.notebook_meta import KNOWN_TAGS, cell_tags, chapter_meta
from backcare.paths import chapter_notebooks

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = chapter_notebooks(ROOT / "notebooks")
IDS = [p.stem for p in NOTEBOOKS]


def test_the_series_has_notebooks():
    assert NOTEBOOKS, "no notebooks found in notebooks/"
    assert NOTEBOOKS[0].stem == "00_start_here"


def test_prerequisites_name_notebooks_that_exist_and_come_earlier():
    """A renamed or split chapter (03 -> 03a, 03b) must not leave a prerequisite pointing at nothing."""
    order = {p.stem: i for i, p in enumerate(NOTEBOOKS)}
    for path in NOTEBOOKS:
        for name in chapter_meta(_load(path), path.name).prerequisites:
            stem = name.removesuffix(".ipynb")
            assert stem in order, f"{path.stem}: prerequisite {name!r} is not a notebook of the series"
            assert order[stem] < order[path.stem], f"{path.stem}: prerequisite {name!r} comes later in the series"


def _load(path):
    return nbformat.read(path, as_version=4)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_committed_fully_executed_in_order(path):
    nb = _load(path)
    code = [c for c in nb.cells if c.cell_type == "code"]
    counts = [c.execution_count for c in code]
    assert counts == list(range(1, len(code) + 1)), f"{path.name}: execution counts {counts}; run `make execute`"
    for i, cell in enumerate(code, 1):
        for out in cell.outputs:
            assert out.output_type != "error", f"{path.name}: code cell {i} stored an error"
            if out.output_type == "stream":
                assert out.name != "stderr", f"{path.name}: code cell {i} wrote to stderr: {out.text[:200]}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_widget_state_saved_with_renumbered_ids_and_no_timings(path):
    """Every widget view has its saved state (so JupyterLab, nbviewer and nbconvert show it before Run All), model ids
    are 1..N in the fixed order of backcare.builders.widget_state (so re-executing changes nothing), every reference
    between models resolves, and no cell carries timings."""
    from backcare.builders.widget_state import STATE, VIEW, new_id, view_outputs

    nb = _load(path)
    for cell in nb.cells:
        assert "execution" not in cell.metadata, f"{path.name}: timing metadata in a cell"
    views = [out["data"][VIEW]["model_id"] for out in view_outputs(nb.cells)]
    if not views:
        return
    assert "widgets" in nb.metadata, f"{path.name} shows widgets but saves no widget state; run `make execute`"
    models = nb.metadata["widgets"][STATE]["state"]
    assert list(models) == [new_id(n) for n in range(1, len(models) + 1)], f"{path.name}: model ids not renumbered"
    assert views[0] == new_id(1) and all(v in models for v in views), f"{path.name}: a widget view has no state"
    # A view must name a widget with a view (not a layout or style model): a cell-level merge can pair the outputs of
    # one execution with the state of another; re-execute the notebook after such a merge.
    wrong = [v for v in views if models[v]["model_name"].endswith(("LayoutModel", "StyleModel"))
             or not models[v]["state"].get("_view_name")]
    assert not wrong, f"{path.name}: widget views point at models without a view {wrong}; run `make execute`"
    referenced = set(re.findall(r"IPY_MODEL_([0-9a-f]{32})", json.dumps(models)))
    assert referenced <= set(models), f"{path.name}: references to models not saved: {sorted(referenced - set(models))}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_template_metadata_and_structure(path):
    nb = _load(path)
    meta = chapter_meta(nb, path.name)
    assert len(meta.objectives) >= 3
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for heading in ("Learning objectives", "Check your understanding", "Summary", "References"):
        assert re.search(rf"^#+ .*{heading}", markdown, re.M), f"{path.name}: missing section '{heading}'"
    assert sum(1 for c in nb.cells if c.cell_type == "markdown" and re.match(r"^# ", c.source)) == 1, (
        f"{path.name}: exactly one level-1 heading (the page's h1)"
    )
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    assert first_code.source.startswith("%matplotlib inline"), f"{path.name}: first code cell must start with %matplotlib inline"
    assert "import backcare" in first_code.source


def _definitions(source: str) -> list[str]:
    """Every def, class and lambda in a code cell, found by parsing it (IPython magics and shell lines dropped)."""
    code = "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())
    found = []
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found.append(f"def {node.name} (line {node.lineno})")
        elif isinstance(node, ast.ClassDef):
            found.append(f"class {node.name} (line {node.lineno})")
        elif isinstance(node, ast.Lambda):
            found.append(f"lambda (line {node.lineno})")
    return found


def test_definitions_are_found_wherever_they_hide():
    assert _definitions("%matplotlib inline\nimport backcare as bc\nbc.show_burden()") == []
    assert _definitions("x = sorted(a, key=lambda t: t[1])") == ["lambda (line 1)"]
    assert _definitions("if True:\n    def f():\n        pass\n    class A: pass") == ["def f (line 2)",
                                                                                         "class A (line 4)"]
    assert _definitions("async def g():\n    pass") == ["def g (line 1)"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_logic_and_no_visible_nbval_markers_in_notebooks(path):
    nb = _load(path)
    for cell in nb.cells:
        if cell.cell_type == "code":
            logic = _definitions(cell.source)
            assert not logic, f"{path.name}: {', '.join(logic)} in a code cell: logic belongs in the package"
            assert "NBVAL_" not in cell.source, f"{path.name}: use cell tags, not # NBVAL_ comments"
        unknown = cell_tags(cell) - KNOWN_TAGS
        assert not unknown, f"{path.name}: unknown cell tags {unknown}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_citations_resolve_and_references_cell_lists_exactly_the_cited_keys(path):
    from backcare.content import load_content

    nb = _load(path)
    keys = notebook_cited_keys(nb)
    known = load_content().references
    assert keys, f"{path.name} cites nothing"
    unknown = [k for k in keys if k not in known]
    assert not unknown, f"{path.name} cites unknown keys {unknown}"
    ref_cells = [c for c in nb.cells if c.cell_type == "code" and "references_for(" in c.source]
    assert len(ref_cells) == 1, f"{path.name}: one References cell calling bc.references_for(...)"
    html_out = "".join(o.get("data", {}).get("text/html", "") for o in ref_cells[0].outputs)
    listed = re.findall(r'id="ref-([A-Za-z0-9]+)"', html_out)
    # prose citations first, in order; then the sources the chapter's outputs and self-check show (issue 15 item 8)
    assert listed[:len(keys)] == keys, f"{path.name}: References cell lists {listed}, prose cites {keys}"
    assert len(set(listed)) == len(listed) and all(k in known for k in listed)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_every_figure_output_has_alt_text(path):
    nb = _load(path)
    for i, cell in enumerate(c for c in nb.cells if c.cell_type == "code"):
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "image/png" in data:
                html_ = data.get("text/html", "")
                assert re.search(r'<img [^>]*alt="[^"]{20,}"', html_), f"{path.name}: figure in code cell {i + 1} lacks alt text"
                assert len(data.get("text/plain", "")) >= 20


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_every_package_call_in_a_notebook_is_public_api(path):
    import backcare

    nb = _load(path)
    used = set()
    for cell in nb.cells:
        if cell.cell_type == "code":
            used |= set(re.findall(r"\bbc\.([A-Za-z_]\w*)", cell.source))
    missing = sorted(n for n in used if n not in backcare._API)
    assert not missing, f"{path.name} calls bc.{missing} which backcare/__init__.py does not export"
