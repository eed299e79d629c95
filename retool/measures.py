"""Small pure functions: growth, shares, ratios, ranks and the precision of printed numbers.

Every function takes plain numbers or pandas objects and returns the same kind; percentages are
returned in percent (31.7, not 0.317), and the name of every such function ends in ``_pct``.
"""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation

import pandas as pd


def growth_pct(start, end):
    """Growth from ``start`` to ``end`` in percent: (end / start - 1) * 100."""
    return (end / start - 1) * 100


def yearly_growth_pct(series: pd.Series) -> pd.Series:
    """Growth over the previous year, in percent (the first year is NaN)."""
    return series.pct_change(fill_method=None) * 100


def cagr_pct(start, end, years):
    """Compound annual growth rate in percent over ``years`` years."""
    if years <= 0:
        raise ValueError("years must be positive")
    return ((end / start) ** (1 / years) - 1) * 100


def share_pct(part, whole):
    """``part`` as a percentage of ``whole``."""
    return part / whole * 100


def domestic_share_pct(domestic, foreign):
    """Domestic purchases as a share of all technology purchases (domestic + foreign), percent."""
    return share_pct(domestic, domestic + foreign)


def assimilation_ratio_pct(assimilation, foreign):
    """Spending on assimilating imported technology per yuan of foreign technology, percent."""
    return share_pct(assimilation, foreign)


def composition_pct(frame: pd.DataFrame) -> pd.DataFrame:
    """Each column's share of the row total, percent (rows sum to 100)."""
    return frame.div(frame.sum(axis=1), axis=0) * 100


def multiple(new, old):
    """How many times ``old`` fits into ``new`` (2.0 means doubled)."""
    return new / old


def rank_desc(values: pd.Series) -> pd.Series:
    """Rank, 1 for the largest; ties share the best rank ('min' method)."""
    return values.rank(ascending=False, method="min").astype(int)


def gap(leader, follower):
    """Absolute gap between two index values."""
    return leader - follower


def years_to_close(gap_now, follower_growth_pct, leader_growth_pct, follower_level, horizon=200):
    """Years until a follower growing at g_f overtakes a leader growing at g_l (both percent).

    Levels grow geometrically; the leader starts ``gap_now`` above the follower. Returns the
    (fractional) number of years, 0 if there is no gap, or ``math.inf`` if the gap never closes
    (the follower grows no faster than the leader) or takes longer than ``horizon`` years.
    """
    leader_level = follower_level + gap_now
    if gap_now <= 0:
        return 0.0
    if follower_level <= 0:
        return math.inf
    gf, gl = 1 + follower_growth_pct / 100, 1 + leader_growth_pct / 100
    if gf <= 0 or gl <= 0 or gf <= gl:
        return math.inf
    years = math.log(leader_level / follower_level) / math.log(gf / gl)
    return years if years <= horizon else math.inf


def implied_previous(value, growth):
    """The previous value implied by ``value`` and its growth in percent."""
    return value / (1 + growth / 100)


def decimals(printed: str) -> int:
    """How many decimals a printed number has: '31.7' -> 1, '265.96' -> 2, '42' -> 0."""
    try:
        exponent = Decimal(str(printed).strip()).as_tuple().exponent
    except InvalidOperation:
        raise ValueError(f"not a printed number: {printed!r}") from None
    return max(0, -int(exponent))


def at_printed_precision(value, printed: str) -> float:
    """``value`` rounded as the paper rounds ``printed`` (half away from zero)."""
    places = decimals(printed)
    return float(Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-places), "ROUND_HALF_UP"))


def matches_printed(value, printed: str) -> bool:
    """True when ``value`` rounds to the printed number at the printed precision."""
    if value is None or not math.isfinite(float(value)):
        return False
    return at_printed_precision(value, printed) == float(printed)
