"""Every lesson follows one template: title, prerequisites and a counted time estimate, what you
will learn, and one closing 'Next' line to its exercises and the next lesson (issue 15, item 5)."""

from __future__ import annotations

import json

import pytest

from retool import lesson_template as lt

LESSONS = sorted(lt.lesson_files())


@pytest.mark.parametrize("nn", LESSONS)
def test_every_lesson_follows_the_template(nn):
    assert lt.problems(nn) == [], "run lesson_template.write_opening(nn) after a change"


def test_the_order_covers_every_lesson_once():
    assert sorted(lt.ORDER) == LESSONS
    assert set(lt.PREREQUISITES) == set(LESSONS)


def test_a_lesson_without_its_opening_line_or_next_link_is_named(tmp_path, monkeypatch):
    src = lt.lesson_files()["01"]
    nb = json.loads(src.read_text(encoding="utf-8"))
    first = "".join(nb["cells"][0]["source"]).replace(lt.opening_line("01"), "")
    nb["cells"][0]["source"] = [first]
    last = max(i for i, c in enumerate(nb["cells"]) if c["cell_type"] == "markdown")
    nb["cells"][last]["source"] = ["The end."]
    (tmp_path / "lessons").mkdir()
    (tmp_path / "lessons" / src.name).write_text(json.dumps(nb), encoding="utf-8")
    files = {**lt.lesson_files(), "01": tmp_path / "lessons" / src.name}
    monkeypatch.setattr(lt, "lesson_files", lambda: files)
    found = lt.problems("01")
    assert any("Prerequisites" in p for p in found) and any("Next" in p for p in found)


def test_the_estimate_counts_the_work(monkeypatch):
    before = lt.exercise_minutes("01")
    monkeypatch.setitem(lt.QUESTION_MINUTES, "NumberQuestion", 50)
    assert lt.exercise_minutes("01") > before
    assert lt.lesson_minutes("09") > 0
    capstone = lt.exercise_minutes("09")
    assert capstone > lt.exercise_minutes("10"), "the capstone report takes longer"


def test_the_time_sentence_rounds_up():
    assert lt._five(31) == 35 and lt._hours(65) == "1.25 hours" and lt._hours(60) == "1 hour"
