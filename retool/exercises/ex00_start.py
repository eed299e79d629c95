"""Practice questions for lesson 00 (start here): how checks, hints and solutions work.

Four short questions on Table 1 of the paper: one growth rate the paper does not print, which
firms Table 1 covers, the paper's printed 31.7% (and the fraction-vs-percent trap), and one open
question on what the course can and cannot check. Every expected value is computed from ``data/``.
"""

from __future__ import annotations

from .. import data, measures, rebuild
from ..i18n import lazy
from .core import (  # noqa: F401
    ChoiceQuestion,
    CritiqueQuestion,
    Mistake,
    NumberQuestion,
    OpenQuestion,
    critique_rubric,
    printed,
    summary,
    where,
)


def _renovation(year: int) -> float:
    return float(data.table1_wide().loc[year, "renovation"])


def _growth(base: int, end: int) -> float:
    return float(rebuild.table1_growth(base, end)["renovation"])


GROWTH_CLAIM = "growth_2005_2009_renovation"

q1 = NumberQuestion(
    qid="q1",
    answer_name="q1_answer",
    own_code=True,
    prompt=lazy(
        "By how many percent did spending on technical renovation (技术改造经费支出) in "
        "Table 1 grow from 2005 to 2006? Answer in percent (for example 12.3 for 12.3%)."
    ),
    expected=lambda: _growth(2005, 2006),
    unit="percent",
    hints=(
        lazy("Growth from a start value to an end value is (end / start - 1) × 100."),
        lazy(
            "The values are in `data.table1_wide()`: the row is the year, the column 'renovation'."
        ),
        lazy("`measures.growth_pct(start, end)` does the arithmetic once you have the two values."),
    ),
    solution_text=lazy(
        "t = data.table1_wide()\n"
        "q1_answer = (t.loc[2006, 'renovation'] / t.loc[2005, 'renovation'] - 1) * 100\n"
        "# or: rebuild.table1_growth(2005, 2006)['renovation']\n"
        "Renovation spending grew by about 8% in 2006. The paper does not print this number; "
        "it prints only the growth over the whole period 2005-2009."
    ),
    mistakes=(
        Mistake(
            lazy("a fraction instead of a percentage"),
            lambda: _growth(2005, 2006) / 100,
            lazy("multiply by 100: the question asks for percent."),
        ),
        Mistake(
            lazy("the wrong base year (dividing by 2006 instead of 2005)"),
            lambda: measures.growth_pct(_renovation(2006), _renovation(2005)),
            lazy("growth is measured against the starting year, 2005."),
        ),
        Mistake(
            lazy("the ratio of the two years instead of the growth"),
            lambda: measures.multiple(_renovation(2006), _renovation(2005)) * 100,
            lazy(
                "subtract 1 (or 100%) from the ratio end / start: growth is the change, not "
                "the level."
            ),
        ),
    ),
)

_universe = rebuild.UNIVERSES
q2 = ChoiceQuestion(
    qid="q2",
    answer_name="q2_answer",
    prompt=lazy(
        "Which firms does Table 1 of the paper cover? Answer with one letter, for example 'A'."
    ),
    options={
        "A": (
            lazy("all industrial enterprises of every size"),
            lazy(
                "Table 1 is about large and medium-sized enterprises only; small firms are "
                "not in it."
            ),
        ),
        "B": (
            _universe[rebuild.TABLE1_UNIVERSE],
            lazy(
                "its title says 大中型传统企业: the large and medium-sized enterprises that "
                "are not high-tech, computed by the authors from two yearbooks."
            ),
        ),
        "C": (
            _universe[rebuild.YEARBOOK_UNIVERSE],
            lazy(
                "that is the universe of the yearbooks and of much of the paper's text, but "
                "Table 1 leaves out the high-tech enterprises. Numbers from the two "
                "universes differ."
            ),
        ),
        "D": (
            lazy("all fixed-asset investment of the economy"),
            lazy(
                "fixed-asset investment is a much larger total; Table 1 reports spending by "
                "firms on renovation and technology."
            ),
        ),
    },
    correct="B",
    hints=(
        lazy("Read the title of Table 1 in lesson 00: which word comes after 大中型?"),
        lazy("传统 means traditional: the table leaves out high-tech enterprises."),
    ),
    solution_text=lazy(
        "q2_answer = 'B'\n"
        "Table 1 covers the large and medium-sized *traditional* enterprises "
        "(大中型传统企业). The yearbooks and much of the text speak of all large and "
        "medium-sized industrial enterprises, so numbers from the text and from Table 1 need "
        "not agree."
    ),
)

q3 = NumberQuestion(
    qid="q3",
    answer_name="q3_answer",
    prompt=lazy(
        "Rebuild the paper's growth of renovation spending from 2005 to 2009 from Table 1, "
        "in percent. Does it match the number the paper prints?"
    ),
    expected=lambda: _growth(2005, 2009),
    printed=printed(GROWTH_CLAIM),
    where=where(GROWTH_CLAIM),
    unit="percent",
    hints=(
        lazy("Same formula as q1, with 2009 as the end year."),
        lazy(
            "`rebuild.table1_growth(2005, 2009)['renovation']`; keep all decimals, the check "
            "rounds as the paper does."
        ),
    ),
    solution_text=lazy(
        "q3_answer = rebuild.table1_growth(2005, 2009)['renovation']\n"
        "It rounds to the paper's printed number at the paper's precision (one decimal). "
        "Typing 0.317 instead of 31.7 is the most common slip: a fraction is not a "
        "percentage."
    ),
    mistakes=(
        Mistake(
            lazy("a fraction instead of a percentage"),
            lambda: _growth(2005, 2009) / 100,
            lazy("multiply by 100: the paper prints percent."),
        ),
        Mistake(
            lazy("the wrong base year (2006 instead of 2005)"),
            lambda: _growth(2006, 2009),
            lazy("the paper measures growth over the 11th Five-Year Plan's data, from 2005."),
        ),
        Mistake(
            lazy("the ratio of the two years instead of the growth"),
            lambda: measures.multiple(_renovation(2009), _renovation(2005)) * 100,
            lazy("subtract 100%: growth is the change, not the level."),
        ),
    ),
)

q4 = OpenQuestion(
    qid="q4",
    answer_name="q4_answer",
    prompt=lazy(
        "The introduction says traditional industries make up close to 90% of China's "
        "manufacturing. Can the course recompute that number? Look it up in the claims "
        "ledger (`data.claim('traditional_share_manufacturing')`) and explain in one or two "
        "sentences."
    ),
    hints=(
        lazy("Look at the columns 'verdict' and 'note' of that claim."),
        lazy(
            "'stated only' means the paper states the number without data the course could check."
        ),
    ),
    solution_text=lazy(
        "No. The ledger marks the claim as 'stated only': the course has no split of "
        "manufacturing into traditional and high-tech industries, so it cannot recompute the "
        "share. A reader has to take it on trust or find that split in the yearbooks."
    ),
)


def _g2009_t1() -> float:
    return float(rebuild.table1_yearly_growth().loc[2009, "renovation"])


q5 = CritiqueQuestion(
    qid="q5",
    answer_name="q5_answer",
    prompt=lazy(
        "Critique (about 150 words). The paper gives 2009's growth of renovation spending "
        "for all large and medium-sized enterprises; Table 1 covers only the traditional "
        "ones. Is it sound to read the two together as one story? Back your answer with a "
        "number you recompute from data/ and say what evidence would settle the question."
    ),
    words=150,
    rubric=critique_rubric(
        claim=lazy("names the two numbers and the two groups of firms they cover"),
        evidence=lazy("recomputes Table 1's growth in 2009 and sets it beside the text's figure"),
        reasoning=lazy(
            "explains why a difference in the group of firms (universe) matters even when "
            "the numbers look alike, and when combining them is still acceptable"
        ),
        settle=lazy(
            "names the series that would settle it (both universes, same years, one source)"
        ),
    ),
    hints=(
        lazy("Recompute Table 1's 2009 growth of renovation spending over 2008."),
        lazy("Which firms does each number cover? Lesson 00 and the ledger's 'universe' say."),
    ),
    solution_text=lazy(
        "The paper's text gives {lme_growth}% for the growth of renovation spending of all "
        "large and medium-sized enterprises in 2009, while its Table 1 covers only the "
        "traditional industries among them. Recomputed from Table 1, renovation spending "
        "changed by {table1_growth:.2f}% in 2009, so the two numbers are close, and a reader "
        "could take them as one measurement. They are not: the high-tech firms are in one "
        "and not the other, and the paper does not say how large they are or how their "
        "spending moved. Closeness here is partly luck; the same habit elsewhere in the "
        "paper (Figure 2 joins both groups of firms in one line) produces a jump that is a "
        "change of coverage, not of behaviour. Reading them together is fair only as a "
        "statement that both fell. To settle it one needs the high-tech firms' renovation "
        "spending for the same years from the same yearbook, so that both universes can be "
        "shown side by side.",
        lme_growth=data.claim("growth_2009_lme")["value"],
        table1_growth=_g2009_t1(),
    ),
)

QUESTIONS = [q1, q2, q3, q4, q5]
