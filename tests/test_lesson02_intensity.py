"""Lesson 02 (investment intensity): the counterfactual model, rebuilds, widget, exercises."""

from __future__ import annotations

import itertools
import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.figure import Figure

from retool import data, measures, rebuild
from retool.exercises import ex02_intensity as ex
from retool.exercises.core import Outcome
from retool.models import intensity as model
from retool.plots import intensity as charts
from retool.widgets import intensity as widget

# --- pure arithmetic --------------------------------------------------------------------------


@given(
    st.floats(0, 100),
    st.floats(1, 1e6),
    st.floats(0, 1e6),
)
def test_shortfall_is_baseline_times_denominator_minus_actual(baseline, denom, actual):
    cf = model.counterfactual_spending(baseline, denom)
    assert cf == pytest.approx(denom * baseline / 100)
    gap = model.shortfall(cf, actual)
    assert gap == pytest.approx(cf - actual)
    # the shortfall vanishes exactly when the baseline equals the actual intensity
    at_actual = model.counterfactual_spending(model.intensity_pct(actual, denom), denom)
    assert model.shortfall(at_actual, actual) == pytest.approx(0, abs=1e-6 * max(1, actual))


@given(st.floats(0, 100), st.floats(0, 100), st.floats(1, 1e6))
def test_manufacturing_denominator_scales_with_the_assumed_share(b, share, fai):
    direct = model.counterfactual_spending(b * share / 100, fai)
    via = model.counterfactual_spending(b, model.manufacturing_denominator(fai, share))
    assert via == pytest.approx(direct)


def test_subsidy_years_and_its_degenerate_budget():
    assert model.subsidy_years(600, 200) == 3
    assert math.isnan(model.subsidy_years(600, 0))
    assert math.isnan(model.subsidy_years(600, -1))


@pytest.mark.parametrize("bad", [-0.1, 100.1, float("nan"), float("inf"), "x", None])
def test_check_pct_refuses_values_outside_0_100(bad):
    with pytest.raises(ValueError):
        model.check_pct(bad)


# --- bound to data ----------------------------------------------------------------------------


def test_counterfactual_table_adds_up():
    b = data.claim_value("lme_share_1980")
    t = model.counterfactual_table(b)
    fai = data.fai_series("fai_total").reindex(t.index)
    actual = data.table1_wide()["renovation"]
    pd.testing.assert_series_equal(t["counterfactual"], fai * b / 100, check_names=False)
    pd.testing.assert_series_equal(t["shortfall"], fai * b / 100 - actual, check_names=False)
    assert t["cumulative_shortfall"].iloc[-1] == pytest.approx(t["shortfall"].sum())
    pd.testing.assert_series_equal(
        t["actual_intensity_pct"], rebuild.renovation_share_of_fai(), check_names=False
    )
    s = model.summary(t)
    gdp = data.gdp_series().reindex(t.index).sum()
    assert s["cumulative_shortfall_pct_gdp"] == pytest.approx(t["shortfall"].sum() / gdp * 100)
    assert s["subsidy_years"] == pytest.approx(
        t["shortfall"].sum() / data.claim_value("subsidy_per_year")
    )


def test_baseline_at_the_actual_2009_intensity_closes_the_2009_gap():
    actual = float(rebuild.renovation_share_of_fai().loc[2009])
    t = model.counterfactual_table(actual)
    assert t.loc[2009, "shortfall"] == pytest.approx(0, abs=1e-6)


def test_the_implied_manufacturing_share_reproduces_the_papers_520():
    share = model.implied_mfg_share_2009()
    denom = model.denominator_series("manufacturing_assumed", share)
    pct = measures.share_pct(rebuild.implied_all_lme_renovation_2009(), denom.loc[2009])
    assert measures.matches_printed(pct, data.claim("share_mfg_fai_2009")["value"])
    assert 0 < share < 100


def test_manufacturing_denominator_needs_an_explicit_assumption():
    with pytest.raises(ValueError):
        model.denominator_series("manufacturing_assumed", None)
    with pytest.raises(ValueError):
        model.denominator_series("gdp")


def test_rebuild_2009_reproduces_only_the_gdp_share():
    r = model.rebuild_2009().set_index("claim_id")
    assert bool(r.loc["share_gdp_2009", "reproduces"])
    assert not bool(r.loc["growth_2009_lme", "reproduces"])
    assert math.isnan(r.loc["share_mfg_fai_2009", "rebuilt"])
    assert r.loc["growth_2009_lme", "printed"] == data.claim("growth_2009_lme")["value"]


def test_the_printed_minus_1182_lies_in_the_range_implied_by_108():
    low, high = model.implied_growth_range_2009()
    assert low < data.claim_value("growth_2009_lme") < high
    assert low < high


def test_1990s_intensity_is_renovation_over_gdp():
    f = model.intensity_1990s()
    assert list(f.index) == sorted(
        set(data.renovation_investment().index) & set(data.gdp_series().index)
    )
    first = f.index[0]
    assert f.loc[first, "share_gdp_pct"] == pytest.approx(
        data.renovation_investment().loc[first] / data.gdp_series().loc[first] * 100
    )


def test_society_share_of_fai_1980_is_the_rebuilt_205():
    s = model.society_share_of_fai()
    assert measures.matches_printed(s.loc[1980], data.claim("lme_share_1980")["value"])
    assert s.loc[2000] < s.loc[1980]


def test_presets_come_from_the_claims_ledger():
    for key, (_, source) in model.PRESETS.items():
        if isinstance(source, str):
            assert model.preset_value(key) == data.claim_value(source)
    own = rebuild.renovation_share_of_fai().loc[2005]
    assert model.preset_value("table1_2005") == pytest.approx(own, abs=0.005)
    assert model.PARAMS["preset"].default == "table1_2005"  # the baseline on Table 1's concept
    assert "another era" in model.PRESETS["1980"][0]
    assert math.isnan(model.preset_value("free"))
    with pytest.raises(ValueError):
        model.preset_value("nope")


def test_benchmark_fractions_agree_as_the_ledger_records():
    """'About 1/10' fits Western Europe (1/9.6) and not the USA (1/13.3)."""
    b = model.benchmark_fractions()
    within = abs(b["fraction"] - b["printed"].astype(float)) <= b["tolerance"]
    recorded = [data.claim(c)["agrees"] for c in ("tenth_of_usa", "tenth_of_west_europe")]
    assert list(within) == recorded == [False, True]


# --- widget -----------------------------------------------------------------------------------


def test_the_default_is_table1s_own_2005_intensity_and_1980_stays_a_preset():
    own = model.table1_own_2005()
    assert widget.SPEC.defaults()["value"] == own
    _, sentence = widget.view()
    s = model.summary(model.counterfactual_table(own))
    assert f"{s['cumulative_shortfall']:,.0f}亿元" in sentence
    assert f"{s['subsidy_years']:,.0f} years" in sentence
    assert f"{s['subsidised_loan_years']:,.1f} years of the loans" in sentence
    _, sentence = widget.view(preset="1980")
    s = model.summary(model.counterfactual_table(data.claim_value("lme_share_1980")))
    assert f"{s['cumulative_shortfall']:,.0f}亿元" in sentence


def test_the_shortfall_in_subsidised_loans_uses_lesson_08s_loans_per_yuan():
    from retool.models import subsidy

    s = model.summary(model.counterfactual_table(10.0))
    assert s["loans_per_yuan"] == pytest.approx(
        subsidy.loans_per_yuan(subsidy.LENDING_RATE_2009_PCT, 100)
    )
    assert s["subsidised_loan_years"] * s["loans_per_yuan"] == pytest.approx(s["subsidy_years"])


def test_every_range_value_gives_a_figure_and_a_sentence():
    # view() draws what settings_of() resolves the settings to; combinations that resolve alike
    # (a free value under a fixed preset, a share under the whole-FAI denominator) draw the same
    # chart and sentence, so each resolved setting is drawn once, into the last figure as the
    # explorer does
    drawn, fig = set(), None
    for combo in itertools.product(*(p.valid_values() for p in widget.SPEC.values())):
        settings = dict(zip(widget.SPEC, combo))
        resolved = repr(widget.settings_of(**settings))
        if resolved in drawn:
            continue
        drawn.add(resolved)
        fig, sentence = widget.view(into=fig, **settings)
        assert isinstance(fig, Figure) and sentence.strip(), settings
    assert len(drawn) > 1


@pytest.mark.parametrize(
    "settings",
    [
        {"preset": "free", "value": "abc"},
        {"preset": "free", "value": None},
        {"preset": "bogus"},
        {"denominator": "gdp"},
        {"denominator": "manufacturing_assumed", "mfg_share": "x"},
    ],
)
def test_garbage_settings_give_a_sentence(settings):
    fig, sentence = widget.view(**settings)
    assert isinstance(fig, Figure) and sentence


def test_out_of_range_free_value_is_clipped_with_a_note():
    _, sentence = widget.view(preset="free", value=150)
    assert "read as 100%" in sentence


def test_a_baseline_below_the_actual_intensity_says_there_is_no_shortfall():
    _, sentence = widget.view(preset="free", value=0)
    assert "no shortfall" in sentence


def test_sentence_changes_with_each_setting():
    base = widget.view()[1]
    assert widget.view(preset="usa")[1] != base
    assert widget.view(preset="free", value=30)[1] != base
    assert widget.view(denominator="manufacturing_assumed")[1] != base
    assert (
        widget.view(denominator="manufacturing_assumed", mfg_share=40)[1]
        != widget.view(denominator="manufacturing_assumed")[1]
    )


@pytest.mark.parametrize("chart", [charts.ladder, charts.gdp_1990s])
def test_static_charts_render_with_a_source(chart):
    fig = chart()
    assert any("Source:" in t.get_text() for t in fig.texts)
    assert fig._repr_png_()[:4] == b"\x89PNG"


# --- exercises --------------------------------------------------------------------------------


def test_the_papers_minus_1182_is_not_accepted_for_table1s_growth():
    fb = ex.q1.check(data.claim_value("growth_2009_lme"))
    assert fb.outcome is Outcome.CLOSE and "universe" in fb.message
