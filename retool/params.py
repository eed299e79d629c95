"""One declaration per assumption a reader can vary.

A :class:`Param` says what a setting is (label and unit: messages of the catalogue, shown in the
language in use, see :mod:`retool.i18n`), what it may be
(range and step, or options) and why its default is what it is. From it come, and only from it:
the widget's control (:meth:`Param.control`), the reading of a typed-in or computed value with a
note when it has to be changed (:meth:`Param.read`), the models' validation
(:meth:`Param.check`, which raises) and the values the tests try (:meth:`Param.probes`).

A default that comes from ``data/`` is given as a function, so that importing the library reads
no data.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from .i18n import _


def _now(x):
    return x() if callable(x) else x


def number_in_range(value, low=None, high=None, integer: bool = False) -> tuple[float, str]:
    """``(number, "")`` when ``value`` is a usable number within [low, high]; otherwise
    ``(nearest usable number or nan, why not)``. The one "number in range" rule of the course."""
    try:
        x = float(value)
    except (TypeError, ValueError, OverflowError):
        return math.nan, _("is not a number")
    if isinstance(value, bool) or not math.isfinite(x):
        return math.nan, _("is not a finite number")
    if integer and x != int(x):
        return math.nan, _("is not a whole number")
    if (low is not None and x < low) or (high is not None and x > high):
        near = min(max(x, -math.inf if low is None else low), math.inf if high is None else high)
        return (int(near) if integer else near), _("lies outside its range")
    return (int(x) if integer else x), ""


@dataclass(frozen=True)
class Param:
    """One assumption: what it is, what it may be, its default and why."""

    name: str
    label: str  # a message (i18n.lazy): str() gives it in the language in use
    unit: str  # a message too ('% a year'), or ''
    default: object  # the value, or a function of no arguments returning it
    why: str  # a message: why the default is what it is
    low: object = None  # a number, or a function returning it (a bound read from data/)
    high: object = None
    step: float | None = None
    options: object = None  # {key: label}, or a function returning it
    kind: str = "number"  # number, integer, choice, choices (several options), flag
    fmt: str = "g"  # how values are written in notes and on the slider (d3 = Python format)
    extra_probes: tuple = field(default=())  # more values worth a test (e.g. a threshold)

    # --- what it is -------------------------------------------------------------------------

    def default_value(self):
        return _now(self.default)

    def bounds(self) -> tuple:
        return _now(self.low), _now(self.high)

    def choices(self) -> dict:
        opts = self.options() if callable(self.options) else self.options
        return dict(opts or {})

    @property
    def description(self) -> str:
        """The control's label in the language in use: 'Lending rate (%)'."""
        if not self.unit:
            return str(self.label)
        return _("{label} ({unit})").format(label=self.label, unit=self.unit)

    def show(self, x) -> str:
        """A value as a note writes it: 20.5%, 2005, 5.0% (a share shown as a percentage)."""
        if "%" in self.fmt:
            return format(x, self.fmt)
        digits = int(self.fmt[1:-1]) if self.fmt[1:-1].isdigit() else 6
        return f"{round(x, digits):g}" + ("%" if self.unit.startswith("%") else "")

    @property
    def name_in_text(self) -> str:
        """The label inside a sentence: 'the base year', 'the growth rate of China'."""
        label = str(self.label)
        return _("the {label}").format(label=label[:1].lower() + label[1:])

    # --- reading, validating ----------------------------------------------------------------

    def problem(self, value) -> tuple[object, str]:
        """(usable value, "") or (the value to use instead, a sentence on why)."""
        if self.kind == "flag":
            return bool(value), ""
        if self.kind == "choice":
            opts = self.choices()
            if value in opts:
                return value, ""
            default = self.default_value()
            return default, _("{value} is not an option of {name}, so {option} is used").format(
                value=repr(value), name=self.name_in_text, option=opts[default]
            )
        if self.kind == "choices":
            return self._several(value)
        low, high = self.bounds()
        x, why = number_in_range(value, low, high, self.kind == "integer")
        if not why:
            return x, ""
        if math.isnan(x):
            default = self.default_value()
            return default, _(
                "{name} {value} {why}; it must be a number from {low} to {high}, so {default} "
                "is used"
            ).format(
                name=self.name_in_text,
                value=repr(value),
                why=why,
                low=self.show(low),
                high=self.show(high),
                default=self.show(default),
            )
        return x, _("{name} must lie between {low} and {high}, so {value} is read as {x}").format(
            name=self.name_in_text,
            low=self.show(low),
            high=self.show(high),
            value=self.show(float(value)),
            x=self.show(x),
        )

    def _several(self, value) -> tuple[tuple, str]:
        opts = self.choices()
        items = (value,) if isinstance(value, str) else value
        try:
            items = tuple(items)
        except TypeError:
            return tuple(self.default_value()), _(
                "{value} is not a list, so the default is used"
            ).format(value=repr(value))
        unknown = [str(v) for v in items if v not in opts]
        kept = tuple(k for k in opts if k in items)
        if not unknown:
            return kept, ""
        return kept, _("{label} ignores {names}: not one of its options").format(
            label=self.label, names=_(", ").join(unknown)
        )

    def read(self, value, notes: list[str]):
        """The usable value; a note is appended to ``notes`` when ``value`` had to be changed."""
        x, note = self.problem(value)
        if note:
            notes.append(note)
        return x

    def check(self, value):
        """The value, or ValueError saying why it cannot be used (for the models)."""
        x, note = self.problem(value)
        if note:
            if self.kind in ("number", "integer"):
                low, high = self.bounds()
                message = (
                    _("{name} must be a whole number between {low} and {high}, not {value}")
                    if self.kind == "integer"
                    else _("{name} must be a number between {low} and {high}, not {value}")
                )
                raise ValueError(
                    message.format(
                        name=self.name_in_text,
                        low=self.show(low),
                        high=self.show(high),
                        value=repr(value),
                    )
                )
            raise ValueError(note)
        return x

    # --- for tests --------------------------------------------------------------------------

    def valid_values(self) -> list:
        """The values a learner can choose that matter most: the ends, the default, the options."""
        if self.kind == "flag":
            return [False, True]
        if self.kind == "choice":
            return list(self.choices())
        if self.kind == "choices":
            keys = list(self.choices())
            return [(), tuple(keys[:1]), tuple(self.default_value()), tuple(keys)]
        low, high = self.bounds()
        values = [low, self.default_value(), high, *self.extra_probes]
        return list(dict.fromkeys(v for v in values if v is not None))

    def invalid_values(self) -> list:
        """Values a typed-in or computed setting must survive (each gives a note, not an error)."""
        if self.kind == "flag":
            return []
        if self.kind in ("choice", "choices"):
            return ["no such option", None] if self.kind == "choice" else [("no such option",), 3]
        low, high = self.bounds()
        span = high - low
        return [low - span, high + span, math.nan, math.inf, "junk", None]

    # --- for widgets ------------------------------------------------------------------------

    def control(self):
        """The ipywidgets control of this setting, labelled, with its range and default."""
        import ipywidgets as w

        common = {"description": self.description, "value": self.default_value()}
        if self.kind == "flag":
            return w.Checkbox(indent=False, **common)
        if self.kind == "choice":
            options = [(str(label), key) for key, label in self.choices().items()]
            return w.Dropdown(options=options, **common)
        if self.kind == "choices":
            from .widgets import choices_control

            return choices_control(self)
        slider = w.IntSlider if self.kind == "integer" else w.FloatSlider
        extra = {} if self.kind == "integer" else {"readout_format": self.fmt}
        low, high = self.bounds()
        return slider(
            min=low,
            max=high,
            step=self.step or 1,
            continuous_update=False,
            **extra,
            **common,
        )


def year(name: str, label: str, years, last: bool, why: str) -> Param:
    """A year among ``years()`` (a function: the years are read from data/), by default the
    first or the ``last`` of them."""
    return Param(
        name,
        label,
        "",
        lambda: years()[-1 if last else 0],
        why,
        low=lambda: years()[0],
        high=lambda: years()[-1],
        step=1,
        kind="integer",
        fmt="d",
    )


class Spec(Mapping):
    """The settings of one widget, by name, in the order its controls appear."""

    def __init__(self, *params: Param):
        self._params = {p.name: p for p in params}

    def __getitem__(self, name: str) -> Param:
        return self._params[name]

    def __iter__(self):
        return iter(self._params)

    def __len__(self) -> int:
        return len(self._params)

    def defaults(self) -> dict:
        return {n: p.default_value() for n, p in self._params.items()}

    def read(self, settings: Mapping) -> tuple[dict, list[str]]:
        """Every setting made usable (defaults for the missing ones), and the notes on changes."""
        notes: list[str] = []
        values = {
            n: p.read(settings[n], notes) if n in settings else p.default_value()
            for n, p in self._params.items()
        }
        return values, notes

    def controls(self) -> list:
        return [p.control() for p in self._params.values()]


def notes_sentence(notes: list[str]) -> str:
    """The notes on changed settings as the start of a sentence ("" when there are none)."""
    if not notes:
        return ""
    # TRANSLATORS: the separator between two notes of one sentence
    joined = _("; ").join(str(n) for n in notes)
    # TRANSLATORS: notes on changed settings, as the first sentence before the widget's own
    return _("{notes}. ").format(notes=joined[0].upper() + joined[1:])
