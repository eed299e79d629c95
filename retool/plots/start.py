"""The chart of the start-here lesson: one Table 1 series over time."""

from __future__ import annotations

import pandas as pd

from . import SERIES_COLOURS, figure, finish, label, paper_source
from .light import reuse_renderer


def table1_series(values: pd.Series, series: str, name_en: str, name_cn: str, title: str):
    """Line chart of one Table 1 series (亿元) with its values printed on the points."""
    fig, ax = figure(7.0, 3.8)
    ax.plot(values.index, values.to_numpy(), marker="o", color=SERIES_COLOURS[series], lw=2)
    for year, v in values.items():
        ax.annotate(
            f"{v:,.0f}",
            (year, v),
            textcoords="offset points",
            xytext=(0, 7),
            ha="center",
            fontsize=8,
        )
    ax.set_xticks(list(values.index))
    ax.set_ylim(0, values.max() * 1.18)
    ax.set_title(label(name_en, name_cn), fontsize=10, loc="left")
    return reuse_renderer(
        finish(
            fig,
            ax,
            title,
            label("亿元 (100 million yuan)", "亿元"),
            paper_source("Table 1"),
            xlabel=label("year", "年份"),
            fixed=True,
        )
    )
