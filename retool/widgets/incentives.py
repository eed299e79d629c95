"""Lesson 06 widget: market power, share of the gain, risk of a sunk investment → who renovates.

``view(**settings)`` takes, for the state-owned enterprise (``soe_``) and the private firm
(``private_``), the market power, the decision maker's share of the gain and the probability that
the investment is sunk (all between 0 and 1), runs the course's teaching model
(:mod:`retool.models.incentives`) and returns the chart and one sentence. ``explorer()`` wraps it
in six sliders. Values outside 0-1 give a sentence saying so, never a traceback.
"""

from __future__ import annotations

from .. import data
from ..i18n import _, lazy
from ..models import incentives
from ..params import notes_sentence
from ..plots import incentives as plots_incentives
from . import assemble

SPEC = incentives.PARAMS
_NAMES = {"soe": lazy("the SOE"), "private": lazy("the private firm")}


def _settings(**settings):
    """{firm: {market_power, share, p_sunk}} made usable, and the notes on what was changed."""
    s, notes = SPEC.read(settings)
    firms = {f: {k: s[f"{f}_{k}"] for k in incentives.SETTINGS} for f in incentives.FIRMS}
    firms["private"]["financing"] = s["private_financing"]  # the financing terms of lesson 06
    firms["soe"]["bailout"] = s["soe_bailout"]
    return firms, notes


def _clause(firm: str, s: dict) -> str:
    gain = incentives.decision_gain(**s)
    if gain > 0:
        return _("{firm} renovates (its decision maker nets {gain} × the cost)").format(
            firm=_NAMES[firm], gain=f"{gain:+.2f}"
        )
    return _("{firm} does not ({reason}; net {gain} × the cost)").format(
        firm=_NAMES[firm], reason=incentives.reason(**s), gain=f"{gain:+.2f}"
    )


def sentence(settings: dict) -> str:
    soe, private = settings["soe"], settings["private"]
    a, b = incentives.renovates(**soe), incentives.renovates(**private)
    if not a and not b:
        same = incentives.reason(**soe) == incentives.reason(**private)
        lead = (
            _("Both under-invest, for the same reason: {soe}; {private}.")
            if same
            else _("Both under-invest, for different reasons: {soe}; {private}.")
        )
    elif a and b:
        lead = _("Both renovate: {soe}; {private}.")
    else:
        lead = _("Only one renovates: {soe}; {private}.")
    text = lead.format(soe=_clause("soe", soe), private=_clause("private", private))
    return text[0].upper() + text[1:]


def title(settings: dict) -> str:
    a = incentives.renovates(**settings["soe"])
    b = incentives.renovates(**settings["private"])
    if not a and not b:
        return _("Neither the SOE nor the private firm renovates")
    if a and b:
        return _("Both the SOE and the private firm renovate")
    return _("Only the SOE renovates") if a else _("Only the private firm renovates")


@data.one_state()  # one look at data/ per redraw
def view(into=None, **settings):
    """The decision chart and one sentence for the given settings (missing ones: the defaults)."""
    s, notes = _settings(**settings)
    fig = plots_incentives.decision_chart(s, title(s), note="; ".join(notes), into=into)
    return fig, notes_sentence(notes) + sentence(s)


def explorer():
    """Three sliders for each firm; the chart and the sentence below."""
    return assemble(SPEC, view, rows=3)
