"""Lesson 07's widget: a firm's stages along the chain and the smile's depth -> share of value."""

from __future__ import annotations

from ..models import chain
from ..params import notes_sentence
from ..plots import chain as chain_plots
from ..still import with_still
from . import fit_slider, show

SPEC = chain.PARAMS


def view(into=None, **settings):
    """The chart and one sentence for the settings (missing ones fall back to the defaults)."""
    s, notes = SPEC.read(settings)
    sentence = notes_sentence(notes) + chain.describe(s["stages"], s["depth"])
    fig = chain_plots.smile_curve(s["stages"], s["depth"], note="; ".join(notes), into=into)
    return fig, sentence


def explorer():
    """Tick the firm's stages, set the smile's depth; the chart and sentence follow."""
    import ipywidgets as w

    stages = SPEC["stages"]
    boxes = {
        key: w.Checkbox(
            value=key in stages.default_value(),
            description=label,
            indent=False,
            layout=w.Layout(width="auto"),
        )
        for key, label in stages.choices().items()
    }
    depth = SPEC["depth"].control()
    fit_slider(depth)
    out, sentence, last = w.Output(), w.HTML(), {}

    def redraw(_=None):
        chosen = tuple(k for k, b in boxes.items() if b.value)
        last["fig"], text = view(stages=chosen, depth=depth.value, into=last.get("fig"))
        show(out, sentence, last["fig"], text)

    for control in [*boxes.values(), depth]:
        control.observe(redraw, names="value")
    redraw()
    row = w.HBox(
        [w.Label(f"{stages.label}:"), *boxes.values()], layout=w.Layout(flex_flow="row wrap")
    )
    return with_still(w.VBox([row, depth, sentence, out]), lambda: last["fig"])
