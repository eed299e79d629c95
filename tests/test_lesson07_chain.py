"""Lesson 07: the smile-curve illustration, its widget, the quiz and the exercises."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.figure import Figure

from retool import data
from retool.exercises import ex07_chain
from retool.exercises.core import Outcome
from retool.exercises.quiz07_chain import chain_quiz
from retool.models import chain
from retool.widgets import chain as chain_widget
from retool.widgets import quiz_widget

LOW, HIGH = chain.PARAMS["depth"].bounds()
depths = st.floats(min_value=LOW, max_value=HIGH, allow_nan=False)
stage_sets = st.sets(st.sampled_from(list(chain.STAGES)))


@given(depths)
def test_shares_sum_to_100_and_are_symmetric(depth):
    s = chain.shares_pct(depth)
    assert math.isclose(s.sum(), 100)
    assert (s >= 0).all()
    values = s.to_numpy()
    assert values == pytest.approx(values[::-1])


def test_flat_chain_gives_every_stage_the_same_share():
    s = chain.shares_pct(1.0)
    assert s.to_numpy() == pytest.approx([100 / len(chain.STAGES)] * len(chain.STAGES))


@given(st.floats(min_value=1.01, max_value=HIGH))
def test_a_smile_puts_assembly_at_the_bottom(depth):
    s = chain.shares_pct(depth)
    assert s.idxmin() == "assembly"
    assert s["rd"] == pytest.approx(s.max())
    assert chain.value_added(depth)["rd"] == pytest.approx(depth)


def test_a_frown_puts_assembly_at_the_top():
    assert chain.shares_pct(0.5).idxmax() == "assembly"


@given(stage_sets, depths)
def test_captured_share_adds_up_the_firms_stages(stages, depth):
    share = chain.captured_pct(stages, depth)
    assert share == pytest.approx(chain.shares_pct(depth)[list(stages)].sum())
    rest = set(chain.STAGES) - stages
    assert share + chain.captured_pct(rest, depth) == pytest.approx(100)


def test_whole_chain_and_no_stage():
    assert chain.captured_pct(tuple(chain.STAGES)) == pytest.approx(100)
    assert chain.captured_pct(()) == 0


def test_defaults_reproduce_the_papers_point():
    """An assembler captures less than a flat chain would give it; the ends capture more."""
    assembler = chain.captured_pct(chain.DEFAULT_FIRM, chain.DEFAULT_DEPTH)
    assert assembler < chain.flat_share_pct(chain.DEFAULT_FIRM)
    ends = ("rd", "design")
    assert chain.captured_pct(ends, chain.DEFAULT_DEPTH) > chain.flat_share_pct(ends)
    assert chain.DEFAULT_FIRM == ("assembly",)


def test_stage_names_accept_labels_in_either_language():
    assert chain.clean_stages(["R&D", "组装", "service"]) == ("rd", "assembly", "service")
    assert chain.unknown_stages(["R&D", "painting"]) == ["painting"]
    assert chain.stage_names(("rd", "design", "service")) == "R&D, design and service"


@given(st.one_of(st.floats(), st.text(max_size=5), st.none()))
def test_describe_never_raises(depth):
    sentence = chain.describe(("assembly",), depth)
    assert isinstance(sentence, str) and sentence


def test_bad_depth_is_refused_with_a_reason():
    assert "negative" in chain.check_depth(-1)
    assert chain.describe(("assembly",), -1).startswith("No result")
    with pytest.raises(ValueError):
        chain.value_added(-1)


# --- widget -----------------------------------------------------------------------------------


def test_widget_defaults_reproduce_the_illustration():
    fig, sentence = chain_widget.view()
    share = chain.captured_pct(chain.DEFAULT_FIRM, chain.DEFAULT_DEPTH)
    assert isinstance(fig, Figure)
    assert f"{share:.1f}%" in sentence
    assert f"{share:.1f}%" in fig._suptitle.get_text()


def test_widget_sentence_changes_with_each_setting():
    base = chain_widget.view()[1]
    assert chain_widget.view(depth=5)[1] != base
    assert chain_widget.view(stages=("rd",))[1] != base


def test_widget_names_unknown_stages():
    _, sentence = chain_widget.view(stages=("assembly", "painting"))
    assert "painting" in sentence


def test_explorer_builds():
    assert chain_widget.explorer() is not None


# --- quiz -------------------------------------------------------------------------------------


def test_quiz_questions_explain_every_option():
    questions = chain_quiz()
    assert len(questions) >= 3
    for q in questions:
        assert q.correct in q.options
        for key, (text, why) in q.options.items():
            assert text.strip() and why.strip()
            fb = q.check(key)
            assert fb.outcome is (Outcome.CORRECT if key == q.correct else Outcome.INCORRECT)
            assert why in q.feedback(key)


def test_quiz_covers_the_biases_and_advanced_manufacturing():
    prompts = " ".join(q.prompt for q in chain_quiz())
    assert "biases" in prompts and "advanced manufacturing" in prompts


def test_the_quiz_widget_shows_each_questions_feedback_for_the_option_picked():
    questions = chain_quiz()
    boxes = quiz_widget(questions).children
    assert len(boxes) == len(questions)
    for q, box in zip(questions, boxes):
        prompt, choice, button, answer = box.children
        assert q.prompt in prompt.value
        assert [value for _, value in choice.options] == list(q.options)
        button.click()  # nothing picked yet
        assert answer.value == q.feedback_html(None)
        for key in q.options:
            choice.value = key
            button.click()
            assert answer.value == q.feedback_html(key) == q.check(key).html()


# --- exercises --------------------------------------------------------------------------------


def test_solution_text_uses_data_not_typed_numbers():
    share = data.claim("traditional_share_manufacturing")["value"]
    assert f"{share}%" in ex07_chain.q6.solution_text
