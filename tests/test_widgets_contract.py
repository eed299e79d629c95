"""Every widget module keeps the contract the lessons, the benchmark and the browser tests rely on.

``retool/widgets/<topic>.py`` has DEFAULTS, RANGES, ``view(**settings) -> (Figure, sentence)`` and
``explorer()``. Here every module is driven at every value of RANGES, at out-of-range values
(negative, huge, NaN, infinite, unknown options) and at all extremes at once: ``view`` must
return a Figure that renders as PNG and a non-empty sentence, and never raise. The explorer's
controls must be labelled, and changing one must change the sentence the learner reads.
"""

from __future__ import annotations

import importlib
import math
import pkgutil

import ipywidgets
import pytest
from matplotlib.figure import Figure

import retool.widgets

MODULES = sorted(m.name for m in pkgutil.iter_modules(retool.widgets.__path__))
if not MODULES:  # pragma: no cover - only before the first widget exists
    MODULES = [pytest.param(None, marks=pytest.mark.skip(reason="no retool/widgets/*.py yet"))]

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(params=MODULES)
def module(request):
    return importlib.import_module(f"retool.widgets.{request.param}")


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def out_of_range(default) -> list:
    """Values a typed-in or computed setting must survive: negative, huge, NaN, unknown."""
    if _is_number(default):
        return [-1, -1e12, 1e12, math.nan, math.inf]
    if isinstance(default, str):
        return ["no such option"]
    if isinstance(default, (tuple, list)):
        return [type(default)(), type(default)(["no such option"])]
    return []


def check_view(module, settings: dict) -> str:
    """Call view, check what it returns and render the figure; return the sentence."""
    try:
        result = module.view(**settings)
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
        png = fig._repr_png_()
    except Exception as exc:
        pytest.fail(f"{module.__name__}.view({settings!r}): drawing raised {exc!r}")
    assert png.startswith(PNG), f"{module.__name__}.view({settings!r}): no PNG"
    return sentence


def test_module_has_the_contract(module):
    assert isinstance(module.DEFAULTS, dict) and module.DEFAULTS
    assert isinstance(module.RANGES, dict)
    assert set(module.RANGES) <= set(module.DEFAULTS), "RANGES names a setting DEFAULTS lacks"
    missing = set(module.DEFAULTS) - set(module.RANGES)
    assert not missing, f"RANGES gives no values for {sorted(missing)}"
    for key, values in module.RANGES.items():
        assert isinstance(values, (list, tuple)) and len(values) >= 2, (
            f"RANGES[{key!r}] needs at least both ends of the range"
        )
    assert callable(module.view) and callable(module.explorer)


def test_defaults_and_no_settings_agree(module):
    """Missing settings fall back to DEFAULTS."""
    assert check_view(module, {}) == check_view(module, dict(module.DEFAULTS))


def test_every_value_in_ranges(module):
    for key, values in module.RANGES.items():
        for value in values:
            check_view(module, {key: value})


def test_all_extremes_at_once(module):
    """Every setting at its first listed value together, then at its last, then mixed."""
    keys = list(module.RANGES)
    check_view(module, {k: module.RANGES[k][0] for k in keys})
    check_view(module, {k: module.RANGES[k][-1] for k in keys})
    check_view(module, {k: module.RANGES[k][i % 2 - 1] for i, k in enumerate(keys)})


def test_out_of_range_values_give_a_sentence(module):
    for key, default in module.DEFAULTS.items():
        for value in out_of_range(default):
            check_view(module, {key: value})


def test_nan_everywhere(module):
    numbers = {k: math.nan for k, v in module.DEFAULTS.items() if _is_number(v)}
    if not numbers:
        pytest.skip("no numeric setting")
    check_view(module, numbers)


def _result(module, settings: dict) -> tuple[str, bytes]:
    fig, sentence = module.view(**settings)
    return sentence, fig._repr_png_()


def test_settings_change_what_the_learner_sees(module):
    """Some setting changes the sentence; every setting changes the sentence or the chart, alone
    or together with one other setting (e.g. a value that only counts for one preset)."""
    base_sentence, base_png = _result(module, {})
    assert any(
        check_view(module, {k: v}) != base_sentence
        for k, values in module.RANGES.items()
        for v in values
    ), "no setting in RANGES changes the sentence"
    inert = []
    for key, values in module.RANGES.items():
        others = [{}] + [{j: w} for j, ws in module.RANGES.items() if j != key for w in ws]
        # the sentence first (cheap), then the chart's pixels
        if not any(_changes(module, key, values, ctx, _sentence) for ctx in others) and not any(
            _changes(module, key, values, ctx, _result) for ctx in others
        ):
            inert.append(key)
    assert not inert, f"changing {inert} changes neither the sentence nor the chart"


def _sentence(module, settings: dict) -> str:
    return module.view(**settings)[1]


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
