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

from .i18n import LANGUAGES, lazy, use

# Messages of the catalogue: str() gives them in the language in use.
RUN_HINT = lazy("▶ Run this cell to use the controls: the picture shows the default settings.")
QUIZ_HINT = lazy("▶ Run this cell to answer the quiz.")
HINT_PT = 11  # above the house style's smallest text (9 pt), so a projector shows it too
HINT_COLOUR = (51, 51, 51)
BAND_LINES = 2.2  # the band above the chart, in lines of the hint's text


def hint_texts(hint: lazy) -> frozenset[str]:
    """The hint as every edition stores it: a notebook keeps the words of its own language."""
    found = set()
    for lang in LANGUAGES:
        with use(lang):
            found.add(str(hint))
    return frozenset(found)


def still_png(figure, hint: str = RUN_HINT) -> bytes:
    """The figure as PNG under a band with the hint (the figure itself is not changed).

    One render of the chart, as the figure is sized (the house style fits it to the notebook's
    column); the band is drawn with Pillow, which matplotlib already depends on, rather than by
    a second, tight-cropped render: that would double the time a widget takes to appear."""
    from matplotlib import font_manager
    from PIL import Image, ImageDraw, ImageFont

    hint, family = _hint_and_font(hint)
    chart = _chart_pixels(figure)
    size = round(HINT_PT * figure.dpi / 72)
    props = font_manager.FontProperties(family=family, style="italic")
    font = ImageFont.truetype(font_manager.findfont(props), size)
    band = round(size * BAND_LINES)
    still = Image.new("RGB", (chart.width, chart.height + band), "white")
    still.paste(chart, (0, band))
    ImageDraw.Draw(still).text(
        (size // 2, band // 2), hint, fill=HINT_COLOUR, font=font, anchor="lm"
    )
    out = io.BytesIO()
    still.save(out, format="PNG", optimize=False)  # Pillow adds no time or version stamp
    return out.getvalue()


def _chart_pixels(figure):
    """The chart as an RGB image: the pixels of its Agg canvas (what savefig writes at the
    figure's dpi), drawn again only if the figure changed since its last draw. A widget's
    figure has just been drawn for its display, so its still costs no second render."""
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    if not isinstance(figure.canvas, FigureCanvasAgg):
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=figure.dpi)
        buffer.seek(0)
        return Image.open(buffer).convert("RGB")
    if figure.stale:
        figure.canvas.draw()
    return Image.fromarray(np.asarray(figure.canvas.buffer_rgba())).convert("RGB")


def _hint_and_font(hint) -> tuple[str, str]:
    """The hint in the language in use and a font that has its glyphs: a Chinese hint needs a
    CJK font; without one the picture keeps the English hint (never boxes for glyphs)."""
    shown = str(hint)
    if all(ord(c) < 0x2E80 for c in shown):  # no CJK character (▶ is in DejaVu Sans)
        return shown, "DejaVu Sans"
    from .plots import cjk_font

    font = cjk_font()
    return (shown, font) if font else (str.__str__(hint), "DejaVu Sans")


def with_still(box, figure_of=None, text_html: str | None = None, hint: str = RUN_HINT):
    """Give ``box`` (the widget a lesson displays) a still in its display: the PNG of the figure
    ``figure_of()`` returns, or ``text_html`` for a widget without a chart. Returns ``box``."""
    plain = box._repr_mimebundle_

    def _repr_mimebundle_(self, **kwargs):
        data = dict(plain(**kwargs))
        data["text/plain"] = str(hint)
        if figure_of is not None:
            data["image/png"] = base64.b64encode(still_png(figure_of(), hint)).decode("ascii")
        if text_html is not None:
            data["text/html"] = f"<p><i>{html.escape(str(hint))}</i></p>\n{text_html}"

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
