"""Chapter-facing functions of chapters 03 and 05 (the ``bc.`` names): the care team, risks of procedures as
natural frequencies (icon arrays, never log scales), and when invasive care is right.

Examples
--------
>>> shown = show_procedure_risks("course")
>>> "About 39 in every 100 people" in shown.alt
True
>>> show_procedure_risks("benefit")
Traceback (most recent call last):
...
ValueError: category must be 'harm' or 'course', not 'benefit'
>>> ex = procedure_risk_explorer("decompression")
>>> "Between 100 and 240 in every 1,000 people" in ex.visible_html()
True
>>> procedure_risk_explorer("yoga")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
ValueError: treatment must be one of epidural_steroid_injection, ..., spinal_fusion; not 'yoga'
>>> ex = care_team_explorer("chiropractor")
>>> "technique, not a profession" in ex.visible_html()
True
>>> care_team_explorer("dentist")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
ValueError: role must be one of gp, physiotherapist, nurse, ..., surgeon; not 'dentist'
"""
from __future__ import annotations

import matplotlib.pyplot as plt

from ..charts.frequency import plot_frequency
from ..content import load_content
from ..content.procedure_risks import Frequency
from ..charts.cache import cached_png
from ..charts.show import render_chart
from ..charts.style import course_style
from ..views.figure import img_html
from ..logic.procedures import PROCEDURE_ORDER, frequencies_for, frequencies_of, load_care_team
from ..views.procedures import care_team_table, frequency_alt_text, frequency_table, risk_view_html, role_card, \
    short_label, when_invasive_care_is_right
from ..views.render import Html
from ..widgets import Explorer, explorer

__all__ = ["care_team_explorer", "care_team_table", "plot_icon_array", "procedure_risk_explorer",
           "show_procedure_risks", "when_invasive_care_is_right"]


def plot_icon_array(f: Frequency, ax=None):
    """Draw ``f`` as an icon array of ``per`` people (or injections); colour and marker shape both carry meaning.

    Examples
    --------
    >>> plot_icon_array("discectomy_complications")
    Traceback (most recent call last):
    ...
    TypeError: plot_icon_array() needs a Frequency (use frequency('<id>')), not str
    """
    if not isinstance(f, Frequency):
        raise TypeError(f"plot_icon_array() needs a Frequency (use frequency('<id>')), not {type(f).__name__}")
    return plot_frequency(f, short_label(f), ax=ax)


def _icon_arrays(freqs, ncols: int):
    nrows = -(-len(freqs) // ncols)
    with course_style():
        fig, axes = plt.subplots(nrows, ncols, figsize=(4.3 * ncols, 3.7 * nrows), squeeze=False)
        for ax, f in zip(axes.flat, freqs):
            plot_icon_array(f, ax=ax)
        for ax in list(axes.flat)[len(freqs):]:
            ax.axis("off")
    return fig


def show_procedure_risks(category: str = "harm", treatment: str | None = None):
    """Icon arrays for the recorded frequencies of one category (``harm`` or ``course``), optionally one treatment."""
    freqs = frequencies_of(category, treatment)
    return render_chart(_icon_arrays, freqs, min(3, len(freqs)), alt=frequency_alt_text(freqs),
                        table=frequency_table(freqs))


def _risk_view(treatment_id: str) -> str:
    freqs = frequencies_for(treatment_id, "harm")
    image = None
    if freqs:
        png = cached_png(_icon_arrays, freqs, len(freqs))
        alt = frequency_alt_text(freqs)
        image = Html(img_html(png, alt), alt)
    return risk_view_html(treatment_id, image)


def procedure_risk_explorer(treatment: str = "epidural_steroid_injection") -> Explorer:
    """Choose a procedure to see its risks as natural frequencies; works on the static page (pre-rendered views)."""
    if treatment not in PROCEDURE_ORDER:
        raise ValueError(f"treatment must be one of {', '.join(PROCEDURE_ORDER)}; not {treatment!r}")
    c = load_content()
    views = [(c.treatments[t].name, _risk_view(t)) for t in PROCEDURE_ORDER]
    return explorer("Risks of procedures", views, description="Procedure", index=PROCEDURE_ORDER.index(treatment))


def care_team_explorer(role: str = "gp") -> Explorer:
    """Choose a member of the care team to see what they do; works on the static page."""
    roles = load_care_team().roles
    ids = [r.id for r in roles]
    if role not in ids:
        raise ValueError(f"role must be one of {', '.join(ids)}; not {role!r}")
    views = [(r.name, role_card(r)) for r in roles]
    return explorer("Care team", views, description="Team member", index=ids.index(role))
