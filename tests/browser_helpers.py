"""Drive JupyterLab in a real browser (Chromium through Playwright), as a learner would.

Used by ``tests/test_browser.py``. The helpers start one JupyterLab server on a copy of the
course's notebooks (so nothing the browser does is saved into the repository), with the
project's own settings from ``.jupyter/``, and drive notebooks through the menus, the keyboard
and the mouse.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# The notebooks to drive: this checkout's, unless RETOOL_COURSE_ROOT names another folder that
# holds lessons/ and exercises/ (e.g. a branch checked out elsewhere).
COURSE = Path(os.environ.get("RETOOL_COURSE_ROOT") or REPO)
ARTIFACTS = REPO / "test-artifacts" / "browser"

ENABLE_HINT = (
    "the browser tests need Chromium and Playwright's Python package: "
    "`apt-get install chromium` (or set RETOOL_CHROMIUM to a Chromium binary) and "
    "`pip install playwright` (the tests use the system Chromium; no `playwright install`)"
)

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Hang guards, not speed tests: long enough for a loaded 2-core machine, so that only a real hang
# (never a slow moment) fails a test. Speed is measured in benchmarks/.
HANG = 180.0

# Page-side waits check their condition every 100 ms, not at every animation frame (Playwright's
# default), which made Chromium query and lay out the page sixty times a second while it waited.
POLL_MS = 100

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"

# Controls a learner changes, and what is not part of a widget's result.
CONTROLS = (
    ".widget-slider, .widget-hslider, .widget-vslider, .widget-dropdown, .widget-toggle-buttons, "
    ".widget-toggle-button, .widget-checkbox, .widget-radio, .widget-radio-box, .widget-text, "
    ".widget-play, .widget-readout, .widget-select, .widget-button"
)


def chromium_path() -> str | None:
    """The Chromium binary: $RETOOL_CHROMIUM, else chromium / chromium-browser on PATH."""
    env = os.environ.get("RETOOL_CHROMIUM")
    if env:
        return env if Path(env).exists() else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


def lessons() -> list[Path]:
    return sorted((COURSE / "lessons").glob("[0-9][0-9]_*.ipynb"))


def exercise_notebook() -> Path | None:
    first = COURSE / "exercises" / "00_start_here_exercises.ipynb"
    if first.exists():
        return first
    found = sorted((COURSE / "exercises").glob("*.ipynb"))
    return found[0] if found else None


def is_widget_output(output: dict) -> bool:
    """A stored widget view, or the still that stands in for a widget (its view is not saved)."""
    from retool.still import QUIZ_HINT, RUN_HINT, hint_texts

    data = output.get("data", {})
    plain = "".join(data.get("text/plain", ""))
    return WIDGET_MIME in data or plain in hint_texts(RUN_HINT) | hint_texts(QUIZ_HINT)


def expected_widgets(notebook: Path) -> int:
    """How many widget views the notebook shows: its stored widget outputs, else its explorers."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    stored = sum(1 for c in code for o in c.get("outputs", []) if is_widget_output(o))
    if stored:
        return stored
    return sum(1 for c in code if "explorer(" in "".join(c["source"]))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LabServer:
    """A JupyterLab server on 127.0.0.1 with a random token, serving a copy of the course."""

    root: Path
    port: int = field(default_factory=free_port)
    token: str = field(default_factory=lambda: secrets.token_hex(24))
    process: subprocess.Popen | None = None
    log: Path | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str, query: str = "") -> str:
        sep = "&" if query else ""
        return f"{self.base}/{path}?{query}{sep}token={self.token}"

    def start(self, timeout: float = HANG) -> LabServer:
        home = self.root / "_jupyter"
        settings = home / "user-settings"
        shutil.copytree(REPO / ".jupyter" / "lab" / "user-settings", settings)
        env = dict(os.environ)
        env.update(
            JUPYTER_CONFIG_DIR=str(home / "config"),
            JUPYTER_RUNTIME_DIR=str(home / "runtime"),
            JUPYTERLAB_SETTINGS_DIR=str(settings),
            JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"),
            IPYTHONDIR=str(home / "ipython"),
            PYTHONUNBUFFERED="1",
        )
        env.pop("RETOOL_DATA_DIR", None)
        args = [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            f"--config={REPO / '.jupyter' / 'jupyter_server_config.py'}",
            "--no-browser",
            f"--port={self.port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root / 'course'}",
            # Unix sockets: no TCP port race with kernels other tests start at the same time
            "--KernelManager.transport=ipc",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            args.append("--allow-root")
        self.log = self.root / "jupyterlab.log"
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                args, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=self.root
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited early:\n{self.log.read_text()[-3000:]}")
            try:
                self.api("GET", "api/status")
                return self
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"JupyterLab did not answer within {timeout:.0f} s")

    def api(self, method: str, path: str):
        req = urllib.request.Request(
            f"{self.base}/{path}",
            method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(req, timeout=10) as resp:
            body = resp.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        """Shut down every session and kernel (after each notebook)."""
        for session in self.api("GET", "api/sessions") or []:
            self._delete(f"api/sessions/{session['id']}")
        for kernel in self.api("GET", "api/kernels") or []:
            self._delete(f"api/kernels/{kernel['id']}")

    def _delete(self, path: str) -> None:
        """DELETE, where "not found" is done too: closing the notebook's tab shuts its kernel
        down (the course's settings), which may end between the listing and the request."""
        try:
            self.api("DELETE", path)
        except urllib.error.HTTPError as err:
            if err.code != 404:
                raise

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def copy_course(into: Path) -> Path:
    """Copy the notebooks' folders into ``into/course``, the server's root."""
    course = into / "course"
    for folder in ("lessons", "exercises", "solutions"):
        if (COURSE / folder).is_dir():
            shutil.copytree(
                COURSE / folder,
                course / folder,
                ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
            )
    course.mkdir(exist_ok=True)
    return course


PROJECTOR = {"width": 1280, "height": 720}


def launch_browser(playwright, user_data_dir: Path):
    """One Chromium for the whole session (a persistent context in a fresh profile folder)."""
    return playwright.chromium.launch_persistent_context(
        str(user_data_dir),
        executable_path=chromium_path(),
        args=CHROMIUM_ARGS,
        headless=True,
        viewport=PROJECTOR,  # a classroom projector: charts must be readable and unscaled here
        env={**os.environ, "HOME": str(user_data_dir)},
    )


# --- driving a notebook ------------------------------------------------------------------------

STATE_JS = """
() => {
  const nb = '.jp-NotebookPanel:not(.lm-mod-hidden) ';
  const ind = document.querySelector(nb + '.jp-Notebook-ExecutionIndicator');
  const cells = Array.from(document.querySelectorAll(nb + '.jp-CodeCell'));
  const prompts = cells.map(c => {
    const src = c.querySelector('.cm-content');
    const empty = !src || src.innerText.trim() === '';
    const p = c.querySelector('.jp-InputArea-prompt');
    return {empty, prompt: p ? p.innerText.trim() : ''};
  });
  return {status: ind ? ind.getAttribute('data-status') : null, prompts};
}
"""


def open_notebook(page, server: LabServer, relpath: str, timeout: float = HANG) -> None:
    """Open a notebook and wait until its kernel is idle: in the JupyterLab page already open
    (File > Open from Path..., as a learner opens the next lesson), else by loading JupyterLab
    with a clean workspace."""
    if getattr(page, "lab_loaded", False):
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^File$")).click()
        page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Open from Path")).click()
        field = page.locator(".jp-Dialog input")
        field.fill(relpath)
        field.press("Enter")
    else:
        page.goto(server.url(f"lab/tree/{relpath}", "reset"), wait_until="domcontentloaded")
    page.wait_for_function(
        """(name) => {
          const tab = document.querySelector('.lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current');
          const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
          return tab && tab.innerText.trim() === name
                 && panel && panel.querySelector('.jp-Notebook .jp-Cell');
        }""",
        arg=relpath.rsplit("/", 1)[-1],
        polling=POLL_MS,
        timeout=timeout * 1000,
    )
    page.lab_loaded = True
    wait_idle(page, timeout)


def close_notebook(page, timeout: float = HANG) -> None:
    """Save the open notebook and close its tab (the course's settings shut its kernel down);
    the page stays open for the next notebook."""
    panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    panel.locator(".jp-Notebook").first.click(position={"x": 2, "y": 2})
    page.keyboard.press("Escape")
    page.keyboard.press("ControlOrMeta+s")
    page.wait_for_function(
        """() => !document.querySelector('.lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current')
                    ?.classList.contains('jp-mod-dirty')""",
        polling=POLL_MS,
        timeout=timeout * 1000,
    )
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^File$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Close Tab$")).click()
    page.wait_for_function(
        "() => !document.querySelector('.jp-NotebookPanel')", polling=POLL_MS,
        timeout=timeout * 1000
    )


def wait_idle(page, timeout: float = HANG) -> None:
    page.wait_for_function(
        """() => {
          const nb = '.jp-NotebookPanel:not(.lm-mod-hidden) ';
          const k = document.querySelector(nb + '.jp-KernelName');
          const ind = document.querySelector(nb + '.jp-Notebook-ExecutionIndicator');
          return ind && ind.getAttribute('data-status') === 'idle'
                 && k && !/No Kernel/.test(k.innerText);
        }""",
        polling=POLL_MS,
        timeout=timeout * 1000,
    )


def run_all(page, timeout: float = HANG) -> float:
    """Run > Run All Cells from the menu bar; wait until every code cell has run. Seconds taken."""
    start = time.monotonic()
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
    deadline = start + timeout
    # the stored outputs already show [1]:, [2]:...; done only once the run has been seen
    started = False
    while time.monotonic() < deadline:
        state = page.evaluate(STATE_JS)
        todo = [p["prompt"] for p in state["prompts"] if not p["empty"]]
        started = started or state["status"] != "idle" or any("*" in p for p in todo)
        done = all(re.fullmatch(r"\[\d+\]:", p) for p in todo)
        if started and done and state["status"] == "idle":
            return time.monotonic() - start
        time.sleep(0.2)
    raise AssertionError(f"Run All did not finish within {timeout:.0f} s: {state}")


def error_outputs(page) -> list[str]:
    """Texts of every stderr or error output (JupyterLab shows tracebacks as stderr)."""
    return page.evaluate(
        """() => Array.from(document.querySelectorAll(
             '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output'))
           .filter(o => o.getAttribute('data-mime-type') === 'application/vnd.jupyter.stderr'
                        || /Traceback \\(most recent call last\\)/.test(o.innerText))
           .map(o => o.innerText.slice(0, 2000))"""
    )


def widget_areas(page):
    """The rendered widget outputs of the open notebook, in order (a widget that fails to render
    shows an error text instead, so it is not counted and the count check fails)."""
    top = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell-outputArea > .jp-OutputArea-child"
    return page.locator(f"{top} > .jp-OutputArea-output:has(> .jupyter-widgets)")


AREA_STATE_JS = """
(area, controls) => {
  // each image by a fingerprint of its whole data URL (its length and FNV-1a hash): a changed
  // chart changes it, and the page does not send the whole PNG back at every poll
  const mark = s => {
    let h = 2166136261;
    for (let k = 0; k < s.length; k++) { h ^= s.charCodeAt(k); h = Math.imul(h, 16777619); }
    return s.length + ':' + (h >>> 0).toString(16);
  };
  const imgs = Array.from(area.querySelectorAll('img')).map(i => {
    const src = i.getAttribute('src') || '';
    return src ? mark(src) : '';
  });
  const clone = area.cloneNode(true);
  clone.querySelectorAll(controls + ', img').forEach(e => e.remove());
  const text = clone.innerText.replace(/\\s+/g, ' ').trim();
  const broken = /Error displaying widget|Loading widget|model not found/i.test(area.innerText);
  // where the chart stands in its widget, and at what width it is shown against its own
  const img = area.querySelector('.widget-output img, .jupyter-widgets-output-area img');
  const a = area.getBoundingClientRect(), r = img ? img.getBoundingClientRect() : null;
  const chart = img && img.naturalWidth > 0
    ? {top: Math.round(r.top - a.top), shown: r.width, own: img.naturalWidth} : null;
  return {imgs, text, broken, chart, rendered: area.querySelector('.jupyter-widgets') !== null};
}
"""


def area_state(area) -> dict:
    return area.evaluate(AREA_STATE_JS, CONTROLS)


def kernel_status(page) -> str | None:
    return page.evaluate(
        """() => { const i = document.querySelector(
             '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator');
           return i ? i.getAttribute('data-status') : null; }"""
    )


def _wait_change(page, area, before: dict, expect: bool, patience: float = 1.0) -> dict:
    """Wait until the area's chart and sentence both differ from ``before``.

    When the action must change something (``expect``), wait for a first change however long a
    busy machine takes (up to HANG seconds, a hang guard, not a speed test). Otherwise (one small
    step, or a choice that counts only once a button is pressed), or after a first change, stop
    once the kernel is idle and the area has been still for a while."""
    start = time.monotonic()
    last, since = before, start
    while time.monotonic() - start < HANG:
        time.sleep(0.1)
        state = area_state(area)
        if state != last:
            last, since = state, time.monotonic()
        img_done = bool(state["imgs"]) and state["imgs"] != before["imgs"]
        text_done = bool(state["text"]) and state["text"] != before["text"]
        if (img_done or not before["imgs"]) and (text_done or not before["text"]):
            break
        if expect and not (img_done or text_done):
            continue
        quiet = time.monotonic() - since >= 0.6 and time.monotonic() - start >= patience
        if quiet and kernel_status(page) == "idle":
            break
    settle(page, area)
    return area_state(area)


def settle(page, area, quiet: float = 0.3, timeout: float = 20) -> None:
    """Wait for the kernel to be idle and the area to stop changing for ``quiet`` seconds."""
    wait_idle(page, timeout)
    last, since = area_state(area), time.monotonic()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        time.sleep(0.1)
        now = area_state(area)
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return


@dataclass
class Change:
    control: str
    action: str
    before: dict
    after: dict
    value_before: str = ""
    value_after: str = ""

    @property
    def image_changed(self) -> bool:
        return bool(self.after["imgs"]) and self.after["imgs"] != self.before["imgs"]

    @property
    def text_changed(self) -> bool:
        return bool(self.after["text"]) and self.after["text"] != self.before["text"]

    @property
    def value_changed(self) -> bool:
        return self.value_after != self.value_before

    def layout_problems(self) -> list[str]:
        """The chart moved (a longer sentence pushed it) or is shown narrower than drawn."""
        before, after = self.before.get("chart"), self.after.get("chart")
        if not (before and after):
            return []
        out = []
        if abs(after["top"] - before["top"]) > 0.5:
            out.append(f"{self}: the chart moved from {before['top']} to {after['top']} px")
        if after["shown"] < after["own"] - 0.5:
            out.append(
                f"{self}: the chart is {after['own']} px wide but shown at {after['shown']:.0f} px"
            )
        return out

    def __str__(self) -> str:
        return f"{self.control!r} ({self.action}: {self.value_before} -> {self.value_after})"


# A control's value as the page shows it (a slider's handles and readout, a menu's choice, the
# active buttons, the ticked boxes).
VALUE_JS = """c => {
          const h = c.querySelectorAll('.noUi-handle');
          if (h.length) {
            const r = c.querySelector('.widget-readout');
            return Array.from(h).map(x => x.getAttribute('aria-valuenow')).join(',')
                   + (r ? ' (' + r.innerText.trim() + ')' : '');
          }
          const s = c.querySelector('select');
          if (s) return s.value;
          const act = c.querySelectorAll('button.mod-active');
          if (c.matches('.widget-toggle-buttons'))
            return Array.from(act).map(b => b.innerText).join(',');
          if (c.matches('.widget-toggle-button')) return String(c.classList.contains('mod-active'));
          const i = c.querySelector('input');
          if (i && (i.type === 'checkbox' || i.type === 'radio'))
            return Array.from(c.querySelectorAll('input')).map(x => x.checked).join(',');
          return i ? i.value : c.innerText;
        }"""


def _value(control) -> str:
    return control.evaluate(VALUE_JS)


def _label(control) -> str:
    text = control.evaluate(
        "c => { const l = c.querySelector('label.widget-label'); return l ? l.innerText : ''; }"
    )
    text = text.replace("\u200b", "").strip()
    if text:
        return text
    return control.evaluate(
        "c => (c.innerText || c.className.split(' ').slice(-1)[0]).trim().slice(0, 40)"
    )


def narrow_sliders(area, minimum: float = 80) -> list[str]:
    """Sliders whose track is too short to drag (e.g. squeezed by a long description)."""
    return area.evaluate(
        """(a, minimum) => Array.from(a.querySelectorAll('.widget-slider, .widget-hslider'))
             .filter(s => { const t = s.querySelector('.noUi-target');
                            return t && t.getBoundingClientRect().width < minimum; })
             .map(s => { const l = s.querySelector('label.widget-label');
                         const t = s.querySelector('.noUi-target');
                         return (l ? l.innerText.trim() : '?') + ' (' +
                                Math.round(t.getBoundingClientRect().width) + ' px)'; })""",
        minimum,
    )


CONTROL_SELECTOR = (
    ".widget-slider:not(.mod-disabled), .widget-hslider:not(.mod-disabled), "
    ".widget-dropdown, .widget-toggle-buttons, "
    ".widget-toggle-button:not(.widget-toggle-buttons .widget-toggle-button), "
    ".widget-checkbox, .widget-radio-box"
)


def rerun_cell(page, area, timeout: float = HANG) -> None:
    """Run the cell that shows ``area`` again (Ctrl+Enter), for a widget back at its defaults."""
    cell = area.locator("xpath=ancestor::div[contains(concat(' ', @class, ' '), ' jp-CodeCell ')]")
    prompt = cell.locator(".jp-InputArea-prompt")
    before = prompt.inner_text().strip()
    cell.locator(".jp-InputPrompt").click()
    page.keyboard.press("Escape")
    page.keyboard.press("Control+Enter")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        now = prompt.inner_text().strip()
        if re.fullmatch(r"\[\d+\]:", now) and now != before:
            break
        time.sleep(0.1)
    wait_idle(page, timeout)


def drive_widget(page, index: int) -> list[Change]:
    """Change every control of the ``index``-th widget output (one checkbox of a row of them) as a
    person would, one after the other, each from the settings the ones before it left. A control
    that then changes nothing (it may only count for another option) is tried again from the
    widget's defaults (the cell is run again), where it must change the chart or the sentence."""
    changes: list[Change] = []
    at_start = True
    for k in _one_per_checkbox_row(widget_areas(page).nth(index)):
        area = widget_areas(page).nth(index)
        made = _drive_one(page, area, _control(area, k), from_start=at_start)
        if made and not at_start and not any(c.image_changed or c.text_changed for c in made):
            rerun_cell(page, area)
            area = widget_areas(page).nth(index)
            settle(page, area)
            made = _drive_one(page, area, _control(area, k), from_start=True)
        at_start = at_start and not made
        changes += made
    return changes


def _control(area, k: int):
    control = area.locator(CONTROL_SELECTOR).nth(k)
    control.scroll_into_view_if_needed()
    return control


GROUPS_JS = """
(area, selector) => Array.from(area.querySelectorAll(selector)).map(c =>
  c.matches('.widget-checkbox') ? Array.from(area.querySelectorAll('*')).indexOf(c.parentElement)
                                : -1)
"""


def _one_per_checkbox_row(area) -> list[int]:
    """The controls to drive: all, except that a row of checkboxes (one option each of a
    several-options setting, e.g. lesson 05's countries) is driven by its first checkbox. The
    browser proves that a tick reaches the kernel and redraws; that every option changes what the
    learner sees is tested through the same explorer in tests/test_widgets_contract.py."""
    rows, keep = set(), []
    for k, row in enumerate(area.evaluate(GROUPS_JS, CONTROL_SELECTOR)):
        if row == -1 or row not in rows:
            keep.append(k)
        rows.add(row)
    return keep


def _act(page, area, control, name: str, action: str, do, from_start: bool) -> Change:
    before, vb = area_state(area), _value(control)
    button = _next_button(area, control)
    # a quiz choice counts only once its button is pressed; away from the defaults, a control may
    # rightly change nothing (the caller tries it again from the defaults)
    expect = button is None and from_start
    do()
    after = _wait_change(page, area, before, expect)
    change = Change(name, action, before, after, vb, _value(control))
    if not (change.image_changed or change.text_changed):
        # a quiz-like widget: the choice counts once its button (e.g. "Check") is pressed
        if button is not None:
            button.click()
            after = _wait_change(page, area, before, expect=True)
            change = Change(
                name,
                f"{action}, then press {button.inner_text()!r}",
                before,
                after,
                vb,
                _value(control),
            )
    return change


def _next_button(area, control):
    index = control.evaluate(
        """(c) => { const area = c.closest('.jp-OutputArea-output');
             const bs = Array.from(area.querySelectorAll('button.jupyter-button'))
               .filter(b => !b.closest('.widget-toggle-buttons')
                            && !b.classList.contains('widget-toggle-button'));
             const i = bs.findIndex(
               b => c.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
             return i; }"""
    )
    if index is None or index < 0:
        return None
    buttons = area.locator("button.jupyter-button:not(.widget-toggle-button)")
    return buttons.nth(index) if index < buttons.count() else None


def _disabled(control) -> bool:
    """Disabled controls (e.g. a setting that only counts for another option) are left alone."""
    return control.evaluate(
        """c => !!c.querySelector('.noUi-target[disabled], select:disabled')
                || (c.matches('.widget-toggle-buttons')
                    && Array.from(c.querySelectorAll('button')).every(b => b.disabled))
                || (c.matches('.widget-toggle-button') && c.disabled)
                || (c.matches('.widget-checkbox, .widget-radio-box')
                    && Array.from(c.querySelectorAll('input')).every(i => i.disabled))"""
    )


def _drive_one(page, area, control, from_start: bool) -> list[Change]:
    classes = control.get_attribute("class") or ""
    if _disabled(control):
        return []
    name = _label(control)

    def act(action: str, do) -> list[Change]:
        return [_act(page, area, control, name, action, do, from_start)]

    if "slider" in classes:
        handle = control.locator(".noUi-handle").last
        at_end = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
        # by keyboard, all the way (Home when the default is at the end already)
        key = "Home" if at_end else "End"
        return act(key, lambda: (handle.focus(), page.keyboard.press(key)))
    if "widget-dropdown" in classes:
        select = control.locator("select")
        options = select.evaluate("s => Array.from(s.options).map(o => o.value)")
        current = select.input_value()
        other = next((o for o in options if o != current), None)
        if other is None:
            return []
        return act(f"select {other!r}", lambda: select.select_option(other))
    if "widget-toggle-buttons" in classes:
        target = control.locator("button:not(.mod-active)").first
        if not target.count():
            return []
        label = target.inner_text().strip() or target.get_attribute("title") or "?"
        return act(f"click {label!r}", target.click)
    if "widget-checkbox" in classes:
        return act("click", control.locator("input").first.click)
    if "widget-toggle-button" in classes:
        return act("click", control.click)
    if "widget-radio-box" in classes:
        radio = control.locator("input[type=radio]:not(:checked)")
        if not radio.count():
            return []
        label = radio.first.evaluate("r => (r.parentElement.innerText || r.value).trim()")
        return act(f"choose {label!r}", radio.first.click)
    return []


# --- exercises ---------------------------------------------------------------------------------


def code_cells(page):
    return page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell")


def cell_sources(page) -> list[str]:
    return page.evaluate(
        """() => Array.from(document.querySelectorAll(
             '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell'))
           .map(c => { const e = c.querySelector('.cm-content'); return e ? e.innerText : ''; })"""
    )


def type_and_run(page, cell, source: str, timeout: float = HANG) -> str:
    """Replace a cell's code by typing it, run it with Shift+Enter, return its output text."""
    prompt = cell.locator(".jp-InputArea-prompt")
    before = prompt.inner_text().strip()
    editor = cell.locator(".cm-content")
    editor.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.press("Delete")
    for n, line in enumerate(source.splitlines()):
        if n:
            page.keyboard.press("Enter")
            page.keyboard.press("Home")  # no auto-indent carried over from the line above
        page.keyboard.type(line)
    page.keyboard.press("Shift+Enter")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        now = prompt.inner_text().strip()
        if re.fullmatch(r"\[\d+\]:", now) and now != before:
            break
        time.sleep(0.1)
    wait_idle(page, timeout)
    return cell.locator(".jp-Cell-outputArea").inner_text().strip()


def screenshot(page, name: str, anchor=None) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    if anchor is not None:
        anchor.scroll_into_view_if_needed()
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def session_tmp() -> Path:
    return Path(tempfile.mkdtemp(prefix="retool-browser-"))


# --- a lesson as it is opened, before any cell runs -----------------------------------------------

WIDGET_REPR = re.compile(r"\b(VBox|HBox|IntSlider|FloatSlider|Dropdown)\(|Error displaying widget")

CELLS_JS = """
() => Array.from(document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell'))
  .map(c => ({
    imgs: Array.from(c.querySelectorAll('.jp-OutputArea-output img')).map(i => ({
      src: i.getAttribute('src') || '', loaded: i.complete && i.naturalWidth > 0,
      width: i.getBoundingClientRect().width})),
    text: Array.from(c.querySelectorAll('.jp-OutputArea-output')).map(o => o.innerText).join('\\n'),
  }))
"""


def stills(notebook: Path) -> dict[int, dict]:
    """The stored still of each widget cell, by the cell's index among the code cells."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    found = {}
    for i, cell in enumerate(code):
        for out in cell.get("outputs", []):
            if is_widget_output(out):
                found[i] = out["data"]
    return found


def unrun_problems(page, notebook: Path) -> list[str]:
    """What is wrong with a lesson opened but not run: a widget repr instead of a picture, a
    still not shown or not loaded, the quiz's questions missing, a cell that ran."""
    from retool.still import QUIZ_HINT, RUN_HINT, hint_texts

    cells = page.evaluate(CELLS_JS)
    problems = [
        f"code cell {i + 1} shows a widget repr: {cell['text'][:120]!r}"
        for i, cell in enumerate(cells)
        if WIDGET_REPR.search(cell["text"])
    ]
    for i, data in stills(notebook).items():
        cell = cells[i]
        plain = "".join(data["text/plain"])
        if plain in hint_texts(RUN_HINT):
            stored = data["image/png"].replace("\n", "")
            shown = [img for img in cell["imgs"] if img["src"].endswith(stored)]
            if not shown:
                problems.append(f"code cell {i + 1}: the still of the default chart is not shown")
            elif not (shown[0]["loaded"] and shown[0]["width"] > 300):
                problems.append(f"code cell {i + 1}: the still did not load: {shown[0]['width']}")
        elif plain in hint_texts(QUIZ_HINT) and plain not in cell["text"]:
            problems.append(f"code cell {i + 1}: the quiz's questions are not shown")
    ran = [p["prompt"] for p in page.evaluate(STATE_JS)["prompts"] if "*" in p["prompt"]]
    if ran:
        problems.append("a cell ran while the lesson was only opened")
    return problems


def stills_left(page, notebook: Path) -> list[str]:
    """After running: a still shown beside (or instead of) its live widget."""
    from retool.still import QUIZ_HINT, RUN_HINT, hint_texts

    hints = hint_texts(RUN_HINT) | hint_texts(QUIZ_HINT)
    cells = page.evaluate(CELLS_JS)
    out = []
    for i, data in stills(notebook).items():
        stored = data.get("image/png", "").replace("\n", "")
        if any(stored and img["src"].endswith(stored) for img in cells[i]["imgs"]):
            out.append(f"code cell {i + 1}: the still is still shown beside the live widget")
        if any(hint in cells[i]["text"] for hint in hints):
            out.append(f"code cell {i + 1}: the line saying to run the cell is still shown")
    return out
