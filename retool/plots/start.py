"""The chart of the start-here lesson: one Table 1 series over time."""

from __future__ import annotations

import pandas as pd
import seaborn as sns

from ..models.scale import NAMES
from . import (
    SERIES_COLOURS,
    _,
    drawn_as,
    figure,
    finish,
    label,
    language,
    paper_source,
    yi_yuan_axis,
)


def table1_series(frame: pd.DataFrame, growth: float, into=None):
    """Line chart of one Table 1 series (亿元, a ``models.start.series_frame``), values printed."""
    series = frame["series"].iloc[0]
    cn, en = NAMES[series]
    first, last = frame["year"].iloc[0], frame["year"].iloc[-1]
    title = _("{series}: {growth}% from {first} to {last}").format(
        series=label(en.capitalize(), cn), growth=f"{growth:+.1f}", first=first, last=last
    )
    shape = ("table1_series", tuple(frame["year"]), language())
    if drawn_as(into, shape):
        # the same years: seaborn's line, the values over it and the limits get the new series
        fig, ax = into, into.axes[0]
        line = ax.lines[0]
        line.set_ydata(frame["value"].to_numpy(float))
        line.set_color(SERIES_COLOURS[series])
        line.set_markerfacecolor(SERIES_COLOURS[series])
        for text, v in zip(ax.texts, frame["value"], strict=True):
            text.xy = (text.xy[0], v)
            text.set_text(f"{v:,.0f}")
        for text in list(fig.texts):
            text.remove()
    else:
        fig, ax = figure(7.5, 3.8, into=into)
        sns.lineplot(frame, x="year", y="value", marker="o", color=SERIES_COLOURS[series], ax=ax)
        for year, v in zip(frame["year"], frame["value"]):
            ax.annotate(
                f"{v:,.0f}", (year, v), textcoords="offset points", xytext=(0, 7), ha="center"
            )
        ax.set_xticks(list(frame["year"]))
        fig.course_drawn = shape
    ax.set_ylim(0, frame["value"].max() * 1.18)
    ax.set_title(label(en, cn))  # the data's names of the series
    return finish(
        fig,
        ax,
        title,
        yi_yuan_axis(),
        paper_source(_("Table 1")),
        xlabel=_("year"),
    )
