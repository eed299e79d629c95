"""What an interest subsidy buys: the course's teaching model for lesson 08 (the paper's 一.1, 四).

The paper reports that the central government set aside 200亿元 a year for 2009-2011, mainly to
pay part of the interest on firms' renovation loans (贴息), and that 3700亿元 of the 4万亿元
stimulus went to structural adjustment and technical renovation (一.1). It gives no lending
rate and no share of the interest covered: the model below is the course's own device.

Model. A subsidy budget ``B`` (亿元 a year) pays a share ``s`` of one year's interest at the
lending rate ``r`` on every supported loan. The loans it can support in a year are

    L = B / (r * s)        that is   L / B = 1 / (r * s) yuan of loans per yuan of subsidy.

Assumptions: one year of interest per loan (a subsidy paying interest for ``n`` years supports
``n`` times fewer loans), every yuan of the budget is spent on interest, and the loans are not
compared with what firms would have borrowed anyway (no additionality). L / B is a count of the
loans the money can touch, not "leverage": it says nothing about the marginal project.

What matters for the marginal project is the subsidy's value per yuan invested, ``r * s`` a
subsidised year, and what that does to the user cost of capital (Jorgenson 1963): a
yuan of equipment costs ``r + δ`` a year (interest and depreciation; taxes left out), and the
subsidy lowers it to ``r (1 - s) + δ``. Only projects whose return lies between the two hurdles
are added by the subsidy; the rest would have been undertaken anyway (their subsidy is a
transfer). The paper's 四.1 names three instruments, 贴息贷款、税收优惠或者是直接财政补贴 (interest-
subsidised loans, tax relief, direct grants): at the same value per yuan invested they lower the
user cost alike; they differ in who can receive them (:func:`instruments`).

Reference: Jorgenson, D. W. (1963), "Capital theory and investment behavior", *American Economic
Review* 53(2), 247-259.
"""

from __future__ import annotations

import math

import pandas as pd

from .. import data, units
from ..i18n import N_, _, lazy
from ..params import Param, Spec, number_in_range
from ..wording import translated

# The People's Bank of China's benchmark lending rate for loans of six months to one year, set
# on 23 December 2008 and unchanged through 2009 (until 20 October 2010). Not in data/: it is an
# assumption of this model, named with its source in lesson 08.
LENDING_RATE_2009_PCT = 5.31
# The benchmark rate for loans of three to five years, set on the same day: renovation loans are
# mostly medium- and long-term, so the lesson shows the result at both rates.
LENDING_RATE_3_5Y_2009_PCT = 5.76
BENCHMARK_RATES = {
    "6 months to 1 year": LENDING_RATE_2009_PCT,
    "3 to 5 years": LENDING_RATE_3_5Y_2009_PCT,
}

PARAMS = Spec(
    Param(
        "budget",
        lazy("Subsidy budget"),
        lazy("亿元 a year"),
        lambda: subsidy_per_year(),
        lazy("the paper's 200亿元 a year (一.1), read from data/paper_claims.csv"),
        low=0.0,
        high=1000.0,
        step=10.0,
        fmt=".0f",
    ),
    Param(
        "rate_pct",
        lazy("Lending rate"),
        "%",
        LENDING_RATE_2009_PCT,
        lazy(
            "the PBOC's 2009 benchmark lending rate (6 months to 1 year); the paper gives none; "
            "lesson 08 also shows the 3-5 year rate"
        ),
        low=0.0,
        high=10.0,
        step=0.01,
        fmt=".2f",
        extra_probes=(2.0,),
    ),
    Param(
        "share_pct",
        lazy("Share of interest covered"),
        "%",
        100.0,
        # the paper gives no share; at a given rate, all of the interest gives the fewest loans
        # per yuan, while the model's other assumptions (one year of interest, no additionality)
        # push the result up, so L stays an upper bound overall
        lazy(
            "all of one year's interest (the paper gives no share): the fewest loans per yuan at "
            "a given rate"
        ),
        low=0.0,
        high=100.0,
        step=5.0,
        fmt=".0f",
        extra_probes=(50.0,),
    ),
    Param(
        "depreciation_pct",
        lazy("Depreciation of equipment"),
        lazy("% a year"),
        10.0,
        lazy(
            "the course's assumption, not estimated: lesson 04's default obsolescence (a "
            "technology generation about every ten years)"
        ),
        low=0.0,
        high=50.0,
        step=1.0,
        fmt=".0f",
    ),
)
DEFAULT_SHARE_PCT = PARAMS["share_pct"].default

# Depreciation of equipment, percent a year (see its Param for why).
DEPRECIATION_PCT = PARAMS["depreciation_pct"].default


def subsidy_per_year() -> float:
    """The paper's subsidy budget, 亿元 a year (一.1: 每年安排 200亿元)."""
    return data.claim_value("subsidy_per_year")


def subsidy_total() -> float:
    """The budget over the programme's years, 亿元 (200 × 3 = 600)."""
    return data.claim_value("subsidy_per_year") * data.claim_value("subsidy_years")


def stimulus_share_pct() -> float:
    """The renovation and restructuring part of the 4万亿 stimulus, percent (3700 / 40000)."""
    return data.claim_value("stimulus_renovation") / data.claim_value("stimulus_total") * 100


def renovation_spending(year: int = 2009) -> float:
    """Table 1's technical renovation spending (大中型传统企业), 亿元."""
    return float(data.table1_wide().loc[year, "renovation"])


# How check() names each setting, writes a value of it and writes the top of its range.
_SAYS = {
    "budget": (lazy("subsidy budget"), N_("a subsidy budget of {value}亿元"), "{:g}亿元"),
    "rate_pct": (lazy("lending rate"), N_("a lending rate of {value}%"), "{:g}%"),
    "share_pct": (lazy("share of interest covered"), N_("a share of {value}% of the interest"), ""),
}


def check(budget, rate_pct, share_pct) -> str:
    """'' if the settings are usable, else a sentence saying what is wrong."""
    for name, value in (("budget", budget), ("rate_pct", rate_pct), ("share_pct", share_pct)):
        low, high = PARAMS[name].bounds()
        x, why = number_in_range(value, low, high)
        if not why:
            continue
        what, amount, top = _SAYS[name]
        if x != x:  # not a (finite) number
            return _("the {name} {value} {why}").format(name=what, value=repr(value), why=why)
        said = translated(amount).format(value=f"{float(value):g}")
        if name == "share_pct":
            return _("{value} is not between {low} and {high}").format(
                value=said, low=f"{low:g}%", high=f"{high:g}%"
            )
        if float(value) < low:
            return _("{value} is negative").format(value=said)
        return _("{value} is above the course's range (up to {top})").format(
            value=said, top=top.format(high)
        )
    return ""


def subsidy_per_yuan(rate_pct: float, share_pct: float, years: int = 1) -> float:
    """The subsidy's value per yuan invested with a subsidised loan (yuan): r × s for each
    subsidised year, discounted at the lending rate."""
    r, s = float(rate_pct) / 100, float(share_pct) / 100
    return sum(r * s / (1 + r) ** t for t in range(1, int(years) + 1))


def user_cost_pct(
    rate_pct: float = LENDING_RATE_2009_PCT,
    share_pct: float = 0.0,
    depreciation_pct: float = DEPRECIATION_PCT,
    price_cut_pct: float = 0.0,
) -> float:
    """The user cost of a yuan of equipment a year, percent: (1 − c) × (r (1 − s) + δ).

    ``share_pct`` is the share of interest an interest subsidy pays; ``price_cut_pct`` the share
    of the price a grant or a tax credit pays. Taxes on profit are left out (Jorgenson 1963 gives
    the full formula).
    """
    r, s, c = float(rate_pct), float(share_pct) / 100, float(price_cut_pct) / 100
    return (1 - c) * (r * (1 - s) + float(depreciation_pct))


def hurdle_sentence(rate_pct, share_pct, depreciation_pct) -> str:
    """What the subsidy does to the marginal project, in one sentence ('' when it does nothing)."""
    low, high = hurdle_band(rate_pct, share_pct, depreciation_pct)
    if not high > low:
        return ""
    return _(
        " Per yuan invested the subsidy is worth {value} yuan; it lowers the user cost of "
        "capital from {high} to {low} a year, so it adds only projects returning between {low} "
        "and {high} a year: the rest would have been undertaken anyway, or still are not."
    ).format(
        value=f"{subsidy_per_yuan(rate_pct, share_pct):.3f}", high=f"{high:.1f}%", low=f"{low:.1f}%"
    )


def hurdle_band(
    rate_pct: float = LENDING_RATE_2009_PCT,
    share_pct: float = DEFAULT_SHARE_PCT,
    depreciation_pct: float = DEPRECIATION_PCT,
) -> tuple[float, float]:
    """The yearly returns (percent of the investment) of the projects the subsidy adds: those
    above the subsidised user cost and below the unsubsidised one."""
    return (
        user_cost_pct(rate_pct, share_pct, depreciation_pct),
        user_cost_pct(rate_pct, 0.0, depreciation_pct),
    )


def instruments(
    rate_pct: float = LENDING_RATE_2009_PCT,
    share_pct: float = DEFAULT_SHARE_PCT,
    depreciation_pct: float = DEPRECIATION_PCT,
) -> pd.DataFrame:
    """The three instruments of 四.1 at the same value per yuan invested (that of one year of
    the interest subsidy): how each changes the user cost, for how long, and who can receive it.

    A grant or a tax credit worth ``v`` per yuan is a cut of ``v`` in the price of equipment, so
    it lowers the user cost by ``v (r + δ)`` points in every year of the equipment's life; the
    interest subsidy lowers it by ``r s`` points in the subsidised year only.
    """
    value = subsidy_per_yuan(rate_pct, share_pct)
    base = user_cost_pct(rate_pct, 0.0, depreciation_pct)
    once = base - user_cost_pct(rate_pct, share_pct, depreciation_pct)
    every = base - user_cost_pct(rate_pct, 0.0, depreciation_pct, value * 100)
    # the cells are shown: they read in the language in use (the columns are the code's keys)
    rows = [
        (
            _("interest subsidy (贴息贷款)"),
            once,
            _("the subsidised year"),
            _("firms borrowing from banks"),
        ),
        (
            _("tax relief (税收优惠), a price credit"),
            every,
            _("every year"),
            _("firms with taxable profit"),
        ),
        (
            _("grant (直接财政补贴), a price share"),
            every,
            _("every year"),
            _("firms the state selects"),
        ),
    ]
    out = pd.DataFrame(
        rows, columns=["instrument", "user cost lower by (points)", "for", "who can receive it"]
    )
    out.insert(1, "value per yuan invested (yuan)", value)
    return out


def loans_per_yuan(rate_pct: float, share_pct: float) -> float:
    """Yuan of loans supported per yuan of subsidy, 1 / (r × s); inf when r or s is 0.

    A count of the loans the budget can touch, not leverage: it says nothing about whether the
    subsidy changes any investment decision (see :func:`hurdle_band`)."""
    cost = rate_pct / 100 * share_pct / 100
    if cost == 0:
        return math.inf
    try:
        return 1 / cost
    except OverflowError:  # 1 / a subnormal float
        return math.inf


leverage = loans_per_yuan  # the name other code called it by; the course no longer says "leverage"


def loans_supported(
    budget: float | None = None,
    rate_pct: float = LENDING_RATE_2009_PCT,
    share_pct: float = DEFAULT_SHARE_PCT,
) -> float:
    """Loans a year's budget supports, 亿元: B / (r × s). 0 when B or s is 0 (the subsidy pays
    nothing, so no loan is helped); inf when r is 0 and B, s > 0.

    Raises ValueError for unusable settings (see :func:`check`).
    """
    b = subsidy_per_year() if budget is None else budget
    problem = check(b, rate_pct, share_pct)
    if problem:
        raise ValueError(problem)
    if b == 0 or float(share_pct) == 0:
        return 0.0
    return float(b) * loans_per_yuan(float(rate_pct), float(share_pct))


def rate_sensitivity(
    budget: float | None = None, share_pct: float = DEFAULT_SHARE_PCT, year: int = 2009
) -> pd.DataFrame:
    """Loans supported at each 2009 benchmark rate (亿元, and % of Table 1's spending)."""
    rows = []
    for term, rate in BENCHMARK_RATES.items():
        loans = loans_supported(budget, rate, share_pct)
        rows.append(
            {
                "benchmark rate": term,
                "rate (%)": rate,
                "loans supported (亿元)": loans,
                f"% of Table 1 spending {year}": loans / renovation_spending(year) * 100,
            }
        )
    return pd.DataFrame(rows)


def loans_vs_spending_pct(
    budget: float | None = None,
    rate_pct: float = LENDING_RATE_2009_PCT,
    share_pct: float = DEFAULT_SHARE_PCT,
    year: int = 2009,
) -> float:
    """Loans supported as a percentage of Table 1's renovation spending in ``year``."""
    return loans_supported(budget, rate_pct, share_pct) / renovation_spending(year) * 100


def break_even_rate_pct(budget: float | None = None, year: int = 2009) -> float:
    """The lending rate at which a subsidy paying all the interest supports exactly Table 1's
    renovation spending of ``year``: B / spending, percent."""
    b = subsidy_per_year() if budget is None else budget
    return b / renovation_spending(year) * 100


def describe(
    budget: float | None = None,
    rate_pct: float = LENDING_RATE_2009_PCT,
    share_pct: float = DEFAULT_SHARE_PCT,
    year: int = 2009,
) -> str:
    """One sentence on what the settings give, never an exception."""
    b = subsidy_per_year() if budget is None else budget
    problem = check(b, rate_pct, share_pct)
    if problem:
        return _(
            "No result: {problem}; choose a budget ≥ 0, a rate ≥ 0 and a share from 0% to 100%."
        ).format(problem=problem)
    b, r, s = float(b), float(rate_pct), float(share_pct)
    spend = renovation_spending(year)
    if b == 0:
        return _("A subsidy budget of 0 pays no interest, so it supports no loans.")
    if r == 0:
        return _(
            "A 0% lending rate: there is no interest to subsidise, so the loans per yuan are "
            "unbounded and the subsidy has nothing to pay for."
        )
    if s == 0:
        return _(
            "Covering 0% of the interest subsidises nothing: no loan gets help and the budget "
            "is not spent (the formula's loans per yuan are unbounded)."
        )
    loans = loans_supported(b, r, s)
    if not math.isfinite(loans):
        return _(
            "At {rate} and {share} of the interest covered, the interest to pay is so small that "
            "the loans per yuan are, for practical purposes, unbounded."
        ).format(rate=f"{r:g}%", share=f"{s:g}%")
    ratio = loans / spend * 100
    message = (
        _(
            "{budget} a year paying {share} of the interest at {rate} (all of the interest: the "
            "loans are interest-free to firms) supports {loans} of loans a year ({per_yuan} yuan "
            "of loans per yuan of subsidy), {ratio} of Table 1's renovation spending in {year} "
            "({spending})."
        )
        if s == 100
        else _(
            "{budget} a year paying {share} of the interest at {rate} supports {loans} of loans "
            "a year ({per_yuan} yuan of loans per yuan of subsidy), {ratio} of Table 1's "
            "renovation spending in {year} ({spending})."
        )
    )
    return message.format(
        budget=units.money(b),
        share=f"{s:g}%",
        rate=f"{r:g}%",
        loans=units.money(loans),
        per_yuan=units.number(loans_per_yuan(r, s), ",.1f"),
        ratio=units.number(ratio, ",.0f") + "%",
        year=year,
        spending=units.money(spend, ",.2f"),
    )


def policy_numbers() -> pd.DataFrame:
    """The paper's policy numbers of 一.1 beside Table 1's renovation spending (亿元 or %)."""
    spend = renovation_spending(2009)
    # the "what" and "unit" cells are shown: they read in the language in use
    rows = [
        (_("subsidy a year, 2009-2011 (贴息)"), "subsidy_per_year", subsidy_per_year(), "亿元"),
        (_("years"), "subsidy_years", data.claim_value("subsidy_years"), _("years")),
        (_("subsidy in all (course: a year × years)"), "", subsidy_total(), "亿元"),
        (
            _("stimulus package (4万亿)"),
            "stimulus_total",
            data.claim_value("stimulus_total"),
            "亿元",
        ),
        (
            _("of which restructuring and renovation"),
            "stimulus_renovation",
            data.claim_value("stimulus_renovation"),
            "亿元",
        ),
        (_("renovation part of the stimulus (course)"), "", stimulus_share_pct(), "%"),
        (_("Table 1 renovation spending, 2009"), "", spend, "亿元"),
        (
            _("yearly subsidy / Table 1 spending 2009 (course)"),
            "",
            subsidy_per_year() / spend * 100,
            "%",
        ),
    ]
    return pd.DataFrame(rows, columns=["what", "claim_id", "value", "unit"])
