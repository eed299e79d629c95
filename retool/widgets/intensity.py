"""Lesson 02 widget: the investment-intensity baseline and the counterfactual shortfall.

Pick a baseline intensity (a preset from the paper or any value) and the investment total it is a
share of. Society-wide fixed-asset investment is data; manufacturing fixed-asset investment is
not, so a manufacturing denominator is built from an assumed share of society-wide FAI that the
learner sets (its default is the share the paper's own 5.20% implies). ``view`` returns the chart
and one sentence: renovation spending 2005-2009 at the baseline, the yearly and cumulative
shortfall against Table 1, as a share of GDP and in years of the 200亿元 interest subsidy.
"""

from __future__ import annotations

import math

from ..models import intensity as model
from ..plots import intensity as charts
from . import assemble

DEFAULTS = {
    "preset": model.DEFAULT_PRESET,
    "value": model.preset_value(model.DEFAULT_PRESET),
    "denominator": model.DEFAULT_DENOMINATOR,
    "mfg_share": round(model.implied_mfg_share_2009(), 1),
}

RANGES = {
    "preset": list(model.PRESETS),
    "value": [0.0, 100.0, 0.1, 5.2, -5.0, 150.0, float("nan")],
    "denominator": list(model.DENOMINATORS),
    "mfg_share": [0.0, 100.0, 1.0, DEFAULTS["mfg_share"], -10.0, 150.0],
}

WHAT = {"fai_total": "society-wide FAI", "manufacturing_assumed": "manufacturing FAI"}


def _number(value, name, low, high, default, notes):
    try:
        x = float(value)
    except (TypeError, ValueError):
        notes.append(f"{name} {value!r} is not a number, so {default:g}% is used")
        return default
    if not math.isfinite(x):
        notes.append(f"{name} must be a finite number, so {default:g}% is used")
        return default
    if x < low or x > high:
        clipped = min(max(x, low), high)
        notes.append(
            f"{name} must lie between {low:g}% and {high:g}%, so {x:g}% is read as {clipped:g}%"
        )
        return clipped
    return x


def settings_of(**settings):
    """The usable settings: (baseline %, its label, denominator, manufacturing share %, notes)."""
    s = {**DEFAULTS, **settings}
    notes: list[str] = []
    preset = s["preset"]
    if preset not in model.PRESETS:
        notes.append(f"{preset!r} is not a preset, so your own value is used")
        preset = "free"
    if preset == "free":
        baseline = _number(s["value"], "the baseline", 0.0, 100.0, DEFAULTS["value"], notes)
        what = "your baseline"
    else:
        baseline = model.preset_value(preset)
        what = model.PRESETS[preset][0]
    denominator = s["denominator"]
    if denominator not in model.DENOMINATORS:
        notes.append(f"{denominator!r} is not a denominator, so society-wide FAI is used")
        denominator = "fai_total"
    share = None
    if denominator == "manufacturing_assumed":
        share = _number(
            s["mfg_share"],
            "the manufacturing share of FAI",
            0.0,
            100.0,
            DEFAULTS["mfg_share"],
            notes,
        )
    return baseline, what, denominator, share, notes


def sentence(baseline, what, denominator, share, table, summary, notes) -> str:
    prefix = "; ".join(notes)
    prefix = prefix[0].upper() + prefix[1:] + ". " if prefix else ""
    base = (
        f"manufacturing FAI, assumed to be {share:g}% of society-wide FAI"
        if denominator == "manufacturing_assumed"
        else "society-wide fixed-asset investment"
    )
    span = f"{summary['first_year']}-{summary['last_year']}"
    total = summary["cumulative_shortfall"]
    actual = table["actual"].sum()
    head = (
        f"At {baseline:g}% of {base} ({what}), renovation spending {span} would have been "
        f"{table['counterfactual'].sum():,.0f}亿元 against Table 1's {actual:,.0f}亿元"
    )
    if denominator == "manufacturing_assumed" and share == 0:
        return (
            prefix
            + head
            + (
                ": with no manufacturing investment assumed, the baseline asks "
                "for nothing, and Table 1 spends more than it."
            )
        )
    if total > 0:
        tail = (
            f": a cumulative shortfall of {total:,.0f}亿元, "
            f"{summary['cumulative_shortfall_pct_gdp']:.1f}% "
            f"of the period's GDP, or {summary['subsidy_years']:,.0f} years of the "
            f"{summary['subsidy_per_year']:g}亿元 annual interest subsidy"
        )
    elif total < 0:
        tail = (
            f": Table 1 spends {-total:,.0f}亿元 more than the baseline, so there is no "
            "shortfall at this intensity"
        )
    else:
        tail = ": exactly what was spent"
    lo, hi = table["actual_intensity_pct"].iloc[[0, -1]]
    own = (
        f" (Table 1's own intensity went from {lo:.1f}% to {hi:.1f}%.)"
        if math.isfinite(lo) and math.isfinite(hi)
        else ""
    )
    return prefix + head + tail + "." + own


def view(**settings):
    """The counterfactual chart and one sentence (missing settings use DEFAULTS)."""
    baseline, what, denominator, share, notes = settings_of(**settings)
    table = model.counterfactual_table(baseline, denominator, share)
    summary = model.summary(table)
    note = "; ".join(notes)
    fig = charts.counterfactual(table, summary, baseline, WHAT[denominator], note=note[:80])
    return fig, sentence(baseline, what, denominator, share, table, summary, notes)


def explorer():
    """Preset menu, free value, denominator and assumed manufacturing share; chart and sentence."""
    import ipywidgets as w

    options = [
        (f"{v[0]} ({model.preset_value(k):g}%)" if v[1] else v[0], k)
        for k, v in model.PRESETS.items()
    ]
    preset = w.Dropdown(
        options=options,
        value=DEFAULTS["preset"],
        description="Baseline",
        layout=w.Layout(width="420px"),
    )
    value = w.FloatSlider(
        value=DEFAULTS["value"],
        min=0,
        max=100,
        step=0.1,
        description="Baseline (%)",
        continuous_update=False,
    )
    denominator = w.Dropdown(
        options=[(v, k) for k, v in model.DENOMINATORS.items()],
        value=DEFAULTS["denominator"],
        description="Share of",
        layout=w.Layout(width="520px"),
    )
    share = w.FloatSlider(
        value=DEFAULTS["mfg_share"],
        min=0,
        max=100,
        step=0.5,
        description="Assumed manufacturing share of FAI (%)",
        continuous_update=False,
        layout=w.Layout(width="520px"),
    )

    def preset_to_value(change):
        if change["new"] != "free":
            value.value = model.preset_value(change["new"])

    def value_to_free(change):
        if preset.value != "free" and change["new"] != model.preset_value(preset.value):
            preset.value = "free"

    preset.observe(preset_to_value, names="value")
    value.observe(value_to_free, names="value")
    return assemble(
        [preset, value, denominator, share],
        ["preset", "value", "denominator", "mfg_share"],
        view,
        # the assumed share only matters for the manufacturing denominator
        enabled_when={"mfg_share": lambda s: s["denominator"] == "manufacturing_assumed"},
    )
