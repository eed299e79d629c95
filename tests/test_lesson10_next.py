"""Lesson 10, what happened next: later-policy data with provenance, lesson 08's arithmetic rerun,
the exercises and the optional find-the-data checks."""

from __future__ import annotations

import json
import math
import shutil

import pytest
from conftest import ROOT

from retool import data, datapackage, later
from retool.models import subsidy

# --- the data: every row names its source --------------------------------------------------------


def test_every_fact_names_issuer_date_address_and_reporter():
    table = later.facts()
    assert len(table) >= 10
    for _, row in table.iterrows():
        for column in ("issuer_cn", "issuer_en", "statement_en", "read_at", "reported_by"):
            assert str(row[column]).strip(), (row["fact_id"], column)
        assert row["read_at"].startswith(("http://", "https://"))
        if not math.isnan(row["value"]):
            assert str(row["unit"]).strip(), f"{row['fact_id']} has a value but no unit"


def test_resource_documents_units_and_sources():
    res = data.resource_info(later.RESOURCE)
    assert res["sources"] and res["schema"]["primaryKey"] == ["fact_id"]
    unit = next(f for f in res["schema"]["fields"] if f["name"] == "unit")
    assert "亿元 = 100 million yuan" in unit["description"]


def test_document_numbers_look_like_document_numbers():
    numbers = [n for n in later.facts()["document_number"] if n]
    assert numbers
    for n in numbers:
        assert "〔" in n and "〕" in n and n.endswith("号"), n


def test_cite_names_the_document_and_where_it_was_read():
    text = later.cite("subsidy_total_2024")
    row = later.fact("subsidy_total_2024")
    assert row["document_number"] in text and row["read_at"] in text and row["date"] in text


def test_missing_fact_and_fact_without_number_give_clear_errors():
    with pytest.raises(KeyError, match="not in data/later_policy.csv"):
        later.fact("no_such_fact")
    with pytest.raises(ValueError, match="states no number"):
        later.value("action_plan_2024")


def test_a_changed_digit_in_later_policy_is_caught_and_named(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    file = folder / "later_policy.csv"
    file.write_text(file.read_text("utf-8").replace(",200,", ",300,", 1), "utf-8")
    with pytest.raises(data.DataError, match="later_policy.csv"):
        data.load(later.RESOURCE, folder)


def test_validate_cli_reports_a_constraint_error_instead_of_crashing(tmp_path, capsys):
    # validate_cli used to crash on frictionless's flattened errors (lists, not objects)
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    pkg = json.loads((folder / "datapackage.json").read_text("utf-8"))
    res = next(r for r in pkg["resources"] if r["name"] == later.RESOURCE)
    field = next(f for f in res["schema"]["fields"] if f["name"] == "confidence")
    field["constraints"]["enum"] = ["high", "low"]  # every row is 'medium': a constraint error
    (folder / "datapackage.json").write_text(json.dumps(pkg, ensure_ascii=False), "utf-8")
    assert datapackage.validate_cli(folder) == 1
    out = capsys.readouterr().out
    assert "constraint-error" in out and "problem(s)" in out


def test_validate_cli_passes_on_the_repository(capsys):
    assert datapackage.validate_cli() == 0


# --- lesson 08's arithmetic on the 2024 programme ------------------------------------------------


def test_loans_supported_reruns_lesson_08s_model():
    budget, points, years = (
        later.value("subsidy_total_2024"),
        later.value("subsidy_points_2024_july"),
        later.value("subsidy_years_2024"),
    )
    expected = budget / (points / 100 * years)
    assert later.loans_supported_2024() == pytest.approx(expected)
    # the same as lesson 08's function on the budget per year of subsidy
    assert later.loans_supported_2024() == pytest.approx(
        subsidy.loans_supported(budget / years, points, 100)
    )
    # and as lesson 08's model at any rate r with the share s = points / r
    for rate in (3.0, 4.35, 6.0):
        share = points / rate * 100
        assert subsidy.loans_supported(budget / years, rate, share) == pytest.approx(expected)


def test_more_years_or_more_points_support_fewer_loans():
    base = later.loans_supported(200, 1.5, 2)
    assert later.loans_supported(200, 1.5, 3) < base
    assert later.loans_supported(200, 2.0, 2) < base
    assert later.loans_supported(400, 1.5, 2) == pytest.approx(2 * base)


@pytest.mark.parametrize("years", [0, -1, math.nan, math.inf, "2", None])
def test_unusable_years_are_refused_with_a_sentence(years):
    with pytest.raises(ValueError, match="not a positive number"):
        later.loans_supported(200, 1.5, years)


def test_programmes_table():
    table = later.programmes()
    assert list(table["programme"])[0].startswith("2009-2011")
    first = table.iloc[0]
    assert first["budget_in_all_100m_yuan"] == pytest.approx(subsidy.subsidy_total())
    assert first["loans_per_yuan_of_budget"] == pytest.approx(
        subsidy.leverage(subsidy.LENDING_RATE_2009_PCT, 100)
    )
    raised = table.iloc[2]
    assert raised["loans_supported_100m_yuan"] == pytest.approx(later.loans_supported_2024())
    # raising the points from the first notice to July's supports fewer loans with one budget
    assert table.iloc[1]["loans_supported_100m_yuan"] > raised["loans_supported_100m_yuan"]


def test_relending_ceiling_and_first_tranche():
    assert later.relending_ceiling() == pytest.approx(
        later.value("relending_quota_2024") / later.value("relending_share_2024") * 100
    )
    assert later.relending_ceiling() > later.value("relending_quota_2024")
    assert 0 < later.first_tranche_share_pct() < 100


# --- the exercises and the find-the-data checks


def test_questions_climb_from_code_to_critique():
    from retool.exercises import ex10_next
    from retool.exercises.core import ChoiceQuestion, CritiqueQuestion, NumberQuestion

    kinds = [type(q) for q in ex10_next.QUESTIONS]
    assert kinds[0] is NumberQuestion and "Code it yourself" in ex10_next.q1.prompt
    assert ChoiceQuestion in kinds and kinds[-1] is CritiqueQuestion  # marked against a rubric
    assert "150 words" in ex10_next.q6.prompt and "Rubric" in ex10_next.q6.solution()


def test_expected_values_come_from_the_data():
    from retool.exercises import ex10_next

    assert ex10_next.q1.expected() == pytest.approx(later.loans_supported_2024())
    assert ex10_next.q3.expected() == pytest.approx(later.loans_vs_equipment_investment_pct())
    assert ex10_next.q4.expected() == pytest.approx(later.relending_ceiling())


def test_q5_rests_on_dates_in_the_data():
    # the growth statistic predates the subsidy notice: the premise of q5's answer
    before = later.fact("nbs_equipment_purchase_growth_2024_jan_apr")["date"]
    notice = later.fact("subsidy_points_2024_june")["date"]
    assert before[:7] < notice[:7]


SOURCE = "China Statistical Yearbook 2010, table 20-42, https://www.stats.gov.cn/"


@pytest.fixture(params=["A", "B", "C", "D"])
def task(request):
    from retool.exercises.ex10_next import DATA_TASKS

    return DATA_TASKS[request.param]


def test_a_value_in_range_with_a_source_is_recorded_never_correct(task):
    from retool.exercises.core import Outcome

    middle = (task.low() + task.high()) / 2
    fb = task.check(middle, SOURCE)
    assert fb.outcome is Outcome.RECORDED and not fb.correct
    assert "recorded with its source" in fb.message and len(fb.message) > 40


def test_a_value_out_of_range_names_the_range(task):
    from retool.exercises.core import Outcome

    fb = task.check(task.high() * 10 + 100, SOURCE)
    assert fb.outcome is Outcome.INCORRECT and "outside the range" in fb.message


@pytest.mark.parametrize(
    "source", [None, "", "   ", "x", "a source", "a publication with no year", 42]
)
def test_a_value_without_a_usable_source_is_not_recorded(task, source):
    from retool.exercises.core import Outcome

    fb = task.check((task.low() + task.high()) / 2, source)
    assert fb.outcome is Outcome.INVALID and "source" in fb.message


@pytest.mark.parametrize(
    "value",
    [..., None, "", "abc", [], [1, 2], {"a": 1}, math.nan, math.inf, True, object(), b"1", 1j],
)
def test_junk_values_give_a_sentence_never_a_traceback(task, value):
    from retool.exercises.core import Feedback, Outcome

    fb = task.check(value, SOURCE)
    assert isinstance(fb, Feedback) and fb.outcome is not Outcome.RECORDED
    assert fb.message.strip() and "Traceback" not in fb.message


def test_task_a_reads_the_value_against_the_papers_printed_growth():
    from retool import rebuild
    from retool.exercises.ex10_next import DATA_TASKS

    base = rebuild.all_lme_renovation_2008()
    printed = float(data.claim("growth_2009_lme")["value"])
    matching = base * (1 + printed / 100)
    assert "which matches the paper's printed" in DATA_TASKS["A"].check(matching, SOURCE).message
    other = base * 1.05
    assert "does not match" in DATA_TASKS["A"].check(other, SOURCE).message


def test_task_d_keeps_lesson_08s_loans_fixed_whatever_the_rate():
    from retool.exercises.ex10_next import DATA_TASKS

    loans = f"{later.loans_supported_2024():,.0f}亿元"
    for rate in (2.0, 3.45, 6.0):
        assert loans in DATA_TASKS["D"].check(rate, SOURCE).message


def test_every_task_says_what_the_course_could_not_find(task):
    assert task.not_found.strip() and task.look_for in task.describe()
