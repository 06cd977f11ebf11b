"""charts.burden: one bar per estimate at its value, error bars reaching its interval, the interval written beside."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from backcare.charts.burden import plot_burden  # noqa: E402


def test_bars_error_bars_and_labels_come_from_the_data_handed_in():
    fig = plot_burden([("A", 10.0, 8.0, 13.0), ("B", 20.5, 19.0, 24.0)])
    ax = fig.axes[0]
    assert [p.get_height() for p in ax.patches] == [10.0, 20.5]
    segments = [c for c in ax.collections if hasattr(c, "get_segments")][0].get_segments()
    assert [tuple(np.round(s[:, 1], 6)) for s in segments] == [(8.0, 13.0), (19.0, 24.0)]
    assert [t.get_text() for t in ax.texts] == ["10 M\n(8 to 13)", "20.5 M\n(19 to 24)"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["A", "B"]
    assert [p.get_hatch() for p in ax.patches] == ["", "//"]
    plt.close(fig)


def test_draws_on_a_given_axes():
    fig, ax = plt.subplots()
    assert plot_burden([("A", 1.0, 0.5, 2.0)], ax=ax) is fig
    plt.close(fig)
