"""The re-audit record (data/audit_record.csv): every place it names still exists.

A row points at a notebook cell, an exercise question, a CSV row, a markdown heading, a data
package resource or a name in a module. When a lesson loses a cell or a question is renamed, the
record would silently point at nothing; these tests fail instead, naming the row.
"""

from __future__ import annotations

import csv
import importlib
import json
import re

import pytest
from conftest import ROOT

from retool import data
from retool.exercises import core

RECORD = data.audit_record()
WHERE = re.compile(r"^(?P<path>\S+) (?P<kind>cell|question|row|heading|resource|name) (?P<key>.+)$")


def exists(where: str, root=ROOT) -> bool:
    """Does the place a record row names exist in the repository?"""
    m = WHERE.match(where)
    if not m:
        return False
    file, kind, key = root / m["path"], m["kind"], m["key"]
    if not file.is_file():
        return False
    if kind == "cell":
        cells = json.loads(file.read_text(encoding="utf-8"))["cells"]
        return key.isdigit() and int(key) < len(cells)
    if kind == "question":
        module = importlib.import_module(f"retool.exercises.{file.stem}")
        return isinstance(getattr(module, key, None), core.Question)
    if kind == "row":
        with file.open(encoding="utf-8") as f:
            return any(r and r[0] == key for r in csv.reader(f))
    if kind == "heading":
        lines = file.read_text(encoding="utf-8").splitlines()
        return any(line.startswith("#") and line.lstrip("# ").strip() == key for line in lines)
    if kind == "resource":
        return any(r["name"] == key for r in json.loads(file.read_text())["resources"])
    module = ".".join(file.relative_to(root).with_suffix("").parts)
    return hasattr(importlib.import_module(module), key)


@pytest.mark.parametrize("where", sorted(set(RECORD["where"])))
def test_every_place_the_record_names_still_exists(where):
    assert exists(where), f"data/audit_record.csv names {where!r}, which no longer exists"


@pytest.mark.parametrize(
    "where",
    [
        "lessons/01_scale_of_investment.ipynb cell 999",
        "lessons/99_missing.ipynb cell 0",
        "retool/exercises/ex03_sources.py question q99",
        "data/paper_claims.csv row no_such_claim",
        "solutions/TEACHING_GUIDE.md heading No such section",
        "data/datapackage.json resource no_such_resource",
        "retool/models/wear.py name NO_SUCH_NAME",
        "lessons/01_scale_of_investment.ipynb",
    ],
)
def test_a_place_that_does_not_exist_is_caught(where):
    assert not exists(where)


def test_every_fix_and_qualification_says_what_changed():
    changed = RECORD[RECORD["verdict"] != "correct"]
    assert len(changed) > 0
    missing = changed[changed["fix"].fillna("").str.strip() == ""]
    assert missing.empty, missing[["statement", "where"]].to_string()


def test_every_row_says_what_it_was_checked_against():
    """A row checked against the paper names its lines; others name a source, file or claim."""
    paper = RECORD[RECORD["checked_against"].str.startswith("paper")]
    assert len(paper) > len(RECORD) / 2
    assert paper["checked_against"].str.contains(r"^paper(?:: no| lines? \d)").all()
