"""Shared Layout and Style models: widgets that look the same point at one model (issue 19).

Every ipywidgets Layout and Style is a model of its own, opened in the kernel, sent to the front end, kept in the
saved widget state and stored in the notebook: a widget built with defaults brings one of each, so a chapter made
about as many Layout and Style models as widgets (943 Layouts over the series). The course's widgets never change
their layout or style after they are built, so they share one model per distinct setting. A closed model (after
``Widget.close_all()``) is replaced by a new one.

Examples
--------
>>> layout(width="auto") is layout(width="auto")
True
>>> layout(width="auto") is layout(width="100%")
False
>>> html("<p>x</p>").style is html("<p>y</p>").style
True
"""
from __future__ import annotations

import ipywidgets as widgets

__all__ = ["html", "layout", "style", "wide"]

_MODELS: dict[tuple, widgets.Widget] = {}


def _shared(cls, kw: dict) -> widgets.Widget:
    key = (cls, tuple(sorted(kw.items())))
    model = _MODELS.get(key)
    if model is None or getattr(model, "comm", None) is None:
        model = _MODELS[key] = cls(**kw)
    return model


def layout(**kw) -> widgets.Layout:
    """The one Layout with these settings (e.g. ``width="auto"``)."""
    return _shared(widgets.Layout, kw)


def style(widget_cls, **kw):
    """The one style model with these settings for widgets of ``widget_cls`` (its ``style`` trait's class)."""
    return _shared(widget_cls.class_traits()["style"].klass, kw)


def html(value: str = "", **layout_kw) -> widgets.HTML:
    """An HTML widget with the shared default style and the shared layout for ``layout_kw``."""
    return widgets.HTML(value=value, layout=layout(**layout_kw), style=style(widgets.HTML))


def wide(widget_cls):
    """The shared style with ``description_width="initial"`` (the whole description shown) for ``widget_cls``."""
    return style(widget_cls, description_width="initial")
