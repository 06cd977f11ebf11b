"""Kernels started by the builders and the tests are not reported as unencrypted (issue 17)."""
from __future__ import annotations

import subprocess
import sys
import textwrap

from backcare.builders import kernels

WARNING = "Kernel is running over TCP without encryption"

SNIPPET = textwrap.dedent("""
    import sys
    from pathlib import Path
    import nbformat.v4 as v4
    nb = v4.new_notebook(cells=[v4.new_code_cell("print(6 * 7)")])
    if sys.argv[1] == "backcare":
        from backcare.builders.execute import execute_notebook
        execute_notebook(nb, cwd=Path("."))
    else:
        from nbclient import NotebookClient
        NotebookClient(nb, kernel_name="python3").execute()
    print("OUT", nb.cells[0].outputs[0]["text"].strip())
""")


def _run(which: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", SNIPPET, which], capture_output=True, text=True, timeout=120)


def test_execute_starts_kernels_without_the_tcp_warning_and_a_plain_client_would_show_it():
    ours = _run("backcare")
    assert ours.returncode == 0, ours.stderr
    assert "OUT 42" in ours.stdout
    assert WARNING not in ours.stderr, ours.stderr
    plain = _run("plain")  # the control: the same kernel started the default way does warn
    assert "OUT 42" in plain.stdout
    assert WARNING in plain.stderr


def test_options_encrypt_where_curve_exists_and_name_a_kernel_manager_trait():
    import zmq

    opts = kernels.kernel_manager_options()
    if zmq.has("curve"):
        assert opts == {"transport_encryption": "auto"}
    assert kernels.command_line_options() == [f"--KernelManager.{k}={v}" for k, v in opts.items()]
    km = kernels.EncryptedKernelManager(kernel_name="python3")
    for name, value in opts.items():
        assert getattr(km, name) == value


def test_nbval_in_this_session_uses_the_encrypted_manager():
    import nbval.kernel

    assert nbval.kernel.KernelManager is kernels.EncryptedKernelManager
