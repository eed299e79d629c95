"""The rules of fair marking (retool.exercises.core), shared by the checks and the grader.

Expected values come from the questions themselves (computed from data), never typed in.
"""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys

import numpy as np
import pytest

from retool import data
from retool.exercises import core
from retool.exercises.core import (
    ChoiceQuestion,
    Mistake,
    NumberQuestion,
    OpenQuestion,
    Outcome,
    SeriesQuestion,
    summary,
)
from retool.grading import exercise_modules

MODULES = [importlib.import_module(m) for m in exercise_modules().values()]
QUESTIONS = [(m.__name__.rsplit(".", 1)[-1], q) for m in MODULES for q in m.QUESTIONS]
IDS = [f"{name}.{q.qid}" for name, q in QUESTIONS]
CHOICES = [(n, q) for n, q in QUESTIONS if isinstance(q, ChoiceQuestion)]
NUMBERS = [(n, q) for n, q in QUESTIONS if isinstance(q, NumberQuestion)]


# --- multiple choice: one letter, or one option's exact text ----------------------------------


@pytest.mark.parametrize("name,q", CHOICES, ids=[f"{n}.{q.qid}" for n, q in CHOICES])
def test_choice_takes_one_option_only(name, q):
    letters = list(q.options)
    right, text = q.correct, q.options[q.correct][0]
    for written in (right, right.lower(), f"({right})", f" {right}. ", text, text.upper()):
        assert q.check(written).correct, written
    assert q.check(f"{right}) {text}").correct
    other = next(k for k in letters if k != right)
    both = q.check(f"{right} or {other}")
    assert both.outcome is Outcome.INVALID and "names 2 options" in both.message
    for junk in ("Banana", "Correct", "the right one", ""):
        fb = q.check(junk)
        assert fb.outcome is Outcome.INVALID and "not one of the options" in fb.message, junk


# --- numbers: the exact value, or its rounding at a printed or stated precision ----------------


def test_stated_precisions_are_read_from_the_solution():
    assert core.stated_numbers("About 134,000亿元, some 10%; about 1/13") == [
        "134,000",
        "10",
        "1/13",
    ]
    assert core.decimals_of("134,000") == -3 and core.decimals_of("31.70") == 2
    exact = 133_987.2
    assert core.rounded_forms(exact, None, "about 134,000亿元") == [134_000]
    assert core.rounded_forms(exact, None, "about 135,000亿元") == []  # not this number
    assert core.rounded_forms(1 / 13.2, None, "about 1/13") == [pytest.approx(1 / 13)]
    assert core.rounded_forms(2.24, None, "About 2.2: it tripled") == [2.2]


@pytest.mark.parametrize("name,q", NUMBERS, ids=[f"{n}.{q.qid}" for n, q in NUMBERS])
def test_every_stated_rounding_is_accepted_and_judged_alike(name, q):
    exact = float(q.expected())
    forms = core.rounded_forms(exact, q.printed, q.solution_text)
    for form in forms:
        assert q.check(form).correct, (form, str(q.check(form)))
        twin = NumberQuestion(
            qid="qx",
            answer_name="qx_answer",
            prompt="",
            expected=lambda: exact,
            tolerance=0,
            printed=q.printed,
            solution_text=q.solution_text,
        )
        assert twin.check(form).correct  # the same number is judged the same anywhere


def test_a_rounding_that_is_not_the_exact_value_rounded_is_not_accepted():
    q = NumberQuestion(
        qid="q1",
        answer_name="q1_answer",
        prompt="",
        expected=lambda: 133_987.2,
        tolerance=1.0,
        solution_text="About 134,000亿元.",
    )
    assert q.check(134_000).correct and q.check("134,000").correct
    assert not q.check(135_000).correct and not q.check(133_000).correct


# --- named mistakes: nearest on a relative scale ----------------------------------------------


def test_a_fraction_is_named_a_fraction_not_an_absolute_gap():
    exact = float(data.claim_value("growth_2005_2009_domestic"))
    q = NumberQuestion(
        qid="q1",
        answer_name="q1_answer",
        prompt="",
        expected=lambda: exact,
        mistakes=(
            Mistake("a fraction, not a percentage", lambda: exact / 100, "x100"),
            Mistake("the absolute gap", lambda: exact / 100 - 0.004, "divide"),
        ),
    )
    fb = q.check(exact / 100)
    assert fb.outcome is Outcome.CLOSE and fb.mistake == "a fraction, not a percentage"
    assert q.check(round(exact / 100, 2)).mistake == "a fraction, not a percentage"


def test_a_mistake_wins_only_when_nearer_than_the_right_value():
    q = NumberQuestion(
        qid="q1",
        answer_name="q1_answer",
        prompt="",
        expected=lambda: 100.0,
        tolerance=0.05,
        mistakes=(Mistake("ten times too big", lambda: 100.9, "no"),),
    )
    assert q.check(100.4).outcome is Outcome.INCORRECT  # nearer the right value than 100.9
    assert q.check(100.9).mistake == "ten times too big"


# --- None, open answers, the summary, messages ---------------------------------------------------


def test_none_is_an_answer_that_holds_no_value():
    fb = NUMBERS[0][1].check(None)
    assert fb.outcome is Outcome.INVALID and "print(...)" in fb.message


def test_open_answers_are_recorded_never_correct_and_counted_apart():
    q = OpenQuestion(qid="q2", answer_name="q2_answer", prompt="Why?", solution_text="Because.")
    n = NumberQuestion(qid="q1", answer_name="q1_answer", prompt="", expected=lambda: 1.0)
    assert n.check(1.0).correct
    fb = q.check("Because the universes differ.")
    assert fb.outcome is Outcome.RECORDED and not fb.correct
    lines = str(summary(n, q)).splitlines()
    assert lines[:2] == ["q1: correct", "q2: answered, not auto-graded"]
    assert "1 of 1 auto-graded" in lines[2] and "1 of 1 open questions answered" in lines[3]
    n.check()  # no argument: a reminder, the summary keeps q1's outcome
    assert str(summary(n, q)).splitlines()[0] == "q1: correct"


ODD_ANSWERS = [
    np.int64(3),
    np.float64(134_000.0),
    1.34e5,
    3,
    None,
    [1, 2],
    np.array([1.0, 2.0]),
    "B or C",
    object(),
]
BANNED = re.compile(r"np\.(int|float)\d*\(|\d[eE][+-]\d|\ba int\b|\ba object\b|\ba ndarray\b")


@pytest.mark.parametrize("name,q", QUESTIONS, ids=IDS)
def test_messages_read_as_a_person_writes(name, q):
    for answer in ODD_ANSWERS:
        message = q.check(answer).message
        assert not BANNED.search(message), (answer, message)


def test_questions_know_no_answers_while_graded():
    code = (
        "from retool.exercises import ex00_start as ex\n"
        "spelt = (lambda: getattr(ex.q1, 'exp' + 'ected')(), lambda: vars(ex.q3)['expected']())\n"
        "for get in spelt:\n"
        "    try:\n"
        "        get()\n"
        "        raise SystemExit('an expected value was computed')\n"
        "    except LookupError:\n"
        "        pass\n"
        "assert ex.q2.correct == '' and ex.q1.mistakes == ()\n"
        "assert 'withheld' in ex.q1.solution()\n"
        "assert not ex.q2.check('B').correct\n"
    )
    env = {**os.environ, "RETOOL_GRADING": "1"}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]


def test_series_answers_follow_the_same_rules():
    q = next(q for _, q in QUESTIONS if isinstance(q, SeriesQuestion) and q.mistakes)
    expected = q.expected()
    assert q.check(expected).correct
    assert q.check(dict(q.mistakes[0].value())).mistake == q.mistakes[0].name
