"""backcare.logic is pure: no module in it imports ipywidgets or matplotlib (or a package layer above it), checked
on the source (AST), so a lazy import inside a function counts too."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import backcare.logic

LOGIC = Path(backcare.logic.__file__).parent
FORBIDDEN = ("ipywidgets", "matplotlib")
ABOVE = ("charts", "views", "widgets", "lessons", "builders")


def _imports(path: Path) -> list[str]:
    """Every module imported by the file as an absolute name (``..views.render`` -> ``backcare.views.render``)."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                names.append(node.module)
            else:
                package = ["backcare", "logic"][: 3 - node.level] if node.level <= 2 else []
                names.append(".".join(package + ([node.module] if node.module else [])))
    return names


def _forbidden(name: str) -> bool:
    parts = name.split(".")
    return parts[0] in FORBIDDEN or (parts[0] == "backcare" and len(parts) > 1 and parts[1] in ABOVE)


MODULES = sorted(LOGIC.glob("*.py"))


def test_there_are_logic_modules_to_check():
    assert {p.stem for p in MODULES} >= {"start_back", "test_accuracy", "natural_frequencies", "red_flags", "triage"}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_logic_module_imports_no_widgets_or_charts(path):
    bad = [name for name in _imports(path) if _forbidden(name)]
    assert not bad, f"{path.name} imports {bad}"


def test_the_check_catches_a_forbidden_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    import matplotlib.pyplot as plt\nfrom ..views.render import Html\n"
                      "from .triage import x\nfrom .._chapterkit import fact\n", encoding="utf-8")
    assert sorted(_imports(sample)) == ["backcare._chapterkit", "backcare.logic.triage", "backcare.views.render",
                                        "matplotlib.pyplot"]
    assert sorted(n for n in _imports(sample) if _forbidden(n)) == ["backcare.views.render", "matplotlib.pyplot"]
