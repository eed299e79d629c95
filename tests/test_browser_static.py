"""Every lesson opened in JupyterLab WITHOUT running it, as a learner first meets it.

Each widget cell must show its still (the default chart with the line saying to run the cell,
or the quiz's questions), loaded as an image, and no cell may show a widget's Python repr
(``VBox(children=(...``) or a widget error. A screenshot of each widget cell goes to
test-artifacts/browser/static_NN_topic[_K].png.
"""

from __future__ import annotations

import json
import re

import browser_helpers as bh
import pytest
from test_browser import browser, lab, page  # noqa: F401  (the fixtures: one server, one Chromium)

from retool.still import QUIZ_HINT, RUN_HINT

pytestmark = pytest.mark.browser

LESSONS = bh.lessons()
REPR = re.compile(r"\b(VBox|HBox|IntSlider|FloatSlider|Dropdown)\(|Error displaying widget")

CELLS_JS = """
() => Array.from(document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell'))
  .map(c => ({
    imgs: Array.from(c.querySelectorAll('.jp-OutputArea-output img')).map(i => ({
      src: i.getAttribute('src') || '', loaded: i.complete && i.naturalWidth > 0,
      width: i.getBoundingClientRect().width})),
    text: Array.from(c.querySelectorAll('.jp-OutputArea-output')).map(o => o.innerText).join('\\n'),
  }))
"""


def _stills(notebook) -> dict[int, dict]:
    """The stored still of each widget cell, by the cell's index among the code cells."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    found = {}
    for i, cell in enumerate(code):
        for out in cell.get("outputs", []):
            if bh.is_widget_output(out):
                found[i] = out["data"]
    return found


def test_the_lessons_have_widget_cells_with_stills():
    assert sum(len(_stills(nb)) for nb in LESSONS) >= 10


@pytest.mark.skipif(not LESSONS, reason="no lessons/NN_*.ipynb yet")
@pytest.mark.parametrize("notebook", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_opened_without_running_shows_pictures_not_reprs(page, lab, notebook):  # noqa: F811
    relpath = f"lessons/{notebook.name}"
    bh.open_notebook(page, lab, relpath)  # the kernel starts, but no cell runs
    cells = page.evaluate(CELLS_JS)
    stills = _stills(notebook)
    problems = []
    for i, cell in enumerate(cells):
        if REPR.search(cell["text"]):
            problems.append(f"code cell {i + 1} shows a widget repr: {cell['text'][:120]!r}")
    for i, data in stills.items():
        cell = cells[i]
        if data["text/plain"] == RUN_HINT:
            stored = data["image/png"].replace("\n", "")
            shown = [img for img in cell["imgs"] if img["src"].endswith(stored)]
            if not shown:
                problems.append(f"code cell {i + 1}: the still of the default chart is not shown")
            elif not (shown[0]["loaded"] and shown[0]["width"] > 300):
                problems.append(f"code cell {i + 1}: the still did not load: {shown[0]['width']}")
        elif data["text/plain"] == QUIZ_HINT and QUIZ_HINT not in cell["text"]:
            problems.append(f"code cell {i + 1}: the quiz's questions are not shown")
    code_cells = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell")
    for k, i in enumerate(sorted(stills)):
        name = f"static_{notebook.stem}" + (f"_{k + 1}" if k else "")
        bh.screenshot(page, name, code_cells.nth(i).locator(".jp-OutputArea-output"))
    no_run = [p["prompt"] for p in page.evaluate(bh.STATE_JS)["prompts"] if "*" in p["prompt"]]
    assert not no_run, f"{relpath}: a cell ran while the lesson was only opened"
    assert not problems, f"{relpath}:\n" + "\n".join(problems)


@pytest.mark.skipif(not LESSONS, reason="no lessons/NN_*.ipynb yet")
def test_running_a_lesson_replaces_each_still_with_its_live_widget(page, lab):  # noqa: F811
    notebook = next(nb for nb in LESSONS if _stills(nb))
    relpath = f"lessons/{notebook.name}"
    bh.open_notebook(page, lab, relpath)
    bh.run_all(page)
    cells = page.evaluate(CELLS_JS)
    stills = _stills(notebook)
    assert bh.widget_areas(page).count() == len(stills), f"{relpath}: a widget did not render"
    for i, data in stills.items():
        stored = data.get("image/png", "").replace("\n", "")
        assert not any(stored and img["src"].endswith(stored) for img in cells[i]["imgs"]), (
            f"{relpath}, code cell {i + 1}: the still is still shown beside the live widget"
        )
        assert RUN_HINT not in cells[i]["text"] and QUIZ_HINT not in cells[i]["text"]
