"""Lesson 01 (scale of renovation investment): charts, widget contract, exercises."""

from __future__ import annotations

import itertools

import pytest
from matplotlib.figure import Figure

from retool import data, measures, rebuild
from retool.exercises import ex01_scale as ex
from retool.models import scale as model
from retool.plots import scale as charts
from retool.widgets import scale as widget

GROWTH_CLAIMS = {s: f"growth_2005_2009_{s}" for s in data.SERIES}


def test_growth_between_default_years_matches_the_four_printed_rates():
    g = model.growth_between(widget.SPEC.defaults()["base"], widget.SPEC.defaults()["end"])
    for series, claim_id in GROWTH_CLAIMS.items():
        assert measures.matches_printed(g[series], data.claim(claim_id)["value"]), series


def test_default_sentence_states_the_paper_numbers_and_says_they_match():
    _, sentence = widget.view()
    for claim_id in GROWTH_CLAIMS.values():
        assert data.claim(claim_id)["value"] + "%" in sentence
    assert "matches" in sentence


def test_every_range_value_gives_a_figure_and_a_sentence():
    fig = None
    for combo in itertools.product(*(p.valid_values() for p in widget.SPEC.values())):
        settings = dict(zip(widget.SPEC, combo))
        fig, sentence = widget.view(into=fig, **settings)  # into the last figure, as the explorer
        assert isinstance(fig, Figure)
        assert isinstance(sentence, str) and sentence.strip(), settings


@pytest.mark.parametrize(
    "settings",
    [{"base": "abc"}, {"end": None}, {"base": 2007.5}, {"series": 42}, {"base": 10**9}],
)
def test_garbage_settings_give_a_sentence_not_a_traceback(settings):
    fig, sentence = widget.view(**settings)
    assert isinstance(fig, Figure) and sentence


def test_equal_years_say_so():
    _, sentence = widget.view(base=2007, end=2007)
    assert "both 2007" in sentence


def test_end_before_base_reads_backwards_with_the_right_sign():
    _, sentence = widget.view(base=2008, end=2006, series="renovation")
    t = data.table1_wide()["renovation"]
    fall = measures.growth_pct(t[2008], t[2006])
    assert fall < 0 and f"fell {abs(fall):.1f}%" in sentence
    assert "back in time" in sentence


def test_years_outside_table1_are_clamped_with_a_note():
    _, sentence = widget.view(base=1990)
    first, last = (int(y) for y in data.table1_wide().index[[0, -1]])
    assert f"between {first} and {last}" in sentence and f"read as {first}" in sentence


def test_sentence_changes_with_each_setting():
    base = widget.view()[1]
    assert widget.view(base=2006)[1] != base
    assert widget.view(end=2008)[1] != base
    assert widget.view(series="foreign")[1] != base


def test_yearly_growth_chart_title_reports_the_peak_and_the_negative_year():
    g = rebuild.table1_yearly_growth()["renovation"]
    fig = charts.yearly_growth()
    title = fig._suptitle.get_text().replace("\n", " ")
    assert str(int(g.idxmax())) in title and str(int(g.idxmin())) in title
    assert g.idxmax() != g.dropna().index[0], "the lesson says growth did not fall gradually"
    assert g.loc[g.idxmin()] < 0


@pytest.mark.parametrize("chart", [charts.table1_levels, charts.yearly_growth, charts.composition])
def test_static_charts_have_a_title_and_a_source_and_render(chart):
    fig = chart()
    assert fig._suptitle.get_text()
    assert any("Source:" in t.get_text() for t in fig.texts)
    assert fig._repr_png_()[:4] == b"\x89PNG"


def test_composition_rows_sum_to_100():
    assert rebuild.table1_composition().sum(axis=1).round(9).eq(100).all()


# --- exercises --------------------------------------------------------------------------------


def test_q3_matches_the_printed_assimilation_growth():
    fb = ex.q3.check(rebuild.table1_growth(2005, 2009)["assimilation"])
    assert "matches the paper's printed" in fb.message
