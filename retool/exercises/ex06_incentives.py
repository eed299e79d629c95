"""Exercises for lesson 06 (why firms under-invest): the slowdown of renovation spending the
paper cites as evidence, and the course's teaching model of the renovation decision.

Expected values come from ``data/`` (Table 1) via :mod:`retool.rebuild` and from the model in
:mod:`retool.models.incentives`, with the settings it defines for an SOE and a private firm.
"""

from __future__ import annotations

from .. import data, measures, rebuild
from ..i18n import lazy
from ..models import incentives as model
from .core import (  # noqa: F401
    ChoiceQuestion,
    CritiqueQuestion,
    Mistake,
    NumberQuestion,
    OpenQuestion,
    SeriesQuestion,
    critique_rubric,
    summary,
)

SOE = model.firm_settings("soe")
PRIVATE = model.firm_settings("private")
SOE_REFORMED = model.firm_settings("soe", reformed=True)
E = model.OWN_COST
PI0 = model.EXTRA_PROFIT_COMPETITIVE


def _t1(year: int) -> float:
    return float(data.table1_wide().loc[year, "renovation"])


def _growth_2009() -> float:
    return float(rebuild.table1_yearly_growth().loc[2009, "renovation"])


def _fmt(s: dict) -> str:
    return f"m = {s['market_power']}, s = {s['share']}, p = {s['p_sunk']}"


q1 = SeriesQuestion(
    qid="q1",
    answer_name="q1_answer",
    own_code=True,
    prompt=lazy(
        "The paper backs its argument with one fact: during the 11th Five-Year Plan renovation "
        "spending grew more and more slowly and even fell. Rebuild the yearly growth of renovation "
        "spending in Table 1 (percent over the previous year), keyed by year, 2006-2009. Does "
        "growth fall every year?"
    ),
    expected=lambda: rebuild.table1_yearly_growth()["renovation"].dropna().to_dict(),
    unit="percent",
    tolerance=0.05,
    hints=(
        lazy("Yearly growth = (this year / last year - 1) × 100."),
        lazy("`data.table1_wide()['renovation'].pct_change() * 100`, without the first year."),
        lazy("`measures.yearly_growth_pct(series)` does the same."),
    ),
    solution_text=lazy(
        "{code}\nGrowth is fastest in 2007, then slows and turns negative in 2009 ({table1}% in "
        "Table 1; the text's {printed}% is for all large and medium-sized enterprises, another "
        "universe).",
        code="r = data.table1_wide()['renovation']\n"
        "q1_answer = measures.yearly_growth_pct(r).dropna()",
        table1=format(_growth_2009(), ".2f"),
        printed=data.claim("growth_2009_lme")["value"],
    ),
    mistakes=(
        Mistake(
            lazy("fractions instead of percentages"),
            lambda: (rebuild.table1_yearly_growth()["renovation"].dropna() / 100).to_dict(),
            lazy("multiply by 100."),
        ),
        Mistake(
            lazy("growth against 2005 every year instead of against the previous year"),
            lambda: {
                y: measures.growth_pct(_t1(2005), _t1(y)) for y in data.table1_wide().index[1:]
            },
            lazy("yearly growth compares each year with the year before."),
        ),
    ),
)

q2 = NumberQuestion(
    qid="q2",
    answer_name="q2_answer",
    prompt=lazy(
        "In the model, what is the SOE's expected net gain from renovating, V = (1 − p)·Π0·(1 − "
        "m) − 1, with its default settings ({settings}) and Π0 = {pi0}? Answer in multiples of "
        "the cost.",
        settings=_fmt(SOE),
        pi0=PI0,
    ),
    expected=lambda: model.firm_gain(SOE["market_power"], SOE["p_sunk"]),
    unit="multiples of the cost",
    tolerance=0.005,
    hints=(
        lazy("First the extra profit: Π = Π0 × (1 − m)."),
        lazy("Then weigh it by the chance it is not sunk, (1 − p), and subtract the cost, 1."),
        lazy("`model.firm_gain(market_power, p_sunk)`."),
    ),
    solution_text=lazy(
        "{code}\n= {gain}: with monopoly rents renovation adds too little profit to cover its "
        "cost — the paper's '只有付出没有收获'.",
        code="s = model.firm_settings('soe')\n"
        "q2_answer = model.firm_gain(s['market_power'], s['p_sunk'])  # (1 - p)·Π0·(1 - m) - 1",
        gain=format(model.firm_gain(SOE["market_power"], SOE["p_sunk"]), ".2f"),
    ),
    mistakes=(
        Mistake(
            lazy("the cost not subtracted"),
            lambda: model.firm_gain(SOE["market_power"], SOE["p_sunk"]) + 1,
            lazy("V is a net gain: subtract the cost of the investment (1)."),
        ),
        Mistake(
            lazy("market power used as the share of profit kept (Π0 × m)"),
            lambda: (1 - SOE["p_sunk"]) * PI0 * SOE["market_power"] - 1,
            lazy("extra profit falls with market power: Π0 × (1 − m)."),
        ),
    ),
)

q3 = NumberQuestion(
    qid="q3",
    answer_name="q3_answer",
    prompt=lazy(
        "And the private firm's decision maker ({settings}, own cost e = {e}): what is their net "
        "gain N = s·V − e?",
        settings=_fmt(PRIVATE),
        e=E,
    ),
    expected=lambda: model.decision_gain(**PRIVATE),
    unit="multiples of the cost",
    tolerance=0.005,
    hints=(
        lazy("Compute V for the private firm as in q2, then N = s × V − e."),
        lazy("`model.decision_gain(market_power, share, p_sunk)`."),
    ),
    solution_text=lazy(
        "{code}\n= {gain} < 0: the private firm keeps most of the gain, but a one-in-two chance "
        "that the investment is sunk makes renovation a loss.",
        code="q3_answer = model.decision_gain(**model.firm_settings('private'))",
        gain=format(model.decision_gain(**PRIVATE), ".2f"),
    ),
    mistakes=(
        Mistake(
            lazy("the decision maker's own cost e forgotten"),
            lambda: model.decision_gain(**PRIVATE) + E,
            lazy("subtract e, the decision maker's own effort and risk."),
        ),
        Mistake(
            lazy("the risk of a sunk investment forgotten"),
            lambda: PRIVATE["share"] * (model.extra_profit(PRIVATE["market_power"]) - 1) - E,
            lazy("weigh the extra profit by (1 − p): with probability p it is lost."),
        ),
        Mistake(
            lazy("the firm's gain V instead of the decision maker's N"),
            lambda: model.firm_gain(PRIVATE["market_power"], PRIVATE["p_sunk"]),
            lazy("multiply by the share s and subtract e."),
        ),
    ),
)

q4 = NumberQuestion(
    qid="q4",
    answer_name="q4_answer",
    prompt=lazy(
        "Fair competition lowers the risk that a private firm's investment is sunk. Up to which "
        "probability p does the private firm (its other settings unchanged) still renovate? "
        "Answer as a probability between 0 and 1."
    ),
    expected=lambda: model.max_p_sunk(PRIVATE["market_power"], PRIVATE["share"]),
    unit="probability",
    tolerance=0.005,
    hints=(
        lazy("Set N = 0 and solve for p: s·[(1 − p)·Π − 1] = e."),
        lazy("p = 1 − (1 + e/s) / Π, with Π = Π0·(1 − m)."),
        lazy("`model.max_p_sunk(market_power, share)`."),
    ),
    solution_text=lazy(
        "{code}\n≈ {p}: the private firm renovates once the risk falls below this level, which is "
        "what the paper's 'fair competition' would do.",
        code="s = model.firm_settings('private')\n"
        "q4_answer = model.max_p_sunk(s['market_power'], s['share'])",
        p=format(model.max_p_sunk(PRIVATE["market_power"], PRIVATE["share"]), ".3f"),
    ),
    mistakes=(
        Mistake(
            lazy("a percentage instead of a probability"),
            lambda: model.max_p_sunk(PRIVATE["market_power"], PRIVATE["share"]) * 100,
            lazy("answer between 0 and 1."),
        ),
        Mistake(
            lazy("the own cost e forgotten (V = 0 instead of N = 0)"),
            lambda: 1 - 1 / model.extra_profit(PRIVATE["market_power"]),
            lazy("the decision maker also needs to cover e: solve s·V = e."),
        ),
    ),
)

q5 = NumberQuestion(
    qid="q5",
    answer_name="q5_answer",
    prompt=lazy(
        "Monopoly reform lowers the SOE's market power to {m} (p stays {p}). What is the "
        "smallest share of the gain s that makes its manager renovate? Answer between 0 and 1.",
        m=SOE_REFORMED["market_power"],
        p=SOE_REFORMED["p_sunk"],
    ),
    expected=lambda: model.min_share(SOE_REFORMED["market_power"], SOE_REFORMED["p_sunk"]),
    unit="share",
    tolerance=0.005,
    hints=(
        lazy("Set N = s·V − e = 0 and solve for s."),
        lazy("s = e / V, with V computed at the reformed market power."),
        lazy("`model.min_share(market_power, p_sunk)`."),
    ),
    solution_text=lazy(
        "{code}\n≈ {share}: far above the default {default} — the 'innovation dividend' the paper "
        "says SOE managers lack.",
        code="s = model.firm_settings('soe', reformed=True)\n"
        "q5_answer = model.min_share(s['market_power'], s['p_sunk'])",
        share=format(model.min_share(SOE_REFORMED["market_power"], SOE_REFORMED["p_sunk"]), ".3f"),
        default=SOE["share"],
    ),
    mistakes=(
        Mistake(
            lazy("a percentage instead of a share"),
            lambda: model.min_share(SOE_REFORMED["market_power"], SOE_REFORMED["p_sunk"]) * 100,
            lazy("answer between 0 and 1."),
        ),
        Mistake(
            lazy("the risk p forgotten"),
            lambda: E / (model.extra_profit(SOE_REFORMED["market_power"]) - 1),
            lazy("V includes (1 − p)."),
        ),
    ),
)

_after = model.compare({"soe": SOE_REFORMED})
q6 = ChoiceQuestion(
    qid="q6",
    answer_name="q6_answer",
    prompt=lazy(
        "After monopoly reform alone, the SOE still does not renovate. In the model, why not?"
    ),
    options={
        "A": (
            lazy("its market power is still too high for renovation to pay"),
            lazy(
                "no: after reform the firm's expected net gain V is {gain} — renovation now pays "
                "the firm.",
                gain=format(float(_after.loc["soe", "firm_gain"]), "+.2f"),
            ),
        ),
        "B": (
            lazy("the risk that the investment is sunk is too high"),
            lazy("no: p = {p} is low for an SOE with state backing.", p=SOE_REFORMED["p_sunk"]),
        ),
        "C": (
            lazy("its manager's share of the gain is too small to cover their own effort and risk"),
            lazy(
                "yes: with s = {s} the manager gets {kept} of a gain worth {gain}, less than "
                "e = {e}. Market reform is not enough without an innovation dividend.",
                s=SOE_REFORMED["share"],
                kept=format(SOE_REFORMED["share"] * float(_after.loc["soe", "firm_gain"]), ".3f"),
                gain=format(float(_after.loc["soe", "firm_gain"]), ".2f"),
                e=E,
            ),
        ),
        "D": (
            lazy("renovation never pays in this model"),
            lazy(
                "no: a competitive firm with the full gain and no sunk risk gains {gain} × the "
                "cost.",
                gain=format(model.decision_gain(0, 1, 0), ".2f"),
            ),
        ),
    },
    correct="C",
    hints=(
        lazy(
            "Compute V and N for the reformed SOE: `model.compare({'soe': "
            "model.firm_settings('soe', reformed=True)})`."
        ),
        lazy("Is V positive? Is N?"),
    ),
    solution_text=lazy(
        "{code}\n"
        "Monopoly reform makes renovation profitable for the firm (V > 0), but the manager keeps "
        "almost none of it. The model says both reforms of 四.2 and an incentive for managers "
        "(the innovation dividend 二.3 says they lack) are needed for the SOE.",
        code="q6_answer = 'C'",
    ),
)

# Financing by ownership: one risky project (the private firm's market power and hold-up risk)
# weighed by both firms; the private firm pays a financing premium, the state covers half of a
# failed SOE investment (the two financing settings' probes in the lesson's widget).
PREMIUM = model.PARAMS["private_financing"].extra_probes[0]
SOFT_BUDGET = model.PARAMS["soe_bailout"].extra_probes[0]
PROJECT = {"market_power": PRIVATE["market_power"], "p_sunk": PRIVATE["p_sunk"]}


def _v(financing: float = 0.0, bailout: float = 0.0) -> float:
    return model.firm_gain(
        PROJECT["market_power"], PROJECT["p_sunk"], financing=financing, bailout=bailout
    )


def _ownership_gap() -> float:
    return _v(bailout=SOFT_BUDGET) - _v(financing=PREMIUM)


q7 = NumberQuestion(
    qid="q7",
    answer_name="q7_answer",
    prompt=lazy(
        "Financing by ownership. One project, m = {m} and hold-up risk p = {p}, is weighed by "
        "two firms. The private firm pays a financing premium f = {f} (its outlay costs 1 + f) "
        "and has no soft budget; the SOE pays no premium, and the state covers a share b = {b} "
        "of a failed investment. By how much does the SOE's expected net gain V exceed the "
        "private firm's, in units of the investment's cost?",
        m=PROJECT["market_power"],
        p=PROJECT["p_sunk"],
        f=PREMIUM,
        b=SOFT_BUDGET,
    ),
    expected=_ownership_gap,
    unit="multiples of the cost",
    tolerance=0.005,
    mistakes=(
        Mistake(
            lazy("the financing premium only (the soft budget left out)"),
            lambda: PREMIUM,
            lazy(
                "the SOE also recovers a share b of the cost when the project fails, which it "
                "does with probability p."
            ),
        ),
        Mistake(
            lazy("the soft budget only (the premium left out)"),
            lambda: PROJECT["p_sunk"] * SOFT_BUDGET,
            lazy("the private firm also pays 1 + f for the outlay."),
        ),
        Mistake(
            lazy("the soft budget not weighted by the chance of failure"),
            lambda: PREMIUM + SOFT_BUDGET,
            lazy("the state pays only when the project fails: weight b by p."),
        ),
        Mistake(
            lazy("the difference the wrong way round (private minus SOE)"),
            lambda: -_ownership_gap(),
            lazy("the question asks how much more the project is worth to the SOE."),
        ),
        Mistake(
            lazy("the SOE's own gain, not the difference"),
            lambda: _v(bailout=SOFT_BUDGET),
            lazy("subtract the private firm's gain from the SOE's."),
        ),
    ),
    where=lazy("the course's financing extension of lesson 06 (Kornai, Maskin and Roland 2003)"),
    hints=(
        lazy("V = (1 − p) · Π(m) − (1 + f) · (1 − p · b), with Π(m) = {pi0} · (1 − m).", pi0=PI0),
        lazy(
            "Compute V once with f = {f}, b = 0 and once with f = 0, b = {b}; or subtract the "
            "two formulas: the project's return cancels.",
            f=PREMIUM,
            b=SOFT_BUDGET,
        ),
    ),
    solution_text=lazy(
        "profit = {pi0} * (1 - {m})\n"
        "v_private = (1 - {p}) * profit - (1 + {f})\n"
        "v_soe = (1 - {p}) * profit - (1 - {p} * {b})\n"
        "q7_answer = v_soe - v_private\n"
        "= {gap:.2f}: V is {soe:.2f} for the SOE and {private:.2f} for the private firm. The "
        "project's return cancels: the difference is f + p · b, whatever the project is worth "
        "to society. The same risky project pays the SOE and not the private firm, so credit "
        "and renovation flow to the state sector for reasons that have nothing to do with the "
        "return. An interest subsidy (lesson 08) lowers f only for the firms that get the "
        "subsidised loans.",
        pi0=PI0,
        m=PROJECT["market_power"],
        p=PROJECT["p_sunk"],
        f=PREMIUM,
        b=SOFT_BUDGET,
        gap=_ownership_gap(),
        soe=_v(bailout=SOFT_BUDGET),
        private=_v(financing=PREMIUM),
    ),
)


def _g(year: int) -> float:
    return float(measures.yearly_growth_pct(data.table1_wide()["renovation"]).loc[year])


def _fai_share(year: int) -> float:
    return float(rebuild.renovation_share_of_fai().loc[year])


q8 = CritiqueQuestion(
    qid="q8",
    answer_name="q8_answer",
    prompt=lazy(
        "Critique (about 150 words). Section 二.3 explains weak renovation by firms' "
        "incentives (market power, state ownership, risk). Does Table 1's fall in 2009 support "
        "that explanation? Back your answer with numbers you recompute from data/ and name "
        "another explanation and the evidence that would tell the two apart."
    ),
    words=150,
    rubric=critique_rubric(
        claim=lazy("states the incentive explanation and what it predicts over time"),
        evidence=lazy(
            "recomputes the yearly growth of renovation and its share of fixed investment "
            "around 2009"
        ),
        reasoning=lazy(
            "notes that incentives change slowly while 2009 is a one-year break, and "
            "weighs a rival cause (the crisis, the stimulus favouring other investment)"
        ),
        settle=lazy(
            "names evidence that separates the causes (firm-level data by ownership, years "
            "after 2009)"
        ),
    ),
    hints=(
        lazy(
            "Compute Table 1's yearly growth of renovation (q1) and renovation over total fixed "
            "investment in 2008 and 2009."
        ),
        lazy("Did market power or ownership change between 2008 and 2009?"),
    ),
    solution_text=lazy(
        "The paper blames weak incentives: market power, state ownership and the risk that an "
        "investment is lost. Those change slowly, yet renovation spending grew {g2008}% in 2008 "
        "and changed by {g2009}% in 2009, and its share of fixed investment fell from "
        "{share2008}% to {share2009}% in one year. A one-year break points to a one-year cause: "
        "the 2009 crisis cut profits and the stimulus moved investment toward infrastructure. "
        "The incentive story may explain a low level; it does not explain this drop. The two can "
        "be told apart with firm-level spending by ownership (if state firms fell as much as "
        "private ones, ownership is not the cause) and with the years after 2009: if renovation "
        "recovered when demand did, the crisis explains more than incentives.",
        g2008=format(_g(2008), ".1f"),
        g2009=format(_g(2009), ".1f"),
        share2008=format(_fai_share(2008), ".2f"),
        share2009=format(_fai_share(2009), ".2f"),
    ),
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7, q8]
