"""Notebooks are committed as a learner should first see them.

Lessons and solutions: executed top to bottom from a fresh kernel (execution counts 1..n), with no
error output and no machine-specific path, each in sync with its Markdown text and holding content
only (``python -m retool notebooks``). Exercises: no outputs at all (generated from solutions).
nbval's instructions are cell tags, never lines a learner reads. A widget cell shows a still of
its default chart, never a Python repr.
"""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT

from retool import notebooks
from retool.still import QUIZ_HINT, RUN_HINT, hint_texts

EXECUTED = sorted((ROOT / "lessons").glob("*.ipynb")) + sorted((ROOT / "solutions").glob("*.ipynb"))
BLANK = sorted((ROOT / "exercises").glob("*.ipynb"))
ALL = EXECUTED + BLANK
# the Chinese edition's executed notebooks (its other hygiene is in tests/test_editions.py)
BOTH = EXECUTED + sorted((ROOT / "zh" / "lessons").glob("*.ipynb"))
BOTH += sorted((ROOT / "zh" / "solutions").glob("*.ipynb"))
MACHINE_PATH = re.compile(r"(/work/|/tmp/|/root/|/home/\w+|[A-Z]:\\\\Users)")
# what ipywidgets prints for a widget when no picture stands in for it
WIDGET_REPR = re.compile(
    r"^(VBox|HBox|Box|GridBox|Output|Tab|Accordion|\w+Slider|Dropdown|HTML)\(", re.MULTILINE
)


def _cells(nb_file):
    return json.loads(nb_file.read_text(encoding="utf-8"))["cells"]


def _ids(files):
    return [f.relative_to(ROOT).as_posix() for f in files]


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
def test_nbval_instructions_are_tags_not_lines_learners_read(nb_file):
    for c in _cells(nb_file):
        src = "".join(c["source"])
        assert "NBVAL_" not in src, f"an nbval marker in the cell's text: {src[:80]!r}"
        for tag in c.get("metadata", {}).get("tags", []):
            if tag.startswith("nbval") or tag == "raises-exception":
                assert tag in notebooks.NBVAL_TAGS, f"nbval does not read the tag {tag!r}"


@pytest.mark.parametrize("nb_file", BLANK, ids=_ids(BLANK))
def test_exercises_carry_no_nbval_tags(nb_file):
    # an exercise has no outputs, so a check-output tag would fail every learner's run
    for c in _cells(nb_file):
        assert not set(c.get("metadata", {}).get("tags", [])) & notebooks.NBVAL_TAGS


@pytest.mark.parametrize("nb_file", EXECUTED, ids=_ids(EXECUTED))
def test_notebook_and_its_text_are_in_sync_and_hold_content_only(nb_file):
    found = notebooks.pair_problems(nb_file, ROOT)
    assert not found, "; ".join(found) + ": run `python -m retool notebooks`"


@pytest.mark.parametrize("nb_file", BOTH, ids=_ids(BOTH))
def test_no_widget_state_timings_or_widget_views_are_committed(nb_file):
    nb = json.loads(nb_file.read_text(encoding="utf-8"))
    assert set(nb["metadata"]) <= set(notebooks.NOTEBOOK_METADATA), nb["metadata"].keys()
    assert "version" not in nb["metadata"].get("language_info", {})
    for c in nb["cells"]:
        assert not set(c["metadata"]) & set(notebooks.SESSION_METADATA), c["metadata"]
        for out in c.get("outputs", []):
            assert notebooks.WIDGET_VIEW not in out.get("data", {}), "a view of a lost model"


@pytest.mark.parametrize("nb_file", BOTH, ids=_ids(BOTH))
def test_widget_cells_show_a_still_not_a_python_repr(nb_file):
    for c in _cells(nb_file):
        for out in c.get("outputs", []):
            data = out.get("data", {})
            plain = "".join(data.get("text/plain", ""))
            assert not WIDGET_REPR.search(plain), f"a widget's repr is stored: {plain[:80]!r}"
            if plain in hint_texts(RUN_HINT):
                assert data.get("image/png"), "a widget cell without its picture"
            if plain in hint_texts(QUIZ_HINT):
                assert "<li>" in "".join(data.get("text/html", "")), "a quiz without its questions"


def test_every_explorer_cell_keeps_a_still():
    for nb_file in [f for f in BOTH if f.parent.name == "lessons"]:
        for c in _cells(nb_file):
            if c["cell_type"] == "code" and "explorer()" in "".join(c["source"]):
                plains = ["".join(o.get("data", {}).get("text/plain", "")) for o in c["outputs"]]
                found = hint_texts(RUN_HINT) & set(plains)
                assert found, f"{nb_file.relative_to(ROOT)}: {''.join(c['source'])[:60]!r}"


def test_every_lesson_of_the_course_map_exists():
    names = [f.name[:2] for f in sorted((ROOT / "lessons").glob("*.ipynb"))]
    assert names == [f"{i:02d}" for i in range(11)]


@pytest.mark.parametrize(
    "number", ["01", "02", "03", "04", "05", "08", "09"]
)  # the lessons that rebuild published numbers
def test_lessons_with_published_numbers_compare_them(number):
    (nb_file,) = (ROOT / "lessons").glob(f"{number}_*.ipynb")
    checked = [c for c in _cells(nb_file) if "nbval-check-output" in c["metadata"].get("tags", [])]
    assert checked, f"{nb_file.name} compares no rebuilt number with the paper"


def test_every_solution_has_its_exercise():
    sols = {f.name.replace("_solutions", "") for f in (ROOT / "solutions").glob("*.ipynb")}
    exs = {f.name.replace("_exercises", "") for f in (ROOT / "exercises").glob("*.ipynb")}
    assert sols == exs
    assert len(sols) >= 9


def test_output_text_reads_streams_and_plain_text_in_order():
    from nbformat.v4 import new_code_cell, new_output

    cell = new_code_cell("x")
    cell.outputs = [
        new_output("stream", name="stdout", text=["a\n", "b\n"]),
        new_output("display_data", data={"image/png": "...", "text/plain": "<Figure>"}),
        new_output("execute_result", data={"text/plain": ["1", "2"]}, execution_count=1),
    ]
    assert notebooks.output_text(cell) == "a\nb\n<Figure>12"
