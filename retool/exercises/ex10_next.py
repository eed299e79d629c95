"""Exercises for lesson 10: what happened next (the paper's 四 against later policy).

Besides the questions, ``DATA_TASKS`` holds the optional "find the data" tasks: each names what to
look for, and ``task.check(value, source)`` takes a value the learner found and the source they
found it in, and says what the value implies. A value is never marked correct: the course does not
know it; only the source can make it right. The accepted ranges are the course's sanity bounds,
computed from data it has, not facts about the answer.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from .. import data, later, measures, rebuild
from ..models import subsidy
from .core import (  # noqa: F401
    ChoiceQuestion,
    CritiqueQuestion,
    Feedback,
    Mistake,
    NumberQuestion,
    OpenQuestion,
    Outcome,
    critique_rubric,
    shown,
    summary,
    to_number,
)

_POINTS = later.value("subsidy_points_2024_july")
_YEARS = later.value("subsidy_years_2024")
_BUDGET = later.value("subsidy_total_2024")

q1 = NumberQuestion(
    qid="q1",
    answer_name="q1_answer",
    own_code=True,
    prompt=(
        "Code it yourself from `data/later_policy.csv` (`later.facts()`): the 2024 programme "
        "arranged a total interest-subsidy budget (`subsidy_total_2024`), paying a number of "
        "percentage points a year on each loan's principal (`subsidy_points_2024_july`) for up to "
        "a number of years (`subsidy_years_2024`). If every loan is subsidised for the full "
        "period, how many 亿元 of loans can the budget support?"
    ),
    expected=later.loans_supported_2024,
    unit="亿元",
    tolerance=1.0,
    mistakes=(
        Mistake(
            "one year of subsidy per loan (the subsidy counted once for a loan it pays for twice)",
            lambda: _BUDGET / (_POINTS / 100),
            "each loan is subsidised every year of the period: divide by the points × the years.",
        ),
        Mistake(
            "the points used as a fraction already (1.5 instead of 0.015)",
            lambda: _BUDGET / (_POINTS * _YEARS),
            "1.5 percentage points are 0.015 yuan a yuan: divide the points by 100.",
        ),
        Mistake(
            "the first notice's rate (before it was raised)",
            lambda: later.loans_supported(_BUDGET, later.value("subsidy_points_2024_june"), _YEARS),
            "the 200亿元 budget came with the raised rate of July 2024.",
        ),
    ),
    where="data/later_policy.csv, lesson 08's model",
    hints=(
        "A loan L costs the budget L × points/100 each year, for `years` years.",
        "L = budget / (points / 100 × years).",
    ),
    solution_text=(
        "t = later.facts().set_index('fact_id')['value']\n"
        "q1_answer = t['subsidy_total_2024'] / (t['subsidy_points_2024_july'] / 100 "
        "* t['subsidy_years_2024'])\n"
        f"{_BUDGET:g}亿元 / ({_POINTS:g}% × {_YEARS:g} years) ≈ "
        f"{later.loans_supported_2024():,.0f}亿元 of loans. The same as "
        f"`later.loans_supported_2024()`, which calls lesson 08's `subsidy.loans_supported` on "
        "the budget per year of subsidy."
    ),
)

q2 = NumberQuestion(
    qid="q2",
    answer_name="q2_answer",
    prompt=(
        "How many yuan of subsidy does one yuan of a 2024 loan receive over its subsidised life, "
        "in percent (fen per yuan)? Compare it in your head with lesson 08's 2009 model, which "
        f"paid all of one year's interest at {subsidy.LENDING_RATE_2009_PCT}%."
    ),
    expected=later.subsidy_per_yuan_2024_pct,
    unit="percent of the loan",
    tolerance=0.01,
    mistakes=(
        Mistake(
            "one year only",
            lambda: _POINTS,
            "the subsidy is paid every year of the period.",
        ),
        Mistake(
            "a fraction instead of a percentage",
            lambda: later.subsidy_per_yuan_2024_pct() / 100,
            "give it in percent.",
        ),
    ),
    where="data/later_policy.csv",
    hints=("points a year × years.",),
    solution_text=(
        "q2_answer = later.value('subsidy_points_2024_july') * later.value('subsidy_years_2024')\n"
        f"{_POINTS:g} × {_YEARS:g} = {later.subsidy_per_yuan_2024_pct():g}% of the principal, "
        f"against {subsidy.LENDING_RATE_2009_PCT}% for one year in lesson 08's 2009 model: the "
        "2024 design spreads a yuan of budget over more loans, so each loan gets a smaller push."
    ),
)

q3 = NumberQuestion(
    qid="q3",
    answer_name="q3_answer",
    prompt=(
        "The loans of q1 as a percentage of industrial equipment investment in 2023 "
        "(`industrial_equipment_investment_2023`, 亿元)?"
    ),
    expected=later.loans_vs_equipment_investment_pct,
    unit="percent",
    tolerance=0.05,
    mistakes=(
        Mistake(
            "a fraction instead of a percentage",
            lambda: later.loans_vs_equipment_investment_pct() / 100,
            "multiply by 100.",
        ),
        Mistake(
            "the ratio upside down",
            lambda: 100 * 100 / later.loans_vs_equipment_investment_pct(),
            "divide the loans by the investment.",
        ),
        Mistake(
            "mixing units (万亿 and 亿)",
            lambda: (
                later.loans_supported_2024()
                / (later.value("industrial_equipment_investment_2023") / 10000)
                * 100
            ),
            "4.4万亿元 is 44000亿元: put both in 亿元.",
        ),
    ),
    where="data/later_policy.csv",
    hints=("loans / investment × 100, both in 亿元.",),
    solution_text=(
        "q3_answer = later.loans_supported_2024() / "
        "later.value('industrial_equipment_investment_2023') * 100\n"
        f"About {later.loans_vs_equipment_investment_pct():.1f}%. The loans span two years and "
        "more than industry, the investment is one year of industry alone: an order of magnitude, "
        "not a share."
    ),
)

q4 = NumberQuestion(
    qid="q4",
    answer_name="q4_answer",
    prompt=(
        "The central bank's relending quota refinances a share of each eligible loan's principal "
        "(`relending_quota_2024`, `relending_share_2024`). At most how many 亿元 of loans can the "
        "quota refinance?"
    ),
    expected=later.relending_ceiling,
    unit="亿元",
    tolerance=1.0,
    mistakes=(
        Mistake(
            "multiplying instead of dividing",
            lambda: later.value("relending_quota_2024") * later.value("relending_share_2024") / 100,
            "the quota covers 60% of each loan: the loans are the quota divided by 0.6.",
        ),
        Mistake(
            "the quota itself",
            lambda: later.value("relending_quota_2024"),
            "the quota refinances only part of each loan.",
        ),
    ),
    where="data/later_policy.csv",
    hints=("quota = share × loans.",),
    solution_text=(
        "q4_answer = later.value('relending_quota_2024') / "
        "(later.value('relending_share_2024') / 100)\n"
        f"About {later.relending_ceiling():,.0f}亿元: more than the "
        f"{later.loans_supported_2024():,.0f}亿元 the interest budget supports, and shared with "
        "loans to technology-based small firms."
    ),
)

q5 = ChoiceQuestion(
    qid="q5",
    answer_name="q5_answer",
    prompt=(
        "The statistics office reported that investment in equipment purchases grew "
        f"{later.value('nbs_equipment_purchase_growth_2024_jan_apr'):g}% in January-April 2024. "
        "What does that show about the interest subsidy?"
    ),
    options={
        "A": (
            "That the subsidy raised equipment investment by about that much",
            "no: the interest-subsidy notice came in June 2024, after those months, and a growth "
            "rate has no comparison group.",
        ),
        "B": (
            "Nothing about the subsidy's effect: the growth was measured before the subsidy "
            "notice, and there is no comparison group",
            "the notice (财金〔2024〕54号) is dated June 2024; attributing any growth needs "
            "timing, a comparison group and additionality (lesson 08).",
        ),
        "C": (
            "That the subsidy failed, because manufacturing renovation grew more slowly",
            "a slower growth of one series says nothing about what would have happened without "
            "the subsidy.",
        ),
        "D": (
            "That the paper's 四.2 was wrong",
            "四.2 is about institutional barriers; growth rates of investment do not test it.",
        ),
    },
    correct="B",
    hints=(
        "Compare the dates of the statistic and of the subsidy notice in data/later_policy.csv.",
    ),
    solution_text=(
        "(B). The January-April growth was reported on 2024-05-17; the interest-subsidy notice "
        "is of June 2024. Growth that comes before a policy cannot be its effect, and even later "
        "growth would need a comparison group."
    ),
)

q6 = CritiqueQuestion(
    qid="q6",
    answer_name="q6_answer",
    words=150,
    rubric=critique_rubric(
        claim="names a recommendation of the paper with its section (四.1 or 四.2)",
        evidence="a number computed above, with its source in data/",
        reasoning="says why it supports or weakens the claim, and weighs an alternative "
        "explanation or a missing piece of data",
        settle="names the evidence that would change the writer's mind",
    ),
    prompt=(
        "Critique (about 150 words): did later policy follow the paper's recommendation 四.1 "
        "(selective support through subsidised loans and other instruments), and does it bear on "
        "四.2 (subsidies cannot remove institutional barriers)? Back one sentence with a number "
        "you computed above, and say what evidence would change your mind."
    ),
    hints=(
        "Which instruments appear in data/later_policy.csv? Which recommendation has no later "
        "source in the course?",
    ),
    solution_text=(
        "Later policy used the instruments of 四.1. In 2024 the central government "
        "paid 1.5 points a year for two years on eligible equipment-renewal loans out of a "
        f"200亿元 budget, enough for about {later.loans_supported_2024():,.0f}亿元 of loans "
        f"({later.loans_vs_equipment_investment_pct():.0f}% of one year's industrial equipment "
        "investment), beside central-bank relending and special treasury bonds. Support was "
        "selective by list (projects on ministries' lists), as 四.1 asked, though the targets are "
        "digital and green equipment rather than the paper's 'emerging industries'. On 四.2 the "
        "course has no later evidence: a subsidy of 3 fen per yuan changes the cost of capital a "
        "little and the institutions not at all. Evidence that would change my mind: who received "
        "the loans by ownership, and renovation by firms outside the lists."
    ),
)

QUESTIONS = [q1, q2, q3, q4, q5, q6]


# --- optional "find the data" tasks ---------------------------------------------------------------

_YEAR = re.compile(r"(19|20)\d\d")
_WORD = re.compile(r"[A-Za-z\u4e00-\u9fff]{2,}")


def source_problem(source) -> str:
    """'' if ``source`` names a source (publication, year, a table or address), else why not."""
    if not isinstance(source, str):
        return "the source should be text: the publication, table or page, year and address"
    text = " ".join(str.strip(source).split())
    if len(text) > 500:
        return "the source is too long: name the publication, table or page, year and address"
    if len(text) < 15 or not _WORD.search(text):
        return "name the source: the publication, table or page, year and address"
    if not _YEAR.search(text):
        return "the source needs its year (edition or date)"
    return ""


@dataclass(frozen=True)
class DataTask:
    """An optional task: find a value in a published source; the check reads what it implies."""

    key: str
    look_for: str
    where_to_look: str
    unit: str
    low: Callable[[], float]
    high: Callable[[], float]
    implies: Callable[[float], str]
    not_found: str

    def check(self, value=None, source=None) -> Feedback:
        """Judge a found value and its source; any input gives a sentence, never a traceback."""
        qid = f"task {self.key}"
        try:
            if value is None or value is Ellipsis:
                return Feedback(qid, Outcome.UNANSWERED, f"give the value you found ({self.unit}).")
            try:
                x = to_number(value)
            except (ValueError, TypeError, OverflowError) as exc:
                return Feedback(qid, Outcome.INVALID, f"{exc}; give one number ({self.unit}).")
            if not math.isfinite(x):
                return Feedback(qid, Outcome.INVALID, f"{shown(x)} is not a finite number.")
            problem = source_problem(source)
            if problem:
                return Feedback(qid, Outcome.INVALID, problem + ".")
            lo, hi = float(self.low()), float(self.high())
            if not lo <= x <= hi:
                return Feedback(
                    qid,
                    Outcome.INCORRECT,
                    f"{shown(x)} is outside the range the course accepts ({shown(lo)} to "
                    f"{shown(hi)} {self.unit}): check the unit and the universe of firms.",
                )
            return Feedback(qid, Outcome.RECORDED, f"recorded with its source. {self.implies(x)}")
        except Exception as exc:  # the promise is a sentence, whatever the input
            return Feedback(qid, Outcome.INVALID, f"this could not be read ({type(exc).__name__}).")

    def describe(self) -> str:
        return (
            f"Task {self.key}: find {self.look_for} ({self.unit}). Where: {self.where_to_look} "
            f"The course could not find it: {self.not_found}"
        )


def _lme_growth(level_2009: float) -> str:
    base = rebuild.all_lme_renovation_2008()
    growth = (level_2009 / base - 1) * 100
    printed = data.claim("growth_2009_lme")["value"]
    verdict = "matches" if measures.matches_printed(growth, str(printed)) else "does not match"
    return (
        f"Against the course's all-LME 2008 value ({base:,.2f}亿元: Table 1 plus high-tech LMEs), "
        f"your value gives a 2009 growth of {growth:.2f}%, which {verdict} the paper's printed "
        f"{printed}% at its precision."
    )


def _real_growth(price_change_pct: float) -> str:
    nominal = float(rebuild.table1_growth(2005, 2009)["renovation"])
    real = ((1 + nominal / 100) / (1 + price_change_pct / 100) - 1) * 100
    return (
        f"Table 1's renovation spending grew {nominal:.2f}% from 2005 to 2009 in current prices; "
        f"deflated by your index it grew {real:.2f}% in real terms."
    )


def _uptake(loans: float) -> str:
    ceiling = later.loans_supported_2024()
    return (
        f"That is {loans / ceiling * 100:.1f}% of the {ceiling:,.0f}亿元 the 200亿元 budget could "
        f"support at {_POINTS:g} points for {_YEARS:g} years (lesson 10, q1)."
    )


def _interest_share(rate_pct: float) -> str:
    share = _POINTS / rate_pct * 100
    loans = subsidy.loans_supported(_BUDGET / _YEARS, rate_pct, min(share, 100.0))
    return (
        f"At {rate_pct:g}%, {_POINTS:g} points cover {share:.0f}% of the interest; lesson 08's "
        f"model with that rate and share gives the same {loans:,.0f}亿元 of loans (r × s is fixed "
        "by the policy)."
        if share <= 100
        else f"At {rate_pct:g}%, {_POINTS:g} points would cover more than all the interest: "
        "check the rate."
    )


DATA_TASKS = {
    "A": DataTask(
        key="A",
        look_for="technical renovation spending (技术改造经费支出) of all large and medium-sized "
        "industrial enterprises in 2009",
        where_to_look="the China Statistical Yearbook 2010 or the China Statistics Yearbook on "
        "Science and Technology 2010, tables on LMEs' technology spending.",
        unit="亿元",
        low=lambda: rebuild.all_lme_renovation_2008() * 0.5,
        high=lambda: rebuild.all_lme_renovation_2008() * 1.5,
        implies=_lme_growth,
        not_found="any all-LME renovation spending for 2009; the range is half to one and a half "
        "times the course's 2008 value.",
    ),
    "B": DataTask(
        key="B",
        look_for="the cumulative change of the fixed-asset investment price index "
        "(固定资产投资价格指数) from 2005 to 2009",
        where_to_look="the China Statistical Yearbook's price-index chapter (2010 edition).",
        unit="percent",
        low=lambda: -50.0,
        high=lambda: 100.0,
        implies=_real_growth,
        not_found="any investment price index; the range (-50% to +100%) only rules out "
        "index levels entered as changes.",
    ),
    "C": DataTask(
        key="C",
        look_for="the loans that received the 2024 equipment-renewal interest subsidy",
        where_to_look="Ministry of Finance or People's Bank of China statements on the "
        "equipment-renewal loan subsidy (2025).",
        unit="亿元",
        low=lambda: 0.0,
        high=later.relending_ceiling,
        implies=_uptake,
        not_found="any figure for loans signed or subsidised; the range stops at the most the "
        "central bank's relending quota can refinance (an eligibility condition of the subsidy).",
    ),
    "D": DataTask(
        key="D",
        look_for="the one-year loan prime rate (LPR) in mid-2024",
        where_to_look="the People's Bank of China's monthly LPR announcements (July 2024).",
        unit="percent",
        low=lambda: _POINTS,
        # lesson 08's model takes rates up to its slider's end; a 2024 rate above is implausible
        high=lambda: subsidy.PARAMS["rate_pct"].high,
        implies=_interest_share,
        not_found="the LPR of any month; the range starts at the subsidy's own 1.5 points (a lower "
        "rate would make the subsidy larger than the interest) and ends where lesson 08's model "
        "does.",
    ),
}
