"""Lesson 04's teaching model: renovation as compensation for the wear of equipment.

This is the course's own device, not the paper's. The paper argues (二.1) that technical renovation
is compensating investment: it makes good the tangible (physical) and intangible (obsolescence) wear
of equipment, and when it falls short for long, a firm's technology falls behind. The model makes
that argument countable.

Equipment sits on a ladder of technology levels counted from the frontier: level 0 is the
international frontier, level 1 is one step behind, and so on without a floor (equipment can keep
falling behind). The census's four categories are levels 0, 1, 2 and 3-or-more:
international, domestic advanced, domestic average, obsolete. Each year, in this order:

1. wear: a share ``obsolescence`` (δ) of the equipment at every level falls one level behind,
   because the frontier moves on (intangible wear) or the machine wears out (tangible wear);
2. renovation: a share ``renovation`` (r) of all equipment is upgraded one level. Equipment at the
   frontier needs no upgrade, so the upgrades go to the equipment behind it, in proportion to each
   level's share; if less than r of the equipment is behind, all of it is upgraded.

3. new capacity: the stock grows by a share ``growth`` (g) of itself, and the new equipment enters
   at the level ``new_level`` (e) it embodies (0 = the frontier); shares are then renormalised.

The renovation rate is a rate on the *stock* (the share of all equipment upgraded a year), not a
share of the year's investment flow. The course has no series of the equipment stock, so neither
rate is estimated: the default renovation rate is set at half the obsolescence rate to show the
paper's case (renovation falling short of wear), and the lesson says so.

The gap to the frontier is the mean number of levels the equipment stands behind it. Wear adds δ to
the gap every year; renovation removes r (or all that is behind, if that is less). Without new
capacity (g = 0, the paper's argument as written) the gap grows when r < δ, stays put when r = δ,
and shrinks when r > δ: it widens *by assumption* whenever renovation is slower than wear. With new
capacity, the gap G obeys G' = (G + δ − r + g·e) / (1 + g) while renovation is not exhausted, and
settles where G = G', at

    G* = e + (δ − r) / g    (:func:`steady_gap`),

so the question becomes what new capacity embodies, as in the vintage-capital models of Solow
(1960) and Salter (1960): a growing economy's technology gap is set by the vintage of its newest
plant as much as by how fast old plant is renovated. The distribution shows what the mean hides:
how much is obsolete.

References: Solow, R. M. (1960), "Investment and technical progress", in K. J. Arrow, S. Karlin
and P. Suppes (eds.), *Mathematical Methods in the Social Sciences, 1959*, Stanford University
Press, 89-104. Salter, W. E. G. (1960), *Productivity and Technical Change*, Cambridge University
Press.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .. import rebuild
from ..i18n import lazy
from ..params import Param, Spec

LEVELS = ("international", "domestic_advanced", "domestic_average", "obsolete")
LEVEL_LABELS = {
    "international": ("International level (frontier)", "国际水平"),
    "domestic_advanced": ("Domestic advanced (1 level behind)", "国内先进水平"),
    "domestic_average": ("Domestic average (2 levels behind)", "国内一般水平"),
    "obsolete": ("Obsolete (3+ levels behind)", "国内落后水平"),
}

MAX_YEARS = 100

# The paper gives no rates: both defaults are illustrative round numbers.
PARAMS = Spec(
    Param(
        "renovation",
        lazy("Renovation rate (share of equipment upgraded a year)"),
        "",
        0.05,
        lazy("half of the wear: renovation falls short, as the paper argues"),
        low=0.0,
        high=1.0,
        step=0.005,
        fmt=".1%",
        extra_probes=(0.10,),
    ),
    Param(
        "obsolescence",
        lazy("Obsolescence rate (share falling a level behind a year)"),
        "",
        0.10,
        lazy("a new technology generation about every ten years"),
        low=0.0,
        high=1.0,
        step=0.005,
        fmt=".1%",
        extra_probes=(0.05,),
    ),
    Param(
        "growth",
        lazy("New capacity (growth of the stock a year)"),
        "",
        0.0,
        lazy("none: the paper's argument as written, in which only renovation renews the stock"),
        low=0.0,
        high=0.5,
        step=0.005,
        fmt=".1%",
        extra_probes=(0.08,),
    ),
    Param(
        "new_level",
        lazy("Technology new capacity embodies (levels behind the frontier)"),
        "",
        0,
        lazy(
            "the frontier: new plant bought in the 2000s embodied current technology (the "
            "course's assumption; the paper gives no vintage data)"
        ),
        low=0,
        high=3,
        step=1,
        kind="integer",
        fmt="d",
        extra_probes=(1,),
    ),
    Param(
        "years",
        lazy("Years"),
        "",
        15,
        # the paper does not date the census (line 333): the mid-1990s start is outside
        # knowledge, not from the paper or data/
        lazy(
            "from the third industrial census (mid-1990s; the paper gives no year) to the "
            "paper's time (2010)"
        ),
        low=0,
        high=MAX_YEARS,
        step=1,
        kind="integer",
        fmt="d",
        extra_probes=(1,),
    ),
)
DEFAULT_RENOVATION = PARAMS["renovation"].default
DEFAULT_OBSOLESCENCE = PARAMS["obsolescence"].default
DEFAULT_YEARS = PARAMS["years"].default
DEFAULT_GROWTH = PARAMS["growth"].default
DEFAULT_NEW_LEVEL = PARAMS["new_level"].default


def start_distribution() -> pd.Series:
    """The paper's distribution of main equipment over the four levels, as shares summing to 1."""
    d = rebuild.equipment_distribution()
    shares = pd.Series(d.to_numpy(dtype=float), index=list(LEVELS))
    return shares / shares.sum()


def add_capacity(ladder: np.ndarray, growth: float, new_level: int) -> np.ndarray:
    """New capacity of ``growth`` times the stock at ``new_level``; the shares renormalised."""
    out = ladder.copy()
    out[new_level] += growth
    return out / (1 + growth)


def steady_gap(
    renovation: float = DEFAULT_RENOVATION,
    obsolescence: float = DEFAULT_OBSOLESCENCE,
    growth: float = DEFAULT_GROWTH,
    new_level: int = DEFAULT_NEW_LEVEL,
) -> float:
    """Where the mean gap settles with new capacity: e + (δ − r) / g (levels behind).

    Infinite when there is no new capacity and renovation falls short of wear (the gap widens
    for ever); the formula holds while renovation is not exhausted, so it is floored at 0.
    """
    r, d = PARAMS["renovation"].check(renovation), PARAMS["obsolescence"].check(obsolescence)
    g, e = PARAMS["growth"].check(growth), PARAMS["new_level"].check(new_level)
    if g == 0:
        return math.inf if d > r else (0.0 if d < r else math.nan)
    return max(0.0, e + (d - r) / g)


def step(ladder: np.ndarray, obsolescence: float, renovation: float) -> np.ndarray:
    """One year of wear, then renovation, on the ladder (shares; the index = levels behind)."""
    worn = ladder * (1 - obsolescence)
    worn[1:] += ladder[:-1] * obsolescence
    behind = worn[1:].sum()
    if behind <= 0 or renovation <= 0:
        return worn
    # the fraction of each level behind that is upgraded (all of it if r covers everything)
    lifted = 1.0 if behind <= renovation else renovation / behind
    moved = worn[1:] * lifted
    out = worn.copy()
    out[1:] -= moved
    out[:-1] += moved
    return out


def simulate(
    renovation: float = DEFAULT_RENOVATION,
    obsolescence: float = DEFAULT_OBSOLESCENCE,
    years: int = DEFAULT_YEARS,
    start: pd.Series | None = None,
    growth: float = DEFAULT_GROWTH,
    new_level: int = DEFAULT_NEW_LEVEL,
) -> pd.DataFrame:
    """The equipment distribution and the gap to the frontier, year 0 (the start) to ``years``.

    Returns one row per year with the shares of the four census levels (percent, summing to 100),
    ``gap_levels`` (the mean number of levels behind the frontier) and ``gap_index`` (the gap as a
    percentage of the starting gap: 100 = as far behind as at the start).
    """
    r = PARAMS["renovation"].check(renovation)
    d = PARAMS["obsolescence"].check(obsolescence)
    n = PARAMS["years"].check(years)
    g, e = PARAMS["growth"].check(growth), PARAMS["new_level"].check(new_level)
    s = start_distribution() if start is None else start.reindex(list(LEVELS)).astype(float)
    ladder = np.zeros(len(LEVELS) + n + 1)  # wear moves at most one level a year: no truncation
    ladder[: len(LEVELS)] = s.to_numpy() / s.sum()
    depth = np.arange(ladder.size)
    rows = []
    for year in range(n + 1):
        if year:
            ladder = step(ladder, d, r)
            if g:
                ladder = add_capacity(ladder, g, e)
        cats = np.append(ladder[:3], ladder[3:].sum()) * 100
        rows.append([year, *cats, float(ladder @ depth)])
    out = pd.DataFrame(rows, columns=["year", *LEVELS, "gap_levels"]).set_index("year")
    start_gap = out["gap_levels"].iloc[0]
    out["gap_index"] = out["gap_levels"] / start_gap * 100 if start_gap > 0 else np.nan
    return out


def gap_change(
    renovation=DEFAULT_RENOVATION, obsolescence=DEFAULT_OBSOLESCENCE, years=DEFAULT_YEARS
):
    """Change of the gap (levels behind the frontier) from the start to the last year."""
    path = simulate(renovation, obsolescence, years)["gap_levels"]
    return float(path.iloc[-1] - path.iloc[0])


def verdict(renovation=DEFAULT_RENOVATION, obsolescence=DEFAULT_OBSOLESCENCE, years=DEFAULT_YEARS):
    """'widens', 'holds' or 'narrows': what happens to the gap over the years simulated."""
    return verdict_of(simulate(renovation, obsolescence, years))


def verdict_of(path: pd.DataFrame) -> str:
    """'widens', 'holds' or 'narrows', read from a path that :func:`simulate` returned.

    The word is a lazy message: it equals the English key (code compares it with "widens") and
    is shown in the current language."""
    change = float(path["gap_levels"].iloc[-1] - path["gap_levels"].iloc[0])
    if change > 1e-9:
        return lazy("widens")
    if change < -1e-9:
        return lazy("narrows")
    return lazy("holds")


def compensating_renovation(obsolescence=DEFAULT_OBSOLESCENCE) -> float:
    """The renovation rate that exactly compensates wear: the obsolescence rate itself."""
    return PARAMS["obsolescence"].check(obsolescence)


def start_gap_levels() -> float:
    """The mean number of levels behind the frontier in the paper's distribution (obsolete = 3)."""
    s = start_distribution()
    return float(s.to_numpy() @ np.arange(len(LEVELS)))


def census_table() -> pd.DataFrame:
    """The census's four levels as the paper prints them: Chinese and English name, share (%)."""
    d = rebuild.equipment_distribution()
    rows = []
    for (claim_id, (cn, en)), level in zip(rebuild.EQUIPMENT_CLAIMS.items(), LEVELS):
        rows.append(
            {
                "level": level,
                "中文": cn,
                "English": en,
                "share_pct": float(d[claim_id]),
                "claim": claim_id,
            }
        )
    return pd.DataFrame(rows).set_index("level")
