"""The start-here widget: pick a Table 1 series, see it and one sentence about it.

It shows how every widget of the course works: controls -> a plain function (``view``) ->
a chart and a sentence.
"""

from __future__ import annotations

import ipywidgets as w
from IPython.display import display

from .. import data, measures, plots
from ..plots import start as charts

DEFAULTS = {"series": "renovation", "chinese_labels": False}
RANGES = {"series": list(data.SERIES), "chinese_labels": [False, True]}


def describe(series: str) -> str:
    """One sentence on a Table 1 series: start, end, growth, peak."""
    values = data.table1_wide()[series]
    first, last = values.index[0], values.index[-1]
    growth = measures.growth_pct(values.iloc[0], values.iloc[-1])
    peak = int(values.idxmax())
    return (
        f"{data.SERIES[series][1].capitalize()} went from {values.iloc[0]:,.2f}亿元 in {first} "
        f"to {values.iloc[-1]:,.2f}亿元 in {last} ({growth:+.1f}%), with its peak in {peak}."
    )


def view(series: str = DEFAULTS["series"], chinese_labels: bool = False):
    """The chart and sentence for one series; an unknown series gets a sentence, not an error."""
    if series not in data.SERIES:
        note = f"There is no series {series!r} in Table 1; showing {DEFAULTS['series']} instead."
        fig, sentence = view(DEFAULTS["series"], chinese_labels)
        return fig, note + " " + sentence
    language = plots.set_language("zh" if chinese_labels else "en")
    values = data.table1_wide()[series]
    cn, en = data.SERIES[series]
    growth = measures.growth_pct(values.iloc[0], values.iloc[-1])
    title = plots.label(
        f"{en.capitalize()}: {growth:+.1f}% from {values.index[0]} to {values.index[-1]}",
        f"{cn}：{values.index[0]}—{values.index[-1]}年增长{growth:+.1f}%",
    )
    fig = charts.table1_series(values, series, en, cn, title)
    plots.set_language("en")
    sentence = describe(series)
    if chinese_labels and language != "zh":
        sentence += " (No Chinese font is installed, so the labels stay in English.)"
    return fig, sentence


def explorer() -> w.Widget:
    """A dropdown of the four series, a Chinese-labels switch, the chart and the sentence."""
    series = w.Dropdown(
        options=[(f"{en} ({cn})", key) for key, (cn, en) in data.SERIES.items()],
        value=DEFAULTS["series"],
        description="Series",
        style={"description_width": "initial"},
        layout=w.Layout(width="480px"),
    )
    chinese = w.Checkbox(value=False, description="Chinese labels (中文)")
    out = w.Output()
    sentence = w.HTML()

    def redraw(*_):
        fig, text = view(series.value, chinese.value)
        sentence.value = f"<p><b>{text}</b></p>"
        with out:
            out.clear_output(wait=True)
            display(fig)

    series.observe(redraw, names="value")
    chinese.observe(redraw, names="value")
    redraw()
    return w.VBox([w.HBox([series, chinese]), out, sentence])
