"""Exercises for lesson 01 (the scale of renovation investment): Table 1, its growth, composition.

Eight questions: the 2009 row of Table 1, the four growth rates 2005→2009 the paper prints, one of
them at the paper's precision, the yearly growth of renovation spending, whether growth fell
"gradually", the composition of the total, the average annual growth, and a written critique of
what 31.7% measures. Every expected value is computed from ``data/``.
"""

from __future__ import annotations

from .. import data, measures, rebuild
from .core import (  # noqa: F401 (summary is re-exported for the notebooks)
    ChoiceQuestion,
    CritiqueQuestion,
    Mistake,
    NumberQuestion,
    OpenQuestion,
    SeriesQuestion,
    critique_rubric,
    printed,
    summary,
    where,
)

FIRST, LAST = (int(y) for y in data.table1_wide().index[[0, -1]])


def _t1():
    return data.table1_wide()


def _growth(base=FIRST, end=LAST):
    return rebuild.table1_growth(base, end)


def _yearly_renovation():
    return rebuild.table1_yearly_growth()["renovation"].dropna()


q1 = SeriesQuestion(
    qid="q1",
    answer_name="q1_answer",
    prompt=(
        f"Rebuild the last row of Table 1: the four series in {LAST} (亿元), as a dict or Series "
        "keyed by 'renovation', 'foreign', 'assimilation', 'domestic'."
    ),
    expected=lambda: _t1().loc[LAST].to_dict(),
    unit="亿元",
    tolerance=0.005,
    hints=(
        "Table 1 is `data.table1_wide()`: years as rows, the four series as columns.",
        f"`.loc[{LAST}]` picks one year's row.",
    ),
    solution_text=(
        f"q1_answer = data.table1_wide().loc[{LAST}]\n"
        "The four numbers are those printed in the paper's Table 1 (lines 202-250 of the text)."
    ),
    mistakes=(
        Mistake(
            "the first year's row instead of the last",
            lambda: _t1().loc[FIRST].to_dict(),
            f"Table 1 starts in {FIRST}; the question asks for {LAST}.",
        ),
        Mistake(
            "values in yuan instead of 亿元",
            lambda: (_t1().loc[LAST] * 1e8).to_dict(),
            "Table 1 is in 亿元 (100 million yuan); keep that unit.",
        ),
    ),
)

q2 = SeriesQuestion(
    qid="q2",
    answer_name="q2_answer",
    prompt=(
        f"Rebuild the four growth rates {FIRST}→{LAST} that the paper prints in section 一.1, in "
        "percent, keyed by series name."
    ),
    expected=lambda: _growth().to_dict(),
    unit="percent",
    tolerance=0.01,
    hints=(
        "Growth = (end / start - 1) × 100, for each column at once.",
        f"`t = data.table1_wide()`, then `(t.loc[{LAST}] / t.loc[{FIRST}] - 1) * 100`.",
        f"Or `rebuild.table1_growth({FIRST}, {LAST})`.",
    ),
    solution_text=(
        f"t = data.table1_wide()\nq2_answer = (t.loc[{LAST}] / t.loc[{FIRST}] - 1) * 100\n"
        "All four round to the printed 31.7%, 55.79%, 265.96% and 117.83%."
    ),
    mistakes=(
        Mistake(
            "fractions instead of percentages",
            lambda: (_growth() / 100).to_dict(),
            "multiply by 100: the paper prints percent.",
        ),
        Mistake(
            "the ratio end / start instead of the growth",
            lambda: (_t1().loc[LAST] / _t1().loc[FIRST] * 100).to_dict(),
            "subtract 100%: growth is the change, not the level.",
        ),
        Mistake(
            "the ratio upside down (start / end)",
            lambda: measures.growth_pct(_t1().loc[LAST], _t1().loc[FIRST]).to_dict(),
            f"divide the {LAST} value by the {FIRST} value, not the other way round.",
        ),
    ),
)

ASSIM = "growth_2005_2009_assimilation"
q3 = NumberQuestion(
    qid="q3",
    answer_name="q3_answer",
    prompt=(
        f"The fastest-growing series is assimilation of imported technology. Give its growth "
        f"{FIRST}→{LAST} in percent, keeping all decimals: the check rounds as the paper does."
    ),
    expected=lambda: float(_growth()["assimilation"]),
    printed=printed(ASSIM),
    where=where(ASSIM),
    hints=(
        "The column is 'assimilation'.",
        "The paper prints two decimals here; do not round before comparing.",
    ),
    solution_text=(
        f"q3_answer = rebuild.table1_growth({FIRST}, {LAST})['assimilation']\n"
        "It rounds to the printed 265.96 at two decimals: the spending almost quadrupled."
    ),
    mistakes=(
        Mistake(
            "a fraction instead of a percentage",
            lambda: float(_growth()["assimilation"]) / 100,
            "multiply by 100.",
        ),
        Mistake(
            "the ratio end / start instead of the growth",
            lambda: float(_t1().loc[LAST, "assimilation"] / _t1().loc[FIRST, "assimilation"]) * 100,
            "subtract 100%: 'grew by' is the change.",
        ),
        Mistake(
            f"the wrong base year ({FIRST + 1} instead of {FIRST})",
            lambda: float(_growth(FIRST + 1, LAST)["assimilation"]),
            f"the paper compares {LAST} with {FIRST}.",
        ),
    ),
)

q4 = SeriesQuestion(
    qid="q4",
    answer_name="q4_answer",
    own_code=True,
    prompt=(
        "Give the growth of renovation spending over the previous year for each year "
        f"{FIRST + 1}-{LAST}, in percent, keyed by year."
    ),
    expected=lambda: _yearly_renovation().to_dict(),
    unit="percent",
    tolerance=0.01,
    hints=(
        "Each year is compared with the year before it, not with the first year.",
        "`data.table1_wide()['renovation'].pct_change() * 100`, then drop the first (empty) year.",
    ),
    solution_text=(
        "q4_answer = rebuild.table1_yearly_growth()['renovation'].dropna()\n"
        "About 8%, 21%, 15% and -12%: growth peaked in 2007 and was negative in 2009."
    ),
    mistakes=(
        Mistake(
            "fractions instead of percentages",
            lambda: (_yearly_renovation() / 100).to_dict(),
            "multiply by 100.",
        ),
        Mistake(
            "the change in 亿元 instead of the growth rate",
            lambda: _t1()["renovation"].diff().dropna().to_dict(),
            "divide the change by the previous year's value (and multiply by 100).",
        ),
        Mistake(
            f"growth since {FIRST} instead of over the previous year",
            lambda: {
                y: float(measures.growth_pct(_t1().loc[FIRST, "renovation"], v))
                for y, v in _t1()["renovation"].iloc[1:].items()
            },
            "yearly growth compares each year with the year before.",
        ),
    ),
)

q5 = ChoiceQuestion(
    qid="q5",
    answer_name="q5_answer",
    prompt=(
        "Section 一.2 says the growth of renovation investment fell quickly after 2004 and turned "
        "negative in 2009. What do Table 1's yearly growth rates show?"
    ),
    options={
        "A": (
            "Growth fell in every year from 2006 to 2009.",
            "check 2007: growth was higher than in 2006, so it did not fall every year.",
        ),
        "B": (
            "Growth rose from 2006 to 2007, slowed in 2008 and was negative in 2009.",
            "the slowdown is real but not gradual: 2007 was the fastest year, and only 2009 "
            "was negative.",
        ),
        "C": (
            "Growth was positive in every year.",
            "2009 is negative in Table 1 (and in the paper's -11.82% for all enterprises).",
        ),
        "D": (
            "Table 1 says nothing about growth after 2004.",
            "Table 1 starts in 2005, so growth from 2006 on can be computed from it; only the "
            "2005 rate is missing.",
        ),
    },
    correct="B",
    hints=("Look at your answer to q4, year by year.", "Compare 2006 with 2007."),
    solution_text=(
        "q5_answer = 'B'\n"
        "2006 about 8%, 2007 about 21%, 2008 about 15%, 2009 about -12%: the peak is in 2007. "
        "The paper's 'falling since 2004' rests on data before 2005 that its text does not give."
    ),
)

q6 = NumberQuestion(
    qid="q6",
    answer_name="q6_answer",
    prompt=(
        f"What share of the four series' total was technical renovation in {LAST}, in percent?"
    ),
    expected=lambda: float(rebuild.table1_composition().loc[LAST, "renovation"]),
    hints=(
        "Add the four series of the year, then divide renovation by that total.",
        "`rebuild.table1_composition()` gives every share, every year.",
    ),
    solution_text=(
        f"q6_answer = rebuild.table1_composition().loc[{LAST}, 'renovation']\n"
        "About 84%: renovation dominates; the three technology series together are about 16%."
    ),
    mistakes=(
        Mistake(
            "a fraction instead of a percentage",
            lambda: float(rebuild.table1_composition().loc[LAST, "renovation"]) / 100,
            "multiply by 100.",
        ),
        Mistake(
            "the share of the three technology series",
            lambda: 100 - float(rebuild.table1_composition().loc[LAST, "renovation"]),
            "the question asks for renovation's own share.",
        ),
        Mistake(
            f"the {FIRST} share",
            lambda: float(rebuild.table1_composition().loc[FIRST, "renovation"]),
            f"use the {LAST} row.",
        ),
    ),
)

q7 = NumberQuestion(
    qid="q7",
    answer_name="q7_answer",
    prompt=(
        f"The paper's 31.7% is growth over {LAST - FIRST} years. What constant yearly growth rate "
        "(compound annual growth rate) gives the same total growth? In percent."
    ),
    expected=lambda: float(
        measures.cagr_pct(
            _t1().loc[FIRST, "renovation"], _t1().loc[LAST, "renovation"], LAST - FIRST
        )
    ),
    hints=(
        f"(end / start) ** (1 / years) - 1, with years = {LAST} - {FIRST}.",
        f"`measures.cagr_pct(start, end, {LAST - FIRST})`.",
    ),
    solution_text=(
        "t = data.table1_wide()['renovation']\n"
        f"q7_answer = measures.cagr_pct(t[{FIRST}], t[{LAST}], {LAST - FIRST})\n"
        "About 7.1% a year. Dividing 31.7% by 4 (7.9%) ignores compounding."
    ),
    mistakes=(
        Mistake(
            "total growth divided by the number of years (no compounding)",
            lambda: float(_growth()["renovation"]) / (LAST - FIRST),
            "growth compounds: take the 4th root of the ratio end / start.",
        ),
        Mistake(
            "five years instead of four",
            lambda: float(
                measures.cagr_pct(
                    _t1().loc[FIRST, "renovation"], _t1().loc[LAST, "renovation"], LAST - FIRST + 1
                )
            ),
            f"from {FIRST} to {LAST} there are {LAST - FIRST} steps, not {LAST - FIRST + 1}.",
        ),
        Mistake(
            "the mean of the yearly growth rates",
            lambda: float(_yearly_renovation().mean()),
            "an arithmetic mean of yearly rates does not compound back to the total.",
        ),
    ),
)

def _cagr_renovation() -> float:
    t = _t1()["renovation"]
    return float(measures.cagr_pct(t[FIRST], t[LAST], LAST - FIRST))


def _share_of_fai(year: int) -> float:
    return float(rebuild.renovation_share_of_fai().loc[year])


q8 = CritiqueQuestion(
    qid="q8",
    answer_name="q8_answer",
    prompt=(
        "Critique (about 150 words). Section 一.1 reads the 31.7% growth of renovation spending "
        f"{FIRST}→{LAST} as a sign that renovation investment grew. Is that the right reading? "
        "Back your answer with at least one number you recompute from data/ (for example the "
        "yearly rate, or renovation spending against total fixed investment) and say what data "
        "would settle it."
    ),
    words=150,
    rubric=critique_rubric(
        claim="states what 31.7% measures: nominal growth over four years, traditional large "
        "and medium-sized enterprises only",
        evidence="recomputes the compound yearly rate or renovation's share of fixed "
        "investment and shows how it was computed",
        reasoning="separates growth in yuan from growth in real effort or relative effort "
        "(prices, the economy growing around it)",
        settle="names the missing series (an investment price index, a longer run of years)",
    ),
    hints=(
        "Turn 31.7% into a yearly rate first (q7).",
        "Divide Table 1's renovation spending by total fixed investment, "
        "`data.fai_series('fai_total')`, in each year.",
    ),
    solution_text=(
        f"The 31.7% is growth in current yuan over four years for traditional large and "
        f"medium-sized enterprises only. As a yearly rate it is about "
        f"{_cagr_renovation():.1f}%, "
        "which is modest for years in which prices of investment goods also rose, and Table 1 "
        "is not deflated. Set against the economy's investment, the picture turns: renovation "
        f"spending was {_share_of_fai(FIRST):.2f}% of total fixed investment in {FIRST} and "
        f"{_share_of_fai(LAST):.2f}% in {LAST}. So the money grew, but renovation fell behind "
        "the rest of investment, which is in fact the paper's own concern in 一.2. The sentence "
        "is true but incomplete: growth in yuan is not growth in effort. An investment price "
        "index for equipment, and a longer series that includes the years before 2005, would "
        "show whether real renovation rose at all."
    ),
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7, q8]
