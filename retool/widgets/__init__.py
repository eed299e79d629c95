"""Thin ipywidgets wrappers: widget -> models -> plots (one module per lesson topic).

Each module has ``SPEC`` (its model's :class:`retool.params.Spec`: every setting declared once),
``view(**settings) -> (Figure, sentence)``, the pure redraw that tests and the benchmark call, and
``explorer()``, which returns the widget a lesson displays, built with :func:`assemble` from the
spec's controls so that every lesson's controls look and behave alike. An explorer redraws with
``view(into=<the figure of its last redraw>, **settings)``: the chart is drawn again into the same
figure, which keeps its renderer's cache of text sizes and, mostly, its layout. The widget's display
also carries a still of its default chart (:mod:`retool.still`) for a notebook opened unrun."""

from __future__ import annotations

import html

from ..still import with_still

# A slider's track must stay long enough to drag, however long its description: the slider is
# as wide as its label (about 8 px a Latin character in JupyterLab's font), a track of at least
# SLIDER_TRACK_PX and its readout, and never narrower than SLIDER_MIN_PX.
SLIDER_MIN_PX = 520
SLIDER_TRACK_PX = 220
READOUT_PX = 90
CHAR_PX = 8


def fit_slider(control) -> None:
    """Size a slider so that its track stays long enough to drag next to its label."""
    from ..plots import text_width

    control.style.description_width = "initial"
    label = CHAR_PX * text_width(control.description or "")
    width = f"{max(SLIDER_MIN_PX, label + SLIDER_TRACK_PX + READOUT_PX)}px"
    control.layout.width = width
    control.layout.min_width = width


def assemble(spec, view_function, rows=None, enabled_when=None, controls=None, names=None):
    """Controls on top, the sentence and the chart below; every change calls ``view_function``.

    The controls are the ``spec``'s, named as its settings, unless ``controls`` and ``names`` are
    given (a control that stands for several settings, such as a range slider).

    ``rows``: how many controls per row (default: one per row). ``enabled_when``: a dict
    ``{name: predicate(settings)}``; a control whose predicate is false is greyed out, because
    the current settings do not use it.
    """
    import ipywidgets as w

    controls = controls if controls is not None else spec.controls()
    names = names if names is not None else list(spec)
    out = w.Output()
    text = w.HTML()
    last = {}  # the figure of the last redraw, drawn into again
    enabled_when = enabled_when or {}

    def settings():
        return {n: c.value for n, c in zip(names, controls)}

    def redraw(*_):
        current = settings()
        for n, c in zip(names, controls):
            if n in enabled_when:
                c.disabled = not enabled_when[n](current)
        fig, sentence = view_function(**current, into=last.get("fig"))
        last["fig"] = fig
        show(out, text, fig, sentence)

    for c in controls:
        c.style.description_width = "initial"
        if isinstance(c, (w.FloatSlider, w.IntSlider, w.FloatRangeSlider, w.IntRangeSlider)):
            fit_slider(c)
        c.observe(redraw, names="value")
    redraw()
    per_row = rows or 1
    wrap = w.Layout(flex_flow="row wrap")
    boxes = [
        w.HBox(controls[i : i + per_row], layout=wrap) for i in range(0, len(controls), per_row)
    ]
    return with_still(w.VBox([*boxes, text, out]), lambda: last["fig"])


def show(out, text, fig, sentence: str) -> None:
    """Put the figure in the Output widget and the sentence in the HTML widget."""
    from IPython.display import display

    text.value = f"<p style='font-size:1.05em'>{html.escape(sentence)}</p>"
    with out:
        out.clear_output(wait=True)
        display(fig)
