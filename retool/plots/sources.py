"""Charts of lesson 03: where technology comes from (the paper's Figures 2 and 3, rebuilt)."""

from __future__ import annotations

import pandas as pd
from matplotlib.ticker import MaxNLocator

from ..models import sources as model
from ..models.sources import TABLE1_UNIVERSE, UNIVERSE_SHORT, YEARBOOK_UNIVERSE, break_year
from . import PALETTE, SERIES_COLOURS, figure, finish, label, note_box
from .light import key, reuse_renderer, trim_ticks
from .scale import source

YEARBOOK_SOURCE = "China Statistical Yearbook 2005 t. 21-38, 2009 t. 20-42 (all LMEs)"
MARKERS = {YEARBOOK_UNIVERSE: "o", TABLE1_UNIVERSE: "s"}
PANELS = {
    "domestic_share_pct": ("Figure 2: domestic share of technology purchases", "domestic"),
    "assimilation_ratio_pct": ("Figure 3: assimilation / foreign technology", "assimilation"),
}


def _panel(ax, frame: pd.DataFrame, column: str, claims: list[tuple[int, str]], name_break=True):
    colour = SERIES_COLOURS[PANELS[column][1]]
    for universe, part in frame.groupby("universe", sort=False):
        filled = universe == TABLE1_UNIVERSE
        ax.plot(
            part["year"],
            part[column],
            marker=MARKERS[universe],
            color=colour,
            markerfacecolor=colour if filled else "white",
            label=UNIVERSE_SHORT[universe],
        )
    brk = break_year(frame)
    if brk is not None:
        ends = frame.sort_values("year")
        before = ends[ends["year"] < brk].iloc[-1]
        after = ends[ends["year"] > brk].iloc[0]
        ax.plot(
            [before["year"], after["year"]],
            [before[column], after[column]],
            ls=":",
            color=PALETTE["grey"],
        )
        ax.axvline(brk, color=PALETTE["grey"], ls="--", lw=1)
    if brk is not None and name_break:  # named in the first panel only
        ax.text(
            brk,
            0.98,
            label(" universe break"),
            transform=ax.get_xaxis_transform(),
            fontsize=7,
            color="#555555",
            va="top",
            ha="left",
        )
    years = frame["year"].tolist()
    for year, text in claims:
        if year in years:
            # at the ends of the range the note points inwards, clear of the axis
            ends = {years[0]: "left", years[-1]: "right"}
            ax.annotate(
                text,
                (year, frame.set_index("year").loc[year, column]),
                xytext=(0, 9),
                textcoords="offset points",
                ha=ends.get(year, "center"),
                fontsize=7,
                color="black",
            )
    # the unit in the panel's title: one label fewer to draw per panel
    ax.set_title(label(PANELS[column][0] + " (%)"), fontsize=9, loc="left")
    if years:
        # few year ticks: each tick label costs a redraw more than a line of the chart
        ax.xaxis.set_major_locator(MaxNLocator(nbins=4, integer=True, steps=[1, 2, 4, 5, 10]))
        ax.set_xlim(min(years) - 0.6, max(years) + 0.6)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 5, 10]))


def figures_2_and_3(share: pd.DataFrame, ratio: pd.DataFrame, title: str, note: str = ""):
    """The two rebuilt figures side by side, the universe break marked, the paper's words noted."""
    fig, (left, right) = figure(9.0, 4.2, ncols=2)
    says = model.paper_says()
    _panel(left, share, "domestic_share_pct", says["domestic_share_pct"])
    _panel(right, ratio, "assimilation_ratio_pct", says["assimilation_ratio_pct"], name_break=False)
    # one percent scale for both panels: comparable, and the right one needs no tick labels
    top = max(share["domestic_share_pct"].max(), ratio["assimilation_ratio_pct"].max()) * 1.3
    for ax in (left, right):
        ax.set_ylim(0, top if top > 1 else 1)
    right.tick_params(axis="y", labelleft=False)
    for ax in (left, right):
        trim_ticks(ax)
    note_box(left, note)
    where = label(f"Yuan & Wang, Table 1; {YEARBOOK_SOURCE}; the course's calculation")
    fig = finish(fig, [left, right], label(title), "", where, fixed={"left": 0.5, "wspace": 0.22})
    if len(share):
        colour = SERIES_COLOURS[PANELS["domestic_share_pct"][1]]
        shown = list(dict.fromkeys(share["universe"]))
        entries = [
            (
                UNIVERSE_SHORT[u],
                colour,
                ("" if u == TABLE1_UNIVERSE else "open ") + MARKERS[u],
            )
            for u in shown
        ]
        key(left, entries, loc="lower right", fontsize=7)
    return reuse_renderer(fig)


def growth_race(frame: pd.DataFrame | None = None):
    """Year-on-year growth of domestic and foreign purchases, comparable years only."""
    g = model.growth_race() if frame is None else frame
    fig, ax = figure(8.0, 4.2)
    x = range(len(g))
    w = 0.38
    ax.bar(
        [i - w / 2 for i in x],
        g["domestic_growth_pct"],
        width=w,
        color=SERIES_COLOURS["domestic"],
        label=label("domestic technology purchases"),
    )
    ax.bar(
        [i + w / 2 for i in x],
        g["foreign_growth_pct"],
        width=w,
        color=SERIES_COLOURS["foreign"],
        label=label("foreign technology"),
    )
    ax.axhline(0, color="black", lw=0.8)
    ticks = [
        f"{y}\n{'all LMEs' if u == YEARBOOK_UNIVERSE else 'Table 1'}"
        for y, u in zip(g["year"], g["universe"])
    ]
    ax.set_xticks(list(x), ticks, fontsize=8)
    for i, row in g.reset_index(drop=True).iterrows():
        mark = "domestic faster" if row["domestic_faster"] else "FOREIGN FASTER"
        top = max(row["domestic_growth_pct"], row["foreign_growth_pct"], 0)
        ax.text(
            i,
            top + 2,
            mark,
            ha="center",
            fontsize=7,
            color="black" if row["domestic_faster"] else PALETTE["vermillion"],
        )
    ax.legend(frameon=False, fontsize=8, loc="upper left")
    slow = g.loc[~g["domestic_faster"], "year"].tolist()
    title = label(
        "Domestic purchases grew faster than foreign in every comparable year from 2003"
        if not slow
        else f"Domestic purchases did not always grow faster than foreign from "
        f"{int(g['year'].min())}: not in {', '.join(str(y) for y in slow)}"
    )
    return finish(
        fig,
        ax,
        title,
        label("growth over previous year (%)"),
        source("Table 1") + "; " + YEARBOOK_SOURCE,
    )


def universe_gap(frame: pd.DataFrame | None = None):
    """Foreign technology spending: all LMEs (yearbooks) against Table 1's traditional LMEs."""
    both = model.universe_gap() if frame is None else frame
    fig, ax = figure(7.5, 3.8)
    x = both.index.to_numpy()
    ax.bar(
        x - 0.2,
        both["all"],
        width=0.4,
        color=SERIES_COLOURS["yearbook"],
        label=label("all LMEs (yearbooks)"),
    )
    ax.bar(
        x + 0.2,
        both["traditional"],
        width=0.4,
        color=SERIES_COLOURS["foreign"],
        label=label("traditional LMEs (Table 1)"),
    )
    share = both["traditional"] / both["all"] * 100
    for y, v, s in zip(x, both["all"], share):
        ax.text(y, v + 8, f"Table 1 = {s:.0f}%", ha="center", fontsize=7)
    ax.set_xticks(x)
    ax.set_ylim(0, both["all"].max() * 1.2)
    ax.legend(frameon=False, fontsize=8, loc="upper left")
    title = label(
        f"Table 1's traditional enterprises spend {share.min():.0f}-{share.max():.0f}% of what all "
        "large and medium-sized enterprises spend on foreign technology"
    )
    return finish(
        fig,
        ax,
        title,
        label("100 million yuan"),
        source("Table 1") + "; China Statistical Yearbook 2009 table 20-42",
    )
