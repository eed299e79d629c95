"""Exercises for lesson 03 (where technology comes from): the paper's Figures 2 and 3 rebuilt.

Seven questions: Figure 2 (domestic share of technology purchases) and Figure 3 (assimilation over
foreign technology) year by year, the paper's "增长了2倍", the claim that domestic purchases grew
faster than foreign from 2003 on, the universe break, and an open question on figures that are
not in the text. Every expected value is computed from ``data/``.
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
    summary,
    where,
)


def _series():
    return rebuild.technology_series("both").set_index("year")


def _share():
    return rebuild.domestic_share("both").set_index("year")["domestic_share_pct"]


def _ratio():
    return rebuild.assimilation_ratio("both").set_index("year")["assimilation_ratio_pct"]


q1 = SeriesQuestion(
    qid="q1",
    answer_name="q1_answer",
    prompt=lazy(
        "Rebuild Figure 2: the domestic share of technology purchases, domestic / (domestic "
        "+ foreign) × 100, for every year in `rebuild.technology_series('both')` (yearbooks "
        "2000 and 2002-2004, Table 1 2005-2009), keyed by year."
    ),
    expected=lambda: _share().to_dict(),
    unit="percent",
    tolerance=0.01,
    hints=(
        lazy("The denominator is all technology purchases: domestic plus foreign."),
        lazy(
            "`s = rebuild.technology_series('both').set_index('year')`, then `s.domestic / "
            "(s.domestic + s.foreign) * 100`."
        ),
    ),
    solution_text=lazy(
        "s = rebuild.technology_series('both').set_index('year')\n"
        "q1_answer = s['domestic'] / (s['domestic'] + s['foreign']) * 100\n"
        "About 10% in 2000 and 33% in 2009, as the paper says (about 10% and about 30%)."
    ),
    mistakes=(
        Mistake(
            lazy("domestic / foreign instead of domestic / (domestic + foreign)"),
            lambda: (_series()["domestic"] / _series()["foreign"] * 100).to_dict(),
            lazy("a share divides by the total of the purchases, not by the other part."),
        ),
        Mistake(
            lazy("fractions instead of percentages"),
            lambda: (_share() / 100).to_dict(),
            lazy("multiply by 100."),
        ),
        Mistake(
            lazy("the share of all three technology series (assimilation included)"),
            lambda: (
                _series()["domestic"]
                / _series()[["domestic", "foreign", "assimilation"]].sum(axis=1)
                * 100
            ).to_dict(),
            lazy("assimilation is not a purchase of technology: use domestic + foreign only."),
        ),
    ),
)

q2 = SeriesQuestion(
    qid="q2",
    answer_name="q2_answer",
    prompt=lazy(
        "Rebuild Figure 3: assimilation spending over foreign technology spending × 100, for "
        "every year in `rebuild.technology_series('both')`, keyed by year."
    ),
    expected=lambda: _ratio().to_dict(),
    unit="percent",
    tolerance=0.01,
    hints=(
        lazy("How many yuan are spent digesting imported technology per 100 yuan spent buying it?"),
        lazy("`s.assimilation / s.foreign * 100`."),
    ),
    solution_text=lazy(
        "s = rebuild.technology_series('both').set_index('year')\n"
        "q2_answer = s['assimilation'] / s['foreign'] * 100\n"
        "About 7% in 2003 and 46% in 2009: 'below 10%' to 'above 40%', as the paper says."
    ),
    mistakes=(
        Mistake(
            lazy("the ratio upside down (foreign / assimilation)"),
            lambda: (_series()["foreign"] / _series()["assimilation"] * 100).to_dict(),
            lazy("assimilation goes on top: spending on digesting per yuan of imports."),
        ),
        Mistake(
            lazy("a share of (assimilation + foreign) instead of a ratio to foreign"),
            lambda: (
                _series()["assimilation"] / (_series()["assimilation"] + _series()["foreign"]) * 100
            ).to_dict(),
            lazy("the paper's measure is a ratio (比值) to foreign technology spending."),
        ),
    ),
)

TRIPLE = "domestic_share_growth_2002_2009"
q3 = NumberQuestion(
    qid="q3",
    answer_name="q3_answer",
    prompt=lazy(
        "The paper says the domestic share in 2009 'increased 2 times' (增长了2倍) on 2002. "
        "Compute the growth of the share from 2002 to 2009 as a multiple (2009 share / 2002 "
        "share - 1)."
    ),
    expected=lambda: float(measures.multiple(_share().loc[2009], _share().loc[2002]) - 1),
    where=where(TRIPLE),
    unit="multiple",
    tolerance=0.01,
    hints=(
        lazy("增长了2倍 means 'rose by 200%': the new value is three times the old."),
        lazy("Divide the 2009 share by the 2002 share and subtract 1."),
    ),
    solution_text=lazy(
        "s = rebuild.domestic_share('both').set_index('year')['domestic_share_pct']\n"
        "q3_answer = s[2009] / s[2002] - 1\n"
        "About 2.2: the share more than tripled, so '增长了2倍' holds. Note that 2002 comes "
        "from the yearbooks (all enterprises) and 2009 from Table 1 (traditional ones)."
    ),
    mistakes=(
        Mistake(
            lazy("the ratio instead of the growth"),
            lambda: float(measures.multiple(_share().loc[2009], _share().loc[2002])),
            lazy("增长了 means 'grew by': subtract 1 from the ratio."),
        ),
        Mistake(
            lazy("the change in percentage points"),
            lambda: float(_share().loc[2009] - _share().loc[2002]),
            lazy("the paper compares the two shares as a multiple, not as a difference."),
        ),
        Mistake(
            lazy("growth in percent"),
            lambda: float(measures.growth_pct(_share().loc[2002], _share().loc[2009])),
            lazy("express it as a multiple (2.2), not in percent (220%)."),
        ),
    ),
)

FASTER = "domestic_faster_since_2003"
TABLE1_UNIVERSE = "lme_traditional"
q4 = NumberQuestion(
    qid="q4",
    answer_name="q4_answer",
    prompt=lazy(
        "The paper's sentence (一.3) says that from 2003 the growth of domestic purchases of "
        "all large and medium-sized enterprises began to be higher than that of foreign "
        "ones. Here take Table 1's universe instead (traditional enterprises, 2006-2009): "
        "using `rebuild.growth_faster_years()` (growth over the previous year within each "
        "universe), give the first year from which domestic growth exceeds foreign growth in "
        "every later year of the universe '{table1_universe}'.",
        table1_universe=TABLE1_UNIVERSE,
    ),
    expected=lambda: float(rebuild.first_year_domestic_faster(TABLE1_UNIVERSE)),
    unit="year",
    tolerance=0.1,
    hints=(
        lazy(
            "Keep the rows with universe == '{table1_universe}' and look at domestic_faster.",
            table1_universe=TABLE1_UNIVERSE,
        ),
        lazy("Find the last year where it is False; the answer is the next year."),
    ),
    solution_text=lazy(
        "q4_answer = rebuild.first_year_domestic_faster('lme_traditional')\n"
        "2007: in 2006 Table 1's domestic purchases grew about 4.5% against 14.1% for "
        "foreign technology. That does not test the paper's sentence, which is about all "
        "enterprises: in that universe (the yearbooks) domestic growth was higher in 2003 "
        "and 2004, the only comparable years, and the ledger calls the sentence not decisive."
    ),
    mistakes=(
        Mistake(
            lazy("the sentence's year for all enterprises, not Table 1's"),
            lambda: data.claim_value(FASTER),
            lazy(
                "2003 is the sentence's year, in the yearbooks' universe; in Table 1's "
                "universe check 2006, when foreign technology grew faster."
            ),
        ),
        Mistake(
            lazy("the year that is the exception"),
            lambda: float(
                rebuild.growth_faster_years()
                .query(f"universe == '{TABLE1_UNIVERSE}' and not domestic_faster")["year"]
                .max()
            ),
            lazy(
                "that is the exception; the question asks from when domestic growth is "
                "higher without one."
            ),
        ),
    ),
)

q5 = ChoiceQuestion(
    qid="q5",
    answer_name="q5_answer",
    prompt=lazy(
        "Why does `rebuild.growth_faster_years()` have no row for 2005, and why is the jump "
        "of Figure 2 between 2004 and 2005 hard to read?"
    ),
    options={
        "A": (
            lazy("2005 is missing from Table 1."),
            lazy("Table 1 starts in 2005; what is missing is a 2004 value in the same universe."),
        ),
        "B": (
            lazy(
                "2004 comes from the yearbooks (all LMEs) and 2005 from Table 1 (traditional "
                "LMEs): growth across the two universes mixes real change with a change of "
                "coverage."
            ),
            lazy(
                "the universes differ (Table 1's foreign technology is about 71-81% of all "
                "LMEs' in 2005-2008), so a growth rate across the break would be meaningless."
            ),
        ),
        "C": (
            lazy("Growth in 2005 was zero."),
            lazy("nothing in the data says so; it cannot be computed across the break."),
        ),
        "D": (
            lazy("The paper says 2005 is an outlier."),
            lazy("the paper says nothing about 2005 in particular."),
        ),
    },
    correct="B",
    hints=(lazy("Which source does each year come from? Look at the 'universe' column."),),
    solution_text=lazy(
        "q5_answer = 'B'\n"
        "2000-2004 are all large and medium-sized enterprises (yearbooks); 2005-2009 are "
        "Table 1's traditional ones. Growth across the break compares two different sets of "
        "firms."
    ),
)

q6 = NumberQuestion(
    qid="q6",
    answer_name="q6_answer",
    own_code=True,
    prompt=lazy(
        "How big is the universe break? In 2005, Table 1's foreign technology spending was "
        "what percentage of all large and medium-sized enterprises' "
        "(`data.lme_wide()['foreign']`)?"
    ),
    expected=lambda: float(
        measures.share_pct(
            data.table1_wide().loc[2005, "foreign"], data.lme_wide().loc[2005, "foreign"]
        )
    ),
    hints=(
        lazy("Both series are in 亿元; the yearbook one covers all LMEs."),
        lazy("Share = Table 1 2005 / yearbook 2005 × 100."),
    ),
    solution_text=lazy(
        "t1, yb = data.table1_wide(), data.lme_wide()\n"
        "q6_answer = t1.loc[2005, 'foreign'] / yb.loc[2005, 'foreign'] * 100\n"
        "About 71%: high-tech enterprises bought almost 30% of foreign technology, so the "
        "two universes are far apart."
    ),
    mistakes=(
        Mistake(
            lazy("the ratio upside down"),
            lambda: float(
                measures.share_pct(
                    data.lme_wide().loc[2005, "foreign"], data.table1_wide().loc[2005, "foreign"]
                )
            ),
            lazy("Table 1 (the part) goes on top, all LMEs (the whole) below."),
        ),
        Mistake(
            lazy("a fraction instead of a percentage"),
            lambda: float(
                data.table1_wide().loc[2005, "foreign"] / data.lme_wide().loc[2005, "foreign"]
            ),
            lazy("multiply by 100."),
        ),
    ),
)

q7 = OpenQuestion(
    qid="q7",
    answer_name="q7_answer",
    prompt=lazy(
        "Figures 2 and 3 are not in the text of the paper, only the numbers quoted around "
        "them. What would you need to know to be sure the course's rebuilt figures are the "
        "paper's? Two or three sentences."
    ),
    hints=(
        lazy("Which universe and which years did the authors use for each point?"),
        lazy("Compare the paper's wording (大中型工业企业) with Table 1's (大中型传统企业)."),
    ),
    solution_text=lazy(
        "The figures' universe and years: the text speaks of all large and medium-sized "
        "industrial enterprises, Table 1 of traditional ones, and the course splices "
        "yearbook data (2000-2004) with Table 1 (2005-2009). With the original figures, or "
        "all-LME values for 2005-2009 (domestic and assimilation series), one could check "
        "whether the paper's 'about 30%' and 'above 40%' for 2009 refer to the same firms as "
        "its 2000-2003 values. The course's numbers agree with every quoted value, but the "
        "break remains."
    ),
)


def _dshare(year: int) -> float:
    s = rebuild.domestic_share("both").set_index("year")["domestic_share_pct"]
    return float(s[year])


q8 = CritiqueQuestion(
    qid="q8",
    answer_name="q8_answer",
    prompt=lazy(
        "Critique (about 150 words). Figure 2 shows the domestic share of technology "
        "purchases rising from about 10% to about 30% and section 一.3 reads it as firms "
        "turning to domestic technology. How much of the rise is behaviour and how much is a "
        "change of the firms covered? Back your answer with numbers you recompute and say "
        "what would settle it."
    ),
    words=150,
    rubric=critique_rubric(
        claim=lazy("states the reading of Figure 2 and the two groups of firms its points cover"),
        evidence=lazy("recomputes the share on each side of the universe break and the jump at it"),
        reasoning=lazy(
            "separates the rise within each universe from the step at the break, and says "
            "whether the direction of the claim survives"
        ),
        settle=lazy("names the overlapping year or series that would measure the break"),
    ),
    hints=(
        lazy("Compute the domestic share for each year of each universe (q1)."),
        lazy(
            "Compare 2000→2004 (all enterprises) with 2005→2009 (traditional ones), then 2004→2005."
        ),
    ),
    solution_text=lazy(
        "Figure 2 joins two groups of firms: all large and medium-sized enterprises up to "
        "2004 and traditional ones from 2005. Recomputed, the domestic share rose from "
        "{share_2000:.1f}% in 2000 to {share_2004:.1f}% in 2004, then stands at "
        "{share_2005:.1f}% in 2005 and {share_2009:.1f}% in 2009. About {step:.0f} of the "
        "roughly {rise:.0f} points of rise happen at the break, where the group of firms "
        "changes, so they measure coverage as much as behaviour: traditional industries may "
        "simply buy more domestic technology than high-tech ones. The rise within each "
        "universe is real and points the same way, so the direction of the claim survives; "
        "its size does not. One overlapping year, 2005 reported for both groups from the "
        "same yearbook, would measure the break.",
        share_2000=_dshare(2000),
        share_2004=_dshare(2004),
        share_2005=_dshare(2005),
        share_2009=_dshare(2009),
        step=_dshare(2005) - _dshare(2004),
        rise=_dshare(2009) - _dshare(2000),
    ),
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7, q8]
