"""Lesson 06 widget: market power, share of the gain, risk of a sunk investment → who renovates.

``view(**settings)`` takes, for the state-owned enterprise (``soe_``) and the private firm
(``private_``), the market power, the decision maker's share of the gain and the probability that
the investment is sunk (all between 0 and 1), runs the course's teaching model
(:mod:`retool.models.incentives`) and returns the chart and one sentence. ``explorer()`` wraps it
in six sliders. Values outside 0-1 give a sentence saying so, never a traceback.
"""

from __future__ import annotations

from ..models import incentives
from ..plots import incentives as plots_incentives
from . import assemble

DEFAULTS = {
    f"{firm}_{key}": value for firm, s in incentives.FIRMS.items() for key, value in s.items()
}
RANGES = {key: sorted({0.0, 0.5, 1.0, value}) for key, value in DEFAULTS.items()}
_NAMES = {"soe": "the SOE", "private": "the private firm"}


def _settings(**settings):
    s = {**DEFAULTS, **settings}
    problems = []
    out = {}
    for firm in incentives.FIRMS:
        out[firm] = {}
        for key in incentives.SETTINGS:
            name = f"{firm}_{key}"
            what = f"{incentives.SETTING_LABELS[key]} of {_NAMES[firm]}"
            try:
                out[firm][key] = incentives.clean_share(s[name], what)
            except ValueError as exc:
                problems.append(str(exc))
                out[firm][key] = DEFAULTS[name]
    return out, problems


def _clause(firm: str, s: dict) -> str:
    gain = incentives.decision_gain(**s)
    if gain > 0:
        return f"{_NAMES[firm]} renovates (its decision maker nets {gain:+.2f} × the cost)"
    return f"{_NAMES[firm]} does not ({incentives.reason(**s)}; net {gain:+.2f} × the cost)"


def sentence(settings: dict) -> str:
    soe, private = settings["soe"], settings["private"]
    a, b = incentives.renovates(**soe), incentives.renovates(**private)
    if not a and not b:
        same = incentives.reason(**soe) == incentives.reason(**private)
        lead = f"Both under-invest, for {'the same reason' if same else 'different reasons'}: "
    elif a and b:
        lead = "Both renovate: "
    else:
        lead = "Only one renovates: "
    text = lead + _clause("soe", soe) + "; " + _clause("private", private) + "."
    return text[0].upper() + text[1:]


def title(settings: dict) -> str:
    a = incentives.renovates(**settings["soe"])
    b = incentives.renovates(**settings["private"])
    if not a and not b:
        return "Neither the SOE nor the private firm renovates"
    if a and b:
        return "Both the SOE and the private firm renovate"
    return "Only the SOE renovates" if a else "Only the private firm renovates"


def view(**settings):
    """The decision chart and one sentence for the given settings (missing ones use DEFAULTS)."""
    s, problems = _settings(**settings)
    said = sentence(s)
    note = ""
    if problems:
        text = "; ".join(problems)
        said = text[0].upper() + text[1:] + ", so the default is used. " + said
        note = "Setting not usable:\ndefault used"
    fig = plots_incentives.decision_chart(s, title(s), note=note)
    return fig, said


def explorer():
    """Three sliders for each firm; the chart and the sentence below."""
    import ipywidgets as w

    short = {"market_power": "market power", "share": "share of the gain", "p_sunk": "P(sunk)"}
    controls, names = [], []
    for firm, (en, _) in incentives.FIRM_LABELS.items():
        for key in incentives.SETTINGS:
            name = f"{firm}_{key}"
            controls.append(
                w.FloatSlider(
                    value=DEFAULTS[name],
                    min=0,
                    max=1,
                    step=0.05,
                    description=f"{en}: {short[key]}",
                    continuous_update=False,
                    readout_format=".2f",
                )
            )
            names.append(name)
    return assemble(controls, names, view, rows=3)
