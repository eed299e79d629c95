"""Kernels forked from a warm server (retool.warm_kernels) behave as ordinary kernels.

The suite's notebooks run in them (see retool.pytest_plugin), so what a notebook can see of its
kernel must be what an ordinary kernel shows it: its folder, environment, import path, the inline
matplotlib backend, widgets' comm targets, fresh random seeds, interrupts, and an end when the
process jupyter_client started is killed. An environment the warm imports would have read
differently gets an ordinary kernel.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import time
from pathlib import Path

import pytest
from nbformat.v4 import new_code_cell, new_notebook

from retool import warm_kernels
from retool.kernels import execute, ipc_manager, short_folder

PROBE = """\
import json, os, random, sys
import ipywidgets, matplotlib
shell = get_ipython()
print(json.dumps({
    "cwd": os.getcwd(),
    "path0": sys.path[0],
    "argv0": os.path.basename(sys.argv[0]),
    "env": os.environ.get("RETOOL_PROBE"),
    "backend": matplotlib.get_backend(),
    "warm": "pandas" in sys.modules,
    "widget_targets": sorted(t for t in shell.kernel.comm_manager.targets if "widget" in t),
    "parent": shell.kernel.parent.parent_handle == int(os.environ.get("JPY_PARENT_PID") or 0),
    "random": random.random(),
    "pid": os.getpid(),
}))
"""
FIGURE = "import matplotlib.pyplot as plt\nplt.plot([1, 2, 3])\nplt.show()"


@pytest.fixture
def server(monkeypatch):
    """A server of this test's own, and the kernelspec that asks it, first on JUPYTER_PATH."""
    folder = Path(short_folder("rwt"))
    process, env = warm_kernels.start(folder)
    assert warm_kernels.wait_ready(folder), "the warm-kernel server did not start"
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    yield folder
    process.terminate()
    process.wait(timeout=30)
    shutil.rmtree(folder, ignore_errors=True)


def probe(cwd, code: str = PROBE) -> tuple[dict, list]:
    nb = new_notebook(cells=[new_code_cell(code), new_code_cell(FIGURE)])
    execute(nb, str(cwd), timeout=120)
    seen = json.loads(nb.cells[0].outputs[0]["text"])
    return seen, [list(o.get("data", {})) for o in nb.cells[1].outputs]


def test_a_warm_kernel_shows_a_notebook_what_an_ordinary_one_does(server, tmp_path, monkeypatch):
    here = tmp_path / "a folder"
    here.mkdir()
    monkeypatch.setenv("RETOOL_PROBE", "warm")
    warm, warm_figure = probe(here)
    warm_again, _ = probe(here)
    monkeypatch.delenv(warm_kernels.ENV)
    monkeypatch.setenv("RETOOL_PROBE", "cold")
    cold, cold_figure = probe(here)

    assert warm["warm"] and not cold["warm"], "the two kernels were not a warm and a cold one"
    assert warm["env"] == "warm" and cold["env"] == "cold"
    for key in ("cwd", "path0", "argv0", "backend", "widget_targets", "parent"):
        assert warm[key] == cold[key], key
    assert warm["cwd"] == str(here)
    assert warm["widget_targets"], "ipywidgets did not register its comm target"
    assert warm["parent"]
    assert warm_figure == cold_figure and any("image/png" in d for d in warm_figure)
    assert warm["random"] != warm_again["random"], "two warm kernels drew the same random number"


def test_an_environment_read_at_import_gets_an_ordinary_kernel(server, tmp_path, monkeypatch):
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "mpl"))
    seen, _ = probe(tmp_path)
    assert not seen["warm"]


def test_a_warm_kernel_is_interrupted_and_goes_on(server, tmp_path):
    """An interrupt (jupyter_client signals the process it started) stops the running cell, and
    the kernel runs the next one."""
    with started(tmp_path) as (km, client):
        assert run(client, "import sys; print('pandas' in sys.modules)")[1] == "True\n"
        msg_id = client.execute("print('looping', flush=True)\nwhile True:\n    pass")
        # interrupted inside the loop, not while the kernel sets the cell up
        while client.get_iopub_msg(timeout=120)["content"].get("text") != "looping\n":
            pass
        km.interrupt_kernel()
        reply = client.get_shell_msg(timeout=120)  # a hang guard: the loop never ends by itself
        assert reply["parent_header"]["msg_id"] == msg_id
        assert reply["content"]["ename"] == "KeyboardInterrupt"
        reply, printed = run(client, "print('after')")
        assert (reply["content"]["status"], printed) == ("ok", "after\n"), reply["content"]


@contextlib.contextmanager
def started(cwd):
    km = ipc_manager()
    km.start_kernel(cwd=str(cwd))
    client = km.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=120)
        yield km, client
    finally:
        client.stop_channels()
        if km.has_kernel:
            km.shutdown_kernel(now=True)


def run(client, code: str) -> tuple[dict, str]:
    """Execute ``code``; its reply and what it printed."""
    seen = []
    reply = client.execute_interactive(code, timeout=120, output_hook=seen.append)
    printed = "".join(m["content"]["text"] for m in seen if m["msg_type"] == "stream")
    return reply, printed


def test_a_warm_kernel_ends_when_its_launcher_is_killed(server, tmp_path):
    with started(tmp_path) as (km, client):
        reply, printed = run(client, "import os, sys; print(os.getpid(), 'pandas' in sys.modules)")
        assert reply["content"]["status"] == "ok"
        pid, warm = printed.split()
        assert warm == "True"
        os.kill(km.provisioner.process.pid, signal.SIGKILL)  # as jupyter_client kills it
        km.provisioner.process.wait()
        for _ in range(1200):  # a hang guard, not a speed test
            if _gone(pid):
                break
            time.sleep(0.1)
        assert _gone(pid), "the kernel outlived its launcher"


def _gone(pid: str) -> bool:
    """No such process, or one that has ended and waits to be reaped."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def test_no_test_changes_what_the_kernels_import_with():
    """Nothing the tests import sets a variable the kernels' imports read (as an MPLBACKEND=Agg
    once did: every kernel then started cold and drew no chart inline)."""
    from retool.pytest_plugin import CONFIGURED_ENV

    if not os.environ.get(warm_kernels.ENV):
        pytest.skip("no warm kernels in this session")
    assert warm_kernels.import_time_env(os.environ) == CONFIGURED_ENV


def test_only_what_the_imports_read_decides():
    base = {"HOME": "/h", "PATH": "/bin", "PYTEST_CURRENT_TEST": "a", "PYTHONUNBUFFERED": "1"}
    same = {**base, "PATH": "/usr/bin", "PYTEST_CURRENT_TEST": "b", "RETOOL_DATA_DIR": "/d"}
    assert warm_kernels.differences(same, base) == []
    assert warm_kernels.differences({**base, "PYTHONUNBUFFERED": ""}, base) == []
    assert warm_kernels.differences({**base, "MPLCONFIGDIR": "/m"}, base) == ["MPLCONFIGDIR"]
    assert warm_kernels.differences({**base, "HOME": "/x", "LC_ALL": "C"}, base) == [
        "HOME",
        "LC_ALL",
    ]


def test_the_suite_asks_for_warm_kernels():
    """Under the course's pytest plugin the ``python3`` kernel is the warm one (unless
    RETOOL_COLD_KERNELS is set), for nbval, nbclient and JupyterLab alike."""
    if os.environ.get("RETOOL_COLD_KERNELS"):
        pytest.skip("RETOOL_COLD_KERNELS is set")
    from jupyter_client.kernelspec import KernelSpecManager

    assert os.environ.get(warm_kernels.ENV)
    spec = KernelSpecManager().get_kernel_spec("python3")
    assert spec.argv[1:3] == ["-m", "retool.warm_kernels"]
    import nbval.kernel

    nbval_spec = nbval.kernel.NbvalKernelspecManager().get_kernel_spec(
        nbval.kernel.CURRENT_ENV_KERNEL_NAME
    )
    assert nbval_spec.argv == spec.argv

