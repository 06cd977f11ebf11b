"""Chapter 01, the natural history of low back pain: the Costa 2012 chart (acute, persistent or both) with alt text
and table, an explorer that switches between them with no kernel, and recovery / recurrence milestones."""
from __future__ import annotations

from ..fmt import number
from ..logic.facts import fact_value
from ..charts.natural_history import plot_natural_history as _plot
from ..charts.show import ShownFigure, render_chart
from ..logic.natural_history import course_ids, course_label, natural_history, natural_history_sentence
from ..views.cards import natural_history_card
from ..views.render import Html
from ..views.tables import Table, table_block
from ..widgets.explorer import Explorer, explorer

__all__ = ["natural_history_alt_text", "plot_natural_history", "natural_history_table", "show_natural_history",
           "natural_history_explorer", "recovery_milestones"]


def natural_history_alt_text(course: str = "both") -> str:
    """Alt text naming every plotted point.

    >>> natural_history_alt_text("acute")  # doctest: +ELLIPSIS
    'Line chart of mean pain (0 to 100) over one year in cohorts with acute low back pain (Costa 2012): 52 at week 0, 23 at week 6, 12 at week 26 and 6 at week 52...'
    """
    data = natural_history()
    ids = course_ids(course)
    parts = []
    for cid in ids:
        pts = data[cid]
        listed = (", ".join(f"{number(v)} at week {w}" for w, v in pts[:-1])
                  + f" and {number(pts[-1][1])} at week {pts[-1][0]}")
        parts.append(f"{cid}: {listed}" if len(ids) > 1 else listed)
    if len(ids) > 1:
        head = ("Line chart of mean pain (0 to 100) over one year in cohorts with acute and with persistent low back "
                "pain (Costa 2012). ")
        body = "; ".join(parts)
    else:
        head = f"Line chart of mean pain (0 to 100) over one year in cohorts with {ids[0]} low back pain (Costa 2012): "
        body = parts[0]
    return head + body + (". Markers are measured points; the dashed lines between them are straight-line "
                          "interpolation, not data.")


def _series(course: str) -> dict:
    data = natural_history()
    return {cid: (course_label(cid), data[cid]) for cid in course_ids(course)}


def plot_natural_history(course: str = "both", ax=None):
    """The chart for ``"acute"``, ``"persistent"`` or ``"both"``, drawn from content; return the Figure."""
    return _plot(_series(course), ax=ax)


def natural_history_table(course: str = "both") -> Table:
    data = natural_history()
    ids = course_ids(course)
    weeks = [w for w, _ in data[ids[0]]]
    rows = [[f"week {w}"] + [number(dict(data[c])[w]) for c in ids] for w in weeks]
    return Table(["Time"] + [f"{course_label(c)}: mean pain 0-100" for c in ids], rows)


def show_natural_history(course: str = "both") -> ShownFigure:
    """The natural-history chart for ``"acute"``, ``"persistent"`` or ``"both"``, with alt text and table.

    Examples
    --------
    >>> show_natural_history("persistent").table.rows[-1]
    ['week 52', 23]
    >>> show_natural_history("chronic")
    Traceback (most recent call last):
    ...
    ValueError: course must be one of acute, persistent, both, not 'chronic'
    """
    return render_chart(_plot, _series(course), alt=natural_history_alt_text(course),
                        table=natural_history_table(course))


def natural_history_explorer(course: str = "both") -> Explorer:
    """Compare the two courses (both / acute only / persistent only); every view is pre-rendered, so it switches on
    the static page with no kernel.

    Examples
    --------
    >>> ex = natural_history_explorer(course="acute")
    >>> ex.describe()
    'Explorer "Natural history of low back pain": 3 views (Both courses; Acute only; Persistent only). Showing: Acute only.'
    >>> natural_history_explorer(course="sciatica")
    Traceback (most recent call last):
    ...
    ValueError: course must be one of acute, persistent, both, not 'sciatica'
    """
    course_ids(course)
    order = [("both", "Both courses"), ("acute", "Acute only"), ("persistent", "Persistent only")]
    views = []
    for cid, label in order:
        shown = show_natural_history(cid)
        views.append((label, natural_history_card(label, shown.png, shown.alt, natural_history_sentence(cid),
                                                  shown.table)))
    index = [cid for cid, _ in order].index(course)
    return explorer("Natural history of low back pain", views, description="Show", index=index, control="toggle")


def recovery_milestones() -> Html:
    """Median times to recovery (Henschke 2008), recovery at a year and recurrence (da Silva 2019), from content.

    Examples
    --------
    >>> recovery_milestones().text.splitlines()[0]
    'Back to previous work status: median 14 days [Henschke 2008 (973 people, acute pain)]'
    """
    rows = [
        ("Back to previous work status", f"median {fact_value('henschke2008_return_to_work_days')} days",
         "Henschke 2008 (973 people, acute pain)"),
        ("Disability resolved", f"median {fact_value('henschke2008_disability_resolved_days')} days", "Henschke 2008"),
        ("Pain resolved", f"median {fact_value('henschke2008_pain_resolved_days')} days", "Henschke 2008"),
        ("Fully recovered at 12 months", f"{fact_value('henschke2008_recovered_12_months')}%", "Henschke 2008"),
        ("New episode within 12 months of recovering", f"{fact_value('dasilva_recurrence_12_months')}% "
         f"(median {fact_value('dasilva_median_days_to_recurrence')} days to the new episode)",
         f"da Silva 2019 ({fact_value('dasilva_participants')} people)"),
        ("New episode that limited activities", f"{fact_value('dasilva_activity_limiting_recurrence_12_months')}%",
         "da Silva 2019"),
        ("New episode for which care was sought", f"{fact_value('dasilva_care_seeking_recurrence_12_months')}%",
         "da Silva 2019"),
    ]
    return table_block("Recovery and recurrence after acute low back pain", ["Milestone", "Result", "Source"], rows,
                       text="\n".join(f"{a}: {b} [{c}]" for a, b, c in rows))
