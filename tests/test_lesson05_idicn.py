"""Lesson 05 (informatisation): Table 2's ranks, growth, CAGR, China's gap, and catching up."""

from __future__ import annotations

import math

import pytest
from matplotlib.figure import Figure

from retool import data, measures
from retool.exercises import ex05_idicn as ex
from retool.models import idicn
from retool.widgets import idicn as widget


def _printed_ranks():
    return data.table2_rank().set_index("country_iso3")["rank_printed"].astype(int)


def test_the_leader_is_the_printed_first():
    printed = _printed_ranks()
    assert idicn.leader() == printed.idxmin()
    assert set(idicn.top10()) == set(printed.index) - {idicn.CHINA}


def test_rebuilt_ranks_agree_with_the_printed_ones_except_within_ties():
    r = idicn.ranks_2008().drop(idicn.CHINA)
    values = data.table2_wide()[idicn.LAST].drop(idicn.CHINA)
    assert (r["tied"] == values.duplicated(keep=False)).all()
    assert r.loc[~r["tied"], "agrees"].all()
    assert not r.loc[
        r["tied"], "agrees"
    ].all()  # the printed order of a tied pair cannot be rebuilt
    for _, pair in r[r["tied"]].groupby("idicn_2008"):
        # a tied pair shares the better rank, and the paper prints it as consecutive ranks
        assert set(pair["rank_rebuilt"]) == {pair["rank_printed"].min()}
        assert sorted(pair["rank_printed"]) == list(
            range(pair["rank_printed"].min(), pair["rank_printed"].min() + len(pair))
        )


def test_chinas_rank_cannot_be_rebuilt_from_the_table():
    r = idicn.ranks_2008()
    assert r.loc[idicn.CHINA, "rank_printed"] == data.claim_value("china_rank_2008")
    assert idicn.rank_rebuilt_among_table() == len(data.table2_wide())
    assert len(data.table2_wide()) < data.claim_value("idicn_countries")


def test_growth_and_cagr_agree_for_every_country():
    g = idicn.growth()
    t = data.table2_wide()
    years = idicn.LAST - idicn.FIRST
    ratio = t[idicn.LAST] / t[idicn.FIRST]
    assert ((1 + g["cagr_pct"] / 100) ** years).to_numpy() == pytest.approx(ratio.to_numpy())
    assert g["growth_pct"].to_numpy() == pytest.approx(((ratio - 1) * 100).to_numpy())
    assert g["growth_pct"].idxmax() == idicn.CHINA


def test_chinas_gap_is_consistent():
    t = data.table2_wide()[idicn.LAST]
    gap = idicn.china_gap()
    assert gap["leader"] == t.max()
    assert gap["top10_mean"] == pytest.approx(t.drop(idicn.CHINA).mean())
    assert gap["gap_to_leader_pct_of_leader"] + gap["china_pct_of_leader"] == pytest.approx(100)
    assert gap["gap_to_top10_mean"] == pytest.approx(gap["top10_mean"] - t[idicn.CHINA])
    first = idicn.china_gap(idicn.FIRST)
    assert gap["china_pct_of_leader"] > first["china_pct_of_leader"]


def test_years_to_catch_up_solves_the_projection():
    years = idicn.years_to_catch_up()
    assert math.isfinite(years) and years > 0
    t = data.table2_wide()[idicn.LAST]
    lead = idicn.leader()
    china = t[idicn.CHINA] * (1 + idicn.cagr(idicn.CHINA) / 100) ** years
    leader = t[lead] * (1 + idicn.cagr(lead) / 100) ** years
    assert china == pytest.approx(leader)
    same = idicn.cagr(lead)
    assert idicn.years_to_catch_up(same, same) == math.inf
    assert idicn.years_to_catch_up(same - 1, same) == math.inf
    with pytest.raises(ValueError):
        idicn.years_to_catch_up("fast", same)


def test_widget_defaults_reproduce_the_cagr_projection():
    assert widget.SPEC.defaults()["china_growth_pct"] == pytest.approx(idicn.cagr(idicn.CHINA))
    fig, sentence = widget.view()
    assert isinstance(fig, Figure)
    assert f"in {idicn.years_to_catch_up():.0f} years" in sentence
    assert f"{idicn.LAST + idicn.years_to_catch_up():.0f}" in sentence


def test_widget_says_never_when_china_grows_no_faster():
    rate = widget.SPEC.defaults()["leader_growth_pct"]
    _, equal = widget.view(china_growth_pct=rate)
    _, slower = widget.view(china_growth_pct=rate - 1)
    assert "never" in equal and "never" in slower and equal != slower
    _, unknown = widget.view(countries=("XYZ",))
    assert "ignores XYZ" in unknown
    _, bad = widget.view(china_growth_pct=float("nan"))
    assert "must" in bad


def test_every_auto_question_accepts_its_own_expected_value():
    for q in ex.QUESTIONS:
        if getattr(q, "expected", None) is None:
            continue
        expected = q.expected()
        assert q.check(expected).correct, q.qid
        for mistake in getattr(q, "mistakes", ()):
            assert not q.check(mistake.value()).correct, (q.qid, mistake.name)


def test_printed_ranks_are_a_named_mistake_for_the_rank_question():
    feedback = ex.q1.check(_printed_ranks().drop(idicn.CHINA))
    assert feedback.outcome.value == "close" and "printed ranks" in feedback.message
    assert measures.rank_desc(data.table2_wide()[idicn.LAST].drop(idicn.CHINA)).to_dict() == (
        ex.q1.expected()
    )
