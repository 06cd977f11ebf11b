"""Figure helper and explorer wiring: alt text survives, PNG has no Software chunk, explorers show the chosen view."""
from __future__ import annotations

import base64

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from backcare.figures import Table, course_style, png_bytes, show_figure  # noqa: E402
from backcare.widgets import escape, explorer, nested_explorer  # noqa: E402


def _fig():
    with course_style():
        fig, ax = plt.subplots()
        ax.bar(["a", "b"], [3, 4])
    return fig


def test_png_has_no_software_chunk_and_white_background():
    fig = _fig()
    assert fig.get_facecolor()[:3] == (1.0, 1.0, 1.0)
    png = png_bytes(fig)
    assert png.startswith(b"\x89PNG") and b"Software" not in png and b"matplotlib" not in png.lower()


def test_figure_bundle_carries_alt_in_html_and_plain_text_and_a_data_table():
    plt.close("all")
    shown = show_figure(_fig(), 'Bars: a 3, b 4 "quoted" <b>', table=Table(["bar", "value"], [["a", 3], ["b", 4]]))
    bundle = shown._repr_mimebundle_()
    assert set(bundle) == {"text/html", "image/png", "text/plain"}
    assert 'alt="Bars: a 3, b 4 &quot;quoted&quot; &lt;b&gt;"' in bundle["text/html"]
    assert "<details" in bundle["text/html"] and "<td>4</td>" in bundle["text/html"]
    assert bundle["text/plain"] == 'Bars: a 3, b 4 "quoted" <b>'
    assert base64.b64decode(bundle["image/png"]).startswith(b"\x89PNG")
    assert plt.get_fignums() == [], "the figure is closed so the inline backend does not show it twice"


@pytest.mark.parametrize("alt", ["", "   ", "No description has been provided for this image"])
def test_missing_or_placeholder_alt_is_refused(alt):
    with pytest.raises(ValueError, match="alt text"):
        show_figure(_fig(), alt)


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


def test_escape_neutralises_script():
    assert escape('<script>alert("x")</script>') == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
