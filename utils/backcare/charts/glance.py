"""The invasiveness-at-a-glance summary picture: per condition, one column per level 0-5, each option listed with its
benefit symbol, and its serious-harm figure written under it as text (never on an axis shared with other rows).

``plot_glance_summary(data, ax=None) -> Figure`` is handed the rows (``backcare.logic.glance.glance``); the alt text
comes from the same data (:func:`summary_alt`).
"""
from __future__ import annotations

import textwrap

from ..logic import glance as lg
from ..logic import glance_words as gw

_WRAP = 19


def _lines(row) -> list[tuple[str, str]]:
    """(text, kind) lines for one option: its name with the benefit symbol (wrapped), then its harm in words."""
    sym = lg.BENEFIT[row.best_benefit][0]
    name = textwrap.wrap(gw.short_name(row.name), _WRAP) or [""]
    out = [(f"{sym} {name[0]}", "name")] + [(f"   {w}", "name") for w in name[1:]]
    if row.harm.kind == "figure":
        for f in row.harm.figures:
            words = f"⚠ {gw.harm_words(f).replace(' people', '')}: {f.harm.lower()}"
            out += [(w, "harm") for w in textwrap.wrap(words, _WRAP + 1)]
    elif row.harm.kind == "not_quantified":
        out.append(("⚠ harm not quantified", "harm"))
    against = [c.guideline for c in row.guidelines if c.status == "against"]
    if against:
        out.append((f"✗ against: {', '.join(against)}", "harm"))
    return out


def plot_glance_summary(data, ax=None):
    """Draw one condition's options by level with benefit symbols and harm text; returns the Figure."""
    import matplotlib.pyplot as plt

    from .style import LEVEL_COLOURS, course_style

    g = data
    cols = {lv: [r for r in g.rows if r.level == lv] for lv in range(6)}
    n = max(sum(len(_lines(r)) + 0.4 for r in rows) for rows in cols.values())
    top = n + 3.0
    with course_style():
        if ax is None:
            fig, ax = plt.subplots(figsize=(9.6, 1.2 + 0.15 * top))
        else:
            fig = ax.figure
        for lv in range(6):
            ax.add_patch(plt.Rectangle((lv, 0), 0.97, top, facecolor=LEVEL_COLOURS[lv], alpha=0.13,
                                       edgecolor="#333333", linewidth=0.8))
            ax.text(lv + 0.04, top - 0.4, f"Level {lv}", fontsize=9, fontweight="bold", va="top")
            ax.text(lv + 0.04, top - 1.5, textwrap.shorten(g.levels[lv], 23, placeholder="…"), fontsize=6.6,
                    va="top", color="#333333")
            y = top - 3.0
            if not cols[lv]:
                ax.text(lv + 0.04, y, "no option held\nby the course", fontsize=7, va="top", style="italic",
                        color="#4a4a4a")
            for r in cols[lv]:
                for text, kind in _lines(r):
                    ax.text(lv + 0.04 + (0.05 if kind == "harm" else 0), y, text, va="top",
                            fontsize=7.4 if kind == "name" else 6.6,
                            fontweight="bold" if kind == "name" and r.best_benefit == "important" else "normal",
                            style="italic" if kind == "harm" else "normal")
                    y -= 1.0
                y -= 0.4
        ax.set_xlim(0, 6)
        ax.set_ylim(0, top)
        ax.axis("off")
        title = gw.headline_message(g)
        ax.set_title(textwrap.fill(f"{g.condition_name}: " + (title or "options by invasiveness level"), 105),
                     fontsize=9.5, loc="left")
        key = "   ".join(f"{sym} {words.lower()}" for sym, words in lg.BENEFIT.values()) + \
              "   ⚠ serious harm, each its own measure and population (never compare)   ✗ a guideline (NICE, ACP, WHO) " \
              "advises against; every position and its condition is in the table"
        ax.text(0, -0.3, textwrap.fill("Key: " + key, 150), fontsize=6.6, va="top", transform=ax.transData)
    return fig


def summary_alt(data) -> str:
    """Alt text from the same rows: the message (where the data show it), then each level's options with benefit
    and harm."""
    g = data
    parts = [f"{g.condition_name}, options in columns by invasiveness level 0 to 5."]
    msg = gw.headline_message(g)
    if msg:
        parts.append(msg)
    for lv in range(6):
        rows = [r for r in g.rows if r.level == lv]
        if not rows:
            parts.append(f"Level {lv}: no option held by the course.")
            continue
        items = []
        for r in rows:
            best = next((b.label for b in r.benefit if b.category == r.best_benefit), "Not estimated")
            item = f"{gw.short_name(r.name)} ({best[0].lower() + best[1:]}; " + ", ".join(
                f"{c.guideline} {c.label.lower()}" for c in r.guidelines)
            if r.harm.kind == "figure":
                f = r.harm.figures[0]
                item += f"; serious harm {gw.harm_words(f)}, {f.harm.lower()}"
            elif r.harm.kind == "not_quantified":
                item += "; serious harm not quantified"
            items.append(item + ")")
        parts.append(f"Level {lv}: " + ", ".join(items) + ".")
    return " ".join(parts)


def show_glance_summary(condition: str):
    """The summary picture with alt text from the data (a ShownFigure)."""
    from .show import render_chart

    g = lg.glance(condition)
    return render_chart(plot_glance_summary, g, alt=summary_alt(g))
