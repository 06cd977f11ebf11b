"""logic.imaging: Brinjikji 2015 prevalence at the edges, modelled cells, agreement with facts."""
from __future__ import annotations

from backcare.content import load_content
from backcare.content.chapter_assessment import chapter_data
from backcare.logic.imaging import imaging_prevalence


def test_imaging_values_at_edges_and_modelled_cells():
    assert imaging_prevalence(20)[0] == ("Disc degeneration", 37, "✔", False)
    assert imaging_prevalence(80)[0] == ("Disc degeneration", 96, "✔", False)
    facet20 = [r for r in imaging_prevalence(20) if r[0] == "Facet degeneration"][0]
    spondy30 = [r for r in imaging_prevalence(30) if r[0] == "Spondylolisthesis"][0]
    assert facet20 == ("Facet degeneration", 4, "✔", True) and spondy30 == ("Spondylolisthesis", 5, "✔", True)
    assert not any(m for *_x, m in imaging_prevalence(40))


def test_imaging_agrees_with_facts():
    facts = load_content().facts
    by = {name: dict(zip(chapter_data().imaging.ages, f.values))
          for name, f in ((f.name, f) for f in chapter_data().imaging.findings)}
    assert by["Disc degeneration"][20] == facts["brinjikji_disc_degeneration_age_20"].value
    assert by["Disc degeneration"][80] == facts["brinjikji_disc_degeneration_age_80"].value
    assert by["Disc bulge"][20] == facts["brinjikji_disc_bulge_age_20"].value
    assert by["Disc bulge"][80] == facts["brinjikji_disc_bulge_age_80"].value
    assert by["Disc signal loss"][60] == facts["brinjikji_signal_loss_age_60"].value
    assert by["Spondylolisthesis"] == {20: 3, 30: 5, 40: 8, 50: 14, 60: 23, 70: 35, 80: 50}
