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
from ..i18n import _, lazy
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
    prompt=lazy(
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
            lazy(
                "one year of subsidy per loan (the subsidy counted once for a loan it pays for "
                "twice)"
            ),
            lambda: _BUDGET / (_POINTS / 100),
            lazy(
                "each loan is subsidised every year of the period: divide by the points × the "
                "years."
            ),
        ),
        Mistake(
            lazy(
                "the points used as a fraction already ({points} instead of {per_yuan})",
                points=format(_POINTS, "g"),
                per_yuan=format(_POINTS / 100, "g"),
            ),
            lambda: _BUDGET / (_POINTS * _YEARS),
            lazy(
                "{points} percentage points are {per_yuan} yuan a yuan: divide the points by 100.",
                points=format(_POINTS, "g"),
                per_yuan=format(_POINTS / 100, "g"),
            ),
        ),
        Mistake(
            lazy("the first notice's rate (before it was raised)"),
            lambda: later.loans_supported(_BUDGET, later.value("subsidy_points_2024_june"), _YEARS),
            lazy(
                "the {budget}亿元 budget came with the raised rate of July 2024.",
                budget=format(_BUDGET, "g"),
            ),
        ),
    ),
    where=lazy("data/later_policy.csv, lesson 08's model"),
    hints=(
        lazy("A loan L costs the budget L × points/100 each year, for `years` years."),
        lazy("L = budget / (points / 100 × years)."),
    ),
    solution_text=lazy(
        "{code}\n{budget}亿元 / ({points}% × {years} years) ≈ {loans}亿元 of loans. The same as "
        "`later.loans_supported_2024()`, which calls lesson 08's `subsidy.loans_supported` on "
        "the budget per year of subsidy.",
        code="t = later.facts().set_index('fact_id')['value']\n"
        "q1_answer = t['subsidy_total_2024'] / (t['subsidy_points_2024_july'] / 100 "
        "* t['subsidy_years_2024'])",
        budget=format(_BUDGET, "g"),
        points=format(_POINTS, "g"),
        years=format(_YEARS, "g"),
        loans=format(later.loans_supported_2024(), ",.0f"),
    ),
)

q2 = NumberQuestion(
    qid="q2",
    answer_name="q2_answer",
    prompt=lazy(
        "How many yuan of subsidy does one yuan of a 2024 loan receive over its subsidised life, "
        "in percent (fen per yuan)? Compare it in your head with lesson 08's 2009 model, which "
        "paid all of one year's interest at {rate}%.",
        rate=subsidy.LENDING_RATE_2009_PCT,
    ),
    expected=later.subsidy_per_yuan_2024_pct,
    unit="percent of the loan",
    tolerance=0.01,
    mistakes=(
        Mistake(
            lazy("one year only"),
            lambda: _POINTS,
            lazy("the subsidy is paid every year of the period."),
        ),
        Mistake(
            lazy("a fraction instead of a percentage"),
            lambda: later.subsidy_per_yuan_2024_pct() / 100,
            lazy("give it in percent."),
        ),
    ),
    where=lazy("data/later_policy.csv"),
    hints=(lazy("points a year × years."),),
    solution_text=lazy(
        "{code}\n{points} × {years} = {total}% of the principal, against {rate}% for one year in "
        "lesson 08's 2009 model: the 2024 design spreads a yuan of budget over more loans, so "
        "each loan gets a smaller push.",
        code="q2_answer = later.value('subsidy_points_2024_july') * "
        "later.value('subsidy_years_2024')",
        points=format(_POINTS, "g"),
        years=format(_YEARS, "g"),
        total=format(later.subsidy_per_yuan_2024_pct(), "g"),
        rate=subsidy.LENDING_RATE_2009_PCT,
    ),
)

q3 = NumberQuestion(
    qid="q3",
    answer_name="q3_answer",
    prompt=lazy(
        "The loans of q1 as a percentage of industrial equipment investment in 2023 "
        "(`industrial_equipment_investment_2023`, 亿元)?"
    ),
    expected=later.loans_vs_equipment_investment_pct,
    unit="percent",
    tolerance=0.05,
    mistakes=(
        Mistake(
            lazy("a fraction instead of a percentage"),
            lambda: later.loans_vs_equipment_investment_pct() / 100,
            lazy("multiply by 100."),
        ),
        Mistake(
            lazy("the ratio upside down"),
            lambda: 100 * 100 / later.loans_vs_equipment_investment_pct(),
            lazy("divide the loans by the investment."),
        ),
        Mistake(
            lazy("mixing units (万亿 and 亿)"),
            lambda: (
                later.loans_supported_2024()
                / (later.value("industrial_equipment_investment_2023") / 10000)
                * 100
            ),
            lazy("4.4万亿元 is 44000亿元: put both in 亿元."),
        ),
    ),
    where=lazy("data/later_policy.csv"),
    hints=(lazy("loans / investment × 100, both in 亿元."),),
    solution_text=lazy(
        "{code}\nAbout {share}%. The loans span two years and more than industry, the investment "
        "is one year of industry alone: an order of magnitude, not a share.",
        code="q3_answer = later.loans_supported_2024() / "
        "later.value('industrial_equipment_investment_2023') * 100",
        share=format(later.loans_vs_equipment_investment_pct(), ".1f"),
    ),
)

q4 = NumberQuestion(
    qid="q4",
    answer_name="q4_answer",
    prompt=lazy(
        "The central bank's relending quota refinances a share of each eligible loan's principal "
        "(`relending_quota_2024`, `relending_share_2024`). At most how many 亿元 of loans can the "
        "quota refinance?"
    ),
    expected=later.relending_ceiling,
    unit="亿元",
    tolerance=1.0,
    mistakes=(
        Mistake(
            lazy("multiplying instead of dividing"),
            lambda: later.value("relending_quota_2024") * later.value("relending_share_2024") / 100,
            lazy("the quota covers 60% of each loan: the loans are the quota divided by 0.6."),
        ),
        Mistake(
            lazy("the quota itself"),
            lambda: later.value("relending_quota_2024"),
            lazy("the quota refinances only part of each loan."),
        ),
    ),
    where=lazy("data/later_policy.csv"),
    hints=(lazy("quota = share × loans."),),
    solution_text=lazy(
        "{code}\nAbout {ceiling}亿元: more than the {loans}亿元 the interest budget supports, and "
        "shared with loans to technology-based small firms.",
        code="q4_answer = later.value('relending_quota_2024') / "
        "(later.value('relending_share_2024') / 100)",
        ceiling=format(later.relending_ceiling(), ",.0f"),
        loans=format(later.loans_supported_2024(), ",.0f"),
    ),
)

q5 = ChoiceQuestion(
    qid="q5",
    answer_name="q5_answer",
    prompt=lazy(
        "The statistics office reported that investment in equipment purchases grew {growth}% in "
        "January-April 2024. What does that show about the interest subsidy?",
        growth=format(later.value("nbs_equipment_purchase_growth_2024_jan_apr"), "g"),
    ),
    options={
        "A": (
            lazy("That the subsidy raised equipment investment by about that much"),
            lazy(
                "no: the interest-subsidy notice came in June 2024, after those months, and a "
                "growth rate has no comparison group."
            ),
        ),
        "B": (
            lazy(
                "Nothing about the subsidy's effect: the growth was measured before the subsidy "
                "notice, and there is no comparison group"
            ),
            lazy(
                "the notice (财金〔2024〕54号) is dated June 2024; attributing any growth needs "
                "timing, a comparison group and additionality (lesson 08)."
            ),
        ),
        "C": (
            lazy("That the subsidy failed, because manufacturing renovation grew more slowly"),
            lazy(
                "a slower growth of one series says nothing about what would have happened "
                "without the subsidy."
            ),
        ),
        "D": (
            lazy("That the paper's 四.2 was wrong"),
            lazy(
                "四.2 is about institutional barriers; growth rates of investment do not test it."
            ),
        ),
    },
    correct="B",
    hints=(
        lazy(
            "Compare the dates of the statistic and of the subsidy notice in data/later_policy.csv."
        ),
    ),
    solution_text=lazy(
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
        claim=lazy("names a recommendation of the paper with its section (四.1 or 四.2)"),
        evidence=lazy("a number computed above, with its source in data/"),
        reasoning=lazy(
            "says why it supports or weakens the claim, and weighs an alternative explanation or "
            "a missing piece of data"
        ),
        settle=lazy("names the evidence that would change the writer's mind"),
    ),
    prompt=lazy(
        "Critique (about 150 words): did later policy follow the paper's recommendation 四.1 "
        "(selective support through subsidised loans and other instruments), and does it bear on "
        "四.2 (subsidies cannot remove institutional barriers)? Back one sentence with a number "
        "you computed above, and say what evidence would change your mind."
    ),
    hints=(
        lazy(
            "Which instruments appear in data/later_policy.csv? Which recommendation has no later "
            "source in the course?"
        ),
    ),
    solution_text=lazy(
        "Later policy used the instruments of 四.1. In 2024 the central government paid {points} "
        "points a year for {years} years on eligible equipment-renewal loans out of a {budget}亿元 "
        "budget, "
        "enough for about {loans}亿元 of loans ({share}% of one year's industrial equipment "
        "investment), beside central-bank relending and special treasury bonds. Support was "
        "selective by list (projects on ministries' lists), as 四.1 asked, though the targets are "
        "digital and green equipment rather than the paper's 'emerging industries'. On 四.2 the "
        "course has no later evidence: a subsidy of {fen} fen per yuan changes the cost of "
        "capital a little and the institutions not at all. Evidence that would change my mind: "
        "who received the loans by ownership, and renovation by firms outside the lists.",
        loans=format(later.loans_supported_2024(), ",.0f"),
        share=format(later.loans_vs_equipment_investment_pct(), ".0f"),
        points=format(_POINTS, "g"),
        years=format(_YEARS, "g"),
        budget=format(_BUDGET, "g"),
        fen=format(later.subsidy_per_yuan_2024_pct(), "g"),
    ),
)

QUESTIONS = [q1, q2, q3, q4, q5, q6]


# --- optional "find the data" tasks ---------------------------------------------------------------

_YEAR = re.compile(r"(19|20)\d\d")
_WORD = re.compile(r"[A-Za-z\u4e00-\u9fff]{2,}")


def source_problem(source) -> str:
    """'' if ``source`` names a source (publication, year, a table or address), else why not."""
    if not isinstance(source, str):
        return _("the source should be text: the publication, table or page, year and address")
    text = " ".join(str.strip(source).split())
    if len(text) > 500:
        return _("the source is too long: name the publication, table or page, year and address")
    if len(text) < 15 or not _WORD.search(text):
        return _("name the source: the publication, table or page, year and address")
    if not _YEAR.search(text):
        return _("the source needs its year (edition or date)")
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
        qid = _("task {key}").format(key=self.key)
        try:
            if value is None or value is Ellipsis:
                return Feedback(
                    qid,
                    Outcome.UNANSWERED,
                    _("give the value you found ({unit}).").format(unit=self.unit),
                )
            try:
                x = to_number(value)
            except (ValueError, TypeError, OverflowError) as exc:
                return Feedback(
                    qid,
                    Outcome.INVALID,
                    _("{why}; give one number ({unit}).").format(why=exc, unit=self.unit),
                )
            if not math.isfinite(x):
                message = _("{value} is not a finite number.").format(value=shown(x))
                return Feedback(qid, Outcome.INVALID, message)
            problem = source_problem(source)
            if problem:
                # TRANSLATORS: a sentence ends here (a Chinese full stop)
                return Feedback(qid, Outcome.INVALID, _("{problem}.").format(problem=problem))
            lo, hi = float(self.low()), float(self.high())
            if not lo <= x <= hi:
                return Feedback(
                    qid,
                    Outcome.INCORRECT,
                    _(
                        "{value} is outside the range the course accepts ({low} to {high} {unit}): "
                        "check the unit and the universe of firms."
                    ).format(value=shown(x), low=shown(lo), high=shown(hi), unit=self.unit),
                )
            return Feedback(
                qid,
                Outcome.RECORDED,
                _("recorded with its source. {implies}").format(implies=self.implies(x)),
            )
        except Exception as exc:  # the promise is a sentence, whatever the input
            return Feedback(
                qid,
                Outcome.INVALID,
                _("this could not be read ({kind}).").format(kind=type(exc).__name__),
            )

    def describe(self) -> str:
        return _(
            "Task {key}: find {look_for} ({unit}). Where: {where} The course could not find it: "
            "{not_found}"
        ).format(
            key=self.key,
            look_for=self.look_for,
            unit=self.unit,
            where=self.where_to_look,
            not_found=self.not_found,
        )


def _lme_growth(level_2009: float) -> str:
    base = rebuild.all_lme_renovation_2008()
    growth = (level_2009 / base - 1) * 100
    printed = data.claim("growth_2009_lme")["value"]
    if measures.matches_printed(growth, str(printed)):
        message = _(
            "Against the course's all-LME 2008 value ({base}亿元: Table 1 plus high-tech LMEs), "
            "your value gives a 2009 growth of {growth}%, which matches the paper's printed "
            "{printed}% at its precision."
        )
    else:
        message = _(
            "Against the course's all-LME 2008 value ({base}亿元: Table 1 plus high-tech LMEs), "
            "your value gives a 2009 growth of {growth}%, which does not match the paper's printed "
            "{printed}% at its precision."
        )
    return message.format(base=f"{base:,.2f}", growth=f"{growth:.2f}", printed=printed)


def _real_growth(price_change_pct: float) -> str:
    nominal = float(rebuild.table1_growth(2005, 2009)["renovation"])
    real = ((1 + nominal / 100) / (1 + price_change_pct / 100) - 1) * 100
    return _(
        "Table 1's renovation spending grew {nominal}% from 2005 to 2009 in current prices; "
        "deflated by your index it grew {real}% in real terms."
    ).format(nominal=f"{nominal:.2f}", real=f"{real:.2f}")


def _uptake(loans: float) -> str:
    ceiling = later.loans_supported_2024()
    return _(
        "That is {share}% of the {ceiling}亿元 the {budget}亿元 budget could support at {points} "
        "points for {years} years (lesson 10, q1)."
    ).format(
        share=f"{loans / ceiling * 100:.1f}",
        ceiling=f"{ceiling:,.0f}",
        budget=f"{_BUDGET:g}",
        points=f"{_POINTS:g}",
        years=f"{_YEARS:g}",
    )


def _interest_share(rate_pct: float) -> str:
    share = _POINTS / rate_pct * 100
    loans = subsidy.loans_supported(_BUDGET / _YEARS, rate_pct, min(share, 100.0))
    if share > 100:
        return _(
            "At {rate}%, {points} points would cover more than all the interest: check the rate."
        ).format(rate=f"{rate_pct:g}", points=f"{_POINTS:g}")
    return _(
        "At {rate}%, {points} points cover {share}% of the interest; lesson 08's model with that "
        "rate and share gives the same {loans}亿元 of loans (r × s is fixed by the policy)."
    ).format(
        rate=f"{rate_pct:g}", points=f"{_POINTS:g}", share=f"{share:.0f}", loans=f"{loans:,.0f}"
    )


DATA_TASKS = {
    "A": DataTask(
        key="A",
        look_for=lazy(
            "technical renovation spending (技术改造经费支出) of all large and medium-sized "
            "industrial enterprises in 2009"
        ),
        where_to_look=lazy(
            "the China Statistical Yearbook 2010 or the China Statistics Yearbook on Science and "
            "Technology 2010, tables on LMEs' technology spending."
        ),
        unit="亿元",
        low=lambda: rebuild.all_lme_renovation_2008() * 0.5,
        high=lambda: rebuild.all_lme_renovation_2008() * 1.5,
        implies=_lme_growth,
        not_found=lazy(
            "any all-LME renovation spending for 2009; the range is half to one and a half times "
            "the course's 2008 value."
        ),
    ),
    "B": DataTask(
        key="B",
        look_for=lazy(
            "the cumulative change of the fixed-asset investment price index "
            "(固定资产投资价格指数) from 2005 to 2009"
        ),
        where_to_look=lazy("the China Statistical Yearbook's price-index chapter (2010 edition)."),
        unit=lazy("percent"),
        low=lambda: -50.0,
        high=lambda: 100.0,
        implies=_real_growth,
        not_found=lazy(
            "any investment price index; the range (-50% to +100%) only rules out index levels "
            "entered as changes."
        ),
    ),
    "C": DataTask(
        key="C",
        look_for=lazy("the loans that received the 2024 equipment-renewal interest subsidy"),
        where_to_look=lazy(
            "Ministry of Finance or People's Bank of China statements on the equipment-renewal "
            "loan subsidy (2025)."
        ),
        unit="亿元",
        low=lambda: 0.0,
        high=later.relending_ceiling,
        implies=_uptake,
        not_found=lazy(
            "any figure for loans signed or subsidised; the range stops at the most the central "
            "bank's relending quota can refinance (an eligibility condition of the subsidy)."
        ),
    ),
    "D": DataTask(
        key="D",
        look_for=lazy("the one-year loan prime rate (LPR) in mid-2024"),
        where_to_look=lazy("the People's Bank of China's monthly LPR announcements (July 2024)."),
        unit=lazy("percent"),
        low=lambda: _POINTS,
        # lesson 08's model takes rates up to its slider's end; a 2024 rate above is implausible
        high=lambda: subsidy.PARAMS["rate_pct"].high,
        implies=_interest_share,
        not_found=lazy(
            "the LPR of any month; the range starts at the subsidy's own 1.5 points (a lower rate "
            "would make the subsidy larger than the interest) and ends where lesson 08's model "
            "does."
        ),
    ),
}
