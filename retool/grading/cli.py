"""``python -m retool grade FOLDER [--out scores.csv] [--roster roster.csv] [--lang zh] ...``

Submissions from either edition (``exercises/`` or ``zh/exercises/``) are graded alike; ``--lang``
chooses the language of the reports (English, or ``RETOOL_LANG`` when set).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .. import i18n
from ..i18n import _
from . import report, sandbox
from .grade import grade_folder

DEFAULT_TIMEOUT = 60.0
DEFAULT_JOBS = 2
DEFAULT_MEMORY_MB = 2048


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m retool grade",
        description="Grade a folder of submitted exercise notebooks, each in its own sandbox.",
    )
    p.add_argument("folder", type=Path, help="the folder of submissions (one file per student)")
    p.add_argument(
        "--out",
        type=Path,
        default=Path("scores.csv"),
        help="the score table to write; the other outputs go beside it",
    )
    p.add_argument(
        "--roster",
        type=Path,
        default=None,
        help="a roster CSV (Student, ID, SIS User ID, Section): also write a Canvas gradebook",
    )
    p.add_argument(
        "--assignment",
        default=None,
        help="the gradebook's assignment column (default: 'Exercise exNN_topic')",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        help=f"time limit per notebook in seconds (default {DEFAULT_TIMEOUT:g})",
    )
    p.add_argument(
        "--cell-timeout",
        type=float,
        default=None,
        help="time limit per cell in seconds (default: a quarter of --timeout)",
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=DEFAULT_JOBS,
        help=f"notebooks run at the same time (default {DEFAULT_JOBS})",
    )
    p.add_argument(
        "--exercise", default=None, help="grade every file as this exercise, e.g. ex01_scale or 01"
    )
    p.add_argument(
        "--memory",
        type=int,
        default=DEFAULT_MEMORY_MB,
        help=f"memory limit per kernel in MB, 0 for none (default {DEFAULT_MEMORY_MB})",
    )
    p.add_argument(
        "--close-credit",
        type=float,
        default=0.0,
        help="share of a question's points for a 'close' answer (default 0)",
    )
    p.add_argument(
        "--scratch",
        type=Path,
        default=None,
        help="where to make the scratch folders (default: the system's temp folder)",
    )
    p.add_argument(
        "--keep-scratch",
        action="store_true",
        help="keep the scratch folders and kernel logs (the notebooks' own files "
        "live in the sandbox's memory and are gone)",
    )
    p.add_argument(
        "--unsafe-no-sandbox",
        action="store_true",
        help="run notebooks WITHOUT a sandbox, as you: they can read and change your "
        "files and each other's, reach the network and outlive grading",
    )
    p.add_argument("--quiet", action="store_true", help="print only the summary")
    p.add_argument(
        "--lang",
        choices=i18n.LANGUAGES,
        default=default_language(),
        help="the language of the reports and feedback: en or zh (default: RETOOL_LANG, else en)",
    )
    return p


def default_language() -> str:
    """The reports' language unless --lang says: RETOOL_LANG when set, else English (not the
    folder the grader is run from: an instructor's folder says nothing of the class)."""
    return i18n._normal(os.environ.get("RETOOL_LANG")) or i18n.SOURCE


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    with i18n.use(args.lang):
        return _main(args)


def _main(args) -> int:
    if not args.folder.is_dir():
        print(_("grade: {folder} is not a folder").format(folder=args.folder), file=sys.stderr)
        return 2
    if not 0 <= args.close_credit <= 1 or args.timeout <= 0 or args.jobs < 1:
        print(
            _("grade: --close-credit must be in [0, 1], --timeout and --jobs positive"),
            file=sys.stderr,
        )
        return 2
    if args.roster is not None and not args.roster.is_file():
        print(
            _("grade: the roster {roster} is not a file").format(roster=args.roster),
            file=sys.stderr,
        )
        return 2
    paths = report.output_paths(args.out)
    progress = None if args.quiet else (lambda line: print(line, flush=True))
    try:
        result = grade_folder(
            args.folder,
            timeout=args.timeout,
            jobs=args.jobs,
            cell_timeout=args.cell_timeout,
            memory_mb=args.memory,
            exercise=args.exercise,
            close_credit=args.close_credit,
            scratch=args.scratch,
            keep_scratch=args.keep_scratch,
            exclude=[p for k, p in paths.items() if k != "feedback_files"],
            progress=progress,
            unsafe_no_sandbox=args.unsafe_no_sandbox,
        )
    except sandbox.SandboxUnavailable as exc:
        print(f"grade: {exc}", file=sys.stderr)
        return 3
    except (ValueError, FileNotFoundError) as exc:
        print(f"grade: {exc}", file=sys.stderr)
        return 2
    if not result.rows:
        print(_("grade: no files in {folder}").format(folder=args.folder), file=sys.stderr)
        return 2
    try:
        written = report.write_result(result, args.out, args.roster, args.assignment)
    except ValueError as exc:
        print(f"grade: {exc}", file=sys.stderr)
        return 2
    print()
    print(result.summary())
    print()
    print(_("score table: {path}").format(path=written["scores"]))
    print(_("class summary: {path}").format(path=written["summary"]))
    print(_("item analysis: {path}").format(path=written["items"]))
    print(_("feedback per question: {path}").format(path=written["feedback"]))
    print(_("feedback files to hand back: {path}/").format(path=written["feedback_files"]))
    if "gradebook" in written:
        print(_("Canvas gradebook: {path}").format(path=written["gradebook"]))
        for name in written["unmatched"]:
            print(_("  no roster entry for the submission {name}").format(name=name))
        for name in written["absent"]:
            print(_("  no submission from {name} (left blank)").format(name=name))
    if args.keep_scratch:
        print(_("scratch folders: {path}").format(path=result.scratch))
    return 0
