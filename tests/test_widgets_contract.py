"""Every widget module keeps the contract the lessons, the benchmark and the browser tests rely on.

``retool/widgets/<topic>.py`` has SPEC (its settings, each declared once as a
:class:`retool.params.Param`), ``view(**settings) -> (Figure, sentence)`` and ``explorer()``. Here
every module is driven at every value the spec calls valid (ends of the range, default, options),
at the values it calls invalid (outside the range, NaN, infinite, text, unknown options) and at all
extremes at once: ``view`` must return a Figure that draws (and, at the defaults, encodes as
PNG) and a non-empty sentence, and never raise; a valid value is used as it is, an invalid one is
named in the sentence. The
explorer's controls must be labelled, follow the spec, and changing one must change the sentence.
"""

from __future__ import annotations

import hashlib
import importlib
import math
import pkgutil
import re
import subprocess
import sys
import warnings
from typing import NamedTuple

import ipywidgets
import numpy as np
import pytest
from matplotlib.figure import Figure

import retool.widgets
from retool import i18n, plots
from retool.params import Param, Spec

MODULES = sorted(m.name for m in pkgutil.iter_modules(retool.widgets.__path__))
if not MODULES:  # pragma: no cover - only before the first widget exists
    MODULES = [pytest.param(None, marks=pytest.mark.skip(reason="no retool/widgets/*.py yet"))]

PNG = b"\x89PNG\r\n\x1a\n"
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(params=MODULES)
def module(request):
    return importlib.import_module(f"retool.widgets.{request.param}")


# The figure of each widget's last redraw, drawn into again as the explorer does (the test
# test_a_redraw_into_the_last_figure_draws_what_a_new_figure_draws shows that this draws the same).
_LAST: dict[str, Figure] = {}


def redraw(module, settings: dict):
    fig, sentence = module.view(into=_LAST.get(module.__name__), **settings)
    _LAST[module.__name__] = fig
    return fig, sentence


class Checked(NamedTuple):
    """What one call of view showed: the sentence, a digest of the chart's pixels, what the
    figure holds (see _drawn), and whether it was drawn into the widget's last figure."""

    sentence: str
    pixels: str
    drawn: list
    redrawn: bool


# view() is a pure function of what its spec reads from the settings (every view starts with
# SPEC.read: the values it uses, defaults filled in, and the notes on replaced ones), and several
# tests draw the same reading (the defaults, with no settings or with one setting at its default;
# each valid value, alone or beside another setting's default): each reading is checked and drawn
# once per session, and what the learner would see (the sentence, a digest of the chart's pixels)
# is kept. test_defaults_and_no_settings_agree draws a reading from two spellings of it.
_CHECKED: dict[tuple, Checked] = {}
_SEEN: dict[tuple, object] = {}


def _key(module, settings: dict) -> tuple:
    used, notes = module.SPEC.read(settings)
    return module.__name__, i18n.language(), repr(sorted(used.items())), tuple(notes)


def check_view(module, settings: dict) -> str:
    """Call view, check what it returns and draw the figure; return the sentence (once per
    module and settings: the same settings give the same result)."""
    return _checked(module, settings)[0]


def _checked(module, settings: dict) -> Checked:
    key = _key(module, settings)
    if key not in _CHECKED:
        _CHECKED[key] = _check_view(module, settings)
    return _CHECKED[key]


def _check_view(module, settings: dict) -> Checked:
    redrawn = module.__name__ in _LAST
    try:
        result = redraw(module, settings)
    except Exception as exc:  # report the settings, not just the traceback
        pytest.fail(f"{module.__name__}.view({settings!r}) raised {type(exc).__name__}: {exc}")
    assert isinstance(result, tuple) and len(result) == 2, (
        f"{module.__name__}.view({settings!r}) must return (Figure, sentence), got {result!r}"
    )
    fig, sentence = result
    assert isinstance(fig, Figure), f"{module.__name__}.view({settings!r}): not a Figure"
    assert isinstance(sentence, str) and sentence.strip(), (
        f"{module.__name__}.view({settings!r}): empty sentence"
    )
    assert "Traceback" not in sentence and "Error:" not in sentence, (
        f"{module.__name__}.view({settings!r}) says: {sentence}"
    )
    try:
        with warnings.catch_warnings():
            # a chart whose layout collapsed (e.g. squeezed by its note box) is a broken chart
            warnings.filterwarnings("error", message="constrained_layout not applied")
            # drawn on the figure's canvas as for the notebook's PNG; the PNG itself is encoded
            # once per module (at the defaults): encoding does not depend on the settings
            pixels = _pixels(fig)
            png = fig._repr_png_() if not settings else None
    except Exception as exc:
        pytest.fail(f"{module.__name__}.view({settings!r}): drawing raised {exc!r}")
    if png is not None:
        assert png.startswith(PNG), f"{module.__name__}.view({settings!r}): no PNG"
    return Checked(sentence, _digest(pixels), _drawn(fig), redrawn)


def _digest(pixels: np.ndarray) -> str:
    return f"{pixels.shape} {hashlib.sha1(pixels.tobytes()).hexdigest()}"


def valid(module) -> dict:
    return {n: p.valid_values() for n, p in module.SPEC.items()}


def test_module_has_the_contract(module):
    assert isinstance(module.SPEC, Spec) and len(module.SPEC)
    for name, p in module.SPEC.items():
        assert isinstance(p, Param) and p.name == name
        assert str(p.label).strip(), f"{name}: a label"
        with i18n.use("zh"):
            assert CJK.search(p.description), f"{name}: no Chinese label ({p.description!r})"

        assert p.why.strip(), f"{name}: say why the default is what it is"
        assert p.problem(p.default_value())[1] == "", f"{name}: the default is not valid"
        if p.kind in ("number", "integer"):
            low, high = p.bounds()
            assert low < high and p.step and 0 < p.step <= high - low, name
        if p.kind in ("choice", "choices"):
            assert len(p.choices()) >= 2, f"{name}: a choice needs options"
        assert len(p.valid_values()) >= 2, f"{name} needs at least both ends of its range"
    assert callable(module.view) and callable(module.explorer)


def test_defaults_and_no_settings_agree(module):
    """Missing settings fall back to the spec's defaults: view() with none and view() with every
    default (drawn anew, not taken from the other) show the same sentence and the same chart."""
    shown = _checked(module, {})
    fig, sentence, pixels = _new_figure(module, module.SPEC.defaults())
    assert sentence == shown.sentence
    assert _digest(pixels) == shown.pixels, "the defaults draw another chart than no settings"


def test_every_valid_value_is_used_as_it_is(module):
    for key, values in valid(module).items():
        for value in values:
            assert module.SPEC.read({key: value})[1] == [], (key, value)
            check_view(module, {key: value})


def test_all_extremes_at_once(module):
    """Every setting at its first valid value together, then at its last, then mixed."""
    v = valid(module)
    check_view(module, {k: vs[0] for k, vs in v.items()})
    check_view(module, {k: vs[-1] for k, vs in v.items()})
    check_view(module, {k: vs[i % 2 - 1] for i, (k, vs) in enumerate(v.items())})


def test_invalid_values_are_named_in_the_sentence(module):
    """A value the spec refuses is replaced, and the sentence says so first. The chart, which
    shows the note too, is drawn for the longest note of each setting (the one most likely to
    squeeze the chart's layout)."""
    for key, p in module.SPEC.items():
        longest = None
        for value in p.invalid_values():
            used, notes = module.SPEC.read({key: value})
            assert notes, f"{key}={value!r} was used without a note"
            assert p.problem(used[key])[1] == "", f"{key}={value!r} was replaced by {used[key]!r}"
            sentence = redraw(module, {key: value})[1]
            assert sentence.lower().startswith(notes[0][:25].lower()), (key, value, sentence)
            if longest is None or len(notes[0]) > longest[0]:
                longest = (len(notes[0]), value)
        if longest is not None:
            check_view(module, {key: longest[1]})


def test_models_refuse_what_widgets_replace(module):
    """One rule: the value a widget replaces with a note is the value the model refuses."""
    for p in module.SPEC.values():
        for value in p.invalid_values():
            if p.kind in ("number", "integer"):
                with pytest.raises(ValueError):
                    p.check(value)
        for value in p.valid_values():
            assert p.check(value) == value or p.kind == "choices"


def test_nan_everywhere(module):
    numbers = {k: math.nan for k, p in module.SPEC.items() if p.kind in ("number", "integer")}
    if not numbers:
        pytest.skip("no numeric setting")
    check_view(module, numbers)


def test_importing_the_widgets_reads_no_data(tmp_path):
    """Nothing loads data/ at import time: every widget imports with an empty data folder."""
    code = (
        "import pkgutil, importlib, retool.widgets as w\n"
        "for m in pkgutil.iter_modules(w.__path__):\n"
        "    importlib.import_module('retool.widgets.' + m.name)"
    )
    env = {"RETOOL_DATA_DIR": str(tmp_path), "PATH": ""}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]


def _once(what: str, module, settings: dict, make):
    key = (what, *_key(module, settings))
    if key not in _SEEN:
        _SEEN[key] = make()
    return _SEEN[key]


def _result(module, settings: dict) -> tuple[str, str]:
    """The sentence and the chart (a digest of its pixels) the learner sees at ``settings``."""
    return _checked(module, settings)[:2]


def test_settings_change_what_the_learner_sees(module):
    """Some setting changes the sentence; every setting changes the sentence or the chart, alone
    or together with one other setting (e.g. a value that only counts for one preset)."""
    base_sentence, base_png = _result(module, {})
    v = valid(module)
    assert any(
        check_view(module, {k: x}) != base_sentence for k, values in v.items() for x in values
    ), "no valid setting changes the sentence"
    inert = []
    for key, values in v.items():
        others = [{}] + [{j: w} for j, ws in v.items() if j != key for w in ws]
        # the sentence first (cheap), then the chart's pixels
        if not any(_changes(module, key, values, ctx, _sentence) for ctx in others) and not any(
            _changes(module, key, values, ctx, _result) for ctx in others
        ):
            inert.append(key)
    assert not inert, f"changing {inert} changes neither the sentence nor the chart"


def _sentence(module, settings: dict) -> str:
    checked = _CHECKED.get(_key(module, settings))
    if checked is not None:  # these settings were checked and drawn already
        return checked[0]
    return _once("sentence", module, settings, lambda: redraw(module, settings)[1])


def _changes(module, key, values, context, what) -> bool:
    base = what(module, context)
    return any(what(module, {**context, key: v}) != base for v in values)


# --- the explorer ---------------------------------------------------------------------------

CONTROL_TYPES = (
    ipywidgets.widgets.widget_int._Int,
    ipywidgets.widgets.widget_float._Float,
    ipywidgets.widgets.widget_selection._Selection,
    ipywidgets.widgets.widget_selection._MultipleSelection,
    ipywidgets.widgets.widget_bool._Bool,
)
TEXT_TYPES = (ipywidgets.HTML, ipywidgets.HTMLMath, ipywidgets.Label)


def walk(widget):
    yield widget
    for child in getattr(widget, "children", ()) or ():
        yield from walk(child)


def _texts(tree) -> list[str]:
    return [w.value for w in tree if isinstance(w, TEXT_TYPES)]


def _another_value(control):
    if isinstance(control.value, tuple) and hasattr(control, "min"):  # a range slider
        whole = (control.min, control.max)
        return whole if control.value != whole else (control.min, control.min + control.step)
    if isinstance(control, ipywidgets.widgets.widget_selection._MultipleSelection):
        values = [o[1] if isinstance(o, tuple) else o for o in control.options]
        return tuple(values[:1]) if tuple(values[:1]) != control.value else tuple(values[-1:])
    if isinstance(control, ipywidgets.widgets.widget_selection._Selection):
        values = [o[1] if isinstance(o, tuple) else o for o in control.options]
        return next((v for v in values if v != control.value), control.value)
    if isinstance(control, ipywidgets.widgets.widget_bool._Bool):
        return not control.value
    if hasattr(control, "max") and control.value != control.max:
        return control.max
    if hasattr(control, "min"):
        return control.min
    return control.value * 2 + 1


def test_explorer_controls_are_labelled_and_call_view(module, monkeypatch):
    """Each control is labelled; changing it redraws through ``view`` (the same pure function the
    tests call) with the new value; some control changes the sentence shown."""
    calls = []
    original = module.view

    def spy(*args, **settings):
        calls.append(settings)
        return original(*args, **settings)

    monkeypatch.setattr(module, "view", spy)
    widget = module.explorer()
    assert isinstance(widget, ipywidgets.Widget)
    tree = list(walk(widget))
    controls = [w for w in tree if isinstance(w, CONTROL_TYPES) and not w.disabled]
    assert controls, "the explorer has no control"
    unlabelled = [type(c).__name__ for c in controls if not (c.description or "").strip()]
    assert not unlabelled, f"controls without a description: {unlabelled}"
    sliders = [c for c in controls if isinstance(c, (_BoundedInt, _BoundedFloat))]
    eager = [c.description for c in sliders if getattr(c, "continuous_update", False)]
    assert not eager, f"sliders redraw while dragging (set continuous_update=False): {eager}"
    assert any(isinstance(w, ipywidgets.Output) for w in tree), "no Output for the chart"
    assert _texts(tree), "no HTML or Label widget for the sentence"
    assert calls, "explorer() does not draw through view()"
    for c in sliders:  # a slider for a setting of the spec has the spec's range and step
        p = next((p for p in module.SPEC.values() if p.description == c.description), None)
        if p is not None:
            assert (c.min, c.max, c.value) == (*p.bounds(), p.default_value()), c.description
    texts_changed = False
    for control in controls:
        if control.disabled:  # another control may have disabled it meanwhile
            continue
        new = _another_value(control)
        if new == control.value:
            continue
        before, n = _texts(list(walk(widget))), len(calls)
        control.value = new
        assert len(calls) > n, f"changing {control.description!r} did not call view()"
        texts_changed = texts_changed or _texts(list(walk(widget))) != before
    assert texts_changed, "no control changes the sentence shown"


_BoundedInt = ipywidgets.widgets.widget_int._BoundedInt
_BoundedFloat = ipywidgets.widgets.widget_float._BoundedFloat


def _drawn(fig) -> list:
    """What a figure shows: its texts and the number of lines, patches and collections."""
    shown = [fig.get_suptitle(), *(t.get_text() for t in fig.texts)]
    for ax in fig.axes:
        shown += [ax.get_title(loc="left"), len(ax.lines), len(ax.patches), len(ax.collections)]
        shown += [t.get_text() for t in ax.texts]
    return shown


def _pixels(fig) -> np.ndarray:
    """The chart's pixels: the figure drawn on its own canvas, as for its PNG (the PNG holds
    exactly these pixels; encoding and decoding it would add nothing to a comparison)."""
    fig.canvas.draw()
    return np.array(fig.canvas.buffer_rgba())


def _new_figure(module, settings: dict):
    """A figure drawn from nothing: a new figure, its layout worked out anew."""
    remembered = dict(plots.LAYOUTS)
    plots.LAYOUTS.clear()
    try:
        fig, sentence = module.view(**settings)
        return fig, sentence, _pixels(fig)
    finally:
        plots.LAYOUTS.update(remembered)


def test_a_redraw_into_the_last_figure_draws_what_a_new_figure_draws(module):
    """The explorer draws into its last figure: pixel for pixel the chart a new figure draws, its
    layout included (a redraw may reuse a layout worked out for an earlier draw), nothing left
    over from the earlier settings (their data limits, texts, artists)."""
    # the ends of each range (the largest changes), then an invalid value (a note on the chart)
    cases = [{k: v} for k, vs in valid(module).items() for v in dict.fromkeys([vs[0], vs[-1]])]
    key, p = next((k, p) for k, p in module.SPEC.items() if p.invalid_values())
    cases.append({key: p.invalid_values()[0]})
    check_view(module, {})  # the widget has a last figure
    for settings in cases:
        # the redraw, as the tests above drew it into the widget's last figure (after other
        # settings): drawn again only if it was the first draw, into a new figure
        again = _checked(module, settings)
        if not again.redrawn:
            del _CHECKED[_key(module, settings)]
            again = _checked(module, settings)
        fresh, said_fresh, expected = _new_figure(module, settings)
        assert again.sentence == said_fresh
        assert again.drawn == _drawn(fresh), settings
        assert again.pixels == _digest(expected), (
            f"{settings}: the redrawn chart's pixels differ from a new figure's"
        )


# Widgets whose redraw updates the chart of their last draw when the shape of its data is the
# same (the same series, years, countries, universes or firms); lesson 08's draws anew.
UPDATED_IN_PLACE = [
    "chain",
    "idicn",
    "incentives",
    "intensity",
    "ledger",
    "scale",
    "sources",
    "start",
    "wear",
]


def _first_artists(fig) -> list:
    return [next(iter([*ax.collections, *ax.lines, *ax.patches])) for ax in fig.axes]


@pytest.mark.parametrize("name", UPDATED_IN_PLACE)
def test_a_redraw_updates_the_chart_of_the_last_draw(name):
    """A redraw at the same settings gives the chart's artists their numbers again instead of
    clearing the axes and drawing anew (no seaborn call, no ticks built again); the test above
    shows that it draws what a new figure draws."""
    module = importlib.import_module(f"retool.widgets.{name}")
    fig, _ = module.view()
    fig._repr_png_()
    first, ticks = _first_artists(fig), [ax.yaxis.majorTicks[0] for ax in fig.axes]
    again, _ = module.view(into=fig)
    again._repr_png_()
    assert again is fig
    assert all(a is b for a, b in zip(_first_artists(again), first, strict=True))
    assert all(a is b for a, b in zip([ax.yaxis.majorTicks[0] for ax in fig.axes], ticks))


def test_the_redraw_check_sees_a_stale_chart():
    """The pixel comparison fails on a chart that kept something of its earlier draw (the
    y range of the data before, as a redraw after an axvspan once did)."""
    from retool.widgets import scale

    fig, _ = scale.view()
    _pixels(fig)
    fig.axes[0].dataLim.update_from_data_xy([[2005, 1000]], ignore=False)
    fig.axes[0].autoscale_view()
    _, _, expected = _new_figure(scale, {})
    assert (_pixels(fig) != expected).any()


def _learner_moves(control) -> list:
    """What a learner does with one control, as the browser test does: a slider to either end of
    its range, every other option of a menu or toggle, a checkbox ticked or unticked."""
    if isinstance(control, ipywidgets.widgets.widget_bool._Bool):
        return [not control.value]
    if isinstance(control, ipywidgets.widgets.widget_selection._MultipleSelection):
        return [_another_value(control)]
    if isinstance(control, ipywidgets.widgets.widget_selection._Selection):
        values = [o[1] if isinstance(o, tuple) else o for o in control.options]
        return [v for v in values if v != control.value]
    if isinstance(control.value, tuple):  # a range slider
        return [_another_value(control)]
    return [end for end in (control.min, control.max) if end != control.value]


def test_every_control_a_learner_can_use_changes_what_they_see(module, monkeypatch):
    """Each control enabled at the defaults changes the sentence or the chart when a learner moves
    it alone from the defaults (through the explorer, so that linked controls follow as they do
    on screen); a control that changes nothing there must be greyed out. The browser test found
    two: what new capacity embodies (lesson 04) while there is no new capacity, and the leader's
    checkbox (lesson 05), which the chart always draws."""
    calls = []
    original = module.view

    def spy(*args, **settings):
        fig, sentence = original(*args, **settings)
        calls.append((fig, sentence))
        return fig, sentence

    monkeypatch.setattr(module, "view", spy)
    widget = module.explorer()
    base_fig, base_sentence = calls[-1]
    base_pixels = _pixels(base_fig)
    inert = []
    for control in [w for w in walk(widget) if isinstance(w, CONTROL_TYPES) and not w.disabled]:
        start = control.value
        for move in _learner_moves(control):
            control.value = move
            fig, sentence = calls[-1]
            # a new sentence is enough; else the pixels of the chart the explorer now shows must
            # differ (the explorer draws into its last figure, which draws what a new one does)
            if sentence == base_sentence and np.array_equal(_pixels(fig), base_pixels):
                inert.append(f"{control.description!r} -> {move!r}")
            control.value = start
    assert not inert, f"moved alone from the defaults, {inert} change nothing a learner sees"
