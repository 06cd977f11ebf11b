"""Kernels the builders start talk to them over an encrypted channel, so ipykernel has nothing to warn about.

ipykernel warns "Kernel is running over TCP without encryption ..." whenever a kernel listens on TCP without CurveZMQ
keys: nine times per site build or test run, printed over the progress lines. The fix at the source is to let the
kernel manager provision CurveZMQ keys (``KernelManager.transport_encryption = "auto"``: only for kernelspecs that
declare ``supported_encryption: ["curve"]``, as ipykernel's does). It works on Windows too, where the IPC transport
does not exist. Where pyzmq was built without CurveZMQ, POSIX systems fall back to the IPC transport (no TCP, no
warning); on Windows the warning then stays, because there is nothing better to offer.

Every place that starts a kernel uses this: ``execute`` (nbclient), the lab launcher (command-line options) and the
test suite (nbval's kernel manager, patched in ``tests/conftest.py``).
"""
from __future__ import annotations

import os

from jupyter_client.manager import KernelManager


def _curve_available() -> bool:
    import zmq

    return bool(zmq.has("curve"))


def kernel_manager_options() -> dict[str, str]:
    """Trait values for ``KernelManager`` that avoid an unencrypted TCP channel where the platform allows."""
    if _curve_available():
        return {"transport_encryption": "auto"}
    if os.name != "nt":
        return {"transport": "ipc"}
    return {}


def kernel_config():
    """A traitlets ``Config`` carrying :func:`kernel_manager_options` (for nbclient's ``NotebookClient``)."""
    from traitlets.config import Config

    return Config({"KernelManager": kernel_manager_options()})


def command_line_options() -> list[str]:
    """The same options for a Jupyter server's command line (``python -m jupyterlab ...``)."""
    return [f"--KernelManager.{name}={value}" for name, value in kernel_manager_options().items()]


class EncryptedKernelManager(KernelManager):
    """A ``KernelManager`` whose defaults are :func:`kernel_manager_options` (for tools that build their own)."""

    def __init__(self, **kwargs):
        for name, value in kernel_manager_options().items():
            kwargs.setdefault(name, value)
        super().__init__(**kwargs)
