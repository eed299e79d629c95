"""Numbers in the prose are never typed by hand: each is computed, printed by the paper, or exempt.

The scan covers every markdown cell of lessons/ and solutions/, the notes of the claims ledger and
the typed text of the exercises (retool/exercises/ex*.py). See retool/prose.py.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pandas as pd
import pytest
from conftest import ROOT

from retool import data, datapackage, prose


def test_every_number_in_the_prose_is_computed_printed_or_exempt():
    problems = prose.unaccounted()
    assert not problems, "\n".join(problems)


def test_every_exempt_kind_says_why():
    kinds = [kind for kind, _, _ in prose.EXEMPT]
    assert len(kinds) == len(set(kinds))
    for kind, _, reason in prose.EXEMPT:
        assert len(reason) > 15, kind


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Renovation grew 8% in 2006-2009 (lines 202-250, section 一.2, Table 1).", ["8"]),
        ("1. the first item\n2. the second, 12.5% of it", ["12.5"]),
        ("`rebuild.table1_growth(2005, 2009)` and $x \\times 100$ give 31.7%", ["31.7"]),
        ("Lesson 09 and [06](06_incentives.ipynb): 84-89% of the total", ["84", "89"]),
        (
            "from about -12.2% to -11.3%, about 1/13 of it, 134,000亿元",
            ["-12.2", "-11.3", "13", "134000"],
        ),
        ("the 11th Five-Year Plan, 100 million yuan, q3, 23 December 2008", []),
        ("国发〔2012〕44号, 财金〔2024〕54号, reported 2024-05-17 and 2024-06: 17.2%", ["17.2"]),
        ("Time: about 1.5 hours. Critique (about 150 words), 150 loans", ["150"]),
        ("Rubric (6 points): a claim (1); a number (2); length (1).\nModel: 6 firms", ["6"]),
        ("the years 2005-2009 and 2009-10 grew 12%", ["12"]),
        ("*Review* 57(3), 391-414; University Press, 89-104; and 23-27% of it", ["23", "27"]),
    ],
)
def test_numbers_and_exemptions(text, expected):
    assert [t.printed for t in prose.numbers(text)] == expected


def _lesson(text: str, where: str = "01") -> prose.Text:
    return prose.Text(where, "lessons/01_example.ipynb, cell 3", text)


def test_an_unregistered_number_is_named_with_its_notebook_and_sentence():
    found = prose.unaccounted([_lesson("Intro. Spending grew 7.77% in one year. More.")], [])
    assert len(found) == 1
    assert "lessons/01_example.ipynb" in found[0]
    assert "Spending grew 7.77% in one year." in found[0]


def test_a_registered_number_must_equal_the_librarys_at_its_printed_precision():
    entry = prose.Entry("01", "grew 8.1% in 2006", lambda: 8.118)
    assert prose.unaccounted([_lesson("It grew 8.1% in 2006.")], [entry]) == []
    wrong = prose.Entry("01", "grew 8.2% in 2006", lambda: 8.118)
    found = prose.unaccounted([_lesson("It grew 8.2% in 2006.")], [wrong])
    assert len(found) == 1 and "prints 8.2, the library computes 8.118" in found[0]


def test_a_registered_fragment_that_left_the_prose_is_reported():
    entry = prose.Entry("01", "grew 8.1% in 2006", lambda: 8.118)
    found = prose.unaccounted([_lesson("Nothing here.")], [entry])
    assert found and "is not in the prose" in found[0]


def test_a_paper_value_passes_only_as_printed():
    printed = prose.paper_values()
    assert "31.7" in printed and "-11.82" in printed
    assert prose.unaccounted([_lesson("The paper's 31.7% and -11.82%.")], []) == []
    assert prose.unaccounted([_lesson("The paper's 31.8%.")], [])


def test_a_value_recorded_in_data_counts_only_where_its_table_is_cited():
    """later_policy.csv records 5000亿元 (the relending quota): lesson 10 may print it, lesson 01
    not; a number computed from it (5000 / 0.6) is neither."""
    assert "5000" in prose.recorded_values("10") and prose.recorded_values("01") == set()
    text = "The quota was 5000亿元."
    assert prose.unaccounted([_lesson(text, "10")], []) == []
    assert prose.unaccounted([_lesson(text, "ex10")], []) == []
    assert prose.unaccounted([_lesson(text, "01")], [])
    assert prose.unaccounted([_lesson("It refinances 8,333亿元.", "10")], [])


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    copy = tmp_path / "data"
    shutil.copytree(ROOT / "data", copy)
    monkeypatch.setenv("RETOOL_DATA_DIR", str(copy))
    return copy


def _scale_table1(folder, year: int, series: str, factor: float) -> None:
    file = folder / "table1_renovation.csv"
    t = pd.read_csv(file, dtype=str, keep_default_na=False)
    row = (t["year"] == str(year)) & (t["series"] == series)
    t.loc[row, "value_100m_yuan"] = f"{float(t.loc[row, 'value_100m_yuan'].iloc[0]) * factor:.2f}"
    t.to_csv(file, index=False, lineterminator="\n")
    datapackage.rehash(folder)


def test_changing_a_data_value_fails_the_sentence_that_prints_it(data_copy):
    """Renovation spending 2006 up by a tenth: lesson 01's 'about 8% in 2006' must fail."""
    assert prose.unaccounted() == []  # the copy is the repository's data
    _scale_table1(data_copy, 2006, "renovation", 1.1)
    assert (
        data.table1_wide().loc[2006, "renovation"]
        != data.table1_wide(ROOT / "data").loc[2006, "renovation"]
    )
    found = prose.unaccounted()
    hits = [f for f in found if f.startswith("lessons/01_scale_of_investment.ipynb")]
    assert any("prints 8, the library computes" in f and "8% in 2006" in f for f in hits), (
        "\n".join(found)
    )


def test_changing_the_fai_data_fails_the_intensity_sentences(data_copy):
    """Society-wide FAI 2009 halved: the 1.5% of lessons 02 and 09 must fail."""
    file = data_copy / "fai.csv"
    f = pd.read_csv(file, dtype=str, keep_default_na=False)
    row = (f["year"] == "2009") & (f["series"] == "fai_total")
    f.loc[row, "value_100m_yuan"] = f"{float(f.loc[row, 'value_100m_yuan'].iloc[0]) / 2:.2f}"
    f.to_csv(file, index=False, lineterminator="\n")
    datapackage.rehash(data_copy)
    found = prose.unaccounted()
    assert any(
        f.startswith("lessons/02_") and "prints 1.5, the library computes" in f for f in found
    )
    assert any(
        f.startswith("lessons/09_") and "prints 1.5, the library computes" in f for f in found
    )


def test_changing_a_later_policy_value_fails_lesson_10s_arithmetic(data_copy):
    """The relending share 60% → 50%: solution 10's '5000 / 0.6 ≈ 8,333亿元' must fail."""
    file = data_copy / "later_policy.csv"
    f = pd.read_csv(file, dtype=str, keep_default_na=False)
    f.loc[f["fact_id"] == "relending_share_2024", "value"] = "50"
    f.to_csv(file, index=False, lineterminator="\n")
    datapackage.rehash(data_copy)
    found = prose.unaccounted()
    assert any(
        f.startswith("solutions/10_") and "prints 8,333, the library computes" in f for f in found
    ), "\n".join(found)


def test_exercise_10s_texts_follow_the_subsidy_data(data_copy):
    """The 2024 subsidy's budget, points and years in exercise 10's mistakes, worked answer and
    feedback come from data/later_policy.csv (they once were typed in: 200亿元, 1.5, two years)."""
    file = data_copy / "later_policy.csv"
    f = pd.read_csv(file, dtype=str, keep_default_na=False)
    changed = {
        "subsidy_total_2024": "300",
        "subsidy_points_2024_july": "2",
        "subsidy_years_2024": "3",
    }
    for fact, value in changed.items():
        f.loc[f["fact_id"] == fact, "value"] = value
    f.to_csv(file, index=False, lineterminator="\n")
    datapackage.rehash(data_copy)
    code = (
        "from retool.exercises import ex10_next as e\n"
        "print(*(m.name + ' ' + m.advice for m in e.q1.mistakes), e.q6.model_answer(),"
        " e._uptake(1000.0), sep='\\n')"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    text = done.stdout
    assert "200亿元" not in text and "1.5" not in text and "two years" not in text, text
    for said in (
        "300亿元 budget",
        "2 percentage points are 0.02 yuan",
        "(2 instead of 0.02)",
        "2 points a year for 3 years",
        "6 fen per yuan",
    ):
        assert said in text, f"{said!r} not in:\n{text}"
