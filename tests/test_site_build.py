"""The website's build steps (book/build_site.py) without building: the course map, the test for
stale outputs, widgets as notes, folded solutions, the language switch, the audit page and the
check that nothing loads from another host. The built site is tested in Chromium by book/tests/."""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "book"))

import build_site as build  # noqa: E402

README = (ROOT / "README.md").read_text(encoding="utf-8")
LESSON = ROOT / "lessons" / "00_start_here.ipynb"


def read(path: Path):
    return nbformat.read(path, as_version=4)


def test_course_map_follows_the_readme_table():
    lessons = build.course_map(README)
    on_disk = sorted(
        p.relative_to(ROOT).as_posix() for p in (ROOT / "lessons").glob("[0-9]*.ipynb")
    )
    assert [lesson.path for lesson in lessons] == on_disk
    assert [lesson.number for lesson in lessons] == [Path(p).name[:2] for p in on_disk]
    assert all((ROOT / lesson.solutions).exists() for lesson in lessons)


def test_course_map_without_a_table_says_so():
    with pytest.raises(ValueError, match="no course table"):
        build.course_map("# A README\n\nno table here\n")


def test_committed_notebooks_are_current():
    pages = build.pages(build.course_map(README), ROOT)
    assert build.problems(ROOT, pages) == []


def test_a_cell_never_run_is_stale():
    nb = read(LESSON)
    build._code_cells(nb)[2].execution_count = None
    assert "never executed" in build.executed_problems(nb)[0]


def test_a_cell_run_again_is_stale():
    nb = read(LESSON)
    build._code_cells(nb)[1].execution_count = 7
    assert "not one run top to bottom" in build.executed_problems(nb)[0]


def test_a_notebook_cleared_of_outputs_is_stale():
    nb = read(LESSON)
    for cell in build._code_cells(nb):
        cell.outputs = []
    assert any("no code cell has an output" in p for p in build.executed_problems(nb))


def test_a_cell_that_stopped_on_an_error_is_stale():
    nb = read(LESSON)
    error = nbformat.v4.new_output("error", ename="NameError", evalue="x", traceback=[])
    build._code_cells(nb)[3].outputs.append(error)
    assert any("stopped on an error" in p for p in build.executed_problems(nb))


def test_an_exercise_with_outputs_is_flagged(tmp_path):
    nb = read(LESSON)
    nbformat.write(nb, tmp_path / "x.ipynb")
    assert "have outputs" in build.stale(tmp_path / "x.ipynb", executed=False)[0]


def test_a_text_twin_edited_after_the_run_is_stale(tmp_path):
    jupytext = pytest.importorskip("jupytext")
    nb = read(LESSON)
    path = tmp_path / LESSON.name
    nbformat.write(nb, path)
    jupytext.write(nb, path.with_suffix(".md"), fmt="md:myst")
    assert build.stale(path) == []
    edited = copy.deepcopy(nb)
    build._code_cells(edited)[1].source += "\nprint('changed')"
    jupytext.write(edited, path.with_suffix(".md"), fmt="md:myst")
    assert "differs from the executed notebook (code cell 2)" in build.stale(path)[0]


def test_build_refuses_stale_notebooks_and_names_them(tmp_path):
    (tmp_path / "lessons").mkdir()
    (tmp_path / "README.md").write_text("| 00 | [one](lessons/00_one.ipynb) |\n", encoding="utf-8")
    nb = read(LESSON)
    build._code_cells(nb)[0].execution_count = None
    nbformat.write(nb, tmp_path / "lessons" / "00_one.ipynb")
    with pytest.raises(SystemExit, match=r"lessons/00_one.ipynb: code cells \[1\] were never"):
        build.build(tmp_path, tmp_path / "site", build.DEFAULT_LAUNCH)
    assert not (tmp_path / "site").exists()


def live_widget_output() -> dict:
    """A widget's output as a running kernel stores it: a view of a model, and its Python repr."""
    return nbformat.v4.new_output(
        "display_data",
        data={
            build.WIDGET_MIME: {"version_major": 2, "version_minor": 0, "model_id": "abc123"},
            "text/plain": "VBox(children=(HBox(children=(IntSlider(value=2005),)),))",
        },
    )


def widget_outputs(nb) -> list:
    return [
        o
        for c in build._code_cells(nb)
        for o in c.outputs
        if build.WIDGET_MIME in o.get("data", {})
    ]


def test_widgets_become_a_note_not_their_repr():
    cleaned = build.clean_outputs([live_widget_output()])
    text = str(cleaned)
    assert "VBox(" not in text and build.WIDGET_MIME not in text
    assert "Interactive in JupyterLab" in cleaned[0]["data"]["text/html"]
    assert "not shown on the website" in cleaned[0]["data"]["text/html"]


def test_a_widget_picture_is_kept_with_its_note():
    widget = live_widget_output()
    widget["data"]["image/png"] = "iVBORw0KGgo="
    cleaned = build.clean_outputs([widget])
    assert cleaned[0]["data"] == {"image/png": "iVBORw0KGgo="}
    assert "default settings" in cleaned[1]["data"]["text/html"]


def test_a_widget_stored_as_a_still_gets_the_note_once():
    cell = nbformat.v4.new_code_cell("explore.explorer()", execution_count=1)
    cell.outputs = [
        nbformat.v4.new_output(
            "execute_result",
            data={"image/png": "iVBORw0KGgo=", "text/plain": "Run this cell"},
            execution_count=1,
        )
    ]
    notes = build.still_note(cell)
    assert len(notes) == 1 and "default settings" in notes[0]["data"]["text/html"]
    assert build.still_note(nbformat.v4.new_code_cell("x = 1")) == []


def test_page_has_download_launch_and_title_first(tmp_path):
    rel = "lessons/00_start_here.ipynb"
    lesson = read(LESSON)
    lesson.metadata["widgets"] = {"state": {}}
    build._code_cells(lesson)[-1].outputs.append(live_widget_output())
    (tmp_path / "lessons").mkdir()
    nbformat.write(lesson, tmp_path / rel)
    assert widget_outputs(lesson)
    nb = build.notebook_page(tmp_path, rel, "https://hub.example/lab/tree/{path}")
    first = nb.cells[0].source
    assert first.startswith("# ")
    assert 'href="../notebooks/lessons/00_start_here.ipynb" download' in first
    assert 'href="https://hub.example/lab/tree/lessons/00_start_here.ipynb"' in first
    assert "widgets" not in nb.metadata
    assert not widget_outputs(nb)


def test_solutions_are_folded():
    nb = build.notebook_page(ROOT, "solutions/02_investment_intensity_solutions.ipynb", "{path}")
    prose = [c.source for c in nb.cells if c.cell_type == "markdown"]
    assert any(":::{dropdown} Worked solution" in s for s in prose)
    assert not any("BEGIN SOLUTION -->" in s for s in prose)
    code = [c for c in build._code_cells(nb) if "# BEGIN SOLUTION" in c.source]
    assert code and all("hide-input" in c.metadata["tags"] for c in code)


def test_language_switch_appears_only_where_the_other_edition_exists(tmp_path):
    (tmp_path / "lessons").mkdir()
    (tmp_path / "lessons" / "00_a.ipynb").write_text("{}")
    assert build.language_switch("lessons/00_a.ipynb", tmp_path) == ""
    (tmp_path / "zh" / "lessons").mkdir(parents=True)
    (tmp_path / "zh" / "lessons" / "00_a.ipynb").write_text("{}")
    to_zh = build.language_switch("lessons/00_a.ipynb", tmp_path)
    assert 'href="../zh/lessons/00_a.html"' in to_zh and ">中文<" in to_zh
    to_en = build.language_switch("zh/lessons/00_a.ipynb", tmp_path)
    assert 'href="../../lessons/00_a.html"' in to_en and ">English<" in to_en


def test_audit_page_lists_every_claim():
    from retool import claims, data

    page = build.audit_page()
    assert claims.counts_sentence() in page
    rows = [line for line in page.splitlines() if line.startswith("| ") and "| claim |" not in line]
    assert len(rows) == len(data.claims())
    words = data.claims()["measures_en"]
    assert all(w[1:].replace("|", "\\|") in page for w in words)  # each claim in its own words


def test_markdown_table_escapes_pipes_and_blanks_missing_values():
    table = build.markdown_table([{"a": "x|y", "b": float("nan")}], ["a", "b"])
    assert table.splitlines()[2] == "| x\\|y |  |"


def test_external_loads_are_found_and_links_are_not(tmp_path):
    (tmp_path / "a.html").write_text(
        '<script src="https://cdn.example/x.js"></script><a href="https://example.org">x</a>'
        '<link rel="stylesheet" href="//fonts.example/css"><img src="_images/ok.png">'
    )
    (tmp_path / "s.css").write_text("@font-face { src: url('https://fonts.example/f.woff2') }")
    found = build.external_loads(tmp_path)
    assert len(found) == 3
    assert not any("example.org" in f for f in found)


# --- the Chinese edition on the site ------------------------------------------------------------


def test_the_readme_link_to_its_chinese_version_goes_to_the_chinese_home_page():
    with_zh = build.intro_page(README, zh_home=True)
    assert f"]({build.ZH_HOME}.md)" in with_zh and "README.zh.md" not in with_zh
    without = build.intro_page(README, zh_home=False)
    assert "README.zh.md" not in without and "中文" not in without.split("\n## ")[0][:200]


def test_chinese_home_page_links_the_chinese_pages_and_the_english_ones_still_missing(tmp_path):
    (tmp_path / "zh" / "lessons").mkdir(parents=True)
    (tmp_path / "zh" / "lessons" / "00_a.ipynb").write_text("{}")
    readme = (
        "# 课程\n\n[English](README.md) · 中文\n\n见 [数据](data/README.md#verdicts)。\n\n"
        "## 开始\n\n`make lab-zh`\n\n## 课程内容\n\n"
        "| 00 | [甲](zh/lessons/00_a.ipynb) |\n| 01 | [乙](zh/lessons/01_b.ipynb) |\n\n"
        "练习在 [`zh/exercises/`](zh/exercises/) 中。\n\n## 教师\n"
    )
    docs = {"intro", "audit", "data/README", "zh/lessons/00_a", "lessons/01_b"}
    page = build.zh_intro_page(readme, tmp_path, docs)
    assert "[English](../intro.md)" in page
    assert "[数据](../data/README.md#verdicts)" in page
    assert "[甲](../zh/lessons/00_a.ipynb)" in page  # from zh/index.md
    assert "[乙](../lessons/01_b.ipynb)" in page  # not translated yet: the English page
    assert "zh/exercises/" in page and "](zh/exercises/)" not in page  # a folder: text
    assert "make lab-zh" not in page  # only the opening and the course map


def test_a_chinese_page_links_the_english_notebook_until_its_translation_exists(tmp_path):
    (tmp_path / "zh" / "lessons").mkdir(parents=True)
    (tmp_path / "zh" / "lessons" / "00_a.ipynb").write_text("{}")
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell(
                "[甲](00_a.ipynb) [乙](01_b.ipynb#top) [练习](../exercises/00_a_exercises.ipynb)"
            )
        ]
    )
    build.zh_pending_links(nb, "zh/lessons/00_a.ipynb", tmp_path)
    assert nb.cells[0].source == (
        "[甲](00_a.ipynb) [乙](../../lessons/01_b.ipynb#top) "
        "[练习](../../exercises/00_a_exercises.ipynb)"
    )


def test_the_table_of_contents_has_the_chinese_home_page(tmp_path):
    lessons = build.course_map("| 00 | [one](lessons/00_one.ipynb) |\n")
    (tmp_path / "zh" / "lessons").mkdir(parents=True)
    (tmp_path / "zh" / "lessons" / "00_one.ipynb").write_text("{}")
    assert build.ZH_HOME not in build.toc(lessons, tmp_path)
    (tmp_path / build.ZH_README).write_text("# 课程\n")
    toc = build.toc(lessons, tmp_path)
    assert toc.index(f"file: {build.ZH_HOME}") < toc.index("file: zh/lessons/00_one")


def test_a_chinese_page_links_the_english_document_the_site_shows(tmp_path):
    # zh/data/README.md is in the repository but not on the site: the link goes to data/README
    (tmp_path / "zh" / "data").mkdir(parents=True)
    (tmp_path / "zh" / "data" / "README.md").write_text("数据")
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("[数据说明](../data/README.md#verdicts)")]
    )
    build.zh_pending_links(nb, "zh/lessons/02_a.ipynb", tmp_path)
    assert nb.cells[0].source == "[数据说明](../../data/README.md#verdicts)"
