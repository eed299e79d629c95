"""Every lesson driven in JupyterLab in a real browser, as a learner would use it.

For each ``lessons/NN_*.ipynb``, on a 1280x720 page (a classroom projector): open it (File > Open
from Path... in the JupyterLab page the previous notebook was closed in; the first loads
JupyterLab with a clean workspace) and, before anything runs, check that each widget cell shows
the still of its default chart (or the quiz's questions) and no cell a widget's Python repr; Run >
Run All Cells, wait for the kernel, check that no cell shows an error, that every widget rendered
in place of its still, then change each control in turn (keyboard on sliders, another option in
dropdowns, clicks on toggle buttons and checkboxes) and check that the chart or the sentence
changed (a control that changes nothing where the others left the settings is tried again from
the defaults), that the chart did not move (the sentence, whose length changes, sits under it)
and that it is shown at its own width (not scaled down to the column). For one exercise notebook:
type a right answer, a wrong one and nonsense, run the cell, read the feedback. A screenshot per
notebook goes to test-artifacts/.

Two Chinese lessons (``zh/lessons/``, whose code is the English lessons') are opened and run live:
their stills before the run, no error, no "Glyph ... missing from font" warning from matplotlib,
every control labelled in Chinese, nothing on the page drawn as a missing glyph; and every Chinese
character the course can show (in any Chinese notebook, and all that the library's catalogue can
say) drawn with a real glyph in each font the page uses for text, code, outputs and widgets. nbval
runs every Chinese notebook; the English pass drives the same code's controls.

One JupyterLab server (with the project's .jupyter/ settings, on a copy of the notebooks), one
Chromium and one JupyterLab page serve each worker's share of these tests. Run only these tests
with ``pytest -m browser``.
"""

from __future__ import annotations

import importlib
import json
import math
import re
import shutil
import sys

import browser_helpers as bh
import pytest

pytestmark = pytest.mark.browser

LESSONS = bh.lessons()
ZH_LESSONS = sorted((bh.COURSE / "zh" / "lessons").glob("[0-9][0-9]_*.ipynb"))


def _need_browser():
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip(f"Playwright is not installed; {bh.ENABLE_HINT}")
    if bh.chromium_path() is None:
        pytest.skip(f"Chromium was not found; {bh.ENABLE_HINT}")


# Module scope, not session: Playwright's sync API keeps an event loop running while it is open,
# and nbval or the grader on the same xdist worker (asyncio.run) would fail after it.
@pytest.fixture(scope="module")
def lab():
    """JupyterLab on 127.0.0.1, a free port and a random token, serving a copy of the course."""
    _need_browser()
    tmp = bh.session_tmp()
    course = bh.copy_course(tmp)
    for folder in ("lessons", "exercises", "solutions"):  # the Chinese edition, where it exists
        if (bh.COURSE / "zh" / folder).is_dir():
            shutil.copytree(bh.COURSE / "zh" / folder, course / "zh" / folder)
    server = bh.LabServer(tmp).start()
    yield server
    server.stop()
    shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="module")
def browser(lab):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = bh.launch_browser(p, lab.root / "chromium-profile")
        context.set_default_timeout(bh.HANG * 1000)  # a hang guard
        yield context
        context.close()


@pytest.fixture(scope="module")
def lab_page(browser):
    """One JupyterLab page for the module's notebooks, opened one after the other as a learner
    goes from lesson to lesson (loading JupyterLab once, not once per notebook)."""
    tab = browser.new_page()
    tab.js_errors = []
    tab.on("pageerror", lambda exc: tab.js_errors.append(str(exc)))
    yield tab
    tab.close()


@pytest.fixture
def page(lab_page, lab):
    """The module's page; afterwards the notebook is saved and closed and every kernel shut down.
    If closing fails, the next notebook loads JupyterLab afresh with a clean workspace."""
    lab_page.js_errors.clear()
    yield lab_page
    try:
        if getattr(lab_page, "lab_loaded", False):
            bh.close_notebook(lab_page, timeout=30)
    except Exception:  # the next notebook reloads the page
        lab_page.lab_loaded = False
    lab.shutdown_kernels()


def test_jupyterlab_keeps_the_token_on(lab):
    """The server refuses requests without the token (the settings never disable it)."""
    import urllib.error
    import urllib.request

    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(f"{lab.base}/api/contents", timeout=10)
    assert err.value.code in (401, 403)
    assert lab.api("GET", "api/contents") is not None


def test_shutting_kernels_down_takes_gone_as_done(tmp_path, monkeypatch):
    """A session that ends between the listing and the DELETE (its tab was just closed) is not
    an error; any other refusal is."""
    import urllib.error

    def api(method, path, refusal=404):
        if method == "GET":
            return [{"id": "s1"}]
        raise urllib.error.HTTPError(path, refusal, "refused", {}, None)

    server = bh.LabServer(tmp_path)
    monkeypatch.setattr(server, "api", api)
    server.shutdown_kernels()
    monkeypatch.setattr(server, "api", lambda m, p: api(m, p, refusal=500))
    with pytest.raises(urllib.error.HTTPError):
        server.shutdown_kernels()


def test_the_lessons_have_widget_cells_with_stills():
    assert sum(len(bh.stills(nb)) for nb in LESSONS) >= 10


@pytest.mark.skipif(not LESSONS, reason="no lessons/NN_*.ipynb yet")
@pytest.mark.parametrize("notebook", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_runs_and_widgets_respond(page, lab, notebook):
    relpath = f"lessons/{notebook.name}"
    bh.open_notebook(page, lab, relpath)  # the kernel starts, no cell runs yet
    unrun = bh.unrun_problems(page, notebook)
    for k, i in enumerate(sorted(bh.stills(notebook))):
        cells = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell")
        name = f"static_{notebook.stem}" + (f"_{k + 1}" if k else "")
        bh.screenshot(page, name, cells.nth(i).locator(".jp-OutputArea-output"))
    assert not unrun, f"{relpath} opened without running:\n" + "\n".join(unrun)
    bh.run_all(page)
    errors = bh.error_outputs(page)
    assert not errors, f"{relpath}: a cell shows an error or a warning:\n" + "\n---\n".join(errors)
    left = bh.stills_left(page, notebook)
    assert not left, f"{relpath} after Run All:\n" + "\n".join(left)

    areas = bh.widget_areas(page)
    expected = bh.expected_widgets(notebook)
    assert areas.count() == expected, (
        f"{relpath}: {areas.count()} widget views rendered, the notebook shows {expected}"
    )
    problems = []
    for i in range(areas.count()):
        area = areas.nth(i)
        state = bh.area_state(area)
        if state["broken"] or not state["rendered"]:
            problems.append(f"widget {i + 1} did not render: {state['text'][:200]!r}")
            continue
        narrow = bh.narrow_sliders(area)
        if narrow:
            problems.append(f"widget {i + 1}: slider tracks too short to drag: {narrow}")
        changes = bh.drive_widget(page, i)
        if not changes:
            problems.append(f"widget {i + 1} has no control a learner can change")
        for c in changes:
            problems += [f"widget {i + 1}, {p}" for p in c.layout_problems()]
            if not c.value_changed:
                problems.append(f"widget {i + 1}, {c}: the control did not change")
            elif not (c.image_changed or c.text_changed):
                problems.append(f"widget {i + 1}, {c}: neither the chart nor the sentence changed")
        if state["imgs"] and changes and not any(c.image_changed for c in changes):
            problems.append(f"widget {i + 1}: no control changes the chart")
        if state["text"] and changes and not any(c.text_changed for c in changes):
            problems.append(f"widget {i + 1}: no control changes the sentence")
        if i == 0:
            bh.screenshot(page, notebook.stem, bh.widget_areas(page).nth(0))
    if areas.count() == 0:
        bh.screenshot(page, notebook.stem)
    errors = bh.error_outputs(page)
    assert not errors, f"{relpath}: errors after using the widgets:\n" + "\n".join(errors)
    assert not problems, f"{relpath}:\n" + "\n".join(problems)
    assert not page.js_errors, f"{relpath}: JavaScript errors: {page.js_errors}"


# --- the Chinese edition: every glyph drawn -------------------------------------------------------

# matplotlib's warning when a chart's text has a character its fonts cannot draw
MISSING_GLYPH = re.compile(r"Glyph \d+ .*missing from (current )?font|missing from font", re.I)

# Each distinct Chinese character shown in the open notebook, by the font its element uses.
SHOWN_JS = r"""() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT);
  const fonts = {};
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const chars = node.nodeValue.match(/[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]/g);
    if (!chars || !node.parentElement) continue;
    const font = `32px ${getComputedStyle(node.parentElement).fontFamily}`;
    fonts[font] = Array.from(new Set([...(fonts[font] || []), ...chars]));
  }
  return fonts;
}"""

# The font of the first element each selector finds in the open notebook (null: none found).
FONTS_JS = r"""(selectors) => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  return Object.fromEntries(Object.entries(selectors).map(([name, selector]) => {
    const element = panel.querySelector(selector);
    return [name, element ? `32px ${getComputedStyle(element).fontFamily}` : null];
  }));
}"""

# Each [label, font, characters] drawn on a canvas against the box of a surely missing character
# (U+10FFFD, private use): a character drawn exactly as that box has no glyph in any font the page
# can use for that element.
GLYPHS_JS = r"""(jobs) => {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 48;
  const ctx = canvas.getContext('2d', {willReadFrequently: true});
  const draw = (font, text) => {
    ctx.clearRect(0, 0, 48, 48);
    ctx.font = font;
    ctx.fillText(text, 4, 36);
    return new Uint32Array(ctx.getImageData(0, 0, 48, 48).data.buffer);
  };
  const same = (a, b) => a.every((v, k) => v === b[k]);
  const missing = [];
  for (const [label, font, chars] of jobs) {
    const box = draw(font, '\u{10FFFD}');
    for (const c of chars) if (same(draw(font, c), box)) missing.push(`${c} (${label})`);
  }
  return missing;
}"""


def missing_shown(page) -> tuple[int, list[str]]:
    """How many Chinese characters the open notebook shows, and those drawn as a missing glyph."""
    shown = page.evaluate(SHOWN_JS)
    jobs = [[font, font, chars] for font, chars in shown.items()]
    return sum(map(len, shown.values())), page.evaluate(GLYPHS_JS, jobs)


# Run live in Chinese: the first lesson a reader opens (a menu and a switch) and the chain (ticks,
# a slider and the quiz's buttons), so that every kind of control shows its Chinese label.
LIVE_ZH = ["00_start_here", "07_planning_the_chain"]

# Where the page puts text. Each element's font must draw every Chinese character the course can
# show: in any Chinese notebook (text and stored outputs) and anything the library can say (its
# catalogue), whatever the settings; a lesson run at its defaults shows only some of them.
TEXT_PLACES = {
    "text": ".jp-RenderedMarkdown",
    "code": ".jp-InputArea-editor .cm-content",
    "output": ".jp-OutputArea-output pre",
    "label": ".jupyter-widgets .widget-label",
    "sentence": ".jupyter-widgets .widget-html-content",
    "button": ".jupyter-widgets button",
}

CJK_CHAR = re.compile(r"[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]")


def chinese_characters() -> list[str]:
    """Every Chinese character the course can show: in the Chinese notebooks (their text, code
    and stored outputs) and in the library's catalogue (all that a widget, a check or a chart can
    say in Chinese)."""
    from babel.messages.pofile import read_po

    from retool import i18n

    with i18n.po_path("zh").open("rb") as handle:
        catalogue = read_po(handle)
    strings = (m.string for m in catalogue if m.id)
    text = "".join("".join(s) if isinstance(s, tuple) else s or "" for s in strings)
    for folder in ("lessons", "solutions", "exercises"):
        for notebook in sorted((bh.COURSE / "zh" / folder).glob("*.ipynb")):
            text += notebook.read_text(encoding="utf-8")
    return sorted(set(CJK_CHAR.findall(text)))


def _glyph_warnings(page) -> list[str]:
    """Outputs with matplotlib's warning that a chart's font lacks a glyph."""
    shown = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea").all_inner_texts()
    return [t[:300] for t in shown if MISSING_GLYPH.search(t)]


@pytest.mark.skipif(not ZH_LESSONS, reason="no zh/lessons/NN_*.ipynb yet")
@pytest.mark.parametrize("stem", LIVE_ZH, ids=[f"zh_{s}" for s in LIVE_ZH])
def test_chinese_lesson_runs_live_with_every_glyph(page, lab, stem):
    notebook = bh.COURSE / "zh" / "lessons" / f"{stem}.ipynb"
    assert notebook in ZH_LESSONS, f"{notebook.name}: no such Chinese lesson (see LIVE_ZH)"
    relpath = f"zh/lessons/{notebook.name}"
    bh.open_notebook(page, lab, relpath)
    unrun = bh.unrun_problems(page, notebook)
    assert not unrun, f"{relpath} opened without running:\n" + "\n".join(unrun)
    count, missing = missing_shown(page)
    assert count and not missing, f"{relpath} as opened: drawn as a missing glyph: {missing[:20]}"
    bh.run_all(page)
    errors = bh.error_outputs(page)
    assert not errors, f"{relpath}: a cell shows an error or a warning:\n" + "\n---\n".join(errors)
    assert not _glyph_warnings(page), f"{relpath}: a chart lacks a glyph: {_glyph_warnings(page)}"
    areas = bh.widget_areas(page)
    expected = bh.expected_widgets(notebook)
    assert areas.count() == expected, f"{relpath}: {areas.count()} widgets rendered, not {expected}"
    assert not bh.stills_left(page, notebook), bh.stills_left(page, notebook)
    # a control without a description keeps an empty label (a zero-width space)
    texts = areas.locator(".widget-label").all_inner_texts()
    labels = [t for t in texts if t.strip("\u200b \n")]
    english = [t for t in labels if not CJK_CHAR.search(t)]
    assert labels and not english, f"{relpath}: controls without a Chinese label: {english}"
    _, missing = missing_shown(page)
    assert not missing, f"{relpath}: drawn as a missing glyph: {missing[:20]}"

    chars = chinese_characters()
    assert len(chars) > 500, f"only {len(chars)} Chinese characters in the course"
    fonts = page.evaluate(FONTS_JS, TEXT_PLACES)
    absent = [name for name in ("text", "code", "output", "label") if not fonts[name]]
    assert not absent, f"{relpath}: no element for {absent}"
    missing = page.evaluate(GLYPHS_JS, [[n, f, chars] for n, f in fonts.items() if f])
    assert not missing, (
        f"{relpath}: characters of the course drawn as a missing glyph in the page's fonts "
        f"{fonts}: " + ", ".join(missing[:20])
    )
    bh.screenshot(page, f"zh_{notebook.stem}", bh.widget_areas(page).nth(0))
    assert not page.js_errors, f"{relpath}: JavaScript errors: {page.js_errors}"


# --- an exercise notebook ----------------------------------------------------------------------

EXERCISE = bh.exercise_notebook()


def _exercise_module(notebook):
    """The questions' module: the notebook's metadata, else its `from X import q1` line."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    name = nb.get("metadata", {}).get("retool", {}).get("exercise")
    if name:
        return importlib.import_module(f"retool.exercises.{name}")
    for cell in nb["cells"]:
        m = re.search(r"^from\s+([\w.]+)\s+import\s+.*\bq1\b", "".join(cell["source"]), re.M)
        if m:
            sys.path.insert(0, str(notebook.parent))
            try:
                return importlib.import_module(m.group(1))
            finally:
                sys.path.remove(str(notebook.parent))
    raise AssertionError(f"{notebook.name}: cannot tell which exercise module it uses")


def _answers(question):
    """A right, a wrong and a nonsense answer for one question, as a learner would type them."""
    from retool.exercises import core

    if isinstance(question, core.NumberQuestion):
        exact = float(question.expected())
        right = f"{exact:.6g}"
        wrong = f"{exact + 1000 * (abs(exact) + 1):.6g}"
        close = [f"{float(m.value()):.6g}" for m in question.mistakes]
        close = [v for v in close if math.isfinite(float(v)) and v != right]
    elif isinstance(question, core.ChoiceQuestion):
        right = repr(question.correct)
        wrong = repr(next(k for k in question.options if k != question.correct))
        close = []
    else:
        return None
    return {"right": right, "wrong": wrong, "close": close[:1], "nonsense": repr("banana")}


@pytest.mark.skipif(EXERCISE is None, reason="no exercises/*.ipynb yet")
def test_exercise_feedback_in_the_browser(page, lab):
    notebook = EXERCISE
    module = _exercise_module(notebook)
    questions = [q for q in getattr(module, "QUESTIONS", []) if _answers(q)]
    if not questions:
        questions = [getattr(module, n) for n in dir(module) if re.fullmatch(r"q\d+", n)]
        questions = [q for q in questions if _answers(q)]
    assert questions, f"{notebook.name}: no number or choice question to try"
    question = questions[0]
    answers = _answers(question)
    # what each answer must produce, judged by the library itself in this process
    for kind in ("right", "wrong", "nonsense", *(["close"] if answers["close"] else [])):
        value = answers[kind][0] if kind == "close" else answers[kind]
        expected = {"right": "correct", "wrong": "incorrect", "close": "close"}.get(kind)
        if expected:
            outcome = question.check(eval(value)).outcome.value  # noqa: S307 (our own literal)
            assert outcome == expected, f"{question.qid}: {kind} answer {value} -> {outcome}"

    relpath = f"exercises/{notebook.name}"
    bh.open_notebook(page, lab, relpath)
    bh.run_all(page)
    assert not bh.error_outputs(page), f"{relpath}: errors before any answer was typed"

    sources = bh.cell_sources(page)
    marker = f"{question.qid}.check({question.answer_name})"
    index = next((i for i, s in enumerate(sources) if marker in s), None)
    assert index is not None, f"{relpath}: no cell with {marker}"
    cell = bh.code_cells(page).nth(index)
    assert "not answered yet" in cell.locator(".jp-Cell-outputArea").inner_text()

    def attempt(value: str) -> str:
        return bh.type_and_run(page, cell, f"{question.answer_name} = {value}\n{marker}")

    seen = {}
    seen["right"] = attempt(answers["right"])
    assert re.search(r"\bcorrect\b", seen["right"]) and "not quite" not in seen["right"], seen
    seen["wrong"] = attempt(answers["wrong"])
    assert re.search(r"not quite|not this one|values match", seen["wrong"]), seen
    if answers["close"]:
        seen["close"] = attempt(answers["close"][0])
        assert "close" in seen["close"], seen
    seen["nonsense"] = attempt(answers["nonsense"])
    assert seen["nonsense"] and not re.search(r"\bcorrect\b", seen["nonsense"]), seen
    assert len(seen["nonsense"].split()) >= 5, f"nonsense answer: not a sentence: {seen}"
    for text in seen.values():
        assert "Traceback" not in text and "Error" not in text.split(":")[0], seen
    assert not bh.error_outputs(page), f"{relpath}: an answer produced an error output"
    bh.screenshot(page, notebook.stem, cell)
