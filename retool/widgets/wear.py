"""Lesson 04 widget: renovation rate against obsolescence rate → the gap to the technology frontier.

``view(renovation=0.05, obsolescence=0.10, years=15)`` runs the course's teaching model
(:mod:`retool.models.wear`) from the paper's equipment levels and returns the chart and one
sentence; ``explorer()`` wraps it in sliders. Rates outside 0-100%, a negative or fractional number
of years give a chart with a note and a sentence saying what is wrong, never a traceback.
"""

from __future__ import annotations

from .. import data
from ..models import wear
from ..params import notes_sentence
from ..plots import wear as plots_wear
from . import assemble

SPEC = wear.PARAMS
# The model's path for given settings only changes with data/ (the census's starting levels):
# computed once per setting and state of data/, not again when a slider comes back to it.
_simulate = data.per_data_state(wear.simulate)


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
    gap = _moves(first["gap_levels"], last["gap_levels"], ".2f", " levels")
    obsolete = _moves(first["obsolete"], last["obsolete"], ".1f", "%")
    frontier = _moves(first["international"], last["international"], ".1f", "%")
    if verdict == "widens":
        return (
            f"Renovating {r} of the equipment a year cannot offset {d} obsolescence: the gap to "
            f"the frontier {gap.replace('rises', 'widens')} {span}, and the obsolete share "
            f"{obsolete}."
        )
    if verdict == "holds":
        return f"Renovation ({r}) just compensates obsolescence ({d}): " + _holds(first, last, span)
    return (
        f"Renovating {r} a year outpaces {d} obsolescence: the gap to the frontier "
        f"{gap.replace('falls', 'narrows')} {span}, and the share at the international level "
        f"{frontier}."
    )


def _moves(before: float, after: float, fmt: str, unit: str) -> str:
    """'rises from 31.3% to 39.0%', 'falls from ...', or 'stays at 31.3%' when both read alike."""
    a, b = f"{before:{fmt}}", f"{after:{fmt}}"
    if a == b:
        return f"stays at {a}{unit}"
    first = a if unit.startswith(" ") else a + unit  # '2.14 to 2.89 levels', '31.3% to 58.9%'
    return f"{'rises' if after > before else 'falls'} from {first} to {b}{unit}"


def _holds(first, last, span: str) -> str:
    """The mean gap holds; say whether the distribution around it changes, and how."""
    mean = f"the mean gap stays at {first['gap_levels']:.2f} levels {span}"
    obsolete = _moves(first["obsolete"], last["obsolete"], ".1f", "%")
    frontier = _moves(first["international"], last["international"], ".1f", "%")
    if all(f"{first[level]:.1f}" == f"{last[level]:.1f}" for level in wear.LEVELS):
        return (
            f"{mean}, and so does the share of every level (obsolete {obsolete[9:]}, at the "
            f"frontier {frontier[9:]})."
        )
    if obsolete.startswith("rises") and frontier.startswith("rises"):
        return (
            f"{mean}, though the equipment spreads out: the obsolete share {obsolete} and the "
            f"share at the frontier {frontier}."
        )
    return f"{mean}; the obsolete share {obsolete} and the share at the frontier {frontier}."


def capacity_sentence(s: dict, path) -> str:
    """With new capacity: the gap's path and where it settles, e + (δ − r) / g."""
    first, last = path["gap_levels"].iloc[0], path["gap_levels"].iloc[-1]
    settle = wear.steady_gap(s["renovation"], s["obsolescence"], s["growth"], s["new_level"])
    return (
        f"With renovation {s['renovation']:.1%}, obsolescence {s['obsolescence']:.1%} and new "
        f"capacity of {s['growth']:.1%} of the stock a year at {s['new_level']} level(s) behind "
        f"the frontier, the gap goes from {first:.2f} to {last:.2f} levels in {s['years']} years "
        f"and settles at e + (δ − r) / g = {settle:.2f} levels: what new capacity embodies sets "
        "the level."
    )


def capacity_title(s: dict) -> str:
    settle = wear.steady_gap(s["renovation"], s["obsolescence"], s["growth"], s["new_level"])
    return f"With new capacity the gap settles at {settle:.2f} levels behind the frontier"


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


@data.one_state()  # one look at data/ per redraw
def view(into=None, **settings):
    """The distribution and gap chart and one sentence for the given settings."""
    s, notes = SPEC.read(settings)
    path = _simulate(
        s["renovation"], s["obsolescence"], s["years"], None, s["growth"], s["new_level"]
    )
    if s["growth"] and s["years"]:
        said = notes_sentence(notes) + capacity_sentence(s, path)
        heading = capacity_title(s)
    else:
        said = notes_sentence(notes)
        said += sentence(s["renovation"], s["obsolescence"], s["years"], path)
        heading = title(s["renovation"], s["obsolescence"], s["years"], path)
    fig = plots_wear.wear_paths(
        path,
        s["renovation"],
        s["obsolescence"],
        heading,
        note="; ".join(notes),
        into=into,
    )
    return fig, said


def explorer():
    """Sliders for the renovation rate, the obsolescence rate, the years and new capacity; chart and
    sentence. What new capacity embodies only counts when there is new capacity: greyed out until
    then."""
    return assemble(SPEC, view, enabled_when={"new_level": lambda s: s["growth"] > 0})
