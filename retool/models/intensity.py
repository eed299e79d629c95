"""Investment intensity (lesson 02): renovation spending at a baseline intensity, and the gap.

The paper measures the intensity of renovation as renovation spending over an investment total
(society-wide fixed-asset investment, or manufacturing fixed-asset investment) and compares
China's 20.5% (1980) and 5.2% (2009) with the USA's 69% and Western Europe's 50%. This module asks
the counterfactual question the comparison invites: had renovation spending kept a baseline
intensity over 2005-2009, how much more would have been spent, and how does that shortfall compare
with GDP and with the 200亿元 a year of interest subsidies?

The arithmetic is in small pure functions (numbers or pandas objects in, the same out) that the
widget, the tests and the exercises share. ``counterfactual_table`` binds them to ``data/``.

Society-wide fixed-asset investment is in the data for 2005-2009; manufacturing fixed-asset
investment is not. A manufacturing denominator is therefore always an *assumption* the caller sets
explicitly: manufacturing FAI as a share of society-wide FAI (``mfg_share_pct``).
"""

from __future__ import annotations

import math

import pandas as pd

from .. import data, measures, rebuild
from ..i18n import N_, _, lazy
from ..params import Param, Spec, number_in_range

# --- presets: baseline intensities, percent of an investment total ----------------------------


def table1_own_2005() -> float:
    """Table 1's own intensity in its first year, 2005: renovation over society-wide FAI (percent,
    two decimals): the same firms and the same denominator as the years it is compared with."""
    return round(float(rebuild.renovation_share_of_fai().loc[2005]), 2)


# A preset is (label, where its value comes from: a claim of the ledger, a function of data/, or
# None for the learner's own value).
PRESETS = {
    "table1_2005": (lazy("Table 1's own 2005 share"), table1_own_2005),
    # caveat: a society-wide planning category of another era, housing and infrastructure included
    "1980": (lazy("China 1980, a planning category of another era"), "lme_share_1980"),
    "11th_fyp": (lazy("the 11th Five-Year Plan ceiling ('below 10%')"), "below_10_in_11th_fyp"),
    "west_europe": (lazy("Western Europe, early 1950s"), "west_europe_share_1950s"),
    "usa": (lazy("the USA 1947-1978"), "us_share_1947_1978"),
    "2009": (lazy("China 2009 as printed"), "lme_share_2009"),
    "free": (lazy("your own value"), None),
}

DENOMINATORS = {
    "fai_total": lazy("society-wide fixed-asset investment (data)"),
    "manufacturing_assumed": lazy("manufacturing FAI = your assumed share of society-wide FAI"),
}

PARAMS = Spec(
    Param(
        "preset",
        lazy("Baseline"),
        "",
        "table1_2005",
        lazy(
            "Table 1's own intensity in 2005: the only baseline on Table 1's concept (the same "
            "firms over the same denominator); 1980's 20.5% stays a preset with its caveat"
        ),
        options=lambda: {
            # TRANSLATORS: a menu's option: a baseline and its value
            k: _("{name} ({value})").format(name=name, value=f"{preset_value(k):g}%")
            if claim
            else name
            for k, (name, claim) in PRESETS.items()
        },
        kind="choice",
    ),
    Param(
        "value",
        lazy("Baseline"),
        "%",
        lambda: preset_value(PARAMS["preset"].default),
        lazy("the default preset's value; used when the preset is 'your own value'"),
        low=0.0,
        high=100.0,
        step=0.1,
        fmt=".1f",
        extra_probes=(5.2,),
    ),
    Param(
        "denominator",
        lazy("Share of"),
        "",
        "fai_total",
        lazy("society-wide FAI is in the data; manufacturing FAI is not"),
        options=DENOMINATORS,
        kind="choice",
    ),
    Param(
        "mfg_share",
        lazy("Assumed manufacturing share of FAI"),
        "%",
        lambda: round(implied_mfg_share_2009(), 1),
        lazy("the share the paper's own 5.20% implies for 2009"),
        low=0.0,
        high=100.0,
        step=0.5,
        fmt=".1f",
    ),
)
DEFAULT_DENOMINATOR = PARAMS["denominator"].default


@data.per_data_state  # every read of the settings labels each preset with its value
def preset_value(preset: str) -> float:
    """The baseline intensity of a preset, percent, read from the claims ledger (NaN for 'free')."""
    if preset not in PRESETS:
        raise ValueError(f"preset must be one of {list(PRESETS)}")
    source = PRESETS[preset][1]
    if callable(source):
        return source()
    return data.claim_value(source) if source else math.nan


# --- pure arithmetic --------------------------------------------------------------------------


def check_pct(value, name: str = "value", low: float = 0.0, high: float = 100.0) -> float:
    """``value`` as a float within [low, high]; raises ValueError with a readable reason."""
    x, why = number_in_range(value, low, high)
    if why:
        raise ValueError(
            _("{name} must be a number from {low} to {high}, not {value}").format(
                name=name, low=f"{low:g}%", high=f"{high:g}%", value=repr(value)
            )
        )

    return x


def manufacturing_denominator(fai_total, mfg_share_pct):
    """Manufacturing fixed-asset investment under the assumption that it is ``mfg_share_pct``
    percent of society-wide fixed-asset investment (亿元)."""
    return fai_total * mfg_share_pct / 100


def counterfactual_spending(baseline_pct, denominator):
    """Renovation spending at a baseline intensity: baseline% × the investment total (亿元)."""
    return denominator * baseline_pct / 100


def shortfall(counterfactual, actual):
    """How much less was spent than the counterfactual (亿元; negative means more was spent)."""
    return counterfactual - actual


def intensity_pct(spending, denominator):
    """Actual intensity: spending as a percentage of the investment total."""
    return measures.share_pct(spending, denominator)


def subsidy_years(amount, subsidy_per_year):
    """How many years of an annual subsidy budget ``amount`` equals (NaN if the budget is not
    positive)."""
    if not subsidy_per_year or subsidy_per_year <= 0:
        return math.nan
    return amount / subsidy_per_year


# --- bound to data/ ---------------------------------------------------------------------------


@data.per_data_state  # the default of a setting: every read of the settings asks for it
def implied_mfg_share_2009() -> float:
    """Manufacturing FAI as a share of society-wide FAI implied by the paper's 5.20% (percent).

    The implied all-LME renovation of 2009 (Table 1 + high-tech in 2008, grown at -11.82%) over
    5.20% gives manufacturing FAI; divided by society-wide FAI 2009. This is what the paper's
    own numbers imply, not a statistic (:func:`retool.rebuild.implied_mfg_share_2009`).
    """
    return rebuild.implied_mfg_share_2009()


def urban_manufacturing_share() -> pd.Series:
    """Urban manufacturing FAI as a share of urban FAI, percent, for the years in data (2003-2005).

    A reference point for the manufacturing assumption: urban investment excludes rural
    households, so this is not the society-wide share, only a guide to its size.
    """
    mfg = data.fai_series("urban_fai_manufacturing")
    total = data.fai_series("urban_fai_total").reindex(mfg.index)
    return measures.share_pct(mfg, total).rename("urban manufacturing share of urban FAI (%)")


def denominator_series(
    denominator: str = DEFAULT_DENOMINATOR, mfg_share_pct: float | None = None, years=None
) -> pd.Series:
    """The investment total the intensity is measured against, 亿元, by year (2005-2009)."""
    years = list(data.table1_wide().index) if years is None else list(years)
    fai = data.fai_series("fai_total").reindex(years)
    if denominator == "fai_total":
        return fai.rename("society-wide FAI (亿元)")
    if denominator == "manufacturing_assumed":
        if mfg_share_pct is None:
            raise ValueError("a manufacturing denominator needs an assumed share (mfg_share_pct)")
        share = PARAMS["mfg_share"].check(mfg_share_pct)
        return manufacturing_denominator(fai, share).rename("assumed manufacturing FAI (亿元)")
    raise ValueError(f"denominator must be one of {list(DENOMINATORS)}")


def counterfactual_table(
    baseline_pct: float,
    denominator: str = DEFAULT_DENOMINATOR,
    mfg_share_pct: float | None = None,
) -> pd.DataFrame:
    """Year by year (2005-2009): the denominator, Table 1's renovation spending, its intensity,
    the counterfactual at ``baseline_pct``, the shortfall (亿元 and % of GDP) and its running sum.
    """
    baseline = PARAMS["value"].check(baseline_pct)
    actual = data.table1_wide()["renovation"]
    denom = denominator_series(denominator, mfg_share_pct, actual.index)
    gdp = data.gdp_series().reindex(actual.index)
    cf = counterfactual_spending(baseline, denom)
    gap = shortfall(cf, actual)
    out = pd.DataFrame(
        {
            "denominator": denom,
            "actual": actual,
            "actual_intensity_pct": intensity_pct(actual, denom),
            "counterfactual": cf,
            "shortfall": gap,
            "shortfall_pct_gdp": measures.share_pct(gap, gdp),
            "cumulative_shortfall": gap.cumsum(),
        }
    )
    out.index.name = "year"
    return out


def summary(table: pd.DataFrame) -> dict:
    """The cumulative shortfall of a ``counterfactual_table`` (亿元), as a share of the period's GDP
    (percent) and in years of the annual interest-subsidy budget."""
    from . import subsidy as lesson08

    total = float(table["shortfall"].sum())
    gdp = float(data.gdp_series().reindex(table.index).sum())
    subsidy = data.claim_value("subsidy_per_year")
    loans = lesson08.loans_supported(subsidy)  # lesson 08: the loans a year's budget can touch
    return {
        "first_year": int(table.index.min()),
        "last_year": int(table.index.max()),
        "cumulative_shortfall": total,
        "cumulative_shortfall_pct_gdp": float(measures.share_pct(total, gdp)),
        "subsidy_per_year": subsidy,
        "subsidy_years": float(subsidy_years(total, subsidy)),
        "loans_per_yuan": float(loans / subsidy),
        "subsidised_loan_years": float(subsidy_years(total, loans)),
    }


# --- what can be rebuilt of the 2009 numbers --------------------------------------------------


def rebuild_2009() -> pd.DataFrame:
    """The three numbers the paper prints for 2009 (一.2), beside what the course can rebuild.

    Columns: printed, rebuilt, universe of the rebuilt value, and whether it reproduces.
    """
    t1 = data.table1_wide()["renovation"]
    growth_t1 = float(measures.growth_pct(t1.loc[2008], t1.loc[2009]))
    rows = [
        (
            "growth_2009_lme",
            _("growth of renovation 2009 (%)"),
            growth_t1,
            _("Table 1 (traditional LMEs)"),
        ),
        (
            "share_mfg_fai_2009",
            _("renovation / manufacturing FAI 2009 (%)"),
            math.nan,
            _("manufacturing FAI not in data"),
        ),
        (
            "share_gdp_2009",
            _("renovation / GDP 2009 (%)"),
            rebuild.renovation_share_of_gdp(2009, rebuild.YEARBOOK_UNIVERSE),
            _("all LMEs implied by -11.82%"),
        ),
    ]
    frame = pd.DataFrame(rows, columns=["claim_id", "measure", "rebuilt", "universe"])
    frame.insert(2, "printed", [data.claim(c)["value"] for c in frame["claim_id"]])
    frame["reproduces"] = [
        measures.matches_printed(v, p) for v, p in zip(frame["rebuilt"], frame["printed"])
    ]
    return frame


def implied_growth_range_2009() -> tuple[float, float]:
    """The all-LME growth in 2009 consistent with the paper's 1.08% of GDP, percent (low, high).

    1.08 printed means a share in [1.075, 1.085); with all-LME renovation 2008 = Table 1 +
    high-tech and GDP 2009, that brackets the growth rate.
    """
    printed = data.claim("share_gdp_2009")["value"]
    half = 0.5 * 10 ** -measures.decimals(printed)
    gdp = data.gdp_series().loc[2009]
    base = rebuild.all_lme_renovation_2008()
    low, high = (
        float(measures.growth_pct(base, (float(printed) + s) / 100 * gdp)) for s in (-half, half)
    )
    return low, high


def society_share_of_fai() -> pd.Series:
    """Society-wide renovation investment (更新改造投资) over society-wide FAI, percent, for the
    years where both are in data: 1980 (FAI derived from 1981) and 2000."""
    reno = data.renovation_investment()
    fai = data.fai_series("fai_total")
    years = [y for y in fai.index if y in reno.index]
    out = {1980: rebuild.renovation_share_1980()}
    out.update({y: float(measures.share_pct(reno.loc[y], fai.loc[y])) for y in years})
    return pd.Series(out, name="renovation investment / society-wide FAI (%)").sort_index()


def intensity_1990s() -> pd.DataFrame:
    """Society-wide renovation investment over GDP, 1991-2000 (the years with both in data)."""
    reno = data.renovation_investment()
    gdp = data.gdp_series()
    years = [y for y in reno.index if y in gdp.index]
    frame = pd.DataFrame({"renovation": reno.loc[years], "gdp": gdp.loc[years]})
    frame["share_gdp_pct"] = measures.share_pct(frame["renovation"], frame["gdp"])
    frame.index.name = "year"
    return frame


def ladder() -> pd.DataFrame:
    """Every intensity the lesson meets, largest first: what, percent, kind (printed or rebuilt).

    ``attrs`` holds the 11th Five-Year Plan's ceiling and China 2009 as a fraction of the USA.
    """
    society = society_share_of_fai()
    fai_share = rebuild.renovation_share_of_fai()
    rows = [
        (N_("USA 1947-1978 (paper, no source)"), data.claim_value("us_share_1947_1978"), "paper"),
        (
            N_("W. Europe early 1950s (paper, no source)"),
            data.claim_value("west_europe_share_1950s"),
            "paper",
        ),
        (N_("China 1980 (paper)"), data.claim_value("lme_share_1980"), "paper"),
        (N_("China 1980 rebuilt: renovation inv. / FAI"), society.loc[1980], "renovation"),
        (N_("China 2000: renovation inv. / FAI"), society.loc[2000], "renovation"),
        # II.1 prints 5.2 in a series over all FAI; that it is I.2's 5.20% of manufacturing FAI is
        # the course's inference (see the ledger row lme_share_2009)
        (
            N_("China 2009 (paper; likely of manufacturing FAI)"),
            data.claim_value("lme_share_2009"),
            "paper",
        ),
        (N_("China 2009: Table 1 / society-wide FAI"), fai_share.loc[2009], "renovation"),
    ]
    frame = pd.DataFrame(rows, columns=["what", "pct", "kind"])
    frame.attrs["ceiling"] = data.claim_value("below_10_in_11th_fyp")
    frame.attrs["fraction_of_usa"] = rebuild.fraction_of_benchmark("us_share_1947_1978")
    return frame


def benchmark_fractions() -> pd.DataFrame:
    """China's 5.2% (2009) as a fraction of the US and Western European benchmarks."""
    rows = []
    for claim_id, bench, where in (
        ("tenth_of_usa", "us_share_1947_1978", "USA 1947-1978"),
        ("tenth_of_west_europe", "west_europe_share_1950s", "Western Europe, early 1950s"),
    ):
        rows.append(
            {
                "benchmark": where,
                "benchmark_pct": data.claim_value(bench),
                "china_2009_pct": data.claim_value("lme_share_2009"),
                "fraction": rebuild.fraction_of_benchmark(bench),
                "printed": data.claim(claim_id)["value"],
                "tolerance": float(data.claim(claim_id)["tolerance"]),
            }
        )
    return pd.DataFrame(rows)
