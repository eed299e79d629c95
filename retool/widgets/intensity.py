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
from ..i18n import N_, _
from ..models import intensity as model
from ..params import notes_sentence
from ..plots import intensity as charts
from . import assemble

SPEC = model.PARAMS
WHAT = {"fai_total": N_("society-wide FAI"), "manufacturing_assumed": N_("manufacturing FAI")}


def settings_of(**settings):
    """The usable settings: (baseline %, its label, denominator, manufacturing share %, notes)."""
    s, notes = SPEC.read(settings)
    if s["preset"] == "free":
        baseline, what = s["value"], _("your baseline")
    else:
        baseline, what = model.preset_value(s["preset"]), model.PRESETS[s["preset"]][0]
    share = s["mfg_share"] if s["denominator"] == "manufacturing_assumed" else None
    return baseline, what, s["denominator"], share, notes


def sentence(baseline, what, denominator, share, table, summary, notes) -> str:
    prefix = notes_sentence(notes)
    base = (
        _("manufacturing FAI, assumed to be {share} of society-wide FAI").format(
            share=f"{share:g}%"
        )
        if denominator == "manufacturing_assumed"
        else _("society-wide fixed-asset investment")
    )
    total = summary["cumulative_shortfall"]
    actual = table["actual"].sum()
    head = _(
        "At {baseline} of {base} ({what}), renovation spending {first}-{last} would have been "
        "{counterfactual} against Table 1's {actual}"
    ).format(
        baseline=f"{baseline:g}%",
        base=base,
        what=what,
        first=summary["first_year"],
        last=summary["last_year"],
        counterfactual=units.money(table["counterfactual"].sum()),
        actual=units.money(actual),
    )
    if denominator == "manufacturing_assumed" and share == 0:
        return prefix + _(
            "{head}: with no manufacturing investment assumed, the baseline asks for nothing, "
            "and Table 1 spends more than it."
        ).format(head=head)
    if total > 0:
        said = _(
            "{head}: a cumulative shortfall of {total}, {pct_gdp} of the period's GDP, or "
            "{subsidy_years} years of the {subsidy} annual interest subsidy, or {loan_years} "
            "years of the loans it could subsidise ({per_yuan} yuan of loans per yuan, lesson 08)."
        ).format(
            head=head,
            total=units.money(total),
            pct_gdp=f"{summary['cumulative_shortfall_pct_gdp']:.1f}%",
            subsidy_years=units.number(summary["subsidy_years"], ",.0f"),
            subsidy=units.money(summary["subsidy_per_year"], "g"),
            loan_years=units.number(summary["subsidised_loan_years"], ",.1f"),
            per_yuan=f"{summary['loans_per_yuan']:.1f}",
        )
    elif total < 0:
        said = _(
            "{head}: Table 1 spends {more} more than the baseline, so there is no shortfall at "
            "this intensity."
        ).format(head=head, more=units.money(-total))
    else:
        said = _("{head}: exactly what was spent.").format(head=head)
    lo, hi = table["actual_intensity_pct"].iloc[[0, -1]]
    if math.isfinite(lo) and math.isfinite(hi):
        said += _(" (Table 1's own intensity went from {first} to {last}.)").format(
            first=f"{lo:.1f}%", last=f"{hi:.1f}%"
        )
    return prefix + said


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
