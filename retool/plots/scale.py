"""Charts of lesson 01: the scale of renovation investment (Table 1, its growth and composition)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..models import scale as model
from ..models.scale import NAMES, SHORT
from . import PALETTE, SERIES_COLOURS, figure, finish, label, note_box, paper_source


def source(where: str) -> str:
    """A source line citing the paper (short form); Chinese when Chinese labels are asked for."""
    return label(
        f"Yuan Lei & Wang Jiasheng (the paper), {where}; course calculation", paper_source(where)
    )


def name(series: str) -> str:
    """The short English (or Chinese) name of a Table 1 series."""
    return label(SHORT[series], NAMES[series][0])


def table1_levels(table: pd.DataFrame | None = None):
    """Table 1 as two panels: renovation (left) and the three technology series (right), 亿元."""
    t = model.table1() if table is None else table
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
    g = model.growth_between(int(years[0]), int(years[-1]))
    title = label(
        f"Renovation spending grew {g['renovation']:.0f}% from {years[0]} to {years[-1]}; "
        f"assimilation grew {g['assimilation']:.0f}% from a small base",
        "技术改造经费增长，消化吸收经费增长最快",
    )
    return finish(fig, [left, right], title, "", source("Table 1"))


def index_chart(frame: pd.DataFrame, base: int, end: int, title: str, note: str = ""):
    """Each series of ``frame`` (``models.scale.index_frame``) as an index, base year = 100."""
    fig, ax = figure(7.5, 4.2)
    years = sorted(frame["year"].unique())
    lo, hi = min(base, end), max(base, end)
    ax.axvspan(lo - 0.15, hi + 0.15, color=PALETTE["grey"], alpha=0.12, lw=0)
    ax.axhline(100, color=PALETTE["grey"], lw=0.8)
    for s, part in frame.groupby("series", sort=False):
        ax.plot(part["year"], part["index"], marker="o", color=SERIES_COLOURS[s], label=name(s))
        at_end = float(part.loc[part["year"] == end, "index"].iloc[0])
        ax.annotate(
            f"{at_end - 100:+.1f}%",
            (end, at_end),
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
            color=SERIES_COLOURS[s],
        )
    ax.set_xticks(years)
    ax.set_xlim(years[0] - 0.4, years[-1] + 0.8)
    ax.legend(loc="upper left")
    note_box(ax, note)
    return finish(fig, ax, label(title), label(f"index, {base} = 100"), source("Table 1"))


def yearly_growth(frame: pd.DataFrame | None = None):
    """Growth over the previous year of the four series, grouped bars by year."""
    g = (model.yearly_growth() if frame is None else frame).dropna(how="all")
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
    c = model.composition() if frame is None else frame
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
