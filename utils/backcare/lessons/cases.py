"""Chapter 07's interactives (the ``bc.`` names): choose a person, then triage, stratify, pick a plan, or read an
option grid. Every answer is pre-rendered into Stacks (nested for person x choice), so the page works with no kernel.

The reasoning is in :mod:`backcare.logic.cases`, the HTML in :mod:`backcare.views.cases`; this module only composes
them with the explorers of :mod:`backcare.widgets`. Teaching material, not medical advice.

Examples
--------
>>> ex = triage_exercise("leila", "serious_pathology")
>>> "Leila: ✓ You chose possible serious pathology. Right." in ex.visible_html()
True
>>> plan_exercise("tomasz", "Plan E")
Traceback (most recent call last):
...
ValueError: 'Plan E' is not a valid plan; supported values are Plan A, Plan B, Plan C, Plan D (similar: Plan D, Plan C, \
Plan B)
"""
from __future__ import annotations

from ..choices import check_choice
from ..logic.cases import PLAN_LABELS, RISKS, TRIAGE_LABELS, vignette, vignette_ids
from ..views.cases import (option_grid_html, plan_view_html, stratify_view_html, triage_view_html,
                           vignette_card_html)
from ..widgets import explorer, nested_explorer

__all__ = ["option_grid_explorer", "plan_exercise", "stratify_exercise", "triage_exercise", "vignette_explorer"]


def _label(vignette_id: str) -> str:
    v = vignette(vignette_id)
    return f"{v.name}, {v.age}"


def _people(title: str, view, vignette_id: str):
    ids = vignette_ids()
    vignette(vignette_id)
    views = [(_label(i), view(i)) for i in ids]
    return explorer(title, views, description="Person", index=ids.index(vignette_id))


def _nested(title: str, inner: list[str], view, vignette_id: str, inner_index: int, description: str):
    ids = vignette_ids()
    vignette(vignette_id)
    ex = nested_explorer(title, [_label(i) for i in ids], inner, lambda i, j: view(ids[i], j),
                         outer_description="Person", inner_description=description)
    ex.outer.index = ids.index(vignette_id)
    ex.inner.index = inner_index
    return ex


def vignette_explorer(vignette_id: str = "tomasz"):
    """Choose a person to read their case (works on the static page)."""
    return _people("Case studies (synthetic)", vignette_card_html, vignette_id)


def triage_exercise(vignette_id: str = "tomasz", choice: str = "non_specific"):
    """Person x triage choice -> feedback for that choice (nested Stacks; every answer pre-rendered)."""
    keys = list(TRIAGE_LABELS)
    check_choice(choice, keys, what="triage choice")
    return _nested("Step 1: triage", list(TRIAGE_LABELS.values()), lambda vid, j: triage_view_html(vid, keys[j]),
                   vignette_id, keys.index(choice), "Triage")


def stratify_exercise(vignette_id: str = "tomasz", choice: str = "low"):
    """Person x STarT Back risk guess -> feedback with the score from backcare.logic.start_back."""
    check_choice(choice, RISKS, what="risk group")
    return _nested("Step 2: stratify with STarT Back", [f"{r} risk" for r in RISKS],
                   lambda vid, j: stratify_view_html(vid, RISKS[j]), vignette_id, RISKS.index(choice), "Risk")


def plan_exercise(vignette_id: str = "tomasz", plan: str = "Plan A"):
    """Person x Plan A to D -> whether that plan is reasonable and why (a range of plans can be reasonable)."""
    check_choice(plan, PLAN_LABELS, what="plan")
    return _nested("Step 3: choose a plan", list(PLAN_LABELS), plan_view_html, vignette_id,
                   PLAN_LABELS.index(plan), "Plan")


def option_grid_explorer(vignette_id: str = "priya"):
    """Shared-decision exercise: choose a person to see an option grid built from content/ (static page too)."""
    return _people("Deciding together: option grids", option_grid_html, vignette_id)
