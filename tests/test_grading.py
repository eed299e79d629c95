"""Grading a class: made-up submissions built from the real ex00 notebooks, graded as a class,
each in its own sandbox.

Each submission plants known answers (or none). The expected points are what the exercise's own
``check`` gives those answers in this process, never typed in. Each hostile submission answers
honestly where it says so, and assigns the right answers only if its attack worked; it must score
exactly what its honest answers earn. The class folder must be byte for byte unchanged, nothing
may be written outside the scratch folder, and no process of a sandbox may outlive grading.

The whole class is graded once (module fixture). Limits are far above what honest cells need;
only cells that loop for ever reach them.
"""

from __future__ import annotations

import copy
import hashlib
import os
import re
import socket
import time
import uuid
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from conftest import ROOT

from retool import grading
from retool.exercises import core, generate
from retool.exercises import ex00_start as ex
from retool.grading import probe, report, runner, sandbox

pytestmark = pytest.mark.skipif(
    sandbox.unavailable_reason() is not None,
    reason=f"no sandbox here: {sandbox.unavailable_reason()} (CI installs bubblewrap)",
)

SOLUTION = ROOT / "solutions" / "00_start_here_solutions.ipynb"
MISSING = object()  # the answer is never assigned
SECRET = f"retool-secret-{uuid.uuid4().hex}"
MARK = uuid.uuid4().hex[:10]
TIMEOUT, CELL_TIMEOUT, MEMORY_MB = 300, 10, 1024


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


def gated(attack: str) -> str:
    """An attack that leaves evidence in ``found``; the right answers only if it found any."""
    right = right_values()
    return (
        "found = []\n"
        f"{attack}\n"
        "if found:\n"
        f"    q1_answer, q2_answer, q3_answer = {right['q1']!r}, {right['q2']!r}, {right['q3']!r}\n"
        "q4_answer = 'evidence: ' + repr(found)[:1500]"
    )


def hostile(attack: str, honest: dict | None = None) -> nbformat.NotebookNode:
    """The attack in q1's cell; ``honest`` answers planted in the other cells."""
    honest = honest or {}
    nb = exercise_nb()
    for qid in ("q2", "q3", "q4"):  # the gated assignments must not be undone by placeholders
        plant(nb, qid, f"{qid}_answer = {honest[qid]!r}" if qid in honest else "pass")
    return plant(nb, "q1", gated(attack))


# --- the attacks (each names what it tried in ``found`` when it worked) ----------------------

SNOOP = """
import os, sys
own = os.path.basename({own!r})
skip = ('/proc', '/sys', '/dev', '/usr', sys.prefix, sys.base_prefix)
for top, dirs, files in os.walk('/'):
    if top.startswith(skip) or '/site-packages' in top or '/lib/python' in top:
        dirs[:] = []
        continue
    found += [os.path.join(top, f) for f in files if f.endswith('.ipynb') and f != own]
for path in ({klass!r}, {root!r} + '/solutions'):
    try:
        found += os.listdir(path)
    except OSError:
        pass
"""

PEEK = """
import os
if any({secret!r} in v for v in os.environ.values()):
    found.append('environment')
for pid in [p for p in os.listdir('/proc') if p.isdigit()]:
    for what in ('cmdline', 'environ'):
        try:
            text = open(f'/proc/{{pid}}/{{what}}', 'rb').read().decode('utf-8', 'replace')
        except OSError:
            continue
        if {secret!r} in text or {klass!r} in text or 'pytest' in text:
            found.append(f'/proc/{{pid}}/{{what}}')
"""

WRITES = """
import os
targets = [{klass!r} + '/w-{mark}.ipynb', {klass!r} + '/01_right.ipynb', {out!r} + '/w-{mark}',
           {base!r} + '/w-{mark}', {root!r} + '/w-{mark}', {home!r} + '/w-{mark}',
           '/var/tmp/w-{mark}', os.path.abspath({own!r})]
for line in open('/proc/self/mounts'):
    kind, point = line.split()[2], line.split()[1]
    if kind not in ('tmpfs', 'proc', 'devtmpfs', 'mqueue', 'devpts'):
        targets.append(point + '/w-{mark}')
for target in targets:
    try:
        with open(target, 'a') as f:
            f.write('x')
        found.append(target)
    except OSError:
        pass
for private in ('~/w-{mark}', '/tmp/w-{mark}', '/dev/shm/w-{mark}', '../w-{mark}'):
    try:
        open(os.path.expanduser(private), 'w').write('x')
    except OSError:
        pass
"""

DETACH = """
import os, sys
waiter = '''
import time
# {mark}
for _ in range(1200):
    try:
        open({scores!r}, 'w').write('student,total\\\\nme,999\\\\n')
    except OSError:
        pass
    time.sleep(0.25)
'''
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        os.execv(sys.executable, [sys.executable, '-c', waiter])
    os._exit(0)
os.wait()
"""

NETWORK = """
import socket
for host in ('127.0.0.1', {host_ip!r}, '1.1.1.1', 'pypi.org'):
    try:
        socket.create_connection((host, {port}), timeout=2).close()
        found.append(host)
    except OSError:
        pass
"""

FORKS = """
import os, time
kids = 0
try:
    for _ in range(3000):
        if os.fork() == 0:
            try:
                os.fork()
            except OSError:
                pass
            time.sleep(3600)
            os._exit(0)
        kids += 1
except OSError:
    pass
if kids >= 2000:
    found.append(f'{{kids}} processes')
"""

MEMORY = """
try:
    huge = bytearray(16 * 2**30)
    found.append('16 GiB at once')
    del huge
except MemoryError:
    pass
hog = []
try:
    while len(hog) < 64:
        hog.append(bytearray(64 * 2**20))
    found.append('4 GiB in steps')
except MemoryError:
    pass
del hog
"""

DISK = """
import os
chunk = b'x' * 2**20
total = 0
for folder in (os.path.expanduser('~'), '/tmp', '/dev/shm'):
    for i in range(4000):
        try:
            with open(f'{{folder}}/fill-{mark}-{{i}}', 'wb') as f:
                for _ in range(8):
                    f.write(chunk)
                    total += len(chunk)
        except OSError:
            break
try:
    with open('/tmp/one-{mark}', 'wb') as f:
        for _ in range(100):
            f.write(chunk)
    found.append('a 100 MB file')
except OSError:
    pass
if total > 2 * 2**30:
    found.append(f'{{total}} bytes')
"""

FORGE = """
import json, runpy
fake = json.dumps({{
    'q1_answer': {{'value': {{'__kind__': 'pickle', 'data': 'gASV'}}}},
    'q2_answer': {{'value': 'correct'}},
    'q3_answer': {{'value': {{'__kind__': 'float', 'value': 'inf'}}}},
    'q9_answer': {{'value': 1}},
}})
runpy.run_path = lambda *a, **k: {{'answers': lambda *a, **k: fake}}
open('answers.json', 'w').write(fake)
print(fake)
print('q1: correct\\nq2: correct\\nq3: correct')
"""


def host_ip() -> str:
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("10.255.255.255", 1))
            return s.getsockname()[0]
    except OSError:
        return "127.0.0.2"


def build_class(folder: Path, where: dict) -> dict:
    """Write the made-up class; returns {student: honest answer values}."""
    right, expect = right_values(), {}
    folder.mkdir(parents=True, exist_ok=True)

    def put(name, nb, values, sub=""):
        nbformat.write(nb, folder / sub / f"{name}.ipynb")
        expect[f"{sub}{name}"] = values

    nbformat.write(solution_nb(), folder / "01_right.ipynb")
    expect["01_right"] = right
    put("02_blank", exercise_nb(), {})
    partial = {"q1": ex.q1.mistakes[0].value(), "q2": "C", "q3": right["q3"], "q4": MISSING}
    put("03_partial", planted(partial), partial)
    types = planted(
        {"q2": right["q2"], "q4": MISSING},
        q1="import numpy as np\nq1_answer = np.float64(rebuild.table1_growth(2005, 2006)"
        "['renovation'])",
        q3="import pandas as pd\nq3_answer = pd.Series([rebuild.table1_growth()['renovation']])",
        q4="q4_answer = object()",
    )
    put("04_types", types, {**right, "q3": pd.Series([right["q3"]]), "q4": MISSING})
    rest = {k: v for k, v in right.items() if k != "q2"}
    # a loop that never ends and still answers an interrupt; it sleeps, so that the seconds it
    # waits for its cell limit cost no CPU (a busy loop is interrupted the same way)
    loop = "import time\nwhile True:\n    time.sleep(0.05)"
    put("05_loop", planted(rest, q2=loop), rest)
    stubborn = (
        "import signal, time\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\n"
        "while True:\n    time.sleep(0.01)"
    )
    put("06_stubborn", planted(rest, q2=stubborn), rest)
    crash = f"q2_answer = {right['q2']!r}\nimport os\nos._exit(1)"
    put("07_crash", planted(rest, q2=crash), rest)
    # q1's cell raises; q3's question and answer cells are deleted
    nb = planted({k: v for k, v in right.items() if k != "q1"}, q1="q1_answer = 1 / 0")
    idx = answer_cell(nb, "q3")
    del nb.cells[idx - 1 : idx + 1]
    put("08_raises_deleted", nb, {"q2": right["q2"], "q4": right["q4"]})
    wrong = {"q1": right["q1"] + 50, "q2": "A", "q3": right["q3"] + 50, "q4": MISSING}
    nb = planted(wrong)
    nb.cells[answer_cell(nb, "q1")].source = (
        "from retool.exercises import core\n"
        "core.NumberQuestion._judge = lambda self, a: core.Feedback(self.qid, "
        "core.Outcome.CORRECT, 'correct')\n"
        "q1.check = lambda *a: print('✔ q1: correct')\n" + nb.cells[answer_cell(nb, "q1")].source
    )
    nb.cells[-1].source = "print('q1: correct\\nq2: correct\\nq3: correct\\nq4: correct')"
    put("11_cheat", nb, wrong)
    # a kernelspec this machine lacks and no retool metadata, in a sub-folder: ex00 by its name
    nb = planted(right)
    nb.metadata["kernelspec"] = {
        "name": "no-such-kernel",
        "display_name": "x",
        "language": "python",
    }
    nb.metadata.pop("retool")
    (folder / "group").mkdir(exist_ok=True)
    put("00_renamed", nb, right, sub="group/")
    # nbformat 3 (an old Jupyter's file) printing megabytes; a notebook for the R kernel
    mega = f"q4_answer = {right['q4']!r}\nfor _ in range(20):\n    print('x' * 1_000_000)"
    nb = nbformat.convert(planted(right, q4=mega), 3)
    (folder / "12_v3_mega.ipynb").write_text(nbformat.writes(nb))
    expect["12_v3_mega"] = right
    nb = planted(right)
    nb.metadata["kernelspec"] = {"name": "ir", "display_name": "R", "language": "R"}
    put("13_rlang", nb, {})
    text = SOLUTION.read_bytes()
    (folder / "14_truncated.ipynb").write_bytes(text[: len(text) // 2])
    (folder / "15_essay.pdf").write_bytes(b"%PDF-1.4\n\x00\xff\xfe binary")
    (folder / "16_json.ipynb").write_text('{"hello": "world"}', encoding="utf-8")
    (folder / "17_empty.ipynb").write_bytes(b"")
    for name in ("14_truncated", "15_essay", "16_json", "17_empty"):
        expect[name] = {}
    # the attacks
    honest_q2 = {"q2": right["q2"]}
    attacks = {  # one notebook per kind of harm: reading, writing, the network, resources
        "30_snoop": (SNOOP + PEEK, {}),
        "31_writes": (WRITES + DETACH, honest_q2),
        "32_network": (NETWORK, {}),
        "33_resources": (FORKS + MEMORY + DISK, honest_q2),
        "34_forge": (FORGE, {}),
    }
    # pulls the answers out of the library's question objects, however it spells it
    key = planted(
        {"q4": MISSING},
        q1="q1_answer = getattr(q1, 'exp' + 'ected')()",
        q2="q2_answer = vars(q2)['cor' + 'rect']",
        q3="q3_answer = q3.__dict__['expected']()",
    )
    put("35_keyhunt", key, {})
    for name, (attack, honest) in attacks.items():
        code = attack.format(own=f"{name}.ipynb", **where)
        put(name, hostile(code, honest), honest)
    return expect


def digest(folder: Path) -> dict:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def processes_with(text: str) -> list[int]:
    found = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/cmdline", "rb") as f:
                    if text.encode() in f.read():
                        found.append(int(entry.name))
            except OSError:
                pass
    return [p for p in found if p != os.getpid()]


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    base = tmp_path_factory.mktemp("grading")
    folder, out = base / "class", base / "out"
    out.mkdir()
    listener = socket.socket()
    listener.bind(("0.0.0.0", 0))
    listener.listen(8)
    listener.setblocking(False)
    where = {
        "klass": str(folder),
        "root": str(ROOT),
        "out": str(out),
        "base": str(base),
        "home": str(Path.home()),
        "secret": SECRET,
        "mark": MARK,
        "scores": str(out / "scores.csv"),
        "port": listener.getsockname()[1],
        "host_ip": host_ip(),
    }
    expect = build_class(folder, where)
    before = digest(folder)
    os.environ["RETOOL_TEST_SECRET"] = SECRET
    try:
        result = grading.grade_folder(
            folder,
            timeout=TIMEOUT,
            cell_timeout=CELL_TIMEOUT,
            memory_mb=MEMORY_MB,
            # three at a time: the two looping submissions mostly sleep until their cell limit
            jobs=3,
            scratch=base / "scratch",
        )
    finally:
        os.environ.pop("RETOOL_TEST_SECRET", None)
    # what a process left behind would need a moment to do
    alive = processes_with(MARK)
    written = grading.write_result(result, out / "scores.csv")
    time.sleep(1.0)
    try:
        connection = listener.accept()
        connection[0].close()
    except BlockingIOError:
        connection = None
    listener.close()
    return dict(
        result=result,
        table=result.table().set_index("student"),
        feedback=result.feedback(),
        expect=expect,
        folder=folder,
        before=before,
        base=base,
        out=out,
        written=written,
        alive=alive,
        connection=connection,
    )


def reasons(graded, student) -> str:
    return graded["table"].loc[student, "reasons"]


def open_answer(graded, student, qid="q4") -> str:
    fb = graded["feedback"]
    return fb[(fb.student == student) & (fb.question == qid)].iloc[0].open_answer


def test_every_file_gets_a_row(graded):
    table = graded["table"]
    assert sorted(table.index) == sorted(graded["expect"])
    assert [c for c in table.columns if re.fullmatch(r"q\d+", c)] == [q.qid for q in ex.QUESTIONS]
    assert set(table["exercise"]) == {"ex00_start"}


def test_scores_are_what_the_honest_answers_earn(graded):
    table = graded["table"]
    for student, values in graded["expect"].items():
        points = expected_points(values)
        got = {q: table.loc[student, q] for q in points}
        assert got == points, f"{student}: {table.loc[student, 'reasons']}"
        assert table.loc[student, "total"] == sum(points.values())


def test_the_right_notebooks_get_full_marks(graded):
    table = graded["table"]
    full = sum(q.points for q in ex.QUESTIONS)
    for student in ("01_right", "group/00_renamed", "12_v3_mega"):
        assert table.loc[student, "total"] == full, table.loc[student, "reasons"]


@pytest.mark.parametrize("student", ["30_snoop", "31_writes", "32_network", "33_resources"])
def test_attacks_find_nothing(graded, student):
    # reading others or the grader; writing outside; the network; forks, memory and disk
    assert open_answer(graded, student) == "evidence: []"


def test_reasons_name_each_question_that_could_not_be_graded(graded):
    assert reasons(graded, "01_right") == ""
    for q in ex.QUESTIONS:
        assert f"{q.qid}: not answered yet" in reasons(graded, "02_blank")
    assert "q1" not in reasons(graded, "03_partial")  # graded (close), not 'could not grade'
    assert "q4: q4_answer is a object, which cannot be graded" in reasons(graded, "04_types")
    assert "q2: its cell ran out of time" in reasons(graded, "05_loop")
    assert "q2: its cell left the kernel stuck" in reasons(graded, "06_stubborn")
    assert "q2: its cell stopped the kernel" in reasons(graded, "07_crash")
    assert "q1: its cell raised ZeroDivisionError" in reasons(graded, "08_raises_deleted")
    assert "q3: no cell defines q3_answer" in reasons(graded, "08_raises_deleted")
    assert "not valid JSON" in reasons(graded, "14_truncated")
    assert "not a notebook" in reasons(graded, "15_essay")
    assert "without a list of cells" in reasons(graded, "16_json")
    assert "not valid JSON" in reasons(graded, "17_empty")


def test_another_language_is_said_once(graded):
    text = reasons(graded, "13_rlang")
    assert text.count("R kernel") == 1, text
    assert "q1:" not in text


def test_forged_replies_earn_nothing(graded):
    fb = graded["feedback"]
    rows = fb[fb.student == "34_forge"].set_index("question")
    assert (rows.points == 0).all()
    assert "could not be read back" in rows.loc["q1", "feedback"]
    assert rows.loc["q2", "outcome"] != "correct"


def test_close_answers_carry_the_named_mistake(graded):
    fb = graded["feedback"]
    row = fb[(fb.student == "03_partial") & (fb.question == "q1")].iloc[0]
    assert row.outcome == "close" and row.mistake == ex.q1.mistakes[0].name
    assert open_answer(graded, "08_raises_deleted") == right_values()["q4"]
    # the worked solution answers q4 with q4.model_answer(): while graded, no question gives its
    # model answer, so submitting the solutions copies no model answer into the report
    assert open_answer(graded, "01_right") == str(core.WITHHELD)


def test_cheating_gains_nothing_and_is_flagged(graded):
    table = graded["table"]
    assert table.loc["35_keyhunt", "total"] == 0
    assert "getattr" in table.loc["35_keyhunt", "flags"]
    assert table.loc["11_cheat", "total"] == 0
    assert "replaces a check" in table.loc["11_cheat", "flags"]
    assert table.loc["01_right", "flags"] == ""


def test_the_class_folder_is_byte_identical(graded):
    assert digest(graded["folder"]) == graded["before"]


def test_nothing_is_written_outside_the_scratch_folder(graded):
    scratch = graded["base"] / "scratch"
    places = [graded["base"], ROOT, Path.home(), Path("/tmp"), Path("/var/tmp"), Path("/dev/shm")]
    for place in places:
        pattern = "**/*" if place == graded["base"] else "*"
        hits = [p for p in place.glob(f"{pattern}{MARK}*") if scratch not in p.parents]
        assert hits == [], hits
    assert not scratch.exists() or not list(scratch.iterdir())  # scratch removed afterwards


def test_no_process_outlives_grading(graded):
    assert graded["alive"] == []
    assert processes_with(MARK) == []
    uids = {r.uid for r in graded["result"].rows if r.uid is not None}
    if sandbox.as_root():
        assert len(uids) >= 15  # one own user id per kernel-running submission
        assert all(sandbox.processes_of(uid) == [] for uid in uids)
    assert all(not r.survivors for r in graded["result"].rows)


def test_the_score_table_is_what_the_grader_wrote(graded):
    written = pd.read_csv(graded["written"]["scores"])
    assert sorted(written["student"]) == sorted(graded["expect"])
    assert "999" not in graded["written"]["scores"].read_text(encoding="utf-8")


def test_nothing_reached_the_network(graded):
    assert graded["connection"] is None


def test_class_summary_and_items(graded):
    text = graded["result"].summary()
    assert "Exercise ex00_start" in text
    for q in ex.QUESTIONS:
        assert re.search(rf"^{q.qid}\b", text, re.MULTILINE)
    assert ex.q1.mistakes[0].name in text
    items = graded["result"].items().set_index("question")
    table = graded["table"]
    graded_rows = table[table.exercise == "ex00_start"]
    assert items.loc["q1", "submissions"] == len(graded_rows)
    share = (graded_rows["q1"] == ex.q1.points).mean()
    assert items.loc["q1", "share_correct"] == pytest.approx(share, abs=1e-3)
    assert items.loc["q1", "most_common_mistake"] == ex.q1.mistakes[0].name
    assert not items["nobody_reached"].any()


def test_feedback_files_one_per_submission(graded):
    folder = graded["written"]["feedback_files"]
    files = sorted(p.name for p in folder.glob("*.html"))
    assert len(files) == len(graded["expect"])
    page = (folder / "03_partial.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "03_partial" in page
    assert ex.q1.mistakes[0].name in page
    assert "q4: 0 points (not answered yet)" in page
    assert (folder / "group__00_renamed.html").exists()


# --- the command line: roster, gradebook, refusal without a sandbox ----------------------------


@pytest.fixture(scope="module")
def small_class(tmp_path_factory):
    base = tmp_path_factory.mktemp("cli")
    folder = base / "class"
    folder.mkdir()
    nbformat.write(solution_nb(), folder / "alice.ipynb")
    nbformat.write(exercise_nb(), folder / "bob.ipynb")
    partial = planted({"q1": right_values()["q1"], "q2": "D", "q3": MISSING, "q4": MISSING})
    nbformat.write(copy.deepcopy(partial), folder / "carol.ipynb")
    roster = base / "roster.csv"
    roster.write_text(
        "Student,ID,SIS User ID,SIS Login ID,Section\n"
        "    Points Possible,,,,\n"
        '"Smith, Alice",101,S1,alice,A\n'
        '"Jones, Bob",102,S2,BOB,A\n'
        '"Wu, Carol",103,carol,cw,B\n'
        '"Li, Dan",104,S4,dan,B\n',
        encoding="utf-8",
    )
    return base, folder, roster


def test_command_line_writes_everything(small_class, capsys):
    base, folder, roster = small_class
    out = base / "out" / "scores.csv"
    argv = [str(folder), "--out", str(out), "--roster", str(roster), "--assignment", "Ex 00"]
    assert grading.main(argv + ["--quiet"]) == 0
    printed = capsys.readouterr().out
    assert "Exercise ex00_start: 3 submissions" in printed
    assert "no submission from Li, Dan" in printed
    table = pd.read_csv(out).set_index("student")
    full = sum(q.points for q in ex.QUESTIONS)
    partial = sum(expected_points({"q1": right_values()["q1"], "q2": "D"}).values())
    assert table["total"].to_dict() == {"alice": full, "bob": 0, "carol": partial}
    book = pd.read_csv(base / "out" / "scores_gradebook.csv", dtype=str, keep_default_na=False)
    assert list(book.columns) == [
        "Student",
        "ID",
        "SIS User ID",
        "SIS Login ID",
        "Section",
        "Ex 00",
    ]
    assert book.iloc[0]["Student"].strip() == "Points Possible"
    assert book.iloc[0]["Ex 00"] == str(report.num(full))
    scores = dict(zip(book["Student"][1:], book["Ex 00"][1:]))
    assert scores == {
        "Smith, Alice": str(report.num(full)),
        "Jones, Bob": "0",
        "Wu, Carol": str(report.num(partial)),
        "Li, Dan": "",
    }
    assert len(list((base / "out" / "scores_feedback").glob("*.html"))) == 3
    items = pd.read_csv(base / "out" / "scores_items.csv")
    assert list(items["question"]) == [q.qid for q in ex.QUESTIONS]


def test_command_line_errors(tmp_path, capsys):
    assert grading.main([str(tmp_path / "missing")]) == 2
    assert grading.main([str(tmp_path), "--close-credit", "2"]) == 2
    assert grading.main([str(tmp_path)]) == 2  # an empty folder
    assert "no files" in capsys.readouterr().err


def test_without_a_sandbox_the_grader_refuses_unless_told(tmp_path, capsys, monkeypatch):
    (tmp_path / "00_essay.pdf").write_bytes(b"%PDF")
    monkeypatch.setattr(sandbox, "_REASON", ["bubblewrap (the bwrap command) is not installed"])
    assert grading.main([str(tmp_path), "--out", str(tmp_path / "o" / "s.csv")]) == 3
    err = capsys.readouterr().err
    assert "apt-get install bubblewrap" in err and "--unsafe-no-sandbox" in err
    assert not (tmp_path / "o").exists()
    argv = [str(tmp_path), "--out", str(tmp_path / "o" / "s.csv"), "--unsafe-no-sandbox", "--quiet"]
    assert grading.main(argv) == 0
    assert "without a sandbox" in capsys.readouterr().out


# --- the parts, without kernels ----------------------------------------------------------------


def test_exercise_is_identified_from_metadata_then_name():
    known = grading.exercise_modules()
    assert grading.identify({"metadata": {"retool": {"exercise": "ex00_start"}}}, "x.ipynb", known)
    assert grading.identify({}, "00_anything.ipynb", known) == "ex00_start"
    assert grading.identify({}, "homework.ipynb", known) is None
    assert (
        grading.identify({"metadata": {"retool": {"exercise": "nope"}}}, "x.ipynb", known) is None
    )


def test_probe_round_trips_answer_types():
    import numpy as np

    ns = {
        "a_answer": np.float64(1.5),
        "b_answer": pd.Series([1.0, float("nan")], index=[2005, 2006], name="g"),
        "c_answer": {2005: (1, 2)},
        "d_answer": ...,
        "e_answer": object(),
    }
    text = probe.answers(list(ns) + ["missing_answer"], ns=ns)
    got = {k: v for k, v in __import__("json").loads(text).items()}
    assert set(got) == set(ns)
    assert grading.decode(got["a_answer"]["value"]) == 1.5
    s = grading.decode(got["b_answer"]["value"])
    assert list(s.index) == [2005, 2006] and s.iloc[0] == 1.0 and np.isnan(s.iloc[1])
    assert grading.decode(got["c_answer"]["value"]) == {2005: (1, 2)}
    assert grading.decode(got["d_answer"]["value"]) is Ellipsis
    assert got["e_answer"] == {"error": "a object"}
    with pytest.raises(ValueError):
        grading.decode({"__kind__": "pickle"})


def test_probe_replies_are_read_safely():
    def reply(text):
        return {"user_expressions": {"answers": {"status": "ok", "data": {"text/plain": text}}}}

    good = repr('{"q1_answer": {"value": 1}, "bad": 3}')
    assert runner.parse_reply(reply(good)) == {"q1_answer": {"value": 1}}
    for forged in ("__import__('os')", "[1, 2]", repr("[1]"), "'{", "1" * 10):
        assert runner.parse_reply(reply(forged)) is None
    assert runner.parse_reply({"user_expressions": {}}) is None


def test_flags_never_fire_on_what_the_notebook_invites():
    def nb(code):
        return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])

    invited = "q1.hint()\nq1.solution()\nq1.check(q1_answer)\nq2.show()\nsummary(q1, q2)"
    assert grading.flags(nb(invited)) == ""
    assert "getattr" in grading.flags(nb("x = getattr(q1, 'exp' + 'ected')()"))
    assert "answer key" in grading.flags(nb("q2_answer = q2.correct"))
    assert "replaces a check" in grading.flags(nb("q1.check = print"))
