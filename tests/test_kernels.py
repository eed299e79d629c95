"""Kernels started side by side use Unix sockets, so they cannot race for TCP ports."""

from __future__ import annotations

import os

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
    assert nb.cells[0].outputs[0]["text"].strip() == "42"
    assert km.transport == "ipc"
    assert not list(tmp_path.iterdir())  # no socket files in the working directory
