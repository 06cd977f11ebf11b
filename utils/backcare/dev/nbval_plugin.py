"""A pytest plugin, loaded wherever this package is installed (entry point ``pytest11`` in pyproject.toml): nbval
without its per-message pretty-printing.

nbval 0.11 logs every kernel message it reads with ``logger.debug("...%s", pformat(msg))``: the message (a chapter's
HTML tables, PNGs and widget state) is pretty-printed before the logger checks its level, so the work is done and
thrown away for every message of every cell even though nothing logs at debug level. Measured on this series (issue
19): 1.6 s of the pytest process's CPU for ten notebooks, most of nbval's own cost. Here nbval's ``pformat`` is
swapped for a deferred one that formats only if a debug record is actually emitted (``--log-level=DEBUG`` still
shows the same text). Nothing else in nbval changes; if nbval stops using ``pformat`` this does nothing.

Examples
--------
>>> import pprint
>>> msg = {"header": {"msg_type": "stream"}, "content": {"text": "hello"}}
>>> str(Deferred(msg)) == pprint.pformat(msg)
True
"""
from __future__ import annotations

import pprint

__all__ = ["Deferred", "pytest_configure"]


class Deferred:
    """``pprint.pformat(obj)``, computed when the logging record is formatted (never, if it is not emitted)."""

    __slots__ = ("obj",)

    def __init__(self, obj) -> None:
        self.obj = obj

    def __str__(self) -> str:
        return pprint.pformat(self.obj)

    __repr__ = __str__


def pytest_configure(config) -> None:
    try:
        from nbval import kernel
    except ImportError:  # the runtime install has no nbval: nothing to do
        return
    if getattr(kernel, "pformat", None) is pprint.pformat:
        kernel.pformat = Deferred
