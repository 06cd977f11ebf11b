"""charts.spine: the schematic labels every structure it names and draws the three nerve roots."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from backcare.charts.spine import plot_spine_schematic  # noqa: E402


def test_labels_and_roots():
    fig = plot_spine_schematic()
    ax = fig.axes[0]
    texts = {t.get_text() for t in ax.texts}
    assert {"L3", "L4", "L5", "L4 root", "L5 root", "S1 root", "Facet joints", "L4-L5 disc", "Vertebral body"} <= texts
    roots = [ln for ln in ax.get_lines() if ln.get_linewidth() == 2.6]
    assert [ln.get_linestyle() for ln in roots] == ["-", "--", ":"]  # L4, L5, S1: line style as a second channel
    assert "not to scale" in ax.get_title()
    plt.close(fig)
