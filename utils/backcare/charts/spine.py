"""The labelled side-view schematic of the lower spine (L3 to S1): vertebrae, discs, facet joints, nerve roots.

A drawing of names only: it implies nothing about causes of pain. Handed nothing, it loads nothing.
"""
from __future__ import annotations

from .style import PALETTE, course_style

__all__ = ["plot_spine_schematic"]


def plot_spine_schematic(ax=None):
    """A labelled side-view schematic of L3 to S1 (vertebrae, discs, facet joints, nerve roots); return the Figure."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Circle, Ellipse, FancyBboxPatch, Polygon

    with course_style():
        if ax is None:
            fig, ax = plt.subplots(figsize=(8.0, 7.0))
        else:
            fig = ax.figure
        body_x, body_w, body_h, disc_h = 0.0, 3.0, 1.6, 0.55
        levels = ["L3", "L4", "L5"]
        tops = []
        y = 0.0
        for name in levels:
            ax.add_patch(FancyBboxPatch((body_x, y - body_h), body_w, body_h, boxstyle="round,pad=0.05",
                                        facecolor="#f2e8d5", edgecolor="black", linewidth=1.3))
            ax.text(body_x + body_w / 2, y - body_h / 2, name, ha="center", va="center", fontsize=13,
                    fontweight="bold")
            # posterior elements: pedicle/lamina block and spinous process
            ax.add_patch(Polygon([(body_w + 1.0, y - 0.2), (body_w + 2.3, y - 0.2), (body_w + 3.6, y - 0.9),
                                  (body_w + 2.3, y - 1.4), (body_w + 1.0, y - 1.4)], closed=True,
                                 facecolor="#f2e8d5", edgecolor="black", linewidth=1.0))
            tops.append(y)
            y -= body_h + disc_h
        # sacrum
        ax.add_patch(Polygon([(body_x, y), (body_x + body_w, y), (body_x + body_w + 2.2, y - 1.2),
                              (body_x + body_w + 1.2, y - 2.6), (body_x + 0.4, y - 2.2)], closed=True,
                             facecolor="#f2e8d5", edgecolor="black", linewidth=1.3))
        ax.text(body_x + 1.6, y - 1.1, "Sacrum\n(S1)", ha="center", va="center", fontsize=12, fontweight="bold")
        # discs between bodies (and L5-S1)
        disc_labels = ["L3-L4 disc", "L4-L5 disc", "L5-S1 disc"]
        for i, top in enumerate(tops):
            cy = top - body_h - disc_h / 2
            ax.add_patch(Ellipse((body_x + body_w / 2, cy), body_w * 0.98, disc_h * 0.9, facecolor=PALETTE["sky"],
                                 edgecolor="black", hatch="..", linewidth=1.0))
            ax.annotate(disc_labels[i], (body_x - 0.05, cy), xytext=(-3.2, cy), fontsize=10, va="center",
                        arrowprops=dict(arrowstyle="-", color="black", lw=0.8))
        # spinal canal between body and posterior elements
        canal_top, canal_bottom = tops[0] + 0.3, y - 1.2
        ax.add_patch(plt.Rectangle((body_w + 0.15, canal_bottom), 0.75, canal_top - canal_bottom,
                                   facecolor="#fff7cc", edgecolor=PALETTE["grey"], linewidth=0.8, linestyle="--"))
        ax.annotate("Spinal canal (holds the nerve roots)", (body_w + 0.6, tops[0] + 0.2),
                    xytext=(body_w + 1.2, tops[0] + 0.9), fontsize=10, ha="left",
                    arrowprops=dict(arrowstyle="-", lw=0.8))
        # facet joints: at the back of each gap between neighbouring posterior elements
        for top in tops:
            ax.add_patch(Circle((body_w + 2.9, top - 1.4 - 0.3), 0.2, facecolor=PALETTE["purple"],
                                edgecolor="black", linewidth=1.0))
        ax.annotate("Facet joints", (body_w + 3.05, tops[0] - 1.7), xytext=(body_w + 3.9, tops[0] - 1.2),
                    fontsize=10, arrowprops=dict(arrowstyle="-", lw=0.8))
        # nerve roots leave below the vertebra of the same number, through the gap (foramen) in front of the facet
        roots = [("L4 root", tops[1]), ("L5 root", tops[2])]
        for (name, top), ls in zip(roots, ["-", "--"]):
            g = top - 1.4
            ax.plot([body_w + 0.5, body_w + 1.4, body_w + 2.4, body_w + 3.8],
                    [g - 0.15, g - 0.35, g - 0.6, g - 0.75], color=PALETTE["vermillion"], linewidth=2.6,
                    linestyle=ls)
            ax.text(body_w + 3.9, g - 0.75, name, fontsize=11, fontweight="bold", va="center")
        ax.plot([body_w + 0.5, body_w + 1.6, body_w + 3.8], [y - 0.5, y - 1.0, y - 1.5], color=PALETTE["vermillion"],
                linewidth=2.6, linestyle=":")
        ax.text(body_w + 3.9, y - 1.5, "S1 root", fontsize=11, fontweight="bold", va="center")
        ax.annotate("Vertebral body", (body_x + 0.2, tops[0] - 0.2), xytext=(-3.2, tops[0] + 0.2), fontsize=10,
                    arrowprops=dict(arrowstyle="-", lw=0.8))
        ax.text(-3.2, y - 3.2, "Front of the body (belly side)", fontsize=9.5, color=PALETTE["grey"])
        ax.text(body_w + 2.4, y - 3.2, "Back", fontsize=9.5, color=PALETTE["grey"])
        ax.set_xlim(-3.4, body_w + 5.6)
        ax.set_ylim(y - 3.5, tops[0] + 1.4)
        ax.set_aspect("equal")
        ax.axis("off")
        ax.set_title("Lower spine, side view (schematic, not to scale)")
    return fig
