"""Lesson 06 (why firms under-invest): the slowdown in Table 1 and the renovation-decision model."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from retool import rebuild
from retool.exercises import ex06_incentives as ex
from retool.models import incentives
from retool.widgets import incentives as widget

unit = st.floats(0, 1, allow_nan=False)


def test_the_evidence_renovation_growth_slows_after_its_peak_and_turns_negative():
    growth = rebuild.table1_yearly_growth()["renovation"].dropna()
    peak = growth.idxmax()
    assert (growth.loc[peak:].diff().dropna() < 0).all()
    assert growth.iloc[-1] < 0


def test_defaults_reproduce_the_papers_point_both_under_invest_for_different_reasons():
    table = incentives.compare()
    assert not table["renovates"].any()
    assert table.loc["soe", "reason"] != table.loc["private", "reason"]
    assert table.loc["soe", "firm_gain"] < 0  # monopoly: renovation adds too little profit
    assert table.loc["private", "extra_profit"] > 1  # it would pay if it were not at risk
    assert table.loc["soe", "market_power"] > table.loc["private", "market_power"]
    assert table.loc["soe", "share"] < table.loc["private", "share"]
    assert table.loc["soe", "p_sunk"] < table.loc["private", "p_sunk"]


def test_reform_moves_the_private_firm_and_the_soe_needs_a_dividend_too():
    steps = incentives.reform_steps().set_index(["step", "firm"])["renovates"]
    assert not steps[("before reform", "private")] and steps[("market reform", "private")]
    assert not steps[("market reform", "soe")]
    assert steps[("plus innovation dividend", "soe")]


def test_thresholds_make_the_decision_maker_indifferent():
    p = incentives.firm_settings("private")
    p_max = incentives.max_p_sunk(p["market_power"], p["share"])
    assert incentives.decision_gain(p["market_power"], p["share"], p_max) == pytest.approx(0)
    assert p_max < p["p_sunk"]
    s = incentives.firm_settings("soe", reformed=True)
    s_min = incentives.min_share(s["market_power"], s["p_sunk"])
    assert incentives.decision_gain(s["market_power"], s_min, s["p_sunk"]) == pytest.approx(0)
    assert s_min > s["share"]
    assert math.isnan(incentives.min_share(1, 0))  # a monopoly gains nothing from renovating
    assert math.isnan(incentives.max_p_sunk(0, 0))  # no share of the gain: never


@settings(max_examples=60)
@given(m=unit, s=unit, p=unit, dm=unit, dp=unit)
def test_more_market_power_or_risk_never_makes_renovation_more_attractive(m, s, p, dm, dp):
    base = incentives.decision_gain(m, s, p)
    assert incentives.decision_gain(min(1, m + dm), s, p) <= base + 1e-12
    assert incentives.decision_gain(m, s, min(1, p + dp)) <= base + 1e-12


@pytest.mark.parametrize("bad", [-0.1, 1.1, float("nan"), "x"])
def test_model_rejects_values_outside_0_1(bad):
    with pytest.raises(ValueError, match="between 0 and 1"):
        incentives.decision_gain(bad, 0.5, 0.5)


def test_widget_defaults_are_the_models_firms():
    for firm, s in incentives.FIRMS.items():
        for key, value in s.items():
            assert widget.SPEC.defaults()[f"{firm}_{key}"] == value
    fig, sentence = widget.view()
    assert isinstance(fig, Figure)
    assert sentence.startswith("Both under-invest, for different reasons")


def test_widget_sentence_follows_reform():
    after = {f"private_{k}": v for k, v in incentives.firm_settings("private", True).items()}
    _, sentence = widget.view(**after)
    assert sentence.startswith("Only one renovates") and "the private firm renovates" in sentence
    _, bad = widget.view(soe_share=2)
    assert "must lie between 0 and 1, so 2 is read as 1" in bad


def test_every_auto_question_accepts_its_own_expected_value():
    for q in ex.QUESTIONS:
        if getattr(q, "expected", None) is None:
            continue
        assert q.check(q.expected()).correct, q.qid
        for mistake in getattr(q, "mistakes", ()):
            assert not q.check(mistake.value()).correct, (q.qid, mistake.name)


# --- replacement effect, hold-up risk, financing cost and the soft budget -----------------------


def test_the_financing_terms_are_zero_by_default_and_enter_as_the_formula_says():
    m, p = 0.1, 0.5
    base = incentives.firm_gain(m, p)
    assert base == pytest.approx((1 - p) * incentives.extra_profit(m) - 1)
    f, b = 0.2, 0.5
    assert incentives.firm_gain(m, p, financing=f, bailout=b) == pytest.approx(
        (1 - p) * incentives.extra_profit(m) - (1 + f) * (1 - p * b)
    )


def test_a_financing_premium_deters_and_a_soft_budget_encourages_risky_investment():
    m, p = 0.1, 0.4
    assert incentives.firm_gain(m, p, financing=0.3) < incentives.firm_gain(m, p)
    assert incentives.firm_gain(m, p, bailout=0.5) > incentives.firm_gain(m, p)
    # the soft budget is worth more the riskier the investment
    soft = [incentives.firm_gain(m, q, bailout=0.5) for q in (0.1, 0.5)]
    gain = [s - incentives.firm_gain(m, q) for s, q in zip(soft, (0.1, 0.5))]
    assert gain[1] > gain[0]


def test_the_replacement_effect_lowers_the_gain_with_market_power():
    assert incentives.extra_profit(0.8) < incentives.extra_profit(0.1)


def test_the_widget_passes_the_financing_terms_to_the_model():
    from retool.widgets import incentives as widget

    plain, premium = widget.view()[1], widget.view(private_financing=0.5)[1]
    assert plain != premium and "hold-up risk" in plain
    with pytest.raises(ValueError):
        incentives.firm_gain(0.1, 0.5, financing=2.0)


def test_the_ownership_question_is_the_premium_plus_the_expected_bailout():
    """Exercise 06 q7: the same project is worth f + p·b more to the SOE, whatever it returns."""
    m, p, f, b = ex.PROJECT["market_power"], ex.PROJECT["p_sunk"], ex.PREMIUM, ex.SOFT_BUDGET
    gap = incentives.firm_gain(m, p, bailout=b) - incentives.firm_gain(m, p, financing=f)
    assert gap == pytest.approx(f + p * b)
    assert incentives.firm_gain(m, p, bailout=b) > 0 > incentives.firm_gain(m, p, financing=f)
    assert ex.q7.check(f + p * b).correct
    assert ex.q7.check(f).outcome.value == "close"  # the soft budget left out
    assert ex.q7.check(f + b).outcome.value == "close"  # b not weighted by p
