"""The course's chart style: the Okabe-Ito palette, level colours, hatches and markers, and ``course_style()``.

Nothing is applied at import: ``with course_style():`` applies the packaged ``backcare.mplstyle`` for the figures
drawn inside the block only.
"""
from __future__ import annotations

import contextlib
import functools
from typing import Iterator

from ..paths import PACKAGE_DIR

__all__ = ["STYLE_FILE", "PALETTE", "LEVEL_COLOURS", "HATCHES", "MARKERS", "course_style"]

STYLE_FILE = PACKAGE_DIR / "backcare.mplstyle"

#: Okabe & Ito (2008) colour-vision-deficiency-safe palette, by name.
PALETTE = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "sky": "#56B4E9",
    "yellow": "#F0E442",
    "black": "#000000",
    "grey": "#6E6E6E",
}
#: One colour per invasiveness level 0-5, used wherever the scale is drawn (chapters 00 and 06).
LEVEL_COLOURS = [PALETTE[k] for k in ("green", "sky", "yellow", "orange", "purple", "vermillion")]
#: Hatches give a second channel beside colour (design §4: colour is never the only carrier of meaning).
HATCHES = ["", "//", "..", "xx", "\\\\", "++"]
MARKERS = ["o", "s", "^", "D", "v", "P"]


@contextlib.contextmanager
def course_style() -> Iterator[None]:
    """Apply the course style for the figures drawn inside the ``with`` block."""
    import matplotlib.pyplot as plt

    with plt.style.context(_style_params(STYLE_FILE.stat().st_mtime_ns)):
        yield


@functools.lru_cache(maxsize=4)
def _style_params(mtime_ns: int) -> dict:
    """The style file's settings, read once per version of the file (``plt.style.context(path)`` parses the file
    every time: a hundred times a chapter)."""
    import matplotlib

    return dict(matplotlib.rc_params_from_file(str(STYLE_FILE), use_default_template=False))
