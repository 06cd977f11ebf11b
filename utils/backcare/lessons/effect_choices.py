"""Valid values for a your-turn cell: which options have effect estimates held for a condition, with their ids.

Examples
--------
>>> shown = options_with_effects("chronic_lbp", tier="non_invasive")
>>> shown.text.splitlines()[2]
'- exercise_therapy: Exercise therapy'
>>> options_with_effects("back_ache")
Traceback (most recent call last):
...
ValueError: 'back_ache' is not a valid condition; supported values are acute_nonspecific_lbp, chronic_lbp, sciatica, stenosis
"""
from __future__ import annotations

from ..logic.options import effects_of, options
from ..views.render import Html, render


def options_with_effects(condition: str, tier: str | None = None) -> Html:
    """The ids you can pass to ``bc.show_effects([...], condition=condition)``: options (of ``tier``, if given) with
    at least one effect estimate held for ``condition``, listed by invasiveness, never ranked."""
    found = [t for t in options(tier, condition) if effects_of([t.id], condition=condition)]
    head = f"Options with effect estimates for {condition}" + (f" in tier {tier}" if tier else "") + ":"
    lines = [f"- {t.id}: {t.name}" for t in found] or ["- none held here (a gap in the evidence, not an effect of 0)"]
    return Html(render("options_with_effects.html.j2", head=head, found=found), "\n".join([head, *lines]))
