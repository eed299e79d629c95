"""Lesson 06's teaching model: when does the person who decides choose to renovate?

This is the course's own device, not the paper's. The paper (二.3) argues in words: a firm renovates
when the extra profit exceeds the cost; the entrepreneur's residual claim (his share of the gain,
the "innovation dividend") is what moves him to innovate; state-owned enterprises (SOEs) already
earn monopoly rents, so renovation adds little, and their managers get no innovation dividend;
private firms have the residual claim but, without fair competition, fear that the investment
becomes a sunk cost. The model puts those words into one line.

With the cost of the renovation normalised to 1:

    extra profit if it works        Π(m) = Π0 · (1 − m)
    expected net gain of the firm   V    = (1 − p) · Π(m) − 1
    net gain of the decision maker  N    = s · V − e

m is the firm's existing market power (0 = a competitive firm, 1 = a full monopoly: renovation
cannot add to its profit), p is the probability that the investment is sunk (lost: the firm is
squeezed out before it pays back), s is the decision maker's share of the gain and of the cost (the
residual claim), and e is the decision maker's own cost of undertaking it (effort, risk to a
career), as a share of the investment. The decision maker renovates when N > 0.

The economics behind each term:

* Π(m) = Π0 · (1 − m) is Arrow's *replacement effect*: a firm that already earns monopoly rents
  gains only the increment over what it earns anyway, so market power lowers the gain from
  innovating (Arrow 1962).
* p is *hold-up or expropriation risk*: the chance that the returns are taken once the investment
  is sunk (by a stronger rival, a local government, a change of rules), which is what the paper's
  "no fair competition, unstable expectations" amounts to.
* Two terms, zero by default (the paper's argument as written), add financing: the outlay costs
  ``1 + f``, where f is the financing cost of the investment, lower for firms with access to bank
  credit (an interest subsidy of lesson 08 lowers it further for those who borrow), and a *soft
  budget* b: the share of a failed investment's cost that the state covers (Kornai, Maskin and
  Roland 2003). Then

      V = (1 − p) · Π(m) − (1 + f) · (1 − p · b).

  A soft budget makes a risky investment look better to the firm that has one, whatever its
  return to society; a financing premium makes it look worse to the firm that pays it. The
  widget sets f for the private firm (its premium over the SOE) and b for the SOE. Whether
  state-owned firms absorbed much of the 2009-2010 credit expansion is an empirical question the
  course does not test with its own data; Cong, Gao, Ponticelli and Yang (2019) find that the
  expansion favoured state-owned firms.

References: Arrow, K. J. (1962), "Economic welfare and the allocation of resources for
invention", in *The Rate and Direction of Inventive Activity: Economic and Social Factors*,
Princeton University Press for the NBER, 609-626. Kornai, J., E. Maskin and G.
Roland (2003), "Understanding the soft budget constraint", *Journal of Economic Literature*
41(4), 1095-1136. Cong, L. W., H. Gao, J. Ponticelli and X. Yang (2019),
"Credit allocation under economic stimulus: evidence from China", *Review of Financial Studies*
32(9), 3412-3460.
"""

from __future__ import annotations

import math

import pandas as pd

from ..i18n import _, lazy
from ..params import Param, Spec, number_in_range

# Parameters fixed in the lesson, with the reason for each value.
EXTRA_PROFIT_COMPETITIVE = 2.0  # Π0: in a competitive market renovation returns twice its cost
OWN_COST = 0.1  # e: the decision maker's own effort and risk, a tenth of the investment

# The two firms of the paper's argument (settings of m, s, p) and the reform it recommends (四.2).
FIRMS = {
    "soe": {"market_power": 0.8, "share": 0.05, "p_sunk": 0.1},
    "private": {"market_power": 0.1, "share": 0.9, "p_sunk": 0.5},
}
FIRM_LABELS = {
    "soe": ("State-owned enterprise", "国有企业"),
    "private": ("Private firm", "民营企业"),
}
REFORM = {
    "soe": {"market_power": 0.2},  # monopoly reform: pushed into the market (四.2, point one)
    "private": {"p_sunk": 0.2},  # fair competition and stable expectations (四.2, point two)
}
DIVIDEND_SHARE = 0.5  # an illustrative profit-sharing contract: half the gain to the management
SETTINGS = ("market_power", "share", "p_sunk")
SETTING_LABELS = {
    "market_power": "market power m",
    "share": "decision maker's share of the gain s",
    "p_sunk": "hold-up (expropriation) risk p",
}


# The controls' labels, in plain words (the symbols m, s and p are the lesson's equations').
SHORT_LABELS = {
    "market_power": lazy("market power"),
    "share": lazy("decision maker's share of the profit"),
    "p_sunk": lazy("hold-up risk (chance the investment is lost)"),
}
FIRM_NAMES = {"soe": lazy("State-owned enterprise"), "private": lazy("Private firm")}
WHY = {
    "soe": lazy("an SOE earns monopoly rents, its manager gets almost none of the gain (二.3)"),
    "private": lazy("a private firm has the residual claim but fears a sunk investment (二.3)"),
}


def _setting(firm: str, key: str) -> Param:
    return Param(
        f"{firm}_{key}",
        # TRANSLATORS: a control's label: a firm, then one of its settings
        lazy("{firm}: {setting}", firm=FIRM_NAMES[firm], setting=SHORT_LABELS[key]),
        "0-1",
        FIRMS[firm][key],
        WHY[firm],
        low=0.0,
        high=1.0,
        step=0.05,
        fmt=".2f",
        extra_probes=(0.5,),
    )


# The widget's settings: three for each firm, then the two financing terms (zero by default).
PARAMS = Spec(
    *(_setting(firm, key) for firm in FIRMS for key in SETTINGS),
    Param(
        "private_financing",
        lazy("Private firm: financing premium f"),
        lazy("× the cost"),
        0.0,
        lazy(
            "none: the paper's argument as written; a premium is the course's illustration (the "
            "course has no data on what private firms paid for credit)"
        ),
        low=0.0,
        high=1.0,
        step=0.05,
        fmt=".2f",
        extra_probes=(0.2,),
    ),
    Param(
        "soe_bailout",
        lazy("SOE: soft budget b (share of a failure the state covers)"),
        "0-1",
        0.0,
        lazy(
            "none: the paper's argument as written; raise it to see Kornai's soft budget constraint"
        ),
        low=0.0,
        high=1.0,
        step=0.05,
        fmt=".2f",
        extra_probes=(0.5,),
    ),
)


def clean_share(value, name: str) -> float:
    """A number in [0, 1]; raises ValueError with a readable reason otherwise."""
    x, why = number_in_range(value, 0.0, 1.0)
    if why:
        raise ValueError(
            _("the {name} must lie between 0 and 1, not {value}").format(
                name=name, value=repr(value)
            )
        )
    return x


def extra_profit(market_power: float, extra_profit_competitive: float = EXTRA_PROFIT_COMPETITIVE):
    """Π(m): the extra profit renovation brings, in units of its cost; falls with market power."""
    m = clean_share(market_power, lazy("market power"))
    return extra_profit_competitive * (1 - m)


def firm_gain(
    market_power,
    p_sunk,
    extra_profit_competitive=EXTRA_PROFIT_COMPETITIVE,
    financing: float = 0.0,
    bailout: float = 0.0,
) -> float:
    """V: the firm's expected net gain from renovating, in units of its cost:
    (1 − p) · Π(m) − (1 + f) · (1 − p · b)."""
    p = clean_share(p_sunk, lazy("hold-up risk"))
    f = clean_share(financing, lazy("financing cost"))
    b = clean_share(bailout, lazy("soft budget"))
    return (1 - p) * extra_profit(market_power, extra_profit_competitive) - (1 + f) * (1 - p * b)


def decision_gain(
    market_power,
    share,
    p_sunk,
    own_cost: float = OWN_COST,
    extra_profit_competitive: float = EXTRA_PROFIT_COMPETITIVE,
    financing: float = 0.0,
    bailout: float = 0.0,
) -> float:
    """N: the decision maker's net gain from renovating, in units of the investment's cost."""
    s = clean_share(share, lazy("decision maker's share of the gain"))
    v = firm_gain(market_power, p_sunk, extra_profit_competitive, financing, bailout)
    return s * v - own_cost


def renovates(
    market_power, share, p_sunk, own_cost: float = OWN_COST, financing=0.0, bailout=0.0
) -> bool:
    """Does the decision maker choose to renovate (N > 0)?"""
    return (
        decision_gain(market_power, share, p_sunk, own_cost, financing=financing, bailout=bailout)
        > 0
    )


def reason(
    market_power, share, p_sunk, own_cost: float = OWN_COST, financing=0.0, bailout=0.0
) -> str:
    """Why the decision maker does or does not renovate, in a few words."""
    if renovates(market_power, share, p_sunk, own_cost, financing, bailout):
        return _("renovation pays the decision maker")
    if firm_gain(market_power, p_sunk, financing=financing, bailout=bailout) <= 0:
        if extra_profit(market_power) <= 1 + financing:
            return _(
                "with this much market power renovation adds too little profit to pay its cost"
            )
        if financing and firm_gain(market_power, p_sunk) > 0:
            return _("the financing premium turns the expected profit into a loss")
        return _("the hold-up risk eats the expected profit")
    return _("the decision maker's share of the gain does not cover their own effort and risk")


def max_p_sunk(market_power, share, own_cost: float = OWN_COST) -> float:
    """The highest probability of a sunk investment at which the decision maker still renovates.

    Solves s·[(1 − p)·Π(m) − 1] = e for p; NaN when no p in [0, 1] makes renovation pay.
    """
    s = clean_share(share, lazy("decision maker's share of the gain"))
    profit = extra_profit(market_power)
    if s <= 0 or profit <= 0:
        return math.nan
    p = 1 - (1 + own_cost / s) / profit
    return p if p >= 0 else math.nan


def min_share(market_power, p_sunk, own_cost: float = OWN_COST) -> float:
    """The smallest share of the gain that makes the decision maker renovate (NaN if none <= 1)."""
    v = firm_gain(market_power, p_sunk)
    if v <= 0:
        return math.nan
    s = own_cost / v
    return s if s <= 1 else math.nan


def firm_settings(firm: str, reformed: bool = False) -> dict:
    """The settings (market_power, share, p_sunk) of 'soe' or 'private', before or after reform."""
    if firm not in FIRMS:
        raise ValueError(f"firm must be one of {list(FIRMS)}")
    out = dict(FIRMS[firm])
    if reformed:
        out.update(REFORM[firm])
    return out


def compare(settings: dict | None = None) -> pd.DataFrame:
    """Both firms side by side: settings, extra profit, the firm's and the decision maker's gain."""
    settings = settings or {f: firm_settings(f) for f in FIRMS}
    rows = {}
    for firm, s in settings.items():
        m, sh, p = s["market_power"], s["share"], s["p_sunk"]
        rows[firm] = {
            "market_power": m,
            "share": sh,
            "p_sunk": p,
            "extra_profit": extra_profit(m),
            "firm_gain": firm_gain(m, p),
            "decision_gain": decision_gain(m, sh, p),
            "renovates": renovates(m, sh, p),
            "reason": reason(m, sh, p),
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def reform_steps() -> pd.DataFrame:
    """What the paper's reforms do: before; monopoly reform and fair competition; plus a dividend.

    The third step also gives the SOE's management an 'innovation dividend' (二.3): a share
    ``DIVIDEND_SHARE`` of the gain. The smallest share that would do is :func:`min_share`.
    """
    before = {f: firm_settings(f) for f in FIRMS}
    after = {f: firm_settings(f, reformed=True) for f in FIRMS}
    dividend = {**after, "soe": {**after["soe"], "share": DIVIDEND_SHARE}}
    # the steps' names are shown: they read in the language in use
    steps = {
        _("before reform"): before,
        _("market reform"): after,
        _("plus innovation dividend"): dividend,
    }
    out = []
    for name, settings in steps.items():
        c = compare(settings)
        c.insert(0, "step", name)
        out.append(c.rename_axis("firm").reset_index())
    return pd.concat(out, ignore_index=True)
