"""Each unit is spelled one way, from retool/units.py: 亿元, defined as 亿元 (100 million yuan).

The library (charts, widget sentences, the audit table, exercise feedback) and the notebooks'
prose may not use another spelling ("100m yuan", "yi yuan", ...); the English meaning stands only
beside the Chinese unit, and each lesson gives it where the unit first appears.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
from pathlib import Path

import pytest

import retool
import retool.widgets
from retool import plots, units

ROOT = Path(__file__).resolve().parents[1]
LIBRARY = sorted(p for p in (ROOT / "retool").rglob("*.py") if p.name != "units.py")
NOTEBOOKS = sorted(
    p for folder in ("lessons", "solutions", "exercises") for p in (ROOT / folder).glob("*.ipynb")
)
# Where the English meaning may stand: beside the Chinese unit, or in a glossary's table row.
DEFINED = re.compile(
    rf"{units.YI_YUAN} \({units.YI_YUAN_EN}\)|\|\s*{units.YI_YUAN}\s*\|\s*{units.YI_YUAN_EN}\s*\|"
)


def prose(path: Path) -> list[str]:
    return [
        "".join(c["source"])
        for c in json.loads(path.read_text())["cells"]
        if c["cell_type"] == "markdown"
    ]


def misspelt(text: str) -> list[str]:
    """Spellings of the unit that are not the course's, in ``text``."""
    bare = DEFINED.sub("", text)
    found = [m.group() for m in units.OTHER_SPELLINGS.finditer(bare)]
    return found + re.findall(rf".{{0,20}}{units.YI_YUAN_EN}", bare)


@pytest.mark.parametrize(
    "text, bad",
    [
        ("falls short by 1,234 (100m yuan)", True),
        ("an axis in 100 million yuan (yi yuan)", True),
        ("loans (100 million yuan a year)", True),
        ("in hundred million yuan", True),
        ("3,766亿元 of loans", False),
        ("unit: 亿元 (100 million yuan), current prices", False),
        ("| 亿元 | 100 million yuan |", False),
        ("the column value_100m_yuan", False),  # a column's name, not prose
    ],
)
def test_the_check_finds_other_spellings(text, bad):
    assert bool(misspelt(text)) is bad


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_library_spells_the_unit_one_way(path):
    assert not misspelt(path.read_text()), "take the spelling from retool/units.py"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_the_notebooks_prose_spells_the_unit_one_way(path):
    assert not [bad for text in prose(path) for bad in misspelt(text)]


@pytest.mark.parametrize("path", sorted((ROOT / "lessons").glob("*.ipynb")), ids=lambda p: p.name)
def test_each_lesson_defines_the_unit_where_it_first_appears(path):
    text = "\n".join(prose(path))
    first = text.find(units.YI_YUAN)
    if first < 0:
        pytest.skip("this lesson's prose does not use 亿元")
    assert text.startswith(units.YI_YUAN_DEFINED, first), text[max(0, first - 40) : first + 40]


WIDGETS = sorted(m.name for m in pkgutil.iter_modules(retool.widgets.__path__))


@pytest.mark.parametrize("name", WIDGETS)
def test_charts_and_sentences_at_defaults_spell_the_unit_one_way(name):
    module = importlib.import_module(f"retool.widgets.{name}")
    fig, sentence = module.view(**module.SPEC.defaults())
    texts = [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]
    assert not [bad for t in [sentence, *texts] for bad in misspelt(t)]


def test_a_sum_is_written_with_the_chinese_unit():
    assert units.yi(3766.4) == "3,766亿元"
    assert units.yi(218.6, ".1f") == "218.6亿元"


def test_without_a_cjk_font_charts_say_the_unit_in_english():
    assert plots.ascii_fallback(f"loans, {units.YI_YUAN_DEFINED} a year") == (
        "loans, 100 million yuan a year"
    )
    assert plots.ascii_fallback("short by 1,234亿元") == "short by 1,234 × 100 million yuan"
    assert retool.units is units
