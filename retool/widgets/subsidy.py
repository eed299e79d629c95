"""Lesson 08's widget: budget, lending rate, share of interest covered -> loans supported."""

from __future__ import annotations

from .. import data
from ..models import subsidy
from ..params import notes_sentence
from ..plots import subsidy as subsidy_plots
from . import assemble

SPEC = subsidy.PARAMS


@data.one_state()  # one look at data/ per redraw
def view(into=None, **settings):
    """The chart and one sentence for the settings (missing ones fall back to the defaults)."""
    s, notes = SPEC.read(settings)
    b, r, sh = s["budget"], s["rate_pct"], s["share_pct"]
    fig = subsidy_plots.leverage_bars(b, r, sh, note="; ".join(notes), into=into)
    said = subsidy.describe(b, r, sh)
    if not subsidy.check(b, r, sh):
        said += subsidy.hurdle_sentence(r, sh, s["depreciation_pct"])
    return fig, notes_sentence(notes) + said


def explorer():
    """Sliders for the three settings; the chart and sentence follow."""
    return assemble(SPEC, view)
