"""Exercises for lesson 01 (the scale of renovation investment): Table 1, its growth, composition.

Eight questions: the 2009 row of Table 1, the four growth rates 2005→2009 the paper prints, one of
them at the paper's precision, the yearly growth of renovation spending, whether growth fell
"gradually", the composition of the total, the average annual growth, and a written critique of
what 31.7% measures. Every expected value is computed from ``data/``.
"""

from __future__ import annotations

from .. import data, measures, rebuild
from ..i18n import lazy
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
    prompt=lazy(
        "Rebuild the last row of Table 1: the four series in {last} (亿元), as a dict or "
        "Series keyed by 'renovation', 'foreign', 'assimilation', 'domestic'.",
        last=LAST,
    ),
    expected=lambda: _t1().loc[LAST].to_dict(),
    unit="亿元",
    tolerance=0.005,
    hints=(
        lazy("Table 1 is `data.table1_wide()`: years as rows, the four series as columns."),
        lazy(
            "`.loc[{last}]` picks one year's row.",
            last=LAST,
        ),
    ),
    solution_text=lazy(
        "q1_answer = data.table1_wide().loc[{last}]\n"
        "The four numbers are those printed in the paper's Table 1 (lines 202-250 of the "
        "text).",
        last=LAST,
    ),
    mistakes=(
        Mistake(
            lazy("the first year's row instead of the last"),
            lambda: _t1().loc[FIRST].to_dict(),
            lazy(
                "Table 1 starts in {first}; the question asks for {last}.",
                first=FIRST,
                last=LAST,
            ),
        ),
        Mistake(
            lazy("values in yuan instead of 亿元"),
            lambda: (_t1().loc[LAST] * 1e8).to_dict(),
            lazy("Table 1 is in 亿元 (100 million yuan); keep that unit."),
        ),
    ),
)

q2 = SeriesQuestion(
    qid="q2",
    answer_name="q2_answer",
    prompt=lazy(
        "Rebuild the four growth rates {first}→{last} that the paper prints in section 一.1, "
        "in percent, keyed by series name.",
        first=FIRST,
        last=LAST,
    ),
    expected=lambda: _growth().to_dict(),
    unit="percent",
    tolerance=0.01,
    hints=(
        lazy("Growth = (end / start - 1) × 100, for each column at once."),
        lazy(
            "`t = data.table1_wide()`, then `(t.loc[{last}] / t.loc[{first}] - 1) * 100`.",
            last=LAST,
            first=FIRST,
        ),
        lazy(
            "Or `rebuild.table1_growth({first}, {last})`.",
            first=FIRST,
            last=LAST,
        ),
    ),
    solution_text=lazy(
        "t = data.table1_wide()\n"
        "q2_answer = (t.loc[{last}] / t.loc[{first}] - 1) * 100\n"
        "All four round to the printed 31.7%, 55.79%, 265.96% and 117.83%.",
        last=LAST,
        first=FIRST,
    ),
    mistakes=(
        Mistake(
            lazy("fractions instead of percentages"),
            lambda: (_growth() / 100).to_dict(),
            lazy("multiply by 100: the paper prints percent."),
        ),
        Mistake(
            lazy("the ratio end / start instead of the growth"),
            lambda: (_t1().loc[LAST] / _t1().loc[FIRST] * 100).to_dict(),
            lazy("subtract 100%: growth is the change, not the level."),
        ),
        Mistake(
            lazy("the ratio upside down (start / end)"),
            lambda: measures.growth_pct(_t1().loc[LAST], _t1().loc[FIRST]).to_dict(),
            lazy(
                "divide the {last} value by the {first} value, not the other way round.",
                last=LAST,
                first=FIRST,
            ),
        ),
    ),
)

ASSIM = "growth_2005_2009_assimilation"
q3 = NumberQuestion(
    qid="q3",
    answer_name="q3_answer",
    prompt=lazy(
        "The fastest-growing series is assimilation of imported technology. Give its growth "
        "{first}→{last} in percent, keeping all decimals: the check rounds as the paper does.",
        first=FIRST,
        last=LAST,
    ),
    expected=lambda: float(_growth()["assimilation"]),
    printed=printed(ASSIM),
    where=where(ASSIM),
    hints=(
        lazy("The column is 'assimilation'."),
        lazy("The paper prints two decimals here; do not round before comparing."),
    ),
    solution_text=lazy(
        "q3_answer = rebuild.table1_growth({first}, {last})['assimilation']\n"
        "It rounds to the printed 265.96 at two decimals: the spending almost quadrupled.",
        first=FIRST,
        last=LAST,
    ),
    mistakes=(
        Mistake(
            lazy("a fraction instead of a percentage"),
            lambda: float(_growth()["assimilation"]) / 100,
            lazy("multiply by 100."),
        ),
        Mistake(
            lazy("the ratio end / start instead of the growth"),
            lambda: float(_t1().loc[LAST, "assimilation"] / _t1().loc[FIRST, "assimilation"]) * 100,
            lazy("subtract 100%: 'grew by' is the change."),
        ),
        Mistake(
            lazy(
                "the wrong base year ({next} instead of {first})",
                next=FIRST + 1,
                first=FIRST,
            ),
            lambda: float(_growth(FIRST + 1, LAST)["assimilation"]),
            lazy(
                "the paper compares {last} with {first}.",
                last=LAST,
                first=FIRST,
            ),
        ),
    ),
)

q4 = SeriesQuestion(
    qid="q4",
    answer_name="q4_answer",
    own_code=True,
    prompt=lazy(
        "Give the growth of renovation spending over the previous year for each year "
        "{next}-{last}, in percent, keyed by year.",
        next=FIRST + 1,
        last=LAST,
    ),
    expected=lambda: _yearly_renovation().to_dict(),
    unit="percent",
    tolerance=0.01,
    hints=(
        lazy("Each year is compared with the year before it, not with the first year."),
        lazy(
            "`data.table1_wide()['renovation'].pct_change() * 100`, then drop the first "
            "(empty) year."
        ),
    ),
    solution_text=lazy(
        "q4_answer = rebuild.table1_yearly_growth()['renovation'].dropna()\n"
        "About 8%, 21%, 15% and -12%: growth peaked in 2007 and was negative in 2009."
    ),
    mistakes=(
        Mistake(
            lazy("fractions instead of percentages"),
            lambda: (_yearly_renovation() / 100).to_dict(),
            lazy("multiply by 100."),
        ),
        Mistake(
            lazy("the change in 亿元 instead of the growth rate"),
            lambda: _t1()["renovation"].diff().dropna().to_dict(),
            lazy("divide the change by the previous year's value (and multiply by 100)."),
        ),
        Mistake(
            lazy(
                "growth since {first} instead of over the previous year",
                first=FIRST,
            ),
            lambda: {
                y: float(measures.growth_pct(_t1().loc[FIRST, "renovation"], v))
                for y, v in _t1()["renovation"].iloc[1:].items()
            },
            lazy("yearly growth compares each year with the year before."),
        ),
    ),
)

q5 = ChoiceQuestion(
    qid="q5",
    answer_name="q5_answer",
    prompt=lazy(
        "Section 一.2 says the growth of renovation investment fell quickly after 2004 and "
        "turned negative in 2009. What do Table 1's yearly growth rates show?"
    ),
    options={
        "A": (
            lazy("Growth fell in every year from 2006 to 2009."),
            lazy("check 2007: growth was higher than in 2006, so it did not fall every year."),
        ),
        "B": (
            lazy("Growth rose from 2006 to 2007, slowed in 2008 and was negative in 2009."),
            lazy(
                "the slowdown is real but not gradual: 2007 was the fastest year, and only "
                "2009 was negative."
            ),
        ),
        "C": (
            lazy("Growth was positive in every year."),
            lazy("2009 is negative in Table 1 (and in the paper's -11.82% for all enterprises)."),
        ),
        "D": (
            lazy("Table 1 says nothing about growth after 2004."),
            lazy(
                "Table 1 starts in 2005, so growth from 2006 on can be computed from it; "
                "only the 2005 rate is missing."
            ),
        ),
    },
    correct="B",
    hints=(lazy("Look at your answer to q4, year by year."), lazy("Compare 2006 with 2007.")),
    solution_text=lazy(
        "q5_answer = 'B'\n"
        "2006 about 8%, 2007 about 21%, 2008 about 15%, 2009 about -12%: the peak is in "
        "2007. The paper's 'falling since 2004' rests on data before 2005 that its text does "
        "not give."
    ),
)

q6 = NumberQuestion(
    qid="q6",
    answer_name="q6_answer",
    prompt=lazy(
        "What share of the four series' total was technical renovation in {last}, in percent?",
        last=LAST,
    ),
    expected=lambda: float(rebuild.table1_composition().loc[LAST, "renovation"]),
    hints=(
        lazy("Add the four series of the year, then divide renovation by that total."),
        lazy("`rebuild.table1_composition()` gives every share, every year."),
    ),
    solution_text=lazy(
        "q6_answer = rebuild.table1_composition().loc[{last}, 'renovation']\n"
        "About 84%: renovation dominates; the three technology series together are about 16%.",
        last=LAST,
    ),
    mistakes=(
        Mistake(
            lazy("a fraction instead of a percentage"),
            lambda: float(rebuild.table1_composition().loc[LAST, "renovation"]) / 100,
            lazy("multiply by 100."),
        ),
        Mistake(
            lazy("the share of the three technology series"),
            lambda: 100 - float(rebuild.table1_composition().loc[LAST, "renovation"]),
            lazy("the question asks for renovation's own share."),
        ),
        Mistake(
            lazy(
                "the {first} share",
                first=FIRST,
            ),
            lambda: float(rebuild.table1_composition().loc[FIRST, "renovation"]),
            lazy(
                "use the {last} row.",
                last=LAST,
            ),
        ),
    ),
)

q7 = NumberQuestion(
    qid="q7",
    answer_name="q7_answer",
    prompt=lazy(
        "The paper's 31.7% is growth over {years} years. What constant yearly growth rate "
        "(compound annual growth rate) gives the same total growth? In percent.",
        years=LAST - FIRST,
    ),
    expected=lambda: float(
        measures.cagr_pct(
            _t1().loc[FIRST, "renovation"], _t1().loc[LAST, "renovation"], LAST - FIRST
        )
    ),
    hints=(
        lazy(
            "(end / start) ** (1 / years) - 1, with years = {last} - {first}.",
            last=LAST,
            first=FIRST,
        ),
        lazy(
            "`measures.cagr_pct(start, end, {years})`.",
            years=LAST - FIRST,
        ),
    ),
    solution_text=lazy(
        "t = data.table1_wide()['renovation']\n"
        "q7_answer = measures.cagr_pct(t[{first}], t[{last}], {years})\n"
        "About 7.1% a year. Dividing 31.7% by 4 (7.9%) ignores compounding.",
        first=FIRST,
        last=LAST,
        years=LAST - FIRST,
    ),
    mistakes=(
        Mistake(
            lazy("total growth divided by the number of years (no compounding)"),
            lambda: float(_growth()["renovation"]) / (LAST - FIRST),
            lazy("growth compounds: take the 4th root of the ratio end / start."),
        ),
        Mistake(
            lazy("five years instead of four"),
            lambda: float(
                measures.cagr_pct(
                    _t1().loc[FIRST, "renovation"], _t1().loc[LAST, "renovation"], LAST - FIRST + 1
                )
            ),
            lazy(
                "from {first} to {last} there are {years} steps, not {years_plus_one}.",
                first=FIRST,
                last=LAST,
                years=LAST - FIRST,
                years_plus_one=LAST - FIRST + 1,
            ),
        ),
        Mistake(
            lazy("the mean of the yearly growth rates"),
            lambda: float(_yearly_renovation().mean()),
            lazy("an arithmetic mean of yearly rates does not compound back to the total."),
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
    prompt=lazy(
        "Critique (about 150 words). Section 一.1 reads the 31.7% growth of renovation "
        "spending {first}→{last} as a sign that renovation investment grew. Is that the "
        "right reading? Back your answer with at least one number you recompute from data/ "
        "(for example the yearly rate, or renovation spending against total fixed "
        "investment) and say what data would settle it.",
        first=FIRST,
        last=LAST,
    ),
    words=150,
    rubric=critique_rubric(
        claim=lazy(
            "states what 31.7% measures: nominal growth over four years, traditional large "
            "and medium-sized enterprises only"
        ),
        evidence=lazy(
            "recomputes the compound yearly rate or renovation's share of fixed investment "
            "and shows how it was computed"
        ),
        reasoning=lazy(
            "separates growth in yuan from growth in real effort or relative effort (prices, "
            "the economy growing around it)"
        ),
        settle=lazy("names the missing series (an investment price index, a longer run of years)"),
    ),
    hints=(
        lazy("Turn 31.7% into a yearly rate first (q7)."),
        lazy(
            "Divide Table 1's renovation spending by total fixed investment, "
            "`data.fai_series('fai_total')`, in each year."
        ),
    ),
    solution_text=lazy(
        "The 31.7% is growth in current yuan over four years for traditional large and "
        "medium-sized enterprises only. As a yearly rate it is about {cagr:.1f}%, which is "
        "modest for years in which prices of investment goods also rose, and Table 1 is not "
        "deflated. Set against the economy's investment, the picture turns: renovation "
        "spending was {share_first:.2f}% of total fixed investment in {first} and "
        "{share_last:.2f}% in {last}. So the money grew, but renovation fell behind the rest "
        "of investment, which is in fact the paper's own concern in 一.2. The sentence is "
        "true but incomplete: growth in yuan is not growth in effort. An investment price "
        "index for equipment, and a longer series that includes the years before 2005, would "
        "show whether real renovation rose at all.",
        cagr=_cagr_renovation(),
        share_first=_share_of_fai(FIRST),
        first=FIRST,
        share_last=_share_of_fai(LAST),
        last=LAST,
    ),
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7, q8]
