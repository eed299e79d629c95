"""Charts of lesson 03: where technology comes from (the paper's Figures 2 and 3, rebuilt)."""

from __future__ import annotations

import pandas as pd
import seaborn as sns
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from .. import units
from ..models import sources as model
from ..models.sources import TABLE1_UNIVERSE, UNIVERSE_SHORT, YEARBOOK_UNIVERSE, break_year
from . import PALETTE, SERIES_COLOURS, WIDE, figure, finish, label, note_box
from .scale import source

YEARBOOK_SOURCE = "China Statistical Yearbook 2005 t. 21-38, 2009 t. 20-42 (all LMEs)"
MARKERS = {YEARBOOK_UNIVERSE: "o", TABLE1_UNIVERSE: "s"}
PANELS = {
    "domestic_share_pct": ("Figure 2: domestic share of technology purchases (%)", "domestic"),
    "assimilation_ratio_pct": ("Figure 3: assimilation / foreign technology (%)", "assimilation"),
}


def _panel(ax, frame: pd.DataFrame, column: str, claims: list[tuple[int, str]], first=True):
    colour = SERIES_COLOURS[PANELS[column][1]]
    tidy = frame.assign(universe=frame["universe"].map(UNIVERSE_SHORT))
    markers = {UNIVERSE_SHORT[u]: m for u, m in MARKERS.items()}
    sns.lineplot(
        tidy,
        x="year",
        y=column,
        style="universe",
        markers=markers,
        dashes=False,
        color=colour,
        legend=False,
        ax=ax,
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
        if first:  # named in the first panel only
            ax.text(
                brk,
                0.98,
                label(" universe break"),
                transform=ax.get_xaxis_transform(),
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
            )
    ax.set_title(label(PANELS[column][0]))
    ax.set(xlabel="", ylabel=label("%") if first else "")
    if years:
        ax.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
        ax.set_xlim(min(years) - 0.6, max(years) + 0.6)


def figures_2_and_3(
    share: pd.DataFrame, ratio: pd.DataFrame, title: str, note: str = "", into=None
):
    """The two rebuilt figures side by side, the universe break marked, the paper's words noted."""
    fig, (left, right) = figure(WIDE, 4.4, ncols=2, into=into)
    says = model.paper_says()
    _panel(left, share, "domestic_share_pct", says["domestic_share_pct"])
    _panel(right, ratio, "assimilation_ratio_pct", says["assimilation_ratio_pct"], first=False)
    # one percent scale for both panels: comparable at a glance
    top = max(share["domestic_share_pct"].max(), ratio["assimilation_ratio_pct"].max()) * 1.3
    for ax in (left, right):
        ax.set_ylim(0, top if top > 1 else 1)
    shown = [UNIVERSE_SHORT[u] for u in dict.fromkeys(share["universe"])]
    colour = SERIES_COLOURS[PANELS["domestic_share_pct"][1]]
    marker = {UNIVERSE_SHORT[u]: m for u, m in MARKERS.items()}
    keys = [Line2D([], [], color=colour, marker=marker[u], label=u) for u in shown]
    if keys:
        left.legend(handles=keys, loc="lower right")
    note_box(left, note)
    where = label(f"Yuan & Wang, Table 1; {YEARBOOK_SOURCE}; the course's calculation")
    return finish(fig, [left, right], label(title), "", where)


def growth_race(frame: pd.DataFrame | None = None):
    """Year-on-year growth of domestic and foreign purchases, comparable years only."""
    g = model.growth_race() if frame is None else frame
    names = {
        "domestic_growth_pct": label("domestic technology purchases"),
        "foreign_growth_pct": label("foreign technology"),
    }
    g = g.assign(
        when=[
            f"{y}\n{'all LMEs' if u == YEARBOOK_UNIVERSE else 'Table 1'}"
            for y, u in zip(g["year"], g["universe"])
        ]
    )
    long = g.melt(["when"], list(names), var_name="what", value_name="growth")
    long["what"] = long["what"].map(names)
    palette = {
        names["domestic_growth_pct"]: SERIES_COLOURS["domestic"],
        names["foreign_growth_pct"]: SERIES_COLOURS["foreign"],
    }
    fig, ax = figure(WIDE, 4.4)
    sns.barplot(long, x="when", y="growth", hue="what", palette=palette, saturation=1, ax=ax)
    ax.axhline(0, color="black", lw=0.8)
    for i, row in g.reset_index(drop=True).iterrows():
        mark = "domestic faster" if row["domestic_faster"] else "FOREIGN FASTER"
        top = max(row["domestic_growth_pct"], row["foreign_growth_pct"], 0)
        ax.text(
            i,
            top + 2,
            mark,
            ha="center",
            color="black" if row["domestic_faster"] else PALETTE["vermillion"],
        )
    ax.legend(loc="upper left", title=None)
    ax.set_xlabel("")
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
    names = {
        "all": label("all LMEs (yearbooks)"),
        "traditional": label("traditional LMEs (Table 1)"),
    }
    long = both.rename(columns=names).rename_axis("year").reset_index()
    long = long.melt("year", var_name="universe", value_name="spending")
    palette = {
        names["all"]: SERIES_COLOURS["yearbook"],
        names["traditional"]: SERIES_COLOURS["foreign"],
    }
    fig, ax = figure(7.5, 3.8)
    sns.barplot(long, x="year", y="spending", hue="universe", palette=palette, saturation=1, ax=ax)
    share = both["traditional"] / both["all"] * 100
    for i, (v, s) in enumerate(zip(both["all"], share)):
        ax.text(i, v + 8, f"Table 1 = {s:.0f}%", ha="center")
    ax.set_ylim(0, both["all"].max() * 1.25)
    ax.legend(loc="upper left", title=None)
    ax.set_xlabel("")
    title = label(
        f"Table 1's traditional enterprises spend {share.min():.0f}-{share.max():.0f}% of what all "
        "large and medium-sized enterprises spend on foreign technology"
    )
    return finish(
        fig,
        ax,
        title,
        label(units.YI_YUAN_DEFINED, units.YI_YUAN),
        source("Table 1") + "; China Statistical Yearbook 2009 table 20-42",
    )
