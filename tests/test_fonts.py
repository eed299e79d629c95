"""Charts on machines with and without a Chinese font: never a missing-glyph warning."""

from __future__ import annotations

import importlib
import pkgutil
import warnings

import matplotlib.pyplot as plt
import pytest

import retool.widgets
from retool import plots

WIDGETS = [m.name for m in pkgutil.iter_modules(retool.widgets.__path__)]


@pytest.fixture
def no_cjk_font(monkeypatch):
    monkeypatch.setattr(plots, "cjk_font", lambda look_again=False: None)
    monkeypatch.setitem(plt.rcParams, "font.family", ["DejaVu Sans"])
    plots.set_language("zh")  # asked for, but impossible: falls back to English
    yield
    plots.set_language("en")


@pytest.mark.parametrize("name", WIDGETS)
def test_widget_charts_need_no_chinese_font(no_cjk_font, name):
    mod = importlib.import_module(f"retool.widgets.{name}")
    assert plots.language() == "en"
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*missing from font")
        fig, sentence = mod.view(**mod.SPEC.defaults())
        assert fig._repr_png_().startswith(b"\x89PNG")
    assert sentence


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Source: 原磊《传统产业改造》, 二.1; Table 1", "Source: II.1; Table 1"),
        ("technical renovation (技术改造经费支出)", "technical renovation"),
        ("亿元", "100 million yuan"),
        ("3,766亿元 of loans", "3,766 × 100 million yuan of loans"),
        ("亿元 (100 million yuan)", "100 million yuan"),
        ("二氧化硫 SO2", "SO2"),  # a numeral inside a word is not a section number
    ],
)
def test_ascii_fallback(text, expected):
    assert plots.ascii_fallback(text) == expected


def test_chinese_labels_when_a_font_is_installed():
    if plots.cjk_font() is None:
        pytest.skip("no CJK font installed (Debian: apt-get install fonts-noto-cjk)")
    try:
        assert plots.set_language("zh") == "zh"
        assert plots.label("year", "年份") == "年份"
    finally:
        plots.set_language("en")


@pytest.fixture
def stale_font_cache(monkeypatch):
    """The README's set-up installs the course, then fonts-noto-cjk: matplotlib's font cache was
    built without the font. Simulated by a font list without any CJK entry."""
    from matplotlib import font_manager

    if not any(plots.CJK_FILES.search(p) for p in font_manager.findSystemFonts()):
        pytest.skip("no CJK font file on this machine (Debian: apt-get install fonts-noto-cjk)")
    stale = [f for f in font_manager.fontManager.ttflist if f.name not in plots.CJK_FONTS]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", stale)
    plots._found_cjk_font.cache_clear()
    yield
    monkeypatch.undo()
    plots._found_cjk_font.cache_clear()


def test_a_font_installed_after_the_cache_was_built_is_found(stale_font_cache):
    try:
        assert plots._known_cjk_font() is None  # the stale cache really lacks it
        assert plots.set_language("zh") == "zh", "the Chinese labels switch missed the font"
        assert plots.cjk_font() in plots.CJK_FONTS
    finally:
        plots.set_language("en")


# --- one language for the charts and the messages -------------------------------------------------


@pytest.fixture
def restore_language():
    from retool import i18n

    before = i18n.language()
    yield i18n
    i18n.set_language(before)


def test_plots_and_i18n_share_one_language(restore_language):
    i18n = restore_language
    if plots.cjk_font() is None:
        pytest.skip("no CJK font installed (Debian: apt-get install fonts-noto-cjk)")
    plots.set_language("zh")
    assert i18n.language() == "zh" and plots.language() == "zh"
    i18n.set_language("en")
    assert plots.language() == "en" and plots.label("year", "年份") == "year"
    i18n.set_language("zh")  # the Chinese edition's kernel: charts follow without being asked
    assert plots.language() == "zh" and plots.label("year", "年份") == "年份"
    assert plots.paper_source("Table 1").startswith(plots.PAPER_SOURCE["zh"])
    plots.set_language("en")
    assert i18n.language() == "en"


def test_without_a_font_the_chinese_edition_says_once_what_to_install(
    restore_language, monkeypatch, capsys
):
    i18n = restore_language
    monkeypatch.setattr(plots, "cjk_font", lambda look_again=False: None)
    monkeypatch.setitem(plots._said, "no_font", False)
    i18n.set_language("zh")
    assert plots.language() == "en"  # labels stay drawable
    said = capsys.readouterr().err
    assert "fonts-noto-cjk" in said and "README.zh.md" in said
    assert said.strip() == i18n.gettext(plots.NO_FONT)
    assert plots.CJK.search(said), "the Chinese edition says it in Chinese"
    assert plots.language() == "en" and plots.label("year", "年份") == "year"
    assert capsys.readouterr().err == ""  # once


def test_the_start_widget_leaves_the_notebook_in_its_language(restore_language):
    """Lesson 00's Chinese-labels switch draws one chart in Chinese (or English) and leaves the
    kernel's language as it was; in the Chinese edition the switch starts on."""
    from retool.widgets import start

    i18n = restore_language
    i18n.set_language("zh")
    assert start.SPEC.defaults()["chinese_labels"] is True
    fig, _ = start.view("renovation")
    assert i18n.language() == "zh"
    if plots.cjk_font() is not None:
        assert plots.CJK.search(fig.get_suptitle())
    fig, _ = start.view("renovation", chinese_labels=False)
    assert not plots.CJK.search(fig.get_suptitle()) and i18n.language() == "zh"
    i18n.set_language("en")
    assert start.SPEC.defaults()["chinese_labels"] is False
    fig, _ = start.view("renovation", chinese_labels=True)
    assert i18n.language() == "en"


def test_the_chinese_edition_finds_a_font_installed_after_the_cache_was_built(
    restore_language, stale_font_cache
):
    """In a Chinese-edition kernel the charts look for the font without being switched."""
    restore_language.set_language("zh")
    assert plots.language() == "zh"
    assert plots.label("year", "年份") == "年份"
