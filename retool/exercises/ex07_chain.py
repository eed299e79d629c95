"""Exercises for lesson 07: planning the whole chain (the paper's 二.4 and 三)."""

from __future__ import annotations

from .. import data
from ..i18n import lazy
from ..models import chain
from .core import (  # noqa: F401
    ChoiceQuestion,
    CritiqueQuestion,
    Mistake,
    NumberQuestion,
    OpenQuestion,
    critique_rubric,
    summary,
)

q1 = ChoiceQuestion(
    qid="q1",
    answer_name="q1_answer",
    prompt=lazy(
        "A steel mill spends its whole renovation budget on new rolling mills but still plans "
        "production on paper and spreadsheets. Which of the paper's four biases (二.4) is this?"
    ),
    options={
        "A": (
            lazy("Technology over management"),
            lazy(
                "close in spirit, but the paper has a sharper label: the missing piece here is "
                "software (planning and execution systems), not management skill as such."
            ),
        ),
        "B": (
            lazy("Hardware over software"),
            lazy(
                "renovation is equated with buying equipment, while the MRP/ERP/MES systems "
                "that multiply the equipment's efficiency are neglected."
            ),
        ),
        "C": (
            lazy("Manufacturing over R&D and design"),
            lazy(
                "nothing here is about R&D or design; the mill invests in making things, but "
                "the point is what it buys for making them."
            ),
        ),
        "D": (
            lazy("Short term over long term"),
            lazy("not the best fit: the mills may pay off for decades; the gap is the software."),
        ),
    },
    correct="B",
    hints=(
        lazy(
            "Sort the four biases by what they leave out: management, R&D and design, software, "
            "the long run."
        ),
        lazy("Planning on paper means the firm has no production-planning or execution system."),
    ),
    solution_text=lazy(
        "(B) hardware over software. The paper lists MIS, MRP, ERP, PDM and MES as the software "
        "firms neglect when they equate renovation with buying equipment; it argues that the "
        "multiplying effect of information technology comes mainly from such systems."
    ),
)

q2 = ChoiceQuestion(
    qid="q2",
    answer_name="q2_answer",
    prompt=lazy(
        "A garment maker assembles jackets for a foreign brand, which does the design and the "
        "marketing. It wants to upgrade. Which move answers the bias 'manufacturing over R&D "
        "and design'?"
    ),
    options={
        "A": (
            lazy("Buy faster sewing machines"),
            lazy("that upgrades manufacturing, the stage the firm is already locked into."),
        ),
        "B": (
            lazy("Build its own design team and brand"),
            lazy(
                "the paper says weak R&D and design lock firms into the low end of the "
                "value chain, doing contract work for multinationals without core technology."
            ),
        ),
        "C": (
            lazy("Move the factory to a region with cheaper labour"),
            lazy(
                "that lowers costs in the same stage; the firm stays at the bottom of the smile."
            ),
        ),
    },
    correct="B",
    hints=(lazy("Which stages does the firm not do? Where on the smile curve are they?"),),
    solution_text=lazy(
        "(B). The bias is to invest in making things while neglecting R&D and design; a firm "
        "that only assembles for others captures the least value per stage (lesson 07's smile "
        "curve) and holds little intellectual property."
    ),
)

q3 = NumberQuestion(
    qid="q3",
    answer_name="q3_answer",
    prompt=lazy(
        "With the course's smile curve at its default depth (each end adds {depth}× what "
        "assembly adds), what percentage of the chain's value added does a firm that only "
        "assembles capture? Use `models.chain`.",
        depth=format(chain.DEFAULT_DEPTH, "g"),
    ),
    expected=lambda: chain.captured_pct(("assembly",), chain.DEFAULT_DEPTH),
    unit="percent",
    tolerance=0.05,
    mistakes=(
        Mistake(
            lazy("a fraction instead of a percentage"),
            lambda: chain.captured_pct(("assembly",), chain.DEFAULT_DEPTH) / 100,
            lazy("the question asks for percent: multiply by 100."),
        ),
        Mistake(
            lazy("a flat chain (depth 1)"),
            lambda: chain.captured_pct(("assembly",), 1.0),
            lazy("that is one stage out of seven on a flat chain; use the default depth."),
        ),
        Mistake(
            lazy("the value added relative to assembly"),
            lambda: float(chain.value_added(chain.DEFAULT_DEPTH).loc["assembly"]),
            lazy(
                "that is assembly's value added (1 by construction), not its share of the total."
            ),
        ),
    ),
    where=lazy("the course's illustration, not the paper"),
    hints=(
        lazy("`chain.shares_pct(depth)` gives every stage's share of the value added."),
        lazy("`chain.captured_pct(('assembly',), chain.DEFAULT_DEPTH)` adds up the firm's stages."),
    ),
    solution_text=lazy(
        "{code}\nAssembly adds 1, each end adds the default depth, and the seven stages add their "
        "sum; assembly's share is 1 divided by that sum. It is about half the 1/7 a flat chain "
        "would give — but remember the shape is an assumption, not data.",
        code="q3_answer = chain.captured_pct(('assembly',), chain.DEFAULT_DEPTH)",
    ),
)

q4 = NumberQuestion(
    qid="q4",
    answer_name="q4_answer",
    prompt=lazy(
        "Same curve: how many times as much value does a firm doing R&D and design capture as "
        "a firm doing components and assembly? (a ratio, e.g. 2.5)"
    ),
    expected=lambda: (
        chain.captured_pct(("rd", "design")) / chain.captured_pct(("components", "assembly"))
    ),
    unit="ratio",
    tolerance=0.01,
    mistakes=(
        Mistake(
            lazy("the ratio upside down"),
            lambda: (
                chain.captured_pct(("components", "assembly"))
                / chain.captured_pct(("rd", "design"))
            ),
            lazy("divide the R&D-and-design share by the components-and-assembly share."),
        ),
        Mistake(
            lazy("a difference instead of a ratio"),
            lambda: (
                chain.captured_pct(("rd", "design"))
                - chain.captured_pct(("components", "assembly"))
            ),
            lazy("the question asks how many times as much: divide, do not subtract."),
        ),
    ),
    where=lazy("the course's illustration, not the paper"),
    hints=(lazy("Compute `chain.captured_pct` for each pair of stages and divide."),),
    solution_text=lazy(
        "{code}\nTwo stages each, but the pair at the left end of the smile captures a bit more "
        "than twice the value of the pair at the bottom, under the assumed shape.",
        code="q4_answer = chain.captured_pct(('rd', 'design')) / "
        "chain.captured_pct(('components', 'assembly'))",
    ),
)

q5 = ChoiceQuestion(
    qid="q5",
    answer_name="q5_answer",
    prompt=lazy("Which statement about lesson 07's smile curve is right?"),
    options={
        "A": (
            lazy("It is the paper's Figure 4"),
            lazy(
                "the paper has only three figures (none in the text) and prints no number "
                "on the value chain."
            ),
        ),
        "B": (
            lazy(
                "Its shape is an assumption of the course that illustrates the paper's argument; "
                "the shares it gives are not data"
            ),
            lazy(
                "the course drew it to show what 'locked into the low end of the chain' "
                "means; change the depth and every number changes."
            ),
        ),
        "C": (
            lazy("Its shares come from China's input-output tables"),
            lazy(
                "the course uses no input-output data; the shares follow from the assumed shape."
            ),
        ),
    },
    correct="B",
    hints=(
        lazy("Look at the box above the widget in the lesson, and at the chart's source line."),
    ),
    solution_text=lazy(
        "(B). The paper argues in words (二.4, 三.2); the curve is the course's device, and its "
        "depth is a setting the reader can change."
    ),
)

q6 = ChoiceQuestion(
    qid="q6",
    answer_name="q6_answer",
    prompt=lazy(
        "A province wants to 'develop advanced manufacturing' and proposes to list three "
        "industries as its advanced-manufacturing sectors and support only those. What would "
        "the paper's definition (三.2) say?"
    ),
    options={
        "A": (
            lazy("Good: advanced manufacturing is a set of high-technology industries"),
            lazy(
                "the paper says it is not a new industry in the classification and has no "
                "list of industries."
            ),
        ),
        "B": (
            lazy(
                "Misguided: any industry, traditional ones included, can become advanced "
                "manufacturing after renovation"
            ),
            lazy(
                "the paper defines it by how manufacturing is done — absorbing new "
                "technology across the whole chain and merging with modern services."
            ),
        ),
        "C": (
            lazy("Irrelevant: advanced manufacturing concerns only services"),
            lazy("it is manufacturing, merged with modern services."),
        ),
    },
    correct="B",
    hints=(lazy("Read the definition in 三.2: is advanced manufacturing a kind of industry?"),),
    solution_text=lazy(
        "(B). The paper: advanced manufacturing has no corresponding list of industries; any "
        "industry can turn into advanced manufacturing once renovated. This is why the paper "
        "ties it to renovating traditional industries, which are close to {share}% of "
        "manufacturing.",
        share=data.claim("traditional_share_manufacturing")["value"],
    ),
)


def _assimilation_per_100(year: int) -> float:
    t = data.table1_wide()
    return float(t.loc[year, "assimilation"] / t.loc[year, "foreign"] * 100)


q7 = NumberQuestion(
    qid="q7",
    answer_name="q7_answer",
    prompt=lazy(
        "Code it yourself from data/. One reading of the smile curve is that buying foreign "
        "technology without absorbing it keeps firms at the bottom. From Table 1, how many yuan "
        "did traditional large and medium-sized enterprises spend on assimilation per 100 yuan "
        "of foreign technology in 2009? Then compare with 2005."
    ),
    expected=lambda: _assimilation_per_100(2009),
    unit="yuan per 100 yuan",
    tolerance=0.05,
    own_code=True,
    hints=(
        lazy("Table 1 is `data.table1_wide()`; the columns are 'assimilation' and 'foreign'."),
        lazy("assimilation / foreign × 100, in the 2009 row."),
    ),
    solution_text=lazy(
        "{code}\nAbout {y2009} yuan, against about {y2005} in 2005: absorption rose, which is why "
        "'imports over assimilation' is not one of 二.4's four biases.",
        code="t = data.table1_wide()\n"
        "q7_answer = t.loc[2009, 'assimilation'] / t.loc[2009, 'foreign'] * 100",
        y2009=format(_assimilation_per_100(2009), ".1f"),
        y2005=format(_assimilation_per_100(2005), ".1f"),
    ),
    mistakes=(
        Mistake(
            lazy("the ratio upside down (foreign per 100 yuan of assimilation)"),
            lambda: 100 * 100 / _assimilation_per_100(2009),
            lazy("divide assimilation by foreign technology, not the other way round."),
        ),
        Mistake(
            lazy("a fraction instead of yuan per 100 yuan"),
            lambda: _assimilation_per_100(2009) / 100,
            lazy("multiply by 100."),
        ),
        Mistake(
            lazy("the 2005 row"),
            lambda: _assimilation_per_100(2005),
            lazy("the question asks for 2009 first."),
        ),
    ),
)

q8 = CritiqueQuestion(
    qid="q8",
    answer_name="q8_answer",
    prompt=lazy(
        "Critique (about 150 words). Section 二.4 and lesson 07's smile curve suggest that firms "
        "gain by moving from assembly toward R&D, design and services. What does the smile "
        "curve prove, and what does it only illustrate? Use one number from the lesson's "
        "illustration or from Table 1 and say what evidence would test the advice."
    ),
    words=150,
    rubric=critique_rubric(
        claim=lazy("states the advice and the curve it rests on"),
        evidence=lazy(
            "quotes a number the course computes (a stage's share of value in the illustration, "
            "or assimilation per 100 yuan of foreign technology) and says it is an illustration "
            "or a measurement"
        ),
        reasoning=lazy(
            "distinguishes a picture of where margins are from a proof that a firm can move there "
            "profitably (capabilities, scale, competition at the ends)"
        ),
        settle=lazy(
            "names evidence that would test it (value-added by stage from input-output or "
            "trade-in-value-added data, firm histories)"
        ),
    ),
    hints=(
        lazy("Lesson 07 says which numbers of the smile curve are assumed."),
        lazy("Is a high margin at the ends open to every firm that moves there?"),
    ),
    solution_text=lazy(
        "The advice is to move from assembly toward R&D, design and services. In the course's "
        "illustration an assembler captures about {assembly}% of the value added, but that "
        "number follows from the shape the lesson assumes, not from data: the smile curve is a "
        "picture of where margins were found in some industries, not a measurement for Chinese "
        "ones. It also does not show that a firm can move: the ends need capabilities, scale and "
        "brands, and they are contested by incumbents. Table 1 gives one real hint of movement: "
        "assimilation spending rose to about {y2009} yuan per 100 yuan of foreign technology in "
        "2009. Value added by stage from trade-in-value-added or input-output tables, and "
        "histories of firms that moved, would test whether the advice pays.",
        assembly=format(chain.captured_pct(("assembly",), chain.DEFAULT_DEPTH), ".0f"),
        y2009=format(_assimilation_per_100(2009), ".0f"),
    ),
)

QUESTIONS = [q1, q2, q3, q4, q5, q6, q7, q8]
