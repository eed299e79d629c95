"""No chart text is too small to read on a projected 1280x720 screen, and no chart is scaled down.

Charts are shown at their own pixel size (figure inches x DPI); a text of ``s`` points is then
``s * DPI / 72`` pixels high. Every text the library draws (titles, labels, tick labels, legends,
annotations, notes, source lines) must reach ``plots.MIN_TEXT_PT``, checked after drawing, for
every widget at its spec's defaults and with a note (an invalid setting), and for every chart the
lessons draw.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from matplotlib.text import Text

import retool.plots
import retool.widgets
from retool import plots

WIDGETS = sorted(m.name for m in pkgutil.iter_modules(retool.widgets.__path__))
CHART_MODULES = sorted(m.name for m in pkgutil.iter_modules(retool.plots.__path__))
# The widest image JupyterLab's notebook column shows unscaled on a 1280x720 screen (measured in
# Chromium by tests/test_browser.py).
COLUMN_PX = plots.COLUMN_PX


def lesson_charts():
    """Every chart function of retool/plots that a lesson calls without arguments."""
    for name in CHART_MODULES:
        module = importlib.import_module(f"retool.plots.{name}")
        for fname, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ != module.__name__ or fname.startswith("_"):
                continue
            params = inspect.signature(fn).parameters.values()
            if all(p.default is not p.empty for p in params):
                yield pytest.param(fn, id=f"{name}.{fname}")


def smallest_text(fig) -> tuple[float, str]:
    fig.canvas.draw()  # tick labels and legends exist only once drawn
    sizes = [
        (t.get_fontsize(), t.get_text())
        for t in fig.findobj(Text)
        if t.get_visible() and t.get_text().strip()
    ]
    return min(sizes)


def check(fig) -> None:
    size, text = smallest_text(fig)
    px = size * fig.dpi / 72
    assert size >= plots.MIN_TEXT_PT, f"{text!r} is {size:g} pt ({px:.1f} px)"
    assert px >= 12, f"{text!r} is {px:.1f} px high where shown"
    assert fig.bbox.width <= COLUMN_PX, f"{fig.bbox.width:.0f} px wide: scaled down to fit"


def test_the_minimum_is_legible_at_the_charts_own_size():
    assert plots.MIN_TEXT_PT * plots.DPI / 72 >= 12
    assert plots.WIDE * plots.DPI <= COLUMN_PX


@pytest.mark.parametrize("name", WIDGETS)
def test_widget_charts_at_their_defaults(name):
    module = importlib.import_module(f"retool.widgets.{name}")
    check(module.view(**module.SPEC.defaults())[0])


@pytest.mark.parametrize("name", WIDGETS)
def test_widget_charts_with_a_note(name):
    module = importlib.import_module(f"retool.widgets.{name}")
    key, p = next((k, p) for k, p in module.SPEC.items() if p.invalid_values())
    check(module.view(**{key: p.invalid_values()[0]})[0])


@pytest.mark.parametrize("chart", list(lesson_charts()))
def test_lesson_charts(chart):
    check(chart())


def test_a_too_small_text_is_caught():
    """The check can fail: a chart with a 7 pt annotation does not pass."""
    fig, ax = plots.figure()
    ax.text(0.5, 0.5, "tiny", fontsize=7)
    with pytest.raises(AssertionError, match="tiny"):
        check(fig)
