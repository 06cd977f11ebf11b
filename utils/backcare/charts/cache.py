"""The chart cache: a drawn chart's PNG bytes kept on disk, reused only when nothing that decides its pixels changed.

Painting charts is most of a chapter's kernel time (issue 19). A chart is a pure function of the plot function, the
data handed to it, the package's code and style, the content files, matplotlib's settings and the libraries that
draw and encode it; the cache key is a SHA-256 over all of them:

- every file in ``content/`` and every code, style and template file of the package (so a changed chart function is
  never skipped), hashed once per process (content and code are read once per process too);
- the versions of Python, matplotlib, FreeType, NumPy and Pillow;
- matplotlib's rcParams at the call (a kernel that changed a setting, or another backend, gets its own entries);
- the plot function's module and name, and the ``repr`` of the data handed to it (pydantic models and dataclasses
  print every field; NumPy arrays print in full): every cached chart is handed the facts it draws, so a chart can
  never show stale facts even from a kernel that read the content before a file changed. A call whose arguments
  print a memory address, or a plot function defined inside another, is never cached.

The bytes served are the bytes the chart would be drawn as (``png_bytes`` is deterministic), so re-executing a
notebook reproduces its outputs with or without the cache. ``python -m backcare execute`` (the only writer of
committed outputs) always draws afresh and refreshes the entries (``BACKCARE_CHART_CACHE=refresh``).

Where: ``$BACKCARE_CACHE_DIR`` or ``$XDG_CACHE_HOME/backcare`` (``~/.cache/backcare``), in ``charts/<generation>/``;
generations unused for a week are removed. ``BACKCARE_CHART_CACHE=0`` turns it off; a folder that cannot be written
turns it off silently (the chart is drawn as usual). ``BACKCARE_CHART_CACHE=blank`` draws nothing and returns a 1x1
white PNG: only for tools that read what charts say and never show them (the references a chapter's outputs name).

Examples
--------
>>> _cacheable_repr(("chronic_lbp", [1, 2.5]))
"('chronic_lbp', [1, 2.5])"
>>> _cacheable_repr((object(),)) is None
True
"""
from __future__ import annotations

import functools
import hashlib
import sys
from pathlib import Path
from typing import Callable

from ..fingerprint import cache_mode, cache_root, store, tree_digest
from ..paths import PACKAGE_DIR, content_dir

__all__ = ["ENABLED", "cache_dir", "cached_png", "chart_key"]

#: Off in-process for the test suite (tests/conftest.py): tests patch functions a chart calls. Kernels are unaffected.
ENABLED = True
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: The package files that decide what a chart or a content check does (code, styles, templates, fonts).
CODE_SUFFIXES = frozenset({".py", ".mplstyle", ".j2", ".json", ".css", ".ttf", ".otf"})


def _mode() -> str:
    return cache_mode()


#: What ``cached_png`` returns in ``blank`` mode: a 1x1 white PNG.
BLANK_PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415478da63f8ff"
                          "ff3f0005fe02fea7d6a6e10000000049454e44ae426082")


def cache_dir() -> Path:
    return cache_root() / "charts"


@functools.lru_cache(maxsize=1)
def _versions() -> str:
    import matplotlib
    import numpy
    import PIL
    from matplotlib import ft2font

    return "|".join([sys.version, matplotlib.__version__, getattr(ft2font, "__freetype_version__", "?"),
                     numpy.__version__, PIL.__version__])


def generation() -> str:
    """The part of the key shared by every chart of this content, code and library versions (once per process)."""
    return _generation(content_dir(), PACKAGE_DIR)


@functools.lru_cache(maxsize=8)
def _generation(content: Path, package: Path) -> str:
    h = hashlib.sha256(b"backcare-charts-v1\0")
    h.update(tree_digest(content).encode())
    h.update(tree_digest(package, CODE_SUFFIXES).encode())
    h.update(_versions().encode())
    return h.hexdigest()[:20]


def _cacheable_repr(args: tuple) -> str | None:
    import numpy as np

    with np.printoptions(threshold=sys.maxsize):  # every element, never "..."
        text = repr(args)
    return None if " at 0x" in text else text


def chart_key(plot: Callable, args: tuple, kwargs: dict | None = None) -> str | None:
    """The chart's key within its generation, or None when the call cannot be keyed safely."""
    import matplotlib

    qualname = getattr(plot, "__qualname__", "")
    if not qualname or "<" in qualname:
        return None
    text = _cacheable_repr((args, sorted(kwargs.items())) if kwargs else args)
    if text is None:
        return None
    rc = _cacheable_repr(tuple(sorted(dict.items(matplotlib.rcParams))))
    if rc is None:
        return None
    h = hashlib.sha256()
    for part in (plot.__module__, qualname, text, rc):
        h.update(part.encode("utf-8") + b"\0")
    return h.hexdigest()


def _draw(plot: Callable, args: tuple, kwargs: dict) -> bytes:
    import matplotlib.pyplot as plt

    from .show import png_bytes

    fig = plot(*args, **kwargs)
    try:
        return png_bytes(fig)
    finally:
        # Nothing else holds this figure: empty it and drop its renderer (the canvas-sized pixel buffer) now, rather
        # than leave them to the cyclic garbage collector (a chapter's peak memory; issue 19).
        fig.clear()
        fig.canvas.__dict__.pop("renderer", None)
        plt.close(fig)


def cached_png(plot: Callable, *args, **kwargs) -> bytes:
    """``png_bytes(plot(*args, **kwargs))`` (the figure closed), from the cache when it holds this exact chart."""
    mode = _mode() if ENABLED else "off"
    if mode == "blank":  # a tool that reads what charts say (alt text, tables), never their pixels
        return BLANK_PNG
    if mode == "off":
        return _draw(plot, args, kwargs)
    key = chart_key(plot, args, kwargs)
    if key is None:
        return _draw(plot, args, kwargs)
    try:
        folder = cache_dir() / generation()
    except OSError:
        return _draw(plot, args, kwargs)
    path = folder / f"{key}.png"
    if mode == "on":
        try:
            data = path.read_bytes()
        except OSError:
            data = b""
        if data.startswith(_PNG_SIGNATURE):
            return data
    data = _draw(plot, args, kwargs)
    store(path, data)
    return data
