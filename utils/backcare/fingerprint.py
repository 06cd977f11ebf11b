"""What the on-disk caches share (charts, validated content, the sources a chapter shows; issue 19): where they live,
the one switch, and fingerprints of the course's files.

- :func:`cache_root`: ``$BACKCARE_CACHE_DIR``, else ``$XDG_CACHE_HOME/backcare`` (``~/.cache/backcare``);
- :func:`cache_mode`: ``BACKCARE_CHART_CACHE`` (the name predates the other caches): ``0``/``off`` off, ``refresh``
  build afresh and store (what ``python -m backcare execute`` sets), ``blank`` (charts only: draw nothing), else on;
- :func:`tree_digest`: a SHA-256 over a folder's file names and bytes, once per process (a kernel reads its content
  and code once, so a file edited while it runs is a new fingerprint in the next kernel, never a stale answer);
- :func:`store`: write one entry atomically into its generation folder (``<cache>/<kind>/<generation>/``); starting a
  new generation removes the others of that kind not written to for a week, so the caches do not grow without end.

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
import shutil
import stat
import time
from pathlib import Path

__all__ = ["KEEP_DAYS", "cache_mode", "cache_root", "store", "tree_digest"]

#: Generations of a cache not written to for this many days are removed when a new one starts.
KEEP_DAYS = 7


def cache_root() -> Path:
    """The caches' folder, this user's own; ``PermissionError`` if it belongs to someone else (then every cache is off).

    What a cache holds is shown to a student (a chart) or loaded as code (validated content is a pickle), so it is read
    only from a folder no one else can write to: with a shared folder (say a class hub pointing every student at one
    ``$BACKCARE_CACHE_DIR``) one user could plant a wrong chart, or a pickle, for another. The folder is made by this
    user, readable and writable by this user only; one this user owns but others could write to is made private
    again; one owned by another user turns the caches off. Callers treat the error as "no cache": charts are drawn and
    content is read from its YAML, as without a cache.
    """
    base = os.environ.get("BACKCARE_CACHE_DIR")
    root = Path(base) if base else Path(os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")) / "backcare"
    _make_private(root)
    return root


def _make_private(root: Path) -> None:
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # Windows: per-user profile folders, no POSIX owner to compare
        return
    try:
        info = root.stat()
    except FileNotFoundError:
        root.parent.mkdir(parents=True, exist_ok=True)
        root.mkdir(mode=0o700, exist_ok=True)
        info = root.stat()
    if info.st_uid != getuid():
        raise PermissionError(f"cache folder {root} belongs to another user: the caches are off")
    if info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):  # anything for group or others: this user's only again
        root.chmod(0o700)


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


def store(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` (in its generation folder) atomically; quietly nothing if the folder cannot be
    written (the caller has its answer anyway). A new generation folder prunes its old siblings."""
    folder = path.parent
    try:
        new = not folder.is_dir()
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{path.name}.{os.getpid()}.tmp"
        tmp.write_bytes(data)
        os.replace(tmp, path)
        if new:
            _prune(folder)
    except OSError:
        pass


def _prune(keep: Path) -> None:
    """Remove the other generations beside ``keep`` not written to for ``KEEP_DAYS`` days."""
    cutoff = time.time() - KEEP_DAYS * 86400
    for other in keep.parent.iterdir():
        try:
            if other != keep and other.is_dir() and other.stat().st_mtime < cutoff:
                shutil.rmtree(other, ignore_errors=True)
        except OSError:
            continue
