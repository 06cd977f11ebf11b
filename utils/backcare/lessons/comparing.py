"""Chapter-facing functions of chapter 06, comparing options (the ``bc.`` names): options per condition on the
invasiveness scale, benefit and harm on separate panels, the condition x guideline explorer (listed by level, never
ranked), care pathways, disagreements and the FAQ. Each composes logic, charts, views and widgets.

Examples
--------
>>> ex = options_explorer("sciatica", "WHO")
>>> "Sciatica (radicular leg pain): what WHO" in ex.visible_html()
True
>>> benefit_and_harm_explorer("back")
Traceback (most recent call last):
...
ValueError: 'back' is not a valid condition; supported values are acute_nonspecific_lbp, chronic_lbp, sciatica, stenosis
"""
from __future__ import annotations

from ..charts.benefit_harm import plot_benefit_and_harm as _plot_benefit_and_harm
from ..charts.options_scale import plot_options_on_scale as _plot_options_on_scale
from ..content import load_content
from ..charts.show import render_chart
from ..logic.effects import benefit_panels
from ..logic.selection import check_choice, check_condition, select_options
from ..logic.vocabulary import CONDITIONS, GUIDELINES
from ..views.care_pathways import show_access_and_coverage, show_care_pathways, show_disagreements, \
    time_to_effect_html
from ..views.comparing import benefit_and_harm_alt, benefit_and_harm_table, effect_label, options_on_scale_alt, \
    options_on_scale_table, options_view_html, scale_cells
from ..views.render import Html, render
from ..widgets import explorer, nested_explorer

__all__ = ["benefit_and_harm_explorer", "options_explorer", "plot_benefit_and_harm", "plot_options_on_scale",
           "select_options", "show_access_and_coverage", "show_benefit_and_harm", "show_care_pathways",
           "show_disagreements", "show_options_on_scale", "time_to_effect_explorer"]


def _options_on_scale_data():
    levels = [(lv.level, lv.name) for lv in load_content().invasiveness_levels]
    return [(CONDITIONS[k], scale_cells(k)) for k in CONDITIONS], levels


def plot_options_on_scale(ax=None):
    """A grid: one row per condition, one column per invasiveness level, the options named in each cell."""
    return _plot_options_on_scale(*_options_on_scale_data(), ax=ax)


def show_options_on_scale():
    """The options-per-condition grid with data-derived alt text and a table naming every option."""
    return render_chart(_plot_options_on_scale, *_options_on_scale_data(), alt=options_on_scale_alt(),
                        table=options_on_scale_table())


def _benefit_and_harm_data(condition: str, max_panels: int = 2):
    c = load_content()
    panels = [(key, [(e, c.treatments[e.treatment].invasiveness, effect_label(e)) for e in effects])
              for key, effects in benefit_panels(condition)[:max_panels]]
    return panels, (f"{CONDITIONS[condition]}: benefit against its own comparator, by invasiveness (serious harm: "
                    "see the at-a-glance chart)")


def plot_benefit_and_harm(condition: str, max_panels: int = 2):
    """Benefit panels (one scale each, estimate with interval, each panel's threshold drawn or its absence stated),
    x = invasiveness. Serious harm is not drawn here: the at-a-glance chart gives it per option as a natural frequency."""
    return _plot_benefit_and_harm(*_benefit_and_harm_data(condition, max_panels))


def show_benefit_and_harm(condition: str):
    """Benefit for one condition against invasiveness, one scale per panel, with alt text and table."""
    check_condition(condition)
    return render_chart(_plot_benefit_and_harm, *_benefit_and_harm_data(condition),
                        alt=benefit_and_harm_alt(condition), table=benefit_and_harm_table(condition))


def benefit_and_harm_explorer(condition: str = "chronic_lbp"):
    """Choose a condition to see its benefit and harm panels; every view is pre-rendered (works with no kernel)."""
    check_condition(condition)
    views = [(CONDITIONS[k], render("benefit_and_harm_view.html.j2", condition=CONDITIONS[k],
                                    figure=Html(show_benefit_and_harm(k).to_html(), "")))
             for k in CONDITIONS]
    return explorer("Benefit and harm by invasiveness", views, description="Condition",
                    index=list(CONDITIONS).index(condition))


def options_explorer(condition: str = "chronic_lbp", guideline: str = "NICE"):
    """Condition x guideline explorer (nested Stacks, works on the static page); opens on the given pair."""
    check_condition(condition)
    check_choice("guideline", guideline, GUIDELINES)
    conds = list(CONDITIONS)
    ex = nested_explorer("Options by invasiveness, per condition and guideline", [CONDITIONS[k] for k in conds],
                         list(GUIDELINES), lambda i, j: options_view_html(conds[i], GUIDELINES[j]),
                         outer_description="Condition", inner_description="Guideline")
    ex.outer.index = conds.index(condition)
    ex.inner.index = GUIDELINES.index(guideline)
    return ex


def time_to_effect_explorer(condition: str = "acute_nonspecific_lbp"):
    """FAQ 1, "how long until results?": per condition, sourced times or course estimates marked editorial."""
    check_condition(condition)
    views = [(CONDITIONS[k], time_to_effect_html(k)) for k in CONDITIONS]
    return explorer("How long until results", views, description="Condition", index=list(CONDITIONS).index(condition))
