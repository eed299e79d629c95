"""Lesson 01 widget: growth of the Table 1 series between any two years.

``view(base=2005, end=2009, series="all")`` returns the chart and one sentence; ``explorer()``
wraps it in sliders. Years outside Table 1, an end year before the base year, or equal years give
a sentence saying so, never a traceback.
"""

from __future__ import annotations

from .. import data, measures, rebuild
from ..plots import scale as plots_scale
from . import assemble

_YEARS = [int(y) for y in data.table1_wide().index]

SERIES_OPTIONS = {"all": "all four series", **{k: v[1] for k, v in data.SERIES.items()}}

DEFAULTS = {"base": _YEARS[0], "end": _YEARS[-1], "series": "all"}

RANGES = {
    "base": [_YEARS[0], _YEARS[-1], _YEARS[0] - 5, _YEARS[-1] + 3],
    "end": [_YEARS[-1], _YEARS[0], _YEARS[0] - 5, _YEARS[-1] + 3],
    "series": list(SERIES_OPTIONS),
}


def _year(value, name: str, notes: list[str]) -> int:
    """A year within Table 1: the nearest one, with a note, when ``value`` is outside it."""
    try:
        year = int(value)
        if year != float(value):
            raise ValueError
    except (TypeError, ValueError, OverflowError):
        notes.append(f"the {name} year {value!r} is not a year, so {DEFAULTS[name]} is used")
        return DEFAULTS[name]
    if year in _YEARS:
        return year
    nearest = min(_YEARS, key=lambda y: abs(y - year))
    notes.append(
        f"Table 1 covers {_YEARS[0]}-{_YEARS[-1]} only, so the {name} year {year} is read as "
        f"{nearest}"
    )
    return nearest


def settings_of(**settings) -> tuple[int, int, list[str], list[str]]:
    """The settings made usable: (base, end, series list, notes on what was changed)."""
    s = {**DEFAULTS, **settings}
    notes: list[str] = []
    base = _year(s["base"], "base", notes)
    end = _year(s["end"], "end", notes)
    if s["series"] in data.SERIES:
        series = [s["series"]]
    else:
        if s["series"] != "all":
            notes.append(f"{s['series']!r} is not a Table 1 series, so all four are shown")
        series = list(data.SERIES)
    return base, end, series, notes


def growth_between(base: int, end: int) -> dict:
    """Growth of each Table 1 series from ``base`` to ``end``, percent (0 for equal years)."""
    return rebuild.table1_growth(base, end).to_dict()


def _printed(series: str) -> str | None:
    claim_id = f"growth_{_YEARS[0]}_{_YEARS[-1]}_{series}"
    try:
        return str(data.claim(claim_id)["value"])
    except KeyError:
        return None


def sentence(base: int, end: int, series: list[str], notes: list[str]) -> str:
    """One sentence on the growth between the two years (with any notes on the settings)."""
    prefix = "; ".join(notes)
    prefix = prefix[0].upper() + prefix[1:] + ". " if prefix else ""
    if base == end:
        return prefix + (
            f"Base and end year are both {base}: growth over zero years is 0% by definition; "
            "choose two different years."
        )
    g = growth_between(base, end)
    t = data.table1_wide()
    parts = []
    for s in series:
        verb = "grew" if g[s] >= 0 else "fell"
        parts.append(
            f"{plots_scale.SHORT[s].lower()} {verb} {abs(g[s]):.1f}% "
            f"({t.loc[base, s]:,.2f} → {t.loc[end, s]:,.2f}亿元)"
        )
    back = " (going back in time, since the end year is before the base year)" if end < base else ""
    text = f"From {base} to {end}{back}, " + "; ".join(parts)
    if (base, end) == (_YEARS[0], _YEARS[-1]):
        printed = [p for p in (_printed(s) for s in series) if p]
        matches = all(measures.matches_printed(g[s], _printed(s)) for s in series if _printed(s))
        if printed:
            verdict = "which matches" if matches else "which differs from"
            text += f", {verdict} the paper's printed {', '.join(p + '%' for p in printed)}"
    return prefix + text + "."


def view(**settings):
    """The index chart and one sentence for the given settings (missing ones use DEFAULTS)."""
    base, end, series, notes = settings_of(**settings)
    note = "; ".join(notes)
    fig = plots_scale.index_chart(data.table1_wide(), base, end, series, note=note[:90])
    return fig, sentence(base, end, series, notes)


def explorer():
    """Sliders for the base and end year, a menu for the series; chart and sentence below."""
    import ipywidgets as w

    base = w.IntSlider(
        value=DEFAULTS["base"],
        min=_YEARS[0],
        max=_YEARS[-1],
        description="Base year",
        continuous_update=False,
    )
    end = w.IntSlider(
        value=DEFAULTS["end"],
        min=_YEARS[0],
        max=_YEARS[-1],
        description="End year",
        continuous_update=False,
    )
    series = w.Dropdown(
        options=[(v, k) for k, v in SERIES_OPTIONS.items()],
        value=DEFAULTS["series"],
        description="Series",
    )
    return assemble([base, end, series], ["base", "end", "series"], view)
