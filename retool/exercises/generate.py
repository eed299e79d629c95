"""Make the exercise notebooks from the solutions notebooks: ``python -m retool make-exercises``.

``solutions/NN_topic_solutions.ipynb`` is the one source of ``exercises/NN_topic_exercises.ipynb``:

* in code cells, the lines from ``# BEGIN SOLUTION`` to ``# END SOLUTION`` (inclusive) become
  ``qK_answer = ...  # your answer here``, one line for each ``*_answer`` name the block assigns;
* in markdown cells, the text from ``<!-- BEGIN SOLUTION -->`` to ``<!-- END SOLUTION -->`` becomes
  a prompt to write one's own answer;
* nbval's cell tags (``nbval-check-output``, ...) and lines that are exactly
  ``# NBVAL_CHECK_OUTPUT`` are removed (an exercise has no outputs to check);
* outputs, execution counts and the execution timings in cell metadata are cleared; the notebook's
  metadata (kernelspec, ``retool.exercise``) is kept.

The output is deterministic: the same solutions notebook gives a byte-identical exercise notebook.
``--check`` writes nothing and exits 1, naming the files, when ``exercises/`` is out of date.

The Chinese edition is made alike: ``zh/solutions/`` gives ``zh/exercises/`` (the same code, the
prompt to write one's reasoning in Chinese).

``--assignment FOLDER`` writes the *assignment edition* there instead, from the same sources: the
same notebooks, in which the first cell that imports the questions also calls
``withhold_solutions()``, so that ``qK.solution()`` says the worked solutions are withheld
(hints stay); the Chinese edition's go into ``FOLDER/zh/``. Its metadata says
``retool.edition: assignment``. It is for graded work; the
library itself still carries the solutions, so this keeps honest students from a spoiler, not a
determined one from the source.
"""

from __future__ import annotations

import argparse
import ast
import copy
import json
import re
import sys
from pathlib import Path

import nbformat

BEGIN_CODE = "# BEGIN SOLUTION"
END_CODE = "# END SOLUTION"
BEGIN_MD = "<!-- BEGIN SOLUTION -->"
END_MD = "<!-- END SOLUTION -->"
CHECK_MARKER = "# NBVAL_CHECK_OUTPUT"
NBVAL_TAGS = ("nbval-check-output", "nbval-ignore-output", "nbval-skip", "raises-exception")
PLACEHOLDER = "...  # your answer here"
CODE_PROMPT = "# your code here"
MARKDOWN_PROMPT = "**Your answer:** *double-click this cell and write your reasoning here.*"
# the Chinese edition (zh/solutions -> zh/exercises) and its prompt
EDITION = "zh"
PROMPTS = {"": MARKDOWN_PROMPT, EDITION: "**你的答案：** *双击此单元格，在这里写下你的推理。*"}
SOLUTIONS_SUFFIX = "_solutions.ipynb"
EXERCISES_SUFFIX = "_exercises.ipynb"
ANSWER_NAME = re.compile(r"^[A-Za-z_]\w*_answer$")
_ASSIGNED = re.compile(r"^\s*([A-Za-z_]\w*_answer)\s*(?::[^=]*)?=(?!=)", re.MULTILINE)


class SolutionMarkupError(ValueError):
    """A solutions notebook whose solution markers do not pair up."""


def repo_root() -> Path:
    """The folder that holds ``solutions/`` and ``exercises/`` (the repository)."""
    return Path(__file__).resolve().parents[2]


def exercise_name(solution_file: Path | str) -> str:
    """``NN_topic_solutions.ipynb`` -> ``NN_topic_exercises.ipynb``."""
    name = Path(solution_file).name
    if not name.endswith(SOLUTIONS_SUFFIX):
        raise ValueError(f"{name} is not named like NN_topic{SOLUTIONS_SUFFIX}")
    return name[: -len(SOLUTIONS_SUFFIX)] + EXERCISES_SUFFIX


def answer_names(code: str) -> list[str]:
    """The ``*_answer`` names a block of code assigns, in order of first assignment."""
    names: list[str] = []
    try:
        tree = ast.parse(code)
    except SyntaxError:
        found = _ASSIGNED.findall(code)
    else:
        found = []
        for node in ast.walk(tree):
            targets = []
            if isinstance(node, ast.Assign):
                targets = node.targets
            elif isinstance(node, (ast.AnnAssign, ast.AugAssign, ast.NamedExpr)):
                targets = [node.target]
            for target in targets:
                for sub in ast.walk(target):
                    if isinstance(sub, ast.Name) and ANSWER_NAME.match(sub.id):
                        found.append((sub.lineno, sub.col_offset, sub.id))
        found = [name for *_, name in sorted(found)]
    for name in found:
        if name not in names:
            names.append(name)
    return names


def _blocks(lines: list[str], begin: str, end: str, where: str) -> list[tuple[int, int]]:
    """(first, last) line indices of each begin/end block; raises on unpaired markers."""
    blocks, start = [], None
    for i, line in enumerate(lines):
        text = line.strip()
        if text == begin:
            if start is not None:
                raise SolutionMarkupError(f"{where}: {begin!r} inside another solution block")
            start = i
        elif text == end:
            if start is None:
                raise SolutionMarkupError(f"{where}: {end!r} without {begin!r}")
            blocks.append((start, i))
            start = None
    if start is not None:
        raise SolutionMarkupError(f"{where}: {begin!r} without {end!r}")
    return blocks


def strip_code(source: str, where: str = "cell") -> str:
    """A code cell's source for the exercise notebook."""
    lines = source.split("\n")
    out: list[str] = []
    done = 0
    for first, last in _blocks(lines, BEGIN_CODE, END_CODE, where):
        out.extend(lines[done:first])
        indent = lines[first][: len(lines[first]) - len(lines[first].lstrip())]
        names = answer_names(_dedent("\n".join(lines[first + 1 : last]), indent))
        out.extend(f"{indent}{name} = {PLACEHOLDER}" for name in names)
        if not names:
            out.append(f"{indent}{CODE_PROMPT}")
        done = last + 1
    out.extend(lines[done:])
    out = [line for line in out if line.strip() != CHECK_MARKER]
    return "\n".join(out).strip("\n")


def _dedent(code: str, indent: str) -> str:
    if not indent:
        return code
    return "\n".join(
        line[len(indent) :] if line.startswith(indent) else line for line in code.split("\n")
    )


def strip_markdown(source: str, where: str = "cell", prompt: str = MARKDOWN_PROMPT) -> str:
    """A markdown cell's source for the exercise notebook."""
    lines = source.split("\n")
    out: list[str] = []
    done = 0
    for first, last in _blocks(lines, BEGIN_MD, END_MD, where):
        out.extend(lines[done:first])
        out.append(prompt)
        done = last + 1
    out.extend(lines[done:])
    return "\n".join(out).strip("\n")


WITHHOLD = (
    "from retool.exercises.core import withhold_solutions\n"
    "withhold_solutions()  # assignment edition: qK.solution() says the solutions are withheld"
)
_IMPORTS_QUESTIONS = re.compile(r"^from retool\.exercises\.ex\d\d_\w+ import ", re.MULTILINE)


def withhold(nb: nbformat.NotebookNode, name: str = "notebook") -> nbformat.NotebookNode:
    """Make an exercise notebook the assignment edition (changed in place and returned)."""
    for cell in nb.cells:
        if cell.cell_type == "code" and _IMPORTS_QUESTIONS.search(cell.source):
            cell.source = cell.source.rstrip("\n") + "\n" + WITHHOLD
            nb.metadata.setdefault("retool", {})["edition"] = "assignment"
            return nb
    raise SolutionMarkupError(f"{name}: no cell imports the questions, so none can withhold")


def make_exercise(
    solution: nbformat.NotebookNode, name: str = "notebook", edition: str = ""
) -> nbformat.NotebookNode:
    """The exercise notebook for a solutions notebook (which is not changed); ``edition`` is
    '' (English) or 'zh'."""
    nb = copy.deepcopy(solution)
    for index, cell in enumerate(nb.cells):
        where = f"{name}, cell {index + 1}"
        if cell.cell_type == "code":
            cell.source = strip_code(cell.source, where)
            cell.outputs = []
            cell.execution_count = None
        elif cell.cell_type == "markdown":
            cell.source = strip_markdown(cell.source, where, PROMPTS[edition])
        cell.metadata.pop("execution", None)
        cell.metadata.pop("collapsed", None)
        cell.metadata.pop("scrolled", None)
        _drop_nbval_tags(cell)
    nb.metadata.setdefault("retool", {})
    nb.metadata["retool"]["generated_from"] = f"{edition}/solutions/{name}".lstrip("/")
    return nb


def _drop_nbval_tags(cell) -> None:
    tags = [t for t in cell.metadata.get("tags", []) if t not in NBVAL_TAGS]
    if tags:
        cell.metadata["tags"] = tags
    else:
        cell.metadata.pop("tags", None)


def render(solution_file: Path | str, assignment: bool = False) -> str:
    """The exercise notebook's text for a solutions file (what ``make-exercises`` writes)."""
    solution_file = Path(solution_file)
    text = solution_file.read_text(encoding="utf-8")
    nb = nbformat.reads(text, as_version=4)
    # nbformat gives cells without an id a random one: make those deterministic
    raw_cells = json.loads(text).get("cells", [])
    for index, (raw, cell) in enumerate(zip(raw_cells, nb.cells)):
        if isinstance(raw, dict) and "id" not in raw:
            cell["id"] = f"cell-{index + 1}"
    exercise = make_exercise(nb, solution_file.name, edition_of(solution_file))
    if assignment:
        withhold(exercise, solution_file.name)
    return nbformat.writes(exercise) + "\n"


def edition_of(solution_file: Path | str) -> str:
    """'zh' for a notebook of the Chinese edition (``zh/solutions/...``), else ''."""
    parts = Path(solution_file).parts
    return EDITION if len(parts) >= 3 and parts[-3] == EDITION else ""


def editions(root: Path | None = None) -> list[str]:
    """The editions that have solutions: '' (English) and 'zh' once it has one."""
    root = repo_root() if root is None else Path(root)
    return [e for e in ("", EDITION) if solution_files(root, e)]


def solution_files(root: Path | None = None, edition: str = "") -> list[Path]:
    root = repo_root() if root is None else Path(root)
    return sorted((root / edition / "solutions").glob(f"[0-9][0-9]_*{SOLUTIONS_SUFFIX}"))


def stale(root: Path | None = None) -> list[str]:
    """Exercise notebooks that are missing, out of date or have no solutions source (in each
    edition)."""
    root = repo_root() if root is None else Path(root)
    problems = []
    for edition in ("", EDITION):
        problems += _stale_edition(root, edition)
    return problems


def _stale_edition(root: Path, edition: str) -> list[str]:
    prefix = f"{edition}/" if edition else ""
    problems = []
    expected = {}
    for sol in solution_files(root, edition):
        expected[exercise_name(sol)] = render(sol)
    for name, text in expected.items():
        target = root / edition / "exercises" / name
        if not target.exists():
            problems.append(f"{prefix}exercises/{name} is missing")
        elif target.read_text(encoding="utf-8") != text:
            problems.append(f"{prefix}exercises/{name} differs from {prefix}solutions/{_sol(name)}")
    for target in sorted((root / edition / "exercises").glob(f"*{EXERCISES_SUFFIX}")):
        if target.name not in expected:
            problems.append(
                f"{prefix}exercises/{target.name} has no {prefix}solutions/{_sol(target.name)}"
            )
    return problems


def _sol(exercise: str) -> str:
    return exercise[: -len(EXERCISES_SUFFIX)] + SOLUTIONS_SUFFIX


def write_all(root: Path | None = None) -> list[Path]:
    """Regenerate every exercise notebook of every edition; returns the files that changed."""
    root = repo_root() if root is None else Path(root)
    changed = []
    for edition in editions(root) or [""]:
        (root / edition / "exercises").mkdir(exist_ok=True)
        for sol in solution_files(root, edition):
            target = root / edition / "exercises" / exercise_name(sol)
            text = render(sol)
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                target.write_text(text, encoding="utf-8", newline="\n")
                changed.append(target)
    return changed


def write_assignment(folder: Path, root: Path | None = None) -> list[Path]:
    """Write the assignment edition of every exercise notebook into ``folder`` (the Chinese
    edition's into ``folder/zh``)."""
    written = []
    for edition in editions(root):
        target_folder = Path(folder) / edition
        target_folder.mkdir(parents=True, exist_ok=True)
        for sol in solution_files(root, edition):
            target = target_folder / exercise_name(sol)
            target.write_text(render(sol, assignment=True), encoding="utf-8", newline="\n")
            written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m retool make-exercises",
        description="Generate exercises/NN_topic_exercises.ipynb from solutions/ "
        "(and zh/exercises/ from zh/solutions/).",
    )
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if exercises/ is out of date"
    )
    parser.add_argument(
        "--root", type=Path, default=None, help="the course folder (default: this one)"
    )
    parser.add_argument(
        "--assignment",
        type=Path,
        default=None,
        metavar="FOLDER",
        help="write the assignment edition (worked solutions withheld) into FOLDER",
    )
    args = parser.parse_args(argv)
    root = repo_root() if args.root is None else args.root
    try:
        if args.assignment is not None:
            for target in write_assignment(args.assignment, root):
                print(f"wrote {target}")
            return 0
        if args.check:
            problems = stale(root)
            for line in problems:
                print(line, file=sys.stderr)
            if problems:
                print("run `python -m retool make-exercises` to regenerate", file=sys.stderr)
                return 1
            print(f"exercises/ is up to date ({_count(root)} notebooks)")
            return 0
        changed = write_all(root)
    except (SolutionMarkupError, nbformat.reader.NotJSONError, ValueError) as exc:
        print(f"make-exercises: {exc}", file=sys.stderr)
        return 1
    for target in changed:
        print(f"wrote {target.relative_to(root).as_posix()}")
    orphans = [p for p in stale(root) if "has no solutions" in p]
    for line in orphans:
        print(f"warning: {line}", file=sys.stderr)
    print(f"{_count(root)} exercise notebooks, {len(changed)} changed")
    return 0


def _count(root: Path) -> int:
    return sum(len(solution_files(root, edition)) for edition in ("", EDITION))
