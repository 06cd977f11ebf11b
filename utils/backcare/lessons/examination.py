"""Chapter 02, examination and measurement: the nerve-root table and explorer (L4, L5, S1) and the outcome measures
with their minimal important change."""
from __future__ import annotations

from ..logic.facts import fact_value
from ..content.chapter_assessment import chapter_data
from ..views.cards import nerve_root_card
from ..views.render import Html
from ..views.tables import table_block
from ..widgets.explorer import Explorer, explorer

__all__ = ["nerve_root_table", "nerve_root_explorer", "outcome_measures_table"]


def nerve_root_table() -> Html:
    """L4, L5 and S1: muscles, reflexes and skin areas to examine (Engstrom 2015).

    Examples
    --------
    >>> nerve_root_table().text.splitlines()[3].split(" | ")[3]
    'Ankle (Achilles) reflex reduced'
    """
    rows = [[r.root, r.usual_disc, r.motor, r.reflex, r.sensory] for r in chapter_data().nerve_roots.roots]
    return table_block("Lumbosacral nerve roots: what to examine",
                       ["Root", "Disc level usually involved", "Weakness", "Reflex", "Altered sensation"], rows)


def nerve_root_explorer(root: str = "L5") -> Explorer:
    """Choose a root to see its examination findings (works with no kernel).

    Examples
    --------
    >>> nerve_root_explorer("S1").describe()
    'Explorer "Nerve roots": 3 views (L4 root; L5 root; S1 root). Showing: S1 root.'
    >>> nerve_root_explorer("L3")
    Traceback (most recent call last):
    ...
    ValueError: root must be one of L4, L5, S1, not 'L3'
    """
    roots = chapter_data().nerve_roots.roots
    names = [r.root for r in roots]
    if root not in names:
        raise ValueError(f"root must be one of {', '.join(names)}, not {root!r}")
    views = [(f"{r.root} root", nerve_root_card(r)) for r in roots]
    return explorer("Nerve roots", views, description="Nerve root", index=names.index(root))


def outcome_measures_table() -> Html:
    """Scales and their minimal important change (Ostelo 2008), plus the "recovered" cut-offs (Kamper 2010).

    Examples
    --------
    >>> outcome_measures_table().text.splitlines()[3]
    'Roland-Morris Disability Questionnaire (RMDQ) | 0 to 24 | 5 points'
    """
    rows = []
    for m in chapter_data().outcome_measures:
        mic = f"{fact_value(m.mic_fact)} points" + (f" ({m.extra})" if m.extra else "")
        rows.append([m.name, m.range, mic])
    columns = ["Measure", "Range", "Minimal important change"]
    kamper = (f"Recovered, as people themselves judge it (Kamper 2010): pain {fact_value('kamper2010_recovered_nrs')} "
              f"on the 0-10 scale and an RMDQ score of {fact_value('kamper2010_recovered_rmdq_max')} or less.")
    return table_block("Outcome measures and minimal important change (Ostelo 2008)", columns, rows, note=kamper,
                       text="\n".join([" | ".join(columns)] + [" | ".join(r) for r in rows] + [kamper]))
