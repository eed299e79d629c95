"""Every exercise set climbs from recompute to interpret to critique (issue 15, item 1).

Each set has a task the learner codes from data/ (its worked solution calls no ``rebuild``
helper, and neither do its hints) and a short written critique marked against a rubric;
helpers named after an answer stay out of every exercise notebook and every hint.
"""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import pytest

from retool.exercises import core, generate

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = sorted((ROOT / "solutions").glob("*_solutions.ipynb"))

# rebuild's helpers whose name states an answer: calling one is not computing it
ANSWER_NAMED = (
    "first_year_domestic_faster",
    "renovation_share_1980",
    "productivity_growth_multiple",
    "fraction_of_benchmark",
    "hightech_renovation_2008",
    "all_lme_renovation_2008",
    "implied_all_lme_renovation_2009",
    "implied_manufacturing_fai_2009",
    "implied_mfg_share_2009",
    "domestic_share_in",
    "assimilation_ratio_in",
    "china_rank_2008",
)
_HELPER = re.compile(r"\b(?:rebuild\.)?(" + "|".join(ANSWER_NAMED) + r")\b")


def _module(nb_path: Path):
    meta = json.loads(nb_path.read_text(encoding="utf-8"))["metadata"]["retool"]
    return importlib.import_module(f"retool.exercises.{meta['exercise']}")


def _solution_blocks(nb_path: Path) -> dict:
    """answer name -> the code of the solution block that assigns it."""
    blocks = {}
    for cell in json.loads(nb_path.read_text(encoding="utf-8"))["cells"]:
        src = "".join(cell["source"])
        if cell["cell_type"] != "code" or generate.BEGIN_CODE not in src:
            continue
        body = src.split(generate.BEGIN_CODE, 1)[1].split(generate.END_CODE, 1)[0]
        for name in generate.answer_names(body):
            blocks[name] = body
    return blocks


@pytest.fixture(params=SOLUTIONS, ids=lambda p: p.name[:2])
def solutions_nb(request):
    return request.param


def test_the_helper_list_names_real_helpers():
    from retool import rebuild

    assert all(callable(getattr(rebuild, name)) for name in ANSWER_NAMED)


def test_every_set_has_a_task_coded_from_data(solutions_nb):
    module = _module(solutions_nb)
    own = [q for q in module.QUESTIONS if q.own_code]
    assert own, f"{solutions_nb.name}: no question is marked own_code"
    blocks = _solution_blocks(solutions_nb)
    for q in own:
        assert q.auto, f"{q.qid}: a coded task is still judged by its check"
        code = blocks[q.answer_name]
        assert re.search(r"\b(?:data|later)\.", code), f"{q.qid}: not computed from data/"
        assert "rebuild." not in code, f"{q.qid}: the worked solution calls a rebuild helper"
        assert not any("rebuild." in h for h in q.hints), f"{q.qid}: a hint names a helper"


def test_every_set_ends_with_a_written_critique(solutions_nb):
    module = _module(solutions_nb)
    critiques = [q for q in module.QUESTIONS if isinstance(q, core.CritiqueQuestion)]
    assert critiques, f"{solutions_nb.name}: no written critique"
    for q in critiques:
        assert len(q.rubric) >= 4 and q.rubric_points() > 0
        model = core.word_count(q.solution_text)
        assert q.words / 2 <= model <= q.words * 1.5, f"{q.qid}: the model answer has {model} words"
        assert re.search(r"\d", q.solution_text), f"{q.qid}: the model answer cites no number"


def test_no_answer_named_helper_in_exercise_notebooks_or_hints(solutions_nb):
    module = _module(solutions_nb)
    exercise = ROOT / "exercises" / generate.exercise_name(solutions_nb)
    text = "".join(
        "".join(c["source"]) for c in json.loads(exercise.read_text(encoding="utf-8"))["cells"]
    )
    assert not _HELPER.findall(text), f"{exercise.name} names {_HELPER.findall(text)}"
    for q in module.QUESTIONS:
        for words in (q.prompt, *q.hints):
            assert not _HELPER.search(words), f"{q.qid} names {_HELPER.search(words).group(1)}"


def test_the_capstone_is_a_referee_report():
    from retool.exercises import ex09_critical as ex09

    report = [q for q in ex09.QUESTIONS if isinstance(q, core.CritiqueQuestion)]
    assert any(q.words >= 400 for q in report), "exercise 09 has no one-page report"
    big = max(report, key=lambda q: q.words)
    names = " ".join(c.name for c in big.rubric).lower()
    for part in ("summary", "concern", "change"):
        assert part in names, f"the report's rubric has no {part!r} line"
    assert sum(1 for q in ex09.QUESTIONS if q.own_code) >= 3, "three recomputed numbers"


def test_the_feedback_file_shows_a_critique_with_its_rubric_and_no_points():
    from retool.exercises import ex01_scale as ex01
    from retool.grading import report
    from retool.grading.grade import Graded, Row

    essay = "Nominal growth of 31.7% over four years is not growth in real effort. " * 10
    fb = ex01.q8.check(essay)
    graded = Graded("q8", fb.outcome.value, 0.0, fb.message, "", essay)
    row = Row("student/a.ipynb", "a.ipynb", "ex01_scale", [graded])
    result = report.ClassResult([row], {"ex01_scale": ex01.QUESTIONS})
    page = report.feedback_html(result, row)
    assert "marked by your instructor" in page and "answered, not auto-graded" in page
    assert "recomputed evidence (2)" in page and "Nominal growth of 31.7%" in page
    assert result.max_points("ex01_scale") == sum(q.points for q in ex01.QUESTIONS if q.auto)


def test_the_grader_keeps_a_whole_page_of_a_referee_report():
    from retool.exercises import ex09_critical as ex09
    from retool.grading.grade import OPEN_ANSWER_CHARS, grade_answers
    from retool.grading.runner import Run

    report = ex09.q8.solution_text
    assert len(report) > OPEN_ANSWER_CHARS  # a page is longer than a short open answer
    run = Run(answers={"q8_answer": {"value": report}})
    (graded,) = grade_answers([ex09.q8], None, run)
    assert graded.answer_text == report and graded.points == 0
    assert graded.outcome == "answered, not auto-graded"
