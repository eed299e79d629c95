"""Faults a learner's machine throws at the course, and the protections against them.

- Lessons run from another working directory, against a read-only copy of data/ (RETOOL_DATA_DIR),
  twice in a row with the same checked output, and two at once in parallel.
- Every data file missing, truncated, with one digit changed, or re-saved as GBK or UTF-16: the
  loader raises ``retool.data.DataError`` naming the file and saying what is wrong. Also when the
  damage was "blessed" by recomputing the hashes (``retool rehash``): the schema and encoding
  checks behind the hash still catch it.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from retool import data, datapackage

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
LESSONS = sorted((ROOT / "lessons").glob("[0-9][0-9]_*.ipynb"))
PATHS = {
    r["name"]: r["path"]
    for r in json.loads((DATA / "datapackage.json").read_text("utf-8"))["resources"]
}
RESOURCES = list(PATHS)
CHECK = "nbval-check-output"  # the tag of the cells whose output nbval compares

# --- lessons in awkward places ------------------------------------------------------------------

# Runs notebooks one after the other, each in a fresh kernel started in ``cwd``, and writes for
# each its error outputs, its checked outputs and what it left in ``cwd``. No PNG is made: these
# runs check where the lessons read and write, not their charts (nbval draws every chart).
RUNNER = textwrap.dedent(
    """
    import json, os, sys
    import nbformat
    from nbformat.v4 import new_code_cell
    from retool.kernels import execute
    cwd, out, notebooks = sys.argv[1], sys.argv[2], sys.argv[3:]
    NO_PNG = "get_ipython().display_formatter.formatters['image/png'].enabled = False"
    results = []
    for notebook in notebooks:
        nb = nbformat.read(notebook, as_version=4)
        nb.cells.insert(0, new_code_cell(NO_PNG))
        execute(nb, cwd, timeout=120)
        errors, checked = [], []
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            for o in cell.get("outputs", []):
                said = o.get("ename", "") + " " + str(o.get("evalue", o.get("text", "")))
                if o.output_type == "error" or (o.output_type == "stream" and o.name == "stderr"):
                    errors.append(said)
            if "nbval-check-output" in cell.metadata.get("tags", []):
                checked.append([o.get("text") or o.get("data", {}).get("text/plain", "")
                                for o in cell.outputs])
        left = sorted(os.listdir(cwd))
        results.append({"notebook": notebook, "errors": errors, "checked": checked,
                        "left": left})
        json.dump(results, open(out, "w"))
    """
)


def read_only_copy(tmp: Path) -> Path:
    """data/ copied and made read-only (files and folder)."""
    copy = tmp / "data-ro"
    shutil.copytree(DATA, copy)
    for f in copy.iterdir():
        f.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    copy.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH)
    return copy


def snapshot(folder: Path) -> dict:
    """Names, sizes, times and contents: root ignores permissions, so compare afterwards too."""
    return {
        f.name: (f.stat().st_size, f.stat().st_mtime_ns, f.read_bytes())
        for f in sorted(folder.iterdir())
    }


def start(notebooks: list[Path], cwd: Path, out: Path, data_dir: Path) -> subprocess.Popen:
    env = {**os.environ, "RETOOL_DATA_DIR": str(data_dir)}
    return subprocess.Popen(
        [sys.executable, "-c", RUNNER, str(cwd), str(out), *map(str, notebooks)],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def finish(proc: subprocess.Popen, out: Path) -> tuple[list[dict], str]:
    """The results of the notebooks a runner finished, and its log when it failed."""
    log, _ = proc.communicate(timeout=1200)
    results = json.loads(out.read_text()) if out.exists() else []
    failed = "" if proc.returncode == 0 else log.decode(errors="replace")[-3000:]
    return results, failed


def twice_notebook() -> Path:
    return next((nb for nb in LESSONS if CHECK in nb.read_text("utf-8")), LESSONS[0])


@pytest.fixture(scope="module")
def elsewhere_runs(tmp_path_factory):
    """Every lesson run from a working directory that is not the lessons' folder, against one
    read-only data/ copy. Two runners start at the same time on that copy (two kernels at once,
    as a class on a shared server), each in its own folder; the first runs one lesson first and
    again last (the same lesson twice in a row)."""
    tmp = tmp_path_factory.mktemp("elsewhere")
    ro = read_only_copy(tmp)
    before = snapshot(ro)
    again = twice_notebook()
    others = [nb for nb in LESSONS if nb != again]
    plans = [[again, *others[1::2], again], others[0::2]]
    runs = []
    for n, plan in enumerate(plans):
        cwd = tmp / f"somewhere else {n}"
        cwd.mkdir()
        out = tmp / f"runner{n}.json"
        runs.append((start(plan, cwd, out, ro), out))
    finished = [finish(proc, out) for proc, out in runs]
    changed = snapshot(ro) != before
    ro.chmod(stat.S_IRWXU)
    for f in ro.iterdir():
        f.chmod(stat.S_IRUSR | stat.S_IWUSR)
    return {"plans": plans, "finished": finished, "ro_changed": changed}


def runs_of(runs: dict, notebook: Path) -> list[dict]:
    """Each run of ``notebook`` (its result; a runner that failed on it: its log)."""
    found = []
    for plan, (results, failed) in zip(runs["plans"], runs["finished"], strict=True):
        for k, planned in enumerate(plan):
            if planned != notebook:
                continue
            if k < len(results):
                previous = set(results[k - 1]["left"]) if k else set()
                found.append({**results[k], "new": sorted(set(results[k]["left"]) - previous)})
            else:  # the runner stopped at this notebook or before it
                pytest.fail(f"{notebook.name}: its runner stopped before its end:\n{failed}")
    return found


@pytest.mark.skipif(not LESSONS, reason="no lessons/NN_*.ipynb yet")
@pytest.mark.parametrize("notebook", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_runs_elsewhere_on_read_only_data(notebook, elsewhere_runs):
    runs = runs_of(elsewhere_runs, notebook)
    assert runs, f"{notebook.name} was not run"
    for run in runs:
        assert not run["errors"], f"{notebook.name}: {run['errors']}"
        assert not run["new"], f"{notebook.name} wrote {run['new']} into the learner's folder"
    assert not elsewhere_runs["ro_changed"], "a notebook changed the read-only data folder"


@pytest.mark.skipif(not LESSONS, reason="no lessons/NN_*.ipynb yet")
def test_a_lesson_twice_in_a_row_gives_the_same_checked_output(elsewhere_runs):
    notebook = twice_notebook()
    runs = runs_of(elsewhere_runs, notebook)
    assert len(runs) == 2, f"{notebook.name} ran {len(runs)} times"
    assert not runs[0]["errors"] and not runs[1]["errors"], [r["errors"] for r in runs]
    assert runs[0]["checked"] == runs[1]["checked"], f"{notebook.name}: output differs between runs"


@pytest.mark.skipif(len(LESSONS) < 3, reason="fewer than three lessons")
def test_two_lessons_at_once(elsewhere_runs):
    """Two kernels on the same read-only data at the same time (a class on a shared server):
    both runners started together, and each finished every lesson it was given."""
    for plan, (results, failed) in zip(
        elsewhere_runs["plans"], elsewhere_runs["finished"], strict=True
    ):
        assert not failed, failed
        assert [Path(r["notebook"]) for r in results] == plan
        assert all(not r["errors"] for r in results), [r["errors"] for r in results]


# --- damaged data files -------------------------------------------------------------------------


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A writable copy of data/ that the loaders read through RETOOL_DATA_DIR."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    monkeypatch.setenv("RETOOL_DATA_DIR", str(copy))
    yield copy


def _truncate(raw: bytes) -> bytes:
    return raw[: len(raw) // 2]


def _change_digit(raw: bytes) -> bytes:
    """Change one digit in the last line (a data row, not the header)."""
    start = raw.rstrip(b"\n").rfind(b"\n") + 1
    i = next(i for i in range(start, len(raw)) if raw[i : i + 1].isdigit())
    digit = int(raw[i : i + 1])
    return raw[:i] + str((digit + 1) % 10).encode() + raw[i + 1 :]


def _gbk(raw: bytes) -> bytes:
    return raw.decode("utf-8").encode("gbk", errors="replace")


def _utf16(raw: bytes) -> bytes:
    return raw.decode("utf-8").encode("utf-16")


DAMAGE = {"truncated": _truncate, "one digit changed": _change_digit, "GBK": _gbk, "UTF-16": _utf16}


def _message(name: str) -> str:
    with pytest.raises(data.DataError) as err:
        data.load(name)
    return str(err.value)


@pytest.mark.parametrize("name", RESOURCES)
def test_missing_file(data_copy, name):
    (data_copy / PATHS[name]).unlink()
    message = _message(name)
    assert PATHS[name] in message and "missing" in message, message


@pytest.mark.parametrize("damage", DAMAGE)
@pytest.mark.parametrize("name", RESOURCES)
def test_damaged_file_is_refused(data_copy, name, damage):
    file = data_copy / PATHS[name]
    raw = file.read_bytes()
    damaged = DAMAGE[damage](raw)
    assert damaged != raw, "the damage changed nothing: the test would prove nothing"
    file.write_bytes(damaged)
    message = _message(name)
    assert PATHS[name] in message, message
    assert "sha256" in message and "changed, truncated or re-saved" in message, message


@pytest.mark.parametrize("damage", ["GBK", "UTF-16"])
@pytest.mark.parametrize("name", RESOURCES)
def test_wrong_encoding_is_refused_even_after_rehash(data_copy, name, damage):
    """Someone re-saves a file in Excel and runs `retool rehash`: the encoding check still bites."""
    file = data_copy / PATHS[name]
    file.write_bytes(DAMAGE[damage](file.read_bytes()))
    datapackage.rehash(data_copy)
    message = _message(name)
    assert PATHS[name] in message and "not UTF-8" in message, message


@pytest.mark.parametrize("name", RESOURCES)
def test_truncated_row_is_refused_even_after_rehash(data_copy, name):
    """The last row cut after its first field: the schema check names the line."""
    file = data_copy / PATHS[name]
    lines = file.read_text("utf-8").rstrip("\n").split("\n")
    lines[-1] = lines[-1].split(",")[0]
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    datapackage.rehash(data_copy)
    message = _message(name)
    assert PATHS[name] in message and f"line {len(lines)}" in message, message


@pytest.mark.parametrize("name", RESOURCES)
def test_non_number_is_refused_even_after_rehash(data_copy, name):
    """A digit replaced by a letter in a number column: the schema check names line and column."""
    schema = data.resource_info(name, data_copy)["schema"]["fields"]
    numeric = [i for i, f in enumerate(schema) if f.get("type") in ("number", "integer")]
    if not numeric:
        pytest.skip(f"{name} has no number column")
    file = data_copy / PATHS[name]
    rows = list(csv.reader(io.StringIO(file.read_text("utf-8"))))
    col = numeric[0]
    row = next(r for r in range(1, len(rows)) if rows[r][col].strip())
    rows[row][col] = "x" + rows[row][col]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    file.write_text(buffer.getvalue(), encoding="utf-8")
    datapackage.rehash(data_copy)
    message = _message(name)
    assert PATHS[name] in message, message
    assert f"line {row + 1}" in message and schema[col]["name"] in message, message


LOADERS = {
    "table1_renovation": data.table1_wide,
    "table2_idicn": data.table2_wide,
    "table2_rank": data.table2_rank,
    "lme_technology": data.lme_wide,
    "gdp_nominal": data.gdp_series,
    "fai": data.fai_series,
    "renovation_investment_1978_2000": data.renovation_investment,
    "paper_claims": data.claims,
    "claims_skipped": data.claims_skipped,
    "later_policy": data.later_policy,
    "audit_record": data.audit_record,
}


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_public_loaders_check_their_file(data_copy, name):
    """The loaders the lessons call go through the same checks (here: a changed digit)."""
    file = data_copy / PATHS[name]
    file.write_bytes(_change_digit(file.read_bytes()))
    with pytest.raises(data.DataError, match=PATHS[name].replace(".", r"\.")):
        LOADERS[name]()


def test_every_resource_has_a_loader_test():
    assert set(LOADERS) == set(RESOURCES), "a new data file needs a line in LOADERS"


def test_missing_or_broken_datapackage(data_copy):
    (data_copy / "datapackage.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(data.DataError, match="datapackage.json.*not valid JSON"):
        data.load(RESOURCES[0])
    (data_copy / "datapackage.json").unlink()
    with pytest.raises(data.DataError, match="datapackage.json.*missing"):
        data.load(RESOURCES[0])
