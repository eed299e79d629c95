"""Lesson 09's filter: the claims ledger by section and verdict (chart, sentence and table)."""

from __future__ import annotations

from .. import claims, data, i18n
from ..models import ledger
from ..params import notes_sentence
from ..plots import ledger as ledger_plots
from ..still import with_still
from ..wording import translated
from . import show

SPEC = ledger.PARAMS
# The tally only changes with data/: computed once per state of data/, not on every redraw.
_tally = data.per_data_state(ledger.tally)
# The sentence is kept per language too: a language switched in the kernel gets its own.
_describe_in = data.per_data_state(lambda section, verdict, lang: ledger.describe(section, verdict))


def _describe(section, verdict):
    return _describe_in(section, verdict, i18n.language())


@data.one_state()  # one look at data/ per redraw
def view(into=None, **settings):
    """The chart of the filtered ledger and one sentence (never raises)."""
    if "section" in settings:  # 'I.2' names the section '一.2'
        settings = {**settings, "section": ledger.section_of(settings["section"])}
    s, notes = SPEC.read(settings)
    sentence = notes_sentence(notes) + _describe(s["section"], s["verdict"])
    fig = ledger_plots.ledger_by_section(_tally(), note="; ".join(notes), into=into, **s)
    return fig, sentence


def table(section: str = "all", verdict: str = "all"):
    """The filtered ledger's rows, as the lesson shows them (headers and verdicts in the language
    in use)."""
    cols = ["claim_id", "section", "line", "printed", "recomputed", "verdict"]
    rows = ledger.filter_ledger(section, verdict)[cols]
    rows = rows.assign(verdict=[ledger.verdict_name(v) for v in rows["verdict"]])
    return rows.rename(columns={c: translated(claims.REPORT_COLUMNS[c]) for c in cols})


def explorer():
    """Two dropdowns; the chart, the sentence and the matching claims follow."""
    import ipywidgets as w

    section, verdict = SPEC.controls()
    for control in (section, verdict):
        control.style.description_width = "initial"
    out, sentence, rows, last = w.Output(), w.HTML(), w.HTML(), {}

    def redraw(_=None):
        fig, text = view(section=section.value, verdict=verdict.value, into=last.get("fig"))
        last["fig"] = fig
        show(out, sentence, fig, text)
        rows.value = table(section.value, verdict.value).to_html(
            index=False, na_rep="", float_format=lambda v: f"{v:.4g}"
        )

    for control in (section, verdict):
        control.observe(redraw, names="value")
    redraw()
    box = w.VBox([w.HBox([section, verdict]), out, sentence, rows])
    return with_still(box, lambda: last["fig"])
