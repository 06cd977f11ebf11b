"""The widgets layer: ipywidgets wiring only (controls -> pre-rendered views or -> pure function); no clinical logic.

Explorers pre-render every view and ``jslink`` the control's ``index`` to a ``Stack``'s ``selected_index``, so they
switch in the static HTML page with no kernel (design §3; tooling-notes §7). Calculators observe their controls and
show what a view renders from a pure function.
"""
from ..views.render import escape
from .explorer import WIDE, Explorer, NestedExplorer, _Described, explorer, nested_explorer

__all__ = ["WIDE", "Explorer", "NestedExplorer", "escape", "explorer", "nested_explorer"]
