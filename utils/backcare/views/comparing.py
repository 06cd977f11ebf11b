"""Chapter 06's option views and chart words: the explorer view of one condition and guideline (one table per
invasiveness level, listed, never ranked), and the alt text and tables beside the scale grid and the benefit-and-harm
figure. Built from templates; nothing clinical is typed in.

Examples
--------
>>> "Spinal stenosis with neurogenic claudication: level 0 1, level 1 1" in options_on_scale_alt()
True
>>> html = options_view_html("stenosis", "NICE")
>>> html.count("No option at this level for this condition.")
2
"""
from __future__ import annotations

from ..content import load_content
from .tables import Table
from ..fmt import num
from ..logic.effects import benefit_panels
from ..logic.selection import options_for_condition, rows_by_level, scale_counts, select_options
from ..logic.vocabulary import CONDITIONS, status_symbol
from .effect_text import comparator_text, effect_summary, interval_text, labels, short_name
from .render import render


def short(tid: str) -> str:
    return short_name(load_content().treatments[tid])


def scale_cells(condition: str) -> list[list[str]]:
    """The option names (short, "(test)" for diagnostic ones) at each level 0 to 5 for the scale grid."""
    c = load_content()
    ids = options_for_condition(condition)
    return [[short(t) + (" (test)" if c.treatments[t].purpose == "diagnostic" else "") for t in ids
             if c.treatments[t].invasiveness == level] for level in range(6)]


def options_on_scale_alt() -> str:
    counts = scale_counts()
    parts = [f"{CONDITIONS[k]}: " + ", ".join(f"level {lv} {n}" for lv, n in enumerate(v)) for k, v in counts.items()]
    return ("A grid with one row per condition and one column per invasiveness level (0 to 5), naming the options "
            "placed in each cell. Number of options per level: " + "; ".join(parts) + ".")


def options_on_scale_table() -> Table:
    c = load_content()
    rows = []
    for cond in CONDITIONS:
        for tid in options_for_condition(cond):
            t = c.treatments[tid]
            rows.append([CONDITIONS[cond], t.invasiveness, t.name + (" (diagnostic test)" if t.purpose == "diagnostic"
                                                                      else "")])
    return Table(["Condition", "Level", "Option"], rows, caption="Every option, by condition and level")


def effect_label(e) -> str:
    """An estimate as the benefit panel's legend names it."""
    source = e.label or labels([e.reference])  # the trial or review, so no two legend rows read alike
    return f"{short(e.treatment)} vs {comparator_text(e)}, {e.time_point}: {num(e.estimate)} ({source})"


def benefit_and_harm_alt(condition: str, max_panels: int = 2) -> str:
    c = load_content()
    parts = []
    for key, effects in benefit_panels(condition)[:max_panels]:
        outcome, base, _measure, better = key
        items = [f"{short(e.treatment)} (level {c.treatments[e.treatment].invasiveness}) vs "
                 f"{comparator_text(e)} {num(e.estimate)} ({interval_text(e)})" for e in effects]
        mids = {e.mid for e in effects if e.mid is not None}
        mid = f"; MID {num(next(iter(mids)))}" if len(mids) == 1 else "; no single MID"
        parts.append(f"benefit panel on {base}, {better} favours the option: "
                     + "; ".join(items) + mid)
    if not parts:
        parts.append("no effect estimate on pain is held for this condition, a gap in the evidence")
    parts.append("serious harm is not drawn here: the at-a-glance chart gives it per option as a natural frequency")
    return f"{CONDITIONS[condition]}. " + ". ".join(p[0].upper() + p[1:] for p in parts) + "."


def benefit_and_harm_table(condition: str) -> Table:
    c = load_content()
    rows = []
    for _key, effects in benefit_panels(condition):
        for e in effects:
            rows.append([c.treatments[e.treatment].invasiveness, short(e.treatment), effect_summary(e),
                         labels([e.reference])])
    return Table(["Level", "Option", "Benefit (vs comparator)", "Source"], rows,
                 caption="The numbers and records in this chart")


def options_view_html(condition: str, guideline: str, max_level: int | None = None) -> str:
    """The explorer view for one condition and guideline: one table per invasiveness level, in level order."""
    c = load_content()
    rows = select_options(condition, guideline, max_level)
    names = {lv.level: lv.name for lv in c.invasiveness_levels}
    levels = []
    for level, here in rows_by_level(rows).items():
        shown = []
        for r in here:
            p = r.position
            verified = p is not None and p.verified
            shown.append({"name": r.name, "diagnostic": r.purpose == "diagnostic", "symbol": status_symbol(r.status),
                          "status": r.status_label, "paraphrase": p.paraphrase if verified else None,
                          "condition": p.condition if verified else None, "reason": r.reason,
                          "source": labels([p.reference]) if p is not None else ""})
        levels.append({"level": level, "name": names[level], "rows": shown})
    return render("options_by_level.html.j2", condition=CONDITIONS[condition], guideline=c.guidelines[guideline],
                  levels=levels)
