"""Chapter-facing functions of the treatment chapters (03a self-care, 03b therapies delivered by clinicians, 04 medicines,
05a and 05b procedures, devices and surgery): the ``bc.`` names, each composing content, logic, charts, views and widgets.

- :func:`options` / :func:`tier_options`: the treatments of a tier (by invasiveness, then name).
- :func:`options_table`, :func:`benefit_and_harm`: what each option is, its effect vs comparator, harms.
- :func:`plot_effects` / :func:`show_effects`: the forest chart, one panel per scale, with alt text and table.
- :func:`positions_matrix`, :func:`guideline_disagreements`, :func:`why_guidelines_disagree`: what guidelines say.
- :func:`tier_explorer`: condition x guideline explorer of pre-rendered tables (works on the static page).
- :func:`evidence_box`: "What the evidence says" about a claim of the seed article.

Examples
--------
>>> shown = show_effects(["nsaids"], outcome="pain")
>>> "−7.29 (−10.98 to −3.61)" in shown.alt and "−3.3 (−5.33 to −1.27)" in shown.alt
True
>>> show_effects("medial_branch_block", outcome="pain")
Traceback (most recent call last):
...
ValueError: no effect estimates held for medial_branch_block with outcome pain: this is a gap in the evidence held here, not an effect of 0
>>> ex = tier_explorer("medicine", condition="sciatica", guideline="NICE")
>>> ex.describe()
'Explorer "Medicines: options and guideline positions": 3 x 4 views. Showing: Sciatica / NICE.'
>>> tier_explorer("medicine", condition="stenosis")
Traceback (most recent call last):
...
ValueError: no medicine option is listed for stenosis; choose one of: acute_nonspecific_lbp, chronic_lbp, sciatica
"""
from __future__ import annotations

from typing import Sequence

from ..charts import effects as _chart
from ..charts.show import render_chart
from ..logic.options import check_condition, check_effects, check_tier, effects_of, guidelines_for, options, resolve, \
    tier_options
from ..logic.vocabulary import CONDITION_LABELS, TIER_LABELS
from ..views.effect_text import row_label
from ..views.effects_figure import effects_alt_text, effects_table
from ..views.evidence import evidence_box
from ..views.options import benefit_and_harm, options_table
from ..views.positions import explorer_view_html, guideline_disagreements, positions_matrix, why_guidelines_disagree
from ..widgets import NestedExplorer, nested_explorer

__all__ = ["benefit_and_harm", "evidence_box", "guideline_disagreements", "options", "options_table", "plot_effects",
           "positions_matrix", "show_effects", "tier_explorer", "tier_options", "why_guidelines_disagree"]


def plot_effects(effects, ax=None):
    """Forest-style chart: one panel per scale, estimate with interval, each row's MID on the same scale.

    Different scales are never drawn on one axis; with ``ax`` given, all effects must share one scale.

    Examples
    --------
    >>> from backcare.content import load_content
    >>> c = load_content()
    >>> plot_effects([c.effect("nsaids_acute_pain"), c.effect("nsaids_acute_disability")], ax=object())
    Traceback (most recent call last):
    ...
    ValueError: these effects are on 2 different scales (pain 0-100; RMDQ 0-24): they need one panel each, so call plot_effects(effects) without ax
    """
    effects = check_effects(effects)
    return _chart.plot_effects(effects, [row_label(e) for e in effects], ax=ax)


def show_effects(what, outcome: str | Sequence[str] | None = None, *, condition: str | None = None):
    """The effect chart for a tier, a treatment id or a list of ids, with alt text and its data table."""
    ids = resolve(what)
    effects = effects_of(ids, condition=condition, outcome=outcome)
    if not effects:
        which = outcome if isinstance(outcome, str) or outcome is None else ", ".join(outcome)
        raise ValueError(f"no effect estimates held for {', '.join(ids)}"
                         + (f" with outcome {which}" if outcome else "")
                         + ": this is a gap in the evidence held here, not an effect of 0")
    return render_chart(plot_effects, effects, alt=effects_alt_text(effects), table=effects_table(effects))


def tier_explorer(tier: str, condition: str | None = None, guideline: str | None = None) -> NestedExplorer:
    """Condition x guideline explorer of this tier's options (pre-rendered, so it works on the static page).

    Opens on ``condition`` and ``guideline`` when given (e.g. the chapter's synthetic case).
    """
    check_tier(tier)
    check_condition(condition)
    ts = tier_options(tier)
    conds = [k for k in CONDITION_LABELS if any(k in t.conditions for t in ts)]
    gs = list(guidelines_for([t.id for t in ts], None))
    if condition is not None and condition not in conds:
        raise ValueError(f"no {tier} option is listed for {condition}; choose one of: {', '.join(conds)}")
    if guideline is not None and guideline not in gs:
        raise ValueError(f"guideline must be one of {', '.join(gs)}, not {guideline!r}")
    views = {(i, j): explorer_view_html(tier, conds[i], gs[j]) for i in range(len(conds)) for j in range(len(gs))}
    ex = nested_explorer(f"{TIER_LABELS[tier]}: options and guideline positions",
                         [CONDITION_LABELS[k] for k in conds], gs, lambda i, j: views[(i, j)],
                         outer_description="Condition", inner_description="Guideline")
    if condition is not None:
        ex.outer.index = conds.index(condition)
    if guideline is not None:
        ex.inner.index = gs.index(guideline)
    return ex
