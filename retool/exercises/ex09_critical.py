"""Exercises for lesson 09: reading the paper critically (the whole paper, the claims ledger)."""

from __future__ import annotations

from .. import data, measures, rebuild
from ..i18n import lazy
from ..models import intensity, ledger, subsidy
from .core import (  # noqa: F401
    ChoiceQuestion,
    Criterion,
    CritiqueQuestion,
    Mistake,
    NumberQuestion,
    OpenQuestion,
    SeriesQuestion,
    summary,
)

_CN = data.claim("lme_share_2009")["value"]  # the paper's 5.2
_US = data.claim("us_share_1947_1978")["value"]
_WE = data.claim("west_europe_share_1950s")["value"]
_MFG = data.claim("share_mfg_fai_2009")["value"]
_GDP = data.claim("share_gdp_2009")["value"]
_GROWTH_CLAIMS = [f"growth_2005_2009_{s}" for s in data.SERIES]


def _line(claim_id: str) -> str:
    return str(data.claim(claim_id)["paper_line"])


def _t1_share(year: int) -> float:
    return float(rebuild.renovation_share_of_fai().loc[year])


def _one_in_usa() -> float:
    return ledger.fraction_as_one_in(rebuild.fraction_of_benchmark("us_share_1947_1978"))


def _yearly_renovation() -> dict:
    g = rebuild.table1_yearly_growth()["renovation"].dropna()
    return {int(y): float(v) for y, v in g.items()}


def _one_in_europe() -> float:
    return ledger.fraction_as_one_in(rebuild.fraction_of_benchmark("west_europe_share_1950s"))


q1 = NumberQuestion(
    qid="q1",
    answer_name="q1_answer",
    own_code=True,
    prompt=lazy(
        "Section 四.2 says China's renovation intensity is 'only about 1/10' of the USA's and "
        "Western Europe's. Using the paper's own numbers (China's {china}% and the USA's {usa}%, "
        "both in data/paper_claims.csv), China's intensity is 1/x of the USA's. What is x?",
        china=_CN,
        usa=_US,
    ),
    expected=_one_in_usa,
    unit="ratio",
    tolerance=0.05,
    mistakes=(
        Mistake(
            lazy("the fraction itself"),
            lambda: rebuild.fraction_of_benchmark("us_share_1947_1978"),
            lazy(
                "that is China's intensity as a fraction of the USA's; the question asks for x in "
                "1/x."
            ),
        ),
        Mistake(
            lazy("Western Europe instead of the USA"),
            _one_in_europe,
            lazy(
                "that is the comparison with Western Europe's {europe}%; use the USA's {usa}%.",
                europe=_WE,
                usa=_US,
            ),
        ),
        Mistake(
            lazy("the paper's rounded 'about 1/10'"),
            lambda: 1 / data.claim_value("tenth_of_usa"),
            lazy(
                "that is what the paper says; compute it from {china}% and {usa}%.",
                china=_CN,
                usa=_US,
            ),
        ),
    ),
    where=lazy("四.2, line {line} (the paper says about 1/10)", line=_line("tenth_of_usa")),
    hints=(
        lazy("The claims are `lme_share_2009` and `us_share_1947_1978`."),
        lazy("x = {usa} / {china}.", usa=_US, china=_CN),
    ),
    solution_text=lazy(
        "{code}\nx ≈ {x}: about 1/{x_round}, not 1/10. Against Western Europe the ratio is about "
        "1/{europe_x}, so 'about 1/10' fits Europe, while against the USA the paper's own "
        "numbers contradict it. And the {china}% is most likely a share of manufacturing "
        "investment, while {usa}% and {europe}% are shares of total investment (see q3).",
        code="q1_answer = data.claim_value('us_share_1947_1978') / "
        "data.claim_value('lme_share_2009')",
        x=format(_one_in_usa(), ".1f"),
        x_round=format(_one_in_usa(), ".0f"),
        europe_x=format(_one_in_europe(), ".1f"),
        china=_CN,
        usa=_US,
        europe=_WE,
    ),
)

q2 = NumberQuestion(
    qid="q2",
    answer_name="q2_answer",
    own_code=True,
    prompt=lazy(
        "The text gives 2009 growth of renovation spending as {printed}%. Recompute the 2009 "
        "growth of technical renovation spending from Table 1 (percent).",
        printed=data.claim("growth_2009_lme")["value"],
    ),
    expected=lambda: float(rebuild.table1_yearly_growth().loc[2009, "renovation"]),
    unit="percent",
    tolerance=0.01,
    mistakes=(
        Mistake(
            lazy("the text's number, copied"),
            lambda: data.claim_value("growth_2009_lme"),
            lazy(
                "that is the text's figure for all large and medium-sized enterprises; Table 1 "
                "covers the traditional ones only. Compute from Table 1."
            ),
        ),
        Mistake(
            lazy("a fraction instead of a percentage"),
            lambda: float(rebuild.table1_yearly_growth().loc[2009, "renovation"]) / 100,
            lazy("multiply by 100."),
        ),
        Mistake(
            lazy("the wrong base year (2005→2009)"),
            lambda: float(rebuild.table1_growth(2005, 2009)["renovation"]),
            lazy("that is growth over four years; the question asks for 2008→2009."),
        ),
    ),
    where=lazy("一.2, line {line} (a different universe)", line=_line("growth_2009_lme")),
    hints=(
        lazy("`data.table1_wide()` has the renovation column by year."),
        lazy("(2009 / 2008 − 1) × 100."),
    ),
    solution_text=lazy(
        "{code}\n{table1}% against the text's {printed}%: the text speaks of all large and "
        "medium-sized enterprises, Table 1 of the traditional ones. Both say the same thing (a "
        "fall of about {fall}%), from two universes.",
        code="q2_answer = rebuild.table1_yearly_growth().loc[2009, 'renovation']",
        table1=format(float(rebuild.table1_yearly_growth().loc[2009, "renovation"]), ".2f"),
        printed=data.claim("growth_2009_lme")["value"],
        fall=format(-float(rebuild.table1_yearly_growth().loc[2009, "renovation"]), ".0f"),
    ),
)

q3 = NumberQuestion(
    qid="q3",
    answer_name="q3_answer",
    own_code=True,
    prompt=lazy(
        "Section 二.1 says the renovation share of investment fell from {y1980}% in 1980 to "
        "{y2009}% in 2009; the 1980 value rebuilds as renovation investment over society-wide "
        "fixed-asset investment. Compute the 2009 value on the same denominator, with Table 1's "
        "renovation spending (percent).",
        y1980=data.claim("lme_share_1980")["value"],
        y2009=data.claim("lme_share_2009")["value"],
    ),
    expected=lambda: _t1_share(2009),
    unit="percent",
    tolerance=0.01,
    mistakes=(
        Mistake(
            lazy("GDP as the denominator"),
            lambda: rebuild.renovation_share_of_gdp(2009),
            lazy("that is the share of GDP; the 1980 value is a share of fixed-asset investment."),
        ),
        Mistake(
            lazy("a fraction instead of a percentage"),
            lambda: _t1_share(2009) / 100,
            lazy("multiply by 100."),
        ),
        Mistake(
            lazy("the ratio upside down"),
            lambda: measures.share_pct(
                data.fai_series("fai_total").loc[2009], data.table1_wide().loc[2009, "renovation"]
            ),
            lazy("divide renovation by investment, not investment by renovation."),
        ),
    ),
    where=lazy(
        "二.1, line {line} (the paper's {china} cannot be rebuilt)",
        line=_line("lme_share_2009"),
        china=_CN,
    ),
    hints=(
        lazy("`data.fai_series('fai_total')` is society-wide fixed-asset investment (亿元)."),
        lazy("Table 1 renovation 2009 / society-wide FAI 2009 × 100."),
    ),
    solution_text=lazy(
        "{code}\nAbout {share}%, far below {china}. The {china} is most likely the {mfg}% of "
        "一.2, a share of manufacturing fixed-asset investment (an inference: same year, same "
        "digits): the paper would end a series on one denominator with a number on another. "
        "Even this recomputation is not like for like: Table 1's 技术改造经费支出 is firms' "
        "renovation spending, narrower than the 1980 figure's society-wide 更新改造投资 (lesson "
        "02). The fall from 1980 is real, but its size is not what the text suggests.",
        code="q3_answer = rebuild.renovation_share_of_fai().loc[2009]",
        share=format(_t1_share(2009), ".2f"),
        china=_CN,
        mfg=_MFG,
    ),
)

# --- questions only the end of the course can ask: verdicts weighed, baselines changed, lessons
# combined into one test of a claim ---------------------------------------------------------------


def _share_fall_points() -> float:
    s = rebuild.renovation_share_of_fai()
    return float(s.loc[2009] - s.loc[2005])


def _share_fall_relative() -> float:
    s = rebuild.renovation_share_of_fai()
    return measures.growth_pct(s.loc[2005], s.loc[2009])


def _spending_growth() -> float:
    return float(rebuild.table1_growth(2005, 2009)["renovation"])


q4 = NumberQuestion(
    qid="q4",
    answer_name="q4_answer",
    own_code=True,
    prompt=lazy(
        "Two verdicts on one claim. Section 一.2 says renovation investment weakened. Lesson 01 "
        "rebuilt Table 1's growth of renovation spending 2005→2009 ({growth}%); lesson 02 set "
        "that spending against society-wide fixed-asset investment. By how many percentage "
        "points did Table 1's renovation share of society-wide FAI change from 2005 to 2009 "
        "(negative for a fall)?",
        growth=data.claim("growth_2005_2009_renovation")["value"],
    ),
    expected=_share_fall_points,
    unit="percentage points",
    tolerance=0.01,
    mistakes=(
        Mistake(
            lazy("the relative change of the share, not percentage points"),
            _share_fall_relative,
            lazy(
                "that is the change as a percentage of the 2005 share; the question asks for "
                "the difference of the two shares."
            ),
        ),
        Mistake(
            lazy("the growth of spending, not of its share"),
            _spending_growth,
            lazy("that is lesson 01's growth of the spending itself; divide by FAI first."),
        ),
        Mistake(
            lazy("the change the wrong way round (2005 minus 2009)"),
            lambda: -_share_fall_points(),
            lazy("subtract the 2005 share from the 2009 share."),
        ),
        Mistake(
            lazy("shares as fractions instead of percentages"),
            lambda: _share_fall_points() / 100,
            lazy("give the shares in percent before you subtract."),
        ),
    ),
    where=lazy("一.2 (intensity weakened) against 一.1 (spending grew)"),
    hints=(
        lazy(
            "`data.table1_wide()['renovation']` and `data.fai_series('fai_total')`, both in 亿元."
        ),
        lazy("Share = renovation / FAI × 100 in each year; subtract 2005's from 2009's."),
    ),
    solution_text=lazy(
        "t1 = data.table1_wide()['renovation']\n"
        "share = t1 / data.fai_series('fai_total').loc[t1.index] * 100\n"
        "q4_answer = share.loc[2009] - share.loc[2005]\n"
        "{points:.2f} points: from {s05:.2f}% to {s09:.2f}%, a fall of {relative:.0f}% of the "
        "share, while the spending itself grew {growth:.1f}%. Both verdicts are right, about "
        "different things: renovation did not shrink, investment as a whole grew much faster. "
        "'Weakened' holds for intensity, not for spending, and a claim about firms' effort "
        "needs the spending, a claim about priorities the share.",
        points=_share_fall_points(),
        s05=_t1_share(2005),
        s09=_t1_share(2009),
        relative=-_share_fall_relative(),
        growth=_spending_growth(),
    ),
)


def _shortfall_at(baseline_pct: float) -> float:
    table = intensity.counterfactual_table(baseline_pct)
    return intensity.summary(table)["cumulative_shortfall"]


def _shortfall(preset: str) -> float:
    return _shortfall_at(intensity.preset_value(preset))


def _baseline_ratio() -> float:
    return _shortfall("1980") / _shortfall("table1_2005")


q5 = NumberQuestion(
    qid="q5",
    answer_name="q5_answer",
    prompt=lazy(
        "The verdict 'too low' (二.1) hangs on the baseline. With lesson 02's model, compute the "
        "cumulative shortfall 2005-2009 at 1980's {b1980}% and at Table 1's own 2005 share "
        "({b2005}%), both of society-wide FAI. How many times larger is the shortfall at the "
        "1980 baseline?",
        b1980=data.claim("lme_share_1980")["value"],
        b2005=intensity.preset_value("table1_2005"),
    ),
    expected=_baseline_ratio,
    unit="ratio",
    tolerance=0.15,  # the unrounded 2005 share gives a ratio about 0.1 higher: both are right
    mistakes=(
        Mistake(
            lazy("the ratio upside down"),
            lambda: 1 / _baseline_ratio(),
            lazy("divide the 1980 shortfall by the 2005 one."),
        ),
        Mistake(
            lazy("the ratio of the two baselines, not of the shortfalls"),
            lambda: intensity.preset_value("1980") / intensity.preset_value("table1_2005"),
            lazy(
                "the shortfall is the baseline's spending minus actual spending: it does not "
                "scale with the baseline. Compute both shortfalls."
            ),
        ),
        Mistake(
            lazy("the 1980 shortfall in 亿元, not the ratio"),
            lambda: _shortfall("1980"),
            lazy("divide it by the shortfall at Table 1's own 2005 share."),
        ),
    ),
    where=lazy("二.1 and lesson 02's baselines"),
    hints=(
        lazy(
            "`intensity.counterfactual_table(b)` gives the shortfall year by year at baseline b; "
            "`intensity.summary(table)['cumulative_shortfall']` sums it."
        ),
        lazy(
            "The two baselines are `intensity.preset_value('1980')` and "
            "`intensity.preset_value('table1_2005')`."
        ),
    ),
    solution_text=lazy(
        "def shortfall(b):\n"
        "    return intensity.summary(intensity.counterfactual_table(b))['cumulative_shortfall']\n"
        "q5_answer = shortfall(intensity.preset_value('1980')) / "
        "shortfall(intensity.preset_value('table1_2005'))\n"
        "About {ratio:.1f} times: {big:,.0f}亿元 against {small:,.0f}亿元. The baseline changes "
        "the size of 'too low' by more than an order of magnitude, more than the ratio of the "
        "baselines themselves ({baselines:.1f}), because the shortfall is what the baseline "
        "would spend minus what was spent. Only the 2005 baseline measures the same firms on "
        "the same denominator; the 1980 one is a planning category of another era, so the "
        "larger number is an upper bound, not a finding. (With the 2005 share unrounded the "
        "ratio is about {unrounded:.1f}: the small shortfall is sensitive to the baseline's last "
        "digit, one more reason to read it as an order of magnitude.)",
        unrounded=_shortfall("1980") / _shortfall_at(_t1_share(2005)),
        ratio=_baseline_ratio(),
        big=_shortfall("1980"),
        small=_shortfall("table1_2005"),
        baselines=intensity.preset_value("1980") / intensity.preset_value("table1_2005"),
    ),
)

# lesson 08's marginal project: long-term loans at the 3-5 year rate, half the interest covered
LONG_RATE = subsidy.LENDING_RATE_3_5Y_2009_PCT
HALF = 50.0


def _loan_years(preset: str = "table1_2005", rate=LONG_RATE, share=HALF) -> float:
    return _shortfall(preset) / subsidy.loans_supported(subsidy.subsidy_per_year(), rate, share)


q6 = NumberQuestion(
    qid="q6",
    answer_name="q6_answer",
    prompt=lazy(
        "Section 四.2 says subsidies alone cannot close the gap. Test it by combining lessons 02 "
        "and 08: the cumulative shortfall 2005-2009 at Table 1's own 2005 share, against the "
        "loans the yearly subsidy of {budget:g}亿元 could support if it paid half the interest "
        "({share:g}%) at the 2009 rate for 3-5 year loans ({rate}%). How many years of such "
        "loans does the shortfall equal?",
        budget=subsidy.subsidy_per_year(),
        share=HALF,
        rate=LONG_RATE,
    ),
    expected=_loan_years,
    unit="years",
    tolerance=0.01,
    mistakes=(
        Mistake(
            lazy("lesson 02's printed case (all the interest at the one-year rate)"),
            lambda: _loan_years(rate=subsidy.LENDING_RATE_2009_PCT, share=100.0),
            lazy(
                "that is the loans at {short}% with all the interest paid; the question takes "
                "{rate}% and half the interest.",
                short=subsidy.LENDING_RATE_2009_PCT,
                rate=LONG_RATE,
            ),
        ),
        Mistake(
            lazy("years of the subsidy itself, not of the loans it supports"),
            lambda: _shortfall("table1_2005") / subsidy.subsidy_per_year(),
            lazy("divide by the loans the budget supports, budget / (r × s), not by the budget."),
        ),
        Mistake(
            lazy("the 1980 baseline instead of Table 1's own 2005 share"),
            lambda: _loan_years("1980"),
            lazy("use the baseline on Table 1's own concept, its 2005 share."),
        ),
        Mistake(
            lazy("the whole interest covered instead of half"),
            lambda: _loan_years(share=100.0),
            lazy("the subsidy pays half the interest, not all of it."),
        ),
    ),
    where=lazy("四.2, with lessons 02 and 08"),
    hints=(
        lazy(
            "The shortfall as in q5; the loans a year's budget supports are budget / (r × s), "
            "with r and s as fractions (`subsidy.loans_supported(budget, rate_pct, share_pct)`)."
        ),
        lazy("Years = shortfall / loans supported a year."),
    ),
    solution_text=lazy(
        "loans = subsidy.loans_supported(subsidy.subsidy_per_year(), "
        "subsidy.LENDING_RATE_3_5Y_2009_PCT, 50)\n"
        "q6_answer = shortfall(intensity.preset_value('table1_2005')) / loans\n"
        "About {years:.2f} years: the loans the subsidy could touch in under a year match the "
        "whole shortfall at the comparable baseline. At the 1980 baseline the same test gives "
        "{years1980:.0f} years. So the verdict on 四.2 changes with the baseline: 'subsidies "
        "cannot close the gap' holds against 1980's planning category, not against Table 1's "
        "own 2005 share. And loans touched are not projects added: the subsidy adds only the "
        "projects whose return lies between the two user costs (lesson 08's exercises, q7), so the "
        "arithmetic is an upper bound on what the subsidy could do.",
        years=_loan_years(),
        years1980=_loan_years("1980"),
    ),
)


q7 = ChoiceQuestion(
    qid="q7",
    answer_name="q7_answer",
    prompt=lazy(
        "Weigh two pieces of evidence for 'renovation intensity is too low': (i) the fall from "
        "{s1980}% in 1980 to {s2009}% in 2009 (二.1), and (ii) China at 'about 1/10' of the USA "
        "and Western Europe (四.2). After recomputing both (q1, q3, lesson 02), which statement "
        "weighs them best?",
        s1980=data.claim("lme_share_1980")["value"],
        s2009=_CN,
    ),
    options={
        "A": (
            lazy("Both stand as printed: each recomputes to the paper's number"),
            lazy(
                "no: on one denominator 2009 is {share:.2f}%, not {cn}% (q3), and 1/10 holds "
                "for Western Europe only (1/{usa:.1f} against the USA, q1).",
                share=_t1_share(2009),
                cn=_CN,
                usa=_one_in_usa(),
            ),
        ),
        "B": (
            lazy(
                "(i) is the sturdier: its direction survives every denominator the data allow, "
                "though not its size; (ii) depends on the benchmark chosen, and the benchmarks "
                "are unsourced shares of other concepts"
            ),
            lazy(
                "yes: Table 1's own share fell from {s05:.2f}% (2005) to {s09:.2f}% (2009), and "
                "society-wide renovation investment over FAI fell too; the 1/10 is 1/{usa:.1f} "
                "or 1/{europe:.1f} depending on the benchmark, and neither benchmark has a "
                "source.",
                s05=_t1_share(2005),
                s09=_t1_share(2009),
                usa=_one_in_usa(),
                europe=_one_in_europe(),
            ),
        ),
        "C": (
            lazy("(ii) is the sturdier, because it is a ratio of the paper's own numbers"),
            lazy(
                "no: a ratio of the paper's numbers is only as good as the numbers, and the "
                "{us}% and {we}% have no source and measure total investment in other decades.",
                us=_US,
                we=_WE,
            ),
        ),
        "D": (
            lazy("Neither says anything, since neither reproduces exactly"),
            lazy(
                "too strong: a number that does not reproduce can still carry a direction; the "
                "fall of the share holds on every denominator the course has."
            ),
        ),
    },
    correct="B",
    hints=(
        lazy("Which of the two survives a change of denominator, and which a change of benchmark?"),
        lazy("Look back at q1 and q3, and at lesson 02's section on 20.5% → 5.2%."),
    ),
    solution_text=lazy(
        "(B). Weighing evidence means asking what survives a change of assumption. The fall "
        "survives every denominator (Table 1's own share: {s05:.2f}% → {s09:.2f}%), though the "
        "factor of four does not. The international comparison changes verdict with the "
        "benchmark (1/{usa:.1f} of the USA, 1/{europe:.1f} of Western Europe), and its "
        "benchmarks are unsourced and of another concept. A referee should build on (i) and "
        "treat (ii) as illustration.",
        s05=_t1_share(2005),
        s09=_t1_share(2009),
        usa=_one_in_usa(),
        europe=_one_in_europe(),
    ),
)


def _fai_share(year: int) -> float:
    return float(rebuild.renovation_share_of_fai().loc[year])


def _domestic_share(year: int) -> float:
    s = rebuild.domestic_share("both").set_index("year")["domestic_share_pct"]
    return float(s[year])


_REPORT_RUBRIC = (
    Criterion(
        lazy("summary"),
        lazy(
            "states the paper's question, its evidence (Table 1, yearbook series, Table 2, a "
            "census) and its recommendations fairly, in about five sentences, before any "
            "criticism"
        ),
        3,
    ),
    *(
        Criterion(
            lazy("major concern {k}", k=k),
            lazy(
                "names the claim at issue with its section, backs the concern with a number "
                "recomputed from data/ (and how), says why it matters for the conclusion and "
                "what the authors should do; without a recomputed number at most half marks"
            ),
            4,
        )
        for k in (1, 2, 3)
    ),
    Criterion(
        lazy("what would change the referee's mind"),
        lazy(
            "a concrete piece of evidence (a series, a universe, a comparison group) and the "
            "result that would change the verdict"
        ),
        3,
    ),
    Criterion(lazy("minor points"), lazy("precision, labels, universes, units"), 1),
    Criterion(
        lazy("tone and economy"),
        lazy("one page, professional, a clear recommendation proportionate to the concerns"),
        1,
    ),
)

q8 = CritiqueQuestion(
    qid="q8",
    answer_name="q8_answer",
    prompt=lazy(
        "Capstone: a referee report on the paper (one page: about 550 words). Write (1) a "
        "summary of the paper's question, evidence and claims; (2) three major concerns, each "
        "backed by a number you recomputed from data/ in this course (q1-q7 give several); (3) "
        "what would change your mind on each; (4) your recommendation. The rubric is printed "
        "below the question; a person marks it."
    ),
    words=550,
    rubric=_REPORT_RUBRIC,
    hints=(
        lazy(
            "Start from the ledger in lesson 09: its 'does not reproduce' and 'stated only' rows "
            "are candidate concerns."
        ),
        lazy(
            "One concern per paragraph: the claim and where it stands, your number and how you "
            "computed it, why it matters, what would settle it."
        ),
    ),
    solution_text=lazy(
        "Summary. The paper asks why the technical renovation of China's traditional industries "
        "lagged in the 2000s and what policy should do for the 12th Five-Year Plan. Its "
        "evidence is a table of spending by large and medium-sized enterprises in traditional "
        "industries 2005-2009 (Table 1), yearbook series on technology purchases, an "
        "international index of informatisation (Table 2) and one census of equipment levels. "
        "It claims that renovation intensity collapsed, that firms turned to domestic "
        "technology and absorbed more of what they imported, that equipment is backward, and "
        "that weak incentives (market power, state ownership, risk) explain the lag; it "
        "recommends interest subsidies and institutional reform. The paper is a useful map of "
        "the problem; three concerns limit what its numbers can bear.\n\n"
        "Major concern 1: the collapse of intensity mixes definitions. Section 二.1 sets "
        "{y1980}% in 1980 against {y2009}% in 2009. The 1980 figure rebuilds as {rebuilt}% of "
        "society-wide investment, a planning category that includes housing and "
        "infrastructure; Table 1's own spending is {fai2009}% of total fixed investment in "
        "2009, and the 5.2% needs a manufacturing denominator the paper never shows. The "
        "direction (renovation lost ground: {fai2005}% in 2005) survives; the factor of four "
        "does not. A series on one definition across the 1990s and 2000s would change my "
        "mind.\n\n"
        "Major concern 2: numbers of different groups of firms are read as one series. The "
        "text's 2009 growth of {printed}% is for all large and medium-sized enterprises; "
        "recomputed from Table 1 (traditional ones only) it is {table1}%. Close here, but "
        "Figure 2 joins the two groups: the domestic share goes from {dom2004}% in 2004 to "
        "{dom2005}% in 2005, at exactly the year the coverage changes, which is a large part "
        "of the rise the paper reads as behaviour. One overlapping year reported for both "
        "groups would measure the break and resolve this.\n\n"
        "Major concern 3: the causes are asserted, not tested. The paper explains weak "
        "renovation by incentives that change slowly, yet spending rose until 2008 and fell "
        "{fall}% in 2009, while its share of investment fell from {fai2008}% to {fai2009}% in "
        "one year: a crisis and a stimulus aimed at infrastructure fit that break better. The "
        "benchmarks that make China look far behind (the USA's {usa}% and Western Europe's "
        "{europe}%) have no source, and China's {china}% is about 1/{x} of the USA's, not "
        "1/10. Firm-level spending by ownership, and the years after 2009, would tell "
        "incentives from the cycle; a sourced benchmark on the same definition would make the "
        "comparison meaningful.\n\n"
        "Recommendation: major revision. The descriptive tables are valuable and mostly "
        "reproduce; the headline comparisons should be restated on one definition and one "
        "group of firms, the benchmarks sourced, and the causal claims either tested or "
        "presented as hypotheses. The policy section would then rest on evidence of the size "
        "it claims.",
        y1980=data.claim("lme_share_1980")["value"],
        y2009=data.claim("lme_share_2009")["value"],
        rebuilt=format(rebuild.renovation_share_1980(), ".2f"),
        fai2005=format(_fai_share(2005), ".2f"),
        fai2008=format(_fai_share(2008), ".2f"),
        fai2009=format(_fai_share(2009), ".2f"),
        printed=data.claim("growth_2009_lme")["value"],
        table1=format(float(rebuild.table1_yearly_growth().loc[2009, "renovation"]), ".2f"),
        dom2004=format(_domestic_share(2004), ".1f"),
        dom2005=format(_domestic_share(2005), ".1f"),
        fall=format(-float(rebuild.table1_yearly_growth().loc[2009, "renovation"]), ".0f"),
        usa=_US,
        europe=_WE,
        china=_CN,
        x=format(_one_in_usa(), ".0f"),
    ),
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7, q8]
