"""The start-here lesson: one Table 1 series, its growth and its peak."""

from __future__ import annotations

import pandas as pd

from .. import data, i18n, measures, units
from ..i18n import _, lazy
from ..params import Param, Spec
from ..wording import pick

PARAMS = Spec(
    Param(
        "series",
        lazy("Series"),
        "",
        "renovation",
        lazy("technical renovation is the paper's headline series (Table 1's first column)"),
        options=lambda: {k: pick(f"{en} ({cn})", cn) for k, (cn, en) in data.SERIES.items()},
        kind="choice",
    ),
    Param(
        "chinese_labels",
        lazy("Chinese labels (中文)"),
        "",
        lambda: i18n.language() == "zh",  # on in the Chinese edition
        lazy("English is the course's language; Chinese needs a CJK font"),
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
    cn, en = data.SERIES[series]
    return _(
        "{series} went from {first} in {first_year} to {last} in {last_year} ({growth}), with its "
        "peak in {peak}."
    ).format(
        series=pick(en.capitalize(), cn),
        first=units.money(first["value"], ",.2f"),
        first_year=first["year"],
        last=units.money(last["value"], ",.2f"),
        last_year=last["year"],
        growth=f"{growth(f):+.1f}%",
        peak=peak,
    )
