"""The package's layers (issue 13, design §1): pure logic imports no ipywidgets/matplotlib, no lessons module imports
another, modules of the layered rooms stay under 400 lines with a docstring naming their job, and HTML comes from
templates, not from Python strings."""
from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "utils" / "backcare"
ROOMS = ("logic", "views", "charts", "widgets", "lessons", "builders")
LAYERED = [p for room in ROOMS for p in sorted((PACKAGE / room).glob("*.py"))] + [PACKAGE / "fmt.py"]
#: Modules that still build HTML in Python strings (owned by other slices of issue 13; remove a line when fixed).
HTML_IN_STRINGS_LEFT: set[str] = set()
_TAG = re.compile(r"</?(a|p|div|span|table|caption|thead|tbody|tr|td|th|ul|ol|li|strong|em|b|i|br|h[1-6]|img|small|"
                  r"code|details|summary|figure|figcaption|section|nav|header|footer|main|aside|button|label|"
                  r"input|select|option|script|style|svg|body|html|head)[\s>/]")


def _rel(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def test_pure_logic_imports_neither_ipywidgets_nor_matplotlib():
    modules = [f"backcare.logic.{p.stem}" for p in sorted((PACKAGE / "logic").glob("*.py")) if p.stem != "__init__"]
    code = ("import sys\n" + "".join(f"import {m}\n" for m in modules)
            + "print(sorted({m.split('.')[0] for m in sys.modules} & {'matplotlib', 'ipywidgets'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]", f"backcare.logic pulls in {out.strip()}"


def test_no_lessons_module_imports_another():
    for path in sorted((PACKAGE / "lessons").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                target = ("." * node.level) + (node.module or "")
                assert not (node.level == 1 and target != "."), f"{_rel(path)} imports lessons module {target}"
                assert not (node.level == 0 and (node.module or "").startswith("backcare.lessons")), _rel(path)


@pytest.mark.parametrize("path", LAYERED, ids=_rel)
def test_layered_module_is_small_and_says_its_job(path):
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 400, f"{_rel(path)} has {len(text.splitlines())} lines (at most 400)"
    if path.name != "__init__.py" or text.strip():
        assert ast.get_docstring(ast.parse(text)), f"{_rel(path)} has no docstring naming its job"


def _html_lines(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and ast.get_docstring(n)}
    return sorted({n.lineno for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                   and id(n) not in docstrings and _TAG.search(n.value)})


@pytest.mark.parametrize("path", [p for p in LAYERED if _rel(p) not in HTML_IN_STRINGS_LEFT], ids=_rel)
def test_html_comes_from_templates_not_python_strings(path):
    found = _html_lines(path)
    assert not found, f"{_rel(path)}: HTML tags in Python strings at lines {found}: use a template"


def test_the_left_list_is_current():
    """Every module on the list exists and still builds HTML in strings (when one is fixed, take it off)."""
    for rel in sorted(HTML_IN_STRINGS_LEFT):
        assert (PACKAGE / rel).is_file() and _html_lines(PACKAGE / rel), rel


def test_no_package_module_imports_the_old_chapter_kit():
    """It was split into logic.facts, fmt, content.chapters and views.render.Html, and deleted."""
    assert not (PACKAGE / "_chapterkit.py").exists()
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                assert "_chapterkit" not in (node.module or ""), f"{_rel(path)} imports _chapterkit"
