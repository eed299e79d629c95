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


def test_a_font_installed_after_the_cache_was_built_is_found(monkeypatch):
    """The README's set-up installs the course, then fonts-noto-cjk: matplotlib's font cache was
    built without the font. Simulated by a font list without any CJK entry."""
    from matplotlib import font_manager

    if not any(plots.CJK_FILES.search(p) for p in font_manager.findSystemFonts()):
        pytest.skip("no CJK font file on this machine (Debian: apt-get install fonts-noto-cjk)")
    stale = [f for f in font_manager.fontManager.ttflist if f.name not in plots.CJK_FONTS]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", stale)
    plots._found_cjk_font.cache_clear()
    try:
        assert plots._known_cjk_font() is None  # the stale cache really lacks it
        assert plots.set_language("zh") == "zh", "the Chinese labels switch missed the font"
        assert plots.cjk_font() in plots.CJK_FONTS
    finally:
        plots.set_language("en")
        monkeypatch.undo()
        plots._found_cjk_font.cache_clear()
