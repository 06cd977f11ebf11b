"""Explorers: a control linked to a Stack of pre-rendered HTML views (one or two controls); wiring only.

Explorers pre-render every view and ``jslink`` the control's ``index`` to a ``Stack``'s ``selected_index``, so they
switch in the static HTML page with no kernel (design §3; tooling-notes §7). No clinical logic lives here.

Examples
--------
>>> ex = explorer("Example", [("One", "<p>first</p>"), ("Two", "<p>second</p>")], description="Pick")
>>> ex.control.index = 1
>>> ex.visible_html()
'<p>second</p>'
>>> ex._repr_mimebundle_()["text/plain"]
'Explorer "Example": 2 views (One; Two). Showing: Two.'
>>> explorer("Empty", [])
Traceback (most recent call last):
...
ValueError: an explorer needs at least one view; got none for 'Empty'
"""
from __future__ import annotations

from typing import Callable, Sequence

import ipywidgets as widgets

from ..views.fallback import CALCULATOR_NOTE, EXPLORER_NOTE, fallback_bundle
from .shared import html, layout, wide

WIDE = {"description_width": "initial"}  # for callers outside the package; widgets here share shared.wide(cls)


class _Described:
    """Mixin: a deterministic ``text/plain`` so committed outputs compare under nbval, and a static fallback of the
    default view (``text/html``, and ``image/png`` when it shows a chart) for renderers without widgets (design §3.0)."""

    #: The note beside the static fallback (explorers say how to switch views; calculators, how to try values).
    fallback_note = CALCULATOR_NOTE

    def describe(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def _with_fallback(self, data: dict) -> dict:
        data = dict(data)
        data.update(fallback_bundle(self, note=self.fallback_note))
        data["text/plain"] = self.describe()
        return data

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        if isinstance(bundle, tuple):  # (data, metadata)
            data, meta = bundle
            return self._with_fallback(data), meta
        return self._with_fallback(bundle)


class Explorer(_Described, widgets.VBox):
    """A control (Dropdown / ToggleButtons) linked in the browser to a Stack of pre-rendered HTML views."""

    fallback_note = EXPLORER_NOTE

    def __init__(self, title: str, labels: Sequence[str], views: Sequence[widgets.Widget], control, stack,
                 header: widgets.Widget | None = None):
        self.title = title
        self.labels = list(labels)
        self.control = control
        self.stack = stack
        children = [w for w in (header, control, stack) if w is not None]
        super().__init__(children=children, layout=layout(width="100%"))
        self.add_class("bc-explorer")

    def visible_html(self) -> str:
        child = self.stack.children[self.stack.selected_index]
        return child.value

    def describe(self) -> str:
        idx = self.control.index
        showing = self.labels[idx] if idx is not None else "nothing"
        return f'Explorer "{self.title}": {len(self.labels)} views ({"; ".join(self.labels)}). Showing: {showing}.'


def explorer(title: str, views: Sequence[tuple[str, str]], *, description: str = "Show", index: int = 0,
             control: str = "dropdown", intro_html: str | None = None) -> Explorer:
    """Build an explorer from ``(label, html)`` pairs; HTML must already be escaped/safe (built by the package)."""
    if not views:
        raise ValueError(f"an explorer needs at least one view; got none for {title!r}")
    labels = [label for label, _ in views]
    children = [html(body, width="100%") for _, body in views]
    stack = widgets.Stack(children=children, selected_index=index, layout=layout(width="100%"))
    if control == "toggle":
        ctrl = widgets.ToggleButtons(options=labels, index=index, description=description,
                                     style=wide(widgets.ToggleButtons), tooltips=labels, layout=layout())
    elif control == "dropdown":
        ctrl = widgets.Dropdown(options=labels, index=index, description=description, style=wide(widgets.Dropdown),
                                layout=layout(width="auto"))
    else:
        raise ValueError(f"control must be 'dropdown' or 'toggle', not {control!r}")
    widgets.jslink((ctrl, "index"), (stack, "selected_index"))
    # jslink acts in the browser only; mirror it in the kernel so live code and tests see the same view.
    ctrl.observe(lambda ch: setattr(stack, "selected_index", ch["new"]), names="index")
    header = html(intro_html) if intro_html else None
    return Explorer(title, labels, children, ctrl, stack, header)


class NestedExplorer(_Described, widgets.VBox):
    """Two controls: outer (rows) x inner (columns), each view pre-rendered; works with no kernel."""

    fallback_note = EXPLORER_NOTE

    def __init__(self, title, outer_labels, inner_labels, outer, inner, stack):
        self.title = title
        self.outer_labels = list(outer_labels)
        self.inner_labels = list(inner_labels)
        self.outer = outer
        self.inner = inner
        self.stack = stack
        super().__init__(children=[outer, inner, stack], layout=layout(width="100%"))
        self.add_class("bc-explorer")

    def visible_html(self) -> str:
        inner_stack = self.stack.children[self.stack.selected_index]
        return inner_stack.children[inner_stack.selected_index].value

    def describe(self) -> str:
        return (f'Explorer "{self.title}": {len(self.outer_labels)} x {len(self.inner_labels)} views. '
                f"Showing: {self.outer_labels[self.outer.index]} / {self.inner_labels[self.inner.index]}.")


def nested_explorer(title: str, outer_labels: Sequence[str], inner_labels: Sequence[str],
                    render: Callable[[int, int], str], *, outer_description: str = "Condition",
                    inner_description: str = "Guideline") -> NestedExplorer:
    """``render(i, j)`` returns the HTML view for outer option ``i`` and inner option ``j``."""
    if not outer_labels or not inner_labels:
        raise ValueError(f"a nested explorer needs options for both controls; got none for {title!r}")
    outer = widgets.Dropdown(options=list(outer_labels), index=0, description=outer_description,
                             style=wide(widgets.Dropdown), layout=layout())
    inner = widgets.ToggleButtons(options=list(inner_labels), index=0, description=inner_description,
                                  style=wide(widgets.ToggleButtons), layout=layout())
    stacks = []
    for i in range(len(outer_labels)):
        inner_stack = widgets.Stack(
            children=[html(render(i, j)) for j in range(len(inner_labels))], selected_index=0, layout=layout()
        )
        widgets.jslink((inner, "index"), (inner_stack, "selected_index"))
        stacks.append(inner_stack)
    stack = widgets.Stack(children=stacks, selected_index=0, layout=layout())
    widgets.jslink((outer, "index"), (stack, "selected_index"))
    # jslink only acts in a browser; keep the kernel side in step too (tests and live kernels read these).
    def _sync_inner(change):
        for s in stacks:
            s.selected_index = change["new"]
    inner.observe(_sync_inner, names="index")
    outer.observe(lambda ch: setattr(stack, "selected_index", ch["new"]), names="index")
    return NestedExplorer(title, outer_labels, inner_labels, outer, inner, stack)
