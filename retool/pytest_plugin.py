"""pytest plugin of the course (``-p retool.pytest_plugin`` in pyproject.toml).

nbval starts one kernel per notebook; under pytest-xdist several start at once, and TCP ports
chosen in parallel can collide. nbval has no option for the transport, so its KernelManager is
replaced by one that uses Unix sockets (see :mod:`retool.kernels`).

Each process that runs tests starts a warm-kernel server (:mod:`retool.warm_kernels`) and puts a
``python3`` kernelspec that asks it for kernels first on JUPYTER_PATH, so that the notebooks,
the exercises, the fault runners and JupyterLab's kernels skip the second of imports every new
kernel spends. RETOOL_COLD_KERNELS=1 starts every kernel the ordinary way.
"""

from __future__ import annotations

import gc
import os
import shutil
from pathlib import Path

import pytest

# The test processes hold thousands of collected tests and several libraries' objects, which
# Python's default collector thresholds make it walk again and again (about 9 % of the chart
# tests' CPU time): collect the young generation less often, and freeze what collection made.
GC_THRESHOLD = (50_000, 50, 100)


def pytest_configure(config):
    gc.set_threshold(*GC_THRESHOLD)
    try:
        import nbval.kernel
    except ImportError:  # nbval is a test requirement, not a learner's
        return
    from .kernels import IpcKernelManager

    nbval.kernel.KernelManager = IpcKernelManager
    if os.environ.get("RETOOL_COLD_KERNELS") or _xdist_controller(config):
        return
    if not hasattr(os, "fork"):  # forking is for POSIX systems; elsewhere kernels start as usual
        return
    config._retool_warm = _warm_kernels()
    nbval.kernel.NbvalKernelspecManager = _warm_specs()


def pytest_collection_finish(session):
    gc.collect()
    gc.freeze()


def pytest_unconfigure(config):
    warm = getattr(config, "_retool_warm", None)
    if warm is None:
        return
    process, folder = warm
    process.terminate()
    try:
        process.wait(timeout=10)
    except Exception:  # noqa: BLE001 - a server that does not stop is killed
        process.kill()
    shutil.rmtree(folder, ignore_errors=True)


def _xdist_controller(config) -> bool:
    """The pytest-xdist process that hands tests to workers and runs none itself."""
    return not hasattr(config, "workerinput") and bool(config.getoption("numprocesses", None))


# What the warm imports read of the environment when the session began (see test_warm_kernels).
CONFIGURED_ENV: dict[str, str] = {}


def _warm_kernels():
    from . import warm_kernels
    from .kernels import short_folder

    CONFIGURED_ENV.update(warm_kernels.import_time_env(os.environ))
    folder = Path(short_folder("rw"))
    process, env = warm_kernels.start(folder)
    os.environ.update(env)
    return process, folder


def _warm_specs():
    """nbval's ``--nbval-current-env`` kernel is this Python's ``python3``: the warm one."""
    from jupyter_client.kernelspec import KernelSpecManager
    from nbval.kernel import CURRENT_ENV_KERNEL_NAME

    class WarmNbvalSpecs(KernelSpecManager):
        def get_kernel_spec(self, kernel_name):
            if kernel_name == CURRENT_ENV_KERNEL_NAME:
                kernel_name = "python3"
            return super().get_kernel_spec(kernel_name)

    return WarmNbvalSpecs


# `make test` runs three workers on a two-core machine: the browser tests and the notebooks
# spend much of their time waiting on Chromium or a kernel, and a third worker computes meanwhile
# (measured: 195-205 s against 212-236 s with two workers, the same CPU time).
#
# Test files whose tests are independent and long enough to be worth spreading over two
# workers (each worker starts its own JupyterLab server for its share of the browser tests).
SPREAD = {"test_browser.py": 2, "test_widgets_contract.py": 2}

# The longest units, handed out first in this order (then the rest, as next_unit picks them), so
# that the many short ones (small test files, one notebook each) fill the workers to the end. The
# two halves of the browser tests, which wait on Chromium and the kernels more than they compute,
# start at different times, each beside the widget contract's drawing.
LONG_FIRST = (
    "test_browser.py::part0",
    "test_widgets_contract.py",
    "test_browser.py::part1",
    "test_grading.py",
    "test_faults.py",
    "test_generate.py",
    "test_warm_kernels.py",
)


def rank(scope: str) -> int:
    """Where a unit of work (a file, or a part of one) stands in LONG_FIRST (after it: the
    rest)."""
    unit = scope.replace("\\", "/").rsplit("/", 1)[-1]
    for name in (unit, unit.split("::", 1)[0]):
        if name in LONG_FIRST:
            return LONG_FIRST.index(name)
    return len(LONG_FIRST)


def is_notebook(scope: str) -> bool:
    return scope.endswith(".ipynb")


def next_unit(queue, last_was_notebook: bool) -> str:
    """The unit of work to hand out next: the first of LONG_FIRST left; after them, notebooks
    and test files by turns (each the first of its kind in collection order). A notebook's worker
    mostly waits while its kernel starts and runs, and a test file computes in the worker itself:
    by turns, the workers keep both cores busy, instead of ending on notebooks alone."""
    first = min(queue, key=rank)
    if rank(first) < len(LONG_FIRST):
        return first
    want = not last_was_notebook
    return next((unit for unit in queue if is_notebook(unit) == want), first)


def scope_of(nodeid: str, seen: dict[str, dict[str, int]]) -> str:
    """The unit of work of a test under ``pytest -n 3 --dist loadfile``: its file (a notebook's
    cells share one kernel, a module's fixtures one process), except for the files in SPREAD,
    whose tests are dealt round-robin into that many units by their parameter: the tests of one
    parameter (one widget module, one lesson) go together, so that what one test of a widget
    draws, the next finds drawn in the same process. ``seen`` numbers the parameters per file."""
    path = nodeid.split("::", 1)[0]
    parts = SPREAD.get(path.replace("\\", "/").rsplit("/", 1)[-1], 1)
    if parts == 1:
        return path
    name = nodeid.split("::", 1)[-1]
    param = name[name.index("[") :] if name.endswith("]") and "[" in name else name
    numbers = seen.setdefault(path, {})
    index = numbers.setdefault(param, len(numbers))
    return f"{path}::part{index % parts}"


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist, absent without it
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class CourseScheduling(LoadFileScheduling):
        """loadfile, with the files of SPREAD split. The units of LONG_FIRST go out first, then
        the others as :func:`next_unit` picks them, so that no long unit starts late and
        finishes last on one worker while the other waits."""

        def __init__(self, config, log=None):
            super().__init__(config, log)
            self._scopes: dict[str, str] = {}
            self._seen: dict[str, dict[str, int]] = {}
            self._last_notebook = False
            config.option.loadscopereorder = False

        def _split_scope(self, nodeid: str) -> str:
            if nodeid not in self._scopes:
                self._scopes[nodeid] = scope_of(nodeid, self._seen)
            return self._scopes[nodeid]

        def _assign_work_unit(self, node) -> None:
            first = next_unit(self.workqueue, self._last_notebook)
            self._last_notebook = is_notebook(first)
            self.workqueue.move_to_end(first, last=False)
            super()._assign_work_unit(node)

    return CourseScheduling(config, log)
