"""Charts of lesson 05: Table 2 (the IDICN informatisation index) and China's catching up."""

from __future__ import annotations

import math

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ..models import catchup
from . import PALETTE, SERIES_COLOURS, figure, finish, label, note_box, paper_source
from .light import key, reuse_renderer, trim_ticks

TABLE2_SOURCE = paper_source(
    "Table 2 (lines 515-673), from the NBS research institute's IDICN study"
)
MEAN_COLOUR = PALETTE["black"]


def _name(code: str) -> str:
    en, cn = catchup.names("en"), catchup.names("cn")
    return label(en.get(code, code), cn.get(code))


def table2_lines(countries=None, table=None) -> Figure:
    """IDICN 2000-2008: the top ten in grey, the leader and China highlighted, the top-10 mean."""
    t = catchup.table() if table is None else table
    lead = catchup.leader()
    shown = catchup.top10() if countries is None else [c for c in countries if c in t.index]
    fig, ax = figure(7.5, 4.4)
    years = t.columns.to_numpy()
    others = [c for c in shown if c not in (lead, catchup.CHINA)]
    for i, c in enumerate(others):
        ax.plot(
            years,
            t.loc[c].to_numpy(),
            color=SERIES_COLOURS["other"],
            linewidth=1,
            label=label("the other top-ten countries", "其他前十位国家") if i == 0 else None,
        )
    mean = t.loc[catchup.top10()].mean()
    ax.plot(
        years,
        mean.to_numpy(),
        color=MEAN_COLOUR,
        linestyle="--",
        linewidth=1.5,
        label=label("mean of the top ten", "前十位平均"),
    )
    ax.plot(
        years,
        t.loc[lead].to_numpy(),
        color=SERIES_COLOURS["leader"],
        linewidth=2.5,
        label=label(
            f"{_name(lead)} (leader in {catchup.LAST})", f"{_name(lead)}（{catchup.LAST}年第一）"
        ),
    )
    ax.plot(
        years,
        t.loc[catchup.CHINA].to_numpy(),
        color=SERIES_COLOURS["CHN"],
        linewidth=2.5,
        label=_name(catchup.CHINA),
    )
    ax.set_ylim(0, None)
    ax.set_xlim(years[0] - 0.2, years[-1] + 0.2)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(frameon=False, loc="lower right", fontsize=9)
    g = catchup.growth()
    gap = catchup.china_gap()
    fastest = g["growth_pct"].idxmax() == catchup.CHINA
    title = label(
        f"China's index grew {g.loc[catchup.CHINA, 'growth_pct']:.0f}% in "
        f"{catchup.FIRST}-{catchup.LAST}, "
        f"{'faster than every top-ten country' if fastest else 'but not fastest'}, yet reached "
        "only "
        f"{gap['china_pct_of_leader']:.0f}% of {_name(lead)}'s",
        f"{catchup.FIRST}-{catchup.LAST}年中国指数增长{g.loc[catchup.CHINA, 'growth_pct']:.0f}%，"
        f"仍只及{_name(lead)}的{gap['china_pct_of_leader']:.0f}%",
    )
    return finish(
        fig,
        ax,
        title,
        label("IDICN index", "信息化发展指数"),
        TABLE2_SOURCE,
        xlabel=label("year", "年份"),
    )


def catch_up_chart(
    table,
    proj,
    countries,
    china_growth: float,
    years_needed: float,
    title: str,
    note: str = "",
) -> Figure:
    """History 2000-2008 (``table``, solid) and the projected paths (``proj``, dashed) of China
    and the leader; the other ``countries`` in grey."""
    t = table
    lead = next(c for c in proj.columns if c != catchup.CHINA)
    fig, ax = figure(7.5, 4.4)
    hist_years = t.columns.to_numpy()
    for c in countries:
        if c in t.index and c not in (lead, catchup.CHINA):
            ax.plot(hist_years, t.loc[c].to_numpy(), color=SERIES_COLOURS["other"], linewidth=1)
    for code, colour in ((lead, SERIES_COLOURS["leader"]), (catchup.CHINA, SERIES_COLOURS["CHN"])):
        ax.plot(hist_years, t.loc[code].to_numpy(), color=colour, linewidth=2.5)
        ax.plot(
            proj.index.to_numpy(), proj[code].to_numpy(), color=colour, linewidth=2, linestyle="--"
        )
    if math.isfinite(years_needed):
        x = catchup.LAST + years_needed
        y = float(t.loc[catchup.CHINA, catchup.LAST]) * (1 + china_growth / 100) ** years_needed
        ax.plot([x], [y], marker="o", color=PALETTE["black"], markersize=7, zorder=5)
        ax.annotate(
            label(f"China catches up around {x:.0f}"),
            (x, y),
            xytext=(-10, 14),
            textcoords="offset points",
            ha="right",
            fontsize=9,
        )
    ax.axvline(catchup.LAST, color="#bbbbbb", linewidth=1)
    ax.text(
        catchup.LAST + 0.5,
        0.02,
        label("projection →", "预测 →"),
        transform=ax.get_xaxis_transform(),
        fontsize=8,
        color="#666666",
    )
    top = float(np.nanmax([proj.to_numpy().max(), t.to_numpy().max()]))
    ax.set_ylim(0, min(top * 1.08, 50) if math.isfinite(top) else 5)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))
    ax.yaxis.set_major_locator(MaxNLocator(nbins=5))
    trim_ticks(ax)
    note_box(ax, note)
    # the paper's short form (its full citation is in the lesson): three source lines were one
    # third of the redraw
    source = label(
        "Yuan & Wang, Table 2 (lines 515-673; NBS research institute's IDICN study); "
        "projection at the assumed growth rates; the course's calculation",
        "原磊、王加胜，表2（第515-673行；国家统计局统计科研所信息化发展指数研究）；"
        "按假定增长率外推；本课程计算",
    )
    finish(
        fig,
        ax,
        title,
        label("IDICN index", "信息化发展指数"),
        source,
        xlabel=label("year", "年份"),
        fixed={"left": 0.7, "right": 0.25, "top": 0.3, "bottom": 0.5},
    )
    lines = [
        (_name(code), colour, "line")
        for code, colour in (
            (lead, SERIES_COLOURS["leader"]),
            (catchup.CHINA, SERIES_COLOURS["CHN"]),
        )
    ]
    key(ax, lines, loc="upper left", fontsize=9)
    return reuse_renderer(fig)
