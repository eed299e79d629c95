"""Kernels that talk over Unix sockets instead of TCP ports.

With TCP, jupyter_client picks free ports, releases them, and lets the kernel bind them; another
process starting at the same moment can take a port in between ("Address already in use", or a
client that waits for ever on the wrong kernel). Unix sockets in a private folder cannot collide,
so the grader and the test suite, which start many kernels side by side, use them.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import uuid

from jupyter_client.manager import KernelManager

_folder: list[str] = []


def short_folder(prefix: str) -> str:
    """A new private folder whose path is short: a Unix socket's path must stay under about
    100 bytes."""
    return tempfile.mkdtemp(prefix=prefix, dir="/tmp" if os.name == "posix" else None)


def private_folder() -> str:
    """One short private folder per process for socket files, removed when the process ends."""
    if not _folder:
        _folder.append(short_folder("rk"))
        atexit.register(shutil.rmtree, _folder[0], True)
    return _folder[0]


def socket_prefix() -> str:
    """A fresh path prefix for one kernel's socket files."""
    return os.path.join(private_folder(), uuid.uuid4().hex[:12])


def ipc_settings() -> dict:
    """Keyword arguments that make a (Async)KernelManager use Unix sockets on POSIX systems."""
    return {"transport": "ipc", "ip": socket_prefix()} if os.name == "posix" else {}


class IpcKernelManager(KernelManager):
    """A KernelManager whose kernel listens on Unix sockets in a private folder."""

    def __init__(self, **kwargs):
        for key, value in ipc_settings().items():
            kwargs.setdefault(key, value)
        super().__init__(**kwargs)


def ipc_manager(kernel_name: str = "python3") -> KernelManager:
    """A kernel manager for ``nbclient.NotebookClient(nb, km=...)``."""
    return IpcKernelManager(kernel_name=kernel_name)


def execute(nb, cwd: str, timeout: float = 60, **options):
    """Run ``nb`` (changed in place) in a fresh kernel on Unix sockets whose working folder is
    ``cwd``, and shut the kernel down afterwards: nbclient leaves running a kernel whose manager
    it was given, and a test session that runs many notebooks would keep them all alive."""
    from nbclient import NotebookClient

    km = ipc_manager()
    client = NotebookClient(
        nb,
        km=km,
        timeout=timeout,
        shutdown_kernel="immediate",
        resources={"metadata": {"path": str(cwd)}},
        **options,
    )
    try:
        return client.execute(cleanup_kc=True)
    finally:
        if km.has_kernel:
            km.shutdown_kernel(now=True)
