"""Lesson 07's widget: a firm's stages along the chain and the smile's depth -> share of value."""

from __future__ import annotations

from .. import data
from ..models import chain
from ..params import notes_sentence
from ..plots import chain as chain_plots
from ..still import with_still
from . import fit_slider, show

SPEC = chain.PARAMS


@data.one_state()  # one look at data/ per redraw
def view(into=None, **settings):
    """The chart and one sentence for the settings (missing ones fall back to the defaults)."""
    s, notes = SPEC.read(settings)
    sentence = notes_sentence(notes) + chain.describe(s["stages"], s["depth"])
    fig = chain_plots.smile_curve(s["stages"], s["depth"], note="; ".join(notes), into=into)
    return fig, sentence


def explorer():
    """Tick the firm's stages, set the smile's depth; the chart and sentence follow."""
    import ipywidgets as w

    stages = SPEC["stages"].control()
    depth = SPEC["depth"].control()
    fit_slider(depth)
    out, sentence, last = w.Output(), w.HTML(), {}

    def redraw(_=None):
        last["fig"], text = view(stages=stages.value, depth=depth.value, into=last.get("fig"))
        show(out, sentence, last["fig"], text)

    for control in (stages, depth):
        control.observe(redraw, names="value")
    redraw()
    # the chart under the controls, the sentence under the chart: a longer sentence never
    # moves the chart
    return with_still(w.VBox([stages, depth, out, sentence]), lambda: last["fig"])
