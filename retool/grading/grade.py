"""Grade a class: read the folder, run each notebook in its sandbox, check its answers here.

The answers a kernel returns are checked *in the grader's process* with the same ``check`` as
``qK.check`` (whose rules live in :mod:`retool.exercises.core`): a notebook that patches the
checks, prints fake results or forges the probe's reply earns only what its values earn.
"""

from __future__ import annotations

import asyncio
import re
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .. import i18n
from ..i18n import N_, _
from . import sandbox
from .runner import Run, run_notebook
from .sandbox import Limits
from .submissions import exercise_modules, find_submissions, questions_of, read_submission

OPEN_ANSWER_CHARS = 2000
NOT_GRADED = N_("not graded")  # an outcome of its own, beside the checks' (a key, not words)


# --- decoding answers ---------------------------------------------------------------------------


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
    simple = {
        "ellipsis": lambda: Ellipsis,
        "float": lambda: float(obj["value"]),
        "bigint": lambda: int(obj["digits"]),
        "bytes": lambda: bytes.fromhex(obj["hex"]),
    }
    if kind in simple:
        return simple[kind]()
    if kind == "complex":
        return complex(decode(obj["real"], depth + 1), decode(obj["imag"], depth + 1))
    if kind == "decimal":
        from decimal import Decimal

        return Decimal(obj["value"])
    if kind == "fraction":
        from fractions import Fraction

        return Fraction(obj["value"])
    if kind in {"tuple", "set", "dict"}:
        return _decode_container(kind, obj, depth)
    if kind in {"ndarray", "series", "dataframe"}:
        return _decode_table(kind, obj, depth)
    raise ValueError(f"unknown kind {kind!r}")


def _decode_container(kind, obj, depth):
    if kind == "tuple":
        return tuple(decode(v, depth + 1) for v in obj["items"])
    if kind == "set":
        return {_hashable(decode(v, depth + 1)) for v in obj["items"]}
    return {_hashable(decode(k, depth + 1)): decode(v, depth + 1) for k, v in obj["items"]}


def _decode_table(kind, obj, depth):
    import numpy as np
    import pandas as pd

    if kind == "ndarray":
        return np.array(decode(obj["data"], depth + 1))
    index = [_hashable(decode(i, depth + 1)) for i in obj["index"]]
    if kind == "series":
        values = [decode(v, depth + 1) for v in obj["values"]]
        name = _hashable(decode(obj.get("name"), depth + 1))
        return pd.Series(values, index=index, name=name, dtype=_dtype(values))
    columns = [_hashable(decode(c, depth + 1)) for c in obj["columns"]]
    rows = [[decode(v, depth + 1) for v in row] for row in obj["rows"]]
    return pd.DataFrame(rows, index=index, columns=columns)


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


# --- grading answers ------------------------------------------------------------------------------


@dataclass
class Graded:
    """One question of one submission: structured, so reports never read sentences back."""

    qid: str
    outcome: str  # an Outcome value, or 'not graded'
    points: float
    message: str  # the check's sentence (or why it could not be graded)
    reason: str = ""  # why it could not be graded ('' when graded)
    answer_text: str = ""  # the text of an open answer
    mistake: str = ""  # the named mistake a 'close' answer looks like
    cell: int | None = None  # the cell its reason names (a cell that broke, ran out of time...)


def _cells_of(nb, qid: str) -> list[int]:
    pattern = re.compile(rf"\b{re.escape(qid)}(?:_answer\b|\.check\b)")
    if nb is None:
        return []
    return [
        i for i, c in enumerate(nb.cells) if c.cell_type == "code" and pattern.search(str(c.source))
    ]


def _why_missing(q, nb, run: Run) -> tuple[str, int | None]:
    """Why an answer is missing, and the cell that reason names (None when it names none)."""
    cells = _cells_of(nb, q.qid)
    if not cells:
        return _("no cell defines {name} (deleted or renamed?)").format(name=q.answer_name), None
    for i in cells:
        if i in run.killers:
            what = i18n.gettext(run.killers[i])
            return _("its cell {what} and was skipped").format(what=what), i
    for i in cells:
        if i in run.timed_out:
            return _("its cell ran out of time and was interrupted"), i
    for i in cells:
        if i in run.errors:
            return _("its cell raised {error}").format(error=run.errors[i]), i
    for i in cells:
        if i in run.not_run:
            return _("its cell was not reached before the time limit"), i
    why = _("{name} was not defined when the notebook finished").format(name=q.answer_name)
    return why, None


def _not_graded(qid: str, why: str, cell: int | None = None) -> Graded:
    return Graded(qid, NOT_GRADED, 0.0, why, reason=why, cell=cell)


def grade_answers(questions, nb, run: Run, close_credit: float = 0.0) -> list[Graded]:
    """Grade the extracted answers with each question's own ``check`` (in this process)."""
    from ..exercises.core import Outcome, outcome_words

    graded = []
    for q in questions:
        points = float(getattr(q, "points", 1.0) or 0.0)
        entry = run.answers.get(q.answer_name)
        if entry is None:
            graded.append(_not_graded(q.qid, *_why_missing(q, nb, run)))
            continue
        if "error" in entry:
            why = _("{name} is {what}, which cannot be graded")
            graded.append(_not_graded(q.qid, why.format(name=q.answer_name, what=entry["error"])))
            continue
        try:
            value = decode(entry["value"])
        except Exception as exc:
            why = _("{name} could not be read back ({error})").format(
                name=q.answer_name, error=type(exc).__name__
            )
            graded.append(_not_graded(q.qid, why))
            continue
        fb = q.check(value)
        earned = {Outcome.CORRECT: points, Outcome.CLOSE: points * close_credit}.get(
            fb.outcome, 0.0
        )
        reason = outcome_words(fb.outcome) if fb.outcome is Outcome.UNANSWERED else ""
        keep = max(OPEN_ANSWER_CHARS, 15 * getattr(q, "words", 0))  # a one-page report fits
        text = value[:keep] if not q.auto and isinstance(value, str) else ""
        graded.append(
            Graded(q.qid, fb.outcome.value, earned, fb.message, reason, text, fb.mistake or "")
        )
    return graded


# --- flags: what an instructor may want to look at --------------------------------------------

# Each flag reads the notebook's code as text, before it runs, and changes no points. None fires
# on what the notebooks invite (check, hint, solution, show, summary).
FLAGS = (
    (
        re.compile(r"\bq\d+\s*\.\s*(?:expected|correct|mistakes)\b"),
        N_("reads a question's answer key (.expected, .correct or .mistakes)"),
    ),
    (
        re.compile(r"\bgetattr\s*\(\s*q\d+\b"),
        N_("reads a question's attributes through getattr"),
    ),
    (
        re.compile(r"\bq\d+\s*\.\s*check\s*=(?!=)|\b_judge\b|\bsetattr\s*\(\s*q\d+"),
        N_("replaces a check"),
    ),
    (re.compile(r"_solutions\.ipynb|\bsolutions[/\\]"), N_("looks for the solutions notebooks")),
)


def flags(nb) -> str:
    """What an instructor may want to know about a notebook's code (it does not change points)."""
    if nb is None:
        return ""
    code = "\n".join(str(c.source) for c in nb.cells if c.cell_type == "code")
    found = [i18n.gettext(text) for pattern, text in FLAGS if pattern.search(code)]
    return _("; ").join(found)


# --- a class ------------------------------------------------------------------------------------


@dataclass
class Row:
    """One submission's result."""

    student: str
    file: str
    exercise: str | None
    graded: list[Graded] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    flags: str = ""
    survivors: list = field(default_factory=list)
    uid: int | None = None  # the sandbox's own user id, when the grader ran as root

    @property
    def total(self) -> float:
        return sum(g.points for g in self.graded)

    def reasons(self) -> str:
        parts = list(self.notes)
        parts += [f"{g.qid}: {g.reason}" for g in self.graded if g.reason]
        return _("; ").join(parts)


def cell_label(nb, index: int) -> str:
    """'5 (q2)': the cell's number among all cells, and the questions it mentions."""
    src = str(nb.cells[index].source) if nb is not None and index < len(nb.cells) else ""
    qids = sorted(set(re.findall(r"\b(q\d+)(?:_answer\b|\.check\b)", src)), key=qkey)
    return f"{index + 1}" + (f" ({', '.join(qids)})" if qids else "")


def qkey(qid: str):
    digits = re.sub(r"\D", "", qid)
    return int(digits) if digits else 0


def _explained(nb, index: int, graded: list[Graded]) -> bool:
    """True when every question of the cell already has a reason that names its cell."""
    src = str(nb.cells[index].source) if nb is not None and index < len(nb.cells) else ""
    qids = set(re.findall(r"\b(q\d+)(?:_answer\b|\.check\b)", src))
    told = {g.qid for g in graded if g.cell is not None}
    return bool(qids) and qids <= told


def _run_notes(row: Row, sub, run: Run, limits: Limits) -> None:
    row.notes += run.notes
    for i in sorted(run.killers):
        if not _explained(sub.nb, i, row.graded):
            row.notes.append(
                _("cell {cell} {what}; it was skipped").format(
                    cell=cell_label(sub.nb, i), what=i18n.gettext(run.killers[i])
                )
            )
    for i in sorted(run.timed_out):
        if not _explained(sub.nb, i, row.graded):
            row.notes.append(
                _("cell {cell} ran out of time ({seconds} s)").format(
                    cell=cell_label(sub.nb, i), seconds=f"{limits.per_cell:g}"
                )
            )
    if run.not_run:
        row.notes.append(
            _("the time limit of {seconds} s was reached: {count} cells not run").format(
                seconds=f"{limits.timeout:g}", count=len(run.not_run)
            )
        )


async def _grade_one(sub, index, root, limits, close_credit, questions, sem, options) -> Row:
    row = Row(student=sub.student, file=sub.file, exercise=sub.exercise)
    qs = questions.get(sub.exercise)
    if qs is None:
        row.notes.append(sub.problem or _("could not tell which exercise this is"))
        return row
    if isinstance(qs, str):  # the exercise module could not be loaded
        row.notes.append(qs)
        return row
    if sub.problem or sub.nb is None:
        why = sub.problem or _("not a notebook")
        row.notes.append(why)
        row.graded = [Graded(q.qid, NOT_GRADED, 0.0, why) for q in qs]
        return row
    async with sem:
        box = sandbox.Box.create(root, index, Path(sub.file).name, sub.data, options["sandboxed"])
        try:
            names = [q.answer_name for q in qs]
            coro = run_notebook(sub.nb, box, names, limits, options["keep"])
            try:
                run = await asyncio.wait_for(coro, limits.timeout + 60)
            except asyncio.TimeoutError:
                run = Run(notes=[_("the grader stopped this notebook (hard time limit)")])
                run.survivors = box.reap()
        finally:
            if not options["keep"]:
                box.remove()
    row.seconds = run.seconds
    row.survivors = run.survivors
    row.uid = box.uid
    row.flags = flags(sub.nb)
    row.graded = grade_answers(qs, sub.nb, run, close_credit)
    _run_notes(row, sub, run, limits)
    if run.survivors:
        row.notes.append(
            _("{count} of its processes could not be stopped").format(count=len(run.survivors))
        )
    return row


async def _grade_all(subs, root, limits, close_credit, questions, jobs, progress, options):
    sem = asyncio.Semaphore(max(1, int(jobs)))
    done = [0]

    async def one(i, sub):
        try:
            row = await _grade_one(sub, i, root, limits, close_credit, questions, sem, options)
        except Exception as exc:  # a grader fault must still give the student a row
            row = Row(sub.student, sub.file, sub.exercise)
            row.notes.append(
                _("the grader failed on this file ({error})").format(
                    error=f"{type(exc).__name__}: {exc}"
                )
            )
            qs = questions.get(sub.exercise)
            if isinstance(qs, list):
                row.graded = [_not_graded(q.qid, _("grader failure")) for q in qs]
        done[0] += 1
        if progress:
            progress(f"[{done[0]}/{len(subs)}] {sub.file}: {_points(row)} ({row.seconds:.1f} s)")
        return row

    return await asyncio.gather(*(one(i, s) for i, s in enumerate(subs)))


def _points(row: Row) -> str:
    text = _("{points} points").format(points=f"{row.total:g}")
    return text + (f" — {row.reasons()[:150]}" if row.notes else "")


def _pick_exercise(exercise, known):
    if exercise is None or exercise in known:
        return exercise
    hits = [k for k in known if k.startswith(f"ex{exercise}_") or k.startswith(exercise)]
    if len(hits) != 1:
        raise ValueError(
            _("unknown exercise {name}; known: {known}").format(
                name=repr(exercise), known=sorted(known)
            )
        )
    return hits[0]


def _load_questions(subs) -> dict:
    questions: dict = {}
    for name in sorted({s.exercise for s in subs if s.exercise}):
        try:
            questions[name] = questions_of(name)
        except Exception as exc:
            questions[name] = _("the exercise {name} could not be loaded ({error})").format(
                name=name, error=type(exc).__name__
            )
    return questions


def grade_folder(
    folder,
    *,
    timeout: float = 60.0,
    jobs: int = 2,
    cell_timeout: float | None = None,
    memory_mb: int = 2048,
    exercise: str | None = None,
    close_credit: float = 0.0,
    scratch=None,
    keep_scratch: bool = False,
    exclude=(),
    progress=None,
    unsafe_no_sandbox: bool = False,
):
    """Grade every file in ``folder``; the files are read, never written.

    Raises :class:`sandbox.SandboxUnavailable` (before running anything) when bubblewrap cannot
    be had, unless ``unsafe_no_sandbox``.
    """
    from .report import ClassResult

    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(_("{folder} is not a folder").format(folder=folder))
    sandboxed = sandbox.require(allow_unsafe=unsafe_no_sandbox)
    start = time.monotonic()
    known = exercise_modules()
    exercise = _pick_exercise(exercise, known)
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
    questions = _load_questions(subs)
    limits = Limits(timeout=float(timeout), cell_timeout=cell_timeout, memory_mb=memory_mb)
    base = Path(scratch).resolve() if scratch else None
    if base is not None:
        base.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="retool-grade-", dir=base)).resolve()
    options = {"sandboxed": sandboxed, "keep": keep_scratch}
    try:
        rows = asyncio.run(
            _grade_all(subs, root, limits, close_credit, questions, jobs, progress, options)
        )
    finally:
        if not keep_scratch:
            sandbox._rmtree(root)
    good = {k: v for k, v in questions.items() if isinstance(v, list)}
    return ClassResult(list(rows), good, time.monotonic() - start, root, sandboxed)
