"""Exercises for lesson 02 (investment intensity): what reproduces of -11.82%, 5.20%, 1.08%,
20.5% and "about 1/10", and the counterfactual shortfall at a baseline intensity.

Every expected value is computed from ``data/`` with :mod:`retool.rebuild` and
:mod:`retool.models.intensity`.
"""

from __future__ import annotations

from .. import data, measures, rebuild
from ..i18n import lazy
from ..models import intensity as model
from .core import (  # noqa: F401 (summary is re-exported for the notebooks)
    ChoiceQuestion,
    CritiqueQuestion,
    Mistake,
    NumberQuestion,
    OpenQuestion,
    critique_rubric,
    printed,
    summary,
    where,
)


def _reno(year: int) -> float:
    return float(data.table1_wide().loc[year, "renovation"])


def _gdp(year: int) -> float:
    return float(data.gdp_series().loc[year])


def _fai(year: int) -> float:
    return float(data.fai_series("fai_total").loc[year])


def _fai_growth(year: int) -> float:
    f = data.fai()
    row = f[(f["series"] == "fai_total") & (f["year"] == year)]
    return float(row["growth_over_previous_pct"].iloc[0])


def _growth_2009_t1() -> float:
    return float(rebuild.table1_yearly_growth().loc[2009, "renovation"])


q1 = NumberQuestion(
    qid="q1",
    answer_name="q1_answer",
    own_code=True,
    prompt=lazy(
        "Section 一.2 prints -11.82% for the 2009 growth of renovation spending of all large and "
        "medium-sized industrial enterprises. Compute the 2009 growth from Table 1, in percent."
    ),
    expected=_growth_2009_t1,
    hints=(
        lazy("Growth over the previous year: 2009 against 2008, column 'renovation'."),
        lazy("`t = data.table1_wide()['renovation']`, then `(t[2009] / t[2008] - 1) * 100`."),
    ),
    solution_text=lazy(
        "{code}\n"
        "About -12.12%, not -11.82%: Table 1 covers the traditional enterprises only, while the "
        "text speaks of all large and medium-sized enterprises (high-tech ones included).",
        code="q1_answer = rebuild.table1_yearly_growth().loc[2009, 'renovation']",
    ),
    mistakes=(
        Mistake(
            lazy("the paper's number for another universe"),
            lambda: data.claim_value("growth_2009_lme"),
            lazy("that is the printed all-enterprise rate; Table 1 gives another. Compute it."),
        ),
        Mistake(
            lazy("a fraction instead of a percentage"),
            lambda: _growth_2009_t1() / 100,
            lazy("multiply by 100."),
        ),
        Mistake(
            lazy("the ratio upside down (2008 / 2009)"),
            lambda: float(measures.growth_pct(_reno(2009), _reno(2008))),
            lazy("growth divides the new year (2009) by the old one (2008)."),
        ),
    ),
)

GDP_CLAIM = "share_gdp_2009"
q2 = NumberQuestion(
    qid="q2",
    answer_name="q2_answer",
    prompt=lazy(
        "All enterprises' renovation in 2008 is Table 1's value plus the high-tech enterprises' "
        "(`data.lme_wide(universe='lme_hightech').loc[2008, 'renovation']`). Grow it by the "
        "paper's -11.82% to get 2009, and "
        "divide by GDP 2009 (`data.gdp_series()`). What share of GDP is it, in percent?"
    ),
    expected=lambda: rebuild.renovation_share_of_gdp(2009, rebuild.YEARBOOK_UNIVERSE),
    printed=printed(GDP_CLAIM),
    where=where(GDP_CLAIM),
    hints=(
        lazy("2008 all enterprises = Table 1 2008 + high-tech 2008."),
        lazy(
            "2009 = 2008 × (1 + growth / 100), with growth = data.claim_value('growth_2009_lme')."
        ),
        lazy("Share = 2009 value / GDP 2009 × 100."),
    ),
    solution_text=lazy(
        "{code}\n"
        "It rounds to the printed 1.08%: the paper's -11.82% and 1.08% fit together, although "
        "the 2009 all-enterprise value itself is not in the course's data.",
        code=(
            "g = data.claim_value('growth_2009_lme')\n"
            "all_2009 = rebuild.all_lme_renovation_2008() * (1 + g / 100)\n"
            "q2_answer = all_2009 / data.gdp_series()[2009] * 100"
        ),
    ),
    mistakes=(
        Mistake(
            lazy("Table 1 alone (the wrong universe)"),
            lambda: rebuild.renovation_share_of_gdp(2009),
            lazy("the text's 1.08% is for all enterprises: add the high-tech enterprises first."),
        ),
        Mistake(
            lazy("a fraction instead of a percentage"),
            lambda: rebuild.renovation_share_of_gdp(2009, rebuild.YEARBOOK_UNIVERSE) / 100,
            lazy("multiply by 100."),
        ),
        Mistake(
            lazy("the 2008 value over 2009 GDP (growth not applied)"),
            lambda: rebuild.all_lme_renovation_2008() / _gdp(2009) * 100,
            lazy("grow 2008 by -11.82% to get 2009 first."),
        ),
    ),
)

Y1980 = "lme_share_1980"
q3 = NumberQuestion(
    qid="q3",
    answer_name="q3_answer",
    prompt=lazy(
        "Rebuild the 1980 intensity of section 二.1: renovation investment in 1980 "
        "(`data.renovation_investment()`) over society-wide fixed-asset investment in 1980. FAI "
        "1980 is not in the data: derive it from 1981's value and its growth over 1980 "
        "(`data.fai()`, columns value_100m_yuan and growth_over_previous_pct). In percent."
    ),
    expected=rebuild.renovation_share_1980,
    printed=printed(Y1980),
    where=where(Y1980),
    hints=(
        lazy("FAI 1980 = FAI 1981 / (1 + growth 1981 / 100)."),
        lazy("`measures.implied_previous(value, growth)` does that division."),
        lazy("Share = renovation 1980 / FAI 1980 × 100."),
    ),
    solution_text=lazy(
        "{code}\n"
        "It rounds to the printed 20.5%: the 1980 number is renovation investment "
        "(更新改造投资) over all fixed-asset investment.",
        code=(
            "f = data.fai(); row = f[(f.series == 'fai_total') & (f.year == 1981)].iloc[0]\n"
            "fai_1980 = measures.implied_previous(row.value_100m_yuan, "
            "row.growth_over_previous_pct)\n"
            "q3_answer = data.renovation_investment()[1980] / fai_1980 * 100"
        ),
    ),
    mistakes=(
        Mistake(
            lazy("the 1981 FAI as denominator (wrong base year)"),
            lambda: float(data.renovation_investment().loc[1980]) / _fai(1981) * 100,
            lazy("the denominator must be 1980's FAI: undo 1981's growth first."),
        ),
        Mistake(
            lazy("growth applied the wrong way (1981 × 1.055)"),
            lambda: (
                float(data.renovation_investment().loc[1980])
                / (_fai(1981) * (1 + _fai_growth(1981) / 100))
                * 100
            ),
            lazy("1980 is smaller than 1981: divide by (1 + growth), do not multiply."),
        ),
        Mistake(
            lazy("a fraction instead of a percentage"),
            lambda: rebuild.renovation_share_1980() / 100,
            lazy("multiply by 100."),
        ),
    ),
)

Y2009 = "lme_share_2009"
q4 = NumberQuestion(
    qid="q4",
    answer_name="q4_answer",
    prompt=lazy(
        "The paper compares 20.5% (1980) with 5.2% (2009). Compute Table 1's 2009 renovation "
        "spending as a share of society-wide fixed-asset investment 2009 "
        "(`data.fai_series('fai_total')`), in percent."
    ),
    expected=lambda: float(rebuild.renovation_share_of_fai().loc[2009]),
    hints=(
        lazy("Share = Table 1 renovation 2009 / society-wide FAI 2009 × 100."),
        lazy("`rebuild.renovation_share_of_fai()` does it for every year."),
    ),
    solution_text=lazy(
        "{code}\n"
        "About 1.5%, far below 5.2%: the 5.2% is most likely (an inference: same year, same "
        "digits) the 5.20% share of *manufacturing* FAI of section 一.2, while 20.5% is a share "
        "of all FAI, although 二.1 names society-wide FAI for both: two denominators under one "
        "comparison.",
        code=(
            "q4_answer = data.table1_wide().loc[2009, 'renovation'] / "
            "data.fai_series('fai_total')[2009] * 100"
        ),
    ),
    mistakes=(
        Mistake(
            lazy("the paper's printed 5.2"),
            lambda: data.claim_value(Y2009),
            lazy("that is the printed number for a different denominator; compute the share."),
        ),
        Mistake(
            lazy("GDP as the denominator"),
            lambda: rebuild.renovation_share_of_gdp(2009),
            lazy("the question asks for fixed-asset investment, not GDP."),
        ),
        Mistake(
            lazy("a fraction instead of a percentage"),
            lambda: float(rebuild.renovation_share_of_fai().loc[2009]) / 100,
            lazy("multiply by 100."),
        ),
    ),
)

q5 = NumberQuestion(
    qid="q5",
    answer_name="q5_answer",
    prompt=lazy(
        "Manufacturing FAI is not in the data. Which share of society-wide FAI must manufacturing "
        "FAI have been in 2009 for the paper's 5.20% to hold, given the all-enterprise renovation "
        "implied by -11.82% (as in q2: 2008's value grown by -11.82%)? In percent."
    ),
    expected=model.implied_mfg_share_2009,
    hints=(
        lazy("Manufacturing FAI = renovation / (5.20 / 100)."),
        lazy("Then divide by society-wide FAI 2009 and multiply by 100."),
        lazy("Society-wide FAI is `data.fai_series('fai_total')`."),
    ),
    solution_text=lazy(
        "{code}\n"
        "About 31%: a plausible size for manufacturing, but an implication of the paper's "
        "numbers, not a statistic. The widget lets you set this share yourself.",
        code=(
            "share = data.claim_value('share_mfg_fai_2009')\n"
            "mfg = rebuild.implied_all_lme_renovation_2009() / (share / 100)\n"
            "q5_answer = mfg / data.fai_series('fai_total')[2009] * 100"
        ),
    ),
    mistakes=(
        Mistake(
            lazy("the implied manufacturing FAI in 亿元 instead of its share"),
            rebuild.implied_manufacturing_fai_2009,
            lazy("divide by society-wide FAI 2009 to get a share."),
        ),
        Mistake(
            lazy("Table 1's renovation instead of all enterprises'"),
            lambda: _reno(2009) / (data.claim_value("share_mfg_fai_2009") / 100) / _fai(2009) * 100,
            lazy(
                "the 5.20% is about all large and medium-sized enterprises: use the implied value."
            ),
        ),
        Mistake(
            lazy("a fraction instead of a percentage"),
            lambda: model.implied_mfg_share_2009() / 100,
            lazy("multiply by 100."),
        ),
    ),
)


def _cf_1980():
    return model.counterfactual_table(data.claim_value(Y1980), "fai_total")


q6 = NumberQuestion(
    qid="q6",
    answer_name="q6_answer",
    prompt=lazy(
        "Counterfactual: had renovation spending been 20.5% of society-wide FAI in every year "
        "2005-2009 (the 1980 intensity), how much more would have been spent than Table 1's "
        "renovation, summed over the five years? In 亿元."
    ),
    expected=lambda: model.summary(_cf_1980())["cumulative_shortfall"],
    unit="亿元",
    tolerance=1.0,
    hints=(
        lazy("Each year: counterfactual = 20.5 / 100 × FAI; shortfall = counterfactual - Table 1."),
        lazy("Add the five yearly shortfalls."),
        lazy("`models.intensity.counterfactual_table(20.5)` has a 'shortfall' column."),
    ),
    solution_text=lazy(
        "{code}\n"
        "About 134,000亿元, some 10% of the period's GDP, or several hundred years of the 200亿元 "
        "yearly interest subsidy. But the 20.5% measures society-wide renovation investment "
        "(更新改造投资), a much broader concept than Table 1's spending by traditional "
        "enterprises: the shortfall mixes a change in intensity with a change in what is measured.",
        code=(
            "from retool.models import intensity\n"
            "table = intensity.counterfactual_table(data.claim_value('lme_share_1980'))\n"
            "q6_answer = table['shortfall'].sum()"
        ),
    ),
    mistakes=(
        Mistake(
            lazy("the 2009 shortfall only"),
            lambda: float(_cf_1980().loc[2009, "shortfall"]),
            lazy("the question asks for the sum over 2005-2009."),
        ),
        Mistake(
            lazy("the mean instead of the sum"),
            lambda: float(_cf_1980()["shortfall"].mean()),
            lazy("add the five years; do not average them."),
        ),
        Mistake(
            lazy("the counterfactual spending instead of the shortfall"),
            lambda: float(_cf_1980()["counterfactual"].sum()),
            lazy("subtract what Table 1 actually spent."),
        ),
    ),
)

q7 = ChoiceQuestion(
    qid="q7",
    answer_name="q7_answer",
    prompt=lazy(
        "Section 四.2 says China's intensity is 'about 1/10' of the USA's and Western Europe's. "
        "With 5.2% against 69% and 50%, which statement is right?"
    ),
    options={
        "A": (
            lazy("It is exactly 1/10 of both."),
            lazy(
                "5.2 / 69 is about 0.075 (1/13) and 5.2 / 50 about 0.104: close to 1/10 for "
                "Western Europe only."
            ),
        ),
        "B": (
            lazy(
                "About 1/13 of the USA and 1/10 of Western Europe, and the comparison mixes "
                "denominators."
            ),
            lazy(
                "5.2% is most likely a share of manufacturing FAI, 69% and 50% are shares of total "
                "investment, "
                "and the benchmarks have no source: the ratio is rough at best."
            ),
        ),
        "C": (
            lazy("About half of Western Europe's."),
            lazy("5.2 / 50 is about 0.1, not a half."),
        ),
        "D": (
            lazy("The ratio cannot be computed from the paper."),
            lazy("it can: all three numbers are printed; what is doubtful is their comparability."),
        ),
    },
    correct="B",
    hints=(
        lazy("Compute 5.2 / 69 and 5.2 / 50."),
        lazy("Which denominator is each percentage a share of?"),
    ),
    solution_text=lazy(
        "{code}\n"
        "rebuild.fraction_of_benchmark('us_share_1947_1978') is about 0.075 and "
        "rebuild.fraction_of_benchmark('west_europe_share_1950s') about 0.104.",
        code="q7_answer = 'B'",
    ),
)

q8 = CritiqueQuestion(
    qid="q8",
    answer_name="q8_answer",
    prompt=lazy(
        "Critique (about 150 words). Section 二.1 compares a renovation share of {y1980}% in "
        "1980 with {y2009}% in 2009 and concludes that renovation intensity collapsed. Are the "
        "two numbers measures of the same thing? Back your answer with numbers you recompute "
        "from data/ and say what would settle it.",
        y1980=data.claim("lme_share_1980")["value"],
        y2009=data.claim("lme_share_2009")["value"],
    ),
    words=150,
    rubric=critique_rubric(
        claim=lazy("states the comparison and what each share is a share of"),
        evidence=lazy(
            "recomputes the 1980 share and a 2009 share from data/ (Table 1 over total "
            "fixed investment, or the manufacturing share the 5.2% implies)"
        ),
        reasoning=lazy(
            "explains why a planning category of 1980 (society-wide, housing and "
            "infrastructure included) and a 2009 survey of enterprises are not comparable, and "
            "what survives of the claim"
        ),
        settle=lazy("names a series on one definition for both years, or a comparable benchmark"),
    ),
    hints=(
        lazy("Lesson 02 rebuilds the 1980 share from the yearbook's society-wide series."),
        lazy("For 2009, divide Table 1's renovation by `data.fai_series('fai_total')[2009]`."),
    ),
    solution_text=lazy(
        "The paper sets {y1980}% in 1980 against {y2009}% in 2009. The first rebuilds as "
        "{rebuilt}%: society-wide 更新改造 investment, a planning category of another era that "
        "includes housing and infrastructure work by every kind of unit. The second is "
        "enterprise spending on renovation; Table 1's spending over total fixed investment in "
        "2009 is only {table1}%, and the 5.2% holds only if manufacturing investment was about "
        "{mfg}% of all fixed investment, a denominator the paper does not show. So the fall is "
        "real in direction but its size mixes two definitions. The claim survives as "
        "'renovation lost ground'; the factor of four does not. A series of enterprise "
        "renovation on one definition across the 1990s and 2000s would settle it.",
        y1980=data.claim("lme_share_1980")["value"],
        y2009=data.claim("lme_share_2009")["value"],
        rebuilt=format(rebuild.renovation_share_1980(), ".2f"),
        table1=format(rebuild.renovation_share_of_fai().loc[2009], ".2f"),
        mfg=format(rebuild.implied_mfg_share_2009(), ".0f"),
    ),
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7, q8]
