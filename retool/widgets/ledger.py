"""Lesson 09's filter: the claims ledger by section and verdict (chart, sentence and table)."""

from __future__ import annotations

from ..models import ledger
from ..plots import ledger as ledger_plots
from ..plots.memo import per_data_state
from . import show

# The tally only changes with data/: computed once per state of data/, not on every redraw.
_tally = per_data_state(ledger.tally)
_sections = per_data_state(ledger.sections)
_describe = per_data_state(ledger.describe)

DEFAULTS = {"section": "all", "verdict": "all"}


def _ranges() -> dict:
    return {
        "section": ["all", *ledger.sections(), "no such section"],
        "verdict": ["all", *ledger.VERDICTS, "no such verdict"],
    }


RANGES = _ranges()


def view(**settings):
    """The chart of the filtered ledger and one sentence (never raises)."""
    s = {**DEFAULTS, **settings}
    section, verdict = str(s["section"]), str(s["verdict"])
    sentence = _describe(section, verdict)
    sections = _sections()
    known = section in ("all", *sections) and verdict in ("all", *ledger.VERDICTS)
    note = "" if known else "unknown filter: showing the whole ledger"
    if section in [ledger.section_code(x) for x in sections]:
        section = next(x for x in sections if ledger.section_code(x) == section)
        known, note = True, ""
    if not known:
        section, verdict = "all", "all"
    fig = ledger_plots.ledger_by_section(_tally(), section=section, verdict=verdict, note=note)
    return fig, sentence


def table(section: str = "all", verdict: str = "all"):
    """The filtered ledger's rows, as the lesson shows them."""
    cols = ["claim_id", "section", "line", "printed", "recomputed", "verdict"]
    return ledger.filter_ledger(section, verdict)[cols]


def explorer():
    """Two dropdowns; the chart, the sentence and the matching claims follow."""
    import ipywidgets as w

    style = {"description_width": "initial"}
    section = w.Dropdown(
        options=RANGES["section"][:-1], value="all", description="Section", style=style
    )
    verdict = w.Dropdown(
        options=RANGES["verdict"][:-1], value="all", description="Verdict", style=style
    )
    out, sentence, rows = w.Output(), w.HTML(), w.HTML()

    def redraw(_=None):
        fig, text = view(section=section.value, verdict=verdict.value)
        show(out, sentence, fig, text)
        rows.value = table(section.value, verdict.value).to_html(
            index=False, na_rep="", float_format=lambda v: f"{v:.4g}"
        )

    for control in (section, verdict):
        control.observe(redraw, names="value")
    redraw()
    return w.VBox([w.HBox([section, verdict]), sentence, out, rows])
