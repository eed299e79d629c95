"""Lesson 08's charts: what an interest subsidy can support, against actual renovation spending."""

from __future__ import annotations

import math

import numpy as np
from matplotlib.ticker import FuncFormatter

from ..i18n import N_
from ..models import subsidy
from . import SERIES_COLOURS, _, figure, finish, note_box, yi_yuan_axis

BUDGET_COLOUR = SERIES_COLOURS["paper"]  # a number the paper prints
LOANS_COLOUR = SERIES_COLOURS["counterfactual"]  # what the model says the budget could carry
SPENDING_COLOUR = SERIES_COLOURS["renovation"]  # Table 1
SOURCE = N_(
    "Yuan and Wang, sec. I.1 (budget), Table 1 (spending); lending rate: PBOC 2009, "
    "assumed; the course's model"
)


def _fmt(v: float) -> str:
    return f"{v:,.0f}"


def leverage_bars(
    budget: float | None = None,
    rate_pct: float = subsidy.LENDING_RATE_2009_PCT,
    share_pct: float = subsidy.DEFAULT_SHARE_PCT,
    years=(2008, 2009),
    note: str = "",
    into=None,
):
    """Horizontal bars: the budget, the loans it supports, Table 1's spending in ``years``."""
    b = subsidy.subsidy_per_year() if budget is None else budget
    problem = subsidy.check(b, rate_pct, share_pct)
    spend = {y: subsidy.renovation_spending(y) for y in years}
    loans = math.nan if problem else subsidy.loans_supported(b, rate_pct, share_pct)
    unspent = not problem and float(share_pct) == 0 and float(rate_pct) > 0
    if unspent:
        loans = 0.0
    top = max(spend.values()) * 1.6
    rows = [
        (
            _("subsidy budget (a year)"),
            np.nan if problem else float(b),
            BUDGET_COLOUR,
        ),
        (_("loans it supports (a year)"), loans, LOANS_COLOUR),
    ] + [
        (
            _("renovation spending {year} (Table 1)").format(year=y),
            v,
            SPENDING_COLOUR,
        )
        for y, v in spend.items()
    ]
    finite = [r[1] for r in rows if math.isfinite(r[1])]
    top = max([top, *(v * 1.25 for v in finite)])
    fig, ax = figure(7.5, 3.8, into=into)
    y = np.arange(len(rows))[::-1]
    values = [r[1] for r in rows]
    widths = [top if math.isinf(v) else (v if math.isfinite(v) else 0.0) for v in values]
    # one call draws every bar (a call per bar costs a redraw of the ticks each)
    bars = ax.barh(y, widths, color=[r[2] for r in rows])
    for yi, v, colour, bar in zip(y, values, [r[2] for r in rows], bars, strict=True):
        if math.isinf(v):
            bar.set_hatch("//")
            bar.set_edgecolor("white")
            bar.set_alpha(0.6)
            ax.text(top * 0.98, yi, _("unbounded →"), ha="right", va="center")
        elif unspent and colour == LOANS_COLOUR:
            ax.text(top * 0.01, yi, _("none: no interest is paid"), ha="left", va="center")
        elif math.isfinite(v):
            ax.text(v + top * 0.01, yi, _fmt(v), ha="left", va="center")
        else:
            ax.text(top * 0.01, yi, _("no result"), ha="left", va="center")
    ax.set_yticks(y, [r[0] for r in rows])
    ax.set_xlim(0, top)
    last = years[-1]
    if problem:
        title = _("No result: check the settings")
    elif math.isinf(loans):
        title = _("With nothing to pay for, the loans per yuan of subsidy are unbounded")
    elif loans == 0:
        title = _("A subsidy that pays no interest supports no loans")
    else:
        ratio = loans / spend[last] * 100
        title = _(
            "The subsidy could back loans worth {ratio}% of Table 1's {year} spending"
        ).format(ratio=f"{ratio:,.0f}", year=last)
    note_box(ax, note)
    fig = finish(
        fig,
        ax,
        title,
        "",
        source=SOURCE,
        xlabel=yi_yuan_axis(),
        horizontal=True,
    )
    return fig


def leverage_curve(
    budget: float | None = None, rate_pct: float = subsidy.LENDING_RATE_2009_PCT, year: int = 2009
):
    """Loans supported against the share of interest covered, with Table 1's spending as a line."""
    b = subsidy.subsidy_per_year() if budget is None else budget
    shares = np.linspace(10, 100, 91)
    loans = [subsidy.loans_supported(b, rate_pct, s) for s in shares]
    spend = subsidy.renovation_spending(year)
    fig, ax = figure(7.5, 4.2)
    ax.plot(
        shares,
        loans,
        color=LOANS_COLOUR,
        lw=2.2,
        label=_("loans supported by a budget of {budget} a year at {rate}%").format(
            budget=f"{b:,.0f}", rate=f"{rate_pct:g}"
        ),
    )
    ax.axhline(
        spend,
        color=SPENDING_COLOUR,
        lw=1.8,
        label=_("Table 1 renovation spending, {year} ({spend})").format(
            year=year, spend=f"{spend:,.0f}"
        ),
    )
    ax.set_xlim(10, 100)
    ax.set_ylim(0, max(loans) * 1.05)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:,.0f}"))
    ax.legend(frameon=False, loc="upper right")
    end = subsidy.loans_supported(b, rate_pct, 100)
    ax.annotate(
        f"{end:,.0f}",
        (100, end),
        xytext=(-4, 8),
        textcoords="offset points",
        ha="right",
    )
    title = (
        _("Even paying all the interest, the subsidy backs loans above the spending")
        if end > spend
        else _("Paying all the interest, the subsidy backs loans below the spending")
    )
    return finish(
        fig,
        ax,
        title,
        _("loans supported, {unit} a year").format(unit=yi_yuan_axis()),
        source=SOURCE,
        xlabel=_("share of one year's interest the subsidy pays (%)"),
    )
