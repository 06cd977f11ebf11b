"""Static fallbacks: an interactive's default view as plain HTML, for renderers with no widget manager.

GitHub, VS Code without the widget renderer, JupyterLab before Run All and ``jupyter nbconvert`` on a notebook
without saved state skip the widget view and show the next type in the display bundle. :func:`fallback_bundle`
gives them what the widget shows by default: its HTML views, the control settings as text (a chosen option, ticked
boxes, typed values) and a note that changing them needs a running notebook or the course's web page. The first
chart is also given as ``image/png`` for renderers that show no HTML.

It reads a widget tree by duck typing (class names and public traits) and imports no widget library.

Examples
--------
>>> class HTML:
...     def __init__(self, value): self.value = value
>>> class Dropdown:
...     description, options, index = "Show", ("One", "Two"), 1
>>> class Stack:
...     children, selected_index = (HTML("<p>first</p>"), HTML("<p>second</p>")), 1
>>> class VBox:
...     children = (Dropdown(), Stack())
>>> print(static_html(VBox()))
<p class="bc-static-control"><strong>Show:</strong> Two <span class="bc-static-options">(choices: One; Two)</span></p>
<p>second</p>
>>> fallback_bundle(VBox(), note="A note.")["text/html"].startswith('<div class="bc-static">')
True
"""
from __future__ import annotations

import re

from markupsafe import Markup

from .render import render

_IMG = re.compile(r'<img[ ][^>]*src="data:image/png;base64,([A-Za-z0-9+/=]+)"')  # parses stored HTML

#: The note under an explorer's fallback: what the reader sees and how to switch views.
EXPLORER_NOTE = ("Showing one view. To switch views, run the notebook (Run All) or open this chapter on the course "
                 "web page, where the controls work without Python.")
#: The note above a self-check's fallback.
QUIZ_NOTE = ("Self-check questions. Feedback on your answers needs a running notebook (Run All) or this chapter on "
             "the course web page.")
#: The note under a predict-then-reveal's fallback (the result stays hidden until a prediction is made).
PREDICT_NOTE = ("Make your prediction first. Choosing one shows the result in a running notebook (Run All) or on this "
                "chapter's course web page.")
#: The note under a calculator's fallback.
CALCULATOR_NOTE = ("A worked synthetic case. To try your own values, run the notebook (Run All); the course web page "
                   "shows this case.")


def _is(widget, *names: str) -> bool:
    return any(cls.__name__ in names for cls in type(widget).__mro__)


def _label(widget) -> str:
    return str(getattr(widget, "description", "") or "").rstrip(":")


def _option_labels(widget) -> list[str]:
    labels = []
    for option in getattr(widget, "options", ()) or ():
        labels.append(str(option[0] if isinstance(option, tuple) else option))
    return labels


def static_html(widget) -> str:
    """The widget tree's current view as static HTML (what it shows, with the controls written out as text)."""
    if _is(widget, "Stack"):
        idx = getattr(widget, "selected_index", None)
        return "" if idx is None else static_html(widget.children[idx])
    if hasattr(widget, "children"):  # VBox, HBox, GridBox, and our explorers, calculators and self-checks
        parts = [static_html(child) for child in getattr(widget, "children", ())]
        return "\n".join(p for p in parts if p)
    if _is(widget, "Checkbox"):
        mark = "☑" if widget.value else "☐"
        state = "ticked" if widget.value else "not ticked"
        return render("static_control.html.j2", kind="checkbox", mark=mark, description=widget.description,
                      state=state)
    if _is(widget, "Text", "Textarea", "IntText", "FloatText"):
        value = str(widget.value) if str(widget.value) else "(empty)"
        return render("static_control.html.j2", kind="value", label=_label(widget), value=value)
    if _is(widget, "Button"):
        return ""
    if _is(widget, "RadioButtons"):  # answers to choose from: list them (marked when one is chosen)
        labels, idx = _option_labels(widget), widget.index
        marks = [("●" if i == idx else "○") + " " + x for i, x in enumerate(labels)]
        if all(len(x) <= 12 for x in labels):
            return render("static_control.html.j2", kind="value", label=_label(widget), value=" ".join(marks))
        return render("static_control.html.j2", kind="choice_list", label=_label(widget), marks=marks)
    if hasattr(widget, "options") and hasattr(widget, "index"):  # Dropdown, ToggleButtons, Select
        labels = _option_labels(widget)
        idx = widget.index
        chosen = labels[idx] if idx is not None else "(none chosen)"
        return render("static_control.html.j2", kind="chosen", label=_label(widget), chosen=chosen,
                      choices="; ".join(labels))
    if _is(widget, "Label"):
        return render("paragraph.html.j2", text=widget.value)
    if hasattr(widget, "value") and isinstance(widget.value, str):  # HTML, HTMLMath
        return widget.value
    return ""


def first_png(html_text: str) -> str | None:
    """The base64 data of the first inline PNG in ``html_text``, if any."""
    match = _IMG.search(html_text)
    return match.group(1) if match else None


def fallback_bundle(widget, *, note: str, note_first: bool = False, body: str | None = None) -> dict[str, str]:
    """``text/html`` (the default view, with ``note``) and, when it shows a chart, ``image/png`` of the first one."""
    body = static_html(widget) if body is None else body
    note_html = render("static_note.html.j2", note=note)
    bundle = {"text/html": render("static_fallback.html.j2", note=Markup(note_html), body=Markup(body),
                                  note_first=note_first)}
    png = first_png(body)
    if png:
        bundle["image/png"] = png
    return bundle


def all_views_text(shown) -> str:
    """Everything ``shown`` can put in front of a student, as HTML/text: for a widget tree, every pre-rendered view
    (all of a Stack's children, not only the selected one) and every control's choices; for anything else, its
    displayed HTML (or plain text). What :mod:`backcare.builders.sources` scans for the sources a chapter names."""
    if hasattr(shown, "children") or _is(shown, "DOMWidget", "Widget", "HTML", "HTMLMath", "Label"):
        parts = [all_views_text(child) for child in getattr(shown, "children", ()) or ()]
        if _is(shown, "HTML", "HTMLMath", "Label") and isinstance(getattr(shown, "value", None), str):
            parts.append(shown.value)
        labels = _option_labels(shown) if hasattr(shown, "options") else []
        parts += labels + [str(getattr(shown, "description", "") or "")]
        return "\n".join(p for p in parts if p)
    if hasattr(shown, "_repr_mimebundle_"):
        bundle = shown._repr_mimebundle_()
        bundle = bundle[0] if isinstance(bundle, tuple) else bundle
        return bundle.get("text/html") or bundle.get("text/plain", "")
    if hasattr(shown, "_repr_html_"):
        return shown._repr_html_() or ""
    return "" if shown is None else str(shown)
