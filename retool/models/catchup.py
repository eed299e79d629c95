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

from .. import data, measures

CHINA = "CHN"
FIRST, LAST = 2000, 2008
HORIZON = 200  # years; beyond this the course says "never"


def table() -> pd.DataFrame:
    """Table 2 as printed: countries (ISO3) as rows in printed order, years 2000-2008 as columns."""
    return data.table2_wide()


def names(lang: str = "en") -> dict:
    """Country names by ISO3 code ('en' or 'cn')."""
    t = data.table2().drop_duplicates("country_iso3").set_index("country_iso3")
    return t["country_cn" if lang == "cn" else "country_en"].to_dict()


def top10() -> list:
    """The ten countries Table 2 shows beside China (the top ten of 2008), in printed order."""
    return [c for c in table().index if c != CHINA]


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


def clean_growth(value, name: str) -> float:
    """An assumed growth rate in percent; raises ValueError with a readable reason."""
    try:
        g = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"the {name} must be a number (percent a year)") from None
    if not math.isfinite(g) or g <= -100 or g > 100:
        raise ValueError(f"the {name} must lie above -100% and at most 100% a year, not {value!r}")
    return g


def years_to_catch_up(china_growth=None, leader_growth=None, target: str | None = None) -> float:
    """Years from 2008 until China's index reaches ``target``'s (default: the 2008 leader).

    Growth rates in percent a year; by default each country's 2000-2008 CAGR. ``math.inf`` when
    the gap never closes (China grows no faster) or takes more than 200 years.
    """
    target = target or leader(LAST)
    gc = cagr(CHINA) if china_growth is None else clean_growth(china_growth, "growth rate of China")
    gl = (
        cagr(target)
        if leader_growth is None
        else clean_growth(leader_growth, "leader's growth rate")
    )
    t = table()[LAST]
    return measures.years_to_close(
        float(t[target] - t[CHINA]), gc, gl, float(t[CHINA]), horizon=HORIZON
    )


def projection(china_growth, leader_growth, years: int, target: str | None = None) -> pd.DataFrame:
    """Indices of China and the target from 2008 on, growing at the assumed rates (percent)."""
    target = target or leader(LAST)
    t = table()[LAST]
    yrs = np.arange(LAST, LAST + int(years) + 1)
    k = yrs - LAST
    return pd.DataFrame(
        {
            CHINA: float(t[CHINA])
            * (1 + clean_growth(china_growth, "growth rate of China") / 100) ** k,
            target: float(t[target])
            * (1 + clean_growth(leader_growth, "leader's growth rate") / 100) ** k,
        },
        index=pd.Index(yrs, name="year"),
    )
