"""Charts of lesson 04: the equipment levels of the census and the wear-and-renovation model."""

from __future__ import annotations

import numpy as np
import seaborn as sns
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from ..i18n import N_
from ..models import wear
from . import (
    PALETTE,
    WIDE,
    _,
    clear_notes,
    drawn_as,
    figure,
    finish,
    label,
    note_box,
    paper_source,
    translated,
)

# One colour per technology level, in every chart of the lesson (frontier green, obsolete red).
LEVEL_COLOURS = {
    "international": PALETTE["green"],
    "domestic_advanced": PALETTE["sky"],
    "domestic_average": PALETTE["yellow"],
    "obsolete": PALETTE["vermillion"],
}
GAP_COLOUR = PALETTE["blue"]
MODEL_SOURCE = N_("the course's teaching model, starting from the paper's equipment levels (二.1)")
CENSUS_WHERE = N_("二.1 (third national industrial census), lines 337-341")


def _level_label(key: str) -> str:
    return label(*wear.LEVEL_LABELS[key])  # the model's names of the levels, in two languages


def equipment_levels(census=None) -> Figure:
    """The paper's distribution of main equipment over four technology levels (horizontal bars)."""
    c = (wear.census_table() if census is None else census).reset_index()
    c["name"] = c["level"].map(_level_label)
    palette = {_level_label(k): LEVEL_COLOURS[k] for k in wear.LEVELS}
    fig, ax = figure(7.5, 3.4)
    sns.barplot(
        c, x="share_pct", y="name", hue="name", palette=palette, saturation=1, legend=False, ax=ax
    )
    for bars in ax.containers:
        ax.bar_label(bars, fmt="{:.1f}%", padding=3)
    d = c.set_index("level")["share_pct"]
    ax.set_xlim(0, d.max() * 1.18)
    ax.set_ylabel("")
    top, worst = d["international"], d["obsolete"]
    title = _(
        "Only {top}% of main equipment was at the international level; {worst}% was obsolete"
    ).format(top=f"{top:.1f}", worst=f"{worst:.1f}")
    xlabel = _("share of main equipment (%)")
    source = paper_source(translated(CENSUS_WHERE))
    return finish(fig, ax, title, "", source, xlabel=xlabel, horizontal=True)


def wear_paths(
    path, renovation: float, obsolescence: float, title: str, note: str = "", into=None
) -> Figure:
    """Two panels: the distribution over the levels by year (stacked), the gap to the frontier.

    Drawn with seaborn; drawn into a figure that holds this chart for as many years, the
    seaborn artists get the new numbers instead (the contract tests check that this draws,
    pixel for pixel, what a new figure draws)."""
    shape = ("wear_paths", len(path))
    if drawn_as(into, shape):
        return _update_paths(into, path, renovation, obsolescence, title, note)
    fig, (left, right) = figure(WIDE, 4.8, ncols=2, into=into)
    long = path[list(wear.LEVELS)].reset_index().melt("year", var_name="level", value_name="share")
    long["name"] = long["level"].map(_level_label)
    palette = {_level_label(k): LEVEL_COLOURS[k] for k in wear.LEVELS}
    one_year = len(path) == 1
    sns.histplot(
        long,
        x="year",
        weights="share",
        hue="name",
        hue_order=list(palette)[::-1],  # the frontier at the bottom
        palette=palette,
        multiple="stack",
        discrete=True,
        shrink=0.6 if one_year else 1,
        element="bars" if one_year else "step",
        alpha=1,
        linewidth=0,
        legend=False,
        ax=left,
    )
    # the keys below the panels, built from the palette (one legend, not seaborn's and a copy)
    levels = [Patch(color=c, label=n) for n, c in palette.items()]
    # one column: two would be wider than the panel and push the right panel aside
    left.legend(handles=levels, loc="upper left", bbox_to_anchor=(-0.1, -0.2))
    left.set_ylim(0, 100)
    left.set(xlabel=_("years from the start"), ylabel="")
    left.set_title(_("Share of equipment by technology level (%)"))
    gap = path["gap_levels"].rename_axis("year").reset_index()
    setting = _setting(renovation, obsolescence)
    sns.lineplot(
        gap,
        x="year",
        y="gap_levels",
        color=GAP_COLOUR,
        marker="o" if one_year else None,
        linewidth=2.2,
        label=setting,
        ax=right,
    )
    right.legend(loc="upper left", bbox_to_anchor=(0, -0.2))
    start = float(gap["gap_levels"].iloc[0])
    right.axhline(start, color=PALETTE["grey"], linestyle="--", linewidth=1)
    right.annotate(
        _("at the start"),
        (0, start),
        xytext=(4, -14),
        textcoords="offset points",
        color="#555555",
    )
    right.set_ylim(0, max(3.5, float(gap["gap_levels"].max()) * 1.1))
    right.set(xlabel=_("years from the start"), ylabel="")
    right.set_title(_("Mean levels behind the frontier"))
    for a in (left, right):
        a.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
        if one_year:
            a.set_xlim(-1, 1)
    note_box(right, note)
    fig.course_drawn = shape
    return finish(fig, [left, right], title, "", MODEL_SOURCE)


def _stacked(path) -> dict:
    """Each level's (bottom, top) in the stacked panel, the frontier at the bottom."""
    bottom, edges = np.zeros(len(path)), {}
    for key in wear.LEVELS:
        top = bottom + path[key].to_numpy(dtype=float)
        edges[LEVEL_COLOURS[key]] = (bottom, top)
        bottom = top
    return edges


def _update_paths(fig, path, renovation, obsolescence, title, note) -> Figure:
    """Give the chart's artists the numbers of ``path`` (as many years as before)."""
    from matplotlib.colors import to_hex

    left, right = fig.axes
    clear_notes(fig)
    years = path.index.to_numpy(dtype=float)
    steps = np.append(years - 0.5, years[-1] + 0.5)
    stacked = _stacked(path)
    for band in left.collections:
        bottom, top = stacked[to_hex(band.get_facecolor()[0]).upper()]
        band.set_data(steps, np.append(bottom, bottom[-1]), np.append(top, top[-1]))
    gap = path["gap_levels"].to_numpy(dtype=float)
    line = right.lines[0]
    line.set_data(years, gap)
    setting = _setting(renovation, obsolescence)
    line.set_label(setting)
    right.get_legend().get_texts()[0].set_text(setting)
    right.set_ylim(0, max(3.5, float(gap.max()) * 1.1))
    note_box(right, note)
    return finish(fig, [left, right], title, "", MODEL_SOURCE)


def gap_scenarios(
    obsolescence: float = wear.DEFAULT_OBSOLESCENCE,
    years: int = wear.DEFAULT_YEARS,
    factors=(0.5, 1.0, 1.5),
) -> Figure:
    """The gap over time for renovation below, equal to and above the obsolescence rate."""
    fig, ax = figure(7.5, 4.2)
    styles = {
        0: ("-", PALETTE["vermillion"]),
        1: ("--", PALETTE["black"]),
        2: (":", PALETTE["green"]),
    }
    for i, f in enumerate(factors):
        r = min(1.0, obsolescence * f)
        path = wear.simulate(r, obsolescence, years)["gap_levels"]
        ls, colour = styles.get(i, ("-", PALETTE["grey"]))
        ax.plot(
            path.index,
            path.to_numpy(),
            linestyle=ls,
            color=colour,
            linewidth=2.2,
            label=_("renovation {rate} a year ({factor} × obsolescence)").format(
                rate=f"{r:.1%}", factor=f"{f:g}"
            ),
        )
    ax.legend()
    ax.set_ylim(0, None)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    title = _(
        "The gap widens when renovation falls short of obsolescence and closes when it exceeds it"
    )
    return finish(
        fig,
        ax,
        title,
        _("gap to the frontier (levels behind, mean)"),
        _("{model}; obsolescence {rate} a year").format(
            model=translated(MODEL_SOURCE), rate=f"{obsolescence:.0%}"
        ),
        xlabel=_("years from the start"),
    )


def _setting(renovation: float, obsolescence: float) -> str:
    """The gap line's legend: the rates it was drawn with."""
    return _("renovation {renovation}, obsolescence {obsolescence}").format(
        renovation=f"{renovation:.0%}", obsolescence=f"{obsolescence:.0%}"
    )
