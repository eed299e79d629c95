"""Lesson 04 widget: renovation rate against obsolescence rate → the gap to the technology frontier.

``view(renovation_pct=5, obsolescence_pct=10, years=15)`` runs the course's teaching model
(:mod:`retool.models.wear`) from the paper's equipment levels and returns the chart and one
sentence; ``explorer()`` wraps it in sliders. Rates outside 0-100%, a negative or fractional number
of years give a chart with a note and a sentence saying what is wrong, never a traceback.
"""

from __future__ import annotations

from ..models import wear
from ..plots import wear as plots_wear
from ..plots.memo import per_data_state
from . import assemble

# The model's path for given settings only changes with data/ (the census's starting levels):
# computed once per setting and state of data/, not again when a slider comes back to it.
_simulate = per_data_state(wear.simulate)

DEFAULTS = {
    "renovation_pct": wear.DEFAULT_RENOVATION * 100,
    "obsolescence_pct": wear.DEFAULT_OBSOLESCENCE * 100,
    "years": wear.DEFAULT_YEARS,
}
RANGES = {
    "renovation_pct": [0.0, DEFAULTS["renovation_pct"], DEFAULTS["obsolescence_pct"], 100.0],
    "obsolescence_pct": [0.0, DEFAULTS["obsolescence_pct"], DEFAULTS["renovation_pct"], 100.0],
    "years": [0, 1, DEFAULTS["years"], wear.MAX_YEARS],
}
SLIDER_MAX_YEARS = 50


def _settings(**settings):
    """(renovation, obsolescence as fractions, years, problems found) — defaults where unusable."""
    s = {**DEFAULTS, **settings}
    problems = []
    values = {}
    for key, name in (
        ("renovation_pct", "renovation rate"),
        ("obsolescence_pct", "obsolescence rate"),
    ):
        try:
            values[key] = wear.clean_rate(float(s[key]) / 100, name)
        except (TypeError, ValueError):
            problems.append(f"the {name} must lie between 0% and 100%, not {s[key]!r}")
            values[key] = DEFAULTS[key] / 100
    try:
        years = wear.clean_years(s["years"])
    except ValueError as exc:
        problems.append(str(exc))
        years = DEFAULTS["years"]
    return values["renovation_pct"], values["obsolescence_pct"], years, problems


def sentence(renovation: float, obsolescence: float, years: int, path) -> str:
    """One sentence on what happens to the gap and to the obsolete share."""
    first, last = path.iloc[0], path.iloc[-1]
    r, d = f"{renovation:.1%}".replace(".0%", "%"), f"{obsolescence:.1%}".replace(".0%", "%")
    if years == 0:
        return (
            f"With 0 years simulated the chart shows the census's distribution (a gap of "
            f"{first['gap_levels']:.2f} levels); choose at least one year to see wear and "
            "renovation."
        )
    span = f"in {years} year{'s' if years != 1 else ''}"
    if renovation == 0 and obsolescence == 0:
        return (
            "With neither wear nor renovation nothing moves: the distribution stays as the census "
            "found it."
        )
    verdict = wear.verdict_of(path)
    if verdict == "widens":
        return (
            f"Renovating {r} of the equipment a year cannot offset {d} obsolescence: the gap to "
            "the "
            f"frontier widens from {first['gap_levels']:.2f} to {last['gap_levels']:.2f} levels "
            f"{span}, "
            f"and the obsolete share rises from {first['obsolete']:.1f}% to "
            f"{last['obsolete']:.1f}%."
        )
    if verdict == "holds":
        return (
            f"Renovation ({r}) just compensates obsolescence ({d}): the mean gap stays at "
            f"{first['gap_levels']:.2f} levels {span}, though the equipment spreads out "
            "(obsolete share "
            f"{first['obsolete']:.1f}% → {last['obsolete']:.1f}%, frontier share "
            f"{first['international']:.1f}% → {last['international']:.1f}%)."
        )
    return (
        f"Renovating {r} a year outpaces {d} obsolescence: the gap to the frontier narrows from "
        f"{first['gap_levels']:.2f} to {last['gap_levels']:.2f} levels {span}, and the share at "
        "the "
        f"international level rises from {first['international']:.1f}% to "
        f"{last['international']:.1f}%."
    )


def title(renovation: float, obsolescence: float, years: int, path) -> str:
    if years == 0:
        return (
            "The census's starting point: most equipment is two or more levels behind the frontier"
        )
    change = path["gap_index"].iloc[-1] - 100
    verdict = wear.verdict_of(path)
    if verdict == "widens":
        return f"Renovation short of obsolescence: the gap widens by {change:.0f}% in {years} years"
    if verdict == "holds":
        return "Renovation equal to obsolescence holds the mean gap where it is"
    return f"Renovation above obsolescence: the gap narrows by {-change:.0f}% in {years} years"


def view(**settings):
    """The distribution and gap chart and one sentence for the given settings."""
    renovation, obsolescence, years, problems = _settings(**settings)
    path = _simulate(renovation, obsolescence, years)
    said = sentence(renovation, obsolescence, years, path)
    note = ""
    if problems:
        note = "Setting not usable;\ndefault used"
        text = "; ".join(problems)
        said = text[0].upper() + text[1:] + ", so the default is used. " + said
    fig = plots_wear.wear_paths(
        path, renovation, obsolescence, title(renovation, obsolescence, years, path), note=note
    )
    return fig, said


def explorer():
    """Sliders for the renovation rate, the obsolescence rate and the years; chart and sentence."""
    import ipywidgets as w

    controls = [
        w.FloatSlider(
            value=DEFAULTS["renovation_pct"],
            min=0,
            max=100,
            step=0.5,
            description="Renovation rate (% of equipment a year)",
            continuous_update=False,
        ),
        w.FloatSlider(
            value=DEFAULTS["obsolescence_pct"],
            min=0,
            max=100,
            step=0.5,
            description="Obsolescence rate (% a year)",
            continuous_update=False,
        ),
        w.IntSlider(
            value=DEFAULTS["years"],
            min=0,
            max=SLIDER_MAX_YEARS,
            description="Years",
            continuous_update=False,
        ),
    ]
    return assemble(controls, ["renovation_pct", "obsolescence_pct", "years"], view)
