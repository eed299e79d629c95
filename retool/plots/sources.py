"""Charts of lesson 03: where technology comes from (the paper's Figures 2 and 3, rebuilt)."""

from __future__ import annotations

import pandas as pd
import seaborn as sns
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from ..i18n import N_
from ..models import sources as model
from ..models.sources import TABLE1_UNIVERSE, UNIVERSE_SHORT, YEARBOOK_UNIVERSE, break_year
from . import (
    PALETTE,
    SERIES_COLOURS,
    WIDE,
    _,
    clear_notes,
    drawn_as,
    figure,
    finish,
    note_box,
    translated,
    yi_yuan_axis,
)
from .scale import source

YEARBOOK_SOURCE = N_("China Statistical Yearbook 2005 t. 21-38, 2009 t. 20-42 (all LMEs)")
# the model's short names of the two universes (models.sources.UNIVERSE_SHORT), for the key
UNIVERSE_NAMES = (N_("all LMEs (yearbook)"), N_("traditional LMEs (Table 1)"))
MARKERS = {YEARBOOK_UNIVERSE: "o", TABLE1_UNIVERSE: "s"}
PANELS = {
    "domestic_share_pct": (N_("Figure 2: domestic share of technology purchases (%)"), "domestic"),
    "assimilation_ratio_pct": (
        N_("Figure 3: assimilation / foreign technology (%)"),
        "assimilation",
    ),
}


def _lines(ax, frame: pd.DataFrame, column: str) -> dict:
    """The panel's lines drawn by seaborn, one per universe: {universe: line}."""
    colour = SERIES_COLOURS[PANELS[column][1]]
    tidy = frame.assign(universe=frame["universe"].map(UNIVERSE_SHORT))
    markers = {UNIVERSE_SHORT[u]: m for u, m in MARKERS.items()}
    before = len(ax.lines)
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
    by_marker = {m: u for u, m in MARKERS.items()}
    return {by_marker[line.get_marker()]: line for line in ax.lines[before:]}


def _marks(ax, frame: pd.DataFrame, column: str, claims, first=True) -> list:
    """The universe break, the paper's words, the panel's title, labels and x range; returns
    the artists it added (a redraw removes them and calls it again)."""
    added = []
    brk = break_year(frame)
    if brk is not None:
        ends = frame.sort_values("year")
        before = ends[ends["year"] < brk].iloc[-1]
        after = ends[ends["year"] > brk].iloc[0]
        added += ax.plot(
            [before["year"], after["year"]],
            [before[column], after[column]],
            ls=":",
            color=PALETTE["grey"],
        )
        added.append(ax.axvline(brk, color=PALETTE["grey"], ls="--", lw=1))
        if first:  # named in the first panel only
            added.append(
                ax.text(
                    brk,
                    0.98,
                    _(" universe break"),
                    transform=ax.get_xaxis_transform(),
                    color="#555555",
                    va="top",
                    ha="left",
                )
            )
    years = frame["year"].tolist()
    for year, text in claims:
        if year in years:
            # at the ends of the range the note points inwards, clear of the axis
            ends = {years[0]: "left", years[-1]: "right"}
            added.append(
                ax.annotate(
                    text,
                    (year, frame.set_index("year").loc[year, column]),
                    xytext=(0, 9),
                    textcoords="offset points",
                    ha=ends.get(year, "center"),
                )
            )
    ax.set_title(translated(PANELS[column][0]))
    ax.set(xlabel="", ylabel="%" if first else "")
    if years:
        ax.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
        ax.set_xlim(min(years) - 0.6, max(years) + 0.6)
    return added


def _universes(frame: pd.DataFrame) -> tuple:
    return tuple(dict.fromkeys(frame["universe"]))


def figures_2_and_3(
    share: pd.DataFrame, ratio: pd.DataFrame, title: str, note: str = "", into=None
):
    """The two rebuilt figures side by side, the universe break marked, the paper's words noted.

    Drawn into a figure that holds this chart with the same universes, seaborn's lines get the
    new years and values, and the break and the paper's words are drawn again (the contract
    tests check that this draws, pixel for pixel, what a new figure draws)."""
    says = model.paper_says()
    panels = ((share, "domestic_share_pct", True), (ratio, "assimilation_ratio_pct", False))
    shape = ("figures_2_and_3", _universes(share), _universes(ratio))
    if drawn_as(into, shape):
        fig, axes = into, into.axes
        clear_notes(fig)
        for ax, (frame, column, first) in zip(axes, panels, strict=True):
            lines, marks = fig.course_parts[column]
            for artist in marks:
                artist.remove()
            for universe, line in lines.items():
                part = frame[frame["universe"] == universe].sort_values("year")
                line.set_data(part["year"].to_numpy(float), part[column].to_numpy(float))
            marks = _marks(ax, frame, column, says[column], first)
            fig.course_parts[column] = (lines, marks)
    else:
        fig, axes = figure(WIDE, 4.4, ncols=2, into=into)
        for ax, (frame, column, first) in zip(axes, panels, strict=True):
            lines = _lines(ax, frame, column)
            fig.course_parts[column] = (lines, _marks(ax, frame, column, says[column], first))
        shown = [UNIVERSE_SHORT[u] for u in shape[1]]
        colour = SERIES_COLOURS[PANELS["domestic_share_pct"][1]]
        marker = {UNIVERSE_SHORT[u]: m for u, m in MARKERS.items()}
        keys = [Line2D([], [], color=colour, marker=marker[u], label=translated(u)) for u in shown]
        if keys:
            axes[0].legend(handles=keys, loc="lower right")
    left, right = axes
    # one percent scale for both panels: comparable at a glance
    top = max(share["domestic_share_pct"].max(), ratio["assimilation_ratio_pct"].max()) * 1.3
    for ax in (left, right):
        ax.set_ylim(0, top if top > 1 else 1)
    note_box(left, note)
    fig.course_drawn = shape
    where = _("Yuan & Wang, Table 1; {yearbook}; the course's calculation").format(
        yearbook=translated(YEARBOOK_SOURCE)
    )
    return finish(fig, [left, right], title, "", where)


def growth_race(frame: pd.DataFrame | None = None):
    """Year-on-year growth of domestic and foreign purchases, comparable years only."""
    g = model.growth_race() if frame is None else frame
    names = {
        "domestic_growth_pct": _("domestic technology purchases"),
        "foreign_growth_pct": _("foreign technology"),
    }
    g = g.assign(
        when=[
            f"{y}\n{_('all LMEs') if u == YEARBOOK_UNIVERSE else _('Table 1')}"
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
        mark = _("domestic faster") if row["domestic_faster"] else _("FOREIGN FASTER")
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
    if not slow:
        title = _("Domestic purchases grew faster than foreign in every comparable year from 2003")
    else:
        title = _(
            "Domestic purchases did not always grow faster than foreign from {first}: "
            "not in {years}"
        ).format(first=int(g["year"].min()), years=", ".join(str(y) for y in slow))
    return finish(
        fig,
        ax,
        title,
        _("growth over previous year (%)"),
        source(_("Table 1")) + _("; ") + translated(YEARBOOK_SOURCE),
    )


def universe_gap(frame: pd.DataFrame | None = None):
    """Foreign technology spending: all LMEs (yearbooks) against Table 1's traditional LMEs."""
    both = model.universe_gap() if frame is None else frame
    names = {
        "all": _("all LMEs (yearbooks)"),
        "traditional": _("traditional LMEs (Table 1)"),
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
        ax.text(i, v + 8, _("Table 1 = {share}%").format(share=f"{s:.0f}"), ha="center")
    ax.set_ylim(0, both["all"].max() * 1.25)
    ax.legend(loc="upper left", title=None)
    ax.set_xlabel("")
    title = _(
        "Table 1's traditional enterprises spend {low}-{high}% of what all "
        "large and medium-sized enterprises spend on foreign technology"
    ).format(low=f"{share.min():.0f}", high=f"{share.max():.0f}")
    return finish(
        fig,
        ax,
        title,
        yi_yuan_axis(),
        source(_("Table 1")) + _("; ") + _("China Statistical Yearbook 2009 table 20-42"),
    )
