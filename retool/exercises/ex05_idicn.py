"""Exercises for lesson 05 (informatisation): Table 2's ranks, growth and CAGR of the IDICN index,
China's gap to the leader and to the top-ten mean, and the years China needs to catch up.

Every expected value is computed from ``data/`` (Table 2) with :mod:`retool.models.idicn` and
:mod:`retool.measures`.
"""

from __future__ import annotations

from .. import data, i18n, measures
from ..i18n import lazy
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
    prompt=lazy(
        "Rebuild the {last} ranks of the ten leading countries from their {last} index values in "
        "Table 2 (1 = highest). Countries with the same printed value share the better rank "
        "(pandas: `rank(ascending=False, method='min')`). Give a dict or Series keyed by ISO code.",
        last=LAST,
    ),
    expected=_ranks,
    unit="rank",
    tolerance=0.0,
    hints=(
        lazy(
            "`data.table2_wide()` has countries as rows and years as columns; take the {last} "
            "column and drop China ('CHN').",
            last=LAST,
        ),
        lazy("`measures.rank_desc(values)` ranks from the largest, ties sharing the better rank."),
        lazy(
            "Compare with `data.table2_rank()`: where do your ranks differ from the printed ones?"
        ),
    ),
    solution_text=lazy(
        "{code}\nTwo pairs tie at three decimals (Denmark and Norway, the United States and "
        "Switzerland): they share a rank, while the paper prints them one after the other. The "
        "printed order must rest on more digits than the table shows.",
        code=(
            f"v = data.table2_wide()[{LAST}].drop('CHN')\nq1_answer = measures.rank_desc(v)"
        ),
    ),
    mistakes=(
        Mistake(
            lazy("the printed ranks"),
            _printed_ranks,
            lazy(
                "those are the paper's ranks; rebuilt from the printed values, tied countries "
                "share the better rank."
            ),
        ),
        Mistake(
            lazy("ranks in ascending order (1 = lowest)"),
            lambda: _t()[LAST].drop(CHN).rank(method="min").astype(int).to_dict(),
            lazy("rank 1 goes to the highest index: `ascending=False`."),
        ),
    ),
)

q2 = NumberQuestion(
    qid="q2",
    answer_name="q2_answer",
    own_code=True,
    prompt=lazy(
        "By how many percent did China's IDICN index grow from {first} to {last}?",
        first=FIRST,
        last=LAST,
    ),
    expected=lambda: measures.growth_pct(_china(FIRST), _china(LAST)),
    unit="percent",
    tolerance=0.05,
    hints=(
        lazy("Growth = (end / start - 1) × 100."),
        lazy(
            "`data.table2_wide().loc['CHN', {first}]` and `.loc['CHN', {last}]`.",
            first=FIRST,
            last=LAST,
        ),
    ),
    solution_text=lazy(
        "{code}\n≈ {growth}%, more than any of the ten leading countries.",
        code=(
            f"t = data.table2_wide()\n"
            f"q2_answer = (t.loc['CHN', {LAST}] / t.loc['CHN', {FIRST}] - 1) * 100"
        ),
        growth=format(measures.growth_pct(_china(FIRST), _china(LAST)), ".1f"),
    ),
    mistakes=(
        Mistake(
            lazy("a fraction instead of a percentage"),
            lambda: measures.growth_pct(_china(FIRST), _china(LAST)) / 100,
            lazy("multiply by 100."),
        ),
        Mistake(
            lazy("the wrong base year ({wrong} instead of {first})", wrong=FIRST + 1, first=FIRST),
            lambda: measures.growth_pct(_china(FIRST + 1), _china(LAST)),
            lazy("Table 2 starts in {first}.", first=FIRST),
        ),
        Mistake(
            lazy("the absolute change of the index instead of the growth"),
            lambda: _china(LAST) - _china(FIRST),
            lazy("growth is relative to the start: (end / start - 1) × 100."),
        ),
    ),
)

q3 = NumberQuestion(
    qid="q3",
    answer_name="q3_answer",
    prompt=lazy(
        "What is the compound annual growth rate (CAGR) of China's index from {first} to {last}, "
        "in percent a year?",
        first=FIRST,
        last=LAST,
    ),
    expected=lambda: model.cagr(CHN),
    unit="percent",
    tolerance=0.02,
    hints=(
        lazy("CAGR = (end / start)^(1 / years) - 1, times 100."),
        lazy(
            "How many years of growth lie between {first} and {last}? Count the steps, not the "
            "columns.",
            first=FIRST,
            last=LAST,
        ),
        lazy("`measures.cagr_pct(start, end, {years})`.", years=LAST - FIRST),
    ),
    solution_text=lazy(
        "{code}\n≈ {cagr}% a year: nine columns, but {years} years of growth.",
        code=(
            f"t = data.table2_wide()\nq3_answer = measures.cagr_pct(t.loc['CHN', {FIRST}], "
            f"t.loc['CHN', {LAST}], {LAST - FIRST})"
        ),
        cagr=format(model.cagr(CHN), ".2f"),
        years=LAST - FIRST,
    ),
    mistakes=(
        Mistake(
            lazy("{wrong} years instead of {years}", wrong=LAST - FIRST + 1, years=LAST - FIRST),
            lambda: measures.cagr_pct(_china(FIRST), _china(LAST), LAST - FIRST + 1),
            lazy(
                "from {first} to {last} there are {years} steps of one year.",
                first=FIRST,
                last=LAST,
                years=LAST - FIRST,
            ),
        ),
        Mistake(
            lazy("the total growth divided by the years (no compounding)"),
            lambda: measures.growth_pct(_china(FIRST), _china(LAST)) / (LAST - FIRST),
            lazy("growth compounds: use (end / start)^(1/years) - 1."),
        ),
        Mistake(
            lazy("a fraction instead of a percentage"),
            lambda: model.cagr(CHN) / 100,
            lazy("multiply by 100."),
        ),
    ),
)


class _CountryName:
    """A country's name in the language it is shown in (Table 2 gives both)."""

    def __init__(self, iso3: str):
        self.iso3 = iso3

    def __str__(self) -> str:
        return model.names("cn" if i18n.language() == "zh" else "en")[self.iso3]

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


q4 = SeriesQuestion(
    qid="q4",
    answer_name="q4_answer",
    prompt=lazy(
        "Now the CAGR {first}-{last} of all eleven countries of Table 2, in percent a year, keyed "
        "by ISO code. Which country grew fastest?",
        first=FIRST,
        last=LAST,
    ),
    expected=lambda: model.growth()["cagr_pct"].to_dict(),
    unit="percent",
    tolerance=0.02,
    hints=(
        lazy("Do q3 for every row at once: pandas divides column by column."),
        lazy(
            "`t = data.table2_wide()`, then `measures.cagr_pct(t[{first}], t[{last}], {years})`.",
            first=FIRST,
            last=LAST,
            years=LAST - FIRST,
        ),
    ),
    solution_text=lazy(
        "{code}\nChina grew fastest; the leader, {leader}, grew {cagr}% a year.",
        code=(
            f"t = data.table2_wide()\nq4_answer = measures.cagr_pct(t[{FIRST}], t[{LAST}], "
            f"{LAST - FIRST})"
        ),
        leader=_CountryName(model.leader()),
        cagr=format(model.cagr(model.leader()), ".2f"),
    ),
    mistakes=(
        Mistake(
            lazy("{wrong} years instead of {years}", wrong=LAST - FIRST + 1, years=LAST - FIRST),
            lambda: measures.cagr_pct(_t()[FIRST], _t()[LAST], LAST - FIRST + 1).to_dict(),
            lazy(
                "from {first} to {last} there are {years} years of growth.",
                first=FIRST,
                last=LAST,
                years=LAST - FIRST,
            ),
        ),
        Mistake(
            lazy("the total growth instead of the annual rate"),
            lambda: model.growth()["growth_pct"].to_dict(),
            lazy(
                "the question asks for the compound annual rate, not the growth over the whole "
                "period."
            ),
        ),
    ),
)

q5 = NumberQuestion(
    qid="q5",
    answer_name="q5_answer",
    prompt=lazy(
        "In {last}, how far was China behind the leader, as a percentage of the leader's index?",
        last=LAST,
    ),
    expected=_gap,
    unit="percent",
    tolerance=0.05,
    hints=(
        lazy(
            "The leader is the country with the highest {last} value: `t[{last}].max()`.",
            last=LAST,
        ),
        lazy("Relative gap = (leader - China) / leader × 100."),
    ),
    solution_text=lazy(
        "{code}\n≈ {gap}%: China's index was about {level}% of the leader's.",
        code=(
            f"v = data.table2_wide()[{LAST}]\n"
            "q5_answer = (v.max() - v['CHN']) / v.max() * 100"
        ),
        gap=format(_gap(), ".1f"),
        level=format(100 - _gap(), ".0f"),
    ),
    mistakes=(
        Mistake(
            lazy("China as a percentage of the leader (not the gap)"),
            lambda: measures.share_pct(_china(LAST), _leader_value()),
            lazy("that is China's level relative to the leader; the gap is 100 minus it."),
        ),
        Mistake(
            lazy("the gap relative to China instead of the leader"),
            lambda: measures.share_pct(_leader_value() - _china(LAST), _china(LAST)),
            lazy("divide by the leader's index, not China's."),
        ),
        Mistake(
            lazy("the absolute gap in index points"),
            lambda: _leader_value() - _china(LAST),
            lazy("express the gap as a percentage of the leader's index."),
        ),
    ),
)

q6 = NumberQuestion(
    qid="q6",
    answer_name="q6_answer",
    prompt=lazy(
        "What was China's absolute gap (in index points) to the mean of the ten leading countries "
        "in {last}?",
        last=LAST,
    ),
    expected=lambda: float(model.china_gap()["gap_to_top10_mean"]),
    unit="index points",
    tolerance=0.0005,
    hints=(
        lazy("The mean of the ten countries that Table 2 shows beside China; leave China out."),
        lazy("`t[{last}].drop('CHN').mean() - t.loc['CHN', {last}]`.", last=LAST),
    ),
    solution_text=lazy(
        "{code}\n≈ {gap} points, {pct}% of the top-ten mean.",
        code=(
            f"v = data.table2_wide()[{LAST}]\n"
            "q6_answer = v.drop('CHN').mean() - v['CHN']"
        ),
        gap=format(model.china_gap()["gap_to_top10_mean"], ".3f"),
        pct=format(model.china_gap()["gap_to_top10_mean_pct_of_mean"], ".1f"),
    ),
    mistakes=(
        Mistake(
            lazy("the mean of all eleven countries, China included"),
            lambda: float(_t()[LAST].mean() - _china(LAST)),
            lazy("the top-ten mean leaves China out."),
        ),
        Mistake(
            lazy("the sum instead of the mean"),
            lambda: float(_t()[LAST].drop(CHN).sum() - _china(LAST)),
            lazy("average the ten values (divide the sum by ten)."),
        ),
    ),
)

_years = model.years_to_catch_up()
q7 = NumberQuestion(
    qid="q7",
    answer_name="q7_answer",
    prompt=lazy(
        "Suppose China and the leader keep growing at their {first}-{last} CAGRs. How many years "
        "after {last} would China's index reach the leader's?",
        first=FIRST,
        last=LAST,
    ),
    expected=model.years_to_catch_up,
    unit="years",
    tolerance=0.5,
    hints=(
        lazy("Solve China × (1 + g_c)^n = leader × (1 + g_l)^n for n."),
        lazy("n = ln(leader / China) / ln((1 + g_c) / (1 + g_l))."),
        lazy(
            "`measures.years_to_close(gap, g_china, g_leader, china_level)` does it; the gap is "
            "leader - China."
        ),
    ),
    solution_text=lazy(
        "{code}\n≈ {years} years, around {year}, and only if both keep their pace.",
        code=(
            f"v = data.table2_wide()[{LAST}]\n"
            "q7_answer = measures.years_to_close(v.max() - v['CHN'], model.cagr('CHN'), "
            "model.cagr(model.leader()), v['CHN'])"
        ),
        years=format(_years, ".1f"),
        year=format(LAST + _years, ".0f"),
    ),
    mistakes=(
        Mistake(
            lazy("the calendar year instead of the number of years"),
            lambda: LAST + model.years_to_catch_up(),
            lazy("count the years from {last}.", last=LAST),
        ),
        Mistake(
            lazy("years counted from {first} instead of {last}", first=FIRST, last=LAST),
            lambda: LAST - FIRST + model.years_to_catch_up(),
            lazy("the projection starts from the {last} values.", last=LAST),
        ),
        Mistake(
            lazy(
                "a straight-line projection (the gap closing by the same index points each year)"
            ),
            lambda: (
                (_leader_value() - _china(LAST))
                / (
                    (_china(LAST) - _china(FIRST)) / (LAST - FIRST)
                    - (_leader_value() - float(_t().loc[model.leader(), FIRST])) / (LAST - FIRST)
                )
            ),
            lazy("the question assumes compound growth at constant rates."),
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
    prompt=lazy(
        "Critique (about 150 words). Lesson 05 turns Table 2's growth rates into the years China "
        "would need to catch up with the leader. What does that number rest on, and would you "
        "put it in a policy brief? Back your answer with numbers you recompute from Table 2 and "
        "say what would make the projection credible."
    ),
    words=150,
    rubric=critique_rubric(
        claim=lazy("states what the catch-up projection assumes (constant 2000-2008 growth rates)"),
        evidence=lazy("recomputes China's and the leader's compound yearly growth from Table 2"),
        reasoning=lazy(
            "explains why an index bounded by its construction, and growth from a low base, make "
            "a constant-rate extrapolation fragile"
        ),
        settle=lazy("names what would test it (later editions of the index, the same method)"),
    ),
    hints=(
        lazy("Compute the compound yearly growth 2000→2008 for China and the leader (q3, q4)."),
        lazy("Can an index of informatisation grow at the same rate for ever?"),
    ),
    solution_text=lazy(
        "The projection assumes that China and the leader keep their 2000-2008 growth rates. "
        "Recomputed from Table 2, China's index grew about {china}% a year and the leader's "
        "({leader}) about {lead}%. China's speed comes partly from a low base: growth rates of "
        "such indices fall as a country approaches the frontier, because the index is built from "
        "penetration rates that cannot pass full coverage. Extrapolating the gap therefore gives "
        "a lower bound on the time needed at best, and a number with false precision at worst. "
        "The table also ranks the eleven countries it shows, not the world. I would put the "
        "growth rates in a brief, not the catch-up year. Later editions of the same index, on "
        "the same method, would show whether China's growth held up.",
        china=format(model.cagr("CHN"), ".1f"),
        leader=_lead(),
        lead=format(model.cagr(_lead()), ".1f"),
    ),
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7, q8]
