"""Exercises for lesson 09: reading the paper critically (the whole paper, the claims ledger)."""

from __future__ import annotations

from .. import data, measures, rebuild
from ..models import ledger
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
    prompt=(
        "Section 四.2 says China's renovation intensity is 'only about 1/10' of the USA's and "
        f"Western Europe's. Using the paper's own numbers (China's {_CN}% and the USA's {_US}%, "
        "both in data/paper_claims.csv), China's intensity is 1/x of the USA's. What is x?"
    ),
    expected=_one_in_usa,
    unit="ratio",
    tolerance=0.05,
    mistakes=(
        Mistake(
            "the fraction itself",
            lambda: rebuild.fraction_of_benchmark("us_share_1947_1978"),
            "that is China's intensity as a fraction of the USA's; the question asks for x in 1/x.",
        ),
        Mistake(
            "Western Europe instead of the USA",
            _one_in_europe,
            f"that is the comparison with Western Europe's {_WE}%; use the USA's {_US}%.",
        ),
        Mistake(
            "the paper's rounded 'about 1/10'",
            lambda: 1 / data.claim_value("tenth_of_usa"),
            f"that is what the paper says; compute it from {_CN}% and {_US}%.",
        ),
    ),
    where=f"四.2, line {_line('tenth_of_usa')} (the paper says about 1/10)",
    hints=(
        "The claims are `lme_share_2009` and `us_share_1947_1978`.",
        f"x = {_US} / {_CN}.",
    ),
    solution_text=(
        "q1_answer = data.claim_value('us_share_1947_1978') / data.claim_value('lme_share_2009')\n"
        f"x ≈ {_one_in_usa():.1f}: about 1/{_one_in_usa():.0f}, not 1/10. Against Western "
        f"Europe the ratio is about 1/{_one_in_europe():.1f}, "
        "so 'about 1/10' fits Europe, while against the USA the paper's own numbers contradict it. "
        "And the "
        f"{_CN}% is most likely a share of manufacturing investment, while {_US}% and {_WE}% are "
        "shares of total investment "
        "(see q3)."
    ),
)

q2 = NumberQuestion(
    qid="q2",
    answer_name="q2_answer",
    own_code=True,
    prompt=(
        "The text gives 2009 growth of renovation spending as "
        f"{data.claim('growth_2009_lme')['value']}%. Recompute the 2009 growth of technical "
        "renovation spending from Table 1 (percent)."
    ),
    expected=lambda: float(rebuild.table1_yearly_growth().loc[2009, "renovation"]),
    unit="percent",
    tolerance=0.01,
    mistakes=(
        Mistake(
            "the text's number, copied",
            lambda: data.claim_value("growth_2009_lme"),
            "that is the text's figure for all large and medium-sized enterprises; Table 1 "
            "covers the traditional ones only. Compute from Table 1.",
        ),
        Mistake(
            "a fraction instead of a percentage",
            lambda: float(rebuild.table1_yearly_growth().loc[2009, "renovation"]) / 100,
            "multiply by 100.",
        ),
        Mistake(
            "the wrong base year (2005→2009)",
            lambda: float(rebuild.table1_growth(2005, 2009)["renovation"]),
            "that is growth over four years; the question asks for 2008→2009.",
        ),
    ),
    where=f"一.2, line {_line('growth_2009_lme')} (a different universe)",
    hints=(
        "`data.table1_wide()` has the renovation column by year.",
        "(2009 / 2008 − 1) × 100.",
    ),
    solution_text=(
        "q2_answer = rebuild.table1_yearly_growth().loc[2009, 'renovation']\n"
        f"{float(rebuild.table1_yearly_growth().loc[2009, 'renovation']):.2f}% against the "
        f"text's {data.claim('growth_2009_lme')['value']}%: the text speaks of all large and "
        "medium-sized enterprises, Table 1 of the traditional ones. Both say the same thing "
        f"(a fall of about {-float(rebuild.table1_yearly_growth().loc[2009, 'renovation']):.0f}%), "
        "from two universes."
    ),
)

q3 = NumberQuestion(
    qid="q3",
    answer_name="q3_answer",
    own_code=True,
    prompt=(
        "Section 二.1 says the renovation share of investment fell from "
        f"{data.claim('lme_share_1980')['value']}% in 1980 to "
        f"{data.claim('lme_share_2009')['value']}% in 2009; the 1980 value rebuilds as "
        "renovation investment over society-wide fixed-asset investment. Compute the 2009 value "
        "on the same denominator, with Table 1's renovation spending (percent)."
    ),
    expected=lambda: float(rebuild.renovation_share_of_fai().loc[2009]),
    unit="percent",
    tolerance=0.01,
    mistakes=(
        Mistake(
            "GDP as the denominator",
            lambda: rebuild.renovation_share_of_gdp(2009),
            "that is the share of GDP; the 1980 value is a share of fixed-asset investment.",
        ),
        Mistake(
            "a fraction instead of a percentage",
            lambda: float(rebuild.renovation_share_of_fai().loc[2009]) / 100,
            "multiply by 100.",
        ),
        Mistake(
            "the ratio upside down",
            lambda: measures.share_pct(
                data.fai_series("fai_total").loc[2009], data.table1_wide().loc[2009, "renovation"]
            ),
            "divide renovation by investment, not investment by renovation.",
        ),
    ),
    where=f"二.1, line {_line('lme_share_2009')} (the paper's {_CN} cannot be rebuilt)",
    hints=(
        "`data.fai_series('fai_total')` is society-wide fixed-asset investment (亿元).",
        "Table 1 renovation 2009 / society-wide FAI 2009 × 100.",
    ),
    solution_text=(
        "q3_answer = rebuild.renovation_share_of_fai().loc[2009]\n"
        f"About {float(rebuild.renovation_share_of_fai().loc[2009]):.2f}%, far below {_CN}. "
        f"The {_CN} is most likely the {_MFG}% of 一.2, a share of manufacturing fixed-asset "
        "investment (an inference: same year, same digits): the paper would end a series on one "
        "denominator with a number on another. Even this recomputation is not like for like: "
        "Table 1's 技术改造经费支出 is firms' renovation spending, narrower than the 1980 "
        "figure's society-wide 更新改造投资 (lesson 02). The fall from 1980 is real, but its size "
        "is not what the text suggests."
    ),
)

q4 = NumberQuestion(
    qid="q4",
    answer_name="q4_answer",
    prompt=(
        "Section 一.3 says that from "
        f"{data.claim('domestic_faster_since_2003')['value']} the growth of domestic technology "
        "purchases of all large and medium-sized enterprises began to be markedly higher than "
        "that of foreign technology. In the universe the sentence speaks of (all enterprises, the "
        "yearbooks), from which year on is domestic growth higher in every later comparable year? "
        "(A year whose previous year is missing or lies in the other universe cannot be compared.)"
    ),
    expected=lambda: float(rebuild.first_year_domestic_faster(rebuild.YEARBOOK_UNIVERSE)),
    unit="year",
    tolerance=0.0,
    mistakes=(
        Mistake(
            "Table 1's traditional enterprises mixed in",
            lambda: float(rebuild.first_year_domestic_faster_from_then_on()),
            "that year comes from splicing in Table 1's traditional enterprises, another universe "
            "than the sentence's; keep to the yearbook's all-enterprise years.",
        ),
    ),
    where=f"一.3, line {_line('domestic_faster_since_2003')}",
    hints=(
        "`data.lme_wide()` holds the yearbook's all-enterprise series by year; compute the "
        "growth over the previous year of 'domestic' and of 'foreign'.",
        "Find the first year after which domestic growth is above foreign growth in every "
        "year that can be compared (a year whose previous year is missing cannot).",
    ),
    solution_text=(
        "q4_answer = rebuild.first_year_domestic_faster('lme_all')\n"
        f"{rebuild.first_year_domestic_faster(rebuild.YEARBOOK_UNIVERSE)}: the sentence's year. "
        "But the check is not decisive: 2002 cannot be compared (2001 is missing) and the "
        "all-enterprise domestic series stops in 2004. Table 1's slower 2006 is another universe "
        "and does not contradict a sentence about all enterprises."
    ),
)

q5 = SeriesQuestion(
    qid="q5",
    answer_name="q5_answer",
    prompt=(
        "Section 一.2 says renovation growth fell rapidly after "
        f"{data.claim('fast_growth_until_2004')['value']}. Give Table 1's yearly growth of "
        "technical renovation spending for 2006-2009 (percent, a dict or Series by year)."
    ),
    expected=_yearly_renovation,
    unit="percent",
    tolerance=0.05,
    mistakes=(
        Mistake(
            "fractions instead of percentages",
            lambda: {y: v / 100 for y, v in _yearly_renovation().items()},
            "multiply by 100.",
        ),
        Mistake(
            "growth since 2005 instead of over the previous year",
            lambda: {
                y: float(rebuild.table1_growth(2005, y)["renovation"]) for y in _yearly_renovation()
            },
            "compare each year with the year before, not with 2005.",
        ),
    ),
    hints=(
        "`rebuild.table1_yearly_growth()['renovation']`.",
        "Drop 2005 (it has no previous year).",
    ),
    solution_text=(
        "q5_answer = rebuild.table1_yearly_growth()['renovation'].dropna()\n"
        + ", ".join(f"{y}: {v:.2f}%" for y, v in _yearly_renovation().items())
        + ". Growth rose in 2007 before it fell in 2008 and turned negative in 2009. That does "
        "not contradict 'a rapid fall after 2004': the course has no growth rates for 2004-2005, "
        "and a modest 2006 fits a fall from faster growth before. The claim cannot be checked."
    ),
)

q6 = ChoiceQuestion(
    qid="q6",
    answer_name="q6_answer",
    prompt=(
        "The text's 2009 growth and Table 1's differ (q2). Which explanation fits the evidence "
        "best?"
    ),
    options={
        "A": (
            "A typo in Table 1",
            "unlikely: Table 1 gives the growth rates the paper prints for 2005-2009 exactly "
            f"({', '.join(data.claim(c)['value'] + '%' for c in _GROWTH_CLAIMS)}).",
        ),
        "B": (
            "Two universes: the text speaks of all large and medium-sized industrial "
            "enterprises, Table 1 of the traditional ones (high-tech firms left out)",
            "the likely reading: the text and Table 1 name different firms. Adding high-tech "
            "firms' renovation to Table 1 gives an all-enterprise 2008 value, and with it the "
            f"paper's {_GDP}% of GDP allows a 2009 growth range that contains the text's figure — "
            "but Table 1's too, so that check cannot decide between the explanations.",
        ),
        "C": (
            "Different price bases (current vs constant prices)",
            "nothing suggests it: the paper deflates nothing, and Table 1 is in current 亿元.",
        ),
    },
    correct="B",
    hints=("Read the title of Table 1 and the subject of the sentence in 一.2.",),
    solution_text=(
        "(B), as the likely reading. Table 1 is computed for 大中型传统企业; the text of 一.2-一.4 "
        "speaks of 大中型工业企业. The GDP share is consistent with it but not decisive (its range "
        "contains Table 1's rate too). See the ledger's notes on growth_2009_lme and "
        "share_gdp_2009."
    ),
)

q7 = OpenQuestion(
    qid="q7",
    answer_name="q7_answer",
    prompt=(
        f"Pick one claim the ledger marks 'stated only' (e.g. the USA's "
        f"{data.claim('us_share_1947_1978')['value']}% in 1947-1978 or "
        f"the equipment levels {'/'.join(str(v) for v in rebuild.equipment_distribution())}%). "
        "Say what source and what series the course would need to check it, and how much of "
        "the paper's argument rests on it."
    ),
    hints=("Filter the ledger in lesson 09 by the verdict 'stated only' and read the notes.",),
    solution_text=(
        f"Model answer: the USA's {_US}% (二.1) has no source in the paper. Checking it needs a "
        "US series of investment in replacing and modernising existing plant and equipment "
        "(as opposed to new capacity) and of total business fixed investment, 1947-1978, on "
        "the same definition the paper uses for China — which the paper does not give. A "
        "lot rests on it: the 'about 1/10' of 四.2 and the case for market reform compare "
        "China with this number, and the comparison mixes denominators (q1, q3)."
    ),
)


def _fai_share(year: int) -> float:
    return float(rebuild.renovation_share_of_fai().loc[year])


def _domestic_share(year: int) -> float:
    s = rebuild.domestic_share("both").set_index("year")["domestic_share_pct"]
    return float(s[year])


_REPORT_RUBRIC = (
    Criterion(
        "summary",
        "states the paper's question, its evidence (Table 1, yearbook series, Table 2, a "
        "census) and its recommendations fairly, in about five sentences, before any criticism",
        3,
    ),
    *(
        Criterion(
            f"major concern {k}",
            "names the claim at issue with its section, backs the concern with a number "
            "recomputed from data/ (and how), says why it matters for the conclusion and what "
            "the authors should do; without a recomputed number at most half marks",
            4,
        )
        for k in (1, 2, 3)
    ),
    Criterion(
        "what would change the referee's mind",
        "a concrete piece of evidence (a series, a universe, a comparison group) and the "
        "result that would change the verdict",
        3,
    ),
    Criterion("minor points", "precision, labels, universes, units", 1),
    Criterion(
        "tone and economy",
        "one page, professional, a clear recommendation proportionate to the concerns",
        1,
    ),
)

q8 = CritiqueQuestion(
    qid="q8",
    answer_name="q8_answer",
    prompt=(
        "Capstone: a referee report on the paper (one page: about 550 words). Write (1) a "
        "summary of the paper's question, evidence and claims; (2) three major concerns, each "
        "backed by a number you recomputed from data/ in this course (q1-q5 give three); (3) "
        "what would change your mind on each; (4) your recommendation. The rubric is printed "
        "below the question; a person marks it."
    ),
    words=550,
    rubric=_REPORT_RUBRIC,
    hints=(
        "Start from the ledger in lesson 09: its 'does not reproduce' and 'stated only' rows "
        "are candidate concerns.",
        "One concern per paragraph: the claim and where it stands, your number and how you "
        "computed it, why it matters, what would settle it.",
    ),
    solution_text=(
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
        f"{data.claim('lme_share_1980')['value']}% in 1980 against "
        f"{data.claim('lme_share_2009')['value']}% in 2009. The 1980 figure rebuilds as "
        f"{rebuild.renovation_share_1980():.2f}% of society-wide investment, a planning "
        "category that includes housing and infrastructure; Table 1's own spending is "
        f"{_fai_share(2009):.2f}% of total fixed investment in 2009, and the 5.2% needs a "
        "manufacturing denominator the paper never shows. The direction (renovation lost "
        f"ground: {_fai_share(2005):.2f}% in 2005) survives; the factor of four does not. A "
        "series on one definition across the 1990s and 2000s would change my mind.\n\n"
        "Major concern 2: numbers of different groups of firms are read as one series. The "
        "text's 2009 growth of "
        f"{data.claim('growth_2009_lme')['value']}% is for all large and medium-sized "
        "enterprises; recomputed from Table 1 (traditional ones only) it is "
        f"{float(rebuild.table1_yearly_growth().loc[2009, 'renovation']):.2f}%. Close here, "
        "but Figure 2 joins the two groups: the domestic share goes from "
        f"{_domestic_share(2004):.1f}% in 2004 to {_domestic_share(2005):.1f}% in 2005, at "
        "exactly the year the coverage changes, which is a large part of the rise the paper "
        "reads as behaviour. One overlapping year reported for both groups would measure the "
        "break and resolve this.\n\n"
        "Major concern 3: the causes are asserted, not tested. The paper explains weak "
        "renovation by incentives that change slowly, yet spending rose until 2008 and fell "
        f"{-float(rebuild.table1_yearly_growth().loc[2009, 'renovation']):.0f}% in 2009, "
        f"while its share of investment fell from {_fai_share(2008):.2f}% to "
        f"{_fai_share(2009):.2f}% in one year: a crisis and a stimulus aimed at infrastructure "
        "fit that break better. The benchmarks that make China look far behind (the USA's "
        f"{_US}% and Western Europe's {_WE}%) have no source, and China's "
        f"{_CN}% is about 1/{_one_in_usa():.0f} of the USA's, not 1/10. Firm-level spending "
        "by ownership, and the years after 2009, would tell incentives from the cycle; a "
        "sourced benchmark on the same definition would make the comparison meaningful.\n\n"
        "Recommendation: major revision. The descriptive tables are valuable and mostly "
        "reproduce; the headline comparisons should be restated on one definition and one "
        "group of firms, the benchmarks sourced, and the causal claims either tested or "
        "presented as hypotheses. The policy section would then rest on evidence of the size "
        "it claims."
    ),
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7, q8]
