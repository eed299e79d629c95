"""Charts of lesson 01: the scale of renovation investment (Table 1, its growth and composition)."""

from __future__ import annotations

import pandas as pd
import seaborn as sns

from ..models import scale as model
from ..models.scale import NAMES, SHORT
from . import (
    PALETTE,
    SERIES_COLOURS,
    WIDE,
    _,
    clear_notes,
    drawn_as,
    figure,
    finish,
    label,
    note_box,
    yi_yuan_axis,
)


def source(where: str) -> str:
    """A source line citing the paper (short form; the full citation in Chinese). Sources after
    it join with _("; "), a Chinese semicolon in Chinese."""
    return _("Yuan Lei & Wang Jiasheng (the paper), {where}; course calculation").format(
        where=where
    )


def name(series: str) -> str:
    """The short English (or Chinese) name of a Table 1 series."""
    return label(SHORT[series], NAMES[series][0])  # the data's Chinese name


def _tidy(wide: pd.DataFrame, value: str) -> pd.DataFrame:
    """Years by series -> one row per year and series, with the series' display name."""
    long = wide.rename_axis("year").reset_index().melt("year", var_name="series", value_name=value)
    return long.assign(name=long["series"].map(name))


def _palette(frame: pd.DataFrame) -> dict:
    return {name(s): SERIES_COLOURS[s] for s in frame["series"].unique()}


def table1_levels(table: pd.DataFrame | None = None):
    """Table 1 as two panels: renovation (left) and the three technology series (right), 亿元."""
    t = model.table1() if table is None else table
    long = _tidy(t, "value")
    fig, (left, right) = figure(WIDE, 4.2, ncols=2)
    reno = long[long["series"] == "renovation"]
    sns.barplot(reno, x="year", y="value", color=SERIES_COLOURS["renovation"], width=0.6, ax=left)
    left.bar_label(left.containers[0], fmt="{:,.0f}")
    left.set_title(name("renovation"))
    tech = long[long["series"] != "renovation"]
    sns.lineplot(
        tech, x="year", y="value", hue="name", palette=_palette(tech), marker="o", ax=right
    )
    right.set_xticks(sorted(tech["year"].unique()))
    right.set_title(_("Buying and absorbing technology"))
    right.legend(title=None)
    for ax in (left, right):
        ax.set(xlabel="", ylabel=yi_yuan_axis())
    years = t.index
    g = model.growth_between(int(years[0]), int(years[-1]))
    title = _(
        "Renovation spending grew {renovation}% from {first} to {last}; "
        "assimilation grew {assimilation}% from a small base"
    ).format(
        renovation=f"{g['renovation']:.0f}",
        assimilation=f"{g['assimilation']:.0f}",
        first=years[0],
        last=years[-1],
    )
    return finish(fig, [left, right], title, "", source(_("Table 1")))


def index_chart(frame: pd.DataFrame, base: int, end: int, title: str, note: str = "", into=None):
    """Each series of ``frame`` (``models.scale.index_frame``) as an index, base year = 100.

    Drawn with seaborn; drawn into a figure that holds this chart for the same series and
    years, the seaborn artists get the new numbers instead (the contract tests check that this
    draws, pixel for pixel, what a new figure draws)."""
    years = sorted(frame["year"].unique())
    lo, hi = min(base, end), max(base, end)
    shape = ("index_chart", tuple(frame["series"].unique()), tuple(years))
    if drawn_as(into, shape):
        return _update_index(into, frame, base, end, title, note)
    fig, ax = figure(7.5, 4.2, into=into)
    ax.axvspan(lo - 0.15, hi + 0.15, color=PALETTE["grey"], alpha=0.12, lw=0)
    ax.axhline(100, color=PALETTE["grey"], lw=0.8)
    tidy = frame.assign(name=frame["series"].map(name))
    sns.lineplot(tidy, x="year", y="index", hue="name", palette=_palette(frame), marker="o", ax=ax)
    for s, part in frame.groupby("series", sort=False):
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
    ax.set_xlim(years[0] - 0.4, years[-1] + 0.9)
    ax.set_xlabel(_("year"))  # seaborn's column name, in the chart's language
    ax.legend(loc="upper left", title=None)
    note_box(ax, note)
    fig.course_drawn = shape
    return finish(fig, ax, title, _index_axis(base), source(_("Table 1")), "")


def _update_index(fig, frame: pd.DataFrame, base: int, end: int, title: str, note: str):
    """Give the index chart's artists the numbers of ``frame`` (same series and years)."""
    ax = fig.axes[0]
    clear_notes(fig)
    lo, hi = min(base, end), max(base, end)
    span = ax.patches[0]
    span.set_x(lo - 0.15)
    span.set_width(hi - lo + 0.3)
    parts = list(frame.groupby("series", sort=False))
    # seaborn's lines, one per series in the frame's order, after the line at 100
    for line, (_series, part) in zip(ax.lines[1 : 1 + len(parts)], parts, strict=True):
        line.set_data(part["year"].to_numpy(dtype=float), part["index"].to_numpy(dtype=float))
    for note_text, (_series, part) in zip(ax.texts, parts, strict=True):
        at_end = float(part.loc[part["year"] == end, "index"].iloc[0])
        note_text.set_text(f"{at_end - 100:+.1f}%")
        note_text.xy = (end, at_end)
    ax.relim()
    ax.autoscale_view(scalex=False)
    note_box(ax, note)
    return finish(fig, ax, title, _index_axis(base), source(_("Table 1")), "")


def yearly_growth(frame: pd.DataFrame | None = None):
    """Growth over the previous year of the four series, grouped bars by year."""
    g = (model.yearly_growth() if frame is None else frame).dropna(how="all")
    long = _tidy(g, "growth")
    fig, ax = figure(WIDE, 4.4)
    sns.barplot(long, x="year", y="growth", hue="name", palette=_palette(long), ax=ax)
    ax.bar_label(ax.containers[0], fmt="{:.1f}", color=SERIES_COLOURS["renovation"], padding=2)
    ax.axhline(0, color="black", lw=0.8)
    ax.legend(ncols=2, title=None)
    ax.set_xlabel("")
    r = g["renovation"]
    title = _(
        "Renovation growth peaked in {peak_year} ({peak}%) and turned negative "
        "in {low_year} ({low}%): no gradual decline"
    ).format(peak_year=r.idxmax(), peak=f"{r.max():.1f}", low_year=r.idxmin(), low=f"{r.min():.1f}")
    return finish(fig, ax, title, _("growth over previous year (%)"), source(_("Table 1")))


def composition(frame: pd.DataFrame | None = None):
    """Each series' share of the four-series total, stacked to 100%, by year."""
    c = model.composition() if frame is None else frame
    long = _tidy(c, "share")
    palette = _palette(long)
    fig, (left, right) = figure(WIDE, 4.2, ncols=2)
    sns.histplot(
        long,
        x="year",
        weights="share",
        hue="name",
        hue_order=list(palette)[::-1],  # renovation at the bottom of each bar
        palette=palette,
        multiple="stack",
        discrete=True,
        shrink=0.6,
        alpha=1,
        linewidth=0,
        ax=left,
    )
    left.set_ylim(0, 100)
    left.set_title(_("All four series"))
    sns.move_legend(left, "upper center", bbox_to_anchor=(0.5, -0.1), ncols=2, title=None)
    tech = long[long["series"] != "renovation"]
    sns.lineplot(tech, x="year", y="share", hue="name", palette=palette, marker="o", ax=right)
    years = sorted(long["year"].unique())
    last = c.loc[years[-1], ["foreign", "assimilation", "domestic"]].sort_values()
    for i, (s, v) in enumerate(last.items()):  # nudged apart: the lowest two are close
        right.annotate(
            f"{v:.1f}%",
            (years[-1], v),
            xytext=(6, (i - 1) * 11),
            textcoords="offset points",
            va="center",
            color=SERIES_COLOURS[s],
        )
    right.set_title(_("Zoom on the three technology series"))
    right.set_xlim(years[0] - 0.3, years[-1] + 0.8)
    right.legend(title=None)
    for ax in (left, right):
        ax.set_xticks(years)
        ax.set(xlabel="", ylabel=_("share of the four series' total (%)"))
    r = c["renovation"]
    title = _(
        "Renovation is {low}-{high}% of the total; the technology series' "
        "share rose from {first}% to {last}%"
    ).format(
        low=f"{r.min():.0f}",
        high=f"{r.max():.0f}",
        first=f"{100 - r.iloc[0]:.1f}",
        last=f"{100 - r.iloc[-1]:.1f}",
    )
    return finish(fig, [left, right], title, "", source(_("Table 1")))


def _index_axis(base: int) -> str:
    return _("index, {base} = 100").format(base=base)
