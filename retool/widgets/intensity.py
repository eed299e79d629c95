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

from .. import data, units
from ..models import intensity as model
from ..params import notes_sentence
from ..plots import intensity as charts
from . import assemble

SPEC = model.PARAMS
WHAT = {"fai_total": "society-wide FAI", "manufacturing_assumed": "manufacturing FAI"}


def settings_of(**settings):
    """The usable settings: (baseline %, its label, denominator, manufacturing share %, notes)."""
    s, notes = SPEC.read(settings)
    if s["preset"] == "free":
        baseline, what = s["value"], "your baseline"
    else:
        baseline, what = model.preset_value(s["preset"]), model.PRESETS[s["preset"]][0]
    share = s["mfg_share"] if s["denominator"] == "manufacturing_assumed" else None
    return baseline, what, s["denominator"], share, notes


def sentence(baseline, what, denominator, share, table, summary, notes) -> str:
    prefix = notes_sentence(notes)
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
        f"{units.yi(table['counterfactual'].sum())} against Table 1's {units.yi(actual)}"
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
            f": a cumulative shortfall of {units.yi(total)}, "
            f"{summary['cumulative_shortfall_pct_gdp']:.1f}% "
            f"of the period's GDP, or {summary['subsidy_years']:,.0f} years of the "
            f"{units.yi(summary['subsidy_per_year'], 'g')} annual interest subsidy, or "
            f"{summary['subsidised_loan_years']:,.1f} years of the loans it could subsidise "
            f"({summary['loans_per_yuan']:.1f} yuan of loans per yuan, lesson 08)"
        )
    elif total < 0:
        tail = (
            f": Table 1 spends {units.yi(-total)} more than the baseline, so there is no "
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


@data.one_state()  # one look at data/ per redraw
def view(into=None, **settings):
    """The counterfactual chart and one sentence (missing settings use the defaults)."""
    baseline, what, denominator, share, notes = settings_of(**settings)
    table = model.counterfactual_table(baseline, denominator, share)
    summary = model.summary(table)
    note = "; ".join(notes)
    fig = charts.counterfactual(table, summary, baseline, WHAT[denominator], note=note, into=into)
    return fig, sentence(baseline, what, denominator, share, table, summary, notes)


def explorer():
    """Preset menu, free value, denominator and assumed manufacturing share; chart and sentence."""
    box = assemble(
        SPEC,
        view,
        # the assumed share only matters for the manufacturing denominator
        enabled_when={"mfg_share": lambda s: s["denominator"] == "manufacturing_assumed"},
    )
    preset, value = box.children[0].children[0], box.children[1].children[0]

    def preset_to_value(change):
        if change["new"] != "free":
            value.value = model.preset_value(change["new"])

    def value_to_free(change):
        if preset.value != "free" and change["new"] != model.preset_value(preset.value):
            preset.value = "free"

    preset.observe(preset_to_value, names="value")
    value.observe(value_to_free, names="value")
    return box
