"""The chart of the start-here lesson: one Table 1 series over time."""

from __future__ import annotations

import pandas as pd
import seaborn as sns

from .. import units
from ..models.scale import NAMES
from . import SERIES_COLOURS, figure, finish, label, paper_source


def table1_series(frame: pd.DataFrame, growth: float, into=None):
    """Line chart of one Table 1 series (亿元, a ``models.start.series_frame``), values printed."""
    series = frame["series"].iloc[0]
    cn, en = NAMES[series]
    first, last = frame["year"].iloc[0], frame["year"].iloc[-1]
    title = label(
        f"{en.capitalize()}: {growth:+.1f}% from {first} to {last}",
        f"{cn}：{first}—{last}年增长{growth:+.1f}%",
    )
    fig, ax = figure(7.5, 3.8, into=into)
    sns.lineplot(frame, x="year", y="value", marker="o", color=SERIES_COLOURS[series], ax=ax)
    for year, v in zip(frame["year"], frame["value"]):
        ax.annotate(f"{v:,.0f}", (year, v), textcoords="offset points", xytext=(0, 7), ha="center")
    ax.set_xticks(list(frame["year"]))
    ax.set_ylim(0, frame["value"].max() * 1.18)
    ax.set_title(label(en, cn))
    return finish(
        fig,
        ax,
        title,
        label(units.YI_YUAN_DEFINED, units.YI_YUAN),
        paper_source("Table 1"),
        xlabel=label("year", "年份"),
    )
