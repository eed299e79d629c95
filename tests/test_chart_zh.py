"""The charts in Chinese: every text a chart shows comes from the catalogue, so that with a CJK
font each chart's title, axis labels, keys and source line are mostly Chinese (numbers, units and
names aside), no glyph is missing, and a Chinese title carries the English title's numbers."""

from __future__ import annotations

import re
import warnings

import pytest

from retool import i18n, plots
from retool.models import incentives as incentives_model
from retool.models import scale as scale_model
from retool.models import start as start_model
from retool.models import wear as wear_model
from retool.plots import (
    chain,
    idicn,
    incentives,
    intensity,
    ledger,
    scale,
    sources,
    start,
    subsidy,
    wear,
)
from retool.widgets import intensity as intensity_widget

pytestmark = pytest.mark.skipif(plots.cjk_font() is None, reason="no CJK font installed")

TITLE = "一个标题"  # the charts that take their title from a widget get a Chinese one here


def _frame():
    return start_model.series_frame("renovation")


def _firms():
    return {f: dict(s) for f, s in incentives_model.FIRMS.items()}


CHARTS = {
    "start": lambda: start.table1_series(_frame(), start_model.growth(_frame())),
    "scale levels": scale.table1_levels,
    "scale growth": scale.yearly_growth,
    "scale composition": scale.composition,
    "scale index": lambda: scale.index_chart(
        scale_model.index_frame(2005, 2009, "all"), 2005, 2009, TITLE
    ),
    "intensity ladder": intensity.ladder,
    "intensity 1990s": intensity.gdp_1990s,
    "intensity counterfactual": lambda: intensity_widget.view()[0],
    "sources growth race": sources.growth_race,
    "sources universe gap": sources.universe_gap,
    "wear levels": wear.equipment_levels,
    "wear paths": lambda: wear.wear_paths(wear_model.simulate(0.05, 0.08, 10), 0.05, 0.08, TITLE),
    "wear scenarios": lambda: wear.gap_scenarios(0.08),
    "idicn": idicn.table2_lines,
    "incentives decision": lambda: incentives.decision_chart(_firms(), TITLE),
    "incentives reform": incentives.reform_chart,
    "chain": chain.smile_curve,
    "chain, one stage": lambda: chain.smile_curve(["rd"], 2.5),
    "subsidy bars": subsidy.leverage_bars,
    "subsidy curve": subsidy.leverage_curve,
    "ledger": ledger.ledger_by_section,
    "ledger, one section": lambda: ledger.ledger_by_section(section="一.2", verdict="rebuilt"),
}
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")


_DRAWN: dict = {}


def _draw(make, lang: str):
    """The chart ``make()`` draws in ``lang`` (drawn once per session: the charts' tests only
    read it, and a chart function is pure)."""
    if (make, lang) not in _DRAWN:
        _DRAWN[make, lang] = _draw_now(make, lang)
    return _DRAWN[make, lang]


def _draw_now(make, lang: str):
    with i18n.use(lang):
        plots.set_language(lang)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", UserWarning)  # "Glyph ... missing from font(s)"
                fig = make()
                fig._repr_png_()
        finally:
            plots.set_language("en")
    return fig


def _texts(fig) -> dict[str, list[str]]:
    """What a reader reads around the plot: title, source line, axis labels and titles, keys."""
    found = {"title": [fig.get_suptitle()], "source": [t.get_text() for t in fig.texts[-1:]]}
    for ax in fig.axes:
        found.setdefault("axes", []).extend(
            [ax.get_xlabel(), ax.get_ylabel(), ax.get_title("left"), ax.get_title()]
        )
        if ax.get_legend():
            found.setdefault("keys", []).extend(t.get_text() for t in ax.get_legend().get_texts())
    return {k: [t for t in v if t.strip()] for k, v in found.items()}


def _mostly_chinese(text: str) -> bool:
    return len(CJK.findall(text)) >= len(LATIN.findall(text))


@pytest.mark.parametrize("name", list(CHARTS))
def test_chart_speaks_chinese(name):
    fig = _draw(CHARTS[name], "zh")
    texts = _texts(fig)
    assert texts["title"] and texts["source"], name
    assert texts["source"][0].startswith("资料来源："), texts["source"]
    for kind, found in texts.items():
        for text in found:
            assert _mostly_chinese(text), f"{name}, {kind}: {text!r}"


NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


GIVEN_TITLE = ("scale index", "wear paths", "incentives decision")  # a widget writes these


@pytest.mark.parametrize("name", [n for n in CHARTS if n not in GIVEN_TITLE])
def test_chinese_title_has_the_english_numbers(name):
    english = _draw(CHARTS[name], "en").get_suptitle()
    chinese = _draw(CHARTS[name], "zh").get_suptitle()
    assert sorted(NUMBER.findall(english)) == sorted(NUMBER.findall(chinese)), (english, chinese)


def test_chinese_titles_wrap_to_the_figure():
    fig = _draw(scale.table1_levels, "zh")
    lines = fig.get_suptitle().split("\n")
    renderer = fig.canvas.get_renderer()
    assert fig.course_title.get_window_extent(renderer).x1 <= fig.bbox.width
    assert all(plots.text_width(line) > 0 for line in lines)


def test_a_long_chinese_title_breaks_between_characters_into_balanced_lines():
    fig, _ax = plots.figure()
    title = "技术改造经费支出" * 12
    with i18n.use("zh"):
        plots.set_language("zh")
        lines = plots._wrap(title, fig, plots.TITLE_PT, bold=True, balance=True)
        plots.set_language("en")
    assert len(lines) > 1 and "".join(lines) == title
    widths = [plots.text_width(line) for line in lines]
    assert max(widths) - min(widths) <= 4  # balanced: no short last line


def test_a_line_never_starts_with_a_closing_mark():
    fig, _ax = plots.figure()
    title = "技术改造经费，" * 20
    with i18n.use("zh"):
        plots.set_language("zh")
        lines = plots._wrap(title, fig, plots.TITLE_PT, bold=True)
        plots.set_language("en")
    assert len(lines) > 1
    for line in lines[1:]:
        assert line[0] not in plots.CLOSING


def test_an_english_chart_wraps_at_spaces_only():
    fig, _ax = plots.figure()
    text = "short by " + "亿元" * 60 + " in all"
    assert plots._wrap(text, fig, plots.SOURCE_PT) == ["short by", "亿元" * 60, "in all"]


def test_a_wide_character_counts_double_from_the_cjk_radicals_up():
    """text_width's one rule: a character above U+2E80 counts two, any other one."""
    text = "a\u2e80\u2e81中，\u3000😀 1"
    assert plots.text_width(text) == sum(2 if ord(ch) > 0x2E80 else 1 for ch in text) == 14
    assert plots.text_width("") == 0
