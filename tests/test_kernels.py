"""Kernels started side by side use Unix sockets, so they cannot race for TCP ports."""

from __future__ import annotations

import os
import time

import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

from retool import kernels

pytestmark = pytest.mark.skipif(os.name != "posix", reason="Unix sockets need a POSIX system")


def test_nbval_is_given_the_unix_socket_manager():
    import nbval.kernel

    assert nbval.kernel.KernelManager is kernels.IpcKernelManager


def test_each_kernel_gets_its_own_short_socket_path():
    a, b = kernels.ipc_manager(), kernels.ipc_manager()
    assert a.transport == b.transport == "ipc"
    assert a.ip != b.ip
    assert len(a.ip) + len("-99999") < 100  # a Unix socket path must stay short


def test_a_notebook_runs_over_unix_sockets(tmp_path):
    nb = new_notebook(cells=[new_code_cell("print(6 * 7)")])
    km = kernels.ipc_manager()
    NotebookClient(nb, km=km, timeout=60, resources={"metadata": {"path": str(tmp_path)}}).execute()
    try:
        assert nb.cells[0].outputs[0]["text"].strip() == "42"
        assert km.transport == "ipc"
        assert not list(tmp_path.iterdir())  # no socket files in the working directory
    finally:
        km.shutdown_kernel(now=True)


def test_execute_leaves_no_kernel_running(tmp_path):
    """A notebook run by kernels.execute is followed by its kernel's end (nbclient keeps a
    kernel it was given running, and the suite runs dozens of notebooks)."""
    nb = new_notebook(cells=[new_code_cell("import os\nprint(os.getpid(), os.getcwd())")])
    kernels.execute(nb, tmp_path)
    pid, cwd = nb.cells[0].outputs[0]["text"].split()
    assert cwd == str(tmp_path)
    for _ in range(50):  # the kernel was killed and reaped; allow a moment all the same
        if not _alive(int(pid)):
            break
        time.sleep(0.1)
    assert not _alive(int(pid)), f"kernel {pid} still runs after the notebook"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
