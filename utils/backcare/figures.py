"""Compatibility names for modules not yet moved: the chart style lives in :mod:`backcare.charts.style`, showing a
figure in :mod:`backcare.charts.show`, the data table in :mod:`backcare.views.tables`, ``<img>`` in
:mod:`backcare.views.figure`. New code imports from those homes."""
from __future__ import annotations

from .charts.show import PLACEHOLDER_ALT, ShownFigure, png_bytes, render_figure, show_figure
from .charts.style import HATCHES, LEVEL_COLOURS, MARKERS, PALETTE, STYLE_FILE, course_style
from .views.figure import img_html
from .views.tables import Table

__all__ = ["PLACEHOLDER_ALT", "ShownFigure", "png_bytes", "render_figure", "show_figure", "HATCHES", "LEVEL_COLOURS",
           "MARKERS", "PALETTE", "STYLE_FILE", "course_style", "img_html", "Table"]
