"""The invasiveness scale (0-5): a teaching proposal, drawn as a scale, never as a ladder to climb.

Levels and examples come from content/ (``invasiveness_levels`` and ``treatments``). Chapter 06 draws the scale per
condition with benefit and harm on separate panels; chapter 00 introduces it.
"""
from __future__ import annotations

import html

from .figures import HATCHES, LEVEL_COLOURS, Table, course_style, render_figure
from .widgets import Explorer, escape, explorer


def _content():
    from .content import load_content

    return load_content()


def _examples(level) -> list:
    c = _content()
    return [c.treatments[t] for t in level.example_treatments if t in c.treatments]


def _resource(level) -> str:
    ru = level.resource_use
    return ru.low if ru.low == ru.high else f"{ru.low} to {ru.high}"


def scale_table() -> Table:
    rows = []
    for lv in _content().invasiveness_levels:
        rows.append([lv.level, lv.name, "; ".join(t.name for t in _examples(lv)), _resource(lv)])
    return Table(["Level", "Name", "Examples", "Relative resource use (illustrative)"], rows,
                 caption="The invasiveness scale as a table")


def scale_alt_text() -> str:
    levels = _content().invasiveness_levels
    parts = [f"{lv.level} {lv.name} (for example {_examples(lv)[0].name})" for lv in levels if _examples(lv)]
    return (
        f"A horizontal scale of invasiveness from 0 to {levels[-1].level}, a teaching proposal, with one box per "
        "level and no arrow between them: " + "; ".join(parts) + ". The scale orders how much a treatment "
        "intrudes on the body; it says nothing about how well a treatment works."
    )


def plot_invasiveness_scale(ax=None):
    """Draw the scale as labelled boxes on one line (no arrows, no steps); return the Figure."""
    import matplotlib.pyplot as plt

    levels = _content().invasiveness_levels
    with course_style():
        if ax is None:
            fig, ax = plt.subplots(figsize=(9.5, 3.2))
        else:
            fig = ax.figure
        colours = LEVEL_COLOURS
        for i, lv in enumerate(levels):
            ax.add_patch(plt.Rectangle((i, 0), 0.92, 1, facecolor=colours[i % len(colours)], alpha=0.35,
                                       edgecolor="black", hatch=HATCHES[i % len(HATCHES)], linewidth=1))
            ax.text(i + 0.46, 0.78, str(lv.level), ha="center", va="center", fontsize=16, fontweight="bold")
            ax.text(i + 0.46, 0.45, _wrap(lv.name, 14), ha="center", va="center", fontsize=9)
            ex = _examples(lv)
            if ex:
                ax.text(i + 0.46, -0.22, _wrap("e.g. " + ex[0].name, 18), ha="center", va="top", fontsize=8.5)
        ax.set_xlim(-0.1, len(levels))
        ax.set_ylim(-0.9, 1.15)
        ax.axis("off")
        ax.set_title("Invasiveness: how much a treatment intrudes on the body (a teaching scale, not a ladder)",
                     fontsize=11)
    return fig


def _wrap(text: str, width: int) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width)) or text


def show_invasiveness_scale():
    """The scale figure with data-derived alt text and its data table."""
    return render_figure(plot_invasiveness_scale(), scale_alt_text(), table=scale_table())


def level_card_html(level) -> str:
    ex = _examples(level)
    items = "".join(
        f"<li><strong>{escape(t.name)}</strong>: {escape(t.description)}</li>" for t in ex
    )
    return (
        f'<div class="bc-box" role="region" aria-label="Invasiveness level {level.level}">'
        f"<h3>Level {level.level}: {escape(level.name)}</h3>"
        f"<p>{escape(level.definition)}</p>"
        f"<p><strong>Examples</strong></p><ul>{items}</ul>"
        f"<p><strong>Relative resource use</strong> (illustrative, not prices): {escape(_resource(level))}</p>"
        "<p><em>A higher level is not a stronger or better treatment. Which level is right depends on the "
        "condition, the evidence and what matters to the person.</em></p></div>"
    )


def invasiveness_explorer(level: int = 0) -> Explorer:
    """Choose a level to see its definition and examples; works in the static page (jslink + Stack)."""
    levels = _content().invasiveness_levels
    allowed = [lv.level for lv in levels]
    if level not in allowed:
        raise ValueError(f"level must be one of {allowed}, not {level!r}")
    views = [(f"Level {lv.level}: {lv.name}", level_card_html(lv)) for lv in levels]
    return explorer("Invasiveness scale", views, description="Invasiveness level", index=allowed.index(level))
