"""The teaching guide: a misconceptions list generated from the checks; every lesson covered."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT

from retool.exercises import misconceptions
from retool.exercises.core import Mistake

GUIDE = ROOT / misconceptions.GUIDE
LESSONS = sorted((ROOT / "lessons").glob("*.ipynb"))


def _text() -> str:
    return GUIDE.read_text(encoding="utf-8")


def test_the_guides_list_equals_the_generated_one():
    assert misconceptions.guide_block(_text()) == misconceptions.markdown(), (
        "run `python -m retool misconceptions --write`"
    )
    assert misconceptions.main(["--check"]) == 0


ZH_GUIDE = ROOT / misconceptions.GUIDES["zh"]
_CJK = re.compile(r"[\u3400-\u9fff]")


def _rows(block: str) -> list[list[str]]:
    """The table's rows (header and rule left out), as lists of cells."""
    lines = [r for r in block.splitlines() if r.startswith("| ")][1:]
    return [[c.strip() for c in r.strip("|").split(" | ")] for r in lines]


def test_the_chinese_guides_list_is_the_generated_one_in_chinese():
    block = misconceptions.guide_block(ZH_GUIDE.read_text(encoding="utf-8"))
    assert block == misconceptions.markdown(lang="zh"), (
        "run `python -m retool misconceptions --write`"
    )
    english, chinese = _rows(misconceptions.markdown()), _rows(block)
    # the same mistakes in the same order: uses and places agree row by row
    assert [r[1:3] for r in chinese] == [r[1:3] for r in english]
    for (name, _uses, _places, advice), (en_name, *_rest) in zip(chinese, english, strict=True):
        assert _CJK.search(name) and _CJK.search(advice), (name, advice)
        assert name != en_name
    assert "共" in block and "有名称的错误" in block


def test_check_covers_both_editions(tmp_path, monkeypatch):
    from retool.exercises import generate

    for path in misconceptions.GUIDES.values():
        guide = tmp_path / path
        guide.parent.mkdir(parents=True, exist_ok=True)
        guide.write_text(f"intro\n{misconceptions.BEGIN}\nold\n{misconceptions.END}\n", "utf-8")
    monkeypatch.setattr(generate, "repo_root", lambda: tmp_path)
    assert misconceptions.main(["--check"]) == 1
    misconceptions.write(tmp_path / misconceptions.GUIDES["en"])
    assert misconceptions.main(["--check"]) == 1  # the Chinese guide is still stale
    assert misconceptions.main(["--write"]) == 0
    assert misconceptions.main(["--check"]) == 0
    zh = tmp_path / misconceptions.GUIDES["zh"]
    assert misconceptions.up_to_date(zh, "zh") and not misconceptions.up_to_date(zh, "en")
    # a Chinese guide that carries the English list is out of date
    zh.write_text(f"intro\n{misconceptions.markdown()}\n", "utf-8")
    assert misconceptions.main(["--check"]) == 1
    assert misconceptions.main(["--check", "--guide", str(zh), "--lang", "zh"]) == 1
    assert misconceptions.main(["--check", "--guide", str(zh)]) == 0


def test_every_named_mistake_of_every_check_is_listed():
    block = misconceptions.guide_block(_text())
    for name in misconceptions.exercise_modules():
        module = __import__(f"retool.exercises.{name}", fromlist=["QUESTIONS"])
        for q in module.QUESTIONS:
            for mistake in getattr(q, "mistakes", ()):
                assert misconceptions._cell(mistake.name) in block, (name, q.qid, mistake.name)


def test_collect_groups_by_name_and_counts_uses():
    items = misconceptions.collect()
    names = [m.name for m in items]
    assert len(names) == len(set(names))
    uses = [len(m.where) for m in items]
    assert uses == sorted(uses, reverse=True)
    assert all(re.fullmatch(r"ex\d\d_\w+\.q\d+", p) for m in items for p in m.where)


def test_a_new_mistake_changes_the_list_and_check_fails(tmp_path, monkeypatch):
    guide = tmp_path / "GUIDE.md"
    guide.write_text(f"intro\n{misconceptions.BEGIN}\nold\n{misconceptions.END}\nafter\n", "utf-8")
    assert misconceptions.main(["--check", "--guide", str(guide)]) == 1
    assert misconceptions.main(["--write", "--guide", str(guide)]) == 0
    assert misconceptions.main(["--check", "--guide", str(guide)]) == 0
    text = guide.read_text("utf-8")
    assert text.startswith("intro\n") and text.endswith("\nafter\n")
    # a mistake added to a check shows up in the generated list, so the guide becomes stale
    from retool.exercises import ex08_subsidy

    extra = Mistake("a brand-new | misconception", lambda: 1.0, "advice")
    monkeypatch.setattr(ex08_subsidy.q1, "mistakes", (*ex08_subsidy.q1.mistakes, extra))
    assert "a brand-new \\| misconception" in misconceptions.markdown()
    assert misconceptions.main(["--check", "--guide", str(guide)]) == 1


def test_write_refuses_a_guide_without_markers(tmp_path):
    guide = tmp_path / "GUIDE.md"
    guide.write_text("no markers here\n", "utf-8")
    with pytest.raises(ValueError, match="markers"):
        misconceptions.write(guide)


def test_the_table_has_one_row_per_misconception():
    block = misconceptions.guide_block(_text())
    rows = [r for r in block.splitlines() if r.startswith("| ") and not r.startswith("| mistake")]
    assert len(rows) == len(misconceptions.collect())


def _think_prompts(nb_file) -> int:
    cells = json.loads(nb_file.read_text(encoding="utf-8"))["cells"]
    for c in cells:
        src = "".join(c["source"])
        if c["cell_type"] == "markdown" and re.search(r"^##.*Think\s*$", src, re.M):
            part = re.split(r"^##.*Think\s*$", src, flags=re.M)[1]
            part = re.split(r"^## ", part, flags=re.M)[0]
            return len(re.findall(r"^\d+\. ", part, re.M))
    return 0


@pytest.mark.parametrize("nb_file", LESSONS, ids=[f.name for f in LESSONS])
def test_every_think_prompt_has_a_note(nb_file):
    text = _text()
    number = nb_file.name[:2]
    heading = re.search(rf"^### Lesson {number} ·.*$", text, re.M)
    assert heading, f"no notes for lesson {number}"
    section = text[heading.end() :].split("\n### ")[0].split("\n## ")[0]
    notes = len(re.findall(r"^\d+\. ", section, re.M))
    prompts = _think_prompts(nb_file)
    assert prompts, f"{nb_file.name} has no Think prompts"
    assert notes == prompts, f"lesson {number}: {prompts} Think prompts, {notes} notes"


@pytest.mark.parametrize("nb_file", LESSONS, ids=[f.name for f in LESSONS])
def test_every_lesson_has_a_slide_outline_and_a_timing(nb_file):
    text = _text()
    number = nb_file.name[:2]
    assert re.search(rf"^\*\*{number} · ", text, re.M), f"no slide outline for lesson {number}"
    assert re.search(rf"^\| {number} ", text, re.M), f"no timing row for lesson {number}"


def test_ten_weeks_and_the_deliverables():
    text = _text()
    weeks = re.findall(r"^\| (\d+) \| ", text.split("## 2 ")[0], re.M)
    assert [int(w) for w in weeks] == list(range(1, 11))
    for part in ("data project", "referee report", "Rubrics", "Reading list"):
        assert part in text


def test_the_guide_has_no_machine_paths():
    assert not re.search(r"(/work/|/tmp/|/home/\w+)", _text())
