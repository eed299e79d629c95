"""Kernels forked from a process that has already imported what every notebook imports.

The test suite starts about a hundred kernels (nbval's notebooks, the exercises, the fault runners,
JupyterLab's in the browser tests). Each spends about a second importing ipykernel, pandas,
matplotlib and seaborn before its first cell runs. Here one server process per test worker
imports them once and forks a new kernel process for each request: every notebook still runs in a
new process with a fresh namespace, its own working folder and environment, and its outputs are
compared by nbval with those of ordinary kernels (``retool notebooks --execute`` makes them).

- ``python -m retool.warm_kernels serve SOCKET`` runs the server.
- ``python -m retool.warm_kernels -f CONNECTION_FILE`` is a kernelspec's argv: it asks the server
  named by ``$RETOOL_WARM_KERNELS`` for a kernel, relays signals to it and exits with it. Where no
  server answers, or the environment differs from the server's in anything read at import time
  (matplotlib's settings, PYTHONPATH, HOME, the locale...), it becomes an ordinary kernel.

Learners and the grader never use this: only the test suite's pytest plugin starts a server.
"""

from __future__ import annotations

import gc
import json
import os
import select
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ENV = "RETOOL_WARM_KERNELS"

# Environment variables read while the warm modules are imported: a kernel whose environment
# differs from the server's in one of them is started the ordinary way.
IMPORT_TIME_PREFIXES = (
    "PYTHON",
    "MPL",
    "MATPLOTLIB",
    "HOME",
    "XDG_",
    "LANG",
    "LC_",
    "TZ",
    "TMPDIR",
    "OPENBLAS",
    "OMP_",
    "MKL",
    "NUMEXPR",
    "NPY_",
    "NUMPY",
    "PANDAS",
    "JUPYTER_PLATFORM_DIRS",
    "PYDEVD",
)

WARM_MODULES = (
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "IPython",
    "numpy",
    "pandas",
    "matplotlib.pyplot",
    "seaborn",  # imports ipywidgets too: registered with the kernel's shell in the child
    # what every kernel imports as it starts (its debugger imports debugpy: 0.1 CPU-s) and what
    # the course's first cells and charts import
    "ipykernel.debugger",
    "IPython.core.completerlib",
    "IPython.core.debugger",
    "IPython.core.logger",
    "IPython.core.oinspect",
    "IPython.extensions.storemagic",
    "faulthandler",
    "psutil",
    "sqlite3",
    "tornado.platform.asyncio",
    "zmq.utils.garbage",
    "babel.dates",
    "babel.numbers",
    "babel.support",
    "matplotlib.backends.backend_agg",
    "pandas.io.formats.string",
    "PIL.ImageDraw",
)

INLINE = "module://matplotlib_inline.backend_inline"
RELAYED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGUSR1)


# ... except these, which the child applies itself
APPLIED = ("PYTHONUNBUFFERED", "PYTHONDONTWRITEBYTECODE")


def import_time_env(env: dict) -> dict:
    """The part of an environment that the warm imports read."""
    return {
        k: v for k, v in env.items() if k.startswith(IMPORT_TIME_PREFIXES) and k not in APPLIED
    }


def differences(env: dict, server_env: dict) -> list[str]:
    """Names of the import-time variables on which two environments differ."""
    a, b = import_time_env(env), import_time_env(server_env)
    return sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))


# --- messages: a length, then JSON (and, with the request, the kernel's stdin, stdout, stderr) ---


def _send(conn: socket.socket, message: dict, fds: list[int] | None = None) -> None:
    body = json.dumps(message).encode()
    data = struct.pack("!I", len(body)) + body
    if fds:
        socket.send_fds(conn, [data], fds)
    else:
        conn.sendall(data)


def _receive(conn: socket.socket, nfds: int = 0) -> tuple[dict | None, list[int]]:
    fds: list[int] = []
    if nfds:
        data, fds, _, _ = socket.recv_fds(conn, 65536, nfds)
    else:
        data = conn.recv(65536)
    if not data:
        return None, fds
    while len(data) < 4 or len(data) < 4 + struct.unpack("!I", data[:4])[0]:
        more = conn.recv(65536)
        if not more:
            return None, fds
        data += more
    size = struct.unpack("!I", data[:4])[0]
    return json.loads(data[4 : 4 + size]), fds


# --- the server ---


def serve(path: str) -> None:
    """Import the warm modules, then fork a kernel for each request on the Unix socket ``path``."""
    server_env = dict(os.environ)
    parent = os.getppid()
    os.environ.setdefault("MPLBACKEND", INLINE)  # as ipykernel sets it before a notebook runs
    for name in WARM_MODULES:
        _quietly_import(name)
    # What the imports made lives as long as any kernel: out of the garbage collector's sight,
    # a kernel's collections (a full one as it shuts down: 0.1 CPU-s) skip it
    gc.collect()
    gc.freeze()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(16)
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    children: dict[int, socket.socket] = {}
    try:
        while os.getppid() == parent:  # the test process that started the server is alive
            ready, _, _ = select.select([listener, wake_r], [], [], 1.0)
            if wake_r in ready:
                os.read(wake_r, 512)
            if listener in ready:
                conn, _ = listener.accept()
                _answer(conn, server_env, children, listener)
            _reap(children)
    finally:
        listener.close()
        Path(path).unlink(missing_ok=True)


def _quietly_import(name: str) -> None:
    """Import ``name`` with the process's stderr muted: debugpy warns there about frozen modules
    when it is imported, which a kernel does into its log, and the server into the test run's
    output. An import that fails still raises."""
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 2)
            try:
                __import__(name)
            finally:
                sys.stderr.flush()
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _answer(conn, server_env, children, listener) -> None:
    fds: list[int] = []
    try:
        request, fds = _receive(conn, 3)
        if request is None:  # a probe (wait_ready) or a requester gone already
            conn.close()
            return
        differ = differences(request["env"], server_env) if len(fds) == 3 else ["stdio"]
        if differ:
            _send(conn, {"cold": differ})
    except (OSError, ValueError, KeyError):
        differ = ["broken request"]
    if differ:
        conn.close()
        for fd in fds:
            os.close(fd)
        return
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        listener.close()
        for other in children.values():
            other.close()
        _become_kernel(conn, request, fds)  # never returns
    for fd in fds:
        os.close(fd)
    children[pid] = conn
    try:
        _send(conn, {"pid": pid})
    except OSError:  # the requester is gone; its kernel notices and leaves
        pass


def _reap(children: dict) -> None:
    while children:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        conn = children.pop(pid, None)
        if conn is not None:
            try:
                _send(conn, {"exit": os.waitstatus_to_exitcode(status)})
            except OSError:
                pass
            conn.close()


def _become_kernel(conn: socket.socket, request: dict, fds: list[int]) -> None:
    """In the forked child: take the requester's folder, environment and stdio, then run
    ipykernel as ``python -m ipykernel_launcher`` would. Dies with its requester."""
    code = 1
    try:
        signal.set_wakeup_fd(-1)
        for sig in (signal.SIGCHLD, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT):
            signal.signal(sig, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        os.setsid()
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        sys.dont_write_bytecode = bool(os.environ.get("PYTHONDONTWRITEBYTECODE"))
        if os.environ.get("PYTHONUNBUFFERED"):
            for stream in (sys.stdout, sys.stderr):
                stream.reconfigure(write_through=True)
        import random

        import ipykernel_launcher
        import numpy

        random.seed()  # a new process draws new seeds
        numpy.random.seed()
        # the course's own modules are imported by the notebook, with its environment
        for name in [m for m in sys.modules if m == "retool" or m.startswith("retool.")]:
            del sys.modules[name]
        sys.argv = [ipykernel_launcher.__file__, *request["argv"]]
        del sys.path[0]  # the server's folder; ipykernel_launcher drops the kernel's own too
        threading.Thread(target=_exit_with, args=(conn,), daemon=True).start()
        code = _launch()
        import atexit

        atexit._run_exitfuncs()
    except BaseException:  # noqa: BLE001 - report, then leave the child process at once
        import traceback

        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:  # noqa: BLE001
                pass
        os._exit(code)


def _launch() -> int:
    """``IPKernelApp.launch_instance()``, with what the warm imports did without a kernel done
    again now that there is one."""
    from ipykernel import kernelapp

    try:
        app = kernelapp.IPKernelApp.instance()
        # defaults read from the environment when ipykernel was imported: the server's
        app.parent_handle = int(os.environ.get("JPY_PARENT_PID") or 0)
        app.interrupt = int(os.environ.get("JPY_INTERRUPT_EVENT") or 0)
        app.initialize()
        widgets = sys.modules.get("ipywidgets")
        if widgets is not None:  # imported without a shell, it registered nothing
            widgets._handle_ipython()
        app.start()
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else int(done.code is not None)
    return 0


def _exit_with(conn: socket.socket) -> None:
    """Leave when the requester (the process jupyter_client started and may kill) is gone."""
    while True:
        try:
            if not conn.recv(1024):
                break
        except InterruptedError:
            continue
        except OSError:
            break
    os._exit(1)


# --- the requester: what a kernelspec starts ---


def _cold(argv: list[str]) -> None:
    os.execv(sys.executable, [sys.executable, "-m", "ipykernel_launcher", *argv])


def request_kernel(argv: list[str]) -> int:
    """Ask the server for a kernel with these arguments; relay signals to it; its exit code."""
    path = os.environ.get(ENV)
    if not path:
        _cold(argv)
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        conn.connect(path)
        _send(conn, {"argv": argv, "cwd": os.getcwd(), "env": dict(os.environ)}, [0, 1, 2])
        answer, _ = _receive(conn)
    except OSError:
        answer = None
    if not answer or "pid" not in answer:
        conn.close()
        _cold(argv)
    pid = answer["pid"]

    def relay(sig, _frame):
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            pass

    for sig in RELAYED:
        signal.signal(sig, relay)
    done, _ = _receive(conn)
    if done is None:  # the server is gone: take the kernel down with it
        relay(signal.SIGKILL, None)
        return 1
    return int(done["exit"])


# --- for the test suite ---


def kernelspec(folder: Path) -> Path:
    """Write a ``python3`` kernelspec under ``folder/kernels`` that asks for warm kernels; put
    ``folder`` first on JUPYTER_PATH and it replaces the usual one."""
    from ipykernel.kernelspec import write_kernel_spec

    target = folder / "kernels" / "python3"
    argv = [sys.executable, "-m", "retool.warm_kernels", "-f", "{connection_file}"]
    write_kernel_spec(str(target), overrides={"argv": argv})
    return target


def start(folder: Path) -> tuple[subprocess.Popen, dict[str, str]]:
    """Write the kernelspec and start the server in ``folder``; return the server and the
    environment variables that make kernels ask it (its kernelspec first on JUPYTER_PATH)."""
    kernelspec(folder)
    paths = [str(folder), *filter(None, [os.environ.get("JUPYTER_PATH")])]
    env = {"JUPYTER_PATH": os.pathsep.join(paths), ENV: str(folder / "warm.sock")}
    return start_server(folder), env


def start_server(folder: Path) -> subprocess.Popen:
    """Start a server on ``folder/warm.sock``. It listens once its imports are done; until then
    a kernel asked for is started the ordinary way."""
    return subprocess.Popen(
        [sys.executable, "-m", "retool.warm_kernels", "serve", str(folder / "warm.sock")],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        cwd=tempfile.gettempdir(),
    )


def wait_ready(folder: Path, timeout: float = 120) -> bool:
    """Whether the server on ``folder/warm.sock`` listens within ``timeout`` s (a hang guard)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            try:
                probe.connect(str(folder / "warm.sock"))
                return True
            except OSError:
                time.sleep(0.1)
    return False


def main(argv: list[str]) -> int:
    if argv[:1] == ["serve"] and len(argv) == 2:
        serve(argv[1])
        return 0
    return request_kernel(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
