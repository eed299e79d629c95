"""pytest plugin of the course (``-p retool.pytest_plugin`` in pyproject.toml).

nbval starts one kernel per notebook; under pytest-xdist several start at once, and TCP ports
chosen in parallel can collide. nbval has no option for the transport, so its KernelManager is
replaced by one that uses Unix sockets (see :mod:`retool.kernels`).
"""

from __future__ import annotations


def pytest_configure(config):
    try:
        import nbval.kernel
    except ImportError:  # nbval is a test requirement, not a learner's
        return
    from .kernels import IpcKernelManager

    nbval.kernel.KernelManager = IpcKernelManager
