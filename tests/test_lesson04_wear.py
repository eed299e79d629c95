"""Lesson 04 (equipment that wears out): the census's levels, productivity, and the wear model."""

from __future__ import annotations

import json

import numpy as np
import pytest
from conftest import ROOT
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from retool import data, measures, rebuild
from retool.exercises import ex04_wear as ex
from retool.models import wear
from retool.widgets import wear as widget

rates = st.floats(0, 1, allow_nan=False)


# --- the paper's numbers ----------------------------------------------------------------------


def test_census_table_reads_the_four_claims_and_they_cover_all_equipment():
    table = wear.census_table()
    assert list(table.index) == list(wear.LEVELS)
    for _, row in table.iterrows():
        assert row["share_pct"] == data.claim_value(row["claim"])
    assert table["share_pct"].sum() == pytest.approx(data.claim_value("equipment_total"))


def test_start_distribution_is_the_census_as_fractions():
    s = wear.start_distribution()
    assert s.sum() == pytest.approx(1)
    assert (s * 100).to_numpy() == pytest.approx(rebuild.equipment_distribution().to_numpy())


def test_productivity_more_than_doubled_in_current_prices():
    grew_by = rebuild.productivity_growth_multiple()
    assert grew_by > data.claim_value("productivity_doubled")
    start, end = data.claim_value("productivity_start"), data.claim_value("productivity_end")
    assert grew_by == pytest.approx(measures.growth_pct(start, end) / 100)


# --- the model --------------------------------------------------------------------------------


def test_start_gap_is_the_share_weighted_level():
    s = rebuild.equipment_distribution().to_numpy() / 100
    assert wear.start_gap_levels() == pytest.approx(float(s @ np.arange(4)))
    path = wear.simulate(years=0)
    assert len(path) == 1 and path["gap_levels"].iloc[0] == pytest.approx(wear.start_gap_levels())


@settings(max_examples=60)
@given(r=rates, d=rates, years=st.integers(1, 40))
def test_gap_widens_holds_or_narrows_with_the_sign_of_obsolescence_minus_renovation(r, d, years):
    assume(r == d or abs(r - d) > 1e-6)
    expected = "widens" if r < d else "holds" if r == d else "narrows"
    assert wear.verdict(r, d, years) == expected


@settings(max_examples=40)
@given(r=rates, d=rates, years=st.integers(1, 30))
def test_gap_moves_by_obsolescence_minus_renovation_while_enough_is_behind(r, d, years):
    path = wear.simulate(r, d, years)
    shares = path[list(wear.LEVELS)]
    assert (shares.to_numpy() >= -1e-12).all()
    assert shares.sum(axis=1).to_numpy() == pytest.approx(100)
    g = path["gap_levels"].to_numpy()
    behind_ok = path["international"].to_numpy()[:-1] / 100 * (1 - d) <= 1 - r  # r <= B
    steps = np.diff(g)
    assert steps[behind_ok] == pytest.approx(np.full(behind_ok.sum(), d - r), abs=1e-9)
    assert (steps >= d - r - 1e-9).all()  # renovation never removes more than r a year


def test_defaults_reproduce_the_papers_point():
    assert wear.DEFAULT_RENOVATION < wear.DEFAULT_OBSOLESCENCE
    assert wear.verdict() == "widens"
    path = wear.simulate()
    assert path["obsolete"].iloc[-1] > path["obsolete"].iloc[0]
    faster = wear.simulate(1.5 * wear.DEFAULT_OBSOLESCENCE)
    assert faster["gap_levels"].iloc[-1] < faster["gap_levels"].iloc[0]


def test_equal_rates_hold_the_mean_but_spread_the_distribution():
    d = wear.DEFAULT_OBSOLESCENCE
    path = wear.simulate(d, d)
    assert path["gap_levels"].to_numpy() == pytest.approx(wear.start_gap_levels())
    assert path["obsolete"].iloc[-1] > path["obsolete"].iloc[0]
    assert path["international"].iloc[-1] > path["international"].iloc[0]


@pytest.mark.parametrize("bad", [-0.1, 1.5, float("nan"), "x", None])
def test_model_rejects_unusable_rates_with_a_sentence(bad):
    with pytest.raises(ValueError, match="between 0.0% and 100.0%"):
        wear.simulate(bad)


@pytest.mark.parametrize("bad", [-1, 2.5, wear.MAX_YEARS + 1])
def test_model_rejects_unusable_years(bad):
    with pytest.raises(ValueError, match="whole number"):
        wear.simulate(years=bad)


# --- the widget -------------------------------------------------------------------------------


def test_widget_defaults_are_the_models_and_say_the_gap_widens():
    assert widget.SPEC.defaults()["renovation"] == wear.DEFAULT_RENOVATION
    fig, sentence = widget.view()
    path = wear.simulate()
    assert isinstance(fig, Figure)
    assert "widens" in sentence
    assert f"{path['gap_levels'].iloc[-1]:.2f}" in sentence
    assert f"{data.claim_value('equipment_obsolete'):.1f}%" in sentence


@pytest.mark.parametrize(
    "settings, word",
    [
        ({"renovation": 0.10, "obsolescence": 0.10}, "compensates"),
        ({"renovation": 0.15, "obsolescence": 0.10}, "narrows"),
        ({"renovation": 0, "obsolescence": 0}, "nothing moves"),
        ({"renovation": 1, "obsolescence": 1}, "compensates"),
        ({"years": 0}, "0 years"),
        ({"renovation": -0.05}, "between 0.0% and 100.0%"),
        ({"years": 2.5}, "whole number"),
    ],
)
def test_widget_sentence_follows_the_settings(settings, word):
    _, sentence = widget.view(**settings)
    assert word in sentence
    assert sentence != widget.view()[1]


# --- exercises and notebooks ------------------------------------------------------------------


def test_every_auto_question_accepts_its_own_expected_value():
    for q in ex.QUESTIONS:
        if hasattr(q, "expected") and q.expected is not None:
            assert q.check(q.expected()).correct, q.qid
            for mistake in getattr(q, "mistakes", ()):
                value = mistake.value()
                assert abs(value - q.expected()) > q.tolerance, (q.qid, mistake.name)
                assert not q.check(value).correct, (q.qid, mistake.name)


def _lesson_markdown() -> str:
    nb = json.loads((ROOT / "lessons" / "04_equipment_wear.ipynb").read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def test_lesson_box_states_the_models_defaults():
    text = _lesson_markdown()
    assert "The course's own model, not the paper's" in text
    rows = {
        line.split("|")[1].strip(): line for line in text.splitlines() if line.startswith("> |")
    }
    assert f"{wear.DEFAULT_OBSOLESCENCE:.0%}" in rows["obsolescence rate $\\delta$"]
    assert f"{wear.DEFAULT_RENOVATION:.0%}" in rows["renovation rate $r$"]
    assert f"| {wear.DEFAULT_YEARS} |" in rows["years"]


# --- new capacity (vintage capital): the gap settles at e + (δ − r) / g ------------------------


@pytest.mark.parametrize(
    "r, d, g, e", [(0.05, 0.10, 0.08, 1), (0.02, 0.10, 0.10, 0), (0.05, 0.06, 0.05, 2)]
)
def test_with_new_capacity_the_gap_settles_where_the_formula_says(r, d, g, e):
    path = wear.simulate(r, d, wear.MAX_YEARS, growth=g, new_level=e)["gap_levels"]
    assert path.iloc[-1] == pytest.approx(wear.steady_gap(r, d, g, e), abs=1e-3)
    assert abs(path.iloc[-1] - path.iloc[-2]) < 1e-4  # settled, not still moving


def test_without_new_capacity_the_gap_grows_by_wear_minus_renovation_each_year():
    path = wear.simulate(0.05, 0.10, 5, growth=0.0)["gap_levels"]
    assert path.diff().dropna().to_numpy() == pytest.approx([0.05] * 5)
    assert wear.steady_gap(0.05, 0.10, 0.0) == float("inf")
    assert wear.steady_gap(0.10, 0.05, 0.0) == 0.0


def test_what_new_capacity_embodies_sets_the_long_run_gap():
    gaps = [wear.steady_gap(0.05, 0.10, 0.08, e) for e in range(4)]
    assert gaps == sorted(gaps) and gaps[1] - gaps[0] == pytest.approx(1.0)
    assert wear.steady_gap(0.05, 0.10, 0.16, 0) < wear.steady_gap(0.05, 0.10, 0.08, 0)


def test_the_capacity_controls_are_declared_and_bounded():
    assert wear.PARAMS["growth"].default == 0.0  # the paper's argument as written
    assert wear.PARAMS["new_level"].check(2) == 2
    with pytest.raises(ValueError):
        wear.simulate(growth=-0.1)


def test_the_vintage_question_is_the_derived_gap_and_the_models_end():
    """Exercise 04 q5: the settled gap derived by hand, e + (δ − r) / g, is where the model ends;
    without the level new capacity embodies it is a named mistake, not the answer."""
    g, e = ex.NEW_GROWTH, ex.NEW_LEVEL
    by_hand = e + (wear.DEFAULT_OBSOLESCENCE - wear.DEFAULT_RENOVATION) / g
    path = wear.simulate(years=ex.SETTLE_YEARS, growth=g, new_level=e)["gap_levels"]
    assert path.iloc[-1] == pytest.approx(by_hand, abs=1e-3)
    assert ex.q5.check(by_hand).correct
    assert ex.q5.check(by_hand - e).outcome.value == "close"  # e left out
    assert not ex.q5.check(path.iloc[wear.DEFAULT_YEARS]).correct  # still on its way at 15 years
