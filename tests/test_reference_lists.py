"""Issue 15 item 8: every source a student can see in a chapter (prose, tables, chart captions, every pre-rendered
explorer view, quiz feedback) is in that chapter's reference list, and the list is derived deterministically (the
same when computed twice, in or out of a separate process, and equal to the committed output)."""
from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pytest

from backcare.builders.sources import shown_keys
from backcare.lessons.references import ReferenceList, _shown_keys, references_for
from backcare.logic.notebook_calls import notebook_calls
from backcare.logic.review_packet import chapter_statements, chapters, keys_shown
from backcare.paths import chapter_notebooks, notebooks_dir
from backcare.views.fallback import all_views_text

STEMS = [p.stem for p in chapter_notebooks()]


@functools.lru_cache(maxsize=None)
def _listed(stem: str) -> tuple[str, ...]:
    return references_for(stem).keys


def _committed(stem: str) -> dict:
    nb = json.loads((notebooks_dir() / f"{stem}.ipynb").read_text(encoding="utf-8"))
    cells = [c for c in nb["cells"] if c["cell_type"] == "code" and "references_for(" in "".join(c["source"])]
    assert len(cells) == 1, f"{stem}: one References cell"
    return {k: "".join(v) for o in cells[0].get("outputs", []) for k, v in o.get("data", {}).items()}


@pytest.mark.parametrize("stem", chapters())
def test_every_source_in_the_review_packet_is_in_the_chapter_reference_list(stem):
    in_packet = {k for s in chapter_statements(stem) for k in s.keys}
    missing = sorted(in_packet - set(_listed(stem)))
    assert not missing, f"{stem}: sources a student sees but the References cell does not list: {missing}"


@pytest.mark.parametrize("stem", STEMS)
def test_the_reference_list_matches_the_committed_output_and_an_in_process_computation(stem):
    listed = _listed(stem)
    committed = _committed(stem)
    assert re.findall(r'id="ref-([A-Za-z0-9]+)"', committed.get("text/html", "")) == list(listed), (
        f"{stem}: the committed References cell is stale; re-execute it (python -m backcare execute {stem[:2]})")
    assert committed["text/plain"] == ReferenceList(listed)._repr_mimebundle_()["text/plain"]
    # the separate process and this one see the same views (nothing depends on a kernel's state)
    path = notebooks_dir() / f"{stem}.ipynb"
    in_process = shown_keys(path)
    assert _shown_keys(path) == in_process
    assert set(in_process) <= set(listed)


def test_a_source_named_only_in_a_view_not_shown_first_is_listed(tmp_path):
    # tier_explorer's first view is NICE; WHO 2023 is named only in the WHO views of that explorer
    nb = {"cells": [{"cell_type": "code", "source": 'bc.tier_explorer("medicine", condition="chronic_lbp", '
                                                    'guideline="NICE")', "outputs": []}]}
    path = tmp_path / "x.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    import backcare as bc

    explorer = bc.tier_explorer("medicine", condition="chronic_lbp", guideline="NICE")
    first_view = keys_shown(explorer.visible_html())
    every_view = keys_shown(all_views_text(explorer))
    assert "WHO2023" in every_view and "WHO2023" not in first_view
    assert "WHO2023" in references_for(path).keys


def test_calls_with_a_computed_argument_are_refused_by_name():
    nb = {"cells": [{"cell_type": "code", "source": "x = 'nsaids'"}, {"cell_type": "code", "source": "bc.evidence_box(x)"}]}
    with pytest.raises(ValueError, match=r"cell 1: bc.evidence_box\(...\) has an argument that is not a literal"):
        notebook_calls(nb)


def test_all_views_text_reads_every_stack_child_not_only_the_selected_one():
    class HTML:
        def __init__(self, value):
            self.value = value

    class Stack:
        children, selected_index = (HTML("<p>Chou 2011 (ACP)</p>"), HTML("<p>Downie 2013</p>")), 0

    class VBox:
        children = (Stack(),)

    assert set(keys_shown(all_views_text(VBox()))) == {"Chou2011", "Downie2013"}


def test_shown_keys_are_kept_under_the_content_and_code_key_and_refreshed_when_code_changes(tmp_path, monkeypatch):
    """Issue 19: an unchanged chapter's shown sources are read back, not recomputed in a new process; a changed code
    cell, ``refresh`` (what ``execute`` sets) and ``off`` all compute afresh."""
    import shutil

    from backcare.charts import cache
    from backcare.lessons import references

    monkeypatch.setattr(cache, "ENABLED", True)
    monkeypatch.setenv("BACKCARE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("BACKCARE_CHART_CACHE", "1")
    nb = tmp_path / "02_assessment_and_diagnosis.ipynb"
    shutil.copy(notebooks_dir() / nb.name, nb)
    calls = []
    monkeypatch.setattr(references, "_compute_shown_keys",
                        lambda ps: calls.append(ps) or {str(p): ["Costa2012"] for p in ps})
    assert _shown_keys(nb) == ["Costa2012"] and len(calls) == 1
    assert _shown_keys(nb) == ["Costa2012"] and len(calls) == 1  # read back: no second computation
    data = json.loads(nb.read_text(encoding="utf-8"))
    code = next(c for c in data["cells"] if c["cell_type"] == "code")
    code["source"] = "".join(code["source"]) + "\n"
    nb.write_text(json.dumps(data), encoding="utf-8")
    _shown_keys(nb)
    assert len(calls) == 2  # a changed code cell is a different key
    monkeypatch.setenv("BACKCARE_CHART_CACHE", "refresh")
    _shown_keys(nb)
    monkeypatch.setenv("BACKCARE_CHART_CACHE", "0")
    _shown_keys(nb)
    assert len(calls) == 4


def test_a_missing_answer_is_computed_with_every_other_missing_chapter_in_one_process(tmp_path, monkeypatch):
    """Issue 19: a first run after a change starts one process for the chapters beside it, not one per chapter;
    ``refresh`` (what ``execute`` sets) recomputes only its own chapter."""
    import shutil

    from backcare.charts import cache
    from backcare.lessons import references

    monkeypatch.setattr(cache, "ENABLED", True)
    monkeypatch.setenv("BACKCARE_CACHE_DIR", str(tmp_path / "cache"))
    names = ["01_understanding_back_pain.ipynb", "02_assessment_and_diagnosis.ipynb", "07_case_studies.ipynb"]
    for name in names:
        shutil.copy(notebooks_dir() / name, tmp_path / name)
    (tmp_path / "scratch.ipynb").write_text("{}", encoding="utf-8")  # not a chapter: never computed
    (tmp_path / "05_broken.ipynb").write_text("not json", encoding="utf-8")  # unreadable: left to its own turn
    calls = []
    monkeypatch.setattr(references, "_compute_shown_keys",
                        lambda ps: calls.append(sorted(p.name for p in ps)) or {str(p): [p.stem] for p in ps})
    monkeypatch.setenv("BACKCARE_CHART_CACHE", "refresh")
    assert _shown_keys(tmp_path / names[2]) == [Path(names[2]).stem]
    assert calls == [[names[2]]]
    monkeypatch.setenv("BACKCARE_CHART_CACHE", "1")
    assert _shown_keys(tmp_path / names[1]) == [Path(names[1]).stem]
    assert calls[1] == names[:2]  # 02 and the missing 01 together; 07 was stored already
    assert _shown_keys(tmp_path / names[0]) == [Path(names[0]).stem] and len(calls) == 2  # read back
