"""Exercise notebooks are generated from the solutions, never drift from them, run unanswered."""

from __future__ import annotations

import copy
import importlib
import json
import shutil
import subprocess
import sys

import nbformat
import pytest
from conftest import ROOT
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from retool import kernels, notebooks
from retool.exercises import generate

# both editions: the Chinese one (zh/solutions -> zh/exercises) is made and run alike
SOLUTIONS = generate.solution_files(ROOT) + generate.solution_files(ROOT, generate.EDITION)
IDS = [f.relative_to(ROOT).as_posix() for f in SOLUTIONS]


def _exercise_file(solution):
    return solution.parent.parent / "exercises" / generate.exercise_name(solution)


def _edition(solution) -> str:
    return generate.edition_of(solution)


def _module(nb):
    name = nb.metadata["retool"]["exercise"]
    return importlib.import_module(f"retool.exercises.{name}")


def _summary_lines(cell) -> list[str]:
    return notebooks.output_text(cell).strip().splitlines()


# --- the committed exercises match their solutions ---------------------------------------------


def test_there_are_solutions():
    assert any(f.name.startswith("00_") for f in SOLUTIONS)


@pytest.mark.parametrize("solution", SOLUTIONS, ids=IDS)
def test_exercise_notebook_is_up_to_date(solution):
    target = _exercise_file(solution)
    assert target.exists(), f"run `python -m retool make-exercises`: {target.name} is missing"
    assert target.read_text(encoding="utf-8") == generate.render(solution), (
        f"{target.relative_to(ROOT)} differs from {solution.relative_to(ROOT)}: "
        "run `python -m retool make-exercises`"
    )


def test_check_mode_passes_on_the_repository(capsys):
    assert generate.main(["--check"]) == 0, capsys.readouterr().err


def test_check_mode_names_stale_missing_and_orphaned_files(tmp_path, capsys):
    (tmp_path / "solutions").mkdir()
    (tmp_path / "exercises").mkdir()
    sol = ROOT / "solutions" / "00_start_here_solutions.ipynb"
    shutil.copy(sol, tmp_path / "solutions" / sol.name)
    assert generate.main(["--check", "--root", str(tmp_path)]) == 1
    assert "00_start_here_exercises.ipynb is missing" in capsys.readouterr().err
    assert generate.main(["--root", str(tmp_path)]) == 0
    assert generate.main(["--check", "--root", str(tmp_path)]) == 0
    written = (tmp_path / "exercises" / "00_start_here_exercises.ipynb").read_bytes()
    assert generate.write_all(tmp_path) == []  # a second run changes nothing
    assert (tmp_path / "exercises" / "00_start_here_exercises.ipynb").read_bytes() == written
    # a changed solution makes the exercise stale
    nb = nbformat.read(tmp_path / "solutions" / sol.name, as_version=4)
    nb.cells[0].source += "\n\nOne more sentence."
    nbformat.write(nb, tmp_path / "solutions" / sol.name)
    (tmp_path / "exercises" / "99_orphan_exercises.ipynb").write_text("{}")
    capsys.readouterr()
    assert generate.main(["--check", "--root", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "00_start_here_exercises.ipynb differs" in err and "99_orphan" in err


@pytest.mark.parametrize("solution", SOLUTIONS, ids=IDS)
def test_generation_is_deterministic_and_leaves_the_solution_alone(solution):
    before = solution.read_bytes()
    assert generate.render(solution) == generate.render(solution)
    assert solution.read_bytes() == before


# --- the transformation ------------------------------------------------------------------------


def test_solution_code_becomes_placeholders():
    src = (
        "# NBVAL_CHECK_OUTPUT\n"
        "x = 1\n"
        "# BEGIN SOLUTION\n"
        "t = data.table1_wide()\n"
        "q1_answer = t.loc[2006, 'renovation']\n"
        "q2_answer: float = 3\n"
        "q1_answer += 0\n"
        "# END SOLUTION\n"
        "q1.check(q1_answer)"
    )
    assert generate.strip_code(src) == (
        "x = 1\nq1_answer = ...  # your answer here\nq2_answer = ...  # your answer here\n"
        "q1.check(q1_answer)"
    )


def test_indented_and_repeated_blocks():
    src = (
        "if True:\n"
        "    # BEGIN SOLUTION\n"
        "    q3_answer = 'B'\n"
        "    # END SOLUTION\n"
        "# BEGIN SOLUTION\n"
        "helper = 2\n"
        "# END SOLUTION\n"
        "print(q3_answer)"
    )
    assert generate.strip_code(src) == (
        "if True:\n    q3_answer = ...  # your answer here\n# your code here\nprint(q3_answer)"
    )


@pytest.mark.parametrize(
    "src",
    [
        "# BEGIN SOLUTION\nq1_answer = 1\n",
        "q1_answer = 1\n# END SOLUTION\n",
        "# BEGIN SOLUTION\n# BEGIN SOLUTION\nq1_answer = 1\n# END SOLUTION\n",
    ],
)
def test_unpaired_markers_are_an_error(src):
    with pytest.raises(generate.SolutionMarkupError):
        generate.strip_code(src, "x.ipynb, cell 3")


def test_the_chinese_edition_is_made_alike(tmp_path, capsys):
    """zh/solutions gives zh/exercises: the same code, the prompt in Chinese; --check names a
    stale Chinese exercise."""
    for edition in ("", generate.EDITION):
        (tmp_path / edition / "solutions").mkdir(parents=True, exist_ok=True)
        sol = ROOT / "solutions" / "00_start_here_solutions.ipynb"
        shutil.copy(sol, tmp_path / edition / "solutions" / sol.name)
    assert generate.main(["--root", str(tmp_path)]) == 0
    english = nbformat.read(tmp_path / "exercises" / "00_start_here_exercises.ipynb", 4)
    chinese = nbformat.read(tmp_path / "zh" / "exercises" / "00_start_here_exercises.ipynb", 4)
    assert [c.source for c in chinese.cells if c.cell_type == "code"] == [
        c.source for c in english.cells if c.cell_type == "code"
    ]
    prompt = generate.PROMPTS[generate.EDITION]
    assert any(prompt in c.source for c in chinese.cells)
    assert not any(generate.MARKDOWN_PROMPT in c.source for c in chinese.cells)
    assert chinese.metadata["retool"]["generated_from"].startswith("zh/solutions/")
    (tmp_path / "zh" / "exercises" / "00_start_here_exercises.ipynb").write_text("{}")
    capsys.readouterr()
    assert generate.main(["--check", "--root", str(tmp_path)]) == 1
    assert "zh/exercises/00_start_here_exercises.ipynb differs" in capsys.readouterr().err


def test_markdown_solution_becomes_a_prompt():
    src = "Intro\n<!-- BEGIN SOLUTION -->\n**Why.** Because.\n<!-- END SOLUTION -->\nAfter"
    out = generate.strip_markdown(src)
    assert "Because" not in out and out.startswith("Intro\n") and out.endswith("\nAfter")
    assert generate.MARKDOWN_PROMPT in out
    with pytest.raises(generate.SolutionMarkupError):
        generate.strip_markdown("<!-- BEGIN SOLUTION -->\nopen")


def test_make_exercise_clears_outputs_and_keeps_metadata():
    code = new_code_cell(
        "# BEGIN SOLUTION\nq1_answer = 2\n# END SOLUTION\nq1.check(q1_answer)",
        execution_count=4,
        outputs=[new_output("stream", name="stdout", text="✔ q1: correct")],
        metadata={
            "execution": {"iopub.status.busy": "2026"},
            "tags": ["nbval-check-output", "keep"],
        },
    )
    nb = new_notebook(cells=[new_markdown_cell("# Title"), code])
    nb.metadata["retool"] = {"exercise": "ex00_start"}
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    ex = generate.make_exercise(nb, "00_x_solutions.ipynb")
    cell = ex.cells[1]
    assert cell.outputs == [] and cell.execution_count is None
    assert cell.metadata == {"tags": ["keep"]}
    assert ex.metadata["retool"]["exercise"] == "ex00_start"
    assert ex.metadata["kernelspec"]["name"] == "python3"
    assert nb.cells[1].outputs and "BEGIN SOLUTION" in nb.cells[1].source  # input untouched


def test_answer_names_found_in_any_assignment():
    code = "a, q4_answer = 1, 2\n(q5_answer := 3)\nq4_answer = 5\nnot_an_answer_x = 1"
    assert generate.answer_names(code) == ["q4_answer", "q5_answer"]
    # code that does not parse (e.g. IPython magics): a line-by-line fallback
    assert generate.answer_names("%time q6_answer = 1\nq7_answer = (\n") == ["q7_answer"]
    assert generate.answer_names("q6_answer == 1 +\n") == []


# --- the committed notebooks follow the convention ---------------------------------------------


@pytest.mark.parametrize("solution", SOLUTIONS, ids=IDS)
def test_solutions_follow_the_convention(solution):
    nb = nbformat.read(solution, as_version=4)
    module = _module(nb)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    for q in module.QUESTIONS:
        assert f"{q.answer_name} =" in code, f"no cell assigns {q.answer_name}"
    blocks = [
        c.source for c in nb.cells if c.cell_type == "code" and "# BEGIN SOLUTION" in c.source
    ]
    assert len(blocks) >= len([q for q in module.QUESTIONS])
    last = nb.cells[-1]
    assert last.cell_type == "code" and "nbval-check-output" in last.metadata.get("tags", [])
    assert "summary(" in last.source


@pytest.mark.parametrize("solution", SOLUTIONS, ids=IDS)
def test_solution_summary_says_correct_for_every_question(solution):
    from retool import i18n
    from retool.exercises.core import Outcome, outcome_words

    nb = nbformat.read(solution, as_version=4)
    module = _module(nb)
    lines = _summary_lines(nb.cells[-1])
    auto = sum(q.auto for q in module.QUESTIONS)
    n_open = len(module.QUESTIONS) - auto
    with i18n.use(_edition(solution) or "en"):  # the summary is said in the edition's language
        expected = [
            f"{q.qid}: {outcome_words(Outcome.CORRECT if q.auto else Outcome.RECORDED)}"
            for q in module.QUESTIONS
        ]
        total = i18n.gettext("{done} of {count} auto-graded questions answered correctly")
        written = i18n.gettext(
            "{written} of {count} open questions answered (not auto-graded: compare with the "
            "worked solution)"
        )
    assert lines[: len(expected)] == expected, lines
    assert lines[len(expected)] == total.format(done=auto, count=auto)
    if n_open:  # open answers are counted apart, never as correct
        assert lines[len(expected) + 1] == written.format(written=n_open, count=n_open)


def _unanswered_summary(module, lang: str) -> list[str]:
    """The summary a fresh run of the exercise prints, in ``lang``, from the library itself."""
    from retool import i18n
    from retool.exercises import core

    fresh = [copy.copy(q) for q in module.QUESTIONS]
    for q in fresh:
        q.last = None
    with i18n.use(lang):
        return str(core.summary(*fresh)).splitlines()


@pytest.mark.parametrize("solution", SOLUTIONS, ids=IDS)
def test_exercise_runs_unanswered_from_a_fresh_kernel(solution, tmp_path):
    exercise = _exercise_file(solution)
    nb = nbformat.read(exercise, as_version=4)
    module = _module(nb)
    # run where a learner's copy would stand: a Chinese exercise in a zh/ folder speaks Chinese
    folder = tmp_path / _edition(solution)
    folder.mkdir(exist_ok=True)
    kernels.execute(nb, folder)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            assert out.get("output_type") != "error", f"{exercise.name}: {out.get('ename')}"
    lines = _summary_lines(nb.cells[-1])
    if _edition(solution):
        assert lines == _unanswered_summary(module, "zh")
        return
    expected = [f"{q.qid}: not answered yet" for q in module.QUESTIONS]
    assert lines[: len(expected)] == expected, lines
    auto = sum(q.auto for q in module.QUESTIONS)
    assert lines[len(expected)] == f"0 of {auto} auto-graded questions answered correctly"
    assert lines == _unanswered_summary(module, "en")
    # nothing of the solution reaches the learner
    text = json.dumps(nbformat.read(exercise, as_version=4))
    assert "BEGIN SOLUTION" not in text and "NBVAL_CHECK_OUTPUT" not in text
    assert "nbval-check-output" not in text


def test_assignment_edition_withholds_the_worked_solutions(tmp_path):
    assert generate.main(["--assignment", str(tmp_path)]) == 0
    sources = generate.solution_files() + generate.solution_files(edition=generate.EDITION)
    written = sorted(tmp_path.glob(f"*{generate.EXERCISES_SUFFIX}"))
    written += sorted((tmp_path / generate.EDITION).glob(f"*{generate.EXERCISES_SUFFIX}"))
    assert [p.name for p in written] == [generate.exercise_name(s) for s in sources]
    for path, sol in zip(written, sources):
        nb = nbformat.read(path, as_version=4)
        practice = nbformat.reads(generate.render(sol), as_version=4)
        assert nb.metadata["retool"]["edition"] == "assignment"
        changed = [
            (a.source, b.source) for a, b in zip(nb.cells, practice.cells) if a.source != b.source
        ]
        assert len(changed) == 1 and changed[0][0] == changed[0][1] + "\n" + generate.WITHHOLD
    # what the added lines do, in a fresh interpreter
    code = (
        "from retool.exercises.ex00_start import q1\n"
        "assert 'withheld' not in q1.solution()\n"
        f"{generate.WITHHOLD}\n"
        "assert 'withheld' in q1.solution() and 'Hint 1' in q1.hint()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
