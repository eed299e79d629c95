"""Lesson 05 widget: assumed growth rates → years for China to reach the leader's IDICN index.

``view(countries=..., china_growth_pct=..., leader_growth_pct=...)`` projects China's and the 2008
leader's index from 2008 at the assumed rates (defaults: their 2000-2008 compound annual growth
rates from Table 2), counts the years until China catches up (``measures.years_to_close``) and
returns the chart and one sentence. ``explorer()`` wraps it in controls. Equal rates, a slower
China, unknown countries or unusable rates give a sentence saying so, never a traceback.
"""

from __future__ import annotations

import math

from ..models import catchup
from ..plots import idicn as plots_idicn
from ..plots.memo import per_data_state
from . import assemble

_LEADER = catchup.leader()
_CHINA_CAGR = catchup.cagr(catchup.CHINA)
_LEADER_CAGR = catchup.cagr(_LEADER)

DEFAULTS = {
    "countries": tuple(catchup.top10()),
    "china_growth_pct": _CHINA_CAGR,
    "leader_growth_pct": _LEADER_CAGR,
}
RANGES = {
    "countries": [(), (_LEADER,), tuple(catchup.top10()), ("XYZ",)],
    "china_growth_pct": [-5.0, 0.0, _LEADER_CAGR, _CHINA_CAGR, 15.0],
    "leader_growth_pct": [-5.0, 0.0, _CHINA_CAGR, _LEADER_CAGR, 15.0],
}
SLIDER = {"min": -5.0, "max": 15.0, "step": 0.1}

# Only change with data/: looked up once per state of data/, not on every redraw.
_names = per_data_state(catchup.names)
_gap = per_data_state(lambda: catchup.china_gap()["gap_to_leader"])
_known = per_data_state(lambda: frozenset(catchup.table().index))


def _settings(**settings):
    s = {**DEFAULTS, **settings}
    problems = []
    rates = {}
    for key, name in (
        ("china_growth_pct", "growth rate of China"),
        ("leader_growth_pct", "leader's growth rate"),
    ):
        try:
            rates[key] = catchup.clean_growth(s[key], name)
        except ValueError as exc:
            problems.append(str(exc))
            rates[key] = DEFAULTS[key]
    raw = s["countries"]
    if isinstance(raw, str):
        raw = (raw,)
    try:
        countries = tuple(raw)
    except TypeError:
        problems.append(f"{raw!r} is not a list of countries")
        countries = DEFAULTS["countries"]
    known = _known()
    unknown = [c for c in countries if c not in known]
    if unknown:
        problems.append(f"{', '.join(map(str, unknown))} not in Table 2, so not shown")
    countries = tuple(c for c in countries if c in known)
    return countries, rates["china_growth_pct"], rates["leader_growth_pct"], problems


def catch_up_years(china_growth_pct=_CHINA_CAGR, leader_growth_pct=_LEADER_CAGR) -> float:
    """Years from 2008 for China to reach the leader at the given rates (inf: never)."""
    return catchup.years_to_catch_up(china_growth_pct, leader_growth_pct)


def sentence(china_growth: float, leader_growth: float, years: float) -> str:
    names = _names()
    lead = names[_LEADER]
    digits = (
        1
        if round(china_growth, 1) != round(leader_growth, 1) or china_growth == leader_growth
        else 2
    )
    rates = (
        f"At {china_growth:.{digits}f}% a year for China and {leader_growth:.{digits}f}% for {lead}"
    )
    if math.isclose(china_growth, _CHINA_CAGR) and math.isclose(leader_growth, _LEADER_CAGR):
        rates += f" (their {catchup.FIRST}-{catchup.LAST} growth rates)"
    gap = _gap()
    if math.isfinite(years):
        return (
            f"{rates}, China would reach {lead}'s index in {years:.0f} years, around "
            f"{catchup.LAST + years:.0f}."
        )
    if china_growth <= leader_growth:
        why = (
            "it grows no faster than the leader"
            if china_growth < leader_growth
            else ("with equal growth rates the ratio of the two indices never changes")
        )
        return f"{rates}, China never catches up: {why}, so the gap of {gap:.3f} never closes."
    return f"{rates}, China would need more than {catchup.HORIZON} years: in practice, never."


def title(years: float) -> str:
    lead = _names()[_LEADER]
    if math.isfinite(years):
        year = catchup.LAST + years
        return f"China would catch up with {lead} in {years:.0f} years, around {year:.0f}"
    return f"At these growth rates China never catches up with {lead}"


def view(**settings):
    """The history-and-projection chart and one sentence for the given settings."""
    countries, gc, gl, problems = _settings(**settings)
    years = catch_up_years(gc, gl)
    said = sentence(gc, gl, years)
    if problems:
        text = "; ".join(problems)
        said = text[0].upper() + text[1:] + ". " + said
    note = "Setting not usable: see the sentence" if any("growth" in p for p in problems) else ""
    fig = plots_idicn.catch_up_chart(countries, gc, gl, years, title(years), note=note)
    return fig, said


def explorer():
    """Countries to show, and the assumed growth rates of China and the leader."""
    import ipywidgets as w

    names = catchup.names()
    controls = [
        w.SelectMultiple(
            options=[(names[c], c) for c in catchup.top10() if c != _LEADER],
            value=tuple(c for c in DEFAULTS["countries"] if c != _LEADER),
            description="Other countries shown",
            rows=5,
        ),
        w.FloatSlider(
            value=DEFAULTS["china_growth_pct"],
            description="China's growth (% a year)",
            continuous_update=False,
            readout_format=".1f",
            **SLIDER,
        ),
        w.FloatSlider(
            value=DEFAULTS["leader_growth_pct"],
            description=f"{names[_LEADER]}'s growth (% a year)",
            continuous_update=False,
            readout_format=".1f",
            **SLIDER,
        ),
    ]
    return assemble(controls, ["countries", "china_growth_pct", "leader_growth_pct"], view)
