"""Lesson 03 widget: the rebuilt Figures 2 and 3 for a year range and a universe.

``view(start, end, universe)`` draws both figures with the break between the universes marked,
and says in one sentence what the chosen window shows. An empty window (no data for that
universe in those years) gives a sentence and an empty chart, never a traceback.
"""

from __future__ import annotations

from .. import data
from ..i18n import _
from ..models import sources as model
from ..params import notes_sentence
from ..plots import sources as charts
from ..wording import pgettext
from . import assemble

SPEC = model.PARAMS


def settings_of(**settings):
    """The usable settings: (start, end, universe, notes on what was changed)."""
    s, notes = SPEC.read(settings)
    start, end = s["start"], s["end"]
    if end < start:
        notes.append(
            _("the end year {end} is before the start year {start}, so they are swapped").format(
                end=end, start=start
            )
        )
        start, end = end, start
    return start, end, s["universe"], notes


@data.one_state()  # one look at data/ per redraw
def view(into=None, **settings):
    """Figures 2 and 3 for the settings and one sentence (missing settings use the defaults)."""
    start, end, universe, notes = settings_of(**settings)
    share, ratio = model.window(start, end, universe)
    title = model.title(share, ratio, start, end)
    fig = charts.figures_2_and_3(share, ratio, title, note="; ".join(notes), into=into)
    return fig, notes_sentence(notes) + model.sentence(share, ratio, start, end, universe)


def explorer():
    """A year-range slider and a universe menu; the two figures and a sentence below."""
    import ipywidgets as w

    start, end, universe = SPEC["start"], SPEC["end"], SPEC["universe"]
    years = w.IntRangeSlider(
        value=(start.default_value(), end.default_value()),
        min=start.bounds()[0],
        max=end.bounds()[1],
        description=pgettext("a range of years", "Years"),
        continuous_update=False,
    )

    def view_range(years, universe, into=None):
        return view(start=years[0], end=years[1], universe=universe, into=into)

    return assemble(
        SPEC, view_range, controls=[years, universe.control()], names=["years", "universe"]
    )
