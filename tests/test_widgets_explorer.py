"""widgets.explorer: explorers show the view of the chosen option, switch on both controls, describe themselves."""
from __future__ import annotations

import pytest

from backcare.widgets.explorer import explorer, nested_explorer


def test_explorer_shows_the_view_of_the_chosen_option_and_describes_itself():
    ex = explorer("Demo", [("A", "<p>alpha</p>"), ("B", "<p>beta</p>"), ("C", "<p>gamma</p>")], description="View")
    assert ex.visible_html() == "<p>alpha</p>"
    ex.control.index = 2
    assert ex.stack.selected_index == 2 and ex.visible_html() == "<p>gamma</p>"
    assert ex._repr_mimebundle_()["text/plain"] == 'Explorer "Demo": 3 views (A; B; C). Showing: C.'
    assert ex.control.description == "View"


def test_nested_explorer_switches_on_both_controls():
    ex = nested_explorer("Grid", ["r0", "r1"], ["c0", "c1", "c2"], lambda i, j: f"<p>{i}-{j}</p>")
    assert ex.visible_html() == "<p>0-0</p>"
    ex.outer.index = 1
    ex.inner.index = 2
    assert ex.visible_html() == "<p>1-2</p>"
    assert ex._repr_mimebundle_()["text/plain"].endswith("Showing: r1 / c2.")


def test_explorer_refuses_an_unknown_control():
    with pytest.raises(ValueError, match="control must be 'dropdown' or 'toggle', not 'slider'"):
        explorer("X", [("A", "a")], control="slider")
