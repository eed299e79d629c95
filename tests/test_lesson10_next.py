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
