"""Saved widget state with deterministic model ids, so re-executing an unchanged notebook changes nothing.

nbclient stores the state of every live widget in ``metadata.widgets`` under random model ids (uuid4), and every
widget-view output names its model by that id. :func:`renumber` replaces the ids by ``000…1``, ``000…2``, … in an
order that depends only on the notebook's outputs: the models each output shows, depth first in the order of the
outputs (children, layout, style; keys sorted), then the models no output reaches (``jslink`` links point at widgets
but nothing points at them) ordered by their content. References (``"IPY_MODEL_<id>"``) are rewritten everywhere.

Examples
--------
>>> state = {"state": {
...     "b7": {"model_name": "VBoxModel", "state": {"children": ["IPY_MODEL_c9"], "layout": "IPY_MODEL_aa"}},
...     "c9": {"model_name": "HTMLModel", "state": {"value": "<p>hi</p>"}},
...     "aa": {"model_name": "LayoutModel", "state": {}},
...     "f0": {"model_name": "LinkModel", "state": {"source": ["IPY_MODEL_c9", "value"], "target": ["IPY_MODEL_b7", "x"]}}}}
>>> outputs = [{"data": {VIEW: {"model_id": "b7"}}}]
>>> mapping = renumber(state, outputs)
>>> [mapping[k][-2:] for k in ("b7", "c9", "aa", "f0")]  # children before layout (keys sorted), links last
['01', '02', '03', '04']
>>> outputs[0]["data"][VIEW]["model_id"][-2:], sorted(state["state"])[-1][-2:]
('01', '04')
>>> state["state"][new_id(4)]["state"]["source"]
['IPY_MODEL_00000000000000000000000000000002', 'value']
"""
from __future__ import annotations

import json
import re

VIEW = "application/vnd.jupyter.widget-view+json"
STATE = "application/vnd.jupyter.widget-state+json"
_REF = re.compile(r"IPY_MODEL_([0-9a-f]+)")


def new_id(n: int) -> str:
    return f"{n:032x}"


def _refs(value) -> list[str]:
    """Model ids referenced in ``value`` (a model's state), in a deterministic order (keys sorted, lists in order)."""
    found: list[str] = []
    if isinstance(value, str):
        found += _REF.findall(value)
    elif isinstance(value, list):
        for item in value:
            found += _refs(item)
    elif isinstance(value, dict):
        for key in sorted(value):
            found += _refs(value[key])
    return found


def _rewrite(value, mapping: dict[str, str]):
    if isinstance(value, str):
        return _REF.sub(lambda m: "IPY_MODEL_" + mapping.get(m.group(1), m.group(1)), value)
    if isinstance(value, list):
        return [_rewrite(v, mapping) for v in value]
    if isinstance(value, dict):
        return {k: _rewrite(v, mapping) for k, v in value.items()}
    return value


def view_outputs(cells) -> list[dict]:
    """Every output of ``cells`` that shows a widget, in notebook order."""
    return [out for cell in cells if cell.get("cell_type") == "code" for out in cell.get("outputs", [])
            if VIEW in (out.get("data") or {})]


def renumber(state: dict, outputs: list[dict]) -> dict[str, str]:
    """Renumber the models of ``state`` (the ``widget-state+json`` dict) and the ``outputs`` showing them, in place;
    return old id -> new id."""
    models: dict = state.get("state", {})
    mapping: dict[str, str] = {}

    def visit(model_id: str) -> None:
        stack = [model_id]
        while stack:
            mid = stack.pop()
            if mid in mapping or mid not in models:
                continue
            mapping[mid] = new_id(len(mapping) + 1)
            stack.extend(reversed(_refs(models[mid].get("state", {}))))

    for out in outputs:
        visit(out["data"][VIEW]["model_id"])
    # Models no output reaches (jslink links, widgets made but not shown): ordered by content, references to already
    # numbered models written with their new ids; repeated until every model that can be placed is placed.
    while len(mapping) < len(models):
        rest = [mid for mid in models if mid not in mapping]

        def key(mid: str) -> str:
            body = json.dumps(models[mid], sort_keys=True)
            return _REF.sub(lambda m: "IPY_MODEL_" + mapping.get(m.group(1), "?"), body)

        visit(min(rest, key=key))
    for out in outputs:
        view = out["data"][VIEW]
        view["model_id"] = mapping.get(view["model_id"], view["model_id"])
    state["state"] = {mapping[mid]: _rewrite(models[mid], mapping) for mid in sorted(models, key=mapping.get)}
    return mapping


def normalise_widget_state(nb) -> None:
    """Renumber the saved widget state of ``nb`` and its widget-view outputs (nothing to do without state)."""
    widgets = nb.get("metadata", {}).get("widgets") or {}
    state = widgets.get(STATE)
    outputs = view_outputs(nb.get("cells", []))
    if state is None:
        for n, out in enumerate(outputs, 1):  # no state: still no random ids in the outputs
            out["data"][VIEW]["model_id"] = new_id(n)
        return
    renumber(state, outputs)


def strip_widget_state(nb) -> None:
    """Remove saved widget state (what a renderer without it sees: the bundle's static fallback)."""
    nb.get("metadata", {}).pop("widgets", None)


def compact_widget_state(nb) -> int:
    """Drop the ``null`` attributes of layout and style models from the saved state of ``nb`` (a copy for the site):
    their defaults in the widget manager are ``null`` too, so pages show the same and carry about 15% less JSON.
    Returns the number of attributes dropped.

    >>> nb = {"metadata": {"widgets": {STATE: {"state": {"1": {"model_name": "LayoutModel",
    ...     "state": {"width": "100%", "height": None}}, "2": {"model_name": "StackModel",
    ...     "state": {"selected_index": None}}}}}}}
    >>> compact_widget_state(nb), nb["metadata"]["widgets"][STATE]["state"]["1"]["state"]
    (1, {'width': '100%'})
    >>> nb["metadata"]["widgets"][STATE]["state"]["2"]["state"]  # other models keep every attribute
    {'selected_index': None}
    """
    state = ((nb.get("metadata") or {}).get("widgets") or {}).get(STATE) or {}
    dropped = 0
    for model in state.get("state", {}).values():
        if not model.get("model_name", "").endswith(("LayoutModel", "StyleModel")):
            continue
        attrs = model.get("state", {})
        for key in [k for k, v in attrs.items() if v is None]:
            del attrs[key]
            dropped += 1
    return dropped
