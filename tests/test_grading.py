"""Grading a class: made-up submissions built from the real ex00 notebooks, graded as a class.

Each submission plants known answers (or none). The expected points are what the exercise's own
``check`` gives those answers in this process — never typed in. The class folder must be byte for
byte unchanged afterwards, and what the notebooks write must land in their scratch folders only.
"""

from __future__ import annotations

import copy
import hashlib
import os
import re
import time
import uuid
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from conftest import ROOT

from retool import grading
from retool.exercises import ex00_start as ex
from retool.exercises import generate

SOLUTION = ROOT / "solutions" / "00_start_here_solutions.ipynb"
MISSING = object()  # the answer is never assigned
SECRET = f"retool-secret-{uuid.uuid4().hex}"
MARK = uuid.uuid4().hex[:10]
TIMEOUT, CELL_TIMEOUT = 25, 3


def solution_nb():
    return nbformat.read(SOLUTION, as_version=4)


def exercise_nb():
    return generate.make_exercise(solution_nb(), SOLUTION.name)


def answer_cell(nb, qid: str) -> int:
    (index,) = [
        i
        for i, c in enumerate(nb.cells)
        if c.cell_type == "code" and f"{qid}_answer = " in c.source
    ]
    return index


def plant(nb, qid: str, code: str):
    """Replace the placeholder line of ``qid`` in an exercise notebook by ``code``."""
    cell = nb.cells[answer_cell(nb, qid)]
    line = f"{qid}_answer = {generate.PLACEHOLDER}"
    assert line in cell.source
    cell.source = cell.source.replace(line, code)
    return nb


def right_values() -> dict:
    return {
        "q1": ex.q1.expected(),
        "q2": ex.q2.correct,
        "q3": ex.q3.expected(),
        "q4": "Stated only: the course cannot split manufacturing.",
    }


def planted(values: dict, **code) -> nbformat.NotebookNode:
    """An exercise notebook with ``values`` (repr'd) and raw ``code`` planted per question."""
    nb = exercise_nb()
    for qid, value in values.items():
        if value is not MISSING and qid not in code:
            plant(nb, qid, f"{qid}_answer = {value!r}")
    for qid, src in code.items():
        plant(nb, qid, src)
    return nb


def expected_points(values: dict) -> dict:
    """What the exercise's own checks give the planted values (MISSING: 0)."""
    out = {}
    for q in ex.QUESTIONS:
        value = values.get(q.qid, MISSING)
        out[q.qid] = 0 if value is MISSING or not q.check(value).correct else q.points
    return out


def _write(folder: Path, name: str, nb) -> None:
    nbformat.write(nb, folder / name)


def build_class(folder: Path) -> dict:
    """Write the made-up class; returns {student: planted answer values} for the graded ones."""
    right, expect = right_values(), {}
    folder.mkdir(parents=True, exist_ok=True)

    # right: the solutions notebook itself (outputs and all)
    nbformat.write(solution_nb(), folder / "01_right.ipynb")
    expect["01_right"] = right
    # blank: the exercise as handed out
    _write(folder, "02_blank.ipynb", exercise_nb())
    expect["02_blank"] = {}
    # partly done: a named mistake, a wrong letter, one right, one left open
    partial = {"q1": ex.q1.mistakes[0].value(), "q2": "C", "q3": right["q3"], "q4": MISSING}
    _write(folder, "03_partial.ipynb", planted(partial))
    expect["03_partial"] = partial
    # answers of other types: a pandas Series, a NumPy number, an unsupported object
    _write(
        folder,
        "04_types.ipynb",
        planted(
            {"q2": right["q2"], "q4": MISSING},
            q1="import numpy as np\nq1_answer = np.float64(rebuild.table1_growth(2005, 2006)"
            "['renovation'])",
            q3="import pandas as pd\n"
            "q3_answer = pd.Series([rebuild.table1_growth()['renovation']])",
            q4="q4_answer = object()",
        ),
    )
    expect["04_types"] = {
        "q1": right["q1"],
        "q2": right["q2"],
        "q3": pd.Series([right["q3"]]),
        "q4": MISSING,
    }
    # a cell that loops forever, one that sleeps, one that ignores the interrupt
    loops = {k: v for k, v in right.items() if k != "q2"}
    _write(folder, "05_loop.ipynb", planted(loops, q2="while True:\n    pass"))
    expect["05_loop"] = loops
    sleeps = {k: v for k, v in right.items() if k != "q3"}
    _write(folder, "06_sleep.ipynb", planted(sleeps, q3="import time\ntime.sleep(10**6)"))
    expect["06_sleep"] = sleeps
    stubborn = (
        "import signal, time\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\n"
        "while True:\n    time.sleep(0.01)"
    )
    _write(folder, "07_stubborn.ipynb", planted(loops, q2=stubborn))
    expect["07_stubborn"] = loops
    # a cell that kills its kernel after assigning its answer; one that raises
    crash = f"q2_answer = {right['q2']!r}\nimport os\nos._exit(1)"
    _write(folder, "08_crash.ipynb", planted(loops, q2=crash))
    expect["08_crash"] = loops
    raises = {k: v for k, v in right.items() if k != "q1"}
    _write(folder, "09_raises.ipynb", planted(raises, q1="q1_answer = 1 / 0"))
    expect["09_raises"] = raises
    # deleted cells (q3's question and answer) and reordered cells (the import cell last)
    nb = planted(right)
    idx = answer_cell(nb, "q3")
    del nb.cells[idx - 1 : idx + 1]
    _write(folder, "10_deleted.ipynb", nb)
    expect["10_deleted"] = {k: v for k, v in right.items() if k != "q3"}
    nb = planted(
        {"q1": MISSING, "q2": right["q2"], "q3": MISSING, "q4": right["q4"]},
        q1="q1_answer = measures.growth_pct(1, 2)",
        q3="q3_answer = rebuild.table1_growth()['renovation']",
    )
    first_code = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")
    nb.cells.append(nb.cells.pop(first_code))
    _write(folder, "11_reordered.ipynb", nb)
    expect["11_reordered"] = {"q2": right["q2"], "q4": right["q4"]}  # q1, q3 need the imports
    # megabytes of output
    _write(
        folder,
        "12_mega.ipynb",
        planted(
            right,
            q4=f"q4_answer = {right['q4']!r}\nfor _ in range(20):\n    print('x' * 1_000_000)",
        ),
    )
    expect["12_mega"] = right
    # writes files (cwd, HOME, temp, parent), starts a background process
    writes = (
        f"q4_answer = {right['q4']!r}\n"
        "import os, subprocess, tempfile\n"
        f"open('cwd-{MARK}.txt', 'w').write('x')\n"
        f"open(os.path.expanduser('~/home-{MARK}.txt'), 'w').write('x')\n"
        f"tempfile.NamedTemporaryFile(prefix='tmp-{MARK}', delete=False).write(b'x')\n"
        f"open('../parent-{MARK}.txt', 'w').write('x')\n"
        "child = subprocess.Popen(['sleep', '300'])\n"
        f"open('child-{MARK}.pid', 'w').write(str(child.pid))"
    )
    _write(folder, "13_writes.ipynb", planted(right, q4=writes))
    expect["13_writes"] = right
    # tries to read the grader's answers: solutions, other students, the grader's environment
    snoop = (
        "import glob, os\n"
        "found = []\n"
        "for pattern in ['../*solutions*', '../../*solutions*', '../../../*solutions*',\n"
        "                '~/../../*solutions*/*', '**/*_solutions.ipynb', '../../*/*']:\n"
        "    for hit in glob.glob(os.path.expanduser(pattern), recursive=True):\n"
        "        if 'solutions' in hit:\n"
        "            found.append(hit)\n"
        f"found += [k for k, v in os.environ.items() if {SECRET!r} in v]\n"
        "try:\n"
        "    import solutions\n"
        "    found.append('import solutions')\n"
        "except ImportError:\n"
        "    pass\n"
        f"open('siblings-{MARK}.txt', 'w').write('\\n'.join(glob.glob('../../*')))\n"
        "q1_answer = '; '.join(found) if found else ..."
    )
    _write(
        folder, "14_snoop.ipynb", planted({k: v for k, v in right.items() if k != "q1"}, q1=snoop)
    )
    expect["14_snoop"] = {k: v for k, v in right.items() if k != "q1"}
    # patches the checks and prints a fake summary, with wrong answers
    wrong = {"q1": right["q1"] + 50, "q2": "A", "q3": right["q3"] + 50, "q4": MISSING}
    nb = planted(wrong)
    nb.cells[answer_cell(nb, "q1")].source = (
        "from retool.exercises import core\n"
        "core.NumberQuestion._judge = lambda self, a: core.Feedback(self.qid, "
        "core.Outcome.CORRECT, 'correct')\n"
        "q1.check = lambda *a: print('✔ q1: correct')\n" + nb.cells[answer_cell(nb, "q1")].source
    )
    nb.cells[-1].source = "print('q1: correct\\nq2: correct\\nq3: correct\\nq4: correct')"
    _write(folder, "15_cheat.ipynb", nb)
    expect["15_cheat"] = wrong
    # a foreign kernelspec and no retool metadata, in a sub-folder: still ex00 by its name
    nb = planted(right)
    nb.metadata["kernelspec"] = {"name": "no-such-kernel", "display_name": "x", "language": "x"}
    nb.metadata.pop("retool")
    (folder / "group").mkdir(exist_ok=True)
    _write(folder / "group", "00_renamed.ipynb", nb)
    expect["group/00_renamed"] = right
    # not notebooks at all
    text = SOLUTION.read_bytes()
    (folder / "16_truncated.ipynb").write_bytes(text[: len(text) // 2])
    (folder / "17_essay.pdf").write_bytes(b"%PDF-1.4\n\x00\xff\xfe binary")
    (folder / "18_json.ipynb").write_text('{"hello": "world"}', encoding="utf-8")
    (folder / "19_empty.ipynb").write_bytes(b"")
    for name in ("16_truncated", "17_essay", "18_json", "19_empty"):
        expect[name] = {}
    return expect


def digest(folder: Path) -> dict:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    base = tmp_path_factory.mktemp("grading")
    folder = base / "class"
    expect = build_class(folder)
    before = digest(folder)
    cwd = base / "cwd"
    cwd.mkdir()
    old_cwd = os.getcwd()
    os.environ["RETOOL_TEST_SECRET"] = SECRET
    os.chdir(cwd)
    start = time.monotonic()
    try:
        result = grading.grade_folder(
            folder,
            timeout=TIMEOUT,
            cell_timeout=CELL_TIMEOUT,
            jobs=3,
            scratch=base / "scratch",
            keep_scratch=True,
        )
    finally:
        os.chdir(old_cwd)
        os.environ.pop("RETOOL_TEST_SECRET", None)
    seconds = time.monotonic() - start
    print(f"{len(expect)} hostile submissions graded in {seconds:.1f} s")
    table = result.table().set_index("student")
    return dict(
        result=result,
        table=table,
        expect=expect,
        folder=folder,
        before=before,
        base=base,
        cwd=cwd,
        seconds=seconds,
    )


def test_every_file_gets_a_row(graded):
    table = graded["table"]
    assert sorted(table.index) == sorted(graded["expect"])
    assert list(table.columns[:2]) == ["file", "exercise"]
    assert [c for c in table.columns if re.fullmatch(r"q\d+", c)] == [q.qid for q in ex.QUESTIONS]
    assert set(table["exercise"]) == {"ex00_start"}


def test_scores_are_what_the_checks_give(graded):
    table = graded["table"]
    for student, values in graded["expect"].items():
        points = expected_points(values)
        got = {q: table.loc[student, q] for q in points}
        assert got == points, f"{student}: {table.loc[student, 'reasons']}"
        assert table.loc[student, "total"] == sum(points.values())
        assert table.loc[student, "max_points"] == sum(q.points for q in ex.QUESTIONS)


def test_the_right_notebook_gets_full_marks(graded):
    table = graded["table"]
    full = sum(q.points for q in ex.QUESTIONS)
    assert full > 0
    for student in ("01_right", "12_mega", "13_writes", "group/00_renamed"):
        assert table.loc[student, "total"] == full, table.loc[student, "reasons"]


def reasons(graded, student) -> str:
    return graded["table"].loc[student, "reasons"]


def test_reasons_name_each_question_that_could_not_be_graded(graded):
    assert reasons(graded, "01_right") == ""
    blank = reasons(graded, "02_blank")
    for q in ex.QUESTIONS:
        assert f"{q.qid}: not answered yet" in blank
    assert "q4: not answered yet" in reasons(graded, "03_partial")
    assert "q1" not in reasons(graded, "03_partial")  # graded (close), not 'could not grade'
    assert "q4: q4_answer is a object, which cannot be graded" in reasons(graded, "04_types")
    assert "q2: its cell ran out of time" in reasons(graded, "05_loop")
    assert "q3: its cell ran out of time" in reasons(graded, "06_sleep")
    assert "q2: its cell left the kernel stuck" in reasons(graded, "07_stubborn")
    assert "q2: its cell stopped the kernel" in reasons(graded, "08_crash")
    assert "q1: its cell raised ZeroDivisionError" in reasons(graded, "09_raises")
    assert "q3: no cell defines q3_answer" in reasons(graded, "10_deleted")
    assert "q1: its cell raised NameError" in reasons(graded, "11_reordered")
    assert "q1: not answered yet" in reasons(graded, "14_snoop")  # it found nothing to copy
    assert "not valid JSON" in reasons(graded, "16_truncated")
    assert "not a notebook" in reasons(graded, "17_essay")
    assert "without a list of cells" in reasons(graded, "18_json")
    assert "not valid JSON" in reasons(graded, "19_empty")


def test_close_answers_are_reported_with_the_mistake(graded):
    fb = graded["result"].feedback()
    row = fb[(fb.student == "03_partial") & (fb.question == "q1")].iloc[0]
    assert row.outcome == "close" and ex.q1.mistakes[0].name in row.feedback
    open_row = fb[(fb.student == "01_right") & (fb.question == "q4")].iloc[0]
    assert open_row.open_answer.startswith("No.")


def test_cheating_gains_nothing_and_is_flagged(graded):
    table = graded["table"]
    assert table.loc["15_cheat", "total"] == 0
    assert "replaces a check" in table.loc["15_cheat", "flags"]
    assert table.loc["01_right", "flags"] == ""


def test_submissions_are_never_changed(graded):
    assert digest(graded["folder"]) == graded["before"]


def test_writes_land_in_the_scratch_folder_only(graded):
    base, cwd = graded["base"], graded["cwd"]
    scratch = base / "scratch"
    hits = sorted(p.name for p in scratch.rglob(f"*{MARK}*"))
    assert any(h.startswith("cwd-") for h in hits), hits
    assert any(h.startswith("home-") for h in hits)
    assert any(h.startswith("tmp-") for h in hits)
    assert any(h.startswith("parent-") for h in hits)
    outside = [p for p in base.rglob(f"*{MARK}*") if scratch not in p.parents]
    assert outside == []
    assert list(cwd.iterdir()) == []
    assert not list(Path.home().glob(f"*{MARK}*"))
    assert not list(Path(os.environ.get("TMPDIR", "/tmp")).glob(f"*{MARK}*"))


def test_notebooks_cannot_list_the_other_scratch_folders(graded):
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("running as root: file permissions do not stop root (grade in a container)")
    (listing,) = (graded["base"] / "scratch").rglob(f"siblings-{MARK}.txt")
    assert listing.read_text() == ""


def test_background_processes_are_killed(graded):
    (pid_file,) = (graded["base"] / "scratch").rglob(f"child-{MARK}.pid")
    pid = int(pid_file.read_text())
    status = Path(f"/proc/{pid}/status")
    if status.exists():
        assert "zombie" in status.read_text() or "State:\tZ" in status.read_text()
    else:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_class_summary(graded):
    text = graded["result"].summary()
    assert "Exercise ex00_start" in text
    for q in ex.QUESTIONS:
        assert re.search(rf"^{q.qid}\b", text, re.MULTILINE)
    assert ex.q1.mistakes[0].name in text  # the most common mistake of q1


# --- the command line (its speed budget is measured in benchmarks/run.py, not here) -----------


def test_command_line_grades_thirty(tmp_path, capsys):
    folder = tmp_path / "class"
    folder.mkdir()
    right, blank = solution_nb(), exercise_nb()
    partial = planted({"q1": right_values()["q1"], "q2": "D", "q3": MISSING, "q4": MISSING})
    for i in range(10):
        nbformat.write(right, folder / f"s{i:02d}_right.ipynb")
        nbformat.write(blank, folder / f"s{i:02d}_blank.ipynb")
        nbformat.write(copy.deepcopy(partial), folder / f"s{i:02d}_partial.ipynb")
    out = tmp_path / "out" / "scores.csv"
    assert grading.main([str(folder), "--out", str(out), "--jobs", "2", "--quiet"]) == 0
    printed = capsys.readouterr().out
    assert "Exercise ex00_start: 30 submissions" in printed
    table = pd.read_csv(out)
    assert len(table) == 30
    full = sum(q.points for q in ex.QUESTIONS)
    partial_points = sum(expected_points({"q1": right_values()["q1"], "q2": "D"}).values())
    by_kind = table.groupby(table["student"].str.split("_").str[1])["total"].agg(set)
    assert by_kind.to_dict() == {"right": {full}, "blank": {0}, "partial": {partial_points}}
    assert (tmp_path / "out" / "scores_summary.txt").read_text(encoding="utf-8").strip()
    feedback = pd.read_csv(tmp_path / "out" / "scores_feedback.csv")
    assert len(feedback) == 30 * len(ex.QUESTIONS)


def test_command_line_errors(tmp_path, capsys):
    assert grading.main([str(tmp_path / "missing")]) == 2
    assert grading.main([str(tmp_path), "--close-credit", "2"]) == 2
    assert grading.main([str(tmp_path)]) == 2  # an empty folder
    assert "no files" in capsys.readouterr().err


def test_exercise_is_identified_from_metadata_then_name():
    known = grading.exercise_modules()
    assert grading.identify({"metadata": {"retool": {"exercise": "ex00_start"}}}, "x.ipynb", known)
    assert grading.identify({}, "00_anything.ipynb", known) == "ex00_start"
    assert grading.identify({}, "homework.ipynb", known) is None
    assert (
        grading.identify({"metadata": {"retool": {"exercise": "nope"}}}, "x.ipynb", known) is None
    )


def test_decode_round_trips_answer_types():
    import numpy as np

    enc = {
        "__kind__": "series",
        "index": [2005, 2006],
        "values": [1.5, {"__kind__": "float", "value": "nan"}],
        "name": "g",
    }
    s = grading.decode(enc)
    assert list(s.index) == [2005, 2006] and s.iloc[0] == 1.5 and np.isnan(s.iloc[1])
    assert grading.decode({"__kind__": "ellipsis"}) is Ellipsis
    assert grading.decode({"__kind__": "dict", "items": [[2005, 1.0]]}) == {2005: 1.0}
    assert grading.decode({"__kind__": "tuple", "items": [1, 2]}) == (1, 2)
    with pytest.raises(ValueError):
        grading.decode({"__kind__": "pickle"})
