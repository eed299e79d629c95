"""Chart titles wrap in balanced lines: never one word alone on the last line."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import retool.plots
import retool.widgets
from retool import plots

WIDGETS = sorted(m.name for m in pkgutil.iter_modules(retool.widgets.__path__))
CHART_MODULES = sorted(m.name for m in pkgutil.iter_modules(retool.plots.__path__))


def lesson_charts():
    """Every chart function of retool/plots that a lesson can call without arguments."""
    for name in CHART_MODULES:
        module = importlib.import_module(f"retool.plots.{name}")
        for fname, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ != module.__name__ or fname.startswith("_"):
                continue
            if all(p.default is not p.empty for p in inspect.signature(fn).parameters.values()):
                yield pytest.param(fn, id=f"{name}.{fname}")


def title_lines(fig) -> list[str]:
    return fig.get_suptitle().split("\n")


def balanced(lines: list[str]) -> bool:
    widths = [plots.text_width(line) for line in lines]
    return len(lines) == 1 or (len(lines[-1].split()) > 1 and min(widths) >= max(widths) / 3)


@pytest.mark.parametrize("name", WIDGETS)
def test_widget_titles_are_balanced_at_the_ends_of_every_range(name):
    module = importlib.import_module(f"retool.widgets.{name}")
    defaults = module.SPEC.defaults()
    settings = [defaults]
    for key, p in module.SPEC.items():
        if p.kind in ("number", "integer"):
            settings += [{**defaults, key: v} for v in p.bounds()]
    fig = None
    for s in settings:
        fig = module.view(into=fig, **s)[0]  # into the last figure, as the explorer draws
        lines = title_lines(fig)
        assert balanced(lines), (s, lines)


@pytest.mark.parametrize("chart", list(lesson_charts()))
def test_lesson_chart_titles_are_balanced(chart):
    lines = title_lines(chart())
    assert balanced(lines), lines


def test_a_title_the_plain_wrap_would_leave_one_word_alone_is_balanced():
    fig, ax = plots.figure()
    words = (
        "Renovation spending grew fast from a small base while the intensity fell " * 3
    ).split()
    titles = (" ".join(words[:n]) for n in range(2, len(words)))
    title, greedy = next(
        (t, g)
        for t in titles
        if len(g := plots._wrap(t, fig, plots.TITLE_PT, bold=True)) > 1 and " " not in g[-1]
    )
    plots.finish(fig, ax, title, "", "test")
    lines = title_lines(fig)
    assert len(lines) == len(greedy) and balanced(lines), lines
    assert " ".join(lines) == title  # no word lost or moved
