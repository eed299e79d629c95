"""Lesson 07's widget: a firm's stages along the chain and the smile's depth -> share of value."""

from __future__ import annotations

from ..models import chain
from ..plots import chain as chain_plots
from . import show

DEFAULTS = {
    # An assembler working for others (the paper's 二.4: 仅仅为跨国公司做代工).
    "stages": chain.DEFAULT_FIRM,
    # Each end adds 3x what assembly adds: the course's assumption (the paper prints no number).
    "depth": chain.DEFAULT_DEPTH,
}

RANGES = {
    "stages": [
        (),
        ("assembly",),
        ("components", "assembly"),
        ("rd", "design"),
        ("marketing", "service"),
        tuple(chain.STAGES),
        ("no such stage",),
    ],
    "depth": [0.0, 1.0, 3.0, 6.0, -1.0, float("nan")],
}


def view(**settings):
    """The chart and one sentence for the settings (missing ones fall back to DEFAULTS)."""
    s = {**DEFAULTS, **settings}
    stages, depth = s["stages"], s["depth"]
    sentence = chain.describe(stages, depth)
    unknown = chain.unknown_stages(stages)
    note = ""
    if unknown:
        note = f"Ignored: {', '.join(unknown)} (not a stage of the chain)."
        sentence = f"{sentence} ({note})"
    problem = chain.check_depth(depth)
    if problem:
        note = f"No result: {problem}; showing a flat chain."
    return chain_plots.smile_curve(stages, depth, note=note), sentence


def explorer():
    """Tick the firm's stages, set the smile's depth; the chart and sentence follow."""
    import ipywidgets as w

    boxes = {
        key: w.Checkbox(
            value=key in DEFAULTS["stages"],
            description=en,
            indent=False,
            layout=w.Layout(width="auto"),
        )
        for key, (_, en) in chain.STAGES.items()
    }
    depth = w.FloatSlider(
        value=DEFAULTS["depth"],
        min=0.0,
        max=6.0,
        step=0.25,
        continuous_update=False,
        description="Depth of the smile (ends ÷ assembly)",
        style={"description_width": "initial"},
        layout=w.Layout(width="460px"),
    )
    out, sentence = w.Output(), w.HTML()

    def redraw(_=None):
        stages = tuple(k for k, b in boxes.items() if b.value)
        show(out, sentence, *view(stages=stages, depth=depth.value))

    for control in [*boxes.values(), depth]:
        control.observe(redraw, names="value")
    redraw()
    stage_row = w.HBox(
        [w.Label("The firm's stages:"), *boxes.values()], layout=w.Layout(flex_flow="row wrap")
    )
    return w.VBox([stage_row, depth, sentence, out])
