"""Validated content kept between processes (issue 19).

A kernel reads and validates the course's YAML on its first question: parsing, pydantic and the cross-file rules are
about a tenth of a second per chapter, paid again by every kernel of every chapter. :func:`remembered` keeps what
validated in a pickle and reads it back in the next process instead.

It can never answer with stale facts: the key is a SHA-256 over every file in the content folder (names and bytes),
every code file of the package (models and rules included) and the versions of Python, pydantic and PyYAML, so a
changed fact, model or rule is a new key. Only content that validated without a problem is stored (a file with a
problem raises, as always, naming the file and the field). Same switch and folder as the chart cache
(:mod:`backcare.fingerprint`: ``BACKCARE_CHART_CACHE=0`` off, ``refresh`` rebuild and store, as ``execute`` does;
in ``$BACKCARE_CACHE_DIR/content/``); off in the test process (tests/conftest.py), where tests edit content in place.
A folder that cannot be written, or a stored file that cannot be read, means reading the YAML as usual.
"""
from __future__ import annotations

import functools
import pickle
import sys
from pathlib import Path
from typing import Callable, TypeVar

from ..fingerprint import cache_mode, cache_root, store, tree_digest

__all__ = ["ENABLED", "remembered"]

#: Off in-process for the test suite (tests/conftest.py). Kernels are unaffected.
ENABLED = True
T = TypeVar("T")
_CODE_SUFFIXES = frozenset({".py", ".json"})


@functools.lru_cache(maxsize=8)
def _key(root: Path) -> str:
    import hashlib

    import pydantic
    import yaml

    from ..paths import PACKAGE_DIR

    h = hashlib.sha256(b"backcare-content-v1\0")
    for part in (tree_digest(root), tree_digest(PACKAGE_DIR, _CODE_SUFFIXES), sys.version, pydantic.VERSION,
                 yaml.__version__, str(root)):
        h.update(part.encode("utf-8") + b"\0")
    return h.hexdigest()[:20]


def remembered(root: Path, name: str, build: Callable[[], T]) -> T:
    """``build()`` (the validated content of ``name`` under ``root``), read back from disk when stored under this
    exact key."""
    mode = cache_mode() if ENABLED else "off"
    if mode == "off":
        return build()
    try:
        path = cache_root() / "content" / _key(root) / f"{name.replace('/', '__')}.pickle"
    except OSError:
        return build()
    if mode != "refresh":
        try:
            return pickle.loads(path.read_bytes())
        except Exception:  # noqa: BLE001 - missing, partly written or unreadable: read the YAML instead
            pass
    value = build()
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return value
    store(path, data)
    return value
