"""Exercises for lesson 08: policy for the 12th Five-Year Plan (the paper's 一.1 and 四)."""

from __future__ import annotations

from .. import data, rebuild
from ..i18n import lazy
from ..models import subsidy
from .core import (  # noqa: F401
    ChoiceQuestion,
    CritiqueQuestion,
    Mistake,
    NumberQuestion,
    OpenQuestion,
    critique_rubric,
    summary,
)

RATE = subsidy.LENDING_RATE_2009_PCT
_line = data.claim("subsidy_per_year")["paper_line"]
_stim_line = data.claim("stimulus_renovation")["paper_line"]
_B = subsidy.subsidy_per_year()
_L = subsidy.loans_supported(_B, RATE, 100)
_FALL = -float(rebuild.table1_yearly_growth().loc[2009, "renovation"])

q1 = NumberQuestion(
    qid="q1",
    answer_name="q1_answer",
    prompt=lazy(
        "The paper (一.1) says the central government set aside a sum every year for three "
        "years, mainly as interest subsidies for renovation. How much in all, in 亿元? Read "
        "both numbers with `data.claim_value`."
    ),
    expected=subsidy.subsidy_total,
    unit="亿元",
    tolerance=0.5,
    mistakes=(
        Mistake(
            lazy("one year only"),
            subsidy.subsidy_per_year,
            lazy("that is the yearly sum; the programme ran for several years."),
        ),
        Mistake(
            lazy("the yearly sum divided by the years"),
            lambda: data.claim_value("subsidy_per_year") / data.claim_value("subsidy_years"),
            lazy("the sum is per year: multiply by the number of years."),
        ),
    ),
    where=lazy(
        "一.1, lines {first}-{last}", first=data.claim("subsidy_years")["paper_line"], last=_line
    ),
    hints=(
        lazy("The claims are `subsidy_per_year` and `subsidy_years`."),
        lazy("Multiply them."),
    ),
    solution_text=lazy(
        "{code}\n{per_year}亿元 a year for {years} years (2009-2011): {total}亿元.",
        code="q1_answer = data.claim_value('subsidy_per_year') * data.claim_value('subsidy_years')",
        per_year=format(_B, "g"),
        years=format(data.claim_value("subsidy_years"), "g"),
        total=format(subsidy.subsidy_total(), "g"),
    ),
)

q2 = NumberQuestion(
    qid="q2",
    answer_name="q2_answer",
    prompt=lazy(
        "What percentage of the 4万亿元 stimulus went to structural adjustment and technical "
        "renovation, by the paper's numbers?"
    ),
    expected=subsidy.stimulus_share_pct,
    unit="percent",
    tolerance=0.005,
    mistakes=(
        Mistake(
            lazy("a fraction instead of a percentage"),
            lambda: subsidy.stimulus_share_pct() / 100,
            lazy("multiply by 100 to get percent."),
        ),
        Mistake(
            lazy("the ratio upside down"),
            lambda: (
                data.claim_value("stimulus_total") / data.claim_value("stimulus_renovation") * 100
            ),
            lazy("divide the part by the whole, not the other way round."),
        ),
        Mistake(
            lazy("mixing units (万亿 and 亿)"),
            lambda: (
                data.claim_value("stimulus_renovation")
                / (data.claim_value("stimulus_total") / 10000)  # 万亿 = 10000亿
                * 100
            ),
            lazy("4万亿 is 40000亿: put both numbers in 亿元 before dividing."),
        ),
    ),
    where=lazy("一.1, line {line}", line=_stim_line),
    hints=(
        lazy("The claims are `stimulus_renovation` and `stimulus_total`, both in 亿元."),
        lazy("part / whole × 100."),
    ),
    solution_text=lazy(
        "{code}\n{part}亿 of {whole}亿 is {share}%. Note that the part covers restructuring as "
        "well as renovation, and was spent over more than one year.",
        code="q2_answer = data.claim_value('stimulus_renovation') / "
        "data.claim_value('stimulus_total') * 100",
        part=format(data.claim_value("stimulus_renovation"), "g"),
        whole=format(data.claim_value("stimulus_total"), "g"),
        share=format(subsidy.stimulus_share_pct(), ".2f"),
    ),
)

q3 = NumberQuestion(
    qid="q3",
    answer_name="q3_answer",
    prompt=lazy(
        "Lesson 08's model: if the yearly subsidy pays all of one year's interest at the 2009 "
        "benchmark lending rate ({rate}%, the model's assumption), how many 亿元 of loans does it "
        "support in a year?",
        rate=RATE,
    ),
    expected=lambda: subsidy.loans_supported(subsidy.subsidy_per_year(), RATE, 100),
    unit="亿元",
    tolerance=1.0,
    mistakes=(
        Mistake(
            lazy("the rate in percent, not as a fraction"),
            lambda: subsidy.subsidy_per_year() / RATE,
            lazy(
                "{rate}% is {fraction} as a fraction: divide by that.",
                rate=RATE,
                fraction=format(RATE / 100, "g"),
            ),
        ),
        Mistake(
            lazy("multiplying instead of dividing"),
            lambda: subsidy.subsidy_per_year() * RATE / 100,
            lazy(
                "that is the interest on a loan the size of the budget; the question runs the "
                "other way: which loans cost the budget in interest?"
            ),
        ),
        Mistake(
            lazy("the three years' budget"),
            lambda: subsidy.loans_supported(subsidy.subsidy_total(), RATE, 100),
            lazy("the question asks for one year's budget."),
        ),
    ),
    where=lazy("the course's model (not in the paper)"),
    hints=(
        lazy("Interest on a loan L for a year is L × r. The subsidy pays it all: L × r = budget."),
        lazy("L = budget / r, with r as a fraction (the percentage divided by 100)."),
    ),
    solution_text=lazy(
        "{code}\nL = {budget} / {r} ≈ {loans}亿元 a year: each yuan of subsidy carries about "
        "{per_yuan} yuan of loans.",
        code="q3_answer = subsidy.loans_supported(subsidy.subsidy_per_year(), "
        "subsidy.LENDING_RATE_2009_PCT, 100)",
        budget=format(_B, "g"),
        r=format(RATE / 100, "g"),
        loans=format(_L, ",.0f"),
        per_yuan=format(subsidy.loans_per_yuan(RATE, 100), ".1f"),
    ),
)

q4 = NumberQuestion(
    qid="q4",
    answer_name="q4_answer",
    prompt=lazy(
        "Those loans as a percentage of Table 1's technical renovation spending in 2009 "
        "(大中型传统企业)?"
    ),
    expected=lambda: subsidy.loans_vs_spending_pct(subsidy.subsidy_per_year(), RATE, 100, 2009),
    unit="percent",
    tolerance=0.1,
    mistakes=(
        Mistake(
            lazy("a fraction instead of a percentage"),
            lambda: subsidy.loans_vs_spending_pct(None, RATE, 100, 2009) / 100,
            lazy("multiply by 100."),
        ),
        Mistake(
            lazy("the ratio upside down"),
            lambda: 100 * 100 / subsidy.loans_vs_spending_pct(None, RATE, 100, 2009),
            lazy("divide the loans by the spending, not the spending by the loans."),
        ),
        Mistake(
            lazy("the wrong year (2008)"),
            lambda: subsidy.loans_vs_spending_pct(None, RATE, 100, 2008),
            lazy("use 2009, the first year of the subsidy."),
        ),
    ),
    where=lazy("the course's model against Table 1"),
    hints=(
        lazy("`data.table1_wide().loc[2009, 'renovation']` is Table 1's spending."),
        lazy("loans / spending × 100."),
    ),
    solution_text=lazy(
        "{code}\nAbout {pct}%: even paying all the interest, the subsidy could carry loans as "
        "large as all of Table 1's renovation spending in 2009 — the year that spending fell by "
        "{fall}%.",
        code="q4_answer = subsidy.loans_supported(subsidy.subsidy_per_year(), "
        "subsidy.LENDING_RATE_2009_PCT, 100) / data.table1_wide().loc[2009, 'renovation'] * 100",
        pct=format(subsidy.loans_vs_spending_pct(_B, RATE, 100), ".0f"),
        fall=format(_FALL, ".2f"),
    ),
)

q5 = NumberQuestion(
    qid="q5",
    answer_name="q5_answer",
    own_code=True,
    prompt=lazy(
        "At what lending rate (percent) would the yearly subsidy, paying all the interest, "
        "support loans exactly equal to Table 1's 2009 renovation spending?"
    ),
    expected=lambda: subsidy.break_even_rate_pct(subsidy.subsidy_per_year(), 2009),
    unit="percent",
    tolerance=0.01,
    mistakes=(
        Mistake(
            lazy("a fraction instead of a percentage"),
            lambda: subsidy.break_even_rate_pct(None, 2009) / 100,
            lazy("give the rate in percent."),
        ),
        Mistake(
            lazy("the ratio upside down"),
            lambda: 100 * 100 / subsidy.break_even_rate_pct(None, 2009),
            lazy("solve budget = spending × r for r: r = budget / spending."),
        ),
    ),
    where=lazy("the course's model against Table 1"),
    hints=(
        lazy("Set loans = budget / r equal to the spending and solve for r."),
        lazy("r = budget / spending; × 100 for percent."),
    ),
    solution_text=lazy(
        "{code}\nAbout {rate}%: the break-even rate is simply the budget as a share of the "
        "spending. The 2009 benchmark rate was a little lower, so the loans supported exceed the "
        "spending.",
        code="q5_answer = subsidy.subsidy_per_year() / data.table1_wide().loc[2009, 'renovation'] "
        "* 100",
        rate=format(subsidy.break_even_rate_pct(_B), ".2f"),
    ),
)

q6 = ChoiceQuestion(
    qid="q6",
    answer_name="q6_answer",
    prompt=lazy(
        "The subsidy could back loans on the scale of all of Table 1's renovation spending, "
        "yet that spending fell in 2009. Which reading does the paper itself give (四.2)?"
    ),
    options={
        "A": (
            lazy("The subsidy was far too small to matter"),
            lazy(
                "not the paper's reading, and the model suggests otherwise: the loans the budget "
                "can touch are large."
            ),
        ),
        "B": (
            lazy(
                "Subsidised loans can spur investment in the short run but cannot remove the "
                "institutional barriers that keep firms from renovating"
            ),
            lazy(
                "the paper notes that renovation investment growth fell despite stronger "
                "policy support and concludes that stimulus has limited effect; it asks for "
                "market reform (monopolies, the environment for small firms)."
            ),
        ),
        "C": (
            lazy("The subsidy caused the fall by crowding out private credit"),
            lazy("the paper does not say this, and nothing in the data here could show it."),
        ),
        "D": (
            lazy("Table 1 covers every firm that received the subsidy"),
            lazy(
                "Table 1 covers large and medium-sized traditional enterprises only; small "
                "firms and high-tech firms could also borrow."
            ),
        ),
    },
    correct="B",
    hints=(lazy("Read the first paragraph of 四.2."),),
    solution_text=lazy(
        "(B). The paper: subsidised loans stimulate renovation in the short run but do not "
        "solve the underlying problem; during the 11th Five-Year Plan renovation investment "
        "growth fell instead of rising though support increased. Its remedy is reform."
    ),
)

# The marginal project: renovation loans are mostly medium- and long-term, so the 3-5 year rate;
# half the interest covered (the widget's probe); depreciation at the model's default.
LONG_RATE = subsidy.LENDING_RATE_3_5Y_2009_PCT
HALF = subsidy.PARAMS["share_pct"].extra_probes[0]
DEP = subsidy.DEPRECIATION_PCT


def _subsidised_user_cost(rate=LONG_RATE, share=HALF, dep=DEP) -> float:
    return subsidy.user_cost_pct(rate, share, dep)


q7 = NumberQuestion(
    qid="q7",
    answer_name="q7_answer",
    prompt=lazy(
        "The marginal project. A yuan of equipment costs its user r + δ a year (interest and "
        "depreciation); an interest subsidy paying a share s of the interest lowers that to "
        "r (1 − s) + δ. At the 2009 benchmark rate for 3-5 year loans ({rate}%), depreciation "
        "of {dep:g}% a year and half the interest covered ({share:g}%), what is the lowest "
        "yearly return (percent of the investment) of a project the subsidy adds?",
        rate=LONG_RATE,
        dep=DEP,
        share=HALF,
    ),
    expected=_subsidised_user_cost,
    unit="percent",
    tolerance=0.01,
    mistakes=(
        Mistake(
            lazy("the interest alone (depreciation left out)"),
            lambda: _subsidised_user_cost(dep=0.0),
            lazy("equipment also wears out: add the depreciation rate δ to the interest."),
        ),
        Mistake(
            lazy("the subsidy applied to depreciation too"),
            lambda: (LONG_RATE + DEP) * (1 - HALF / 100),
            lazy("the subsidy pays part of the interest only: r (1 − s) + δ, not (r + δ)(1 − s)."),
        ),
        Mistake(
            lazy("the user cost without the subsidy (the top of the band)"),
            lambda: _subsidised_user_cost(share=0.0),
            lazy(
                "projects returning more than that go ahead without the subsidy; the lowest "
                "return the subsidy adds is the subsidised user cost."
            ),
        ),
        Mistake(
            lazy("the rate for loans of 6 months to 1 year"),
            lambda: _subsidised_user_cost(rate=RATE),
            lazy("use the rate for 3-5 year loans, {rate}%.", rate=LONG_RATE),
        ),
    ),
    where=lazy("the course's user-cost extension of lesson 08 (Jorgenson 1963)"),
    hints=(
        lazy("A project is worth undertaking when its yearly return covers its user cost."),
        lazy(
            "The subsidised user cost is r (1 − s) + δ, with r and δ in percent and s as a "
            "fraction."
        ),
    ),
    solution_text=lazy(
        "q7_answer = subsidy.LENDING_RATE_3_5Y_2009_PCT * (1 - 0.5) + subsidy.DEPRECIATION_PCT\n"
        "= {low:.2f}% a year. Without the subsidy the hurdle is {high:.2f}%. The subsidy adds "
        "only projects returning between {low:.2f}% and {high:.2f}% a year; projects above "
        "{high:.2f}% would have gone ahead anyway and take the subsidy as a transfer, projects "
        "below {low:.2f}% still do not pay. Per yuan invested the subsidy is worth {value:.4f} "
        "yuan (one subsidised year, discounted at the lending rate): how many loans a budget "
        "can touch (q3) says nothing about how many projects fall inside this band.",
        low=_subsidised_user_cost(),
        high=_subsidised_user_cost(share=0.0),
        value=subsidy.subsidy_per_yuan(LONG_RATE, HALF),
    ),
)

q8 = CritiqueQuestion(
    qid="q8",
    answer_name="q8_answer",
    prompt=lazy(
        "Critique (about 150 words). Lesson 08 counts how many loans a yearly interest-subsidy "
        "budget could support and sets that against renovation spending. Does that number say "
        "how much extra renovation the subsidy caused? Back your answer with numbers you "
        "recompute and say what evidence would measure the effect."
    ),
    words=150,
    rubric=critique_rubric(
        claim=lazy("states what the count of loans supported measures (a ceiling on coverage)"),
        evidence=lazy("recomputes the loans supported and their size against Table 1's spending"),
        reasoning=lazy(
            "explains that projects which would have gone ahead anyway also take the "
            "subsidy, so the effect is on the marginal project through its cost of capital"
        ),
        settle=lazy(
            "names evidence on the marginal effect (subsidised against comparable "
            "unsubsidised firms, the response of investment to its cost)"
        ),
    ),
    hints=(
        lazy(
            "Recompute the loans supported at the 2009 lending rate (q3) and set them against "
            "Table 1's 2009 spending (q4)."
        ),
        lazy("Would a firm that was going to renovate anyway refuse a subsidy?"),
    ),
    solution_text=lazy(
        "A yearly budget of {budget}亿元 paying a whole year's interest at {rate}% covers about "
        "{loans}亿元 of loans, about {pct}% of Table 1's 2009 renovation spending. That is a "
        "ceiling on how much lending the money could touch, not on what it adds: firms that "
        "would have renovated anyway will also take the subsidy, and for them it is a transfer. "
        "The subsidy adds investment only where it turns a project that did not pay into one "
        "that does, by lowering its cost of capital by the interest covered. How many such "
        "marginal projects exist depends on how investment responds to its cost, which the "
        "paper does not estimate. Comparing subsidised firms with similar unsubsidised ones, or "
        "estimates of how investment responds to the user cost of capital, would measure the "
        "effect.",
        budget=format(_B, ".0f"),
        rate=RATE,
        loans=format(_L, ",.0f"),
        pct=format(_L / float(data.table1_wide().loc[2009, "renovation"]) * 100, ".0f"),
    ),
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7, q8]
