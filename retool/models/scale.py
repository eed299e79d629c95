"""Lesson 01: growth of the Table 1 series between any two years, as an index (base = 100)."""

from __future__ import annotations

import pandas as pd

from .. import data, measures, rebuild, units
from ..i18n import _, lazy
from ..params import Param, Spec, year
from ..wording import pick

# (Chinese, English) names of the Table 1 series, for charts (a constant of the data package)
NAMES = data.SERIES

SHORT = {
    "renovation": "Technical renovation",
    "foreign": "Foreign technology",
    "assimilation": "Assimilation",
    "domestic": "Domestic technology",
}
# The same names inside a sentence (a message each, so that they follow the language).
SHORT_IN_TEXT = {
    "renovation": lazy("technical renovation"),
    "foreign": lazy("foreign technology"),
    "assimilation": lazy("assimilation"),
    "domestic": lazy("domestic technology"),
}


@data.per_data_state
def years() -> tuple[int, ...]:
    """Table 1's years."""
    return tuple(int(y) for y in data.table1_wide().index)


PARAMS = Spec(
    year(
        "base",
        lazy("Base year"),
        years,
        False,
        lazy("Table 1's first year, as the paper's 2005→2009"),
    ),
    year(
        "end", lazy("End year"), years, True, lazy("Table 1's last year, as the paper's 2005→2009")
    ),
    Param(
        "series",
        lazy("Series"),
        "",
        "all",
        lazy("the paper compares all four series"),
        options=lambda: {
            "all": _("all four series"),
            **{k: pick(en, cn) for k, (cn, en) in data.SERIES.items()},
        },
        kind="choice",
    ),
)


def chosen(series: str) -> list[str]:
    """The Table 1 series the setting names ('all': the four)."""
    return list(data.SERIES) if series == "all" else [series]


def index_frame(base: int, end: int, series: str) -> pd.DataFrame:
    """Tidy: year, series, index (base year = 100), value (亿元), for the chosen series."""
    t = table1()[chosen(series)]
    idx = t.div(t.loc[base]) * 100
    long = idx.reset_index().melt(id_vars="year", var_name="series", value_name="index")
    values = t.reset_index().melt(id_vars="year", var_name="series", value_name="value")
    return long.merge(values, on=["year", "series"])


@data.per_data_state
def growth_between(base: int, end: int) -> dict:
    """Growth of each Table 1 series from ``base`` to ``end``, percent (0 for equal years)."""
    return rebuild.table1_growth(base, end).to_dict()


@data.per_data_state
def _printed(series: str) -> str | None:
    first, last = years()[0], years()[-1]
    try:
        return str(data.claim(f"growth_{first}_{last}_{series}")["value"])
    except KeyError:
        return None


def sentence(base: int, end: int, series: str) -> str:
    """One sentence on the growth between the two years."""
    if base == end:
        return _(
            "Base and end year are both {year}: growth over zero years is 0% by definition; "
            "choose two different years."
        ).format(year=base)
    g = growth_between(base, end)
    t = table1()
    parts = []
    for s in chosen(series):
        clause = (
            _("{series} grew {growth} ({start} → {end})")
            if g[s] >= 0
            else _("{series} fell {growth} ({start} → {end})")
        )
        parts.append(
            clause.format(
                series=SHORT_IN_TEXT[s],
                growth=f"{abs(g[s]):.1f}%",
                start=units.number(t.loc[base, s], ",.2f"),
                end=units.money(t.loc[end, s], ",.2f"),
            )
        )
    # TRANSLATORS: the separator between two clauses of one sentence
    clauses = _("; ").join(parts)
    if end < base:
        text = _(
            "From {base} to {end} (going back in time, since the end year is before the base "
            "year), {clauses}"
        ).format(base=base, end=end, clauses=clauses)
    else:
        text = _("From {base} to {end}, {clauses}").format(base=base, end=end, clauses=clauses)
    if (base, end) == (years()[0], years()[-1]):
        printed = {s: _printed(s) for s in chosen(series) if _printed(s)}
        if printed:
            matches = all(measures.matches_printed(g[s], p) for s, p in printed.items())
            verdict = (
                _("{text}, which matches the paper's printed {values}")
                if matches
                else _("{text}, which differs from the paper's printed {values}")
            )
            # TRANSLATORS: the separator between the items of a list
            values = _(", ").join(p + "%" for p in printed.values())
            text = verdict.format(text=text, values=values)
    # TRANSLATORS: the end of a widget's sentence
    return _("{text}.").format(text=text)


def title(base: int, end: int, series: str) -> str:
    """The chart's finding."""
    if base == end:
        return f"Base and end year are both {base}: no change to measure"
    g = pd.Series(growth_between(base, end))[chosen(series)]
    if len(g) == 1:
        s = g.index[0]
        return f"{SHORT[s]} {'grew' if g[s] >= 0 else 'fell'} {abs(g[s]):.1f}% from {base} to {end}"
    top = g.idxmax()
    return f"From {base} to {end}, {SHORT[top].lower()} grew fastest ({g[top]:+.1f}%)"


@data.per_data_state
def table1() -> pd.DataFrame:
    """Table 1 as printed: years by the four series (亿元); shared, not to be modified."""
    return data.table1_wide()


def yearly_growth() -> pd.DataFrame:
    """Growth over the previous year of each Table 1 series, percent."""
    return rebuild.table1_yearly_growth()


def composition() -> pd.DataFrame:
    """Each series' share of the four series' total, percent, by year."""
    return rebuild.table1_composition()
