"""Lesson 03 (where technology comes from): Figures 2 and 3, the universe break, the widget."""

from __future__ import annotations

import itertools

import pytest
from matplotlib.figure import Figure

from retool import claims, data, measures, rebuild
from retool.exercises import ex03_sources as ex
from retool.exercises.core import Outcome
from retool.plots import sources as charts
from retool.widgets import sources as widget


def test_break_year_lies_between_the_last_yearbook_and_the_first_table1_year():
    share = rebuild.domestic_share("both")
    brk = charts.break_year(share)
    last_yb = share[share["universe"] == rebuild.YEARBOOK_UNIVERSE]["year"].max()
    first_t1 = share[share["universe"] == rebuild.TABLE1_UNIVERSE]["year"].min()
    assert last_yb < brk < first_t1
    assert charts.break_year(rebuild.domestic_share(rebuild.TABLE1_UNIVERSE)) is None


@pytest.mark.parametrize(
    "claim_id",
    [
        "domestic_share_2000",
        "domestic_share_2009",
        "assimilation_ratio_2003",
        "assimilation_ratio_2009",
        "domestic_share_growth_2002_2009",
    ],
)
def test_the_quoted_values_of_figures_2_and_3_agree(claim_id):
    c = data.claim(claim_id)
    value = claims.recompute(claim_id)
    tol = float(c["tolerance"]) if c["tolerance"] != "" and c["tolerance"] == c["tolerance"] else 0
    assert claims.agrees(value, c["value"], c["comparison"], tol)


def test_domestic_faster_fails_in_2006_only():
    g = rebuild.growth_faster_years().set_index("year")
    assert list(g.index[~g["domestic_faster"]]) == [2006]
    assert rebuild.first_year_domestic_faster_from_then_on() != data.claim_value(
        "domestic_faster_since_2003"
    )


def test_default_view_covers_all_years_and_mentions_the_break():
    fig, sentence = widget.view()
    share = rebuild.domestic_share("both")
    assert f"{share['domestic_share_pct'].iloc[0]:.1f}%" in sentence
    assert f"{share['domestic_share_pct'].iloc[-1]:.1f}%" in sentence
    assert "universe" in sentence


def test_every_range_value_gives_a_figure_and_a_sentence():
    fig = None
    for combo in itertools.product(*(p.valid_values() for p in widget.SPEC.values())):
        settings = dict(zip(widget.SPEC, combo))
        fig, sentence = widget.view(into=fig, **settings)  # into the last figure, as the explorer
        assert isinstance(fig, Figure) and sentence.strip(), settings


def test_empty_window_says_which_years_the_universe_covers():
    _, sentence = widget.view(universe=rebuild.YEARBOOK_UNIVERSE, start=2006, end=2009)
    years = rebuild.domestic_share(rebuild.YEARBOOK_UNIVERSE)["year"]
    assert "no data" in sentence and f"{years.min()}-{years.max()}" in sentence


@pytest.mark.parametrize(
    "settings", [{"start": "x"}, {"end": None}, {"universe": 3}, {"start": 2009, "end": 2000}]
)
def test_garbage_settings_give_a_sentence(settings):
    fig, sentence = widget.view(**settings)
    assert isinstance(fig, Figure) and sentence


def test_sentence_changes_with_each_setting():
    base = widget.view()[1]
    assert widget.view(start=2003)[1] != base
    assert widget.view(end=2008)[1] != base
    assert widget.view(universe=rebuild.TABLE1_UNIVERSE)[1] != base


def test_single_universe_views_have_no_break():
    _, sentence = widget.view(universe=rebuild.TABLE1_UNIVERSE)
    assert "dashed line" not in sentence


@pytest.mark.parametrize("chart", [charts.growth_race, charts.universe_gap])
def test_static_charts_render_with_a_source(chart):
    fig = chart()
    assert any("Source:" in t.get_text() for t in fig.texts)
    assert fig._repr_png_()[:4] == b"\x89PNG"


def test_table1_is_a_subset_of_all_lmes_for_foreign_technology():
    yb = data.lme_wide()["foreign"]
    t1 = data.table1_wide()["foreign"]
    common = yb.dropna().index.intersection(t1.index)
    assert len(common) and (t1[common] < yb[common]).all()


# --- exercises --------------------------------------------------------------------------------


def test_the_papers_year_2003_is_flagged_as_a_mistake():
    fb = ex.q4.check(data.claim_value("domestic_faster_since_2003"))
    assert fb.outcome is Outcome.CLOSE


def test_tripling_reading_of_zeng_zhang_le_2_bei():
    s = rebuild.domestic_share("both").set_index("year")["domestic_share_pct"]
    assert ex.q3.check(measures.multiple(s[2009], s[2002]) - 1).correct


def test_q4_asks_in_table1s_universe_and_does_not_judge_the_sentence_by_it():
    """The 2006 exception is in Table 1's traditional firms; the sentence is about all firms."""
    table1_year = rebuild.first_year_domestic_faster("lme_traditional")
    assert ex.q4.check(table1_year).correct
    assert rebuild.first_year_domestic_faster("lme_all") == data.claim_value(
        "domestic_faster_since_2003"
    )
    assert "lme_traditional" in ex.q4.prompt and "all" in ex.q4.prompt
    assert "does not test the paper's sentence" in ex.q4.solution_text
