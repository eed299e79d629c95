"""A sandbox for each submission's kernel, built on bubblewrap (``bwrap``).

Each kernel

* runs as an unprivileged user: when the grader runs as root, as a user id of its own that no
  other process has (``setpriv`` drops to it inside the sandbox); otherwise as the instructor's
  user inside a user namespace of its own;
* sees the system (``/usr``, ``/etc``), Python and the course library (the ``retool`` package and
  ``data/``) read-only, a read-only copy of its own notebook in a home folder of its own, and
  nothing else: not the class folder, not ``solutions/``, not the grader's files, not the other
  sandboxes; its home, ``/tmp`` and ``/dev/shm`` are size-limited memory file systems that vanish
  with it;
* has its own process, network (loopback only), IPC and host-name namespaces: no network, no view
  of the grader's processes, command line or environment (it gets a short, fixed environment);
* runs under limits on address space, file size, processes and CPU time (``launch.py``);
* talks to the grader over Unix sockets in a folder of its own (bound into the sandbox), which
  is closed to new files once the kernel is up;
* dies with the grader, and all of it goes when its grading ends: killing bwrap ends the process
  namespace, and as root every process of its user id is then killed and waited for.

Without bubblewrap (macOS, Windows, no user namespaces) :func:`require` refuses with a sentence
that says what to install, unless the instructor passed ``--unsafe-no-sandbox``.
"""

from __future__ import annotations

import itertools
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

HOME = "/home/student"
HOME_BYTES = 256 * 2**20
TMP_BYTES = 256 * 2**20
SHM_BYTES = 64 * 2**20
FILE_BYTES = 64 * 2**20
PROCESSES = 128
RUN_FOLDER_BYTES = 2**20

INSTALL = (
    "Install bubblewrap (Debian or Ubuntu: `sudo apt-get install bubblewrap`; Fedora: "
    "`sudo dnf install bubblewrap`; Arch: `sudo pacman -S bubblewrap`) on a Linux machine with "
    "user namespaces enabled; on macOS or Windows, grade inside a Linux virtual machine or WSL 2. "
    "To grade anyway, pass --unsafe-no-sandbox: every notebook then runs as you, can read and "
    "change your files and the other submissions, reach the network and outlive grading."
)


class SandboxUnavailable(RuntimeError):
    """The sandbox cannot be had on this machine (the message says what to install)."""


@dataclass
class Limits:
    """Time and memory limits of one submission's run."""

    timeout: float = 60.0
    cell_timeout: float | None = None
    memory_mb: int = 2048

    @property
    def per_cell(self) -> float:
        if self.cell_timeout:
            return min(self.cell_timeout, self.timeout)
        return max(2.0, self.timeout / 4)

    @property
    def cpu_seconds(self) -> int:
        return int(self.timeout) + 30


def as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


_REASON: list = []


def unavailable_reason() -> str | None:
    """Why the sandbox cannot run here, or None when a trial kernel start works (cached)."""
    if not _REASON:
        _REASON.append(_trial())
    return _REASON[0]


def _trial() -> str | None:
    if not sys.platform.startswith("linux"):
        return f"bubblewrap runs on Linux only, and this is {sys.platform}"
    if shutil.which("bwrap") is None:
        return "bubblewrap (the bwrap command) is not installed"
    if as_root() and shutil.which("setpriv") is None:
        return "setpriv (util-linux) is not installed, so a kernel could not drop root"
    with tempfile.TemporaryDirectory(prefix="retool-trial-") as tmp:
        box = Box.create(Path(tmp), 0, "trial.ipynb", b"{}", sandboxed=True)
        try:
            argv = box.command([sys.executable, "-c", "import ipykernel, retool"])
            done = subprocess.run(
                argv, env=box.env(), capture_output=True, text=True, timeout=120, cwd=tmp
            )
        except (OSError, subprocess.SubprocessError) as exc:
            return f"bubblewrap could not start ({type(exc).__name__}: {exc})"
        finally:
            box.reap()
            box.remove()
    if done.returncode != 0:
        lines = (done.stderr or done.stdout or "").strip().splitlines()
        return f"a trial sandbox failed ({lines[-1][:200] if lines else done.returncode})"
    return None


def require(allow_unsafe: bool = False) -> bool:
    """True when kernels will be sandboxed; raises SandboxUnavailable unless ``allow_unsafe``."""
    reason = unavailable_reason()
    if reason is None:
        return True
    if allow_unsafe:
        return False
    raise SandboxUnavailable(f"cannot grade safely: {reason}. {INSTALL}")


_UIDS = itertools.count(random.randrange(1_000_000, 2**31 - 2**24, 2**16))


def _free_uid() -> int:
    """A user id that no process has now (as root, each sandbox gets its own)."""
    while True:
        uid = next(_UIDS)
        if not processes_of(uid):
            return uid


def processes_of(uid: int) -> list[int]:
    """The ids of the live processes whose real user id is ``uid`` (Linux /proc; zombies, dead
    and waiting for a parent to collect them, are not counted)."""
    found = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/status", encoding="utf-8") as f:
                fields = dict(line.split(":", 1) for line in f if ":" in line)
            if int(fields["Uid"].split()[0]) == uid and fields["State"].split()[0] not in "ZX":
                found.append(int(entry.name))
        except (OSError, ValueError, KeyError, IndexError):
            continue
    return found


def library_paths() -> list[Path]:
    """What a kernel needs read-only: Python's prefixes, the retool package and its data."""
    import retool

    from .. import data

    paths = [Path(p) for p in {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix}]
    paths += [Path(retool.__file__).parent, data.data_dir()]
    real = sorted({p.resolve() for p in paths if p.exists()})
    return [p for p in real if not any(q != p and q in p.parents for q in real)]


_PYTHONPATH: list = []


def library_pythonpath() -> str:
    """The folder to put on the kernel's path when ``retool`` is not installed (else '')."""
    if not _PYTHONPATH:
        import retool

        here = Path(retool.__file__).resolve().parent
        with tempfile.TemporaryDirectory() as neutral:
            probe = subprocess.run(
                [sys.executable, "-c", "import retool; print(retool.__file__)"],
                cwd=neutral,
                env={"PATH": os.environ.get("PATH", ""), "HOME": neutral, "PYTHONNOUSERSITE": "1"},
                capture_output=True,
                text=True,
                timeout=60,
            )
        same = probe.returncode == 0 and Path(probe.stdout.strip()).resolve().parent == here
        _PYTHONPATH.append("" if same else str(here.parent))
    return _PYTHONPATH[0]


def _system_binds() -> list[str]:
    args = ["--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc"]
    for top in ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
        if os.path.islink(top):
            args += ["--symlink", os.readlink(top), top]
        elif os.path.isdir(top):
            args += ["--ro-bind", top, top]
    return args


def _open_dirs(paths) -> list[str]:
    """Make every folder above the bound paths traversable (bwrap makes them 0700 as root)."""
    args, seen = [], set()
    for path in paths:
        for parent in reversed(Path(path).parents):
            if str(parent) != "/" and parent not in seen:
                seen.add(parent)
                args += ["--perms", "0755", "--dir", str(parent)]
    return args


@dataclass
class Box:
    """One submission's scratch: its notebook copy, its socket folder, its user id."""

    root: Path  # grader-side folder: the notebook copy and kernel logs (never bound writable)
    run: Path  # socket folder, bound into the sandbox at the same path
    name: str  # the notebook's file name
    sandboxed: bool
    uid: int | None = None  # own user id (as root, sandboxed)

    @classmethod
    def create(cls, parent: Path, index: int, name: str, data: bytes, sandboxed: bool):
        from ..kernels import private_folder

        root = Path(tempfile.mkdtemp(prefix=f"{index:03d}-", dir=parent))
        run = Path(private_folder()) / uuid.uuid4().hex[:12]
        run.mkdir(mode=0o700)
        safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in name)[:80] or "n.ipynb"
        box = cls(root=root, run=run, name=safe, sandboxed=sandboxed)
        work = box.work
        work.mkdir(parents=True)
        (work / safe).write_bytes(data)
        if not sandboxed:
            (work / "tmp").mkdir()
            _seed_matplotlib_cache(work / ".config" / "matplotlib")
        elif as_root():
            box.uid = _free_uid()
            os.chmod(run, 0o733)  # the kernel's user may add its sockets, not list or read
        return box

    @property
    def work(self) -> Path:
        return self.root / "work"

    @property
    def cwd(self) -> str:
        return HOME if self.sandboxed else str(self.work)

    @property
    def home(self) -> str:
        return self.cwd

    @property
    def launch_cwd(self) -> str:
        """Where the kernel's launcher starts on the host (bwrap then moves to ``cwd``)."""
        return str(self.root) if self.sandboxed else str(self.work)

    def env(self) -> dict:
        """The kernel's whole environment: nothing of the grader's beyond locale and PATH."""
        keep = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "SYSTEMROOT")
        env = {k: os.environ[k] for k in keep if k in os.environ}
        env.setdefault("LANG", "C.UTF-8")
        home = self.home
        tmp = "/tmp" if self.sandboxed else str(self.work / "tmp")
        env.update(
            HOME=home,
            USERPROFILE=home,
            TMPDIR=tmp,
            TEMP=tmp,
            TMP=tmp,
            XDG_CONFIG_HOME=f"{home}/.config",
            XDG_CACHE_HOME=f"{home}/.cache",
            XDG_DATA_HOME=f"{home}/.local/share",
            IPYTHONDIR=f"{home}/.ipython",
            JUPYTER_CONFIG_DIR=f"{home}/.jupyter",
            JUPYTER_DATA_DIR=f"{home}/.local/share/jupyter",
            JUPYTER_RUNTIME_DIR=f"{home}/.local/share/jupyter/runtime",
            MPLBACKEND="Agg",
            MPLCONFIGDIR=f"{home}/.config/matplotlib",
            PYTHONDONTWRITEBYTECODE="1",
            PYTHONNOUSERSITE="1",
            PYTHONIOENCODING="utf-8",
            OPENBLAS_NUM_THREADS="1",
            OMP_NUM_THREADS="1",
            MKL_NUM_THREADS="1",
            PYDEVD_DISABLE_FILE_VALIDATION="1",
            RETOOL_GRADING="1",  # the checks in the kernel know no answers (core.withheld)
        )
        from .. import data

        env["RETOOL_DATA_DIR"] = str(data.data_dir().resolve())
        extra = library_pythonpath()
        if extra:
            env["PYTHONPATH"] = extra
        return env

    def kernel_argv(self, limits: Limits) -> list[str]:
        """The kernelspec argv: the launcher under limits, inside the sandbox when there is one."""
        launcher = str(Path(__file__).resolve().parent / "launch.py")
        memory = int(limits.memory_mb) * 2**20 if limits.memory_mb else 0
        inner = [sys.executable, launcher, str(memory), str(FILE_BYTES), str(PROCESSES)]
        inner += [str(limits.cpu_seconds), "-f", "{connection_file}"]
        return self.command(inner) if self.sandboxed else inner

    def command(self, inner: list[str]) -> list[str]:
        """``inner`` wrapped in bwrap (and, as root, dropped to this box's own user id)."""
        lib = library_paths()
        args = ["bwrap", "--die-with-parent", "--new-session", "--hostname", "grading"]
        args += ["--as-pid-1"]  # no bwrap process (nor its command line) inside the sandbox
        if as_root():
            args += ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts"]
            args += ["--unshare-cgroup-try"]
        else:
            args += ["--unshare-all", "--unshare-user", "--disable-userns"]
        args += _system_binds()
        args += _open_dirs(lib)
        for path in lib:
            args += ["--ro-bind", str(path), str(path)]
        args += ["--proc", "/proc", "--dev", "/dev"]
        args += ["--perms", "1777", "--size", str(TMP_BYTES), "--tmpfs", "/tmp"]
        args += ["--perms", "1777", "--size", str(SHM_BYTES), "--tmpfs", "/dev/shm"]
        args += ["--perms", "0755", "--dir", "/home"]
        args += ["--perms", "0777", "--size", str(HOME_BYTES), "--tmpfs", HOME]
        args += ["--ro-bind", str(self.work / self.name), f"{HOME}/{self.name}"]
        args += _matplotlib_binds()
        args += _open_dirs([self.run]) + ["--bind", str(self.run), str(self.run)]
        args += ["--chdir", HOME, "--"]
        if self.uid is not None:
            uid = str(self.uid)
            args += ["setpriv", "--reuid", uid, "--regid", uid, "--clear-groups"]
            args += ["--inh-caps", "-all", "--bounding-set", "-all", "--no-new-privs", "--"]
        return args + inner

    def unseal(self) -> None:
        """Before a kernel starts: its user may create its sockets."""
        os.chmod(self.run, 0o733 if self.uid is not None else 0o700)

    def seal(self) -> None:
        """Once the kernel is up: no new files in its socket folder."""
        try:
            os.chmod(self.run, 0o711 if self.uid is not None else 0o500)
        except OSError:
            pass

    def intrusion(self) -> str | None:
        """What the kernel wrote into its socket folder beyond its sockets, if anything."""
        total, count = 0, 0
        try:
            for entry in os.scandir(self.run):
                count += 1
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode):
                    total += info.st_size
        except OSError:
            return None
        if total > RUN_FOLDER_BYTES or count > 16:
            return "it wrote files into the grader's socket folder"
        return None

    def reap(self) -> list[int]:
        """Kill every process of this box's user id; the ids that would not die."""
        if self.uid is None:
            return []
        deadline = time.monotonic() + 5
        left = processes_of(self.uid)
        while left and time.monotonic() < deadline:
            for pid in left:
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
            time.sleep(0.05)
            left = processes_of(self.uid)
        return left

    def remove(self) -> None:
        _rmtree(self.run)
        _rmtree(self.root)


def _matplotlib_cache() -> list[Path]:
    try:
        import matplotlib

        return sorted(Path(matplotlib.get_cachedir()).glob("fontlist-v*.json"))
    except Exception:
        return []


def _matplotlib_binds() -> list[str]:
    """The grader's font list, read-only, so a fresh home does not rebuild it (seconds)."""
    files = _matplotlib_cache()
    if not files:
        return []
    args = ["--perms", "0777", "--dir", f"{HOME}/.config"]
    args += ["--perms", "0777", "--dir", f"{HOME}/.config/matplotlib"]
    for file in files:
        args += ["--ro-bind", str(file), f"{HOME}/.config/matplotlib/{file.name}"]
    return args


def _seed_matplotlib_cache(target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for file in _matplotlib_cache():
        try:
            shutil.copyfile(file, target / file.name)
        except OSError:
            pass


def _rmtree(path: Path) -> None:
    """Remove a folder even if a notebook made parts of it read-only."""
    path = Path(path)
    if not path.exists():
        return
    for dirpath, dirnames, _ in os.walk(path):
        for d in [dirpath] + [os.path.join(dirpath, d) for d in dirnames]:
            if not os.path.islink(d):
                try:
                    os.chmod(d, 0o700)
                except OSError:
                    pass
    shutil.rmtree(path, ignore_errors=True)
