"""The start-here widget: pick a Table 1 series, see it and one sentence about it.

It shows how every widget of the course works: controls -> a plain function (``view``) ->
a chart and a sentence.
"""

from __future__ import annotations

from .. import data, i18n, plots
from ..models import start as model
from ..params import notes_sentence
from ..plots import start as charts
from . import assemble

SPEC = model.PARAMS


@data.one_state()  # one look at data/ per redraw
def view(*args, into=None, **settings):
    """The chart and sentence for one series (``view("foreign")`` or ``view(series="foreign")``);
    an unknown series gets a sentence, not an error."""
    s, notes = SPEC.read({**dict(zip(SPEC, args)), **settings})
    before = i18n.language()  # the switch is for this chart: the notebook keeps its language
    language = plots.set_language("zh" if s["chinese_labels"] else "en")
    frame = model.series_frame(s["series"])
    try:
        fig = charts.table1_series(frame, model.growth(frame), into=into)
    finally:
        i18n.set_language(before)
    sentence = notes_sentence(notes) + model.describe(s["series"])
    if s["chinese_labels"] and language != "zh":
        sentence += i18n.gettext(" (No Chinese font is installed, so the labels stay in English.)")
    return fig, sentence


def explorer():
    """A dropdown of the four series, a Chinese-labels switch, the chart and the sentence."""
    return assemble(SPEC, view, rows=2)
