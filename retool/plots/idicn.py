"""Charts of lesson 05: Table 2 (the IDICN informatisation index) and China's catching up."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ..i18n import N_
from ..models import idicn as model
from . import (
    PALETTE,
    SERIES_COLOURS,
    _,
    clear_notes,
    drawn_as,
    figure,
    finish,
    label,
    legend,
    note_box,
    paper_source,
    translated,
)

TABLE2_WHERE = N_("Table 2 (lines 515-673), from the NBS research institute's IDICN study")
MEAN_COLOUR = PALETTE["black"]


def _name(code: str) -> str:
    en, cn = model.names("en"), model.names("cn")
    return label(en.get(code, code), cn.get(code))  # Table 2's names of the countries


def _long(wide: pd.DataFrame, codes) -> pd.DataFrame:
    """Countries by years -> one row per country and year, with the country's display name."""
    part = wide.loc[list(codes)].rename_axis(index="code", columns="year").reset_index()
    long = part.melt("code", var_name="year", value_name="idicn")
    names = {code: _name(code) for code in codes}
    return long.assign(year=long["year"].astype(int), name=long["code"].map(names))


def _others(ax, table: pd.DataFrame, codes, **kwargs) -> None:
    """The other countries' histories as thin grey lines."""
    sns.lineplot(
        _long(table, codes),
        x="year",
        y="idicn",
        units="code",
        estimator=None,
        color=SERIES_COLOURS["other"],
        linewidth=1,
        ax=ax,
        **kwargs,
    )


def table2_lines(countries=None, table=None) -> Figure:
    """IDICN 2000-2008: the top ten in grey, the leader and China highlighted, the top-10 mean."""
    t = model.table() if table is None else table
    lead = model.leader()
    shown = model.top10() if countries is None else [c for c in countries if c in t.index]
    fig, ax = figure(7.5, 4.4)
    others = [c for c in shown if c not in (lead, model.CHINA)]
    _others(ax, t, others, label=_("the other top-ten countries"))
    mean = t.loc[model.top10()].mean().rename_axis("year").reset_index(name="idicn")
    sns.lineplot(
        mean.assign(year=mean["year"].astype(int)),
        x="year",
        y="idicn",
        color=MEAN_COLOUR,
        linestyle="--",
        linewidth=1.5,
        label=_("mean of the top ten"),
        ax=ax,
    )
    highlight = _long(t, [lead, model.CHINA])
    names = {_name(lead): SERIES_COLOURS["leader"], _name(model.CHINA): SERIES_COLOURS["CHN"]}
    sns.lineplot(highlight, x="year", y="idicn", hue="name", palette=names, linewidth=2.5, ax=ax)
    ax.set_ylim(0, None)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="lower right", title=None)
    g = model.growth()
    gap = model.china_gap()
    fastest = g["growth_pct"].idxmax() == model.CHINA
    if fastest:
        message = _(
            "China's index grew {growth}% in {first}-{last}, faster than every top-ten country, "
            "yet reached only {share}% of {leader}'s"
        )
    else:
        message = _(
            "China's index grew {growth}% in {first}-{last}, but not fastest, "
            "yet reached only {share}% of {leader}'s"
        )
    title = message.format(
        growth=f"{g.loc[model.CHINA, 'growth_pct']:.0f}",
        first=model.FIRST,
        last=model.LAST,
        share=f"{gap['china_pct_of_leader']:.0f}",
        leader=_name(lead),
    )
    return finish(
        fig,
        ax,
        title,
        _("IDICN index"),
        paper_source(translated(TABLE2_WHERE)),
        xlabel=_("year"),
    )


def catch_up_chart(
    table,
    proj,
    countries,
    china_growth: float,
    years_needed: float,
    title: str,
    note: str = "",
    into=None,
) -> Figure:
    """History 2000-2008 (``table``, solid) and the projected paths (``proj``, dashed) of China
    and the leader; the other ``countries`` in grey.

    Drawn with seaborn; drawn into a figure that holds this chart with the same countries (and a
    catching up, or none, as before), the projections, the point of catching up and the limits
    get the new numbers instead, however long the projection (the contract tests check that this
    draws, pixel for pixel, what a new figure draws)."""
    lead = next(c for c in proj.columns if c != model.CHINA)
    others = [c for c in countries if c in table.index and c not in (lead, model.CHINA)]
    shape = ("catch_up_chart", lead, tuple(others), math.isfinite(years_needed))
    if drawn_as(into, shape):
        _update_catch_up(into, table, proj, china_growth, years_needed, note)
        return finish(into, into.axes[0], title, *_texts())
    fig, ax = figure(7.5, 4.4, into=into)
    if others:
        _others(ax, table, others)
    history = _long(table, [lead, model.CHINA]).assign(when=_("history"))
    ahead = proj.rename_axis("year").reset_index().melt("year", var_name="code", value_name="idicn")
    ahead = ahead.assign(name=ahead["code"].map({c: _name(c) for c in proj.columns}))
    ahead = ahead.assign(when=_("projection"))
    both = pd.concat([history, ahead], ignore_index=True)
    palette = {_name(lead): SERIES_COLOURS["leader"], _name(model.CHINA): SERIES_COLOURS["CHN"]}
    before = len(ax.lines)
    sns.lineplot(
        both,
        x="year",
        y="idicn",
        hue="name",
        palette=palette,
        style="when",
        dashes={_("history"): "", _("projection"): (4, 2)},
        linewidth=2.2,
        ax=ax,
    )
    colours = {to_hex(SERIES_COLOURS["leader"]): lead, to_hex(SERIES_COLOURS["CHN"]): model.CHINA}
    parts = {  # the projections, to update on a redraw
        colours[to_hex(line.get_color())]: line
        for line in ax.lines[before:]
        if len(line.get_xdata()) and line.get_xdata()[-1] > model.LAST
    }
    if math.isfinite(years_needed):
        x, y = _caught_up(table, china_growth, years_needed)
        (parts["point"],) = ax.plot(
            [x], [y], marker="o", color=PALETTE["black"], markersize=7, zorder=5
        )
        parts["label"] = ax.annotate(
            _caught_up_label(x), (x, y), xytext=(-10, 14), textcoords="offset points", ha="right"
        )
    ax.axvline(model.LAST, color="#bbbbbb", linewidth=1)
    ax.text(
        model.LAST + 0.5,
        0.02,
        _("projection →"),
        transform=ax.get_xaxis_transform(),
        color="#666666",
    )
    _set_ylim(ax, table, proj)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))
    legend(ax, drop=("name", "when"), loc="upper left")
    note_box(ax, note)
    fig.course_drawn, fig.course_parts = shape, parts
    return finish(fig, ax, title, *_texts())


def _texts() -> tuple:
    """The catching-up chart's y label, source line and x label (for ``finish``)."""
    source = _(
        "Yuan & Wang, Table 2 (lines 515-673; NBS research institute's IDICN study); "
        "projection at the assumed growth rates; the course's calculation"
    )
    return _("IDICN index"), source, _("year")


def _caught_up(table, china_growth: float, years_needed: float) -> tuple[float, float]:
    """Where China's projection reaches the leader's: the year and the index."""
    x = model.LAST + years_needed
    return x, float(table.loc[model.CHINA, model.LAST]) * (1 + china_growth / 100) ** years_needed


def _caught_up_label(x: float) -> str:
    return _("China catches up around {year}").format(year=f"{x:.0f}")


def _set_ylim(ax, table, proj) -> None:
    top = float(np.nanmax([proj.to_numpy().max(), table.to_numpy().max()]))
    ax.set_ylim(0, min(top * 1.08, 50) if math.isfinite(top) else 5)


def _update_catch_up(fig, table, proj, china_growth, years_needed, note) -> None:
    """Give the projections and the point of catching up the new numbers; limits as anew."""
    ax, parts = fig.axes[0], fig.course_parts
    clear_notes(fig)
    years = proj.index.to_numpy(dtype=float)
    for code in proj.columns:
        parts[code].set_data(years, proj[code].to_numpy(dtype=float))
    if math.isfinite(years_needed):
        x, y = _caught_up(table, china_growth, years_needed)
        parts["point"].set_data([x], [y])
        parts["label"].xy = (x, y)
        parts["label"].set_text(_caught_up_label(x))
    ax.relim()
    ax.autoscale_view()
    _set_ylim(ax, table, proj)
    note_box(ax, note)
