"""Chapter 00, the invasiveness scale (0-5): a teaching proposal, drawn as a scale, never as a ladder to climb; the
figure with its table and the explorer of one level at a time (levels and examples from content)."""
from __future__ import annotations

from ..content import load_content as content
from ..charts.invasiveness_scale import plot_invasiveness_scale as _plot
from ..charts.show import ShownFigure, render_chart
from ..views.cards import level_card
from ..views.tables import Table
from ..widgets.explorer import Explorer, explorer

__all__ = ["scale_table", "scale_alt_text", "plot_invasiveness_scale", "show_invasiveness_scale", "level_card_html",
           "invasiveness_explorer"]


def _examples(level) -> list:
    c = content()
    return [c.treatments[t] for t in level.example_treatments if t in c.treatments]


def _resource(level) -> str:
    ru = level.resource_use
    return ru.low if ru.low == ru.high else f"{ru.low} to {ru.high}"


def scale_table() -> Table:
    rows = []
    for lv in content().invasiveness_levels:
        rows.append([lv.level, lv.name, "; ".join(t.name for t in _examples(lv)), _resource(lv)])
    return Table(["Level", "Name", "Examples", "Relative resource use (illustrative)"], rows,
                 caption="The invasiveness scale as a table")


def scale_alt_text() -> str:
    levels = content().invasiveness_levels
    parts = [f"{lv.level} {lv.name} (for example {_examples(lv)[0].name})" for lv in levels if _examples(lv)]
    return (
        f"A horizontal scale of invasiveness from 0 to {levels[-1].level}, a teaching proposal, with one box per "
        "level and no arrow between them: " + "; ".join(parts) + ". The scale orders how much a treatment "
        "intrudes on the body; it says nothing about how well a treatment works."
    )


def _scale_data() -> list[tuple]:
    levels = [(lv.level, lv.name, (_examples(lv) or [None])[0]) for lv in content().invasiveness_levels]
    return [(level, name, ex.name if ex else None) for level, name, ex in levels]


def plot_invasiveness_scale(ax=None):
    """The scale drawn from content: one box per level with its first example; return the Figure."""
    return _plot(_scale_data(), ax=ax)


def show_invasiveness_scale() -> ShownFigure:
    """The scale figure with data-derived alt text and its data table."""
    return render_chart(_plot, _scale_data(), alt=scale_alt_text(), table=scale_table())


def level_card_html(level) -> str:
    """One level's card: definition, examples, illustrative resource use and the "not a ladder" reminder."""
    return level_card(level, _examples(level), _resource(level))


def invasiveness_explorer(level: int = 0) -> Explorer:
    """Choose a level to see its definition and examples; works in the static page (jslink + Stack).

    Examples
    --------
    >>> invasiveness_explorer(level=9)
    Traceback (most recent call last):
    ...
    ValueError: level must be one of [0, 1, 2, 3, 4, 5], not 9
    """
    levels = content().invasiveness_levels
    allowed = [lv.level for lv in levels]
    if level not in allowed:
        raise ValueError(f"level must be one of {allowed}, not {level!r}")
    views = [(f"Level {lv.level}: {lv.name}", level_card_html(lv)) for lv in levels]
    return explorer("Invasiveness scale", views, description="Invasiveness level", index=allowed.index(level))
