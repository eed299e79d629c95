"""The pure measures and the rebuilt numbers."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from retool import data, measures, rebuild


def test_growth_and_cagr_agree():
    assert measures.growth_pct(100, 121) == pytest.approx(21)
    assert measures.cagr_pct(100, 121, 2) == pytest.approx(10)
    with pytest.raises(ValueError):
        measures.cagr_pct(1, 2, 0)


def test_shares_and_composition():
    assert measures.domestic_share_pct(1, 3) == pytest.approx(25)
    comp = measures.composition_pct(pd.DataFrame({"a": [1, 2], "b": [3, 2]}))
    assert comp.sum(axis=1).tolist() == pytest.approx([100, 100])


def test_rank_gives_ties_the_same_rank():
    assert measures.rank_desc(pd.Series([3, 5, 5, 1])).tolist() == [3, 1, 1, 4]


@pytest.mark.parametrize(
    "gap, gf, gl, expected",
    [(0, 5, 1, 0.0), (1, 1, 1, math.inf), (1, 1, 2, math.inf), (1, -100, 1, math.inf)],
)
def test_years_to_close_edge_cases(gap, gf, gl, expected):
    assert measures.years_to_close(gap, gf, gl, follower_level=1) == expected


def test_years_to_close_solves_the_catch_up_equation():
    years = measures.years_to_close(1, 10, 0, follower_level=1)
    assert 1 * 1.1**years == pytest.approx(2)


@pytest.mark.parametrize(
    "printed, decimals", [("31.7", 1), ("265.96", 2), ("42", 0), ("5.20", 2), ("-11.82", 2)]
)
def test_decimals_of_printed_numbers(printed, decimals):
    assert measures.decimals(printed) == decimals


def test_matches_printed_rounds_half_up_and_rejects_nan():
    assert measures.matches_printed(31.75, "31.8")
    assert not measures.matches_printed(31.74, "31.8")
    assert not measures.matches_printed(float("nan"), "1")


def test_growth_rebuild_checks_years():
    with pytest.raises(ValueError, match="2004"):
        rebuild.table1_growth(2004, 2009)


def test_universes_meet_at_the_break():
    both = rebuild.domestic_share("both")
    assert set(both["universe"]) == {"lme_all", "lme_traditional"}
    assert both["year"].is_monotonic_increasing
    assert len(both) == len(rebuild.domestic_share("lme_all")) + len(
        rebuild.domestic_share("lme_traditional")
    )


def test_growth_comparison_never_crosses_the_break():
    g = rebuild.growth_faster_years()
    assert 2005 not in set(g["year"])  # 2005's previous year lies in the other universe


def test_1980_denominator_is_1981_less_its_growth():
    f = data.fai()
    row = f[(f["year"] == 1981) & (f["series"] == "fai_total")].iloc[0]
    assert rebuild.fai_1980() * (1 + row["growth_over_previous_pct"] / 100) == pytest.approx(
        row["value_100m_yuan"]
    )


def test_composition_of_table1_sums_to_100():
    assert rebuild.table1_composition().sum(axis=1).tolist() == pytest.approx([100] * 5)
