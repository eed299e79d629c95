"""The class folder: which files are submissions, what each one is, which exercise it answers.

The files are only ever read. Each becomes a :class:`Submission`: its bytes, the parsed notebook
(nbformat 3 and every 4.x are read and converted to the current 4.x) or the reason it cannot be
graded ("not valid JSON", "a notebook for the R kernel", ...).
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import re
from dataclasses import dataclass
from pathlib import Path

from ..i18n import _

MAX_SUBMISSION_BYTES = 50 * 2**20


def exercise_modules() -> dict[str, str]:
    """The course's exercise modules: ``{'ex00_start': 'retool.exercises.ex00_start', ...}``."""
    from .. import exercises

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


@dataclass
class Submission:
    """One file of the class folder, read (never written)."""

    path: Path
    student: str
    file: str
    data: bytes = b""
    nb: object = None  # nbformat.NotebookNode (current 4.x) when the file is a notebook
    exercise: str | None = None
    problem: str | None = None  # why it cannot be run at all, said once for the whole file


def find_submissions(folder: Path, exclude=frozenset()) -> list[Path]:
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


def kernel_language(raw: dict) -> str | None:
    """The language a notebook's kernel speaks, when its metadata says one other than Python."""
    meta = raw.get("metadata") if isinstance(raw, dict) else None
    if not isinstance(meta, dict):
        return None
    for key, field in (("kernelspec", "language"), ("language_info", "name")):
        value = meta.get(key, {}).get(field) if isinstance(meta.get(key), dict) else None
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def read_submission(path: Path, folder: Path, known: dict[str, str]) -> Submission:
    """Read one file; a file that is not a gradable notebook gets a ``problem``."""
    rel = path.relative_to(folder).as_posix()
    student = rel[: -len(path.suffix)] if path.suffix else rel
    sub = Submission(path=path, student=student, file=rel)
    if path.is_symlink():
        sub.problem = _("a symbolic link, not a submitted file")
        return sub
    try:
        size = path.stat().st_size
        if size > MAX_SUBMISSION_BYTES:
            sub.problem = _("the file is too large to grade ({size} MB)").format(
                size=f"{size / 2**20:.0f}"
            )
            return sub
        with open(path, "rb") as f:
            sub.data = f.read(MAX_SUBMISSION_BYTES + 1)
    except OSError as exc:
        sub.problem = _("the file could not be read ({error})").format(
            error=exc.strerror or type(exc).__name__
        )
        return sub
    parse_notebook(sub, path.name, known)
    return sub


def parse_notebook(sub: Submission, name: str, known: dict[str, str]) -> None:
    """Fill ``sub.nb`` and ``sub.exercise`` from ``sub.data``, or say why it is no notebook."""
    import nbformat

    try:
        text = sub.data.decode("utf-8-sig")
    except UnicodeDecodeError:
        sub.problem = _("not a notebook (a {kind} file, not text)").format(
            kind=Path(name).suffix or "binary"
        )
        return
    try:
        raw = json.loads(text)
    except (ValueError, RecursionError):
        sub.problem = _("not a notebook (the file is not valid JSON: damaged or not an .ipynb)")
        return
    cells = raw.get("cells") if isinstance(raw, dict) else None
    sheets = raw.get("worksheets") if isinstance(raw, dict) else None
    if raw.get("nbformat") == 3 and isinstance(sheets, list):  # nbformat 3: cells in worksheets
        cells = [c for ws in sheets if isinstance(ws, dict) for c in ws.get("cells", [])]
    if not isinstance(cells, list):
        sub.problem = _("not a notebook (JSON without a list of cells)")
        return
    sub.exercise = identify(raw, name, known)
    language = kernel_language(raw)
    if language is not None and language.lower() not in {"python", "python3", "ipython"}:
        sub.problem = _(
            "a notebook for the {language} kernel, not Python: the exercises are in Python, so "
            "none of its answers can be graded"
        ).format(language=language)
        return
    try:
        sub.nb = nbformat.reads(text, as_version=4)
        [c.cell_type for c in sub.nb.cells]  # noqa: B018 (reads every cell: a damaged one raises)
    except Exception as exc:  # a damaged notebook: a row with the reason
        sub.nb = None
        sub.problem = _("not a readable notebook ({error})").format(error=type(exc).__name__)
