"""Exercises for lesson 05 (informatisation): Table 2's ranks, growth and CAGR of the IDICN index,
China's gap to the leader and to the top-ten mean, and the years China needs to catch up.

Every expected value is computed from ``data/`` (Table 2) with :mod:`retool.models.idicn` and
:mod:`retool.measures`.
"""

from __future__ import annotations

from .. import data, measures
from ..models import idicn as model
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

FIRST, LAST, CHN = model.FIRST, model.LAST, model.CHINA


def _t():
    return data.table2_wide()


def _ranks() -> dict:
    return model.ranks_2008()["rank_rebuilt"].drop(CHN).astype(int).to_dict()


def _printed_ranks() -> dict:
    return model.ranks_2008()["rank_printed"].drop(CHN).astype(int).to_dict()


def _china(year: int) -> float:
    return float(_t().loc[CHN, year])


def _leader_value(year: int = LAST) -> float:
    return float(_t()[year].max())


def _gap() -> float:
    return float(model.china_gap()["gap_to_leader_pct_of_leader"])


q1 = SeriesQuestion(
    qid="q1",
    answer_name="q1_answer",
    prompt=(
        f"Rebuild the {LAST} ranks of the ten leading countries from their {LAST} index values in "
        "Table 2 (1 = highest). Countries with the same printed value share the better rank "
        "(pandas: `rank(ascending=False, method='min')`). Give a dict or Series keyed by ISO code."
    ),
    expected=_ranks,
    unit="rank",
    tolerance=0.0,
    hints=(
        f"`data.table2_wide()` has countries as rows and years as columns; take the {LAST} column "
        "and drop China ('CHN').",
        "`measures.rank_desc(values)` ranks from the largest, ties sharing the better rank.",
        "Compare with `data.table2_rank()`: where do your ranks differ from the printed ones?",
    ),
    solution_text=(
        f"v = data.table2_wide()[{LAST}].drop('CHN')\nq1_answer = measures.rank_desc(v)\n"
        "Two pairs tie at three decimals (Denmark and Norway, the United States and Switzerland): "
        "they share a rank, while the paper prints them one after the other. The printed order "
        "must rest on more digits than the table shows."
    ),
    mistakes=(
        Mistake(
            "the printed ranks",
            _printed_ranks,
            "those are the paper's ranks; rebuilt from the printed values, tied countries share "
            "the better rank.",
        ),
        Mistake(
            "ranks in ascending order (1 = lowest)",
            lambda: _t()[LAST].drop(CHN).rank(method="min").astype(int).to_dict(),
            "rank 1 goes to the highest index: `ascending=False`.",
        ),
    ),
)

q2 = NumberQuestion(
    qid="q2",
    answer_name="q2_answer",
    own_code=True,
    prompt=f"By how many percent did China's IDICN index grow from {FIRST} to {LAST}?",
    expected=lambda: measures.growth_pct(_china(FIRST), _china(LAST)),
    unit="percent",
    tolerance=0.05,
    hints=(
        "Growth = (end / start - 1) × 100.",
        f"`data.table2_wide().loc['CHN', {FIRST}]` and `.loc['CHN', {LAST}]`.",
    ),
    solution_text=(
        f"t = data.table2_wide()\nq2_answer = (t.loc['CHN', {LAST}] / t.loc['CHN', {FIRST}] - 1) "
        "* 100"
        f"\n≈ {measures.growth_pct(_china(FIRST), _china(LAST)):.1f}%, more than any of the ten "
        "leading countries."
    ),
    mistakes=(
        Mistake(
            "a fraction instead of a percentage",
            lambda: measures.growth_pct(_china(FIRST), _china(LAST)) / 100,
            "multiply by 100.",
        ),
        Mistake(
            f"the wrong base year ({FIRST + 1} instead of {FIRST})",
            lambda: measures.growth_pct(_china(FIRST + 1), _china(LAST)),
            f"Table 2 starts in {FIRST}.",
        ),
        Mistake(
            "the absolute change of the index instead of the growth",
            lambda: _china(LAST) - _china(FIRST),
            "growth is relative to the start: (end / start - 1) × 100.",
        ),
    ),
)

q3 = NumberQuestion(
    qid="q3",
    answer_name="q3_answer",
    prompt=(
        f"What is the compound annual growth rate (CAGR) of China's index from {FIRST} to {LAST}, "
        "in percent a year?"
    ),
    expected=lambda: model.cagr(CHN),
    unit="percent",
    tolerance=0.02,
    hints=(
        "CAGR = (end / start)^(1 / years) - 1, times 100.",
        f"How many years of growth lie between {FIRST} and {LAST}? Count the steps, not the "
        "columns.",
        f"`measures.cagr_pct(start, end, {LAST - FIRST})`.",
    ),
    solution_text=(
        f"t = data.table2_wide()\nq3_answer = measures.cagr_pct(t.loc['CHN', {FIRST}], "
        f"t.loc['CHN', {LAST}], {LAST - FIRST})\n≈ {model.cagr(CHN):.2f}% a year: nine columns, "
        f"but {LAST - FIRST} years of growth."
    ),
    mistakes=(
        Mistake(
            f"{LAST - FIRST + 1} years instead of {LAST - FIRST}",
            lambda: measures.cagr_pct(_china(FIRST), _china(LAST), LAST - FIRST + 1),
            f"from {FIRST} to {LAST} there are {LAST - FIRST} steps of one year.",
        ),
        Mistake(
            "the total growth divided by the years (no compounding)",
            lambda: measures.growth_pct(_china(FIRST), _china(LAST)) / (LAST - FIRST),
            "growth compounds: use (end / start)^(1/years) - 1.",
        ),
        Mistake(
            "a fraction instead of a percentage",
            lambda: model.cagr(CHN) / 100,
            "multiply by 100.",
        ),
    ),
)

q4 = SeriesQuestion(
    qid="q4",
    answer_name="q4_answer",
    prompt=(
        f"Now the CAGR {FIRST}-{LAST} of all eleven countries of Table 2, in percent a year, keyed "
        "by ISO code. Which country grew fastest?"
    ),
    expected=lambda: model.growth()["cagr_pct"].to_dict(),
    unit="percent",
    tolerance=0.02,
    hints=(
        "Do q3 for every row at once: pandas divides column by column.",
        f"`t = data.table2_wide()`, then `measures.cagr_pct(t[{FIRST}], t[{LAST}], "
        f"{LAST - FIRST})`.",
    ),
    solution_text=(
        f"t = data.table2_wide()\nq4_answer = measures.cagr_pct(t[{FIRST}], t[{LAST}], "
        f"{LAST - FIRST})\nChina grew fastest; the leader, {model.names()[model.leader()]}, grew "
        f"{model.cagr(model.leader()):.2f}% a year."
    ),
    mistakes=(
        Mistake(
            f"{LAST - FIRST + 1} years instead of {LAST - FIRST}",
            lambda: measures.cagr_pct(_t()[FIRST], _t()[LAST], LAST - FIRST + 1).to_dict(),
            f"from {FIRST} to {LAST} there are {LAST - FIRST} years of growth.",
        ),
        Mistake(
            "the total growth instead of the annual rate",
            lambda: model.growth()["growth_pct"].to_dict(),
            "the question asks for the compound annual rate, not the growth over the whole period.",
        ),
    ),
)

q5 = NumberQuestion(
    qid="q5",
    answer_name="q5_answer",
    prompt=(
        f"In {LAST}, how far was China behind the leader, as a percentage of the leader's index?"
    ),
    expected=_gap,
    unit="percent",
    tolerance=0.05,
    hints=(
        f"The leader is the country with the highest {LAST} value: `t[{LAST}].max()`.",
        "Relative gap = (leader - China) / leader × 100.",
    ),
    solution_text=(
        f"v = data.table2_wide()[{LAST}]\nq5_answer = (v.max() - v['CHN']) / v.max() * 100\n"
        f"≈ {_gap():.1f}%: China's index was about {100 - _gap():.0f}% of the leader's."
    ),
    mistakes=(
        Mistake(
            "China as a percentage of the leader (not the gap)",
            lambda: measures.share_pct(_china(LAST), _leader_value()),
            "that is China's level relative to the leader; the gap is 100 minus it.",
        ),
        Mistake(
            "the gap relative to China instead of the leader",
            lambda: measures.share_pct(_leader_value() - _china(LAST), _china(LAST)),
            "divide by the leader's index, not China's.",
        ),
        Mistake(
            "the absolute gap in index points",
            lambda: _leader_value() - _china(LAST),
            "express the gap as a percentage of the leader's index.",
        ),
    ),
)

q6 = NumberQuestion(
    qid="q6",
    answer_name="q6_answer",
    prompt=(
        f"What was China's absolute gap (in index points) to the mean of the ten leading countries "
        f"in {LAST}?"
    ),
    expected=lambda: float(model.china_gap()["gap_to_top10_mean"]),
    unit="index points",
    tolerance=0.0005,
    hints=(
        "The mean of the ten countries that Table 2 shows beside China; leave China out.",
        f"`t[{LAST}].drop('CHN').mean() - t.loc['CHN', {LAST}]`.",
    ),
    solution_text=(
        f"v = data.table2_wide()[{LAST}]\nq6_answer = v.drop('CHN').mean() - v['CHN']\n"
        f"≈ {model.china_gap()['gap_to_top10_mean']:.3f} points, "
        f"{model.china_gap()['gap_to_top10_mean_pct_of_mean']:.1f}% of the top-ten mean."
    ),
    mistakes=(
        Mistake(
            "the mean of all eleven countries, China included",
            lambda: float(_t()[LAST].mean() - _china(LAST)),
            "the top-ten mean leaves China out.",
        ),
        Mistake(
            "the sum instead of the mean",
            lambda: float(_t()[LAST].drop(CHN).sum() - _china(LAST)),
            "average the ten values (divide the sum by ten).",
        ),
    ),
)

_years = model.years_to_catch_up()
q7 = NumberQuestion(
    qid="q7",
    answer_name="q7_answer",
    prompt=(
        f"Suppose China and the leader keep growing at their {FIRST}-{LAST} CAGRs. How many years "
        f"after {LAST} would China's index reach the leader's?"
    ),
    expected=model.years_to_catch_up,
    unit="years",
    tolerance=0.5,
    hints=(
        "Solve China × (1 + g_c)^n = leader × (1 + g_l)^n for n.",
        "n = ln(leader / China) / ln((1 + g_c) / (1 + g_l)).",
        "`measures.years_to_close(gap, g_china, g_leader, china_level)` does it; the gap is "
        "leader - China.",
    ),
    solution_text=(
        f"v = data.table2_wide()[{LAST}]\n"
        "q7_answer = measures.years_to_close(v.max() - v['CHN'], model.cagr('CHN'), "
        "model.cagr(model.leader()), v['CHN'])\n"
        f"≈ {_years:.1f} years, around {LAST + _years:.0f}, and only if both keep their pace."
    ),
    mistakes=(
        Mistake(
            "the calendar year instead of the number of years",
            lambda: LAST + model.years_to_catch_up(),
            f"count the years from {LAST}.",
        ),
        Mistake(
            f"years counted from {FIRST} instead of {LAST}",
            lambda: LAST - FIRST + model.years_to_catch_up(),
            f"the projection starts from the {LAST} values.",
        ),
        Mistake(
            "a straight-line projection (the gap closing by the same index points each year)",
            lambda: (
                (_leader_value() - _china(LAST))
                / (
                    (_china(LAST) - _china(FIRST)) / (LAST - FIRST)
                    - (_leader_value() - float(_t().loc[model.leader(), FIRST])) / (LAST - FIRST)
                )
            ),
            "the question assumes compound growth at constant rates.",
        ),
    ),
)

_RANK = int(data.claim_value("china_rank_2008"))
_N = int(data.claim_value("idicn_countries"))
_MISSING = _N - len(data.table2_wide())
def _lead() -> str:
    return model.leader()


q8 = CritiqueQuestion(
    qid="q8",
    answer_name="q8_answer",
    prompt=(
        "Critique (about 150 words). Lesson 05 turns Table 2's growth rates into the years China "
        "would need to catch up with the leader. What does that number rest on, and would you "
        "put it in a policy brief? Back your answer with numbers you recompute from Table 2 and "
        "say what would make the projection credible."
    ),
    words=150,
    rubric=critique_rubric(
        claim="states what the catch-up projection assumes (constant 2000-2008 growth rates)",
        evidence="recomputes China's and the leader's compound yearly growth from Table 2",
        reasoning="explains why an index bounded by its construction, and growth from a low "
        "base, make a constant-rate extrapolation fragile",
        settle="names what would test it (later editions of the index, the same method)",
    ),
    hints=(
        "Compute the compound yearly growth 2000→2008 for China and the leader (q3, q4).",
        "Can an index of informatisation grow at the same rate for ever?",
    ),
    solution_text=(
        "The projection assumes that China and the leader keep their 2000-2008 growth rates. "
        f"Recomputed from Table 2, China's index grew about {model.cagr('CHN'):.1f}% a year and "
        f"the leader's ({_lead()}) about {model.cagr(_lead()):.1f}%. China's speed comes partly "
        "from a low base: growth rates of such indices fall as a country approaches the "
        "frontier, because the index is built from penetration rates that cannot pass full "
        "coverage. Extrapolating the gap therefore gives a lower bound on the time needed at "
        "best, and a number with false precision at worst. The table also ranks the eleven "
        "countries it shows, not the world. I would put the growth rates in a brief, not the "
        "catch-up year. Later editions of the same index, on the same method, would show "
        "whether China's growth held up."
    ),
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7, q8]
