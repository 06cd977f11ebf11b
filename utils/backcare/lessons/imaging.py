"""Chapter 02, imaging findings in people WITHOUT back pain (Brinjikji 2015): the chart by age and the explorer of
one age at a time."""
from __future__ import annotations

from ..charts.imaging import plot_imaging_findings
from ..charts.show import ShownFigure, render_chart
from ..content.chapter_assessment import chapter_data
from ..logic.imaging import imaging_prevalence
from ..views.cards import imaging_age_card
from ..views.tables import Table
from ..widgets.explorer import Explorer, explorer

__all__ = ["imaging_explorer", "show_imaging_findings", "imaging_alt_text"]


def imaging_explorer(age: int = 50) -> Explorer:
    """Choose an age to see how common imaging findings are in people WITHOUT back pain (works with no kernel).

    Examples
    --------
    >>> imaging_explorer(age=80).describe().endswith("Showing: Age 80.")
    True
    >>> imaging_explorer(age=55)
    Traceback (most recent call last):
    ...
    ValueError: age must be one of 20, 30, 40, 50, 60, 70, 80 (the decades reported), not 55
    """
    ages = chapter_data().imaging.ages
    imaging_prevalence(age)
    views = [(f"Age {a}", imaging_age_card(a)) for a in ages]
    return explorer("Imaging findings without back pain", views, description="Age", index=ages.index(age))


def imaging_alt_text(im) -> str:
    parts = [f"{f.name} {f.values[0]} at age {im.ages[0]} to {f.values[-1]} at {im.ages[-1]}"
             + (f" (ages {', '.join(map(str, f.modelled_ages))} modelled with no participants observed)"
                if f.modelled_ages else "") for f in im.findings]
    return ("Bar charts, one panel per finding, of how many people out of 100 WITHOUT back pain have it on MRI or "
            "CT, by age (Brinjikji 2015): " + "; ".join(parts) + ". Every finding becomes more common with age.")


def show_imaging_findings() -> ShownFigure:
    """One small panel per finding, people out of 100 by age; modelled bars (no participants observed) hatched.

    Examples
    --------
    >>> show_imaging_findings().table.rows[-1]
    ['Spondylolisthesis', '3 (modelled)', '5 (modelled)', '8', '14', '23', '35', '50']
    """
    im = chapter_data().imaging
    table = Table(["Finding"] + [f"Age {a}" for a in im.ages],
                  [[f.name] + [f"{v}{' (modelled)' if a in f.modelled_ages else ''}"
                               for a, v in zip(im.ages, f.values)] for f in im.findings])
    return render_chart(plot_imaging_findings, im, alt=imaging_alt_text(im), table=table)
