"""Lesson 05: Table 2 (the IDICN informatisation index) rebuilt, and China's catching up.

Table 2 prints the index 2000-2008 for the ten leading countries of 2008 and for China, with the
2008 ranks. From it the course rebuilds the ranks of the eleven countries, each country's growth and
compound annual growth rate (CAGR), China's gap to the leader and to the top-10 mean, and — under
growth rates the learner assumes — how many years China would need to reach the leader's index.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .. import data, i18n, measures
from ..i18n import lazy
from ..params import Param, Spec

CHINA = "CHN"
FIRST, LAST = 2000, 2008
HORIZON = 200  # years; beyond this the course says "never"


def _growth(who: str, default, why: str, probe) -> Param:
    return Param(
        f"{who}_growth_pct",
        lazy("growth rate of China") if who == "china" else lazy("leader's growth rate"),
        lazy("% a year"),
        default,
        why,
        # a range wide enough for any plausible projection, narrow enough to drag precisely
        low=-10.0,
        high=20.0,
        step=0.1,
        fmt=".1f",
        extra_probes=(0.0, probe),
    )


def _followers() -> list[str]:
    """Table 2's top ten without the leader (whom the chart always draws)."""
    return [c for c in top10() if c != leader()]


PARAMS = Spec(
    Param(
        "countries",
        lazy("Other countries shown"),
        "",
        lambda: tuple(_followers()),
        lazy(
            "Table 2 prints the ten leading countries of 2008; the leader, whom China catches up "
            "with, is always drawn, so it is not offered"
        ),
        options=lambda: {c: names(in_use())[c] for c in _followers()},
        kind="choices",
    ),
    _growth(
        "china", lambda: cagr(CHINA), lazy("China's own 2000-2008 growth rate (Table 2)"), 15.0
    ),
    _growth("leader", lambda: cagr(leader()), lazy("the leader's 2000-2008 growth rate"), -5.0),
)


# pivoted once per state of data/: every function below starts from it, several per redraw
_table2_wide = data.per_data_state(data.table2_wide)


def table() -> pd.DataFrame:
    """Table 2 as printed: countries (ISO3) as rows in printed order, years 2000-2008 as columns
    (a copy: the caller may change it)."""
    return _table2_wide().copy()


@data.per_data_state
def names(lang: str = "en") -> dict:
    """Country names by ISO3 code ('en' or 'cn')."""
    t = data.table2().drop_duplicates("country_iso3").set_index("country_iso3")
    return t["country_cn" if lang == "cn" else "country_en"].to_dict()


def in_use() -> str:
    """The language of country names for the language in use: 'cn' (Table 2's Chinese names)
    or 'en'."""
    return "cn" if i18n.language() == "zh" else "en"


def top10() -> list:
    """The ten countries Table 2 shows beside China (the top ten of 2008), in printed order."""
    return [c for c in table().index if c != CHINA]


@data.per_data_state
def leader(year: int = LAST) -> str:
    """The country with the highest index in ``year`` among Table 2's countries."""
    return str(table()[year].idxmax())


def ranks_2008() -> pd.DataFrame:
    """2008 index, the rank rebuilt from it (ties share the better rank), the printed rank.

    ``tied`` marks countries whose printed 2008 value (three decimals) equals another's: there the
    printed order must rest on more digits than the table shows. China's printed rank (42 of 57)
    cannot be rebuilt: the 46 other countries of the study are not in the paper.
    """
    t = table()[LAST]
    printed = data.table2_rank().set_index("country_iso3")["rank_printed"].astype(int)
    top = t.drop(CHINA)
    out = pd.DataFrame({"idicn_2008": t, "rank_printed": printed.reindex(t.index)})
    out["rank_rebuilt"] = measures.rank_desc(top).reindex(t.index).astype("Int64")
    out["tied"] = t.duplicated(keep=False)
    out.loc[CHINA, "tied"] = False
    out["agrees"] = out["rank_rebuilt"] == out["rank_printed"]
    out.loc[CHINA, "agrees"] = pd.NA
    return out


def rank_rebuilt_among_table(country: str = CHINA) -> int:
    """A country's rank among the eleven countries of Table 2 only (China: 11th of 11)."""
    return int(measures.rank_desc(table()[LAST])[country])


def growth(base: int = FIRST, end: int = LAST) -> pd.DataFrame:
    """Growth from ``base`` to ``end`` (percent) and the CAGR over end - base years, per country."""
    t = table()
    if base not in t.columns or end not in t.columns or end <= base:
        raise ValueError(f"choose two years with {FIRST} <= base < end <= {LAST}")
    return pd.DataFrame(
        {
            "growth_pct": measures.growth_pct(t[base], t[end]),
            "cagr_pct": measures.cagr_pct(t[base], t[end], end - base),
        }
    )


def cagr(country: str, base: int = FIRST, end: int = LAST) -> float:
    """One country's compound annual growth rate of the index, percent."""
    return float(growth(base, end).loc[country, "cagr_pct"])


def top10_mean(year: int = LAST) -> float:
    """Mean index of the ten countries beside China (the 2008 top ten) in ``year``."""
    return float(table().loc[top10(), year].mean())


def china_gap(year: int = LAST) -> pd.Series:
    """China's gap to the leader and to the top-10 mean in ``year``: absolute and relative."""
    t = table()[year]
    china, lead, mean = float(t[CHINA]), float(t.max()), top10_mean(year)
    return pd.Series(
        {
            "china": china,
            "leader": lead,
            "top10_mean": mean,
            "gap_to_leader": measures.gap(lead, china),
            "gap_to_leader_pct_of_leader": measures.share_pct(lead - china, lead),
            "china_pct_of_leader": measures.share_pct(china, lead),
            "gap_to_top10_mean": measures.gap(mean, china),
            "gap_to_top10_mean_pct_of_mean": measures.share_pct(mean - china, mean),
            "china_pct_of_top10_mean": measures.share_pct(china, mean),
        },
        name=year,
    )


def years_to_catch_up(china_growth=None, leader_growth=None, target: str | None = None) -> float:
    """Years from 2008 until China's index reaches ``target``'s (default: the 2008 leader).

    Growth rates in percent a year; by default each country's 2000-2008 CAGR. ``math.inf`` when
    the gap never closes (China grows no faster) or takes more than 200 years.
    """
    target = target or leader(LAST)
    gc = cagr(CHINA) if china_growth is None else PARAMS["china_growth_pct"].check(china_growth)
    gl = cagr(target) if leader_growth is None else PARAMS["leader_growth_pct"].check(leader_growth)
    t = table()[LAST]
    return measures.years_to_close(
        float(t[target] - t[CHINA]), gc, gl, float(t[CHINA]), horizon=HORIZON
    )


def horizon(years_needed: float) -> int:
    """How many years a projection shows: a few past the catching up, or 40 when it never comes."""
    if math.isfinite(years_needed):
        return int(min(HORIZON, max(10, math.ceil(years_needed) + 5)))
    return 40


def projection(china_growth, leader_growth, years: int, target: str | None = None) -> pd.DataFrame:
    """Indices of China and the target from 2008 on, growing at the assumed rates (percent)."""
    target = target or leader(LAST)
    t = table()[LAST]
    yrs = np.arange(LAST, LAST + int(years) + 1)
    k = yrs - LAST
    return pd.DataFrame(
        {
            CHINA: float(t[CHINA])
            * (1 + PARAMS["china_growth_pct"].check(china_growth) / 100) ** k,
            target: float(t[target])
            * (1 + PARAMS["leader_growth_pct"].check(leader_growth) / 100) ** k,
        },
        index=pd.Index(yrs, name="year"),
    )
