"""Lesson 05 widget: assumed growth rates → years for China to reach the leader's IDICN index.

``view(countries=..., china_growth_pct=..., leader_growth_pct=...)`` projects China's and the 2008
leader's index from 2008 at the assumed rates (defaults: their 2000-2008 compound annual growth
rates from Table 2), counts the years until China catches up (``measures.years_to_close``) and
returns the chart and one sentence. ``explorer()`` wraps it in controls. Equal rates, a slower
China, unknown countries or unusable rates give a sentence saying so, never a traceback.
"""

from __future__ import annotations

import math

from .. import data
from ..i18n import _
from ..models import idicn as model
from ..params import notes_sentence
from ..plots import idicn as plots_idicn
from . import assemble

SPEC = model.PARAMS

# Only change with data/: looked up once per state of data/, not on every redraw.
_names, _leader = model.names, model.leader
_table = data.per_data_state(model.table)
_gap = data.per_data_state(lambda: model.china_gap()["gap_to_leader"])
_china_cagr = data.per_data_state(lambda: model.cagr(model.CHINA))
_leader_cagr = data.per_data_state(lambda: model.cagr(model.leader()))


def catch_up_years(china_growth_pct=None, leader_growth_pct=None) -> float:
    """Years from 2008 for China to reach the leader at the given rates (inf: never; default:
    their 2000-2008 growth rates)."""
    return model.years_to_catch_up(china_growth_pct, leader_growth_pct)


def sentence(china_growth: float, leader_growth: float, years: float) -> str:
    names = _names(model.in_use())
    lead = names[_leader()]
    digits = (
        1
        if round(china_growth, 1) != round(leader_growth, 1) or china_growth == leader_growth
        else 2
    )
    rates = {
        "china": f"{china_growth:.{digits}f}%",
        "leader": f"{leader_growth:.{digits}f}%",
        "lead": lead,
    }
    if math.isclose(china_growth, _china_cagr()) and math.isclose(leader_growth, _leader_cagr()):
        rates = _(
            "At {china} a year for China and {leader} for {lead} (their {first}-{last} growth "
            "rates)"
        ).format(**rates, first=model.FIRST, last=model.LAST)
    else:
        rates = _("At {china} a year for China and {leader} for {lead}").format(**rates)
    gap = _gap()
    if math.isfinite(years):
        return _(
            "{rates}, China would reach {lead}'s index in {years} years, around {year}."
        ).format(rates=rates, lead=lead, years=f"{years:.0f}", year=f"{model.LAST + years:.0f}")
    if china_growth <= leader_growth:
        why = (
            _("it grows no faster than the leader")
            if china_growth < leader_growth
            else _("with equal growth rates the ratio of the two indices never changes")
        )
        return _(
            "{rates}, China never catches up: {why}, so the gap of {gap} never closes."
        ).format(rates=rates, why=why, gap=f"{gap:.3f}")
    return _("{rates}, China would need more than {years} years: in practice, never.").format(
        rates=rates, years=model.HORIZON
    )


def title(years: float) -> str:
    lead = _names()[_leader()]
    if math.isfinite(years):
        year = model.LAST + years
        return _("China would catch up with {lead} in {years} years, around {year}").format(
            lead=lead, years=f"{years:.0f}", year=f"{year:.0f}"
        )
    return _("At these growth rates China never catches up with {lead}").format(lead=lead)


@data.one_state()  # one look at data/ per redraw
def view(into=None, **settings):
    """The history-and-projection chart and one sentence for the given settings."""
    s, notes = SPEC.read(settings)
    gc, gl = s["china_growth_pct"], s["leader_growth_pct"]
    years = catch_up_years(gc, gl)
    said = notes_sentence(notes) + sentence(gc, gl, years)
    projection = model.projection(gc, gl, model.horizon(years))
    fig = plots_idicn.catch_up_chart(
        _table(),
        projection,
        s["countries"],
        gc,
        years,
        title(years),
        note="; ".join(notes),
        into=into,
    )
    return fig, said


def explorer():
    """Countries to show, and the assumed growth rates of China and the leader."""
    return assemble(SPEC, view)
