"""charts.show (with charts.style and views.tables): alt text survives in every bundle, the PNG has no Software chunk."""
from __future__ import annotations

import base64

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from backcare.charts.show import png_bytes, show_figure  # noqa: E402
from backcare.charts.style import course_style  # noqa: E402
from backcare.views.tables import Table  # noqa: E402


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


def test_png_bytes_crops_to_the_drawing_and_keeps_what_lies_beyond_the_canvas():
    """The draw-once crop must never cut a title or legend drawn outside the figure (it falls back to savefig)."""
    import io

    import matplotlib.pyplot as plt
    from PIL import Image

    from backcare.charts.show import png_bytes

    inside, ax = plt.subplots(figsize=(4, 3), dpi=100)
    ax.plot([1, 2])
    width, height = Image.open(io.BytesIO(png_bytes(inside))).size
    assert width < 400 and height < 300  # cropped to the tight box, not the 400 x 300 canvas
    outside, ax = plt.subplots(figsize=(4, 3), dpi=100)
    ax.plot([1, 2])
    ax.legend(["line"], bbox_to_anchor=(1.6, 1))
    ax.set_title("title", y=1.4)
    image = Image.open(io.BytesIO(png_bytes(outside)))
    assert image.size[0] > 450 and image.size[1] > 330  # grown to hold the legend and the title
    assert image.mode == "P"  # a palette PNG
    plt.close("all")
