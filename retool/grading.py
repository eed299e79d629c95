"""Grade a class: ``python -m retool grade FOLDER [--out scores.csv] [--timeout S] [--jobs N]``.

Every file in FOLDER is one student's submission. Each notebook runs in a fresh kernel (nbclient)
in its own scratch folder — a copy of the submission; the kernel's working directory, HOME and
TMPDIR point there — with a time limit, a memory limit and a filtered environment, several at a
time. The submitted files are only ever read.

A cell that raises does not stop the run (one error costs only its question). A cell that runs
too long is interrupted. A cell that kills or wedges the kernel is skipped and the notebook run
again in a new kernel, as long as time remains. After every cell the grader reads the learner's
``qK_answer`` values out of the kernel as JSON (numbers, text, lists, dicts, NumPy arrays, pandas
Series and DataFrames), so answers computed before a crash still count. The answers are then
graded *in the grader's process* with the same ``check`` as ``qK.check``: a notebook that patches
the checks or prints fake results gains nothing.

Which exercise a notebook is: ``metadata.retool.exercise``, else the ``NN`` prefix of its file name,
else the exercise most of the class submitted (or ``--exercise``).

Outputs: a score table (CSV: one row per file, one column of points per question, the total, and a
``reasons`` column naming every question that could not be graded and why), a per-question class
summary (printed and saved beside the CSV as ``<name>_summary.txt``), and a feedback table
(``<name>_feedback.csv``: one row per student and question with the check's sentence, and the text
of open answers).

This is a robust grader for coursework, not a security sandbox: a notebook runs as the user who
grades. Grade untrusted submissions inside a container or a throwaway account.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import json
import math
import os
import pkgutil
import re
import shutil
import stat
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_TIMEOUT = 60.0
DEFAULT_JOBS = 2
DEFAULT_MEMORY_MB = 2048
MAX_SUBMISSION_BYTES = 50 * 2**20
MAX_ANSWER_BYTES = 20 * 2**20
MAX_FILE_WRITE_BYTES = 200 * 2**20
MAX_RESTARTS = 2
PROBE_TIMEOUT = 10.0
STARTUP_TIMEOUT = 60.0
ANSWER_NODES = 200_000
OPEN_ANSWER_CHARS = 2000

_KERNEL_LAUNCHER = """\
import sys
try:
    import resource
    _limits = [(resource.RLIMIT_CORE, 0), (resource.RLIMIT_FSIZE, int(sys.argv[2]))]
    if int(sys.argv[1]) > 0:
        _limits.append((resource.RLIMIT_AS, int(sys.argv[1])))
    for _which, _value in _limits:
        _soft, _hard = resource.getrlimit(_which)
        if _hard == resource.RLIM_INFINITY or _value <= _hard:
            resource.setrlimit(_which, (_value, _value))
except Exception:
    pass
del sys.argv[1:3]
from ipykernel import kernelapp
kernelapp.launch_new_instance()
"""

# Runs inside the learner's kernel after every cell: writes the answers as JSON to a file.
_PROBE = r"""
def __retool_probe(names, path, limit):
    import json, math, os, sys
    try:
        ns = get_ipython().user_ns
    except Exception:
        ns = vars(sys.modules["__main__"])

    class Unsupported(Exception):
        pass

    budget = [limit]

    def number(x):
        if math.isfinite(x):
            return x
        return {"__kind__": "float", "value": repr(x)}

    def enc(x, depth):
        budget[0] -= 1
        if budget[0] < 0:
            raise Unsupported("too large to grade")
        if depth > 30:
            raise Unsupported("nested too deeply to grade")
        t = type(x)
        module = getattr(t, "__module__", "") or ""
        if x is None or t is bool:
            return x
        if x is Ellipsis:
            return {"__kind__": "ellipsis"}
        if isinstance(x, bool):
            return bool(x)
        if isinstance(x, int):
            x = int.__int__(x)
            if abs(x) < 2**63:
                return x
            try:
                return {"__kind__": "bigint", "digits": str(x)}
            except ValueError:
                raise Unsupported("a number too large to grade") from None
        if isinstance(x, float):
            return number(float.__float__(x))
        if isinstance(x, str):
            x = str.__str__(x)
            if len(x) > 200_000:
                raise Unsupported(f"a text of {len(x)} characters, too long to grade")
            return x
        if isinstance(x, complex):
            return {"__kind__": "complex", "real": number(x.real), "imag": number(x.imag)}
        if isinstance(x, (bytes, bytearray)):
            if len(x) > 100_000:
                raise Unsupported("bytes too long to grade")
            return {"__kind__": "bytes", "hex": bytes(x).hex()}
        if module.startswith("numpy"):
            if t.__name__ == "ndarray":
                if x.size > limit:
                    raise Unsupported(f"an array of {x.size} values, too large to grade")
                return {"__kind__": "ndarray", "data": enc(x.tolist(), depth + 1)}
            if getattr(x, "ndim", None) == 0 and hasattr(x, "item"):
                return enc(x.item(), depth + 1)
        if module.startswith("pandas"):
            if t.__name__ == "Series":
                if len(x) > limit:
                    raise Unsupported(f"a Series of {len(x)} values, too large to grade")
                try:
                    name = enc(x.name, depth + 1)
                except Exception:
                    name = None
                return {
                    "__kind__": "series",
                    "index": [enc(i, depth + 1) for i in x.index.tolist()],
                    "values": [enc(v, depth + 1) for v in x.tolist()],
                    "name": name,
                }
            if t.__name__ == "DataFrame":
                if x.size > limit:
                    raise Unsupported(f"a DataFrame of {x.size} values, too large to grade")
                return {
                    "__kind__": "dataframe",
                    "columns": [enc(c, depth + 1) for c in x.columns.tolist()],
                    "index": [enc(i, depth + 1) for i in x.index.tolist()],
                    "rows": [[enc(v, depth + 1) for v in row] for row in x.values.tolist()],
                }
        if t.__name__ == "Decimal" and module == "decimal":
            return {"__kind__": "decimal", "value": str(x)}
        if t.__name__ == "Fraction" and module == "fractions":
            return {"__kind__": "fraction", "value": f"{x.numerator}/{x.denominator}"}
        if isinstance(x, list):
            if len(x) > limit:
                raise Unsupported(f"a list of {len(x)} values, too large to grade")
            return [enc(v, depth + 1) for v in list.__iter__(x)]
        if isinstance(x, tuple):
            if len(x) > limit:
                raise Unsupported(f"a tuple of {len(x)} values, too large to grade")
            return {"__kind__": "tuple", "items": [enc(v, depth + 1) for v in tuple.__iter__(x)]}
        if isinstance(x, (set, frozenset)):
            if len(x) > limit:
                raise Unsupported(f"a set of {len(x)} values, too large to grade")
            return {"__kind__": "set", "items": [enc(v, depth + 1) for v in x]}
        if isinstance(x, dict):
            if len(x) > limit:
                raise Unsupported(f"a dict of {len(x)} entries, too large to grade")
            return {
                "__kind__": "dict",
                "items": [[enc(k, depth + 1), enc(v, depth + 1)] for k, v in dict.items(x)],
            }
        raise Unsupported(f"a {t.__name__}")

    out = {}
    for name in names:
        if name not in ns:
            continue
        budget[0] = limit
        try:
            out[name] = {"value": enc(ns[name], 0)}
        except Unsupported as exc:
            out[name] = {"error": str(exc)[:200]}
        except BaseException as exc:
            out[name] = {"error": f"an answer that could not be read ({type(exc).__name__})"}
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(json.dumps(out, allow_nan=False))
    os.replace(tmp, path)

"""


# --- the exercises ----------------------------------------------------------------------------


def exercise_modules() -> dict[str, str]:
    """The course's exercise modules: ``{'ex00_start': 'retool.exercises.ex00_start', ...}``."""
    from . import exercises

    return {
        m.name: f"{exercises.__name__}.{m.name}"
        for m in pkgutil.iter_modules(exercises.__path__)
        if re.fullmatch(r"ex\d\d_\w+", m.name)
    }


def questions_of(exercise: str) -> list:
    """The ``QUESTIONS`` of an exercise module (imported in the grader's own process)."""
    return list(importlib.import_module(exercise_modules()[exercise]).QUESTIONS)


def identify(nb: dict | None, filename: str, known: dict[str, str] | None = None) -> str | None:
    """Which exercise a notebook is: ``metadata.retool.exercise``, else the file's NN prefix."""
    known = exercise_modules() if known is None else known
    try:
        meta = nb["metadata"]["retool"]["exercise"]
    except (KeyError, TypeError, IndexError):
        meta = None
    if isinstance(meta, str) and meta in known:
        return meta
    match = re.match(r"(\d\d)(?!\d)", Path(filename).name)
    if match:
        hits = sorted(name for name in known if name.startswith(f"ex{match.group(1)}_"))
        if len(hits) == 1:
            return hits[0]
    return None


# --- reading submissions ----------------------------------------------------------------------


@dataclass
class Submission:
    """One file of the class folder, read (never written)."""

    path: Path
    student: str
    file: str
    data: bytes = b""
    nb: object = None  # nbformat.NotebookNode when the file is a notebook
    exercise: str | None = None
    problem: str | None = None


def find_submissions(folder: Path, exclude: set[Path] = frozenset()) -> list[Path]:
    """Every visible file under ``folder`` (recursively), sorted, except those in ``exclude``."""
    folder = Path(folder)
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and d not in {"__MACOSX", "__pycache__"}
        )
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if name.startswith(".") or path.resolve() in exclude:
                continue
            found.append(path)
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def read_submission(path: Path, folder: Path, known: dict[str, str]) -> Submission:
    import nbformat

    rel = path.relative_to(folder).as_posix()
    student = rel[: -len(path.suffix)] if path.suffix else rel
    sub = Submission(path=path, student=student, file=rel)
    if path.is_symlink():
        sub.problem = "a symbolic link, not a submitted file"
        return sub
    try:
        size = path.stat().st_size
        if size > MAX_SUBMISSION_BYTES:
            sub.problem = f"the file is too large to grade ({size / 2**20:.0f} MB)"
            return sub
        with open(path, "rb") as f:
            sub.data = f.read(MAX_SUBMISSION_BYTES + 1)
    except OSError as exc:
        sub.problem = f"the file could not be read ({exc.strerror or type(exc).__name__})"
        return sub
    try:
        text = sub.data.decode("utf-8-sig")
    except UnicodeDecodeError:
        sub.problem = f"not a notebook (a {path.suffix or 'binary'} file, not text)"
        return sub
    try:
        raw = json.loads(text)
    except (ValueError, RecursionError):
        sub.problem = "not a notebook (the file is not valid JSON: damaged or not an .ipynb)"
        return sub
    if not isinstance(raw, dict) or not isinstance(raw.get("cells"), list):
        sub.problem = "not a notebook (JSON without a list of cells)"
        return sub
    sub.exercise = identify(raw, path.name, known)
    try:
        sub.nb = nbformat.reads(text, as_version=4)
        _ = [c.cell_type for c in sub.nb.cells]
    except Exception as exc:  # a damaged notebook: a row with the reason
        sub.nb = None
        sub.problem = f"not a readable notebook ({type(exc).__name__})"
    return sub


# --- running one notebook ---------------------------------------------------------------------


@dataclass
class Limits:
    timeout: float = DEFAULT_TIMEOUT
    cell_timeout: float | None = None
    memory_mb: int = DEFAULT_MEMORY_MB

    @property
    def per_cell(self) -> float:
        if self.cell_timeout:
            return min(self.cell_timeout, self.timeout)
        return max(2.0, self.timeout / 4)


@dataclass
class Run:
    """What running one notebook produced."""

    answers: dict = field(default_factory=dict)  # name -> {"value": json} | {"error": str}
    errors: dict = field(default_factory=dict)  # cell index -> "NameError: ..."
    timed_out: set = field(default_factory=set)  # cells interrupted at the cell time limit
    killers: dict = field(default_factory=dict)  # cell index -> what it did to the kernel
    not_run: set = field(default_factory=set)  # code cells never reached
    notes: list = field(default_factory=list)
    seconds: float = 0.0


def _kernel_env(work: Path) -> dict:
    keep = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "SYSTEMROOT", "RETOOL_DATA_DIR")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    env.setdefault("LANG", "C.UTF-8")
    home, tmp = str(work), str(work / "tmp")
    env.update(
        HOME=home,
        USERPROFILE=home,
        TMPDIR=tmp,
        TEMP=tmp,
        TMP=tmp,
        XDG_CONFIG_HOME=str(work / ".config"),
        XDG_CACHE_HOME=str(work / ".cache"),
        XDG_DATA_HOME=str(work / ".local" / "share"),
        IPYTHONDIR=str(work / ".ipython"),
        JUPYTER_CONFIG_DIR=str(work / ".jupyter"),
        JUPYTER_DATA_DIR=str(work / ".local" / "share" / "jupyter"),
        JUPYTER_RUNTIME_DIR=str(work / ".local" / "share" / "jupyter" / "runtime"),
        MPLBACKEND="Agg",
        MPLCONFIGDIR=str(work / ".config" / "matplotlib"),
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONNOUSERSITE="1",
        PYTHONIOENCODING="utf-8",
        OPENBLAS_NUM_THREADS="1",
        OMP_NUM_THREADS="1",
        MKL_NUM_THREADS="1",
        PYDEVD_DISABLE_FILE_VALIDATION="1",
    )
    extra = _library_path()
    if extra:
        env["PYTHONPATH"] = extra
    return env


_LIBRARY_PATH: list = []


def _library_path() -> str:
    """The folder to put on the kernel's path when ``retool`` is not installed (else '')."""
    if not _LIBRARY_PATH:
        import subprocess

        here = str(Path(__file__).resolve().parent.parent)
        with tempfile.TemporaryDirectory() as neutral:
            probe = subprocess.run(
                [sys.executable, "-c", "import retool, sys; print(retool.__file__)"],
                cwd=neutral,
                env={"PATH": os.environ.get("PATH", ""), "HOME": neutral, "PYTHONNOUSERSITE": "1"},
                capture_output=True,
                text=True,
                timeout=60,
            )
        same = (
            probe.returncode == 0
            and Path(probe.stdout.strip()).resolve().parent == Path(__file__).resolve().parent
        )
        _LIBRARY_PATH.append("" if same else here)
    return _LIBRARY_PATH[0]


def _seed_matplotlib_cache(work: Path) -> None:
    """Copy the grader's matplotlib font cache, so a fresh HOME does not rebuild it (seconds)."""
    try:
        import matplotlib

        cached = sorted(Path(matplotlib.get_cachedir()).glob("fontlist-v*.json"))
    except Exception:
        return
    target = work / ".config" / "matplotlib"
    target.mkdir(parents=True, exist_ok=True)
    for file in cached:
        try:
            shutil.copyfile(file, target / file.name)
        except OSError:
            pass


def _kernel_specs(memory_mb: int):
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager

    argv = [
        sys.executable,
        "-c",
        _KERNEL_LAUNCHER,
        str(int(memory_mb) * 2**20 if memory_mb else 0),
        str(MAX_FILE_WRITE_BYTES),
        "-f",
        "{connection_file}",
    ]

    class GradingKernelSpecs(KernelSpecManager):
        def get_kernel_spec(self, kernel_name):
            return KernelSpec(
                argv=argv,
                display_name="Python 3 (grading)",
                language="python",
                env={},
                metadata={},
                interrupt_mode="signal",
            )

    return GradingKernelSpecs()


def _client_class():
    from nbclient import NotebookClient

    class QuietClient(NotebookClient):
        """Runs cells but keeps no outputs: a notebook printing megabytes costs nothing."""

        def output(self, outs, msg, display_id, cell_index):
            return None

        def handle_comm_msg(self, outs, msg, cell_index):
            return None

        def clear_output(self, outs, msg, cell_index):
            return None

    return QuietClient


def _kill_group(km) -> None:
    """Kill the kernel's whole process group (the kernel runs in its own session)."""
    provisioner = getattr(km, "provisioner", None)
    pgid = getattr(provisioner, "pgid", None)
    process = getattr(provisioner, "process", None)
    if pgid and hasattr(os, "killpg"):
        try:
            os.killpg(pgid, 9)
        except OSError:
            pass
    elif process is not None:
        try:
            process.kill()
        except OSError:
            pass


def _error_text(content: dict) -> str:
    name = str(content.get("ename", "Error"))[:60]
    value = re.sub(r"\x1b\[[0-9;]*m", "", str(content.get("evalue", "")))
    value = " ".join(value.split())
    if len(value) > 120:
        value = value[:117] + "..."
    return f"{name}: {value}" if value else name


async def _probe(kc, names: list[str], path: Path, timeout: float) -> str:
    """Ask the kernel to write the answers to ``path``: 'ok', 'error', or 'no reply' in time."""
    from queue import Empty

    call = f"__retool_probe({list(map(str, names))!r}, {str(path)!r}, {ANSWER_NODES})"
    code = f"{_PROBE}\n{call}\ndel __retool_probe\n"
    msg_id = kc.execute(code, silent=True, store_history=False, allow_stdin=False)
    deadline = time.monotonic() + timeout
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return "no reply"
        try:
            reply = await kc.get_shell_msg(timeout=min(remaining, 1.0))
        except Empty:
            if not await kc.is_alive():
                return "no reply"
            continue
        if reply.get("parent_header", {}).get("msg_id") == msg_id:
            return "ok" if reply.get("content", {}).get("status") == "ok" else "error"


def _read_answers(path: Path) -> dict | None:
    """The answers file the probe wrote, read safely (no symlinks, no FIFOs, bounded size)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ANSWER_BYTES:
            return None
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(MAX_ANSWER_BYTES + 1)
    finally:
        os.close(fd)
    try:
        answers = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        return None
    if not isinstance(answers, dict):
        return None
    return {
        k: v
        for k, v in answers.items()
        if isinstance(k, str) and isinstance(v, dict) and ("value" in v or "error" in v)
    }


async def _attempt(nb, work: Path, meta: Path, names, limits: Limits, deadline, skip, run, n):
    """One run in a fresh kernel; returns the cell that killed or wedged the kernel, or None."""
    from jupyter_client.manager import AsyncKernelManager
    from nbclient.exceptions import DeadKernelError

    from .kernels import ipc_settings

    answers_file = meta / f"answers-{n}.json"
    km = AsyncKernelManager(
        **ipc_settings(),  # no TCP port races between submissions graded side by side
        kernel_name="python3",
        kernel_spec_manager=_kernel_specs(limits.memory_mb),
        connection_file=str(meta / f"kernel-{n}.json"),
    )
    errors: dict[int, str] = {}

    def on_error(cell, cell_index, execute_reply):
        errors[cell_index] = _error_text(execute_reply.get("content", {}))

    client = _client_class()(
        nb,
        km=km,
        allow_errors=True,
        interrupt_on_timeout=True,
        error_on_timeout={
            "ename": "TimeoutError",
            "evalue": f"the cell ran longer than {limits.per_cell:g} s and was interrupted",
            "traceback": [],
        },
        iopub_timeout=2,
        raise_on_iopub_timeout=False,
        record_timing=False,
        store_widget_state=False,
        on_cell_error=on_error,
        kernel_name="python3",
    )
    bad = None
    log = open(meta / f"kernel-{n}.log", "wb")
    try:
        try:
            await km.start_kernel(
                cwd=str(work),
                env=_kernel_env(work),
                stdout=log,
                stderr=log,
                extra_arguments=["--HistoryManager.hist_file=:memory:"],
            )
            kc = km.client()
            kc.start_channels()
            startup = max(5.0, min(STARTUP_TIMEOUT, deadline - time.monotonic()))
            await kc.wait_for_ready(timeout=startup)
        except Exception as exc:
            run.notes.append(f"the kernel could not start ({type(exc).__name__})")
            return None
        client.kc = kc
        code_cells = [
            i for i, c in enumerate(nb.cells) if c.cell_type == "code" and str(c.source).strip()
        ]
        for index in code_cells:
            if index in skip:
                continue
            now = time.monotonic()
            if now >= deadline:
                run.not_run.update(i for i in code_cells if i >= index and i not in skip)
                break
            client.timeout = max(1, math.ceil(min(limits.per_cell, deadline - now)))
            try:
                await client.async_execute_cell(nb.cells[index], index, store_history=True)
            except DeadKernelError:
                run.killers[index] = "stopped the kernel (a crash, exit or too much memory)"
                bad = index
                break
            except (
                Exception
            ) as exc:  # nbclient could not run the cell: count it as that cell's error
                errors[index] = f"{type(exc).__name__}: the cell could not be run"
            if errors.get(index, "").startswith("TimeoutError"):
                run.timed_out.add(index)
            probe_time = max(3.0, min(PROBE_TIMEOUT, deadline - time.monotonic()))
            probed = await _probe(kc, names, answers_file, probe_time)
            if probed == "error":
                note = "the answers could not be read after some cells (the notebook broke Python)"
                if note not in run.notes:
                    run.notes.append(note)
            elif probed != "ok":
                if not await kc.is_alive():
                    run.killers[index] = "stopped the kernel (a crash, exit or too much memory)"
                else:
                    run.killers[index] = "left the kernel stuck (it ignored the interrupt)"
                bad = index
                break
        return bad
    finally:
        run.errors.update(errors)
        try:
            if getattr(client, "kc", None) is not None:
                client.kc.stop_channels()
        except Exception:
            pass
        _kill_group(km)
        try:
            await asyncio.wait_for(km.shutdown_kernel(now=True), 10)
        except BaseException:
            pass
        _kill_group(km)
        try:
            await km.cleanup_resources()
        except Exception:
            pass
        log.close()
        found = _read_answers(answers_file)
        if found:
            run.answers.update(found)


async def run_notebook(nb, work: Path, meta: Path, names: list[str], limits: Limits) -> Run:
    """Run a notebook (an nbformat node, changed in place) in ``work``; collect its answers."""
    run = Run()
    start = time.monotonic()
    deadline = start + limits.timeout
    skip: set[int] = set()
    for attempt in range(MAX_RESTARTS + 1):
        bad = await _attempt(nb, work, meta, names, limits, deadline, skip, run, attempt)
        if bad is None:
            break
        skip.add(bad)
        if time.monotonic() >= deadline - 2:
            run.notes.append("no time left to run the notebook again without that cell")
            break
        if attempt == MAX_RESTARTS:
            run.notes.append(f"gave up after {MAX_RESTARTS + 1} kernels")
    run.seconds = time.monotonic() - start
    return run


# --- decoding and grading answers -------------------------------------------------------------


def decode(obj, depth: int = 0):
    """Turn the probe's JSON back into Python, NumPy and pandas values."""
    if depth > 80:
        raise ValueError("nested too deeply")
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return obj
    if isinstance(obj, list):
        return [decode(v, depth + 1) for v in obj]
    if not isinstance(obj, dict):
        raise ValueError("not an encoded value")
    kind = obj.get("__kind__")
    if kind == "ellipsis":
        return Ellipsis
    if kind == "float":
        return float(obj["value"])
    if kind == "bigint":
        return int(obj["digits"])
    if kind == "complex":
        return complex(decode(obj["real"], depth + 1), decode(obj["imag"], depth + 1))
    if kind == "bytes":
        return bytes.fromhex(obj["hex"])
    if kind == "decimal":
        from decimal import Decimal

        return Decimal(obj["value"])
    if kind == "fraction":
        from fractions import Fraction

        return Fraction(obj["value"])
    if kind == "tuple":
        return tuple(decode(v, depth + 1) for v in obj["items"])
    if kind == "set":
        return {_hashable(decode(v, depth + 1)) for v in obj["items"]}
    if kind == "dict":
        return {_hashable(decode(k, depth + 1)): decode(v, depth + 1) for k, v in obj["items"]}
    if kind == "ndarray":
        import numpy as np

        return np.array(decode(obj["data"], depth + 1))
    if kind == "series":
        import pandas as pd

        index = [_hashable(decode(i, depth + 1)) for i in obj["index"]]
        values = [decode(v, depth + 1) for v in obj["values"]]
        name = decode(obj.get("name"), depth + 1)
        return pd.Series(values, index=index, name=_hashable(name), dtype=_dtype(values))
    if kind == "dataframe":
        import pandas as pd

        columns = [_hashable(decode(c, depth + 1)) for c in obj["columns"]]
        index = [_hashable(decode(i, depth + 1)) for i in obj["index"]]
        rows = [[decode(v, depth + 1) for v in row] for row in obj["rows"]]
        return pd.DataFrame(rows, index=index, columns=columns)
    raise ValueError(f"unknown kind {kind!r}")


def _dtype(values):
    if values and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return float if any(isinstance(v, float) for v in values) else None
    return None if values else object


def _hashable(value):
    try:
        hash(value)
        return value
    except TypeError:
        return repr(value)


@dataclass
class Graded:
    """One question of one submission."""

    qid: str
    outcome: str  # correct, close, incorrect, not answered yet, not a usable answer, not graded
    points: float
    message: str
    reason: str = ""  # why it could not be graded ('' when graded)
    answer_text: str = ""  # the text of an open answer


def _cells_of(nb, qid: str) -> list[int]:
    pattern = re.compile(rf"\b{re.escape(qid)}(?:_answer\b|\.check\b)")
    if nb is None:
        return []
    return [
        i for i, c in enumerate(nb.cells) if c.cell_type == "code" and pattern.search(str(c.source))
    ]


def _why_missing(q, nb, run: Run) -> str:
    cells = _cells_of(nb, q.qid)
    if not cells:
        return f"no cell defines {q.answer_name} (deleted or renamed?)"
    for i in cells:
        if i in run.killers:
            return f"its cell {run.killers[i]} and was skipped"
    for i in cells:
        if i in run.timed_out:
            return "its cell ran out of time and was interrupted"
    for i in cells:
        if i in run.errors:
            return f"its cell raised {run.errors[i]}"
    for i in cells:
        if i in run.not_run:
            return "its cell was not reached before the time limit"
    return f"{q.answer_name} was not defined when the notebook finished"


def grade_answers(questions, nb, run: Run, close_credit: float = 0.0) -> list[Graded]:
    """Grade the extracted answers with each question's own ``check`` (in this process)."""
    from .exercises.core import Outcome

    graded = []
    for q in questions:
        points = float(getattr(q, "points", 1.0) or 0.0)
        entry = run.answers.get(q.answer_name)
        if entry is None:
            why = _why_missing(q, nb, run)
            graded.append(Graded(q.qid, "not graded", 0.0, why, reason=why))
            continue
        if "error" in entry:
            why = f"{q.answer_name} is {entry['error']}, which cannot be graded"
            graded.append(Graded(q.qid, "not graded", 0.0, why, reason=why))
            continue
        try:
            value = decode(entry["value"])
        except Exception as exc:
            why = f"{q.answer_name} could not be read back ({type(exc).__name__})"
            graded.append(Graded(q.qid, "not graded", 0.0, why, reason=why))
            continue
        fb = q.check(value)
        earned = {Outcome.CORRECT: points, Outcome.CLOSE: points * close_credit}.get(
            fb.outcome, 0.0
        )
        reason = ""
        if fb.outcome in (Outcome.UNANSWERED, Outcome.INVALID):
            reason = fb.outcome.value if fb.outcome is Outcome.UNANSWERED else fb.message
            reason = reason.split(";")[0]
        text = value[:OPEN_ANSWER_CHARS] if not q.auto and isinstance(value, str) else ""
        graded.append(Graded(q.qid, fb.outcome.value, earned, fb.message, reason, text))
    return graded


# --- grading a class --------------------------------------------------------------------------


@dataclass
class Row:
    student: str
    file: str
    exercise: str | None
    graded: list[Graded] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    flags: str = ""

    @property
    def total(self) -> float:
        return sum(g.points for g in self.graded)

    def reasons(self) -> str:
        parts = list(self.notes)
        parts += [f"{g.qid}: {g.reason}" for g in self.graded if g.reason]
        return "; ".join(parts)


@dataclass
class ClassResult:
    rows: list[Row]
    exercises: dict  # exercise -> list of questions
    seconds: float = 0.0
    scratch: Path | None = None

    def table(self):
        """The score table: one row per submission, points per question, total, reasons."""
        import pandas as pd

        several = len(self.exercises) > 1
        columns = ["student", "file", "exercise"]
        for ex, qs in self.exercises.items():
            columns += [f"{ex}.{q.qid}" if several else q.qid for q in qs]
        columns += ["total", "max_points", "reasons", "flags"]
        records = []
        for row in self.rows:
            rec = {"student": row.student, "file": row.file, "exercise": row.exercise or ""}
            for g in row.graded:
                rec[f"{row.exercise}.{g.qid}" if several else g.qid] = _num(g.points)
            for ex, qs in self.exercises.items():
                if ex == row.exercise or (row.exercise is None and not several):
                    for q in qs:
                        rec.setdefault(f"{ex}.{q.qid}" if several else q.qid, 0)
            qs = self.exercises.get(row.exercise, [])
            rec["total"] = _num(row.total)
            rec["max_points"] = _num(sum(float(q.points or 0) for q in qs))
            rec["reasons"] = row.reasons()
            rec["flags"] = row.flags
            records.append(rec)
        return pd.DataFrame.from_records(records, columns=columns)

    def feedback(self):
        """One row per student and question: outcome, points and the check's sentence."""
        import pandas as pd

        records = [
            {
                "student": row.student,
                "exercise": row.exercise or "",
                "question": g.qid,
                "outcome": g.outcome,
                "points": _num(g.points),
                "feedback": g.message,
                "open_answer": g.answer_text,
            }
            for row in self.rows
            for g in row.graded
        ]
        cols = ["student", "exercise", "question", "outcome", "points", "feedback", "open_answer"]
        return pd.DataFrame.from_records(records, columns=cols)

    def summary(self) -> str:
        """The per-question class summary."""
        lines = [f"{len(self.rows)} submissions graded in {self.seconds:.1f} s"]
        for ex, qs in self.exercises.items():
            rows = [r for r in self.rows if r.exercise == ex]
            max_points = sum(float(q.points or 0) for q in qs)
            lines += [
                "",
                f"Exercise {ex}: {len(rows)} submissions, {len(qs)} questions, "
                f"{_num(max_points)} points",
            ]
            head = (
                "question",
                "points",
                "correct",
                "close",
                "incorrect",
                "unanswered",
                "not graded",
                "mean",
                "most common mistake",
            )
            table = [head]
            for q in qs:
                gs = [g for r in rows for g in r.graded if g.qid == q.qid]
                count = Counter(g.outcome for g in gs)
                mistakes = Counter(
                    m.group(1)
                    for g in gs
                    if g.outcome == "close"
                    for m in [re.search(r"looks like (.+?): ", g.message)]
                    if m
                )
                common = ""
                if mistakes:
                    name, n = mistakes.most_common(1)[0]
                    common = f"{name} ({n})"
                mean = sum(g.points for g in gs) / len(gs) if gs else 0.0
                auto = getattr(q, "auto", True)
                table.append(
                    (
                        q.qid + ("" if auto else " (open)"),
                        str(_num(float(q.points or 0))),
                        str(count["correct"]) if auto else f"{count['correct']} answered",
                        str(count["close"]),
                        str(count["incorrect"]),
                        str(count["not answered yet"]),
                        str(count["not graded"] + count["not a usable answer"]),
                        f"{mean:.2f}",
                        common,
                    )
                )
            lines += _aligned(table)
            if rows:
                totals = sorted(r.total for r in rows)
                mid = len(totals) // 2
                median = totals[mid] if len(totals) % 2 else (totals[mid - 1] + totals[mid]) / 2
                lines.append(
                    f"total: mean {sum(totals) / len(totals):.2f} of {_num(max_points)}, median "
                    f"{_num(median)}, full marks {sum(t >= max_points for t in totals)}, "
                    f"zero {sum(t == 0 for t in totals)}"
                )
        other = [r for r in self.rows if r.exercise not in self.exercises]
        if other:
            lines += ["", f"{len(other)} files could not be graded against any exercise:"]
            lines += [f"  {r.file}: {r.reasons()}" for r in other]
        flagged = [r for r in self.rows if r.notes]
        if flagged:
            lines += ["", f"{len(flagged)} submissions had problems (see the reasons column):"]
            lines += [f"  {r.file}: {'; '.join(r.notes)}" for r in flagged]
        return "\n".join(lines)


def _aligned(table) -> list[str]:
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    return ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in table]


def _num(x: float):
    return int(x) if float(x).is_integer() else round(float(x), 3)


def _safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text)[:60] or "submission"


def _rmtree(path: Path) -> None:
    """Remove a scratch folder even if a notebook made parts of it read-only."""
    path = Path(path)
    if not path.exists():
        return
    try:
        os.chmod(path, 0o700)
    except OSError:
        pass
    for dirpath, dirnames, _ in os.walk(path):
        for d in dirnames:
            p = os.path.join(dirpath, d)
            if not os.path.islink(p):
                try:
                    os.chmod(p, 0o700)
                except OSError:
                    pass
    shutil.rmtree(path, ignore_errors=True)


async def _grade_one(
    sub: Submission,
    index: int,
    root: Path,
    limits: Limits,
    close_credit,
    questions,
    sem,
    keep: bool = False,
) -> Row:
    row = Row(student=sub.student, file=sub.file, exercise=sub.exercise)
    qs = questions.get(sub.exercise)
    if qs is None:
        row.notes.append(sub.problem or "could not tell which exercise this is")
        return row
    if isinstance(qs, str):  # the exercise module could not be loaded
        row.notes.append(qs)
        return row
    if sub.problem or sub.nb is None:
        why = sub.problem or "not a notebook"
        row.notes.append(why)
        row.graded = [Graded(q.qid, "not graded", 0.0, why) for q in qs]
        return row
    async with sem:
        box = Path(tempfile.mkdtemp(prefix=f"{index:03d}-", dir=root))
        work, meta = box / "work", box / "grader"
        try:
            (work / "tmp").mkdir(parents=True)
            meta.mkdir()
            (work / Path(sub.file).name).write_bytes(sub.data)
            _seed_matplotlib_cache(work)
            names = [q.answer_name for q in qs]
            try:
                run = await asyncio.wait_for(
                    run_notebook(sub.nb, work, meta, names, limits), limits.timeout + 30
                )
            except asyncio.TimeoutError:
                run = Run(notes=["the grader stopped this notebook (hard time limit)"])
        finally:
            if not keep:
                _rmtree(box)
    row.seconds = run.seconds
    row.flags = flags(sub.nb)
    row.graded = grade_answers(qs, sub.nb, run, close_credit)
    row.notes += run.notes
    # cells that stopped, wedged or ran out of time: named here unless a question's reason does
    explained = " ".join(f"{g.qid}: {g.reason}" for g in row.graded if g.reason)
    for i in sorted(run.killers):
        if not _mentions_question(sub.nb, i, explained):
            row.notes.append(f"cell {_cell_label(sub.nb, i)} {run.killers[i]}; it was skipped")
    for i in sorted(run.timed_out):
        if not _mentions_question(sub.nb, i, explained):
            row.notes.append(
                f"cell {_cell_label(sub.nb, i)} ran out of time ({limits.per_cell:g} s)"
            )
    if run.not_run:
        row.notes.append(
            f"the time limit of {limits.timeout:g} s was reached: {len(run.not_run)} cells not run"
        )
    return row


def _mentions_question(nb, index: int, explained: str) -> bool:
    """True when the cell belongs to a question whose reason already says what happened."""
    src = str(nb.cells[index].source) if nb is not None and index < len(nb.cells) else ""
    qids = set(re.findall(r"\b(q\d+)(?:_answer\b|\.check\b)", src))
    return bool(qids) and all(f"{q}: its cell" in explained for q in qids)


_FLAGS = (
    (re.compile(r"\.expected\s*\("), "calls .expected() (the answer key)"),
    (re.compile(r"\.solution_text\b|\.solution\s*\("), "looks at the worked solutions"),
    (re.compile(r"\.check\s*=(?!=)|\b_judge\b|setattr\s*\(\s*q\d"), "replaces a check"),
    (re.compile(r"_solutions\b|\bsolutions[/\\\\]"), "looks for the solutions notebooks"),
)


def flags(nb) -> str:
    """What an instructor may want to know about a notebook's code (it does not change points)."""
    if nb is None:
        return ""
    code = "\n".join(str(c.source) for c in nb.cells if c.cell_type == "code")
    found = [text for pattern, text in _FLAGS if pattern.search(code)]
    return "; ".join(found)


def _cell_label(nb, index: int) -> str:
    """'5 (q2)' — the cell's number among all cells, and the questions it mentions."""
    src = str(nb.cells[index].source) if nb is not None and index < len(nb.cells) else ""
    qids = sorted(set(re.findall(r"\b(q\d+)(?:_answer\b|\.check\b)", src)), key=_qkey)
    return f"{index + 1}" + (f" ({', '.join(qids)})" if qids else "")


def _qkey(qid: str):
    digits = re.sub(r"\D", "", qid)
    return int(digits) if digits else 0


async def _grade_all(subs, root, limits, close_credit, questions, jobs, progress, keep):
    sem = asyncio.Semaphore(max(1, int(jobs)))
    done = [0]

    async def one(i, sub):
        try:
            row = await _grade_one(sub, i, root, limits, close_credit, questions, sem, keep)
        except Exception as exc:  # a grader fault must still give the student a row
            row = Row(
                sub.student,
                sub.file,
                sub.exercise,
                notes=[f"the grader failed on this file ({type(exc).__name__}: {exc})"],
            )
            qs = questions.get(sub.exercise)
            if isinstance(qs, list):
                row.graded = [Graded(q.qid, "not graded", 0.0, "grader failure") for q in qs]
        done[0] += 1
        if progress:
            max_points = sum(
                float(q.points or 0)
                for q in questions.get(sub.exercise) or []
                if not isinstance(questions.get(sub.exercise), str)
            )
            progress(
                f"[{done[0]}/{len(subs)}] {sub.file}: {_num(row.total)}/{_num(max_points)}"
                f" ({row.seconds:.1f} s)" + (f" — {row.reasons()[:150]}" if row.notes else "")
            )
        return row

    return await asyncio.gather(*(one(i, s) for i, s in enumerate(subs)))


def grade_folder(
    folder,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    jobs: int = DEFAULT_JOBS,
    cell_timeout: float | None = None,
    memory_mb: int = DEFAULT_MEMORY_MB,
    exercise: str | None = None,
    close_credit: float = 0.0,
    scratch=None,
    keep_scratch: bool = False,
    exclude=(),
    progress=None,
) -> ClassResult:
    """Grade every file in ``folder``; the files are read, never written."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder} is not a folder")
    start = time.monotonic()
    known = exercise_modules()
    if exercise is not None and exercise not in known:
        hits = [k for k in known if k.startswith(f"ex{exercise}_") or k.startswith(exercise)]
        if len(hits) != 1:
            raise ValueError(f"unknown exercise {exercise!r}; known: {sorted(known)}")
        exercise = hits[0]
    excluded = {Path(p).resolve() for p in exclude}
    subs = [read_submission(p, folder, known) for p in find_submissions(folder, excluded)]
    if exercise is not None:
        for s in subs:
            s.exercise = exercise
    else:
        votes = Counter(s.exercise for s in subs if s.exercise)
        if votes:
            majority = votes.most_common(1)[0][0]
            for s in subs:
                if s.exercise is None:
                    s.exercise = majority
    questions: dict = {}
    for name in sorted({s.exercise for s in subs if s.exercise}):
        try:
            questions[name] = questions_of(name)
        except Exception as exc:
            questions[name] = f"the exercise {name} could not be loaded ({type(exc).__name__})"
    limits = Limits(timeout=float(timeout), cell_timeout=cell_timeout, memory_mb=memory_mb)
    base = Path(scratch).resolve() if scratch else None
    if base is not None:
        base.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="retool-grade-", dir=base)).resolve()
    if hasattr(os, "getuid"):
        os.chmod(root, 0o300)  # a notebook cannot list the folders of the others
    try:
        rows = asyncio.run(
            _grade_all(subs, root, limits, close_credit, questions, jobs, progress, keep_scratch)
        )
    finally:
        if keep_scratch:
            os.chmod(root, 0o700)
        else:
            _rmtree(root)
    good = {k: v for k, v in questions.items() if isinstance(v, list)}
    return ClassResult(list(rows), good, time.monotonic() - start, root)


def output_paths(out: Path) -> dict[str, Path]:
    out = Path(out)
    stem = out.with_suffix("") if out.suffix else out
    return {
        "scores": out if out.suffix else out.with_suffix(".csv"),
        "summary": Path(f"{stem}_summary.txt"),
        "feedback": Path(f"{stem}_feedback.csv"),
    }


def write_result(result: ClassResult, out: Path) -> dict[str, Path]:
    """Write the score table, the class summary and the feedback table beside each other."""
    paths = output_paths(out)
    paths["scores"].parent.mkdir(parents=True, exist_ok=True)
    result.table().to_csv(paths["scores"], index=False, encoding="utf-8-sig")
    result.feedback().to_csv(paths["feedback"], index=False, encoding="utf-8-sig")
    paths["summary"].write_text(result.summary() + "\n", encoding="utf-8")
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m retool grade",
        description="Grade a folder of submitted exercise notebooks into a score table.",
    )
    parser.add_argument(
        "folder", type=Path, help="the folder of submissions (one file per student)"
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("scores.csv"),
        help="the score table to write (default: scores.csv)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        help=f"time limit per notebook in seconds (default {DEFAULT_TIMEOUT:g})",
    )
    parser.add_argument(
        "--cell-timeout",
        type=float,
        default=None,
        help="time limit per cell in seconds (default: a quarter of --timeout)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=DEFAULT_JOBS,
        help=f"notebooks run at the same time (default {DEFAULT_JOBS})",
    )
    parser.add_argument(
        "--exercise", default=None, help="grade every file as this exercise, e.g. ex01_scale or 01"
    )
    parser.add_argument(
        "--memory",
        type=int,
        default=DEFAULT_MEMORY_MB,
        help=f"memory limit per kernel in MB, 0 for none (default {DEFAULT_MEMORY_MB})",
    )
    parser.add_argument(
        "--close-credit",
        type=float,
        default=0.0,
        help="share of a question's points for a 'close' answer (default 0)",
    )
    parser.add_argument(
        "--scratch",
        type=Path,
        default=None,
        help="where to make the scratch folders (default: the system's temp folder)",
    )
    parser.add_argument(
        "--keep-scratch",
        action="store_true",
        help="keep the scratch folders (to see what a notebook did)",
    )
    parser.add_argument("--quiet", action="store_true", help="print only the summary")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"grade: {args.folder} is not a folder", file=sys.stderr)
        return 2
    if not 0 <= args.close_credit <= 1 or args.timeout <= 0 or args.jobs < 1:
        print(
            "grade: --close-credit must be in [0, 1], --timeout and --jobs positive",
            file=sys.stderr,
        )
        return 2
    paths = output_paths(args.out)
    progress = None if args.quiet else (lambda line: print(line, flush=True))
    try:
        result = grade_folder(
            args.folder,
            timeout=args.timeout,
            jobs=args.jobs,
            cell_timeout=args.cell_timeout,
            memory_mb=args.memory,
            exercise=args.exercise,
            close_credit=args.close_credit,
            scratch=args.scratch,
            keep_scratch=args.keep_scratch,
            exclude=paths.values(),
            progress=progress,
        )
    except (ValueError, FileNotFoundError) as exc:
        print(f"grade: {exc}", file=sys.stderr)
        return 2
    if not result.rows:
        print(f"grade: no files in {args.folder}", file=sys.stderr)
        return 2
    written = write_result(result, args.out)
    print()
    print(result.summary())
    print()
    print(f"score table: {written['scores']}")
    print(f"class summary: {written['summary']}")
    print(f"feedback per question: {written['feedback']}")
    if args.keep_scratch:
        print(f"scratch folders: {result.scratch}")
    return 0
