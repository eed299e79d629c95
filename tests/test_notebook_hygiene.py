"""Notebooks are committed as a learner should first see them.

Lessons and solutions: executed top to bottom from a fresh kernel (execution counts 1..n), with no
error output and no machine-specific path. Exercises: no outputs at all (generated from solutions).
"""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT

EXECUTED = sorted((ROOT / "lessons").glob("*.ipynb")) + sorted((ROOT / "solutions").glob("*.ipynb"))
BLANK = sorted((ROOT / "exercises").glob("*.ipynb"))
ALL = EXECUTED + BLANK
MACHINE_PATH = re.compile(r"(/work/|/tmp/|/root/|/home/\w+|[A-Z]:\\\\Users)")


def _cells(nb_file):
    return json.loads(nb_file.read_text(encoding="utf-8"))["cells"]


def _ids(files):
    return [f"{f.parent.name}/{f.name}" for f in files]


@pytest.mark.parametrize("nb_file", EXECUTED, ids=_ids(EXECUTED))
def test_executed_in_order_without_errors(nb_file):
    code = [c for c in _cells(nb_file) if c["cell_type"] == "code"]
    counts = [c.get("execution_count") for c in code]
    assert counts == list(range(1, len(code) + 1)), "not run top to bottom from a fresh kernel"
    for c in code:
        for out in c.get("outputs", []):
            assert out["output_type"] != "error", f"stored error in: {''.join(c['source'])[:80]}"
            if out.get("name") == "stderr":
                pytest.fail(f"stored warning or stderr text: {''.join(out['text'])[:200]}")


@pytest.mark.parametrize("nb_file", BLANK, ids=_ids(BLANK))
def test_exercises_are_committed_without_outputs(nb_file):
    for c in _cells(nb_file):
        if c["cell_type"] == "code":
            assert c.get("outputs") == [] and c.get("execution_count") is None


@pytest.mark.parametrize("nb_file", ALL, ids=_ids(ALL))
def test_no_machine_paths(nb_file):
    text = nb_file.read_text(encoding="utf-8")
    assert not MACHINE_PATH.search(text), MACHINE_PATH.search(text).group()


@pytest.mark.parametrize("nb_file", ALL, ids=_ids(ALL))
def test_nbval_markers_stand_alone_on_the_first_line(nb_file):
    for c in _cells(nb_file):
        src = "".join(c["source"])
        for marker in ("NBVAL_CHECK_OUTPUT", "NBVAL_IGNORE_OUTPUT", "NBVAL_SKIP"):
            if marker in src:
                assert src.splitlines()[0].strip() == f"# {marker}", src[:80]


def test_every_lesson_of_the_course_map_exists():
    names = [f.name[:2] for f in sorted((ROOT / "lessons").glob("*.ipynb"))]
    assert names == [f"{i:02d}" for i in range(11)]


@pytest.mark.parametrize(
    "number", ["01", "02", "03", "04", "05", "08", "09"]
)  # the lessons that rebuild published numbers
def test_lessons_with_published_numbers_compare_them(number):
    (nb_file,) = (ROOT / "lessons").glob(f"{number}_*.ipynb")
    checked = [c for c in _cells(nb_file) if "# NBVAL_CHECK_OUTPUT" in "".join(c["source"])]
    assert checked, f"{nb_file.name} compares no rebuilt number with the paper"


def test_every_solution_has_its_exercise():
    sols = {f.name.replace("_solutions", "") for f in (ROOT / "solutions").glob("*.ipynb")}
    exs = {f.name.replace("_exercises", "") for f in (ROOT / "exercises").glob("*.ipynb")}
    assert sols == exs
    assert len(sols) >= 9
