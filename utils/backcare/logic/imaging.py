"""Imaging findings in people WITHOUT back pain by age (Brinjikji 2015): prevalence at one age and its reading.

Examples
--------
>>> imaging_prevalence(50)[0]
('Disc degeneration', 80, '✔', False)
>>> imaging_prevalence(45)
Traceback (most recent call last):
...
ValueError: age must be one of 20, 30, 40, 50, 60, 70, 80 (the decades reported), not 45
"""
from __future__ import annotations

from ..content.chapter_assessment import chapter_data

__all__ = ["imaging_prevalence", "imaging_sentence"]

_ARTICLE = {"Disc bulge": "a disc bulge", "Disc protrusion": "a disc protrusion", "Annular fissure": "an annular fissure"}


def imaging_prevalence(age: int) -> list[tuple[str, int, str, bool]]:
    """(finding, percent, confidence, modelled) at one age among people WITHOUT back pain (Brinjikji 2015)."""
    im = chapter_data().imaging
    if age not in im.ages:
        raise ValueError(f"age must be one of {', '.join(map(str, im.ages))} (the decades reported), not {age!r}")
    k = im.ages.index(age)
    return [(f.name, f.values[k], f.confidence[k], age in f.modelled_ages) for f in im.findings]


def imaging_sentence(age: int) -> str:
    """Out of 100 people of this age without back pain, how many have each finding (one sentence)."""
    rows = imaging_prevalence(age)
    listed = "; ".join(f"about {v} {'has' if v == 1 else 'have'} {_ARTICLE.get(name, name.lower())}"
                       + (" (modelled: no people of this age were observed)" if modelled else "")
                       for name, v, _c, modelled in rows)
    return f"Out of 100 people aged {age} without back pain, {listed}."
