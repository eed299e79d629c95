"""Exercises for lesson 04 (equipment that wears out): the census's equipment levels, labour
productivity 10.86 → 22.1, and the course's wear-and-renovation teaching model.

Every expected value is computed from ``data/`` (the claims ledger) with :mod:`retool.rebuild`,
:mod:`retool.measures` and :mod:`retool.models.wear`.
"""

from __future__ import annotations

from .. import data, measures, rebuild
from ..i18n import lazy
from ..models import wear as model
from .core import (  # noqa: F401 (summary is re-exported for the notebooks)
    ChoiceQuestion,
    CritiqueQuestion,
    Mistake,
    NumberQuestion,
    OpenQuestion,
    critique_rubric,
    summary,
    where,
)

FYP_YEARS = 5  # the 11th Five-Year Plan, 2006-2010: five years of growth from the 2005 level


def _eq(claim_id: str) -> float:
    return data.claim_value(claim_id)


def _below_advanced() -> float:
    return _eq("equipment_domestic_average") + _eq("equipment_obsolete")


def _prod(which: str) -> float:
    return data.claim_value(f"productivity_{which}")


def _gap(
    renovation=model.DEFAULT_RENOVATION,
    obsolescence=model.DEFAULT_OBSOLESCENCE,
    years=model.DEFAULT_YEARS,
) -> float:
    return float(model.simulate(renovation, obsolescence, years)["gap_levels"].iloc[-1])


def _equal_rates():
    rate = model.DEFAULT_OBSOLESCENCE
    return model.simulate(rate, rate, model.DEFAULT_YEARS)


q1 = NumberQuestion(
    qid="q1",
    answer_name="q1_answer",
    prompt=lazy(
        "By the third industrial census, what share of the main equipment of large and "
        "medium-sized machinery firms was below the domestic advanced level (domestic average or "
        "obsolete)? Answer in percent."
    ),
    expected=_below_advanced,
    unit="percent",
    tolerance=0.05,
    hints=(
        lazy(
            "The four levels are in `rebuild.equipment_distribution()` (percent); they sum to 100."
        ),
        lazy("Below the domestic advanced level are two levels: 国内一般水平 and 国内落后水平."),
    ),
    solution_text=lazy(
        "{code}\n= {average} + {obsolete} = {below}%. Equivalently 100 minus the two upper "
        "levels: most equipment was well behind the frontier.",
        code="d = rebuild.equipment_distribution()\n"
        "q1_answer = d['equipment_domestic_average'] + d['equipment_obsolete']",
        average=_eq("equipment_domestic_average"),
        obsolete=_eq("equipment_obsolete"),
        below=format(_below_advanced(), ".1f"),
    ),
    mistakes=(
        Mistake(
            lazy("a fraction instead of a percentage"),
            lambda: _below_advanced() / 100,
            lazy("the census shares are percentages; keep them in percent."),
        ),
        Mistake(
            lazy("the obsolete level only"),
            lambda: _eq("equipment_obsolete"),
            lazy("the domestic average level is also below the domestic advanced level."),
        ),
        Mistake(
            lazy("the share at or above the domestic advanced level (the complement)"),
            lambda: _eq("equipment_international") + _eq("equipment_domestic_advanced"),
            lazy(
                "that is the share at the two upper levels; the question asks for the two lower "
                "ones."
            ),
        ),
    ),
)

q2 = NumberQuestion(
    qid="q2",
    answer_name="q2_answer",
    own_code=True,
    prompt=lazy(
        "The paper says labour productivity rose from {start} to {end} 万元 per worker and year, "
        "'增长了1倍多' (grew by more than one times, i.e. more than doubled). By how many times "
        "did it grow? Answer as a multiple (0.5 would mean it grew by half).",
        start=format(_prod("start"), "g"),
        end=format(_prod("end"), "g"),
    ),
    expected=rebuild.productivity_growth_multiple,
    unit="multiple",
    tolerance=0.005,
    hints=(
        lazy(
            "'Grew by one times' (增长了1倍) means the end is twice the start: "
            "growth = end / start - 1."
        ),
        lazy(
            "Both numbers are in the claims ledger: `data.claim_value('productivity_start')` and "
            "`data.claim_value('productivity_end')`."
        ),
    ),
    solution_text=lazy(
        "{code}\n= {multiple}: a little more than one times, so '增长了1倍多' is right. The "
        "figures are in current prices: part of the rise is inflation, so the real gain is "
        "smaller.",
        code="q2_answer = data.claim_value('productivity_end') / "
        "data.claim_value('productivity_start') - 1",
        multiple=format(rebuild.productivity_growth_multiple(), ".3f"),
    ),
    mistakes=(
        Mistake(
            lazy("the ratio end / start instead of the growth"),
            lambda: measures.multiple(_prod("end"), _prod("start")),
            lazy("增长了1倍 means 'grew by one times' (doubled): subtract 1 from the ratio."),
        ),
        Mistake(
            lazy("the growth in percent instead of as a multiple"),
            lambda: measures.growth_pct(_prod("start"), _prod("end")),
            lazy("divide by 100: the question asks for a multiple, as the paper's '1倍' is."),
        ),
        Mistake(
            lazy("the ratio upside down (start / end)"),
            lambda: measures.multiple(_prod("start"), _prod("end")),
            lazy("divide the end value by the start value."),
        ),
    ),
)

q3 = NumberQuestion(
    qid="q3",
    answer_name="q3_answer",
    prompt=lazy(
        "The rise from {start} to {end} happened over the 11th Five-Year Plan (the paper gives "
        "no years; take the plan's five years of growth, 2005 level to 2010 level). What "
        "compound annual growth rate does it imply, in percent?",
        start=format(_prod("start"), "g"),
        end=format(_prod("end"), "g"),
    ),
    expected=lambda: measures.cagr_pct(_prod("start"), _prod("end"), FYP_YEARS),
    unit="percent",
    tolerance=0.05,
    hints=(
        lazy("A compound annual growth rate g solves start × (1 + g)^years = end."),
        lazy("`measures.cagr_pct(start, end, years)`, with years = 5."),
    ),
    solution_text=lazy(
        "{code}\n≈ {rate}% a year, in current prices. Dividing the total growth by 5 overstates "
        "it, because growth compounds.",
        code="q3_answer = measures.cagr_pct(data.claim_value('productivity_start'), "
        "data.claim_value('productivity_end'), 5)",
        rate=format(measures.cagr_pct(_prod("start"), _prod("end"), FYP_YEARS), ".1f"),
    ),
    mistakes=(
        Mistake(
            lazy("the total growth divided by the years (no compounding)"),
            lambda: measures.growth_pct(_prod("start"), _prod("end")) / FYP_YEARS,
            lazy("growth compounds: use (end / start)^(1/years) - 1."),
        ),
        Mistake(
            lazy("six years instead of five (counting 2005 to 2010 inclusive)"),
            lambda: measures.cagr_pct(_prod("start"), _prod("end"), FYP_YEARS + 1),
            lazy("from the 2005 level to the 2010 level there are five years of growth."),
        ),
        Mistake(
            lazy("a fraction instead of a percentage"),
            lambda: measures.cagr_pct(_prod("start"), _prod("end"), FYP_YEARS) / 100,
            lazy("multiply by 100: the question asks for percent."),
        ),
    ),
)

q4 = NumberQuestion(
    qid="q4",
    answer_name="q4_answer",
    prompt=lazy(
        "In the lesson's model, the gap to the frontier is the mean number of levels the equipment "
        "stands behind it (international = 0, domestic advanced = 1, domestic average = 2, "
        "obsolete = 3). What is the gap of the census's distribution? Answer in levels."
    ),
    expected=model.start_gap_levels,
    unit="levels",
    tolerance=0.005,
    hints=(
        lazy("A mean weighted by shares: Σ level × share, with shares as fractions summing to 1."),
        lazy(
            "`model.start_distribution()` gives the shares as fractions in the order of the levels."
        ),
        lazy("`model.start_gap_levels()` does it for you; try it by hand first."),
    ),
    solution_text=lazy(
        "{code}\n= {gap} levels: on average the equipment stood more than two levels behind the "
        "international frontier.",
        code="s = model.start_distribution()\nq4_answer = (s * [0, 1, 2, 3]).sum()",
        gap=format(model.start_gap_levels(), ".3f"),
    ),
    mistakes=(
        Mistake(
            lazy("shares in percent instead of fractions"),
            lambda: model.start_gap_levels() * 100,
            lazy("with percentages the weighted sum is 100 times too large: divide by 100."),
        ),
        Mistake(
            lazy("levels counted from 1 instead of 0"),
            lambda: model.start_gap_levels() + 1,
            lazy("equipment at the frontier is 0 levels behind it."),
        ),
    ),
)

_eq_path = _equal_rates()
q6 = ChoiceQuestion(
    qid="q6",
    answer_name="q6_answer",
    prompt=lazy(
        "Set renovation equal to obsolescence ({rate} each) for {years} years. The mean gap stays "
        "where it was. What happens to the share of obsolete equipment?",
        rate=format(model.DEFAULT_OBSOLESCENCE, ".0%"),
        years=model.DEFAULT_YEARS,
    ),
    options={
        "A": (
            lazy("it stays exactly where it was, like the mean"),
            lazy(
                "no: the mean holds, but equipment spreads out. Some is lifted to the frontier, "
                "some falls further behind."
            ),
        ),
        "B": (
            lazy("it rises, while the share at the international level rises too"),
            lazy(
                "yes: with equal rates the distribution spreads. The obsolete share rises from "
                "{obsolete_0}% to {obsolete_1}% and the frontier share from {frontier_0}% to "
                "{frontier_1}%. Compensating wear on average is not the same as renewing what is "
                "oldest.",
                obsolete_0=format(_eq_path["obsolete"].iloc[0], ".1f"),
                obsolete_1=format(_eq_path["obsolete"].iloc[-1], ".1f"),
                frontier_0=format(_eq_path["international"].iloc[0], ".1f"),
                frontier_1=format(_eq_path["international"].iloc[-1], ".1f"),
            ),
        ),
        "C": (
            lazy("it falls to zero, because renovation lifts all of it"),
            lazy(
                "no: renovation lifts a share of every level behind the frontier, not all the "
                "obsolete equipment first."
            ),
        ),
        "D": (
            lazy("it falls, because renovation equals wear"),
            lazy(
                "no: equal rates hold the mean, not each level. Look at the 'obsolete' column of "
                "the simulation with equal rates."
            ),
        ),
    },
    correct="B",
    hints=(
        lazy(
            "Run `model.simulate({rate}, {rate})` and compare the first and the last row.",
            rate=model.DEFAULT_OBSOLESCENCE,
        ),
        lazy("Look at both 'obsolete' and 'international'."),
    ),
    solution_text=lazy(
        "{code}\n"
        "The mean holds, but the distribution spreads: wear pushes some equipment further down "
        "while renovation lifts some to the frontier. A renovation policy that targets the "
        "oldest equipment first would behave differently.",
        code="q6_answer = 'B'",
    ),
)

q7 = OpenQuestion(
    qid="q7",
    answer_name="q7_answer",
    prompt=lazy(
        "The paper calls renovation compensating investment for tangible (有形) and intangible "
        "(无形) wear. Which of the two does the lesson's obsolescence rate stand for, and what "
        "would you need to know to set it from data rather than by assumption?"
    ),
    hints=(
        lazy("Tangible wear is physical; intangible wear is the frontier moving on."),
        lazy(
            "Think of data on equipment age, scrapping, and how fast the international level moves."
        ),
    ),
    solution_text=lazy(
        "The model lumps both together: any equipment that 'falls one level behind' may have worn "
        "out physically (tangible) or been overtaken by newer technology (intangible). To set the "
        "rate from data one would need repeated censuses of equipment levels (how fast shares move "
        "down without renovation), the age structure of equipment and scrapping rates, and a "
        "measure of how fast the international frontier advances. The paper gives only one "
        "snapshot (the third census), so the rates are assumptions."
    ),
)

# Vintage capital: new capacity growing at 8% a year (the slider's probe) that embodies the
# domestic advanced level, one level behind the frontier (new plant built on domestic designs).
NEW_GROWTH = model.PARAMS["growth"].extra_probes[0]
NEW_LEVEL = model.PARAMS["new_level"].extra_probes[0]
SETTLE_YEARS = model.MAX_YEARS  # long enough for the gap to settle: (1 + g)^-100 is negligible


def _settled(
    renovation=model.DEFAULT_RENOVATION,
    obsolescence=model.DEFAULT_OBSOLESCENCE,
    growth=NEW_GROWTH,
    new_level=NEW_LEVEL,
) -> float:
    return model.steady_gap(renovation, obsolescence, growth, new_level)


def _net_wear() -> float:
    return model.DEFAULT_OBSOLESCENCE - model.DEFAULT_RENOVATION


def _simulated(years: int) -> float:
    path = model.simulate(
        model.DEFAULT_RENOVATION,
        model.DEFAULT_OBSOLESCENCE,
        years,
        growth=NEW_GROWTH,
        new_level=NEW_LEVEL,
    )
    return float(path["gap_levels"].iloc[-1])


q5 = NumberQuestion(
    qid="q5",
    answer_name="q5_answer",
    prompt=lazy(
        "Vintage capital. Add new capacity to the model: the stock grows by {growth:.0%} a year "
        "and the new equipment embodies the domestic advanced level (1 level behind the "
        "frontier), with the default renovation ({renovation:.0%}) and obsolescence "
        "({obsolescence:.0%}) rates. Derive by hand the gap at which the mean settles (levels "
        "behind the frontier), then check it against the model run for {years} years.",
        growth=NEW_GROWTH,
        renovation=model.DEFAULT_RENOVATION,
        obsolescence=model.DEFAULT_OBSOLESCENCE,
        years=SETTLE_YEARS,
    ),
    expected=_settled,
    unit="levels",
    tolerance=0.005,
    mistakes=(
        Mistake(
            lazy("new capacity at the frontier (the level it embodies left out)"),
            lambda: _settled(new_level=0),
            lazy(
                "new equipment enters one level behind the frontier: it adds g × e to the gap "
                "every year, so e is part of where the gap settles."
            ),
        ),
        Mistake(
            lazy("the ratio upside down (g over δ − r)"),
            lambda: NEW_LEVEL + NEW_GROWTH / _net_wear(),
            lazy("the net wear δ − r is divided by the growth g, not the other way round."),
        ),
        Mistake(
            lazy("the gap after the lesson's 15 years, not where it settles"),
            lambda: _simulated(model.DEFAULT_YEARS),
            lazy(
                "after 15 years the gap is still on its way; set the gap equal to next year's "
                "gap and solve, or run the model for {years} years.",
                years=SETTLE_YEARS,
            ),
        ),
        Mistake(
            lazy("the gap without new capacity after 15 years"),
            lambda: _gap(),
            lazy("that path has no new capacity (g = 0): it widens for ever and never settles."),
        ),
    ),
    where=lazy("the course's vintage-capital extension of lesson 04 (Solow 1960; Salter 1960)"),
    hints=(
        lazy(
            "Each year the gap G becomes G' = (G + δ − r + g × e) / (1 + g): wear adds δ, "
            "renovation takes off r, new capacity g enters e levels behind."
        ),
        lazy("The gap settles where G' = G. Solve for G."),
        lazy(
            "G* = e + (δ − r) / g. Check: `model.simulate(years={years}, growth={growth}, "
            "new_level={level})['gap_levels'].iloc[-1]`.",
            years=SETTLE_YEARS,
            growth=NEW_GROWTH,
            level=NEW_LEVEL,
        ),
    ),
    solution_text=lazy(
        "e, g = {level}, {growth}\n"
        "q5_answer = e + (model.DEFAULT_OBSOLESCENCE - model.DEFAULT_RENOVATION) / g\n"
        "G* = e + (δ − r) / g = {level} + {net:.2f} / {growth:.2f} = {settled:.3f} levels; the "
        "model run for {years} years ends at {simulated:.3f}. Without new capacity the gap widens "
        "for ever whenever renovation falls short of wear; with it the gap settles, and where it "
        "settles is set by the vintage new capacity embodies (e) as much as by renovation: new "
        "plant at the frontier (e = 0) would hold the gap at {at_frontier:.3f} levels, below the "
        "census's {start:.2f}.",
        level=NEW_LEVEL,
        net=model.DEFAULT_OBSOLESCENCE - model.DEFAULT_RENOVATION,
        growth=NEW_GROWTH,
        settled=_settled(),
        years=SETTLE_YEARS,
        simulated=_simulated(SETTLE_YEARS),
        at_frontier=_settled(new_level=0),
        start=model.start_gap_levels(),
    ),
)


def _prod_ratio() -> float:
    return data.claim_value("productivity_end") / data.claim_value("productivity_start")


def _behind() -> float:
    d = rebuild.equipment_distribution()
    return float(d["equipment_domestic_average"] + d["equipment_obsolete"])


q8 = CritiqueQuestion(
    qid="q8",
    answer_name="q8_answer",
    prompt=lazy(
        "Critique (about 150 words). Part 二 uses a census of equipment levels (in 二.1) and "
        "the growth of labour productivity (in its opening) to argue that too little renovation "
        "left industry "
        "technically backward. Does the evidence show that? Back your answer with numbers you "
        "recompute and say what evidence would change your mind."
    ),
    words=150,
    rubric=critique_rubric(
        claim=lazy("states the causal claim and the two pieces of evidence offered"),
        evidence=lazy(
            "recomputes the share of equipment below the domestic advanced level and the "
            "yearly productivity growth"
        ),
        reasoning=lazy(
            "notes that one census is a level, not a trend, and that the teaching model "
            "shows a widening gap only because of its assumptions"
        ),
        settle=lazy("names repeated censuses or a productivity series by vintage of equipment"),
    ),
    hints=(
        lazy(
            "Add the two lowest equipment levels (q1), and turn the productivity doubling into a "
            "yearly rate (q3)."
        ),
        lazy("What would a trend in equipment levels need that one census cannot give?"),
    ),
    solution_text=lazy(
        "The paper argues that too little renovation left equipment backward. Its evidence is "
        "one census: {behind}% of equipment at or below the domestic average level. That is a "
        "level at one date, not a trend, so it cannot show that things got worse because "
        "renovation slowed. The productivity figures point the other way: labour productivity "
        "grew by {total}% over five years, about {yearly}% a year, which is hard to square with "
        "stagnating technology. The course's wear model only shows a widening gap because it "
        "assumes renovation is slower than wear; with new capacity that embodies recent "
        "technology the gap can settle. Two censuses of equipment levels years apart, or "
        "productivity by vintage of equipment, would change my mind.",
        behind=format(_behind(), ".1f"),
        total=format((_prod_ratio() - 1) * 100, ".0f"),
        yearly=format((_prod_ratio() ** (1 / 5) - 1) * 100, ".0f"),
    ),
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7, q8]
