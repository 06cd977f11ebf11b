"""Showing a chart: render a Figure to PNG and return a displayable ``ShownFigure`` with alt text and data table.

A figure is emitted as ``text/html`` (an ``<img alt=...>`` with a ``<details>`` data table), ``image/png`` and
``text/plain`` (the alt text). That is the only form that keeps the alt text in JupyterLab, inside widgets and in
nbconvert HTML (design §4). The PNG carries no ``Software`` chunk, so it does not change when matplotlib is upgraded.

Examples
--------
>>> import matplotlib.pyplot as plt
>>> with course_style():
...     fig, ax = plt.subplots()
...     _ = ax.bar(["a", "b"], [1, 2])
>>> shown = show_figure(fig, "Bar chart: a 1, b 2.", table=Table(["bar", "value"], [["a", 1], ["b", 2]]))
>>> shown._repr_mimebundle_()["text/plain"]
'Bar chart: a 1, b 2.'
>>> show_figure(fig, "  ")
Traceback (most recent call last):
...
ValueError: alt text is empty: describe what the figure shows and its main numbers
"""
from __future__ import annotations

import base64
import contextlib
import io
from dataclasses import dataclass, field

from ..views.figure import figure_html
from ..views.tables import Table
from .style import course_style  # noqa: F401 - used in the doctest

__all__ = ["PLACEHOLDER_ALT", "ShownFigure", "png_bytes", "render_chart", "render_figure", "show_figure", "check_alt"]

PLACEHOLDER_ALT = "No description has been provided for this image"


def png_bytes(fig) -> bytes:
    """The figure as PNG bytes: laid out, measured, drawn once, cropped to its tight bounding box, a 256-colour
    palette PNG without the ``Software`` metadata chunk.

    ``savefig(bbox_inches="tight")`` lays a figure out (a pass that measures text but paints nothing), measures its
    tight box, then draws it. Here the same layout pass and measure come first, and the box decides the one real
    draw: when everything lies on the canvas, Agg draws the canvas and the pixels are cropped to the box (0.1 inch
    padding, as savefig's default); when something lies beyond it (labels written to the right of a forest plot, a
    key under a summary), savefig draws once on a canvas set to the measured box. Either way a figure is painted
    once (issue 19: painting text is most of a chapter's kernel time). Course charts use a few flat colours plus
    anti-aliasing, so a 256-colour palette (max-coverage quantiser: flat colours such as white and the Okabe-Ito hues
    stay exact, within 1-6 levels elsewhere) keeps them visually identical at about a third of the bytes (pages stay
    small; issue 19). Deterministic for the same figure and library versions.
    """
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    canvas = fig.canvas if hasattr(fig.canvas, "buffer_rgba") else FigureCanvasAgg(fig)
    renderer = canvas.get_renderer()
    with getattr(renderer, "_draw_disabled", contextlib.nullcontext)():   # as savefig's layout pass
        fig.draw(renderer)
    tight = fig.get_tightbbox(renderer)
    width, height = fig.bbox.width, fig.bbox.height
    inside = (tight.x0 * fig.dpi >= -1 and tight.y0 * fig.dpi >= -1
              and tight.x1 * fig.dpi <= width + 1 and tight.y1 * fig.dpi <= height + 1)
    if not inside:
        # Cropping the canvas would cut off what lies beyond it: savefig paints once on a canvas set to the box
        # just measured (padded as savefig pads; with "tight" it would lay out and measure all over again).
        rendered = io.BytesIO()
        with _no_placeholder_layout(fig):
            fig.savefig(rendered, format="png", bbox_inches=tight.padded(0.1), metadata={"Software": None})
        image = Image.open(io.BytesIO(rendered.getvalue())).convert("RGBA").convert("RGB")
        buf = io.BytesIO()
        image.quantize(256, method=Image.Quantize.MAXCOVERAGE).save(buf, format="png")
        return buf.getvalue()
    canvas.draw()
    pixels = np.asarray(canvas.buffer_rgba())
    height, width = pixels.shape[:2]
    bbox = tight.padded(0.1)
    x0, y0, x1, y1 = (float(v) * fig.dpi for v in bbox.extents)
    left, right = int(np.floor(x0)), int(np.ceil(x1))
    top, bottom = int(np.floor(height - y1)), int(np.ceil(height - y0))
    out = np.full((bottom - top, right - left, 4), 255, dtype=np.uint8)  # white beyond the canvas, as savefig pads
    src_l, src_r, src_t, src_b = max(left, 0), min(right, width), max(top, 0), min(bottom, height)
    out[src_t - top:src_b - top, src_l - left:src_r - left] = pixels[src_t:src_b, src_l:src_r]
    image = Image.fromarray(out, "RGBA").convert("RGB").quantize(256, method=Image.Quantize.MAXCOVERAGE)
    buf = io.BytesIO()
    image.save(buf, format="png")
    return buf.getvalue()


@contextlib.contextmanager
def _no_placeholder_layout(fig):
    """After ``fig.tight_layout()`` a figure keeps a placeholder layout engine that lays nothing out, yet makes
    savefig run a whole layout pass before drawing; the layout was just done, so that pass is skipped here."""
    from matplotlib.layout_engine import PlaceHolderLayoutEngine

    engine = getattr(fig, "_layout_engine", None)
    if not isinstance(engine, PlaceHolderLayoutEngine):
        yield
        return
    fig._layout_engine = None
    try:
        yield
    finally:
        fig._layout_engine = engine


def check_alt(alt: str) -> str:
    """``alt`` with whitespace collapsed; ``ValueError`` if it is empty or nbconvert's placeholder."""
    if not isinstance(alt, str) or not alt.strip():
        raise ValueError("alt text is empty: describe what the figure shows and its main numbers")
    if PLACEHOLDER_ALT.lower() in alt.lower():
        raise ValueError("alt text is nbconvert's placeholder: describe what the figure shows")
    return " ".join(alt.split())


@dataclass
class ShownFigure:
    """A rendered figure: PNG + alt text (+ optional data table). Displays itself in every front end."""

    png: bytes
    alt: str
    table: Table | None = None
    caption: str | None = None
    _html: str = field(default="", repr=False)

    def to_html(self) -> str:
        return figure_html(self.png, self.alt, caption=self.caption, table=self.table)

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {
            "text/html": self.to_html(),
            "image/png": base64.b64encode(self.png).decode("ascii"),
            "text/plain": self.alt,
        }


def render_figure(fig, alt: str, *, table: Table | None = None, caption: str | None = None) -> ShownFigure:
    """Render ``fig`` to a :class:`ShownFigure` and close it (so the inline backend does not show it twice)."""
    import matplotlib.pyplot as plt

    alt = check_alt(alt)
    png = png_bytes(fig)
    plt.close(fig)
    return ShownFigure(png=png, alt=alt, table=table, caption=caption)


def render_chart(plot, *args, alt: str, table: Table | None = None, caption: str | None = None,
                 **kwargs) -> ShownFigure:
    """``render_figure(plot(*args, **kwargs), alt, ...)``, with the PNG from the chart cache when it holds this exact
    chart (``backcare.charts.cache``: keyed by the content files, the package's code, the libraries, rcParams,
    ``plot`` and the data handed to it); no figure is built on a hit."""
    from .cache import cached_png

    alt = check_alt(alt)
    return ShownFigure(png=cached_png(plot, *args, **kwargs), alt=alt, table=table, caption=caption)


def show_figure(fig, alt: str, *, table: Table | None = None, caption: str | None = None) -> ShownFigure:
    """Return a displayable figure with alt text (and a data table); the last expression of a cell shows it."""
    return render_figure(fig, alt, table=table, caption=caption)
