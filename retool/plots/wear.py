"""Charts of lesson 04: the equipment levels of the census and the wear-and-renovation model."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ..models import wear
from . import PALETTE, figure, finish, label, note_box, paper_source
from .light import key, reuse_renderer, trim_ticks

# One colour per technology level, in every chart of the lesson (frontier green, obsolete red).
LEVEL_COLOURS = {
    "international": PALETTE["green"],
    "domestic_advanced": PALETTE["sky"],
    "domestic_average": PALETTE["yellow"],
    "obsolete": PALETTE["vermillion"],
}
GAP_COLOUR = PALETTE["blue"]
MODEL_SOURCE = "the course's teaching model, starting from the paper's equipment levels (二.1)"
CENSUS_SOURCE = paper_source("二.1 (third national industrial census), lines 337-341")


def _level_label(key: str) -> str:
    return label(*wear.LEVEL_LABELS[key])


def equipment_levels(census=None) -> Figure:
    """The paper's distribution of main equipment over four technology levels (horizontal bars)."""
    d = (wear.census_table() if census is None else census)["share_pct"]
    keys = list(wear.LEVELS)
    fig, ax = figure(7.5, 3.4)
    ypos = range(len(keys))[::-1]
    ax.barh(list(ypos), d.to_numpy(), color=[LEVEL_COLOURS[k] for k in keys], edgecolor="#333333")
    ax.set_yticks(list(ypos), [_level_label(k) for k in keys])
    for y, v in zip(ypos, d.to_numpy()):
        ax.text(v + 0.8, y, f"{v:.1f}%", va="center", fontsize=10)
    ax.set_xlim(0, d.max() * 1.18)
    top = d["international"]
    worst = d["obsolete"]
    title = label(
        f"Only {top:.1f}% of main equipment was at the international level; {worst:.1f}% was "
        "obsolete",
        f"主要装备达到国际水平的仅占{top:.1f}%，必须淘汰的占{worst:.1f}%",
    )
    finish(
        fig, ax, title, "", CENSUS_SOURCE, xlabel=label("share of main equipment (%)", "占比（%）")
    )
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", color="#dddddd", linewidth=0.8)
    return fig


def wear_paths(path, renovation: float, obsolescence: float, title: str, note: str = "") -> Figure:
    """Two panels: the distribution over the levels by year (stacked), the gap to the frontier."""
    fig, (left, right) = figure(9.5, 4.2, ncols=2)
    years = path.index.to_numpy()
    bottoms = 0
    for k in wear.LEVELS:
        left.fill_between(
            years,
            bottoms,
            bottoms + path[k].to_numpy(),
            color=LEVEL_COLOURS[k],
            linewidth=0,
            step=None if len(years) > 1 else "mid",
        )
        bottoms = bottoms + path[k].to_numpy()
    if len(years) == 1:  # no years simulated: show the start as a single bar
        left.cla()
        b = 0
        for k in wear.LEVELS:
            left.bar(0, path[k].iloc[0], bottom=b, color=LEVEL_COLOURS[k])
            b += path[k].iloc[0]
        left.set_xlim(-1, 1)
        left.set_xticks([0])
        right.set_xlim(-1, 1)
        right.set_xticks([0])
    left.set_ylim(0, 100)
    for a in (left, right):  # few ticks: every tick label costs time on each redraw
        a.xaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
        a.yaxis.set_major_locator(MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10]))
    left.yaxis.set_major_locator(MaxNLocator(nbins=2))  # 0, 50, 100: shares of the whole
    left.set_xlabel(label("years from the start", "年"))
    # units in the panels' titles: one text fewer per panel to draw on every redraw
    left.set_title(
        label("Share of equipment by technology level (%)", "装备技术水平结构（%）"),
        fontsize=10,
        loc="left",
    )

    gap = path["gap_levels"]
    right.plot(
        years,
        gap.to_numpy(),
        color=GAP_COLOUR,
        linewidth=2.2,
        marker="o" if len(years) == 1 else None,
    )
    right.axhline(gap.iloc[0], color=PALETTE["grey"], linestyle="--", linewidth=1)
    right.annotate(
        label("at the start", "起点"),
        (years[0], gap.iloc[0]),
        xytext=(4, -12),
        textcoords="offset points",
        fontsize=8,
        color="#555555",
    )
    right.set_ylim(0, max(3.5, float(gap.max()) * 1.1))
    # the same years as the left panel, whose axis is labelled: no second label to draw
    right.set_title(
        label("Mean levels behind the technology frontier", "与技术前沿的平均差距（级）"),
        fontsize=10,
        loc="left",
    )
    note_box(right, note)
    for a in (left, right):
        trim_ticks(a)
    fixed = {"left": 0.5, "right": 0.2, "top": 0.4, "bottom": 1.15, "wspace": 0.2}
    finish(fig, [left, right], title, "", MODEL_SOURCE, fixed=fixed)
    # the keys below the panels, drawn as plain artists (a legend costs a redraw much more)
    levels = [(_level_label(k), LEVEL_COLOURS[k], "patch") for k in wear.LEVELS]
    key(left, levels, loc="upper left", anchor=(-0.08, -0.2), fontsize=8, ncols=2)
    line = "o" if len(years) == 1 else "line"
    setting = label(f"renovation {renovation:.0%}, obsolescence {obsolescence:.0%}")
    key(right, [(setting, GAP_COLOUR, line)], loc="upper left", anchor=(0, -0.2), fontsize=8)
    return reuse_renderer(fig)


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
            label=label(f"renovation {r:.1%} a year ({f:g} × obsolescence)"),
        )
    ax.legend(frameon=False, fontsize=9)
    ax.set_ylim(0, None)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    title = label(
        "The gap widens when renovation falls short of obsolescence and closes when it exceeds it",
        "技术改造低于损耗时差距扩大，高于损耗时差距缩小",
    )
    return finish(
        fig,
        ax,
        title,
        label("gap to the frontier (levels behind, mean)", "差距（级）"),
        MODEL_SOURCE + f"; obsolescence {obsolescence:.0%} a year",
        xlabel=label("years from the start", "年"),
    )
