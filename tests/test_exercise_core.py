"""The exercise core: outcomes, number parsing, hints, summary; expected values come from data."""

from __future__ import annotations

import math
import re
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest

from retool import data, rebuild
from retool.exercises import core
from retool.exercises.core import (
    ChoiceQuestion,
    Mistake,
    NumberQuestion,
    OpenQuestion,
    Outcome,
    SeriesQuestion,
    summary,
    to_number,
)

CLAIM = "growth_2005_2009_renovation"


def growth() -> float:
    return float(rebuild.table1_growth(2005, 2009)["renovation"])


def growths() -> dict:
    return rebuild.table1_growth(2005, 2009).to_dict()


def number_question(**kw) -> NumberQuestion:
    args = dict(
        qid="q1",
        answer_name="q1_answer",
        prompt="Growth of renovation 2005-2009, percent.",
        expected=growth,
        printed=str(data.claim(CLAIM)["value"]),
        where="section 一.1",
        hints=("first", "second"),
        solution_text="rebuild.table1_growth()",
        mistakes=(Mistake("a fraction instead of a percentage", lambda: growth() / 100, "x100"),),
    )
    args.update(kw)
    return NumberQuestion(**args)


def series_question(**kw) -> SeriesQuestion:
    args = dict(
        qid="q2",
        answer_name="q2_answer",
        prompt="Growth of every Table 1 series, percent.",
        expected=growths,
        solution_text="rebuild.table1_growth()",
        mistakes=(
            Mistake("fractions", lambda: {k: v / 100 for k, v in growths().items()}, "x100"),
        ),
    )
    args.update(kw)
    return SeriesQuestion(**args)


CHOICE = ChoiceQuestion(
    qid="q3",
    answer_name="q3_answer",
    prompt="Which?",
    options={"A": ("one", "wrong because"), "B": ("two", "right because")},
    correct="B",
    solution_text="B",
)


# --- to_number ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "answer, expected",
    [
        (31.7, 31.7),
        (31, 31.0),
        ("31.7", 31.7),
        (" 31.7 % ", 31.7),
        ("31.7％", 31.7),
        ("2,633.83", 2633.83),
        (np.float64(31.7), 31.7),
        (np.int64(3), 3.0),
        (np.array([31.7]), 31.7),
        (pd.Series([31.7]), 31.7),
        (Decimal("31.7"), 31.7),
        (Fraction(1, 4), 0.25),
    ],
)
def test_to_number_reads_numbers(answer, expected):
    assert to_number(answer) == pytest.approx(expected)


@pytest.mark.parametrize(
    "answer",
    [
        True,
        False,
        np.bool_(True),
        "",
        "  ",
        "about a third",
        "1" * 60,
        [1.0],
        (1.0,),
        {1: 1.0},
        np.array([1.0, 2.0]),
        1j,
        b"31.7",
        object(),
    ],
)
def test_to_number_rejects_what_is_not_one_number(answer):
    with pytest.raises(ValueError) as err:
        to_number(answer)
    assert len(str(err.value)) < 200


# --- NumberQuestion ----------------------------------------------------------------------------


def test_number_outcomes():
    q = number_question()
    printed = data.claim(CLAIM)["value"]
    assert q.check(...).outcome is Outcome.UNANSWERED
    assert q.check().outcome is Outcome.UNANSWERED
    none = q.check(None)  # what `q1_answer = print(x)` leaves: an answer, not a placeholder
    assert none.outcome is Outcome.INVALID and "print(...)" in none.message
    fb = q.check(growth())
    assert fb.correct and printed in fb.message and "section 一.1" in fb.message
    assert q.check(float(printed)).correct
    assert q.check(f"{printed}%").correct
    close = q.check(growth() / 100)
    assert close.outcome is Outcome.CLOSE and "fraction instead of a percentage" in close.message
    wrong = q.check(growth() + 10)
    assert wrong.outcome is Outcome.INCORRECT and "q1.hint()" in wrong.message
    assert printed not in wrong.message and printed not in close.message
    assert q.check("about a third").outcome is Outcome.INVALID
    assert q.check(True).outcome is Outcome.INVALID
    assert q.check(math.nan).outcome is Outcome.INVALID
    assert q.check(math.inf).outcome is Outcome.INVALID


def test_number_without_printed_value_uses_the_tolerance():
    q = number_question(printed=None, tolerance=0.05)
    assert q.check(growth() + 0.04).correct
    assert not q.check(growth() + 0.2).correct


def test_a_printed_number_the_data_does_not_reproduce_is_not_accepted():
    # the paper's printed value only counts when the exact value rounds to it too
    off = str(round(growth() + 5, 1))
    q = number_question(printed=off)
    assert not q.check(float(off)).correct
    fb = q.check(growth())
    assert fb.correct and off in fb.message  # says the paper prints something else


def test_last_feedback_is_kept_and_summarised():
    q1 = number_question()
    q3 = CHOICE
    q1.check(growth())
    q3.check("A")
    lines = str(summary(q1, q3)).splitlines()
    assert lines == [
        "q1: correct",
        "q3: incorrect",
        "1 of 2 auto-graded questions answered correctly",
    ]
    q1.check()  # a reminder without an answer: the summary keeps the last outcome
    assert str(summary(q1, q3)).splitlines()[0] == "q1: correct"
    fresh = number_question(qid="q9", answer_name="q9_answer")
    assert str(summary(fresh)).splitlines()[0] == "q9: not answered yet"


def test_hints_are_layered_then_repeat():
    q = number_question()
    assert q.hint().startswith("Hint 1/2")
    assert q.hint().startswith("Hint 2/2")
    assert q.hint().startswith("Hint 2/2")
    assert "no hint" in number_question(hints=()).hint()
    assert repr(q.solution()).startswith("Solution to q1")


def test_a_broken_expected_value_gives_a_sentence():
    def broken():
        raise KeyError("no such year")

    q = number_question(expected=broken)
    fb = q.check(3.0)
    assert fb.outcome is Outcome.INVALID and "could not be read" in fb.message


def test_feedback_renders_safely():
    fb = core.Feedback("q1", Outcome.INCORRECT, "a <b> & c")
    assert fb._repr_markdown_().count("&lt;b&gt;") == 1
    assert str(fb).startswith("✘ q1") and repr(fb) == str(fb)


# --- ChoiceQuestion ----------------------------------------------------------------------------


@pytest.mark.parametrize("answer", ["B", "b", " (B) ", "(b)", "B) two"])
def test_choice_accepts_the_letter_however_written(answer):
    assert CHOICE.check(answer).correct


@pytest.mark.parametrize("answer", ["Z", "", 2, ["B"], "B" * 30, None])
def test_choice_rejects_non_options(answer):
    fb = CHOICE.check(answer)
    assert not fb.correct
    assert fb.outcome in (Outcome.INVALID, Outcome.UNANSWERED)


def test_choice_explains_wrong_options():
    fb = CHOICE.check("A")
    assert fb.outcome is Outcome.INCORRECT and "wrong because" in fb.message
    lower = ChoiceQuestion(
        qid="q4", answer_name="q4_answer", prompt="?", options={"a": ("x", "y")}, correct="a"
    )
    assert lower.check("A").correct


# --- SeriesQuestion ----------------------------------------------------------------------------


def test_series_accepts_dict_series_list_and_one_column_frame():
    q = series_question()
    exp = growths()
    assert q.check(exp).correct
    assert q.check(pd.Series(exp)).correct
    assert q.check(list(exp.values())).correct
    assert q.check(np.array(list(exp.values()))).correct
    assert q.check(pd.DataFrame({"g": pd.Series(exp)})).correct
    assert q.check({str(k): v for k, v in exp.items()}).correct


def test_series_outcomes():
    q = series_question()
    exp = growths()
    frac = q.check({k: v / 100 for k, v in exp.items()})
    assert frac.outcome is Outcome.CLOSE and "fractions" in frac.message
    one_wrong = dict(exp)
    first = next(iter(one_wrong))
    one_wrong[first] += 10
    fb = q.check(one_wrong)
    assert fb.outcome is Outcome.INCORRECT and f"{len(exp) - 1} of {len(exp)}" in fb.message
    assert q.check(pd.DataFrame(np.zeros((3, 4)))).outcome is Outcome.INVALID
    assert q.check(list(exp.values())[:-1]).outcome is Outcome.INVALID
    assert q.check({first: 1.0}).outcome is Outcome.INVALID
    assert q.check({k: math.nan for k in exp}).outcome is Outcome.INVALID


def test_a_series_mistake_sharing_no_label_never_matches():
    q = series_question(mistakes=(Mistake("other labels", lambda: {"zzz": 1.0}, "no"),))
    fb = q.check({k: v + 50 for k, v in growths().items()})
    assert fb.outcome is Outcome.INCORRECT


# --- OpenQuestion ------------------------------------------------------------------------------


def test_open_question_records_text():
    q = OpenQuestion(qid="q5", answer_name="q5_answer", prompt="Why?", solution_text="Because.")
    assert q.points == 0 and not q.auto
    fb = q.check("Because the universes differ.")
    assert fb.outcome is Outcome.RECORDED and not fb.correct  # answered, never "correct"
    assert "1 of 1 open questions answered" in str(summary(q))
    assert q.check("   ").outcome is Outcome.INVALID
    assert q.check(42).outcome is Outcome.INVALID
    assert q.check(...).outcome is Outcome.UNANSWERED


def test_the_nearest_of_two_close_mistakes_is_named():
    from retool.exercises.core import Mistake, NumberQuestion

    q = NumberQuestion(
        qid="qx",
        answer_name="qx_answer",
        prompt="",
        expected=lambda: 7.0,
        tolerance=0.05,
        mistakes=(Mistake("first", lambda: 7.94, "a"), Mistake("second", lambda: 7.90, "b")),
    )
    assert "second" in q.check(7.90).message
    assert "first" in q.check(7.94).message


# --- feedback in plain words, the answer echoed as typed, one set of colours --------------------

PYTHON_WORDS = re.compile(
    r"\b(?:str|dict|int|float|NoneType|ndarray|TypeError|ValueError|"
    r"OverflowError|Exception)\b"
)


@pytest.mark.parametrize(
    "answer", ["lots, maybe", "  12,3 apples ", "", [1, 2], {"a": 1}, 10**400, object(), "B, C"]
)
def test_an_unclear_answer_is_named_in_plain_words_with_an_example(answer):
    for q in (number_question(), series_question(), CHOICE):
        fb = q.check(answer)
        assert fb.outcome is Outcome.INVALID, (q, answer)
        assert not PYTHON_WORDS.search(fb.message), fb.message
        assert "for example" in fb.message and q.answer_name in fb.message, fb.message
        assert str(fb).startswith(f"? {q.qid}: unclear answer: ")


@pytest.mark.parametrize(
    "text", ["lots, maybe", "12,3 apples", "about 30%, I think", "%", " ,% "]
)
def test_the_answer_is_echoed_as_typed(text):
    for q in (number_question(), series_question(), CHOICE):
        assert repr(text) in q.check(text).message


def test_every_outcome_has_its_own_mark_and_colour():
    styles = [core.OUTCOME_STYLE[o] for o in Outcome]
    assert len({m for m, _, _ in styles}) == len({c for _, _, c in styles}) == len(Outcome)
    assert all(mark != "…" for mark, _, _ in styles)
    unclear = core.Feedback("q1", Outcome.INVALID, "x")
    assert "unclear" in str(unclear) and core.OUTCOME_STYLE[Outcome.INVALID][2] in unclear.html()


def test_the_quiz_colours_its_feedback_as_the_exercises_do():
    from retool.exercises.quiz07_chain import chain_quiz

    q = chain_quiz()[0]
    for key in q.options:
        html = q.feedback_html(key)
        assert html == q.check(key)._repr_markdown_()
        assert core.OUTCOME_STYLE[q.check(key).outcome][2] in html
    assert core.OUTCOME_STYLE[Outcome.UNANSWERED][2] in q.feedback_html(None)


def critique(**kw) -> core.CritiqueQuestion:
    args = dict(
        qid="q9",
        answer_name="q9_answer",
        prompt="Critique the claim.",
        solution_text="A model critique.",
        rubric=(
            core.Criterion("claim", "states the claim", 1),
            core.Criterion("evidence", "backs it with a recomputed number", 2),
        ),
        words=150,
    )
    args.update(kw)
    return core.CritiqueQuestion(**args)


def test_a_critique_is_recorded_never_marked_correct():
    q = critique()
    essay = " ".join(["The growth of 31.7% rests on a small base."] * 15)
    fb = q.check(essay)
    assert fb.outcome is Outcome.RECORDED and not fb.correct
    assert "not auto-graded" in fb.message and "rubric" in fb.message
    assert f"{core.word_count(essay)} words" in fb.message
    assert not q.auto and q.points == 0


def test_a_critique_says_what_it_can_observe():
    q = critique()
    assert "much shorter" in q.check("Too short.").message
    assert "cites no number" in q.check("Too short.").message
    assert "much longer" in q.check("word 1 " * 200).message
    assert q.check("   ").outcome is Outcome.INVALID
    assert q.check(150).outcome is Outcome.INVALID


def test_word_count_counts_chinese_characters_in_pairs():
    assert core.word_count("two words") == 2
    assert core.word_count("技术改造投资") == 3
    assert core.word_count("31.7% of 2,633.83") == 3


def test_a_critique_solution_shows_the_rubric_and_its_points():
    q = critique()
    text = q.solution()
    assert "3 points" in text and "backs it with a recomputed number (2)" not in text
    assert "- evidence (2): backs it with a recomputed number" in text
    assert "Model answer:\nA model critique." in text


def test_a_withheld_critique_keeps_its_rubric(monkeypatch):
    monkeypatch.setenv("RETOOL_GRADING", "1")
    q = critique()
    assert core.WITHHELD in q.solution() and "- claim (1): states the claim" in q.solution()
    assert "A model critique" not in q.solution()


@pytest.mark.parametrize(
    "text",
    ["B", "a or B", "AB", "(C), not D", "b", "A1 B2", "x" * 5000 + " C " + "y" * 5000, "Ａ", ""],
)
@pytest.mark.parametrize("keys", [["A", "B", "C", "D"], ["A1", "B", "c"]])
def test_the_options_a_text_names_are_found_in_one_pass_as_key_by_key(text, keys):
    """The one-pass search for capital-letter keys finds what a search per key finds."""
    per_key = [k for k in keys if re.search(rf"(?<![A-Za-z]){re.escape(k)}(?![A-Za-z])", text)]
    assert core._letters_named(text, keys) == per_key
