"""Lesson 08's widget: budget, lending rate, share of interest covered -> loans supported."""

from __future__ import annotations

from ..models import subsidy
from ..plots import subsidy as subsidy_plots
from . import assemble

DEFAULTS = {
    # The paper's 200亿元 a year (一.1), read from data/paper_claims.csv (subsidy_per_year).
    "budget": subsidy.subsidy_per_year(),
    # Assumption, not in data/: the People's Bank of China's benchmark lending rate for loans of
    # six months to one year, 5.31% from 23 December 2008 through 2009 (until 20 October 2010).
    "rate_pct": subsidy.LENDING_RATE_2009_PCT,
    # Assumption: the subsidy pays all of one year's interest -- the conservative case (fewest
    # loans per yuan of subsidy); the paper gives no share.
    "share_pct": subsidy.DEFAULT_SHARE_PCT,
}

RANGES = {
    "budget": [0.0, 200.0, 1000.0, -50.0],
    "rate_pct": [0.0, 2.0, subsidy.LENDING_RATE_2009_PCT, 10.0, -1.0, float("nan")],
    "share_pct": [0.0, 10.0, 50.0, 100.0, 120.0],
}


def view(**settings):
    """The chart and one sentence for the settings (missing ones fall back to DEFAULTS)."""
    s = {**DEFAULTS, **settings}
    b, r, sh = s["budget"], s["rate_pct"], s["share_pct"]
    return subsidy_plots.leverage_bars(b, r, sh), subsidy.describe(b, r, sh)


def explorer():
    """Sliders for the three settings; the chart and sentence follow."""
    import ipywidgets as w

    budget = w.FloatSlider(
        value=DEFAULTS["budget"],
        min=0,
        max=1000,
        step=10,
        continuous_update=False,
        description="Subsidy budget (亿元 a year)",
    )
    rate = w.FloatSlider(
        value=DEFAULTS["rate_pct"],
        min=0,
        max=10,
        step=0.01,
        continuous_update=False,
        description="Lending rate (%)",
    )
    share = w.FloatSlider(
        value=DEFAULTS["share_pct"],
        min=0,
        max=100,
        step=5,
        continuous_update=False,
        description="Share of interest covered (%)",
    )
    return assemble([budget, rate, share], ["budget", "rate_pct", "share_pct"], view)
