"""charts.imaging: one panel per finding, one bar per age; modelled ages white and hatched (a second channel)."""
from __future__ import annotations

from types import SimpleNamespace

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from backcare.charts.imaging import plot_imaging_findings  # noqa: E402


def test_panels_bars_and_modelled_hatching():
    im = SimpleNamespace(ages=[20, 30], findings=[
        SimpleNamespace(name="F1", values=[5, 10], modelled_ages=[20]),
        SimpleNamespace(name="F2", values=[7, 9], modelled_ages=[])])
    fig = plot_imaging_findings(im)
    titled = [ax for ax in fig.axes if ax.get_title()]
    assert [ax.get_title() for ax in titled] == ["F1", "F2"]
    bars = titled[0].patches
    assert [b.get_height() for b in bars] == [5, 10]
    assert [b.get_hatch() for b in bars] == ["///", ""]
    assert bars[0].get_facecolor()[:3] == (1.0, 1.0, 1.0)
    assert len(fig.axes) == 4 and not fig.axes[2].axison  # unused panels are switched off
    plt.close(fig)
