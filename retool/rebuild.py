"""The paper's derived numbers, rebuilt from ``data/``.

Each function reads the data it needs through :mod:`retool.data` and computes with
:mod:`retool.measures`. Lessons print them beside the published values, the claims audit checks
them, and the exercises use them as expected answers: one function, three uses.
"""

from __future__ import annotations

import pandas as pd

from . import data, measures
from .i18n import lazy

TABLE1_UNIVERSE = "lme_traditional"
YEARBOOK_UNIVERSE = "lme_all"
UNIVERSES = {  # an option of exercise 00's q2, in either language
    TABLE1_UNIVERSE: lazy("large and medium-sized traditional enterprises (Table 1)"),
    YEARBOOK_UNIVERSE: lazy("all large and medium-sized industrial enterprises (yearbooks)"),
}


# --- Table 1: scale and growth ----------------------------------------------------------------


def table1_growth(base: int = 2005, end: int = 2009) -> pd.Series:
    """Growth of each Table 1 series from ``base`` to ``end``, percent (the paper: 2005→2009)."""
    t = data.table1_wide()
    _check_years(t.index, base, end)
    return measures.growth_pct(t.loc[base], t.loc[end]).rename(f"growth {base}-{end} (%)")


def table1_yearly_growth() -> pd.DataFrame:
    """Growth over the previous year of each Table 1 series, percent (2005 is NaN)."""
    return measures.yearly_growth_pct(data.table1_wide())


def table1_composition() -> pd.DataFrame:
    """Each series' share of the four series' total, by year, percent."""
    return measures.composition_pct(data.table1_wide())


def _check_years(index, *years):
    missing = [y for y in years if y not in index]
    if missing:
        raise ValueError(f"no data for {missing}; available years: {list(index)}")


# --- where technology comes from (Figures 2 and 3) --------------------------------------------


def technology_series(universe: str = "both") -> pd.DataFrame:
    """Foreign, assimilation and domestic spending by year and universe (亿元), tidy.

    ``universe`` is 'lme_all' (yearbooks, all large and medium-sized enterprises, 2000-2004),
    'lme_traditional' (Table 1, 2005-2009) or 'both' (the paper's spliced view).
    """
    cols = ["foreign", "assimilation", "domestic"]
    yb = data.lme_wide(universe=YEARBOOK_UNIVERSE).reindex(columns=cols).dropna(how="any")
    yb["universe"] = YEARBOOK_UNIVERSE
    t1 = data.table1_wide()[cols].copy()
    t1["universe"] = TABLE1_UNIVERSE
    frames = {"lme_all": [yb], "lme_traditional": [t1], "both": [yb, t1]}
    if universe not in frames:
        raise ValueError(f"universe must be one of {list(frames)}")
    out = pd.concat(frames[universe]).rename_axis("year").reset_index()
    return out.sort_values("year").reset_index(drop=True)


def domestic_share(universe: str = "both") -> pd.DataFrame:
    """Figure 2: domestic purchases as a share of all technology purchases, percent, by year."""
    s = technology_series(universe)
    s["domestic_share_pct"] = measures.domestic_share_pct(s["domestic"], s["foreign"])
    return s[["year", "universe", "domestic_share_pct"]]


def assimilation_ratio(universe: str = "both") -> pd.DataFrame:
    """Figure 3: assimilation spending over foreign technology spending, percent, by year."""
    s = technology_series(universe)
    s["assimilation_ratio_pct"] = measures.assimilation_ratio_pct(s["assimilation"], s["foreign"])
    return s[["year", "universe", "assimilation_ratio_pct"]]


def _value(frame: pd.DataFrame, year: int, column: str) -> float:
    row = frame[frame["year"] == year]
    if row.empty:
        raise ValueError(f"no value for {year}; years available: {list(frame['year'])}")
    return float(row[column].iloc[0])


def domestic_share_in(year: int) -> float:
    return _value(domestic_share(), year, "domestic_share_pct")


def assimilation_ratio_in(year: int) -> float:
    return _value(assimilation_ratio(), year, "assimilation_ratio_pct")


def growth_faster_years() -> pd.DataFrame:
    """Year-on-year growth of domestic and foreign purchases within each universe, percent.

    A year whose previous year lies in the other universe (2005) is left out: the two universes
    cannot be compared.
    """
    s = technology_series("both")
    out = []
    for universe, part in s.groupby("universe"):
        part = part.set_index("year")[["domestic", "foreign"]].sort_index()
        consecutive = part.index.to_series().diff() == 1
        g = measures.yearly_growth_pct(part)[consecutive]
        g["universe"] = universe
        out.append(g)
    g = pd.concat(out).sort_index().rename_axis("year").reset_index()
    g["domestic_faster"] = g["domestic"] > g["foreign"]
    return g.rename(columns={"domestic": "domestic_growth_pct", "foreign": "foreign_growth_pct"})


def first_year_domestic_faster(universe: str) -> int:
    """The first comparable year of one universe from which domestic purchases grow faster than
    foreign ones in every later comparable year of that universe (0 if none).

    For 'lme_all' (the text's universe) the first comparable year is 2003: 2001 is not in the
    data, so whether 2002 was already faster cannot be told.
    """
    g = growth_faster_years()
    g = g[g["universe"] == universe].set_index("year")["domestic_faster"]
    years = [y for y in g.index if g.loc[y:].all()]
    return int(min(years)) if years else 0


def first_year_domestic_faster_from_then_on() -> int:
    """The first year from which domestic purchases grow faster than foreign in every later year."""
    g = growth_faster_years().set_index("year")["domestic_faster"]
    years = [y for y in g.index if g.loc[y:].all()]
    return int(min(years)) if years else 0


# --- intensity --------------------------------------------------------------------------------


def fai_1980() -> float:
    """Society-wide fixed-asset investment in 1980, derived from 1981 and its published growth."""
    f = data.fai()
    row = f[(f["series"] == "fai_total") & (f["year"] == 1981)].iloc[0]
    return float(measures.implied_previous(row["value_100m_yuan"], row["growth_over_previous_pct"]))


def renovation_share_1980() -> float:
    """Renovation investment as a share of society-wide fixed-asset investment in 1980, percent."""
    return float(measures.share_pct(data.renovation_investment().loc[1980], fai_1980()))


def hightech_renovation_2008() -> float:
    """Technical renovation of high-tech large and medium-sized enterprises in 2008 (亿元)."""
    return float(data.lme_wide(universe="lme_hightech").loc[2008, "renovation"])


def all_lme_renovation_2008() -> float:
    """All large and medium-sized enterprises' renovation in 2008: Table 1 plus high-tech (亿元)."""
    return float(data.table1_wide().loc[2008, "renovation"]) + hightech_renovation_2008()


def implied_all_lme_renovation_2009(growth_2009_pct: float | None = None) -> float:
    """All-LME renovation in 2009 implied by the paper's 2009 growth (default: its -11.82%)."""
    g = data.claim_value("growth_2009_lme") if growth_2009_pct is None else growth_2009_pct
    return all_lme_renovation_2008() * (1 + g / 100)


def renovation_share_of_gdp(year: int, universe: str = TABLE1_UNIVERSE) -> float:
    """Renovation spending as a share of nominal GDP, percent.

    'lme_traditional' uses Table 1; 'lme_all' (2009 only) uses the all-LME value implied by the
    paper's growth rate and the 2008 high-tech value.
    """
    gdp = data.gdp_series()
    if universe == TABLE1_UNIVERSE:
        spend = data.table1_wide().loc[year, "renovation"]
    elif universe == YEARBOOK_UNIVERSE and year == 2009:
        spend = implied_all_lme_renovation_2009()
    else:
        raise ValueError("all-LME renovation is known (implied) for 2009 only")
    return float(measures.share_pct(spend, gdp.loc[year]))


def renovation_share_of_fai(universe: str = TABLE1_UNIVERSE) -> pd.Series:
    """Table 1 renovation as a share of society-wide fixed-asset investment, percent, 2005-2009."""
    t = data.table1_wide()["renovation"]
    f = data.fai_series("fai_total").reindex(t.index)
    if universe == YEARBOOK_UNIVERSE:
        t = t.copy()
        t.loc[2009] = implied_all_lme_renovation_2009()
        t = t.loc[[2009]]
        f = f.loc[[2009]]
    return measures.share_pct(t, f).rename("renovation share of FAI (%)")


def implied_mfg_share_2009() -> float:
    """Manufacturing FAI as a share of society-wide FAI implied by the paper's 5.20%, percent."""
    fai = data.fai_series("fai_total").loc[2009]
    return float(measures.share_pct(implied_manufacturing_fai_2009(), fai))


def renovation_share_of_implied_mfg_fai() -> pd.Series:
    """Table 1 renovation over manufacturing FAI, percent, 2005-2009, with manufacturing FAI
    taken as the share of society-wide FAI that the paper's 5.20% implies for 2009 (an
    assumption: the share is held at its 2009 value in every year)."""
    t = data.table1_wide()["renovation"]
    fai = data.fai_series("fai_total").reindex(t.index)
    mfg = fai * implied_mfg_share_2009() / 100
    return measures.share_pct(t, mfg).rename("renovation share of manufacturing FAI (%)")


def implied_manufacturing_fai_2009() -> float:
    """Manufacturing FAI implied by the paper's 5.20% and the implied all-LME renovation (亿元)."""
    return implied_all_lme_renovation_2009() / (data.claim_value("share_mfg_fai_2009") / 100)


def fraction_of_benchmark(benchmark_claim: str, own_claim: str = "lme_share_2009") -> float:
    """China's intensity as a fraction of a benchmark's (e.g. the USA's 69%)."""
    return data.claim_value(own_claim) / data.claim_value(benchmark_claim)


# --- achievements and equipment ---------------------------------------------------------------


def productivity_growth_multiple() -> float:
    """How much labour productivity grew, as a multiple of its start (1.0 = doubled)."""
    return (
        measures.multiple(
            data.claim_value("productivity_end"), data.claim_value("productivity_start")
        )
        - 1
    )


EQUIPMENT_CLAIMS = {
    "equipment_international": ("国际水平", "international level"),
    "equipment_domestic_advanced": ("国内先进水平", "domestic advanced"),
    "equipment_domestic_average": ("国内一般水平", "domestic average"),
    "equipment_obsolete": ("国内落后水平（必须淘汰）", "obsolete (must be scrapped)"),
}


def equipment_distribution() -> pd.Series:
    """The paper's distribution of main equipment by technical level, percent (3rd census)."""
    return pd.Series({k: data.claim_value(k) for k in EQUIPMENT_CLAIMS}, name="share (%)")


# --- Table 2 ----------------------------------------------------------------------------------


def china_rank_2008() -> int:
    r = data.table2_rank().set_index("country_iso3")
    return int(r.loc["CHN", "rank_printed"])
