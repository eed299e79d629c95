"""The built website in Chromium (``make test-site``): every page loads with no console error and
nothing from another host, the search finds Chinese and English terms, every chart is present,
the download links give the notebooks, the language switch works, and axe-core finds no serious
or critical accessibility violation.

The site is ``build/site`` (``make site``), or the folder named by $RETOOL_SITE, built from this
checkout's notebooks or those of $RETOOL_COURSE_ROOT. Chromium is the
system's (never ``playwright install``); without it these tests are skipped with a message.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import sys
import threading
from pathlib import Path

import nbformat
import pytest

BOOK = Path(__file__).resolve().parent.parent
REPO = BOOK.parent
sys.path[:0] = [str(BOOK), str(REPO / "tests")]

import browser_helpers as bh  # noqa: E402
import build_site as build  # noqa: E402

SITE = Path(os.environ.get("RETOOL_SITE") or REPO / "build" / "site")
# the notebooks the site was built from: this checkout's, or $RETOOL_COURSE_ROOT's
COURSE = bh.COURSE
AXE = BOOK / "node_modules" / "axe-core" / "axe.min.js"
HANG_MS = bh.HANG * 1000  # a hang guard, not a speed test


SEARCH_DONE = (
    "() => document.querySelector('#search-results')?.innerText.includes('Search finished')"
)


def site_pages(site: Path) -> list[str]:
    if not (site / "index.html").exists():
        return []
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if not p.relative_to(site).parts[0].startswith("_")
    )


PAGES = site_pages(SITE)
FOLDERS = ("lessons", "exercises", "solutions")
# index.html only sends the reader on to the first page (tested apart)
CONTENT = [p for p in PAGES if p != "index.html"]


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


def serve(folder: Path):
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # the tests report what matters
        pass


@pytest.fixture(scope="module")
def chromium():
    if not bh.chromium_path():
        pytest.skip(bh.ENABLE_HINT)
    sync_api = pytest.importorskip("playwright.sync_api", reason=bh.ENABLE_HINT)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=bh.chromium_path(), args=bh.CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


class Tab:
    """One tab that records console errors, page errors and requests that leave the machine."""

    def __init__(self, browser, base: str):
        self.base = base
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.set_default_timeout(HANG_MS)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.errors.append(f"page error: {exc}"))

    def _route(self, route):
        url = route.request.url
        if url.startswith((self.base, "data:", "blob:", "about:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def _console(self, msg):
        if msg.type == "error":
            self.errors.append(f"console: {msg.text} ({msg.location.get('url', '')})")

    def open(self, path: str):
        self.errors.clear()
        self.outside.clear()
        self.page.goto(f"{self.base}/{path}", wait_until="load")
        # MathJax typesets after load; wait for it where the page has it
        self.page.evaluate("() => window.MathJax?.startup?.promise")
        return self.page


@pytest.fixture(scope="module")
def tab(chromium):
    if not PAGES:
        pytest.skip(f"no site at {SITE}: build it with `make site`")
    server, base = serve(SITE)
    t = Tab(chromium, base)
    yield t
    t.context.close()
    server.shutdown()


def source_notebook(page: str) -> Path | None:
    """The notebook a page was built from (lessons/x.html -> lessons/x.ipynb), if any."""
    rel = Path(page).with_suffix(".ipynb")
    return COURSE / rel if (COURSE / rel).exists() else None


def widget_cells(notebook: Path) -> int:
    """Cells that show a widget: a stored widget view, or a still of an ``explorer()``."""
    nb = nbformat.read(notebook, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    views = [c for c in code if any(build.WIDGET_MIME in o.get("data", {}) for o in c.outputs)]
    return len(views) + sum(len(build.still_note(c)) for c in code)


def stored_pictures(notebook: Path) -> int:
    nb = nbformat.read(notebook, as_version=4)
    return sum(
        1
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        if "image/png" in o.get("data", {})
    )


AXE_RUN = """async () => {
  const r = await axe.run(document, {resultTypes: ['violations']});
  return r.violations.filter(v => ['serious', 'critical'].includes(v.impact)).map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary)}));
}"""


def test_every_notebook_has_a_page():
    if not PAGES:
        pytest.skip(f"no site at {SITE}: build it with `make site`")
    notebooks = [
        p.relative_to(COURSE).with_suffix(".html").as_posix()
        for folder in (*FOLDERS, *(f"zh/{f}" for f in FOLDERS))
        for p in (COURSE / folder).glob("[0-9][0-9]_*.ipynb")
    ]
    assert notebooks and not set(notebooks) - set(PAGES)
    assert {"intro.html", "audit.html", "search.html"} <= set(PAGES)
    if (COURSE / "README.zh.md").exists() and any(p.startswith("zh/") for p in notebooks):
        assert "zh/index.html" in PAGES  # the Chinese home page


def test_home_page_leads_to_the_course(tab):
    page = tab.page
    page.goto(f"{tab.base}/index.html")
    page.wait_for_url("**/intro.html")
    assert "The course" in page.locator("article").inner_text()
    assert page.locator("article a[href$='lessons/00_start_here.html']").count() >= 1


@pytest.mark.parametrize("path", CONTENT)
def test_page(tab, path):
    """Loads offline with no error; its charts, download link and accessibility."""
    page = tab.open(path)
    assert not tab.outside, f"{path} asked another host for {tab.outside}"
    assert not tab.errors, f"{path}: {tab.errors}"

    broken = page.evaluate(
        "() => Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0)"
        ".map(i => i.getAttribute('src'))"
    )
    assert not broken, f"{path}: images that did not load: {broken}"
    notebook = source_notebook(path)
    if notebook is not None:
        shown = page.locator("article .cell_output img").count()
        stored = stored_pictures(notebook)
        assert shown == stored, f"{path}: {shown} charts shown, the notebook stores {stored}"
        notes = page.locator(".widget-note").count()
        assert notes == widget_cells(notebook), f"{path}: {notes} notes on widgets"
        assert "VBox(" not in page.locator("article").inner_text()
        link = page.locator("a.download-notebook")
        assert link.count() == 1, f"{path} has no download link"
        response = tab.context.request.get(
            page.url.rsplit("/", 1)[0] + "/" + link.get_attribute("href")
        )
        assert response.ok, f"{path}: download link gives HTTP {response.status}"
        assert json.loads(response.body()) == json.loads(notebook.read_bytes()), path
        launch = page.locator("a.launch-notebook").get_attribute("href")
        assert Path(path).with_suffix(".ipynb").as_posix() in launch
    switch = page.locator("a.language-switch")
    rel = Path(path).with_suffix(".ipynb")
    if rel.parts[0] == build.ZH:  # a Chinese page links its English one
        twin = COURSE / Path(*rel.parts[1:])
    else:
        twin = COURSE / build.ZH / rel
    assert switch.count() == (1 if twin.exists() else 0), f"{path}: language switch"

    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(AXE_RUN)
    assert not violations, f"{path}: {json.dumps(violations, ensure_ascii=False, indent=1)}"


@pytest.mark.parametrize(
    "query, expected",
    [("技术改造", "lessons/01_scale_of_investment"), ("investment intensity", "lessons/02_")],
)
def test_search_finds(tab, query, expected):
    page = tab.open(f"search.html?q={query}")
    page.wait_for_function(SEARCH_DONE)
    results = page.locator("#search-results ul.search li a")
    links = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any(expected in href for href in links), f"{query!r} found {links}"
    assert not tab.errors and not tab.outside


def test_search_works_from_disk(chromium):
    """The built folder opened from disk (no web server): search and a page with formulas."""
    if not PAGES:
        pytest.skip(f"no site at {SITE}: build it with `make site`")
    t = Tab(chromium, SITE.resolve().as_uri())
    try:
        page = t.open("search.html?q=investment%20intensity")
        page.wait_for_function(SEARCH_DONE)
        results = page.locator("#search-results ul.search li a")
        assert any(
            "lessons/02_" in results.nth(i).get_attribute("href") for i in range(results.count())
        )
        page = t.open("lessons/06_incentives.html")
        assert page.locator("mjx-container").count() > 0, "formulas not typeset from disk"
        assert not t.errors and not t.outside, (t.errors, t.outside)
    finally:
        t.context.close()


# --- the language switch, on a tiny course with one page in two languages -------------------


def executed_notebook(title: str, text: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.metadata["language_info"] = {"name": "python", "pygments_lexer": "ipython3"}
    code = nbformat.v4.new_code_cell("print('ok')", execution_count=1)
    code.outputs = [nbformat.v4.new_output("stream", name="stdout", text="ok\n")]
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {title}\n\n{text}"), code]
    return nb


@pytest.fixture(scope="module")
def bilingual_site(tmp_path_factory):
    course = tmp_path_factory.mktemp("course")
    (course / "README.md").write_text(
        "# A course\n\nOne lesson.\n\n## The course\n\n| # | lesson |\n|---|---|\n"
        "| 00 | [first](lessons/00_first.ipynb) |\n\n## Start\n",
        encoding="utf-8",
    )
    for rel, title, text in [
        ("lessons/00_first.ipynb", "First lesson", "In English."),
        ("zh/lessons/00_first.ipynb", "第一课", "中文版。"),
    ]:
        (course / rel).parent.mkdir(parents=True)
        nbformat.write(executed_notebook(title, text), course / rel)
    out = tmp_path_factory.mktemp("site") / "html"
    return build.build(course, out, build.DEFAULT_LAUNCH)


def test_language_switch(chromium, bilingual_site):
    server, base = serve(bilingual_site)
    t = Tab(chromium, base)
    try:
        page = t.open("lessons/00_first.html")
        page.click("a.language-switch")
        page.wait_for_url("**/zh/lessons/00_first.html")
        assert page.locator("h1").first.inner_text().startswith("第一课")
        page.click("a.language-switch")
        page.wait_for_url("**/lessons/00_first.html")
        assert "zh/" not in page.url
        assert page.locator("h1").first.inner_text().startswith("First lesson")
        page = t.open("audit.html")
        assert page.locator("a.language-switch").count() == 0  # no Chinese audit page
        assert not t.errors and not t.outside
    finally:
        t.context.close()
        server.shutdown()
