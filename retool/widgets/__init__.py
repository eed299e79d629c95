"""Thin ipywidgets wrappers: widget -> models -> plots (one module per lesson topic), and
:func:`quiz_widget`, which shows a quiz of :mod:`retool.exercises`.

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

# A slider's track must stay long enough to drag: at least SLIDER_TRACK_PX, and STEP_PX a step
# up to TRACK_MAX_PX (a 25-step slider gets 300 px). The sliders of one widget share one label
# width (about CHAR_PX a Latin character in JupyterLab's font), so their tracks start at the same
# x, and one track length, so they end at the same x too.
SLIDER_TRACK_PX = 220
STEP_PX = 12
TRACK_MAX_PX = 320
READOUT_PX = 90
CHAR_PX = 8
SLIDERS = ("FloatSlider", "IntSlider", "FloatRangeSlider", "IntRangeSlider")


def _steps(control) -> int:
    return round((control.max - control.min) / control.step) if control.step else 0


def fit_sliders(controls) -> None:
    """Give the sliders among ``controls`` one label width and one track length, long enough
    for their steps: their tracks are aligned and each can be dragged step by step."""
    from ..plots import text_width

    sliders = [c for c in controls if type(c).__name__ in SLIDERS]
    if not sliders:
        return
    label = max(CHAR_PX * text_width(c.description or "") for c in sliders)
    track = max(min(TRACK_MAX_PX, max(SLIDER_TRACK_PX, STEP_PX * _steps(c))) for c in sliders)
    for c in sliders:
        c.style.description_width = f"{label}px"
        width = f"{label + track + READOUT_PX}px"
        c.layout.width = width
        c.layout.min_width = width


def fit_slider(control) -> None:
    """Size one slider so that its track stays long enough to drag next to its label."""
    fit_sliders([control])


def choices_control(param):
    """A setting of several options as a row of checkboxes, one per option, each attached to
    its own label (a list box would hide options and need Ctrl-click to choose several)."""
    import ipywidgets as w
    import traitlets

    class Choices(w.HBox):
        """Checkboxes whose ``value`` is the tuple of the ticked options' keys, in order."""

        value = traitlets.Tuple()
        description = traitlets.Unicode()

        def __init__(self, options: dict, value, description: str):
            self.boxes = {
                key: w.Checkbox(
                    value=key in value,
                    description=str(label),
                    indent=False,
                    # room after each box's label, so that a box reads with the label on its
                    # right and not with the previous one's
                    layout=w.Layout(width="auto", margin="2px 22px 2px 0"),
                )
                for key, label in options.items()
            }
            title = w.Label(f"{description}:", layout=w.Layout(margin="2px 14px 2px 0"))
            super().__init__([title, *self.boxes.values()], layout=w.Layout(flex_flow="row wrap"))
            self.description = description
            self.value = tuple(k for k in options if k in value)
            for box in self.boxes.values():
                box.observe(self._ticked, names="value")
            self.observe(self._set, names="value")

        def _ticked(self, _):
            self.value = tuple(k for k, b in self.boxes.items() if b.value)

        def _set(self, change):
            for key, box in self.boxes.items():
                box.value = key in change["new"]

    return Choices(param.choices(), tuple(param.default_value()), str(param.description))


def assemble(spec, view_function, rows=None, enabled_when=None, controls=None, names=None):
    """Controls on top, the chart below them, the sentence under the chart (a sentence that
    wraps to more lines never moves the chart); every change calls ``view_function``.

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
        if hasattr(getattr(c, "style", None), "description_width"):
            c.style.description_width = "initial"
        c.observe(redraw, names="value")
    fit_sliders(controls)
    redraw()
    per_row = rows or 1
    wrap = w.Layout(flex_flow="row wrap")
    boxes = [
        w.HBox(controls[i : i + per_row], layout=wrap) for i in range(0, len(controls), per_row)
    ]
    return with_still(w.VBox([*boxes, out, text]), lambda: last["fig"])


def show(out, text, fig, sentence: str) -> None:
    """Put the figure in the Output widget and the sentence in the HTML widget."""
    from IPython.display import display

    text.value = f"<p style='font-size:1.05em'>{html.escape(sentence)}</p>"
    with out:
        out.clear_output(wait=True)
        display(fig)


def quiz_widget(questions):
    """Each question of a quiz with its options as radio buttons, a check button and the feedback.

    A question is anything with ``qid``, ``prompt``, ``options`` (letter -> (text, why)) and
    ``feedback_html(letter or None)``, as the quizzes of :mod:`retool.exercises` have (this layer
    imports nothing from there)."""
    import ipywidgets as w

    from ..still import QUIZ_HINT, questions_html

    boxes = []
    for q in questions:
        choice = w.RadioButtons(
            options=[(f"({k}) {text}", k) for k, (text, _) in q.options.items()],
            value=None,
            layout=w.Layout(width="auto"),
        )
        button = w.Button(description="Check", button_style="info")
        answer = w.HTML()

        def on_click(_, q=q, choice=choice, answer=answer):
            answer.value = q.feedback_html(choice.value)

        button.on_click(on_click)
        boxes.append(w.VBox([w.HTML(f"<b>{q.qid}.</b> {q.prompt}"), choice, button, answer]))
    return with_still(w.VBox(boxes), text_html=questions_html(questions), hint=QUIZ_HINT)
