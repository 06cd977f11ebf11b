"""The nbval plugin (issue 19): loaded by pytest through the package's entry point, it defers nbval's per-message
pretty-printing to when a debug record is emitted; with debug logging on, the record says what nbval always said."""
from __future__ import annotations

import logging
import pprint

from backcare.dev import nbval_plugin


def test_the_plugin_is_loaded_and_nbval_formats_lazily(pytestconfig):
    from nbval import kernel

    assert pytestconfig.pluginmanager.has_plugin("backcare_nbval"), "entry point pytest11 backcare_nbval not loaded"
    assert kernel.pformat is nbval_plugin.Deferred


def test_a_message_is_formatted_only_when_a_debug_record_is_emitted(monkeypatch, caplog):
    from nbval import kernel

    calls = []
    monkeypatch.setattr(nbval_plugin.pprint, "pformat", lambda obj: calls.append(obj) or pprint.saferepr(obj))
    msg = {"header": {"msg_type": "display_data"}, "content": {"data": {"text/plain": "x" * 50}}}
    caplog.set_level(logging.INFO, logger=kernel.logger.name)
    kernel.logger.debug("Kernel message (%s):\n%s", "iopub", kernel.pformat(msg))
    assert calls == []
    caplog.set_level(logging.DEBUG, logger=kernel.logger.name)
    kernel.logger.debug("Kernel message (%s):\n%s", "iopub", kernel.pformat(msg))
    assert calls and all(c is msg for c in calls)  # each handler that shows the record formats it
    assert caplog.records[-1].getMessage() == "Kernel message (iopub):\n" + pprint.saferepr(msg)


def test_nothing_changes_when_nbval_no_longer_uses_pformat(monkeypatch):
    from nbval import kernel

    own = object()
    monkeypatch.setattr(kernel, "pformat", own)
    nbval_plugin.pytest_configure(None)
    assert kernel.pformat is own
