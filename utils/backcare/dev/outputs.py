"""Refactor proof: what students see, captured and compared (function outputs and stored notebook outputs).

Two jobs for a behaviour-preserving refactor (issue 13):

* ``snapshot``: evaluate ``bc.`` calls and record each result's ``text/plain``, ``text/html`` (inline images replaced
  by a hash of their bytes), the hash of any ``image/png`` and, for widgets, every HTML view in the widget tree.
  ``python -m backcare.dev.outputs save FILE`` before the change, ``check FILE`` after.
* ``notebooks``: compare the stored outputs of two versions of a notebook (``git show REV:path``) cell by cell:
  ``text/plain`` must be equal and each ``text/html`` must read the same (its text content); markup-only changes
  are listed separately.

Examples
--------
>>> html_text('<p>a <strong>b</strong></p><table><tr><td>1</td></tr></table>')
'a b 1'
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

#: The calls the chapters make into the modules split by issue 13 (chapters 00-02), plus a few variants.
CALLS = (
    'show_invasiveness_scale()', 'invasiveness_explorer(level=0)', 'invasiveness_explorer(level=4)',
    'references_for("00_start_here")', 'references_for("01_understanding_back_pain")',
    'references_for("02_assessment_and_diagnosis")',
    'approximate_causes_table()', 'burden_summary()', 'definitions_table()', 'natural_history_explorer(course="both")',
    'recovery_milestones()', 'show_burden()', 'show_spine_schematic()', 'show_triage()', 'show_triage(500)',
    'show_natural_history("acute")', 'triage_counts(250)', 'natural_history()',
    'accuracy_calculator(test="slr", pre_test="30%")', 'accuracy_calculator(test="crossed_slr", pre_test="5%")',
    'accuracy_explorer()', 'imaging_explorer()', 'nerve_root_explorer(root="L4")', 'nerve_root_table()',
    'outcome_measures_table()', 'red_flag_checker()', 'red_flag_checker(["saddle_numbness", "history_of_cancer"])',
    'red_flag_checker([])', 'red_flag_table()', 'show_imaging_findings()', 'show_red_flag_paradox()',
    'show_red_flag_paradox(200)', 'start_back_calculator()', 'start_back_explorer(risk="low")',
    'accuracy_report("thirty", 0.9, 0.2)', 'accuracy_report(0, 0.9, 1.0)',
    'accuracy_report("10%", 0.9, 0.2, positive=False, test_name="X", condition="Y")',
    'start_back({n: True for n in range(1, 10)})', 'natural_frequencies(0.1, 0.9, 0.8)',
    'likelihood_ratios(0.9, 0.8)', 'post_test_probability(0.1, 0.9, 0.8)',
)
_IMG = re.compile(r"data:image/(png|jpeg|gif|svg\+xml);base64,([A-Za-z0-9+/=]+)")


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def _sanitize(html: str) -> str:
    return _IMG.sub(lambda m: f"data:image/{m.group(1)};sha={_digest(base64.b64decode(m.group(2)))}", html)


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def html_text(html: str) -> str:
    """The text content of an HTML fragment, whitespace collapsed (what a reader reads)."""
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def _widget_views(w, out: list) -> list:
    import ipywidgets as widgets

    if isinstance(w, widgets.HTML):
        out.append(_sanitize(w.value))
    for child in getattr(w, "children", ()) or ():
        _widget_views(child, out)
    return out


def capture(value) -> dict:
    """What a front end would show for ``value`` (sanitised, images hashed)."""
    record: dict = {}
    if hasattr(value, "_repr_mimebundle_"):
        bundle = value._repr_mimebundle_()
        if isinstance(bundle, tuple):
            bundle = bundle[0]
        for mime, data in bundle.items():
            if mime == "image/png":
                record[mime] = _digest(base64.b64decode(data))
            elif mime == "text/html":
                record[mime] = _sanitize(data)
            elif mime.startswith("text/"):
                record[mime] = data
    else:
        record["repr"] = repr(value)
    if hasattr(value, "children"):
        record["views"] = _widget_views(value, [])
    return record


def snapshot(calls=CALLS) -> dict:
    import matplotlib

    matplotlib.use("Agg")
    import backcare as bc

    return {call: capture(eval(f"bc.{call}", {"bc": bc})) for call in calls}  # noqa: S307 - our own list


def diff_snapshots(old: dict, new: dict) -> list[str]:
    """One line per difference; HTML that reads the same but differs in markup is reported as 'markup'."""
    problems = []
    for call in old:
        if call not in new:
            problems.append(f"{call}: missing")
            continue
        a, b = old[call], new[call]
        for key in sorted(set(a) | set(b)):
            if a.get(key) == b.get(key):
                continue
            if key == "text/html" and html_text(a.get(key, "")) == html_text(b.get(key, "")):
                problems.append(f"{call}: {key} markup only")
            elif key == "views" and len(a[key]) == len(b[key]) and all(
                    html_text(x) == html_text(y) for x, y in zip(a[key], b[key])):
                problems.append(f"{call}: views markup only")
            else:
                problems.append(f"{call}: {key} differs")
    return problems


def _cell_outputs(nb: dict) -> list[list[dict]]:
    return [c.get("outputs", []) for c in nb["cells"] if c["cell_type"] == "code"]


def compare_notebooks(old: dict, new: dict) -> tuple[list[str], list[str]]:
    """(text differences, markup-only differences) between the stored outputs of two notebook versions."""
    text, markup = [], []
    old_cells, new_cells = _cell_outputs(old), _cell_outputs(new)
    if len(old_cells) != len(new_cells):
        return [f"code cells: {len(old_cells)} before, {len(new_cells)} after"], []
    for i, (a, b) in enumerate(zip(old_cells, new_cells)):
        if len(a) != len(b):
            text.append(f"cell {i}: {len(a)} outputs before, {len(b)} after")
            continue
        for oa, ob in zip(a, b):
            da, db = oa.get("data", {}), ob.get("data", {})
            for mime in sorted(set(da) | set(db)):
                va, vb = "".join(da.get(mime, "")), "".join(db.get(mime, ""))
                if mime == "text/html":
                    va, vb = _sanitize(va), _sanitize(vb)
                if mime in ("image/png", "application/vnd.jupyter.widget-view+json") or va == vb:
                    continue
                if mime == "text/html" and html_text(va) == html_text(vb):
                    markup.append(f"cell {i}: text/html markup only")
                else:
                    text.append(f"cell {i}: {mime} differs")
            if "".join(oa.get("text", "")) != "".join(ob.get("text", "")):
                text.append(f"cell {i}: stream text differs")
    return text, markup


def _git_json(rev: str, path: str) -> dict:
    return json.loads(subprocess.run(["git", "show", f"{rev}:{path}"], check=True, capture_output=True,
                                     text=True).stdout)


def main(argv: list[str] | None = None) -> int:
    """``save FILE`` | ``check FILE`` | ``notebooks REV PATH...`` (compare REV's stored outputs with the working copy)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) >= 2 and args[0] == "save":
        Path(args[1]).write_text(json.dumps(snapshot(), indent=1, sort_keys=True), encoding="utf-8")
        return 0
    if len(args) >= 2 and args[0] == "check":
        problems = diff_snapshots(json.loads(Path(args[1]).read_text(encoding="utf-8")), snapshot())
        print("\n".join(problems) or "identical")
        return 1 if any(not p.endswith("markup only") for p in problems) else 0
    if len(args) >= 3 and args[0] == "notebooks":
        status = 0
        for path in args[2:]:
            text, markup = compare_notebooks(_git_json(args[1], path),
                                             json.loads(Path(path).read_text(encoding="utf-8")))
            print(f"{path}: {len(text)} text differences, {len(markup)} markup-only")
            for line in text + markup:
                print("  " + line)
            status |= bool(text)
        return status
    print(main.__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
