"""Lesson 08: the interest-subsidy leverage model, its widget, charts and exercises."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.figure import Figure

from retool import data, rebuild
from retool.exercises import ex08_subsidy
from retool.models import subsidy
from retool.plots import subsidy as subsidy_plots
from retool.widgets import subsidy as subsidy_widget

B = data.claim_value("subsidy_per_year")
R = subsidy.LENDING_RATE_2009_PCT
SPEND_2009 = float(data.table1_wide().loc[2009, "renovation"])


def test_policy_numbers_come_from_the_ledger():
    assert subsidy.subsidy_per_year() == B
    assert subsidy.subsidy_total() == B * data.claim_value("subsidy_years")
    share = data.claim_value("stimulus_renovation") / data.claim_value("stimulus_total") * 100
    assert subsidy.stimulus_share_pct() == pytest.approx(share)
    table = subsidy.policy_numbers().set_index("what")
    for claim_id, value in table.loc[table["claim_id"] != "", ["claim_id", "value"]].values:
        assert value == data.claim_value(claim_id)


def _within(name: str):
    low, high = subsidy.PARAMS[name].bounds()
    return st.floats(min_value=max(low, 0.01), max_value=high)


@given(_within("budget"), _within("rate_pct"), _within("share_pct"))
def test_loans_supported_is_budget_over_rate_times_share(budget, rate, share):
    loans = subsidy.loans_supported(budget, rate, share)
    assert loans == pytest.approx(budget / (rate / 100 * share / 100))
    # the subsidy pays exactly the budget in interest on those loans
    assert loans * rate / 100 * share / 100 == pytest.approx(budget)


@given(_within("rate_pct"), st.floats(min_value=1, max_value=99))
def test_covering_less_of_the_interest_supports_more_loans(rate, share):
    assert subsidy.loans_supported(B, rate, share) > subsidy.loans_supported(B, rate, 100)


def test_degenerate_settings():
    assert math.isinf(subsidy.leverage(0, 100))
    assert math.isinf(subsidy.leverage(R, 0))
    assert subsidy.loans_supported(0, R, 100) == 0
    # paying 0% of the interest helps no loan (the lesson says so): not infinitely many
    assert subsidy.loans_supported(B, R, 0) == 0
    assert "unbounded" in subsidy.describe(B, 0, 100)
    assert "subsidises nothing" in subsidy.describe(B, R, 0)
    assert "interest-free" in subsidy.describe(B, R, 100)
    assert "no loans" in subsidy.describe(0, R, 100)
    for bad in [(-1, R, 100), (B, -1, 100), (B, R, 101), (B, math.nan, 50)]:
        assert subsidy.describe(*bad).startswith("No result")
        with pytest.raises(ValueError):
            subsidy.loans_supported(*bad)


@given(
    st.one_of(st.floats(), st.text(max_size=4), st.none()),
    st.one_of(st.floats(), st.text(max_size=4)),
    st.one_of(st.floats(), st.integers()),
)
def test_describe_never_raises(budget, rate, share):
    assert subsidy.describe(budget, rate, share)


def test_the_medium_term_rate_supports_fewer_loans_and_still_more_than_the_spending():
    t = subsidy.rate_sensitivity().set_index("benchmark rate")
    assert list(t["rate (%)"]) == list(subsidy.BENCHMARK_RATES.values())
    short, long = t["loans supported (亿元)"]
    assert long < short
    assert long > SPEND_2009  # the lesson's point holds at the 3-5 year rate too


def test_the_default_share_is_not_called_conservative():
    import inspect

    assert "conservative" not in inspect.getsource(subsidy).lower()


def test_defaults_reproduce_the_papers_point():
    """Even paying all the interest, the budget could back loans above Table 1's 2009 spending,
    and that spending still fell in 2009 (四.2: the stimulus' effect is limited)."""
    loans = subsidy.loans_supported(B, R, subsidy.DEFAULT_SHARE_PCT)
    assert loans > SPEND_2009
    assert subsidy.loans_vs_spending_pct() == pytest.approx(loans / SPEND_2009 * 100)
    assert rebuild.table1_yearly_growth().loc[2009, "renovation"] < 0
    assert subsidy.DEFAULT_SHARE_PCT == 100


def test_break_even_rate():
    be = subsidy.break_even_rate_pct(B)
    assert be == pytest.approx(B / SPEND_2009 * 100)
    assert subsidy.loans_supported(B, be, 100) == pytest.approx(SPEND_2009)
    assert be > R  # hence the defaults support more than the spending


# --- widget and charts ------------------------------------------------------------------------


def test_widget_defaults():
    assert subsidy_widget.SPEC.defaults() == {
        "budget": B,
        "rate_pct": R,
        "share_pct": 100.0,
        "depreciation_pct": subsidy.DEPRECIATION_PCT,
    }
    fig, sentence = subsidy_widget.view()
    low, high = subsidy.hurdle_band(R, 100)
    assert f"from {high:.1f}% to {low:.1f}%" in sentence  # the marginal project, not 'leverage'
    assert "leverage" not in sentence
    assert isinstance(fig, Figure)
    assert f"{subsidy.loans_supported(B, R, 100):,.0f}" in sentence
    assert f"{SPEND_2009:,.2f}" in sentence


def test_widget_ranges_hold_the_degenerate_values():
    assert 0 in subsidy_widget.SPEC["rate_pct"].valid_values()
    assert {0, 100} <= set(subsidy_widget.SPEC["share_pct"].valid_values())


def test_widget_sentence_changes_with_each_setting():
    base = subsidy_widget.view()[1]
    for name, value in [("budget", 300), ("rate_pct", 6), ("share_pct", 50)]:
        assert subsidy_widget.view(**{name: value})[1] != base, name


def test_leverage_curve_title_states_the_finding():
    fig = subsidy_plots.leverage_curve()
    assert "above" in fig._suptitle.get_text()


def test_explorer_builds():
    assert subsidy_widget.explorer() is not None


# --- exercises --------------------------------------------------------------------------------


def test_subsidy_arithmetic_in_the_exercises():
    assert ex08_subsidy.q1.expected() == subsidy.subsidy_total()
    assert ex08_subsidy.q3.expected() == pytest.approx(B / (R / 100))
    assert ex08_subsidy.q5.expected() == pytest.approx(B / SPEND_2009 * 100)


# --- the marginal project: value per yuan invested and the user cost of capital ----------------


def test_the_subsidy_per_yuan_invested_is_rate_times_share_discounted():
    assert subsidy.subsidy_per_yuan(5.0, 100) == pytest.approx(0.05 / 1.05)
    assert subsidy.subsidy_per_yuan(5.0, 50, years=2) == pytest.approx(
        0.025 / 1.05 + 0.025 / 1.05**2
    )
    assert subsidy.subsidy_per_yuan(0.0, 100) == 0.0


def test_the_user_cost_falls_by_the_interest_covered():
    base = subsidy.user_cost_pct(6.0, 0.0, 10.0)
    assert base == pytest.approx(16.0)
    assert subsidy.user_cost_pct(6.0, 50.0, 10.0) == pytest.approx(13.0)
    assert subsidy.user_cost_pct(6.0, 0.0, 10.0, price_cut_pct=25.0) == pytest.approx(12.0)


def test_only_projects_between_the_two_hurdles_are_added():
    low, high = subsidy.hurdle_band(6.0, 100.0, 10.0)
    assert (low, high) == pytest.approx((10.0, 16.0))
    assert subsidy.hurdle_band(6.0, 0.0, 10.0)[0] == subsidy.hurdle_band(6.0, 0.0, 10.0)[1]


def test_the_instruments_of_section_four_have_the_same_value_and_differ_in_timing():
    t = subsidy.instruments(6.0, 100.0, 10.0).set_index("instrument")
    assert t["value per yuan invested (yuan)"].nunique() == 1
    once, every = t["user cost lower by (points)"].iloc[0], t["user cost lower by (points)"].iloc[1]
    assert once == pytest.approx(6.0) and every == pytest.approx(0.06 / 1.06 * 16.0)
    assert "leverage" not in subsidy.describe()


def test_the_marginal_project_question_is_the_bottom_of_the_hurdle_band():
    """Exercise 08 q7: the lowest return the subsidy adds is the subsidised user cost r (1 − s) + δ,
    the bottom of hurdle_band; the unsubsidised hurdle and a forgotten δ are named mistakes."""
    r, s, d = ex08_subsidy.LONG_RATE, ex08_subsidy.HALF, ex08_subsidy.DEP
    low, high = subsidy.hurdle_band(r, s, d)
    assert low == pytest.approx(r * (1 - s / 100) + d) and high == pytest.approx(r + d)
    assert ex08_subsidy.q7.check(low).correct
    assert ex08_subsidy.q7.check(high).outcome.value == "close"
    assert ex08_subsidy.q7.check(low - d).outcome.value == "close"
