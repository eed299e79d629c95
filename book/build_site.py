"""Build the course website with Jupyter Book 1 from the notebooks' stored outputs.

``python book/build_site.py`` (or ``make site``) checks that every lesson and solution notebook is
executed and current, writes a book source folder (cleaned copies of the notebooks, the claims
audit as a page, the table of contents from the README's course map), runs ``jupyter-book build``
with no execution and no network, and checks that no page loads anything from another host.

The one setting for launch links is ``--launch-url`` (``make site LAUNCH_URL=...``): a URL in
which ``{path}`` stands for a notebook's path in the repository, e.g. a Binder or JupyterHub
address. A Chinese page is ``zh/<path>`` beside its English ``<path>``; each of the two then
links to the other.
"""

from __future__ import annotations

import argparse
import copy
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from html import escape
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_LAUNCH = "http://localhost:8888/lab/tree/{path}"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
ZH = "zh"
# The MathJax files the pages need (the TeX input, the HTML output, its fonts, the menu and its
# accessibility extensions), copied from the npm package into the site.
MATHJAX_PARTS = ("tex-chtml.js", "input", "output", "ui", "a11y", "sre", "adaptors")


@dataclass(frozen=True)
class Lesson:
    number: str
    title: str
    path: str  # e.g. lessons/01_scale_of_investment.ipynb

    @property
    def stem(self) -> str:
        return Path(self.path).stem

    @property
    def exercises(self) -> str:
        return f"exercises/{self.stem}_exercises.ipynb"

    @property
    def solutions(self) -> str:
        return f"solutions/{self.stem}_solutions.ipynb"


# --- the course map -------------------------------------------------------------------------

ROW = re.compile(r"^\|\s*(\d\d)\s*\|\s*\[([^\]]+)\]\((lessons/[^)]+\.ipynb)\)\s*\|")


def course_map(readme: str) -> list[Lesson]:
    """The lessons in the order of the README's course table (``| NN | [title](path) | ...``)."""
    lessons = [Lesson(*m.groups()) for m in map(ROW.match, readme.splitlines()) if m]
    if not lessons:
        raise ValueError(
            "README.md has no course table (rows like '| 00 | [title](lessons/...) |')"
        )
    return lessons


# --- stale or missing outputs ---------------------------------------------------------------


def _code_cells(nb) -> list:
    return [c for c in nb.cells if c.cell_type == "code"]


def executed_problems(nb) -> list[str]:
    """Why a notebook's stored outputs are not those of one run top to bottom (empty if they are).

    A notebook run from a fresh kernel, top to bottom, numbers its code cells 1, 2, 3, ... in
    order. A cell never run, a cell run again or out of order, a notebook cleared of its outputs
    or a cell that stopped on an error all break that, at no cost to check.
    """
    code = _code_cells(nb)
    counts = [c.get("execution_count") for c in code]
    out = []
    missing = [i for i, n in enumerate(counts, 1) if n is None]
    if missing:
        out.append(f"code cells {missing} were never executed (no execution count)")
    elif counts != list(range(1, len(code) + 1)):
        out.append(f"execution counts {counts} are not 1..{len(code)}: not one run top to bottom")
    if code and not any(c.get("outputs") for c in code):
        out.append("no code cell has an output")
    errors = [i for i, c in enumerate(code, 1) if any(o.output_type == "error" for o in c.outputs)]
    if errors:
        out.append(f"code cells {errors} stopped on an error")
    return out


def twin_problems(nb, twin: Path) -> list[str]:
    """A text twin (jupytext) whose code differs from the notebook's: edited since the run."""
    import jupytext

    text = jupytext.read(twin)
    mine = [c.source.strip() for c in _code_cells(nb)]
    theirs = [c.source.strip() for c in _code_cells(text)]
    if mine == theirs:
        return []
    changed = next((i for i, (a, b) in enumerate(zip(mine, theirs), 1) if a != b), None)
    where = f"code cell {changed}" if changed else f"{len(theirs)} vs {len(mine)} code cells"
    return [f"{twin.name} differs from the executed notebook ({where}): execute it again"]


def text_twin(path: Path) -> Path | None:
    """The jupytext text twin of a notebook, if it has one (same name, .md or .py)."""
    for suffix in (".md", ".py"):
        twin = path.with_suffix(suffix)
        if twin.exists():
            return twin
    return None


def stale(path: Path, executed: bool = True) -> list[str]:
    """Problems with a notebook's stored outputs. Exercises (``executed=False``) are committed
    without outputs, so an output there is the problem."""
    nb = nbformat.read(path, as_version=4)
    if not executed:
        with_output = [i for i, c in enumerate(_code_cells(nb), 1) if c.get("outputs")]
        return [f"code cells {with_output} have outputs"] if with_output else []
    twin = text_twin(path)
    return executed_problems(nb) + (twin_problems(nb, twin) if twin else [])


# --- pages ----------------------------------------------------------------------------------

WIDGET_NOTE = (
    "Interactive in JupyterLab: {what}. Download the notebook or run it to move its controls."
)


def widget_note(with_picture: bool) -> dict:
    what = (
        "the picture shows it at its default settings"
        if with_picture
        else "this widget's controls and chart are not shown on the website"
    )
    html = f'<p class="widget-note">{escape(WIDGET_NOTE.format(what=what))}</p>'
    return nbformat.v4.new_output("display_data", data={"text/html": html})


def clean_outputs(outputs: list) -> list:
    """Widget views replaced by a note (they need a live kernel); a picture stored with them is
    kept."""
    cleaned = []
    for out in outputs:
        data = out.get("data", {})
        if WIDGET_MIME not in data:
            cleaned.append(out)
            continue
        rest = {k: v for k, v in data.items() if k not in (WIDGET_MIME, "text/plain")}
        if rest:
            kept = copy.deepcopy(out)
            kept["data"] = rest
            cleaned.append(kept)
        cleaned.append(widget_note(with_picture=bool(rest) or _has_picture(cleaned)))
    return cleaned


def still_note(cell) -> list:
    """The note under a widget cell whose notebook stores only the still of its default chart (no
    widget view): the course's widgets are shown by ``explorer()``."""
    outputs = cell.get("outputs", [])
    widget = any(WIDGET_MIME in o.get("data", {}) for o in outputs)
    if "explorer(" in cell.source and not widget and _has_picture(outputs):
        return [widget_note(with_picture=True)]
    return []


def _has_picture(outputs: list) -> bool:
    return any("image/png" in o.get("data", {}) for o in outputs)


SOLUTION_MD = re.compile(r"<!--\s*BEGIN SOLUTION\s*-->(.*?)<!--\s*END SOLUTION\s*-->", re.S)


def fold_solutions(cell) -> None:
    """Worked solutions folded (a hint before the answer): solution prose in a dropdown, solution
    code behind a toggle."""
    if cell.cell_type == "markdown" and SOLUTION_MD.search(cell.source):
        cell.source = SOLUTION_MD.sub(
            lambda m: f"\n:::{{dropdown}} Worked solution\n{m.group(1).strip()}\n:::\n", cell.source
        )
    elif cell.cell_type == "code" and "# BEGIN SOLUTION" in cell.source:
        tags = cell.metadata.setdefault("tags", [])
        if "hide-input" not in tags:
            tags.append("hide-input")


def page_header(rel: str, launch_url: str, switch: str = "") -> str:
    """The links at the top of a notebook's page: download, run, and the language switch."""
    up = "../" * rel.count("/")
    links = [
        f'<a class="download-notebook" href="{up}notebooks/{rel}" download>'
        f"Download this notebook (.ipynb)</a>",
        f'<a class="launch-notebook" href="{escape(launch_url.format(path=rel), quote=True)}">'
        f"Run it in JupyterLab</a>",
    ]
    if switch:
        links.append(switch)
    return '<p class="course-links">\n' + " ·\n".join(links) + "\n</p>"


def language_switch(rel: str, course: Path) -> str:
    """A link to the same page in the other language, when that page exists (else '')."""
    page = Path(rel)
    if page.parts[0] == ZH:
        other, label, lang = Path(*page.parts[1:]), "English", "en"
    else:
        other, label, lang = Path(ZH, *page.parts), "中文", "zh"
    if not (course / other).exists():
        return ""
    up = "../" * (len(page.parts) - 1)
    href = f"{up}{other.with_suffix('.html').as_posix()}"
    return f'<a class="language-switch" href="{href}" hreflang="{lang}" lang="{lang}">{label}</a>'


def notebook_page(course: Path, rel: str, launch_url: str) -> nbformat.NotebookNode:
    """A notebook as the site shows it: header links, widgets as notes, solutions folded."""
    nb = nbformat.read(course / rel, as_version=4)
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = clean_outputs(cell.outputs) + still_note(cell)
        if rel.startswith(("solutions/", f"{ZH}/solutions/")):
            fold_solutions(cell)
    if rel.startswith(f"{ZH}/"):
        zh_pending_links(nb, rel, course)
    header = page_header(rel, launch_url, language_switch(rel, course))
    first = nb.cells[0] if nb.cells else None
    if (
        first is not None
        and first.cell_type == "markdown"
        and first.source.lstrip().startswith("#")
    ):
        # the title stays first (Sphinx takes a page's title from its first heading)
        title, _, body = first.source.lstrip().partition("\n")
        first.source = f"{title}\n\n{header}\n{body}"
    else:
        nb.cells.insert(0, nbformat.v4.new_markdown_cell(header))
    return nb


def _md_cell(value) -> str:
    text = "" if value is None or value != value else str(value)
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_table(rows: list[dict], columns: list[str]) -> str:
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_md_cell(r[c]) for c in columns) + " |" for r in rows]
    return "\n".join(lines)


def audit_page() -> str:
    """The claims audit (``python -m retool audit``) as a Markdown page."""
    from retool import claims
    from retool.models import ledger

    a = ledger.audit()
    table = ledger.claims_table(a, recomputed_only=False)  # lesson 09's table, every claim
    cols = list(table.columns)
    legend = "\n".join(f"- **{v}**: {meaning}" for v, meaning in claims.VERDICTS.items())
    text = (
        "# Claims audit\n\n"
        "Every quantitative statement of the paper's text, the value it prints, the value the "
        "course "
        "recomputes from `data/` (in the same unit) and the verdict; the same table as "
        "`python -m retool audit`, built from the library when the site is built. "
        "Lesson 09 walks through it.\n\n"
        f"{claims.counts_sentence()}\n\n## Verdicts\n\n{legend}\n\n## The claims\n\n"
        + markdown_table(table.to_dict("records"), cols)
        + "\n"
    )
    bad = a[a["problem"] != ""]
    if not bad.empty:
        text += "\n## Verdicts the evidence no longer supports\n\n" + "\n".join(
            f"- `{r.claim_id}`: {r.problem}" for r in bad.itertuples()
        )
    return text


ZH_README = "README.zh.md"
ZH_HOME = f"{ZH}/index"
# the README's line that links its Chinese version: on the site it links the Chinese home page
ZH_LINK = re.compile(r"\[([^\]]*)\]\(README\.zh\.md\)")


def intro_page(readme: str, zh_home: bool = False) -> str:
    """The home page: the README's opening (before "## Start") and its course map; its link to
    the Chinese README goes to the Chinese home page (or is left out when there is none)."""
    opening = readme.split("\n## ", 1)[0]
    if zh_home:
        opening = ZH_LINK.sub(rf"[\1]({ZH_HOME}.md)", opening)
    else:
        opening = "\n".join(line for line in opening.split("\n") if not ZH_LINK.search(line))
    course = re.search(r"\n## The course\n(.*?)(?=\n## )", readme, re.S)
    body = course.group(1) if course else ""
    # the README links folders; on the site the lessons' pages stand for them
    body = body.replace("[`exercises/`](exercises/)", "`exercises/`").replace(
        "[`solutions/`](solutions/)", "`solutions/`"
    )
    extra = (
        "\n\nThe [claims audit](audit.md) lists what reproduces. Every page has a link to download "
        "its notebook and one to run it in JupyterLab.\n"
    )
    return opening.rstrip() + extra + "\n## The course\n" + body


MD_LINK = re.compile(r"(?<!!)\[([^\]]*)\]\(([^)\s]+)\)")


def _site_link(target: str, page: str, course: Path, site_docs: set[str]) -> str | None:
    """Where a link of the README (relative to the course folder) goes from ``page`` on the site:
    a page the site has (a Chinese notebook not translated yet: its English page), or None."""
    if "://" in target or target.startswith(("mailto:", "#")):
        return target
    path, _, anchor = target.partition("#")
    if path == "README.md":
        path = "intro.md"
    doc = Path(path)
    if doc.parts and doc.parts[0] == ZH and doc.suffix == ".ipynb" and not (course / doc).exists():
        doc = Path(*doc.parts[1:])  # not translated yet: the English page
    if doc.with_suffix("").as_posix() not in site_docs:
        return None
    up = "../" * (len(Path(page).parts) - 1)
    return f"{up}{doc.as_posix()}" + (f"#{anchor}" if anchor else "")


def zh_intro_page(readme_zh: str, course: Path, site_docs: set[str]) -> str:
    """The Chinese home page: the Chinese README's opening and its course map, linking the
    Chinese pages (a lesson not translated yet: the English page); other links become text."""
    opening = readme_zh.split("\n## ", 1)[0]
    section = re.search(r"\n## 课程内容\n(.*?)(?=\n## )", readme_zh, re.S)
    text = opening.rstrip() + "\n\n## 课程内容\n" + (section.group(1) if section else "")

    def link(m: re.Match) -> str:
        target = _site_link(m.group(2), f"{ZH_HOME}.md", course, site_docs)
        return f"[{m.group(1)}]({target})" if target else m.group(1)

    return MD_LINK.sub(link, text)


def zh_pending_links(nb: nbformat.NotebookNode, rel: str, course: Path) -> None:
    """In a Chinese page, a link to a Chinese notebook not translated yet goes to the English
    one (the notebook's own link works once the translation is there); so does a link to a
    Chinese document the site does not show (zh/data/README.md: the site has the English one)."""
    folder = Path(rel).parent

    def link(m: re.Match) -> str:
        path, _, anchor = m.group(2).partition("#")
        if "://" in path or not path.endswith((".ipynb", ".md")):
            return m.group(0)
        target = Path(*_normalise((folder / path).parts))
        pending = path.endswith(".md") or not (course / target).exists()
        if target.parts[:1] != (ZH,) or not pending:
            return m.group(0)
        english = Path(*target.parts[1:])
        up = "../" * (len(folder.parts))
        return f"[{m.group(1)}]({up}{english.as_posix()}" + (f"#{anchor})" if anchor else ")")

    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = MD_LINK.sub(link, cell.source)


def _normalise(parts: tuple) -> list:
    out: list = []
    for part in parts:
        if part == "..":
            out.pop() if out else None
        elif part != ".":
            out.append(part)
    return out


def toc(lessons: list[Lesson], course: Path) -> str:
    """``_toc.yml``: the lessons in the course map's order, each with exercises and solutions."""
    lines = ["format: jb-book", "root: intro", "parts:", "  - caption: The course", "    chapters:"]
    for lesson in lessons:
        lines += [
            f"      - file: {Path(lesson.path).with_suffix('').as_posix()}",
            f'        title: "{lesson.number} · {lesson.title}"',
        ]
        parts = [(lesson.exercises, "Exercises"), (lesson.solutions, "Worked solutions")]
        parts = [(rel, title) for rel, title in parts if (course / rel).exists()]
        lines += ["        sections:"] if parts else []
        for rel, title in parts:
            stem = Path(rel).with_suffix("").as_posix()
            lines += [f"          - file: {stem}", f'            title: "{title}"']
    lines += ["  - caption: Reference", "    chapters:", "      - file: audit"]
    if (course / "data" / "README.md").exists():
        lines += ["      - file: data/README", '        title: "Data and sources"']
    zh = sorted((course / ZH).rglob("*.ipynb")) if (course / ZH).is_dir() else []
    if zh:
        lines += ["  - caption: 中文", "    chapters:"]
        if (course / ZH_README).exists():
            lines += [f"      - file: {ZH_HOME}", '        title: "中文版"']
        lines += [f"      - file: {p.relative_to(course).with_suffix('').as_posix()}" for p in zh]
    return "\n".join(lines) + "\n"


def pages(lessons: list[Lesson], course: Path) -> list[str]:
    """Every notebook the site shows, as paths relative to the course folder."""
    rels = []
    for lesson in lessons:
        rels += [
            p for p in (lesson.path, lesson.exercises, lesson.solutions) if (course / p).exists()
        ]
    if (course / ZH).is_dir():
        rels += [p.relative_to(course).as_posix() for p in sorted((course / ZH).rglob("*.ipynb"))]
    return rels


def problems(course: Path, rels: list[str]) -> list[str]:
    """Every stale or missing output among the site's notebooks, one line each."""
    out = []
    for rel in rels:
        executed = "exercises/" not in rel
        out += [f"{rel}: {p}" for p in stale(course / rel, executed=executed)]
    return out


def mathjax_dir() -> Path:
    return HERE / "node_modules" / "mathjax" / "es5"


def write_source(course: Path, src: Path, launch_url: str) -> list[str]:
    """The book's source folder; returns the notebooks it holds."""
    readme = (course / "README.md").read_text(encoding="utf-8")
    lessons = course_map(readme)
    rels = pages(lessons, course)
    if src.exists():
        shutil.rmtree(src)
    (src / "_static").mkdir(parents=True)
    for rel in rels:
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook_page(course, rel, launch_url), src / rel)
        download = src / "_extra" / "notebooks" / rel
        download.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(course / rel, download)
    (src / "_extra" / ".nojekyll").write_text("")
    zh_home = (course / ZH_README).exists() and any(r.startswith(f"{ZH}/") for r in rels)
    (src / "intro.md").write_text(intro_page(readme, zh_home), encoding="utf-8")
    if zh_home:
        docs = {Path(r).with_suffix("").as_posix() for r in rels} | {"intro", "audit"}
        if (course / "data" / "README.md").exists():
            docs.add("data/README")
        readme_zh = (course / ZH_README).read_text(encoding="utf-8")
        page = zh_intro_page(readme_zh, course, docs)
        (src / f"{ZH_HOME}.md").write_text(page, encoding="utf-8")
    (src / "audit.md").write_text(audit_page(), encoding="utf-8")
    if (course / "data" / "README.md").exists():
        (src / "data").mkdir(exist_ok=True)
        shutil.copyfile(course / "data" / "README.md", src / "data" / "README.md")
    (src / "_toc.yml").write_text(toc(lessons, course), encoding="utf-8")
    shutil.copyfile(HERE / "_config.yml", src / "_config.yml")
    shutil.copyfile(HERE / "course.css", src / "_static" / "course.css")
    for name in ("search_dict.txt", "course_site.py"):
        shutil.copyfile(HERE / name, src / name)
    shutil.copytree(HERE / "_templates", src / "_templates")
    mathjax = mathjax_dir()
    if not mathjax.is_dir():
        raise FileNotFoundError(
            f"{mathjax} is missing: run `npm ci --prefix book` (make site-setup)"
        )
    for part in MATHJAX_PARTS:
        # through html_extra_path: Jupyter Book adds every script in _static to every page
        source, target = mathjax / part, src / "_extra" / "_static" / "mathjax" / part
        if source.is_dir():
            shutil.copytree(source, target)
        elif source.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    return rels


# --- nothing from another host --------------------------------------------------------------

# src/href of what a page loads by itself (scripts, styles, images, fonts, frames); links a reader
# follows (<a href>) may leave the site.
LOADS = re.compile(
    r"<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\bsrc=[\"'](https?:)?//[^\"']+"
    r"|<link\b[^>]*\bhref=[\"'](https?:)?//[^\"']+"
    r"|url\(\s*[\"']?(?:https?:)?//[^)\"']+",
    re.I,
)


def external_loads(site: Path) -> list[str]:
    """Every reference in the built site that would make a browser load from another host."""
    found = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in {".html", ".css"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for m in LOADS.finditer(text):
            tag = m.group(0)
            if 'rel="canonical"' in tag or "rel='canonical'" in tag:
                continue
            found.append(f"{path.relative_to(site)}: {tag[:160]}")
    return found


# --- build ----------------------------------------------------------------------------------


def build(course: Path, out: Path, launch_url: str, work: Path | None = None) -> Path:
    """Check, write the source, build the HTML into ``out``; raise ``SystemExit`` with reasons."""
    readme = (course / "README.md").read_text(encoding="utf-8")
    bad = problems(course, pages(course_map(readme), course))
    if bad:
        raise SystemExit(
            "The site is built from the notebooks' stored outputs, and these are stale or missing "
            "(re-execute the notebook, see the README):\n  " + "\n  ".join(bad)
        )
    work = work or out.parent / (out.name + "-work")
    if work.exists():  # a fresh build: nothing of an earlier one may linger in the site
        shutil.rmtree(work)
    src = work / "src"
    write_source(course, src, launch_url)
    cmd = [
        str(Path(sys.executable).parent / "jupyter-book"), "build", str(src),
        "--path-output", str(work), "--builder", "html", "-W", "-n", "--keep-going", "--quiet",
    ]  # fmt: skip
    result = subprocess.run(cmd, cwd=src)
    html = work / "_build" / "html"
    if result.returncode != 0:
        raise SystemExit(f"jupyter-book build failed (exit {result.returncode}); see above")
    leaks = external_loads(html)
    if leaks:
        raise SystemExit("pages would load from another host:\n  " + "\n  ".join(leaks))
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(html, out)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--course", type=Path, default=REPO, help="the course folder")
    parser.add_argument("--out", type=Path, default=REPO / "build" / "site", help="the site folder")
    parser.add_argument(
        "--launch-url",
        default=DEFAULT_LAUNCH,
        help="where 'Run it in JupyterLab' goes; {path} is the notebook (default: %(default)s)",
    )
    parser.add_argument("--check", action="store_true", help="only check the notebooks' outputs")
    args = parser.parse_args(argv)
    course = args.course.resolve()
    if args.check:
        bad = problems(course, pages(course_map((course / "README.md").read_text("utf-8")), course))
        print("\n".join(bad) or "every notebook's outputs are current")
        return 1 if bad else 0
    out = build(course, args.out.resolve(), args.launch_url or DEFAULT_LAUNCH)
    print(f"site built: {out}/index.html (serve it: python -m http.server -d {out})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
