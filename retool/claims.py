"""The claims audit: recompute every claim of the ledger that can be recomputed.

``data/paper_claims.csv`` holds one row per quantitative statement of the paper's text. A row whose
``method`` names a function below is recomputed from ``data/``; :func:`audit` compares the result
with the printed value at the paper's printed precision (``equal``), within a stated tolerance
(``about``), or as an inequality (``above``, ``below``), and says whether it agrees.
"""

from __future__ import annotations

import math

import pandas as pd

from . import data, measures, rebuild


def _growth(series):
    return lambda: float(rebuild.table1_growth(2005, 2009)[series])


METHODS = {
    "growth_2005_2009_renovation": _growth("renovation"),
    "growth_2005_2009_foreign": _growth("foreign"),
    "growth_2005_2009_assimilation": _growth("assimilation"),
    "growth_2005_2009_domestic": _growth("domestic"),
    "growth_2009_table1": lambda: float(rebuild.table1_yearly_growth().loc[2009, "renovation"]),
    "implied_manufacturing_fai_2009": rebuild.implied_manufacturing_fai_2009,
    "share_gdp_2009_implied": lambda: rebuild.renovation_share_of_gdp(2009, "lme_all"),
    "domestic_share_2000": lambda: rebuild.domestic_share_in(2000),
    "domestic_share_2009": lambda: rebuild.domestic_share_in(2009),
    "domestic_share_growth_2002_2009": lambda: (
        measures.multiple(rebuild.domestic_share_in(2009), rebuild.domestic_share_in(2002)) - 1
    ),
    "domestic_faster_from": rebuild.first_year_domestic_faster_from_then_on,
    "assimilation_ratio_2003": lambda: rebuild.assimilation_ratio_in(2003),
    "assimilation_ratio_2009": lambda: rebuild.assimilation_ratio_in(2009),
    "productivity_growth_multiple": rebuild.productivity_growth_multiple,
    "lme_share_1980": rebuild.renovation_share_1980,
    "share_fai_2009_table1": lambda: float(rebuild.renovation_share_of_fai().loc[2009]),
    "max_share_fai_2006_2009": lambda: float(
        rebuild.renovation_share_of_fai().loc[2006:2009].max()
    ),
    "equipment_total": lambda: float(rebuild.equipment_distribution().sum()),
    "china_rank_2008": rebuild.china_rank_2008,
    "tenth_of_usa": lambda: rebuild.fraction_of_benchmark("us_share_1947_1978"),
    "tenth_of_west_europe": lambda: rebuild.fraction_of_benchmark("west_europe_share_1950s"),
}

STATUSES = ("recomputed", "stated only", "not reproducible")


def recompute(claim_id: str) -> float:
    """The course's value for one claim (NaN where the ledger names no method)."""
    method = data.claim(claim_id)["method"]
    return float(METHODS[method]()) if method else math.nan


def agrees(value: float, printed: str, comparison: str, tolerance: float | None) -> bool:
    """Does a recomputed value support the printed one, under the claim's comparison?"""
    if not math.isfinite(value):
        return False
    target = float(printed)
    if comparison == "equal":
        return measures.matches_printed(value, printed)
    if comparison == "about":
        return abs(value - target) <= tolerance
    if comparison == "above":
        return value > target
    if comparison == "below":
        return value < target
    raise ValueError(f"unknown comparison {comparison!r}")


def audit(path=None) -> pd.DataFrame:
    """Every claim with its printed value, the course's value and a verdict."""
    rows = []
    for _, c in data.claims(path).iterrows():
        value = float(METHODS[c["method"]]()) if c["method"] else math.nan
        if c["status"] == "stated only":
            verdict = "stated only"
        elif c["status"] == "not reproducible":
            verdict = "not reproducible (see note)"
        elif agrees(value, c["value"], c["comparison"], c["tolerance"]):
            verdict = "matches"
        else:
            verdict = "differs (see note)"
        rows.append(
            {
                "claim_id": c["claim_id"],
                "section": c["section"],
                "line": c["paper_line"],
                "printed": c["value"],
                "comparison": c["comparison"],
                "unit": c["unit"],
                "status": c["status"],
                "recomputed": value,
                "verdict": verdict,
            }
        )
    return pd.DataFrame(rows)


def _fmt(value: float, printed: str) -> str:
    """The recomputed value with two more decimals than the paper prints."""
    if not math.isfinite(value):
        return ""
    return f"{value:.{measures.decimals(printed) + 2}f}"


def report(path=None) -> str:
    """The audit as a text table, with counts by verdict at the end."""
    a = audit(path)
    shown = a.assign(recomputed=[_fmt(v, p) for v, p in zip(a["recomputed"], a["printed"])])
    cols = ["claim_id", "section", "line", "printed", "comparison", "recomputed", "verdict"]
    counts = a["verdict"].value_counts().to_dict()
    tail = ", ".join(f"{n} {v}" for v, n in counts.items())
    return shown[cols].to_string(index=False) + f"\n\n{len(a)} claims: {tail}"
