"""What happened next (lesson 10): later policy against the paper's recommendations (四).

The facts are in ``data/later_policy.csv``, one row each with its issuing body, document number,
date and the address where the course read it. The arithmetic reruns lesson 08's interest-subsidy
model (:mod:`retool.models.subsidy`, called, not changed) on the 2024 equipment-renewal programme.

Lesson 08's model: a budget ``B`` a year that pays ``r × s`` of every supported loan's principal a
year supports ``L = B / (r s)``. The 2024 programme fixes the subsidy in percentage points of the
principal (``r × s`` = the points; no lending rate is needed) and pays it for up to ``n`` years out
of a total budget; spreading the total over the ``n`` years each loan is paid for,

    L = (B_total / n) / points = B_total / (points × n).
"""

from __future__ import annotations

import math

import pandas as pd

from . import data
from .i18n import _, language
from .models import subsidy
from .wording import translated

RESOURCE = "later_policy"


def facts() -> pd.DataFrame:
    """The later-policy table, validated (one row per fact)."""
    return data.later_policy()


def fact(fact_id: str) -> pd.Series:
    """One row of the table; a KeyError names the missing id."""
    table = facts().set_index("fact_id")
    if fact_id not in table.index:
        raise KeyError(f"{fact_id!r} is not in data/later_policy.csv")
    row = table.loc[fact_id].copy()
    row["unit"] = _shown(row["unit"])  # a lesson prints it
    return row


def _shown(text):
    """A text cell of the data as a reader of the language in use reads it (the catalogue holds
    the unit and reported_by columns of data/later_policy.csv)."""
    return translated(text) if isinstance(text, str) and text.strip() else text


def value(fact_id: str) -> float:
    """A fact's number; a ValueError when the row states no number."""
    v = fact(fact_id)["value"]
    if pd.isna(v):
        raise ValueError(f"{fact_id!r} in data/later_policy.csv states no number")
    return float(v)


def cite(fact_id: str) -> str:
    """'issuer, 《document》 (number), date; read at address (reported by)'."""
    row = fact(fact_id)
    doc = f", 《{row['document_cn']}》" if row["document_cn"] else ""
    number = f" ({row['document_number']})" if row["document_number"] else ""
    return _("{issuer}{doc}{number}, {date}; read at {address} ({reported_by})").format(
        issuer=row["issuer_cn"] if language() == "zh" else row["issuer_en"],
        doc=doc,
        number=number,
        date=row["date"],
        address=row["read_at"],
        reported_by=_shown(row["reported_by"]),
    )


def sources_table() -> pd.DataFrame:
    """The facts with numbers, as a lesson prints them: what, value, unit, who, document, date."""
    table = facts()
    table = table[table["value"].notna()]
    table = table[["fact_id", "value", "unit", "issuer_cn", "document_number", "date"]]
    return table.assign(unit=table["unit"].map(_shown)).reset_index(drop=True)


# --- lesson 08's arithmetic on the later programme -----------------------------------------------


def loans_supported(budget_total: float, points: float, years: float) -> float:
    """Loans (亿元) a total budget supports when it pays ``points`` a year on each loan's principal
    for ``years`` years: lesson 08's ``loans_supported`` on the budget per year of subsidy."""
    if not (isinstance(years, (int, float)) and math.isfinite(years) and years > 0):
        raise ValueError(f"a subsidy period of {years!r} years is not a positive number")
    return subsidy.loans_supported(budget_total / years, points, 100)


def loans_supported_2024() -> float:
    """The 2024 programme: 200亿元 in all, 1.5 points a year, two years per loan (亿元)."""
    return loans_supported(
        value("subsidy_total_2024"), value("subsidy_points_2024_july"), value("subsidy_years_2024")
    )


def subsidy_per_yuan_2024_pct() -> float:
    """Subsidy on one yuan of loan over its subsidised life, percent: points × years."""
    return value("subsidy_points_2024_july") * value("subsidy_years_2024")


def loans_per_yuan_of_budget_2024() -> float:
    """Yuan of loans per yuan of the 2024 budget: 1 / (points × years)."""
    return loans_supported_2024() / value("subsidy_total_2024")


def loans_vs_equipment_investment_pct() -> float:
    """The 2024 loans supported, as a percentage of industrial equipment investment in 2023."""
    return loans_supported_2024() / value("industrial_equipment_investment_2023") * 100


def relending_ceiling() -> float:
    """Loans (亿元) the central bank's relending quota can refinance: quota / share refinanced."""
    return value("relending_quota_2024") / (value("relending_share_2024") / 100)


def first_tranche_share_pct() -> float:
    """The first tranche paid out by September 2024, as a percentage of the 200亿元 arranged."""
    return value("subsidy_first_tranche_2024") / value("subsidy_total_2024") * 100


def programmes() -> pd.DataFrame:
    """The paper's 2009-2011 programme (in lesson 08's model) beside the 2024 programme, in both
    its first (1 point) and its raised (1.5 points) form, with the same 200亿元 budget."""
    r09 = subsidy.LENDING_RATE_2009_PCT
    years09 = data.claim_value("subsidy_years")
    per_year09 = subsidy.loans_supported(subsidy.subsidy_per_year(), r09, 100)
    total24, years24 = value("subsidy_total_2024"), value("subsidy_years_2024")
    budget_doc = fact("subsidy_total_2024")["document_number"]
    rows = [
        (
            "2009-2011 (the paper; lesson 08's model)",
            subsidy.subsidy_total(),
            r09,
            1.0,
            per_year09 * years09,
            "paper 一.1; rate: lesson 08's assumption (all the interest at 5.31%, one year a loan)",
        ),
    ]
    for label, fid in (
        ("2024, first notice", "subsidy_points_2024_june"),
        ("2024, raised in July", "subsidy_points_2024_july"),
    ):
        points = value(fid)
        rows.append(
            (
                label,
                total24,
                points,
                years24,
                loans_supported(total24, points, years24),
                f"{fact(fid)['document_number']}; budget: {budget_doc}",
            )
        )
    table = pd.DataFrame(
        rows,
        columns=[
            "programme",
            "budget_in_all_100m_yuan",
            "subsidy_points_a_year",
            "years_a_loan",
            "loans_supported_100m_yuan",
            "source",
        ],
    )
    table["loans_per_yuan_of_budget"] = (
        table["loans_supported_100m_yuan"] / table["budget_in_all_100m_yuan"]
    )
    return table
