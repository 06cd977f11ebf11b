"""The imaging-findings chart: one small panel per finding, people out of 100 WITHOUT back pain by age; modelled
bars (no participants observed) white and hatched."""
from __future__ import annotations

from .style import PALETTE, course_style

__all__ = ["plot_imaging_findings"]


def plot_imaging_findings(imaging, ncols: int = 4):
    """``imaging`` has ``ages`` and ``findings`` (each with ``name``, ``values``, ``modelled_ages``), as in content.

    A grid of panels, so it makes its own Figure (no ``ax``); returns the Figure.
    """
    import matplotlib.pyplot as plt

    im = imaging
    with course_style():
        nrows = -(-len(im.findings) // ncols)
        fig, axes = plt.subplots(nrows, ncols, figsize=(10.0, 2.9 * nrows), sharey=True)
        flat = list(axes.flat) if hasattr(axes, "flat") else [axes]
        for ax, f in zip(flat, im.findings):
            for a, v in zip(im.ages, f.values):
                modelled = a in f.modelled_ages
                ax.bar(a, v, width=7, color="white" if modelled else PALETTE["blue"], edgecolor="black",
                       hatch="///" if modelled else "", linewidth=0.8)
                ax.text(a, v + 2, str(v), ha="center", va="bottom", fontsize=8)
            ax.set_title(f.name, fontsize=10.5)
            ax.set_xticks(im.ages, [str(a) for a in im.ages], fontsize=8)
            ax.set_ylim(0, 112)
        for ax in flat[len(im.findings):]:
            ax.axis("off")
        for ax in flat[::ncols]:
            ax.set_ylabel("out of 100", fontsize=9)
        fig.suptitle("Imaging findings in people WITHOUT back pain, by age (Brinjikji 2015); "
                     "hatched = modelled, no participants observed", fontsize=11)
        fig.supxlabel("Age (years)", fontsize=10)
        fig.tight_layout()
    return fig
