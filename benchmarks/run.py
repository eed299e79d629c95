"""Measure the course's speed budgets and write benchmarks/latest.md.

    python benchmarks/run.py [--repeat N] [--quick] [--skip-venv] [--skip-notebooks]

Medians over repeated runs of:
- the library's import time (a fresh interpreter each run, minus an empty interpreter's start);
- each notebook's execution (nbclient, a fresh kernel each run): wall time and cells only;
- the whole notebook suite (lessons, solutions, exercises), two notebooks at a time;
- each widget module's redraw as its explorer does it (view() into the figure of the last
  redraw, then the PNG) at the spec's defaults, and over every valid value of its spec;
- grading 30 ordinary submissions with ``python -m retool grade --jobs 2``, each kernel in its
  bubblewrap sandbox (skipped with a note when the sandbox cannot be had);
- the size of a fresh virtual environment made from requirements.txt (once; slow; --skip-venv).

Budgets: a widget redraw < 100 ms (median), a notebook < 10 s, the notebook suite < 60 s,
grading 30 sandboxed submissions < 30 s (on 2 cores). Each row says whether it is within budget.
The table, with the machine it ran on, goes to benchmarks/latest.md and to the screen; the raw
numbers to benchmarks/results-<date>.json (not committed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import importlib.util
import json
import os
import pkgutil
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
sys.path.insert(0, str(ROOT))

BUDGET_REDRAW_MS = 100.0
BUDGET_NOTEBOOK_S = 10.0
BUDGET_SUITE_S = 60.0
BUDGET_GRADING_S = 30.0

NOTEBOOK_FOLDERS = ("lessons", "solutions", "exercises")

# Runs one notebook in a fresh kernel; prints the wall time and the cells' own time as JSON.
NOTEBOOK_RUNNER = r"""
import json, sys, time, datetime as dt
import nbformat
from nbclient import NotebookClient
path, cwd = sys.argv[1], sys.argv[2]
nb = nbformat.read(path, as_version=4)
start = time.perf_counter()
NotebookClient(nb, timeout=60, kernel_name="python3", record_timing=True,
               resources={"metadata": {"path": cwd}}).execute()
wall = time.perf_counter() - start
stamps = [c.metadata.get("execution", {}) for c in nb.cells if c.cell_type == "code"]
def parse(s):
    return dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
first = [parse(s["iopub.execute_input"]) for s in stamps if "iopub.execute_input" in s]
last = [parse(s["shell.execute_reply"]) for s in stamps if "shell.execute_reply" in s]
cells = (max(last) - min(first)).total_seconds() if first and last else float("nan")
errors = sum(o.get("output_type") == "error" for c in nb.cells for o in c.get("outputs", []))
print(json.dumps({"wall": wall, "cells": cells, "errors": errors}))
"""


# --- the machine -------------------------------------------------------------------------------


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 2**20:.1f} GiB"
                break
    except OSError:
        try:
            pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
            ram = f"{pages / 2**30:.1f} GiB"
        except (ValueError, OSError, AttributeError):
            pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "cpu": cpu,
        "cores": cores,
        "ram": ram,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
    }


# --- measurements ------------------------------------------------------------------------------


def _time_subprocess(args: list[str], **kw) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True, **kw)
    return time.perf_counter() - start


def library_modules() -> list[str]:
    import retool

    names = ["retool"]
    for info in pkgutil.walk_packages(retool.__path__, "retool."):
        if not info.name.endswith("__main__"):
            names.append(info.name)
    return names


def bench_import(repeat: int) -> list[dict]:
    core = "import retool.data, retool.measures, retool.rebuild, retool.plots"
    everything = "import " + ", ".join(library_modules())
    rows = []
    cases = (("core (data, measures, rebuild, plots)", core), ("all modules", everything))
    for label, code in cases:
        empty = [_time_subprocess([sys.executable, "-c", "pass"]) for _ in range(repeat)]
        full = [
            _time_subprocess([sys.executable, "-c", code], cwd=tempfile.gettempdir())
            for _ in range(repeat)
        ]
        rows.append(
            {
                "what": f"import {label}",
                "median_s": statistics.median(full) - statistics.median(empty),
                "detail": f"{statistics.median(full):.2f} s with interpreter start",
            }
        )
    return rows


def notebooks() -> list[Path]:
    found = []
    for folder in NOTEBOOK_FOLDERS:
        found += sorted((ROOT / folder).glob("*.ipynb"))
    return found


NOTEBOOK_TIMEOUT_S = 180


def run_notebook(path: Path) -> dict:
    """One run in a fresh kernel; a run that stalls is stopped after NOTEBOOK_TIMEOUT_S."""
    with tempfile.TemporaryDirectory(prefix="retool-bench-") as cwd:
        try:
            out = subprocess.run(
                [sys.executable, "-c", NOTEBOOK_RUNNER, str(path), cwd],
                capture_output=True,
                text=True,
                cwd=cwd,
                timeout=NOTEBOOK_TIMEOUT_S,
            )
        except subprocess.TimeoutExpired:
            nan = float("nan")
            return {"wall": nan, "cells": nan, "errors": -1, "failure": "stalled"}
    if out.returncode != 0:
        return {
            "wall": float("nan"),
            "cells": float("nan"),
            "errors": -1,
            "failure": (out.stderr or out.stdout).strip().splitlines()[-1:],
        }
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_notebooks(repeat: int) -> list[dict]:
    rows = []
    for path in notebooks():
        runs = [run_notebook(path) for _ in range(repeat)]
        wall = statistics.median(r["wall"] for r in runs)
        cells = statistics.median(r["cells"] for r in runs)
        failed = [r for r in runs if r.get("errors")]
        rows.append(
            {
                "what": str(path.relative_to(ROOT)),
                "median_s": wall,
                "detail": f"cells {cells:.2f} s"
                + (f"; {len(failed)} run(s) with errors" if failed else ""),
                "budget": BUDGET_NOTEBOOK_S,
                "ok": wall < BUDGET_NOTEBOOK_S and not failed,
            }
        )
        print(f"  {rows[-1]['what']}: {wall:.2f} s", file=sys.stderr)
    return rows


def bench_suite(repeat: int, jobs: int = 2) -> dict:
    paths = notebooks()
    times, failures = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(run_notebook, paths))
        times.append(time.perf_counter() - start)
        failed = [(p.name, r.get("failure")) for p, r in zip(paths, results) if r.get("errors")]
        failures += len(failed)
        stalled = [name for name, why in failed if why == "stalled"]
        for name, why in failed:
            print(f"  {name}: {why}", file=sys.stderr)
    wall = statistics.median(times)
    detail = "no errors"
    if failures:
        detail = f"{failures} notebook run(s) failed"
        if stalled:
            detail += f" ({len(stalled)} stalled and stopped after {NOTEBOOK_TIMEOUT_S} s)"
    return {
        "what": f"notebook suite: {len(paths)} notebooks, {jobs} at a time",
        "median_s": wall,
        "detail": detail,
        "budget": BUDGET_SUITE_S,
        "ok": wall < BUDGET_SUITE_S and not failures,
    }


def widget_modules() -> list[str]:
    import retool.widgets

    return sorted(m.name for m in pkgutil.iter_modules(retool.widgets.__path__))


def _redraw(module, settings: dict, into=None, cpu: list | None = None):
    """One redraw as an explorer does it: view() into the figure of the last redraw, then PNG.
    Returns (wall-clock seconds, figure, PNG bytes); appends the CPU seconds to ``cpu``."""
    start, start_cpu = time.perf_counter(), time.process_time()
    fig, _ = module.view(into=into, **settings)
    png = fig._repr_png_()
    if cpu is not None:
        cpu.append(time.process_time() - start_cpu)
    return time.perf_counter() - start, fig, len(png)


def bench_widgets(repeat: int) -> list[dict]:
    rows = []
    for name in widget_modules():
        module = importlib.import_module(f"retool.widgets.{name}")
        defaults = module.SPEC.defaults()
        # the explorer's first draw (caches warm, as in a lesson after its first draw)
        _, fig, size = _redraw(module, defaults)
        at_defaults, cpu = [], []
        load = os.getloadavg()[0]
        for _ in range(repeat):
            seconds, fig, size = _redraw(module, defaults, fig, cpu)
            at_defaults.append(seconds)
        over = []
        for key, param in module.SPEC.items():
            for value in param.valid_values():
                runs = []
                for _ in range(max(1, repeat // 2)):
                    seconds, fig, _ = _redraw(module, {**defaults, key: value}, fig)
                    runs.append(seconds)
                over.append(statistics.median(runs))
        median_ms = statistics.median(at_defaults) * 1000
        ranges_ms = statistics.median(over) * 1000 if over else float("nan")
        worst_ms = max(over) * 1000 if over else float("nan")
        width, height = (int(v) for v in fig.bbox.size)
        rows.append(
            {
                "what": f"redraw widgets.{name}",
                "median_s": median_ms / 1000,
                "detail": f"CPU time {statistics.median(cpu) * 1000:.0f} ms (load average "
                f"{load:.1f} on {os.cpu_count()} cores); "
                f"over the spec ({len(over)} settings): median {ranges_ms:.0f} ms, "
                f"slowest {worst_ms:.0f} ms; PNG {width}x{height} px (its displayed size), "
                f"{size / 1024:.0f} KB",
                "budget": BUDGET_REDRAW_MS / 1000,
                "ok": median_ms < BUDGET_REDRAW_MS and ranges_ms < BUDGET_REDRAW_MS,
            }
        )
    return rows


def bench_grading(repeat: int, n: int = 30) -> dict:
    what = f"grading {n} submissions, sandboxed, 2 at a time (python -m retool grade)"
    if importlib.util.find_spec("retool.grading") is None:
        return {"what": what, "median_s": None, "detail": "skipped: retool.grading not present"}
    from retool.grading import sandbox

    reason = sandbox.unavailable_reason()
    if reason is not None:
        return {"what": what, "median_s": None, "detail": f"skipped: no sandbox ({reason})"}
    sources = sorted((ROOT / "solutions").glob("*.ipynb"))
    exercise = sorted((ROOT / "exercises").glob("*.ipynb"))
    if not sources:
        return {"what": what, "median_s": None, "detail": "skipped: no solutions notebook"}
    solution = sources[0]
    prefix = solution.name.split("_")[0]
    blank = next((e for e in exercise if e.name.startswith(prefix)), solution)
    times = []
    with tempfile.TemporaryDirectory(prefix="retool-grade-") as tmp:
        folder = Path(tmp) / "submissions"
        folder.mkdir()
        for i in range(n):  # half answered (the solutions), half as handed out
            shutil.copy(solution if i % 2 == 0 else blank, folder / f"student_{i + 1:02d}.ipynb")
        for r in range(repeat):
            out = Path(tmp) / f"scores{r}.csv"
            start = time.perf_counter()
            proc = subprocess.run(
                [sys.executable, "-m", "retool", "grade", str(folder), "--out", str(out)]
                + ["--jobs", "2", "--quiet"],
                capture_output=True,
                text=True,
                cwd=tmp,
            )
            times.append(time.perf_counter() - start)
            if proc.returncode != 0:
                tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:]
                return {
                    "what": what,
                    "median_s": times[-1],
                    "detail": f"failed: {tail}",
                    "budget": BUDGET_GRADING_S,
                    "ok": False,
                }
    wall = statistics.median(times)
    return {
        "what": what,
        "median_s": wall,
        "detail": f"{solution.stem} x{n // 2 + n % 2} and {blank.stem} x{n // 2}",
        "budget": BUDGET_GRADING_S,
        "ok": wall < BUDGET_GRADING_S,
    }


def _size(folder: Path) -> int:
    total = 0
    for dirpath, _, files in os.walk(folder):
        for f in files:
            p = Path(dirpath) / f
            if not p.is_symlink():
                total += p.stat().st_size
    return total


def bench_venv() -> dict:
    what = "fresh venv from requirements.txt"
    with tempfile.TemporaryDirectory(prefix="retool-venv-") as tmp:
        venv = Path(tmp) / "venv"
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pip = venv / ("Scripts" if os.name == "nt" else "bin") / "pip"
        proc = subprocess.run(
            [
                str(pip),
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "-r",
                "requirements.txt",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1"},
        )
        seconds = time.perf_counter() - start
        if proc.returncode != 0:
            tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:]
            return {"what": what, "median_s": None, "detail": f"pip failed: {tail}"}
        size = _size(venv)
    return {
        "what": what,
        "median_s": None,
        "size_mb": size / 2**20,
        "detail": f"{size / 2**20:.0f} MB on disk; made in {seconds:.0f} s (once)",
    }


# --- report ------------------------------------------------------------------------------------


def _fmt_time(seconds: float | None, budget: float | None) -> str:
    if seconds is None:
        return "—"
    if budget is not None and budget < 1:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds:.2f} s"


def _verdict(row: dict) -> str:
    if "ok" not in row:
        return ""
    budget = _fmt_time(row["budget"], row["budget"])
    return f"within ({budget})" if row["ok"] else f"**over** ({budget})"


def report(info: dict, sections: dict[str, list[dict]], repeat: int) -> str:
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`python benchmarks/run.py`); medians of "
        f"{repeat} runs unless said otherwise.",
        "",
        "| machine | |",
        "|---|---|",
        f"| CPU | {info['cpu']} |",
        f"| cores | {info['cores']} |",
        f"| RAM | {info['ram']} |",
        f"| OS | {info['os']} |",
        f"| Python | {info['python']} |",
        f"| date | {info['date']} |",
        "",
    ]
    for title, rows in sections.items():
        if not rows:
            continue
        lines += [f"## {title}", "", "| what | median | budget | detail |", "|---|---|---|---|"]
        for row in rows:
            lines.append(
                f"| {row['what']} | {_fmt_time(row.get('median_s'), row.get('budget'))} | "
                f"{_verdict(row)} | {row.get('detail', '')} |"
            )
        lines.append("")
    over = [r["what"] for rows in sections.values() for r in rows if r.get("ok") is False]
    lines.append(f"**Over budget:** {', '.join(over)}" if over else "All rows within budget.")
    return "\n".join(lines) + "\n"


def widgets_only(info: dict, repeat: int) -> int:
    """Measure the widget redraws and put them in latest.md in place of the earlier ones."""
    rows = bench_widgets(repeat)
    title = f"Widget redraw (view + PNG, as the explorer redraws; re-measured {info['date']})"
    table = report(info, {title: rows}, repeat).split(f"## {title}", 1)[1]
    table = f"## {title}" + table.split("**Over budget:**")[0].split("All rows within")[0]
    path = BENCH / "latest.md"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    start = text.find("## Widget redraw")
    if start < 0:
        text = text + "\n" + table
    else:
        end = text.find("\n## ", start + 1)
        text = text[:start] + table.rstrip() + "\n" + (text[end:] if end >= 0 else "")
    over = [line.split(" | ")[0].lstrip("| ") for line in text.splitlines() if "**over**" in line]
    text = text.split("**Over budget:**")[0].split("All rows within budget.")[0].rstrip()
    text += "\n\n" + (f"**Over budget:** {', '.join(over)}" if over else "All rows within budget.")
    path.write_text(text + "\n", encoding="utf-8")
    print(table)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per cheap measurement")
    parser.add_argument("--notebook-repeat", type=int, default=3, help="runs per notebook")
    parser.add_argument("--suite-repeat", type=int, default=1, help="runs of the whole suite")
    parser.add_argument("--quick", action="store_true", help="one run of everything")
    parser.add_argument("--skip-venv", action="store_true", help="skip the fresh venv (slow)")
    parser.add_argument("--skip-notebooks", action="store_true", help="skip notebooks and suite")
    parser.add_argument(
        "--widgets-only",
        action="store_true",
        help="measure only the widget redraws and replace their section of latest.md",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.repeat = args.notebook_repeat = args.suite_repeat = 1
    os.environ.pop("RETOOL_DATA_DIR", None)

    info = machine()
    if args.widgets_only:
        return widgets_only(info, max(args.repeat, 3))
    sections: dict[str, list[dict]] = {}
    print("import time ...", file=sys.stderr)
    sections["Library import"] = bench_import(args.repeat)
    print("widget redraws ...", file=sys.stderr)
    sections["Widget redraw (view + PNG)"] = bench_widgets(max(args.repeat, 3))
    if not args.skip_notebooks:
        print("notebooks ...", file=sys.stderr)
        sections["Notebooks (fresh kernel each)"] = bench_notebooks(args.notebook_repeat)
        print("notebook suite ...", file=sys.stderr)
        sections["Notebook suite"] = [bench_suite(args.suite_repeat)]
    print("grading ...", file=sys.stderr)
    sections["Grading"] = [bench_grading(1 if args.quick else min(args.repeat, 3))]
    if not args.skip_venv:
        print("fresh venv (slow) ...", file=sys.stderr)
        sections["Install"] = [bench_venv()]

    text = report(info, sections, args.repeat)
    (BENCH / "latest.md").write_text(text, encoding="utf-8")
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    (BENCH / f"results-{stamp}.json").write_text(
        json.dumps({"machine": info, "sections": sections}, indent=2, default=str),
        encoding="utf-8",
    )
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
