"""The Chinese edition (zh/) follows the English one cell for cell.

Every Chinese lesson and solution (``zh/lessons``, ``zh/solutions``) has exactly its English
notebook's cells, in the same order and of the same kinds, with byte-identical code (a change to a
code cell in one edition fails here until the other follows: ``python -m retool notebooks
--sync-code``); its Markdown is written in Chinese; nbval runs it; and its outputs that nbval
compares hold the same numbers as the English ones. The tests run over the Chinese notebooks that
exist; the English notebooks still waiting for theirs are listed in a warning, not a failure.
"""

from __future__ import annotations

import re
import subprocess
import sys
import warnings
from pathlib import Path

import nbformat
import pytest
from conftest import ROOT
from nbformat.v4 import new_code_cell, new_markdown_cell

from retool import i18n, notebooks
from retool.claims import CN_DIGITS
from retool.exercises.core import CHARS_PER_WORD

CHINESE = notebooks.edition_notebooks(ROOT)
IDS = [p.relative_to(ROOT).as_posix() for p in CHINESE]


class Untranslated(UserWarning):
    """English notebooks that have no Chinese edition yet (the issue stays open until none)."""


def _cells(path):
    return nbformat.read(path, as_version=4).cells


def _twin(path):
    return notebooks.english_twin(path, ROOT)


def test_the_untranslated_notebooks_are_listed():
    missing = [p.relative_to(ROOT).as_posix() for p in notebooks.untranslated(ROOT)]
    if missing:
        warnings.warn(
            Untranslated(f"{len(missing)} notebooks have no Chinese edition yet: {missing}"),
            stacklevel=1,
        )
    assert len(missing) + len(CHINESE) == len(
        [p for p in notebooks.paired_notebooks(ROOT) if p.relative_to(ROOT).parts[0] != "zh"]
    )


def test_the_chinese_edition_has_begun():
    assert "zh/lessons/00_start_here.ipynb" in IDS
    assert "zh/solutions/00_start_here_solutions.ipynb" in IDS


# --- the same cells ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", CHINESE, ids=IDS)
def test_same_cells_as_the_english_notebook(path):
    name = path.relative_to(ROOT).as_posix()
    assert _twin(path).exists(), f"{name} has no English notebook"
    found = notebooks.cell_differences(_cells(_twin(path)), _cells(path), name)
    assert not found, "\n".join(found) + "\n(python -m retool notebooks --sync-code copies code)"


@pytest.mark.parametrize("path", CHINESE, ids=IDS)
def test_text_and_notebook_in_sync(path):
    assert notebooks.pair_problems(path, ROOT) == []


def _english_cells():
    return [
        new_markdown_cell("# Title"),
        new_code_cell("x = 1\nprint(x)", metadata={"tags": ["nbval-check-output"]}),
        new_markdown_cell("Text"),
        new_code_cell("fig"),
    ]


def test_a_changed_code_cell_is_named():
    chinese = _english_cells()
    chinese[0].source = "# 标题"
    assert notebooks.cell_differences(_english_cells(), chinese, "zh/x.ipynb") == []
    chinese[3].source = "fig  # 图"
    assert notebooks.cell_differences(_english_cells(), chinese, "zh/x.ipynb") == [
        "zh/x.ipynb, cell 4: the code differs from English ('fig')"
    ]


def test_a_cell_in_one_edition_only_or_of_another_kind_is_named():
    extra = [*_english_cells(), new_markdown_cell("多出来的一段")]
    assert notebooks.cell_differences(_english_cells(), extra, "zh/x.ipynb") == [
        "zh/x.ipynb, cell 5 (markdown: '多出来的一段') is in Chinese only"
    ]
    fewer = _english_cells()[:3]
    assert notebooks.cell_differences(_english_cells(), fewer, "zh/x.ipynb") == [
        "zh/x.ipynb, cell 4 (code: 'fig') is in English only"
    ]
    kinds = _english_cells()
    kinds[2] = new_code_cell("Text")
    assert notebooks.cell_differences(_english_cells(), kinds, "zh/x.ipynb") == [
        "zh/x.ipynb, cell 3 is code in Chinese, markdown in English"
    ]
    tags = _english_cells()
    tags[1].metadata = {}
    assert (
        "cell 2: the tags differ"
        in notebooks.cell_differences(_english_cells(), tags, "zh/x.ipynb")[0]
    )


# --- --sync-code -------------------------------------------------------------------------------


def _course(tmp_path):
    """A course of one lesson in both editions, in a folder of its own."""
    (tmp_path / "jupytext.toml").write_text((ROOT / "jupytext.toml").read_text())
    for folder in ("lessons", "zh/lessons"):
        (tmp_path / folder).mkdir(parents=True)
    english = nbformat.v4.new_notebook(cells=_english_cells())
    chinese = nbformat.v4.new_notebook(cells=_english_cells())
    chinese.cells[0].source, chinese.cells[2].source = "# 标题", "正文"
    nbformat.write(english, tmp_path / "lessons" / "00_x.ipynb")
    nbformat.write(chinese, tmp_path / "zh" / "lessons" / "00_x.ipynb")
    assert notebooks.main(["--root", str(tmp_path)]) == 0
    return tmp_path


def test_sync_code_copies_the_english_code_and_keeps_the_chinese_text(tmp_path, capsys):
    root = _course(tmp_path)
    md = root / "lessons" / "00_x.md"
    md.write_text(md.read_text().replace("print(x)", "print(x + 1)"))
    assert notebooks.main(["--root", str(root), "--from", "text"]) == 0
    assert "cell 2: the code differs" in notebooks.problems(root)[0]  # --check says so
    capsys.readouterr()
    assert notebooks.main(["--root", str(root), "--from", "text", "--sync-code"]) == 0
    assert "zh/lessons/00_x.ipynb: re-execute it" in capsys.readouterr().out
    cells = _cells(root / "zh" / "lessons" / "00_x.ipynb")
    assert cells[1].source == "x = 1\nprint(x + 1)"
    assert (cells[0].source, cells[2].source) == ("# 标题", "正文")
    assert notebooks.problems(root) == []


def test_sync_code_refuses_naming_the_cell_when_the_cells_do_not_line_up(tmp_path, capsys):
    root = _course(tmp_path)
    english = root / "lessons" / "00_x.md"
    english.write_text(english.read_text().replace("print(x)", "print(x + 1)"))
    md = root / "zh" / "lessons" / "00_x.md"
    md.write_text(md.read_text() + "\n+++\n\n多出来的一段\n")
    capsys.readouterr()
    assert notebooks.main(["--root", str(root), "--from", "text", "--sync-code"]) == 1
    err = capsys.readouterr().err
    assert "zh/lessons/00_x.ipynb, cell 5" in err and "in Chinese only" in err
    cells = _cells(root / "zh" / "lessons" / "00_x.ipynb")
    assert cells[1].source == "x = 1\nprint(x)" and len(cells) == 5  # nothing copied
    assert notebooks.main(["--root", str(root), "--check"]) == 1


# --- the text is Chinese -----------------------------------------------------------------------

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
LATIN_WORD = re.compile(r"[A-Za-z]+")
# what stays as written in any language: code, formulas, link targets, HTML comments
NOT_PROSE = [
    re.compile(r"```.*?```", re.S),
    re.compile(r"`[^`]*`"),
    re.compile(r"\$[^$]*\$"),
    re.compile(r"\]\([^)]*\)"),
    re.compile(r"<[^>]+>"),
]
# a Chinese character carries about a word: a cell is Chinese when most of its "words" are
CHINESE_SHARE = 0.6


def chinese_share(markdown: str) -> float | None:
    """The share of Chinese characters among Chinese characters and Latin words of a Markdown
    text (None when it has neither)."""
    for pattern in NOT_PROSE:
        markdown = pattern.sub(" ", markdown)
    cjk, latin = len(CJK.findall(markdown)), len(LATIN_WORD.findall(markdown))
    return cjk / (cjk + latin) if cjk + latin else None


def test_chinese_share_tells_the_editions_apart():
    english = [c.source for c in _cells(ROOT / "lessons" / "00_start_here.ipynb")]
    assert all((chinese_share(s) or 0) < CHINESE_SHARE for s in english)
    assert chinese_share("技术改造经费支出增长了31.7%，见 `data.table1_wide()`。") == 1.0
    assert chinese_share("```python\nx = 1\n```") is None


@pytest.mark.parametrize("path", CHINESE, ids=IDS)
def test_markdown_is_in_chinese(path):
    for number, cell in enumerate(_cells(path), start=1):
        if cell.cell_type == "markdown":
            share = chinese_share(cell.source)
            assert share is None or share >= CHINESE_SHARE, (
                f"{path.relative_to(ROOT)}, cell {number} is not in Chinese "
                f"({share:.0%} Chinese): {cell.source[:80]!r}"
            )


LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


@pytest.mark.parametrize("path", CHINESE, ids=IDS)
def test_links_work_inside_the_chinese_edition(path):
    """Links between notebooks stay inside zh/ (a notebook not translated yet has its English
    twin); links to other files need one more ``../``."""
    for cell in _cells(path):
        if cell.cell_type != "markdown":
            continue
        for target in LINK.findall(cell.source):
            if "://" in target or target.startswith("mailto:"):
                continue
            linked = (path.parent / target).resolve()
            pending = linked.suffix == ".ipynb" and notebooks.EDITION in linked.parts
            if pending and not linked.exists():
                linked = notebooks.english_twin(linked, ROOT)
            assert linked.exists(), f"{path.relative_to(ROOT)}: the link {target} goes nowhere"


# --- nbval runs both editions, with the same numbers -------------------------------------------


def test_nbval_collects_the_chinese_edition(request):
    line = re.search(r"^testpaths = \[(.*)\]$", (ROOT / "pyproject.toml").read_text(), re.M)
    paths = re.findall(r'"([^"]+)"', line.group(1))
    assert {"lessons", "solutions", "zh/lessons", "zh/solutions"} <= set(paths)
    # in the whole suite, this session collected them already; run alone, collect one here
    if any(item.nodeid.startswith(f"{IDS[0]}::Cell ") for item in request.session.items):
        return
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:xdist", *IDS[:1]],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert f"{IDS[0]}::Cell 0" in done.stdout


NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?")


def plans_as_digits(text: str) -> str:
    """十一五 (the 11th Five-Year Plan) as 11: the Chinese names a plan by its number in words."""
    return re.sub(r"十([一二三四五六七八九])五", lambda m: f"“{10 + CN_DIGITS[m[1]]}”", text)


def numbers(text: str) -> list[str]:
    """The numbers of a text, in order (thousands separators dropped; a dash between two numbers
    is a range, 2001-2004 or 2001—2004, not a minus sign)."""
    return prose_numbers(text)


def test_numbers_are_read_alike_in_both_languages():
    assert numbers("rebuilt: 31.743%   paper: 31.7%") == ["31.743", "31.7"]
    assert numbers("重算值：31.743%，论文：31.7%") == ["31.743", "31.7"]
    assert numbers("3,766亿元, -11.82%") == ["3766", "-11.82"]
    assert numbers(plans_as_digits("“十一五”时期, 2001—2004")) == numbers("the 11th FYP, 2001-2004")


@pytest.mark.parametrize("path", CHINESE, ids=IDS)
def test_the_chinese_text_adds_no_number(path):
    """Every number of a Chinese Markdown cell stands in its English cell: the English prose's
    numbers are checked against their computations (tests/test_prose_numbers.py), so a
    translation may leave one out (十一五 for "11th") but neither add nor change one."""
    english = _cells(_twin(path))
    for number, (en, zh) in enumerate(zip(english, _cells(path)), start=1):
        if zh.cell_type != "markdown":
            continue
        # a number said again (a sum also in 万亿元) is no new number: compare as sets
        extra = set(chinese_numbers(zh.source)) - set(english_numbers(en.source))
        assert not extra, (
            f"{path.relative_to(ROOT)}, cell {number}: numbers not in the English text: "
            f"{sorted(extra)}"
        )


def prose_numbers(markdown: str) -> list[str]:
    """The numbers of a Markdown text outside link targets; a dash between two numbers is a
    range (2006-2010, 2006—2010), not a minus sign."""
    text = re.sub(r"\]\([^)]*\)", "]", markdown)
    text = re.sub(r"(?<=[A-Za-z])-(?=\d)", " ", text)  # mid-1990s, t-1: a hyphen, no minus
    return [n.replace(",", "").lstrip("+") for n in PROSE_NUMBER.findall(text)]


PROSE_NUMBER = re.compile(r"(?:(?<!\d)[-+])?\d[\d,]*(?:\.\d+)?")

# What a translation writes in digits that English writes in words: counts, months, multiples
WORDS = {
    w: str(n)
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
WORDS |= {"thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "doubled": "1"}
WORDS |= {"tripled": "3", "half": "2", "third": "3", "once": "1", "twice": "2"}
MONTHS = "january february march april may june july august september october november december"
WORDS |= {m: str(n) for n, m in enumerate(MONTHS.split(), start=1)}


def _plain(number: str) -> str:
    """'04' and '4' are one number (a lesson's number is written both ways)."""
    return number.lstrip("0") or "0" if re.fullmatch(r"\d+", number) else number


def english_numbers(markdown: str) -> list[str]:
    """The numbers of an English Markdown text, with those it writes in words ('eight', 'June',
    'a hundred') and a length in words also given in 字 (two per word, as the checks count)."""
    markdown = _wan_yi(markdown)
    found = prose_numbers(markdown)
    trillions = [str(round(float(n) * 10000)) for n in re.findall(r"([\d.]+) trillion", markdown)]
    centuries = [
        str((int(n) - 1) * 100) for n in re.findall(r"(\d+)(?:st|nd|rd|th)[- ]century", markdown)
    ]
    words = [WORDS[w] for w in re.findall(r"[a-z]+", markdown.lower()) if w in WORDS]
    lengths = re.findall(r"(\d+) words", markdown)
    chars = [str(int(n) * CHARS_PER_WORD) for n in lengths]
    return [_plain(n) for n in found + words + chars + trillions + centuries]


def _wan_yi(text: str) -> str:
    """13.4万亿 as 134000亿: the same sum in the unit the other text uses."""
    return re.sub(r"(\d+(?:\.\d+)?)万亿", lambda m: f"{float(m[1]) * 10000:.0f}亿", text)


def chinese_numbers(markdown: str) -> list[str]:
    """The numbers of a Chinese Markdown text, with decades and centuries as years (20世纪80年代
    is the 1980s) and 万亿元 as 亿元 (13.4万亿元 is 134,000亿元)."""

    def decade(m):
        return str((int(m[1]) - 1) * 100 + int(m[2] or 0))

    text = re.sub(r"(\d{2})世纪(?:(\d{2})年代)?", decade, markdown)
    text = re.sub(r"(\d+(?:\.\d+)?)万亿", lambda m: f"{float(m[1]) * 10000:.0f}亿", text)
    return [_plain(n) for n in prose_numbers(text)]


def test_prose_numbers_read_ranges_and_signs():
    assert prose_numbers("2006-2010 and -11.82%, [01](01_x.ipynb)") == [
        "2006",
        "2010",
        "-11.82",
        "01",
    ]
    assert prose_numbers("2006—2010年下降-11.82%") == ["2006", "2010", "-11.82"]


@pytest.mark.parametrize("path", CHINESE, ids=IDS)
def test_compared_outputs_hold_the_same_numbers(path):
    english = _cells(_twin(path))
    for number, (en, zh) in enumerate(zip(english, _cells(path)), start=1):
        if en.cell_type != "code" or "nbval-check-output" not in en.metadata.get("tags", []):
            continue
        assert notebooks.output_text(en).strip() and notebooks.output_text(zh).strip(), (
            f"cell {number}: no output"
        )
        # the same numbers, each as often; a Chinese sentence may order them otherwise
        chinese = plans_as_digits(notebooks.output_text(zh))
        assert sorted(numbers(chinese)) == sorted(numbers(notebooks.output_text(en))), (
            f"{path.relative_to(ROOT)}, cell {number}: other numbers than in English"
        )


@pytest.mark.parametrize("path", CHINESE, ids=IDS)
def test_executed_in_order_without_errors_or_warnings(path):
    code = [c for c in _cells(path) if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    for cell in code:
        for out in cell.outputs:
            assert out.output_type != "error", f"stored error in {cell.source[:60]!r}"
            assert out.get("name") != "stderr", f"stored stderr: {out.get('text', '')[:200]}"


def test_a_notebook_in_zh_speaks_chinese():
    assert i18n.edition_of(CHINESE[0]) == "zh"
    assert i18n.edition_of(_twin(CHINESE[0])) is None


# --- the Chinese README ------------------------------------------------------------------------

README_ZH = ROOT / "README.zh.md"


def _readme_zh() -> str:
    return README_ZH.read_text(encoding="utf-8")


def _exists_or_pending(path: Path) -> bool:
    """A file of the course, or a Chinese notebook whose English one exists (not translated yet:
    listed by test_the_untranslated_notebooks_are_listed)."""
    if path.exists():
        return True
    rel = path.resolve().relative_to(ROOT)
    return (
        rel.parts[:1] == ("zh",)
        and path.suffix == ".ipynb"
        and (ROOT / rel.relative_to("zh")).exists()
    )


def test_each_readme_links_the_other_at_its_top():
    english = (ROOT / "README.md").read_text(encoding="utf-8").split("\n")[:5]
    assert any("(README.zh.md)" in line for line in english)
    assert any("(README.md)" in line for line in _readme_zh().split("\n")[:5])


def _commands(text: str) -> list[str]:
    """The shell commands of a README: lines of its bash blocks and inline `make ...` and
    `python -m retool ...` (comments cut off)."""
    lines = []
    for block in re.findall(r"```bash\n(.*?)```", text, re.S):
        lines += [line.split("#")[0].strip() for line in block.splitlines()]
    lines += re.findall(r"`((?:make|python -m retool) [^`]+)`", text)
    return [line for line in lines if line]


def test_the_chinese_readme_names_make_targets_that_exist_and_real_files():
    commands = [c for c in _commands(_readme_zh()) if c.startswith("make ")]
    assert {"make lab-zh", "make test"} <= set(commands), commands
    for command in commands:
        done = subprocess.run(
            [*command.split(), "-n"], cwd=ROOT, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, f"{command}: {done.stderr}"
        for name in re.findall(r"[\w/.-]+\.ipynb", done.stdout):
            assert _exists_or_pending(ROOT / name), f"{command} opens {name}, which is missing"
    lab = subprocess.run(["make", "-n", "lab-zh"], cwd=ROOT, capture_output=True, text=True)
    assert "zh/lessons/00_start_here.ipynb" in lab.stdout  # the Chinese edition's first lesson


def test_the_chinese_readme_commands_name_real_commands_and_files():
    from retool import __main__ as cli

    for command in _commands(_readme_zh()):
        words = command.split()
        if words[:3] == ["python", "-m", "retool"]:
            assert f"\n  {words[3]} " in cli.__doc__, f"{command}: no such retool command"
        if words[:2] in (["jupyter", "lab"], ["pip", "install"]):
            target = words[-1]
            assert _exists_or_pending(ROOT / target), f"{command}: {target} is missing"


def test_the_chinese_readme_links_go_somewhere():
    for target in re.findall(r"\]\(([^)\s]+)\)", _readme_zh()):
        if "://" in target:
            continue
        path = target.split("#")[0]
        assert _exists_or_pending(ROOT / path), f"README.zh.md links {target}, which is missing"


def test_the_chinese_course_map_has_every_lesson_of_the_english_one():
    english = re.findall(
        r"^\| (\d\d) \| \[[^\]]+\]\((lessons/[^)]+)\)",
        (ROOT / "README.md").read_text(encoding="utf-8"),
        re.M,
    )
    chinese = re.findall(r"^\| (\d\d) \| \[[^\]]+\]\(zh/(lessons/[^)]+)\)", _readme_zh(), re.M)
    assert english and chinese == english


ZH_FILES = sorted((ROOT / "zh").rglob("*.ipynb")) + sorted((ROOT / "zh").rglob("*.md"))


@pytest.mark.parametrize("path", ZH_FILES, ids=[p.relative_to(ROOT).as_posix() for p in ZH_FILES])
def test_no_machine_paths(path):
    from test_notebook_hygiene import MACHINE_PATH

    found = MACHINE_PATH.search(path.read_text(encoding="utf-8"))
    assert not found, f"{path.relative_to(ROOT)}: {found.group()}"


@pytest.mark.parametrize(
    "path", ["zh/lessons/00_start_here.ipynb", "zh/solutions/00_start_here_solutions.ipynb"]
)
def test_jupytext_pairs_the_chinese_edition_like_the_english_one(path):
    """JupyterLab (with jupytext) saves a Chinese notebook's text twin as it does an English one."""
    from jupytext.config import load_jupytext_config

    config = load_jupytext_config(str(ROOT))
    english = path.removeprefix("zh/")
    assert config.default_formats(path) == config.default_formats(english)
    assert "md:myst" in config.default_formats(path)


def test_a_translation_may_write_words_as_digits_but_not_change_a_number():
    def added(zh: str, en: str) -> set:
        return set(chinese_numbers(zh)) - set(english_numbers(en))

    assert not added("评析（约300字）", "Critique (about 150 words)")
    assert not added("本练习共8题，第4课", "Eight questions on lesson 04")
    assert not added("20世纪90年代中期；18世纪", "the mid-1990s; 18th century")
    assert not added("约134,000亿元（13.4万亿元）；4万亿元", "about 134,000亿元; 4 trillion yuan")
    assert not added("6月的通知", "the June notice")
    assert added("增长了31.8%", "grew by 31.7%") == {"31.8"}
    assert added("约400字", "about 150 words") == {"400"}
    assert added("19世纪", "the 18th century") == {"1800"}
