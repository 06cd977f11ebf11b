"""charts.natural_history: measured points as markers, dashed interpolation, each value labelled, from the data."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from backcare.charts.natural_history import plot_natural_history  # noqa: E402


def test_markers_and_dashed_lines_and_labels_follow_the_data_handed_in():
    fig = plot_natural_history({"acute": ("Acute", ((0, 40), (6, 20))),
                                "persistent": ("Persistent", ((0, 50), (6, 45)))})
    ax = fig.axes[0]
    markers = [list(ln.get_ydata()) for ln in ax.get_lines() if ln.get_linestyle() == "None"]
    assert markers == [[40, 20], [50, 45]]
    assert [t.get_text() for t in ax.texts] == ["40", "20", "50", "45"]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["Acute (measured)", "Persistent (measured)", "straight lines between points: interpolation"]
    plt.close(fig)
