"""What grading writes: the score table, the class summary, the item analysis, one feedback file
per submission and, given a roster, a gradebook in Canvas's import format.

Everything here reads the structured results (outcome, points, named mistake), never sentences.
It is written only after every kernel is gone, to a place no kernel could see. It speaks the
current language (``python -m retool grade --lang zh``): the tables keep their English keys inside
and get their headers and outcomes in that language when written; the gradebook keeps Canvas's
column names.
"""

from __future__ import annotations

import csv
import html
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .. import i18n
from ..i18n import N_, _
from .grade import NOT_GRADED, Row

CANVAS_COLUMNS = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
UNANSWERED = "not answered yet"
RECORDED = "answered, not auto-graded"

# the written tables' headers, in the grader's language (the frames keep these keys)
HEADERS = {
    "student": N_("student"),
    "file": N_("file"),
    "exercise": N_("exercise"),
    "total": N_("total"),
    "max_points": N_("max_points"),
    "reasons": N_("reasons"),
    "flags": N_("flags"),
    "question": N_("question"),
    "outcome": N_("outcome"),
    "points": N_("points"),
    "feedback": N_("feedback"),
    "mistake": N_("mistake"),
    "open_answer": N_("open_answer"),
    "auto_graded": N_("auto_graded"),
    "submissions": N_("submissions"),
    "answered": N_("answered"),
    "correct": N_("correct"),
    "share_correct": N_("share_correct"),
    "close": N_("close"),
    "incorrect": N_("incorrect"),
    "open_answered": N_("open_answered"),
    "most_common_mistake": N_("most_common_mistake"),
    "mistake_count": N_("mistake_count"),
    "nobody_reached": N_("nobody_reached"),
}


def headed(frame):
    """A table with its headers (and outcomes) in the current language, to be written."""
    frame = frame.copy()
    if "outcome" in frame.columns:
        frame["outcome"] = frame["outcome"].map(outcome_words)
    return frame.rename(columns=lambda c: i18n.gettext(HEADERS[c]) if c in HEADERS else c)


def outcome_words(outcome: str) -> str:
    """An outcome in words ('not graded' included), in the current language."""
    from ..exercises.core import outcome_words as words

    return words(outcome)


def num(x: float):
    """A number as a marker writes it: 2, not 2.0; 0.333, not 0.33333333."""
    return int(x) if float(x).is_integer() else round(float(x), 3)


@dataclass
class ClassResult:
    rows: list[Row]
    exercises: dict  # exercise -> list of questions
    seconds: float = 0.0
    scratch: Path | None = None
    sandboxed: bool = True

    def max_points(self, exercise) -> float:
        return sum(float(q.points or 0) for q in self.exercises.get(exercise, []))

    def table(self):
        """The score table: one row per submission, points per question, total, reasons."""
        import pandas as pd

        several = len(self.exercises) > 1
        columns = ["student", "file", "exercise"]
        for ex, qs in self.exercises.items():
            columns += [f"{ex}.{q.qid}" if several else q.qid for q in qs]
        columns += ["total", "max_points", "reasons", "flags"]
        records = []
        for row in self.rows:
            rec = {"student": row.student, "file": row.file, "exercise": row.exercise or ""}
            for g in row.graded:
                rec[f"{row.exercise}.{g.qid}" if several else g.qid] = num(g.points)
            for ex, qs in self.exercises.items():
                if ex == row.exercise or (row.exercise is None and not several):
                    for q in qs:
                        rec.setdefault(f"{ex}.{q.qid}" if several else q.qid, 0)
            rec["total"] = num(row.total)
            rec["max_points"] = num(self.max_points(row.exercise))
            rec["reasons"] = row.reasons()
            rec["flags"] = row.flags
            records.append(rec)
        return pd.DataFrame.from_records(records, columns=columns)

    def feedback(self):
        """One row per student and question: outcome, points, the check's sentence, mistake."""
        import pandas as pd

        cols = ["student", "exercise", "question", "outcome", "points", "feedback", "mistake"]
        cols.append("open_answer")
        records = [
            {
                "student": row.student,
                "exercise": row.exercise or "",
                "question": g.qid,
                "outcome": g.outcome,
                "points": num(g.points),
                "feedback": g.message,
                "mistake": g.mistake,
                "open_answer": g.answer_text,
            }
            for row in self.rows
            for g in row.graded
        ]
        return pd.DataFrame.from_records(records, columns=cols)

    def items(self):
        """Item analysis: per question, the share correct, the commonest named mistake, reach."""
        import pandas as pd

        records = []
        for ex, qs in self.exercises.items():
            rows = [r for r in self.rows if r.exercise == ex and r.graded]
            for q in qs:
                gs = [g for r in rows for g in r.graded if g.qid == q.qid]
                count = Counter(g.outcome for g in gs)
                reached = sum(g.outcome not in (NOT_GRADED, UNANSWERED) for g in gs)
                mistakes = Counter(g.mistake for g in gs if g.mistake)
                common, times = mistakes.most_common(1)[0] if mistakes else ("", 0)
                records.append(
                    {
                        "exercise": ex,
                        "question": q.qid,
                        "auto_graded": bool(getattr(q, "auto", True)),
                        "submissions": len(gs),
                        "answered": reached,
                        "correct": count["correct"],
                        "share_correct": round(count["correct"] / len(gs), 3) if gs else 0.0,
                        "close": count["close"],
                        "incorrect": count["incorrect"],
                        "open_answered": count[RECORDED],
                        "most_common_mistake": common,
                        "mistake_count": times,
                        "nobody_reached": reached == 0,
                    }
                )
        return pd.DataFrame.from_records(records)

    def summary(self) -> str:
        """The per-question class summary (printed and saved)."""
        lines = [
            _("{count} submissions graded in {seconds} s").format(
                count=len(self.rows), seconds=f"{self.seconds:.1f}"
            )
        ]
        if not self.sandboxed:
            lines.append(_("WARNING: graded without a sandbox (--unsafe-no-sandbox)"))
        items = self.items()
        for ex, qs in self.exercises.items():
            rows = [r for r in self.rows if r.exercise == ex]
            head = _(
                "Exercise {exercise}: {count} submissions, {questions} questions, {points} points"
            )
            lines += [
                "",
                head.format(
                    exercise=ex, count=len(rows), questions=len(qs), points=num(self.max_points(ex))
                ),
            ]
            lines += _question_table(self.rows, ex, qs, items)
            lines += _totals(rows, self.max_points(ex))
            nobody = items[(items.exercise == ex) & items.nobody_reached]["question"].tolist()
            if nobody and rows:
                lines.append(_("nobody answered: {questions}").format(questions=", ".join(nobody)))
        other = [r for r in self.rows if r.exercise not in self.exercises]
        if other:
            lines += [
                "",
                _("{count} files could not be graded against any exercise:").format(
                    count=len(other)
                ),
            ]
            lines += [f"  {r.file}: {r.reasons()}" for r in other]
        flagged = [r for r in self.rows if r.notes]
        if flagged:
            lines += [
                "",
                _("{count} submissions had problems (see the reasons column):").format(
                    count=len(flagged)
                ),
            ]
            lines += [f"  {r.file}: {'; '.join(r.notes)}" for r in flagged]
        return "\n".join(lines)


SUMMARY_HEAD = (
    N_("question"),
    N_("points"),
    N_("correct"),
    N_("close"),
    N_("incorrect"),
    N_("open answered"),
    N_("unanswered"),
    N_("not graded"),
    N_("mean"),
    N_("most common mistake"),
)


def _question_table(all_rows, ex, qs, items) -> list[str]:
    table = [tuple(i18n.gettext(h) for h in SUMMARY_HEAD)]
    rows = [r for r in all_rows if r.exercise == ex]
    for q in qs:
        gs = [g for r in rows for g in r.graded if g.qid == q.qid]
        count = Counter(g.outcome for g in gs)
        item = items[(items.exercise == ex) & (items.question == q.qid)].iloc[0]
        common = item.most_common_mistake
        common = f"{common} ({item.mistake_count})" if common else ""
        mean = sum(g.points for g in gs) / len(gs) if gs else 0.0
        auto = getattr(q, "auto", True)
        table.append(
            (
                q.qid + ("" if auto else _(" (open)")),
                str(num(float(q.points or 0))),
                str(count["correct"]),
                str(count["close"]),
                str(count["incorrect"]),
                str(count[RECORDED]),
                str(count[UNANSWERED]),
                str(count[NOT_GRADED] + count["not a usable answer"]),
                f"{mean:.2f}",
                common,
            )
        )
    return _aligned(table)


def _totals(rows, max_points) -> list[str]:
    if not rows:
        return []
    totals = sorted(r.total for r in rows)
    mid = len(totals) // 2
    median = totals[mid] if len(totals) % 2 else (totals[mid - 1] + totals[mid]) / 2
    return [
        _("total: mean {mean} of {most}, median {median}, full marks {full}, zero {zero}").format(
            mean=f"{sum(totals) / len(totals):.2f}",
            most=num(max_points),
            median=num(median),
            full=sum(t >= max_points for t in totals),
            zero=sum(t == 0 for t in totals),
        )
    ]


def _width(text: str) -> int:
    """The columns a text takes in a terminal: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _aligned(table) -> list[str]:
    widths = [max(_width(row[i]) for row in table) for i in range(len(table[0]))]
    return [
        "  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths)).rstrip() for row in table
    ]


# --- feedback files ---------------------------------------------------------------------------


def feedback_name(student: str) -> str:
    """A file name for a student's feedback: the submission's path with '/' as '__'."""
    return re.sub(r"[^\w.-]+", "_", student.replace("/", "__"))[:120] or "submission"


def feedback_html(result: ClassResult, row: Row) -> str:
    """A student's feedback: plain HTML that any browser opens and that reads as text too."""
    esc = html.escape
    total, most = num(row.total), num(result.max_points(row.exercise))
    title = _("Feedback: {student}").format(student=row.student)
    heading = _("Feedback for {student}").format(student=row.student)
    exercise = _("Exercise: {exercise}").format(exercise=row.exercise or _("unknown"))
    file = _("File: {file}").format(file=row.file)
    score = _("Score: {total} of {most} points").format(total=total, most=most)
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{i18n.language()}"><head><meta charset="utf-8">',
        f"<title>{esc(title)}</title></head><body>",
        f"<h1>{esc(heading)}</h1>",
        f"<p>{esc(exercise)}<br>",
        f"{esc(file)}<br>",
        f"{esc(score)}</p>",
    ]
    if row.notes:
        lines.append("<p>" + esc(_("About the whole file:")) + "</p><ul>")
        lines += [f"<li>{esc(n)}</li>" for n in row.notes]
        lines.append("</ul>")
    for g in row.graded:
        points = i18n.ngettext("{points} point", "{points} points", 1 if num(g.points) == 1 else 2)
        points = points.format(points=num(g.points))
        head = _("{qid}: {points} ({outcome})")
        head = head.format(qid=g.qid, points=points, outcome=outcome_words(g.outcome))
        lines.append(f"<h2>{esc(head)}</h2>")
        lines.append(f"<p>{esc(g.message)}</p>")
        if g.reason and g.reason != g.message:
            why = _("Why it was not graded: {reason}").format(reason=g.reason)
            lines.append(f"<p>{esc(why)}</p>")
        if g.mistake:
            looks = _("The answer looks like this common mistake: {mistake}")
            lines.append(f"<p>{esc(looks.format(mistake=g.mistake))}</p>")
        if g.answer_text:
            written = _("Your written answer (marked by your instructor):")
            lines.append(f"<p>{esc(written)}</p>")
            lines.append(f"<blockquote>{esc(g.answer_text)}</blockquote>")
            rubric = _rubric(result, row.exercise, g.qid)
            if rubric:
                lines.append(f"<pre>{esc(rubric)}</pre>")
    lines.append("</body></html>")
    return "\n".join(lines) + "\n"


def _rubric(result: ClassResult, exercise: str, qid: str) -> str:
    """The rubric a written answer is marked against ('' for a question without one)."""
    for q in result.exercises.get(exercise, ()):
        if q.qid == qid and getattr(q, "rubric", ()):
            return q.rubric_text()
    return ""


def write_feedback_files(result: ClassResult, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for row in result.rows:
        path = folder / f"{feedback_name(row.student)}.html"
        path.write_text(feedback_html(result, row), encoding="utf-8")
        written.append(path)
    return written


# --- the gradebook ----------------------------------------------------------------------------


def read_roster(path: Path) -> list[dict]:
    """A roster CSV (as Canvas exports it): Student, ID, SIS User ID, Section; optional
    SIS Login ID and ``submission`` (the submission's name, when it is none of the ids)."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    if not rows:
        raise ValueError(f"the roster {path} has no students")
    missing = [c for c in ("Student", "ID", "SIS User ID", "Section") if c not in rows[0]]
    if missing:
        raise ValueError(f"the roster {path} has no column {', '.join(missing)}")
    return [r for r in rows if "points possible" not in str(r.get("Student", "")).lower()]


def _keys(entry: dict) -> list[str]:
    names = [entry.get("submission"), entry.get("SIS Login ID"), entry.get("SIS User ID")]
    names += [entry.get("ID"), entry.get("Student")]
    return [str(n).strip().lower() for n in names if n and str(n).strip()]


def gradebook(result: ClassResult, roster: list[dict], assignment: str):
    """Canvas's import format: one row per roster student, the total in one assignment column.

    A submission matches a student when its name (path without .ipynb, or just the file name)
    is the roster's ``submission``, SIS Login ID, SIS User ID, ID or Student (any case).
    Returns (rows as dicts, columns, submissions that matched nobody, students without one).
    """
    by_name = {}
    for row in result.rows:
        for name in {row.student.lower(), row.student.rsplit("/", 1)[-1].lower()}:
            by_name.setdefault(name, row)
    columns = [c for c in CANVAS_COLUMNS if c != "SIS Login ID" or "SIS Login ID" in roster[0]]
    columns.append(assignment)
    maxima = {num(result.max_points(r.exercise)) for r in result.rows if r.exercise}
    possible = {c: "" for c in columns}
    possible["Student"] = "    Points Possible"
    possible[assignment] = maxima.pop() if len(maxima) == 1 else ""
    out, used, absent = [possible], set(), []
    for entry in roster:
        match = next((by_name[k] for k in _keys(entry) if k in by_name), None)
        rec = {c: entry.get(c, "") for c in columns[:-1]}
        rec[assignment] = num(match.total) if match else ""
        if match:
            used.add(match.student)
        else:
            absent.append(entry.get("Student", ""))
        out.append(rec)
    unmatched = [r.student for r in result.rows if r.student not in used]
    return out, columns, unmatched, absent


def write_gradebook(result, roster_path: Path, assignment: str, out: Path) -> tuple[list, list]:
    rows, columns, unmatched, absent = gradebook(result, read_roster(roster_path), assignment)
    with open(out, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return unmatched, absent


# --- writing everything -----------------------------------------------------------------------


def output_paths(out: Path) -> dict[str, Path]:
    out = Path(out)
    stem = out.with_suffix("") if out.suffix else out
    return {
        "scores": out if out.suffix else out.with_suffix(".csv"),
        "summary": Path(f"{stem}_summary.txt"),
        "feedback": Path(f"{stem}_feedback.csv"),
        "items": Path(f"{stem}_items.csv"),
        "feedback_files": Path(f"{stem}_feedback"),
        "gradebook": Path(f"{stem}_gradebook.csv"),
    }


def write_result(result: ClassResult, out: Path, roster=None, assignment=None) -> dict:
    """Write the score table, summary, item analysis, feedback table and files (and gradebook)."""
    paths = output_paths(out)
    paths["scores"].parent.mkdir(parents=True, exist_ok=True)
    headed(result.table()).to_csv(paths["scores"], index=False, encoding="utf-8-sig")
    headed(result.feedback()).to_csv(paths["feedback"], index=False, encoding="utf-8-sig")
    headed(result.items()).to_csv(paths["items"], index=False, encoding="utf-8-sig")
    paths["summary"].write_text(result.summary() + "\n", encoding="utf-8")
    write_feedback_files(result, paths["feedback_files"])
    written = {k: v for k, v in paths.items() if k != "gradebook"}
    if roster is not None:
        name = assignment or default_assignment(result)
        written["unmatched"], written["absent"] = write_gradebook(
            result, Path(roster), name, paths["gradebook"]
        )
        written["gradebook"] = paths["gradebook"]
    return written


def default_assignment(result: ClassResult) -> str:
    names = sorted(result.exercises)
    if len(names) == 1:
        return _("Exercise {exercise}").format(exercise=names[0])
    return _("Exercises")
