"""What a widget cell shows before it is run: a still picture instead of the widget's repr.

A saved notebook keeps a widget's output as a view of a model that only a running kernel has, so
a lesson opened without running it (in JupyterLab, or on a repository page) would show the
widget's Python repr (``VBox(children=(...``). :func:`with_still` gives the widget's display a
picture of its chart at the default settings, with a line saying to run the cell, and a plain
text line in place of the repr. A running JupyterLab shows the live widget (its view ranks
first); ``python -m retool notebooks`` removes the saved view, so the picture is what remains.
"""

from __future__ import annotations

import base64
import html
import io
import types

RUN_HINT = "▶ Run this cell to use the controls: the picture shows the default settings."
QUIZ_HINT = "▶ Run this cell to answer the quiz."
HINT_PT = 11  # above the house style's smallest text (9 pt), so a projector shows it too
GAP_IN = 0.15  # between the hint and the chart's title, inches


def still_png(figure, hint: str = RUN_HINT) -> bytes:
    """The figure as PNG with the hint drawn above it (the figure is left as it was)."""
    from matplotlib.transforms import ScaledTranslation

    above = figure.transFigure + ScaledTranslation(0, GAP_IN, figure.dpi_scale_trans)
    note = figure.text(
        0.0,
        1.0,
        hint,
        transform=above,
        ha="left",
        va="bottom",
        fontsize=HINT_PT,
        style="italic",
        color="#333333",
    )
    buffer = io.BytesIO()
    try:
        # as the notebook's inline backend saves charts; no version stamp, so bytes stay put
        figure.savefig(buffer, format="png", bbox_inches="tight", metadata={"Software": None})
    finally:
        note.remove()
    return buffer.getvalue()


def with_still(box, figure_of=None, text_html: str | None = None, hint: str = RUN_HINT):
    """Give ``box`` (the widget a lesson displays) a still in its display: the PNG of the figure
    ``figure_of()`` returns, or ``text_html`` for a widget without a chart. Returns ``box``."""
    plain = box._repr_mimebundle_

    def _repr_mimebundle_(self, **kwargs):
        data = dict(plain(**kwargs))
        data["text/plain"] = hint
        if figure_of is not None:
            data["image/png"] = base64.b64encode(still_png(figure_of(), hint)).decode("ascii")
        if text_html is not None:
            data["text/html"] = f"<p><i>{html.escape(hint)}</i></p>\n{text_html}"
        return data

    box._repr_mimebundle_ = types.MethodType(_repr_mimebundle_, box)
    return box


def questions_html(questions) -> str:
    """A quiz's questions and options as HTML: its still, readable before the cell is run."""
    items = []
    for q in questions:
        options = "".join(
            f"<li>({html.escape(k)}) {html.escape(text)}</li>" for k, (text, _) in q.options.items()
        )
        prompt = f"<b>{html.escape(q.qid)}.</b> {html.escape(q.prompt)}"
        items.append(f"<p>{prompt}</p><ul>{options}</ul>")
    return "\n".join(items)
