"""Three audiences, one option shared by every builder (student copies, site, handouts, slides, review packets).

- ``self-study`` (the default): chapters with their collapsed model answers ("Compare your answer"); no instructor
  material. This is what a site or a copy handed to students should be.
- ``class``: the same without model answers (cells or blocks tagged ``answer``), for a class that discusses first.
- ``teacher``: everything, including cells tagged ``instructor`` (timings, debriefs, speaker notes) and notebooks
  whose metadata says ``"backcare": {"role": "instructor"}`` (the instructor guide).

Examples
--------
>>> import nbformat.v4 as v4
>>> nb = v4.new_notebook(cells=[v4.new_markdown_cell("# Chapter"),
...                             v4.new_markdown_cell("Model answer", metadata={"tags": ["answer"]}),
...                             v4.new_markdown_cell("Timing: 10 min", metadata={"tags": ["instructor"]})])
>>> [c.source for c in audience_notebook(nb, "self-study").cells]
['# Chapter', 'Model answer']
>>> [c.source for c in audience_notebook(nb, "class").cells]
['# Chapter']
>>> len(audience_notebook(nb, "teacher").cells)
3
>>> check_audience("students")
Traceback (most recent call last):
...
ValueError: 'students' is not a valid audience; supported values are 'self-study', 'class', 'teacher'
"""
from __future__ import annotations

import copy

AUDIENCES = ("self-study", "class", "teacher")
DEFAULT_AUDIENCE = "self-study"
#: Cells (or HTML blocks with class ``bc-answer``) holding a model answer: removed for ``class``.
TAG_ANSWER = "answer"
#: Cells for teachers only (timings, debriefs, speaker notes): kept only for ``teacher``.
TAG_INSTRUCTOR = "instructor"


def check_audience(audience: str) -> str:
    if audience not in AUDIENCES:
        allowed = ", ".join(repr(a) for a in AUDIENCES)
        raise ValueError(f"{audience!r} is not a valid audience; supported values are {allowed}")
    return audience


def _tags(cell) -> set[str]:
    return set((cell.get("metadata") or {}).get("tags") or [])


def cell_visible(cell, audience: str) -> bool:
    """Whether ``cell`` belongs in what ``audience`` receives."""
    check_audience(audience)
    tags = _tags(cell)
    if TAG_INSTRUCTOR in tags and audience != "teacher":
        return False
    if TAG_ANSWER in tags and audience == "class":
        return False
    return True


def notebook_visible(nb, audience: str) -> bool:
    """Instructor notebooks (metadata ``backcare.role == "instructor"``) go to teachers only."""
    role = ((nb.get("metadata") or {}).get("backcare") or {}).get("role", "chapter")
    return role != "instructor" or check_audience(audience) == "teacher"


def audience_notebook(nb, audience: str = DEFAULT_AUDIENCE):
    """A copy of ``nb`` with only the cells ``audience`` receives; the source notebook is not changed."""
    check_audience(audience)
    nb = copy.deepcopy(nb)
    nb.cells = [c for c in nb.cells if cell_visible(c, audience)]
    return nb


def add_audience_argument(parser) -> None:
    """The same ``--audience`` option for every builder's command line."""
    parser.add_argument("--audience", choices=AUDIENCES, default=DEFAULT_AUDIENCE,
                        help="who receives the output: self-study (default; answers collapsed, no instructor "
                             "material), class (no model answers), teacher (everything, with the instructor guide)")
