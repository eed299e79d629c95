"""Lesson 04 widget: renovation rate against obsolescence rate → the gap to the technology frontier.

``view(renovation=0.05, obsolescence=0.10, years=15)`` runs the course's teaching model
(:mod:`retool.models.wear`) from the paper's equipment levels and returns the chart and one
sentence; ``explorer()`` wraps it in sliders. Rates outside 0-100%, a negative or fractional number
of years give a chart with a note and a sentence saying what is wrong, never a traceback.
"""

from __future__ import annotations

from .. import data
from ..i18n import _, ngettext
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
        return _(
            "With 0 years simulated the chart shows the census's distribution (a gap of {gap} "
            "levels); choose at least one year to see wear and renovation."
        ).format(gap=f"{first['gap_levels']:.2f}")
    span = ngettext("in {n} year", "in {n} years", years).format(n=years)
    if renovation == 0 and obsolescence == 0:
        return _(
            "With neither wear nor renovation nothing moves: the distribution stays as the census "
            "found it."
        )
    verdict = wear.verdict_of(path)
    obsolete = _moves(first["obsolete"], last["obsolete"])[1]
    frontier = _moves(first["international"], last["international"])[1]
    if verdict == "widens":
        return _(
            "Renovating {r} of the equipment a year cannot offset {d} obsolescence: the gap to "
            "the frontier {gap} {span}, and the obsolete share {obsolete}."
        ).format(r=r, d=d, gap=_gap_moves(first, last), span=span, obsolete=obsolete)
    if verdict == "holds":
        return _("Renovation ({r}) just compensates obsolescence ({d}): {rest}").format(
            r=r, d=d, rest=_holds(first, last, span)
        )
    return _(
        "Renovating {r} a year outpaces {d} obsolescence: the gap to the frontier {gap} {span}, "
        "and the share at the international level {frontier}."
    ).format(r=r, d=d, gap=_gap_moves(first, last), span=span, frontier=frontier)


def _moves(before: float, after: float) -> tuple[str, str]:
    """A share's change: ('rises', 'rises from 31.3% to 39.0%'), ('falls', ...), or
    ('stays', 'stays at 31.3%') when both read alike at one decimal."""
    a, b = f"{before:.1f}%", f"{after:.1f}%"
    if a == b:
        return "stays", _("stays at {value}").format(value=a)
    if after > before:
        return "rises", _("rises from {before} to {after}").format(before=a, after=b)
    return "falls", _("falls from {before} to {after}").format(before=a, after=b)


def _gap_moves(first, last) -> str:
    """The gap's change in levels: 'widens from 2.14 to 2.89 levels', 'narrows from ...', or
    'stays at 2.14 levels' when both read alike at two decimals."""
    a, b = f"{first['gap_levels']:.2f}", f"{last['gap_levels']:.2f}"
    if a == b:
        return _("stays at {value} levels").format(value=a)
    if last["gap_levels"] > first["gap_levels"]:
        return _("widens from {before} to {after} levels").format(before=a, after=b)
    return _("narrows from {before} to {after} levels").format(before=a, after=b)


def _holds(first, last, span: str) -> str:
    """The mean gap holds; say whether the distribution around it changes, and how."""
    mean = _("the mean gap stays at {gap} levels {span}").format(
        gap=f"{first['gap_levels']:.2f}", span=span
    )
    obsolete_moves, obsolete = _moves(first["obsolete"], last["obsolete"])
    frontier_moves, frontier = _moves(first["international"], last["international"])
    if all(f"{first[level]:.1f}" == f"{last[level]:.1f}" for level in wear.LEVELS):
        return _(
            "{mean}, and so does the share of every level (obsolete {obsolete}, at the frontier "
            "{frontier})."
        ).format(
            mean=mean,
            obsolete=f"{first['obsolete']:.1f}%",
            frontier=f"{first['international']:.1f}%",
        )
    if obsolete_moves == "rises" and frontier_moves == "rises":
        return _(
            "{mean}, though the equipment spreads out: the obsolete share {obsolete} and the "
            "share at the frontier {frontier}."
        ).format(mean=mean, obsolete=obsolete, frontier=frontier)
    return _(
        "{mean}; the obsolete share {obsolete} and the share at the frontier {frontier}."
    ).format(mean=mean, obsolete=obsolete, frontier=frontier)


def capacity_sentence(s: dict, path) -> str:
    """With new capacity: the gap's path and where it settles, e + (δ − r) / g."""
    first, last = path["gap_levels"].iloc[0], path["gap_levels"].iloc[-1]
    settle = wear.steady_gap(s["renovation"], s["obsolescence"], s["growth"], s["new_level"])
    return _(
        "With renovation {r}, obsolescence {d} and new capacity of {g} of the stock a year at "
        "{e} level(s) behind the frontier, the gap goes from {first} to {last} levels in {years} "
        "years and settles at e + (δ − r) / g = {settle} levels: what new capacity embodies sets "
        "the level."
    ).format(
        r=f"{s['renovation']:.1%}",
        d=f"{s['obsolescence']:.1%}",
        g=f"{s['growth']:.1%}",
        e=s["new_level"],
        first=f"{first:.2f}",
        last=f"{last:.2f}",
        years=s["years"],
        settle=f"{settle:.2f}",
    )


def capacity_title(s: dict) -> str:
    settle = wear.steady_gap(s["renovation"], s["obsolescence"], s["growth"], s["new_level"])
    return _("With new capacity the gap settles at {settle} levels behind the frontier").format(
        settle=f"{settle:.2f}"
    )


def title(renovation: float, obsolescence: float, years: int, path) -> str:
    if years == 0:
        return _(
            "The census's starting point: most equipment is two or more levels behind the frontier"
        )
    change = path["gap_index"].iloc[-1] - 100
    verdict = wear.verdict_of(path)
    if verdict == "widens":
        return _(
            "Renovation short of obsolescence: the gap widens by {change}% in {years} years"
        ).format(change=f"{change:.0f}", years=years)
    if verdict == "holds":
        return _("Renovation equal to obsolescence holds the mean gap where it is")
    return _("Renovation above obsolescence: the gap narrows by {change}% in {years} years").format(
        change=f"{-change:.0f}", years=years
    )


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
