"""Charts of lesson 01: the scale of renovation investment (Table 1, its growth and composition)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import data, measures, rebuild
from . import PALETTE, SERIES_COLOURS, figure, finish, label, paper_source
from .light import reuse_renderer

SHORT = {
    "renovation": "Technical renovation",
    "foreign": "Foreign technology",
    "assimilation": "Assimilation",
    "domestic": "Domestic technology",
}


def source(where: str) -> str:
    """A source line citing the paper (short form); Chinese when Chinese labels are asked for."""
    return label(
        f"Yuan Lei & Wang Jiasheng (the paper), {where}; course calculation", paper_source(where)
    )


def name(series: str) -> str:
    """The short English (or Chinese) name of a Table 1 series."""
    return label(SHORT[series], data.SERIES[series][0])


def table1_levels(table: pd.DataFrame | None = None):
    """Table 1 as two panels: renovation (left) and the three technology series (right), 亿元."""
    t = data.table1_wide() if table is None else table
    fig, (left, right) = figure(9.0, 4.2, ncols=2)
    years = t.index.to_numpy()
    left.bar(years, t["renovation"], color=SERIES_COLOURS["renovation"], width=0.6)
    for y, v in zip(years, t["renovation"]):
        left.text(y, v, f"{v:,.0f}", ha="center", va="bottom", fontsize=8)
    left.set_title(name("renovation"), fontsize=10, loc="left")
    left.set_ylabel(label("100 million yuan", "亿元"))
    for s in ("foreign", "assimilation", "domestic"):
        right.plot(years, t[s], marker="o", color=SERIES_COLOURS[s], label=name(s))
    right.set_title(label("Buying and absorbing technology", "技术获取"), fontsize=10, loc="left")
    right.set_ylabel(label("100 million yuan", "亿元"))
    right.legend(frameon=False, fontsize=8)
    for ax in (left, right):
        ax.set_xticks(years)
    g = rebuild.table1_growth(int(years[0]), int(years[-1]))
    title = label(
        f"Renovation spending grew {g['renovation']:.0f}% from {years[0]} to {years[-1]}; "
        f"assimilation grew {g['assimilation']:.0f}% from a small base",
        "技术改造经费增长，消化吸收经费增长最快",
    )
    return finish(fig, [left, right], title, "", source("Table 1"))


def index_chart(table: pd.DataFrame, base: int, end: int, series: list[str], note: str = ""):
    """Each chosen series as an index (base year = 100), with the base and end years marked."""
    fig, ax = figure(7.5, 4.2)
    idx = table[series].div(table.loc[base, series]) * 100
    years = table.index.to_numpy()
    lo, hi = min(base, end), max(base, end)
    ax.axvspan(lo - 0.15, hi + 0.15, color=PALETTE["grey"], alpha=0.12, lw=0)
    ax.axhline(100, color=PALETTE["grey"], lw=0.8)
    for s in series:
        ax.plot(years, idx[s], marker="o", color=SERIES_COLOURS[s], label=name(s))
        ax.annotate(
            f"{idx.loc[end, s] - 100:+.1f}%",
            (end, idx.loc[end, s]),
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
            color=SERIES_COLOURS[s],
        )
    ax.set_xticks(years)
    ax.set_xlim(years[0] - 0.4, years[-1] + 0.8)
    ax.legend(frameon=False, fontsize=8, loc="upper left")
    if note:
        ax.set_title(note, loc="left", fontsize=8, color=PALETTE["vermillion"])
    g = measures.growth_pct(table.loc[base, series], table.loc[end, series])
    if base == end:
        title = label(f"Base and end year are both {base}: no change to measure")
    elif len(series) == 1:
        title = label(
            f"{name(series[0])} {'grew' if g.iloc[0] >= 0 else 'fell'} "
            f"{abs(g.iloc[0]):.1f}% from {base} to {end}"
        )
    else:
        top = g.idxmax()
        title = label(f"From {base} to {end}, {name(top).lower()} grew fastest ({g[top]:+.1f}%)")
    return reuse_renderer(
        finish(fig, ax, title, label(f"index, {base} = 100"), source("Table 1"), fixed=True)
    )


def yearly_growth(frame: pd.DataFrame | None = None):
    """Growth over the previous year of the four series, grouped bars by year."""
    g = (rebuild.table1_yearly_growth() if frame is None else frame).dropna(how="all")
    fig, ax = figure(8.0, 4.4)
    years = g.index.to_numpy()
    width = 0.2
    for i, s in enumerate(g.columns):
        ax.bar(years + (i - 1.5) * width, g[s], width=width, color=SERIES_COLOURS[s], label=name(s))
    r = g["renovation"]
    for y, v in r.items():
        ax.text(
            y - 1.5 * width,
            v + (1.5 if v >= 0 else -1.5),
            f"{v:.1f}",
            ha="center",
            va="bottom" if v >= 0 else "top",
            fontsize=7,
            color=SERIES_COLOURS["renovation"],
        )
    ax.axhline(0, color="black", lw=0.8)
    ax.set_xticks(years)
    ax.legend(frameon=False, fontsize=8, ncols=2)
    title = label(
        f"Renovation growth peaked in {r.idxmax()} ({r.max():.1f}%) and turned negative "
        f"in {r.idxmin()} ({r.min():.1f}%): no gradual decline",
        "技术改造经费增速并非逐年下降",
    )
    return finish(fig, ax, title, label("growth over previous year (%)"), source("Table 1"))


def composition(frame: pd.DataFrame | None = None):
    """Each series' share of the four-series total, stacked to 100%, by year."""
    c = rebuild.table1_composition() if frame is None else frame
    fig, (left, right) = figure(9.0, 4.2, ncols=2)
    years = c.index.to_numpy()
    bottom = np.zeros(len(c))
    for s in c.columns:
        left.bar(years, c[s], bottom=bottom, color=SERIES_COLOURS[s], width=0.6, label=name(s))
        bottom += c[s].to_numpy()
    left.set_ylim(0, 100)
    left.set_ylabel(label("share of the four series' total (%)"))
    left.set_title(label("All four series"), fontsize=10, loc="left")
    tech = ["foreign", "assimilation", "domestic"]
    last = c[tech].iloc[-1].sort_values()
    nudge = dict(zip(last.index, np.arange(len(last)) * 7 - 7))
    for s in tech:
        right.plot(years, c[s], marker="o", color=SERIES_COLOURS[s], label=name(s))
        right.annotate(
            f"{c[s].iloc[-1]:.1f}%",
            (years[-1], c[s].iloc[-1]),
            xytext=(5, nudge[s]),
            textcoords="offset points",
            va="center",
            fontsize=8,
            color=SERIES_COLOURS[s],
        )
    right.set_ylabel(label("share of the four series' total (%)"))
    right.set_title(label("Zoom on the three technology series"), fontsize=10, loc="left")
    right.set_xlim(years[0] - 0.3, years[-1] + 0.6)
    right.legend(frameon=False, fontsize=8)
    for ax in (left, right):
        ax.set_xticks(years)
    r = c["renovation"]
    title = label(
        f"Renovation is {r.min():.0f}-{r.max():.0f}% of the total; the technology series' "
        f"share rose from {100 - r.iloc[0]:.1f}% to {100 - r.iloc[-1]:.1f}%",
    )
    return finish(fig, [left, right], title, "", source("Table 1"))
