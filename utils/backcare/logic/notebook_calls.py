"""The ``bc.`` calls of a notebook's code cells, parsed (not run): name, literal arguments, cell index.

Chapters call the package in one-liners with literal arguments (design §notebook template), so the calls, and from
them every view a chapter can show, follow from the notebook's source alone, the same under ``execute``, nbval and
the site. A call whose arguments are not literals is named with its cell, so the rule cannot be broken silently.

Examples
--------
>>> nb = {"cells": [{"cell_type": "code", "source": "import backcare as bc"},
...                 {"cell_type": "markdown", "source": "bc.not_code()"},
...                 {"cell_type": "code", "source": 'bc.options_table("medicine", condition="chronic_lbp")'}]}
>>> [(c.cell, c.name, c.args, c.kwargs) for c in notebook_calls(nb)]
[(2, 'options_table', ('medicine',), {'condition': 'chronic_lbp'})]
>>> notebook_calls({"cells": [{"cell_type": "code", "source": "bc.show_effects(x)"}]})
Traceback (most recent call last):
...
ValueError: cell 0: bc.show_effects(...) has an argument that is not a literal; chapters call the package with literal arguments
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field

__all__ = ["Call", "notebook_calls"]


@dataclass(frozen=True)
class Call:
    """One ``bc.name(*args, **kwargs)`` call in code cell ``cell``."""

    cell: int
    name: str
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return src if isinstance(src, str) else "".join(src)


def notebook_calls(nb: dict) -> list[Call]:
    """Every ``bc.<name>(...)`` call in the code cells, in notebook order (magics such as ``%matplotlib`` skipped)."""
    calls = []
    for i, cell in enumerate(nb.get("cells", [])):
        if cell.get("cell_type") != "code":
            continue
        code = "\n".join(ln for ln in _source(cell).splitlines() if not ln.lstrip().startswith(("%", "!")))
        for node in ast.walk(ast.parse(code)):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "bc"):
                continue
            try:
                args = tuple(ast.literal_eval(a) for a in node.args)
                kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords}
            except ValueError:
                raise ValueError(f"cell {i}: bc.{node.func.attr}(...) has an argument that is not a literal; "
                                 "chapters call the package with literal arguments") from None
            calls.append(((i, node.lineno, node.col_offset), Call(i, node.func.attr, args, kwargs)))
    return [c for _, c in sorted(calls, key=lambda pair: pair[0])]
