"""Lesson 01 widget: growth of the Table 1 series between any two years.

``view(base=2005, end=2009, series="all")`` returns the chart and one sentence; ``explorer()``
wraps it in controls. Years outside Table 1, an end year before the base year, or equal years give
a sentence saying so, never a traceback.
"""

from __future__ import annotations

from .. import data
from ..models import scale as model
from ..params import notes_sentence
from ..plots import scale as charts
from . import assemble

SPEC = model.PARAMS


@data.one_state()  # one look at data/ per redraw
def view(into=None, **settings):
    """The index chart and one sentence for the given settings (missing ones use the defaults)."""
    s, notes = SPEC.read(settings)
    frame = model.index_frame(s["base"], s["end"], s["series"])
    fig = charts.index_chart(
        frame, s["base"], s["end"], model.title(**s), note="; ".join(notes), into=into
    )
    return fig, notes_sentence(notes) + model.sentence(**s)


def explorer():
    """Sliders for the base and end year, a menu for the series; chart and sentence below."""
    return assemble(SPEC, view)
