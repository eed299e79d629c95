"""The data package: schemas, hashes, provenance, Tables 1 and 2 cell by cell against the paper."""

from __future__ import annotations

import hashlib
import json
import shutil

import pandas as pd
import pytest

from retool import data, datapackage

RESOURCES = [r["name"] for r in data.package()["resources"]]


def test_every_csv_in_data_is_a_resource():
    listed = {r["path"] for r in data.package()["resources"]}
    on_disk = {p.name for p in data.data_dir().glob("*.csv")}
    assert on_disk == listed


@pytest.mark.parametrize("name", RESOURCES)
def test_resource_loads_and_matches_its_hash(name):
    res = data.resource_info(name)
    file = data.data_dir() / res["path"]
    assert res["hash"] == "sha256:" + hashlib.sha256(file.read_bytes()).hexdigest()
    frame = data.load(name)
    assert len(frame) > 0
    assert list(frame.columns) == [f["name"] for f in res["schema"]["fields"]]


@pytest.mark.parametrize("name", RESOURCES)
def test_resource_documents_source_and_units(name):
    res = data.resource_info(name)
    assert res.get("sources"), f"{name} names no source"
    assert res.get("title") and res.get("description")
    for field in res["schema"]["fields"]:
        assert field.get("title") and field.get("description"), f"{name}.{field['name']}"
        if field["name"].endswith("100m_yuan"):
            assert "亿元" in field.get("unit", ""), f"{name}.{field['name']} lacks its unit"


def test_frictionless_says_the_package_is_valid():
    report = datapackage.frictionless_report()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "message"])


@pytest.mark.parametrize("name", RESOURCES)
def test_one_changed_digit_is_caught_and_the_file_named(tmp_path, name):
    folder = tmp_path / "data"
    shutil.copytree(data.data_dir(), folder)
    file = folder / data.resource_info(name)["path"]
    text = file.read_text(encoding="utf-8")
    i = next(i for i, ch in enumerate(text) if ch.isdigit() and i > text.index("\n"))
    file.write_text(text[:i] + str((int(text[i]) + 1) % 10) + text[i + 1 :], encoding="utf-8")
    with pytest.raises(data.DataError, match=file.name):
        data.load(name, folder)


def test_a_schema_violation_names_file_line_and_column(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(data.data_dir(), folder)
    file = folder / "table1_renovation.csv"
    file.write_text(
        file.read_text(encoding="utf-8").replace("2633.83", "2633,83"), encoding="utf-8"
    )
    datapackage.rehash(folder)  # a deliberate edit: the hash is right, the content is not
    with pytest.raises(data.DataError, match=r"table1_renovation.csv: .*line 2"):
        data.load("table1_renovation", folder)


def test_loaders_return_copies():
    t = data.table1()
    t.loc[0, "value_100m_yuan"] = -1
    assert (data.table1()["value_100m_yuan"] >= 0).all()


def test_one_vintage_of_gdp_per_year():
    g = data.gdp()
    assert not g["year"].duplicated().any()
    assert data.gdp(all_vintages=True)["year"].duplicated().any()


def test_one_edition_per_yearbook_value():
    t = data.lme_technology()
    assert not t.duplicated(["year", "universe", "series"]).any()


def test_table1_shape():
    t = data.table1_wide()
    assert list(t.index) == [2005, 2006, 2007, 2008, 2009]
    assert list(t.columns) == list(data.SERIES)


def test_table2_shape_and_ranks():
    t = data.table2_wide()
    assert t.shape == (11, 9)
    ranks = data.table2_rank().set_index("country_iso3")["rank_printed"]
    assert list(ranks.index) == list(t.index)
    assert ranks.loc["CHN"] == data.claim_value("china_rank_2008")


def _printed_cells(frame: pd.DataFrame, value_col: str):
    for _, row in frame.iterrows():
        yield int(row["paper_line"]), row[value_col]


@pytest.mark.parametrize(
    "resource, column",
    [
        ("table1_renovation", "value_100m_yuan"),
        ("table2_idicn", "idicn"),
        ("table2_rank", "rank_printed"),
    ],
)
def test_tables_cell_by_cell_against_the_paper(paper_lines, resource, column):
    file = data.data_dir() / data.resource_info(resource)["path"]
    raw = pd.read_csv(file, dtype=str, keep_default_na=False)
    for line, printed in zip(raw["paper_line"].astype(int), raw[column]):
        assert paper_lines[line - 1].strip() == printed, f"{resource}: line {line}"


def test_table_labels_against_the_paper(paper_lines):
    text = "\n".join(paper_lines)
    for cn in data.table2()["country_cn"].unique():
        assert cn in text
    for cn, _ in data.SERIES.values():
        assert cn in text


def test_datapackage_is_pretty_json():
    raw = (data.data_dir() / "datapackage.json").read_text(encoding="utf-8")
    assert raw == json.dumps(json.loads(raw), ensure_ascii=False, indent=2) + "\n"


def test_a_redraw_looks_at_data_once_and_the_next_sees_an_edit(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    shutil.copytree(data.data_dir(), folder)
    monkeypatch.setenv("RETOOL_DATA_DIR", str(folder))
    looks = []
    real = data.data_state
    monkeypatch.setattr(data, "data_state", lambda: looks.append(1) or real())
    calls = []
    size = data.per_data_state(lambda: calls.append(1) or (folder / "README.md").stat().st_size)
    with data.one_state():
        first = size()
        with data.one_state():  # nested: still the one look
            assert size() == first
        (folder / "README.md").write_text("edited", encoding="utf-8")
        assert size() == first  # the state of data/ when the redraw began
    assert len(looks) == 1 and len(calls) == 1
    assert size() == len("edited")  # outside it, every call looks again
    assert len(looks) == 2 and len(calls) == 2
