"""What the on-disk caches share (charts, validated content, the sources a chapter shows; issue 19): where they live,
the one switch, and fingerprints of the course's files.

- :func:`cache_root`: ``$BACKCARE_CACHE_DIR``, else ``$XDG_CACHE_HOME/backcare`` (``~/.cache/backcare``);
- :func:`cache_mode`: ``BACKCARE_CHART_CACHE`` (the name predates the other caches): ``0``/``off`` off, ``refresh``
  build afresh and store (what ``python -m backcare execute`` sets), ``blank`` (charts only: draw nothing), else on;
- :func:`tree_digest`: a SHA-256 over a folder's file names and bytes, once per process (a kernel reads its content
  and code once, so a file edited while it runs is a new fingerprint in the next kernel, never a stale answer).

Examples
--------
>>> import tempfile
>>> d = Path(tempfile.mkdtemp())
>>> _ = (d / "a.yaml").write_text("x: 1")
>>> first = tree_digest(d)
>>> _ = (d / "a.yaml").write_text("x: 2")
>>> tree_digest.cache_clear(); tree_digest(d) != first
True
"""
from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

__all__ = ["cache_mode", "cache_root", "tree_digest"]


def cache_root() -> Path:
    base = os.environ.get("BACKCARE_CACHE_DIR")
    if base:
        return Path(base)
    return Path(os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")) / "backcare"


def cache_mode() -> str:
    """``"off"``, ``"on"``, ``"refresh"`` or ``"blank"`` from ``$BACKCARE_CHART_CACHE`` (unset: on)."""
    value = os.environ.get("BACKCARE_CHART_CACHE", "1").strip().lower()
    if value in ("0", "off", "no", "false"):
        return "off"
    return value if value in ("refresh", "blank") else "on"


@functools.lru_cache(maxsize=16)
def tree_digest(root: Path, suffixes: frozenset[str] | None = None) -> str:
    """SHA-256 (hex) over every file under ``root`` (``__pycache__`` skipped; only ``suffixes`` if given): its path
    relative to ``root`` and its bytes, in sorted order."""
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if "__pycache__" in path.parts or (suffixes is not None and path.suffix not in suffixes) or not path.is_file():
            continue
        h.update(str(path.relative_to(root)).encode("utf-8") + b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()
