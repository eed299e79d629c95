"""The start-here lesson: one Table 1 series, its growth and its peak."""

from __future__ import annotations

import pandas as pd

from .. import data, measures, units
from ..params import Param, Spec

PARAMS = Spec(
    Param(
        "series",
        "Series",
        "系列",
        "",
        "renovation",
        "technical renovation is the paper's headline series (Table 1's first column)",
        options=lambda: {k: f"{en} ({cn})" for k, (cn, en) in data.SERIES.items()},
        kind="choice",
    ),
    Param(
        "chinese_labels",
        "Chinese labels (中文)",
        "中文标签",
        "",
        False,
        "English is the course's language; Chinese needs a CJK font",
        kind="flag",
    ),
)


# pivoted once per state of data/ (a redraw asks for a series twice: chart and sentence)
_table1_wide = data.per_data_state(data.table1_wide)


def series_frame(series: str) -> pd.DataFrame:
    """One Table 1 series, tidy: year, series, value (亿元)."""
    values = _table1_wide()[series]
    return pd.DataFrame({"year": values.index, "series": series, "value": values.to_numpy()})


def growth(frame: pd.DataFrame) -> float:
    """Growth from the first to the last year of ``series_frame``, percent."""
    return float(measures.growth_pct(frame["value"].iloc[0], frame["value"].iloc[-1]))


def describe(series: str) -> str:
    """One sentence on a Table 1 series: start, end, growth, peak."""
    f = series_frame(series)
    first, last = f.iloc[0], f.iloc[-1]
    peak = int(f.loc[f["value"].idxmax(), "year"])
    return (
        f"{data.SERIES[series][1].capitalize()} went from {units.yi(first['value'], ',.2f')} in "
        f"{first['year']} to {units.yi(last['value'], ',.2f')} in {last['year']} "
        f"({growth(f):+.1f}%), "
        f"with its peak in {peak}."
    )
