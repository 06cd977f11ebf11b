"""charts.invasiveness_scale: one box per level with its number, name and first example; no arrows (not a ladder)."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import FancyArrow, FancyArrowPatch  # noqa: E402

from backcare.charts.invasiveness_scale import plot_invasiveness_scale  # noqa: E402


def test_one_box_per_level_with_labels_and_no_arrows():
    fig = plot_invasiveness_scale([(0, "Self-care", "Walking"), (1, "Hands-on", None), (2, "Tablets", "Paracetamol")])
    ax = fig.axes[0]
    assert len(ax.patches) == 3 and not any(isinstance(p, (FancyArrow, FancyArrowPatch)) for p in ax.patches)
    texts = [t.get_text() for t in ax.texts]
    assert texts[:2] == ["0", "Self-care"] and "e.g. Walking" in texts and "e.g. Paracetamol" in texts
    assert sum(t.startswith("e.g.") for t in texts) == 2  # a level without an example gets none
    assert "not a ladder" in ax.get_title()
    plt.close(fig)
