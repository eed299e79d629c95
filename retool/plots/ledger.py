"""Lesson 09's chart: the claims ledger by section of the paper and verdict."""

from __future__ import annotations

import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.colors import to_rgba
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from .. import i18n
from ..i18n import N_
from ..models import ledger
from . import PALETTE, _, clear_notes, drawn_as, figure, finish, language, note_box, translated

VERDICT_COLOURS = {
    "rebuilt": PALETTE["green"],
    "arithmetic": PALETTE["blue"],
    "not decisive": PALETTE["sky"],
    "read back": PALETTE["purple"],
    "in the text": PALETTE["yellow"],
    "not reproducible": PALETTE["orange"],
    "contradicted": PALETTE["vermillion"],
    "stated only": PALETTE["grey"],
}
VERDICT_PHRASES = {
    "rebuilt": N_("are rebuilt from independent data"),
    "arithmetic": N_("are arithmetic on its own numbers"),
    "not decisive": N_("are consistent but not decisive"),
    "read back": N_("are read back from its tables"),
    "in the text": N_("are checkable in the text"),
    "not reproducible": N_("cannot be reproduced"),
    "contradicted": N_("are contradicted"),
    "stated only": N_("are stated only"),
}
SOURCE = N_("data/paper_claims.csv (every number of the paper's text) and the course's audit")


def _title(t, section: str, verdict: str) -> str:
    totals = t.sum()
    n = int(totals.sum())
    where = ""
    if section != "all":
        # the paper's own numbering (一.2) in Chinese, its ASCII form (I.2) in English
        code = section if language() == "zh" else ledger.section_code(section)
        where = _("Section {code}: ").format(code=code)
        totals = t.loc[section] if section in t.index else totals * 0
    k = int(totals.sum())
    if verdict in ledger.VERDICTS:
        m = int(totals.get(verdict, 0))
        phrase = translated(VERDICT_PHRASES[verdict])
        if where:
            return where + _("{m} of its {k} numbers {phrase}").format(m=m, k=k, phrase=phrase)
        return _("{m} of the paper's {n} numbers {phrase}").format(m=m, n=n, phrase=phrase)
    rebuilt = int(sum(totals.get(v, 0) for v in ledger.REBUILT))
    trouble = int(sum(totals.get(v, 0) for v in ledger.TROUBLE))
    return where + _(
        "of {k} numbers, {rebuilt} rebuilt from independent data; "
        "{trouble} not reproducible or contradicted"
    ).format(k=k, rebuilt=rebuilt, trouble=trouble)


def ledger_by_section(
    tally=None, section: str = "all", verdict: str = "all", note: str = "", into=None
):
    """Stacked bars: how many claims each section makes, coloured by verdict.

    ``tally`` is :func:`retool.models.ledger.tally`; ``section`` (as in the ledger, e.g. '一.2')
    and ``verdict`` pick what stays in full colour, the rest is drawn faintly. Drawn into a
    figure that holds this chart for the same tally, only the colours, the note and the title
    change (the contract tests check that this draws, pixel for pixel, what a new figure draws).
    """
    t = ledger.tally() if tally is None else tally
    rects, colours, left = _segments(t, section, verdict)
    shape = ("ledger_by_section", tuple(t.index), tuple(t.columns), t.to_numpy().tobytes())
    if drawn_as(into, shape):
        fig, ax = into, into.axes[0]
        clear_notes(fig)
        fig.course_parts["segments"].set_facecolors(colours)
        note_box(ax, note)
        return finish(fig, ax, _sentence_case(_title(t, section, verdict)), "", *_texts())
    fig, ax = figure(7.5, 4.8, into=into)
    y = np.arange(len(t))[::-1]
    # one collection draws every segment (a bar per segment costs a patch each)
    segments = PolyCollection(rects, facecolors=colours, linewidths=0)
    fig.course_parts["segments"] = ax.add_collection(segments, autolim=False)
    pad = 0.05 * (len(t) - 0.3)  # the margins barh would leave
    ax.set_ylim(-0.35 - pad, len(t) - 0.65 + pad)
    names = [_section_name(s) for s in t.index]
    ax.set_yticks(y, names)
    ax.set_xlim(0, max(left.max(initial=0), 1) * 1.1)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    note_box(ax, note)
    title = _sentence_case(_title(t, section, verdict))
    fig = finish(fig, ax, title, "", *_texts(), horizontal=True)
    # the verdicts' names are the audit's messages (retool.claims)
    handles = [Patch(color=VERDICT_COLOURS[v], label=translated(v)) for v in ledger.VERDICTS]
    ax.legend(handles=handles, loc="lower right")
    fig.course_drawn = shape
    return fig


def _sentence_case(text: str) -> str:
    return text[0].upper() + text[1:]


def _texts() -> tuple:
    """The source line and the x label (for ``finish``)."""
    return SOURCE, _("number of claims")


def _segments(t, section: str, verdict: str) -> tuple[list, list, np.ndarray]:
    """Each non-empty segment of the stacked bars (its corners), its colour (faint when it is
    filtered out), and each bar's length."""
    y = np.arange(len(t))[::-1]
    left = np.zeros(len(t))
    in_section = np.array([section in ("all", s) for s in t.index])
    rects, colours = [], []
    for v in ledger.VERDICTS:
        counts = t[v].to_numpy() if v in t else np.zeros(len(t))
        keep = in_section & (verdict in ("all", v))
        rgb = to_rgba(VERDICT_COLOURS[v])
        for yi, x0, w, k in zip(y, left, counts, keep, strict=True):
            if w > 0:  # empty segments cost time and show nothing
                rects.append(
                    [(x0, yi - 0.35), (x0 + w, yi - 0.35), (x0 + w, yi + 0.35), (x0, yi + 0.35)]
                )
                colours.append(rgb if k else (*rgb[:3], 0.2))
        left = left + counts
    return rects, colours, left


def _section_name(section: str) -> str:
    """A bar's name: the paper's numbering and title in Chinese, 'I.2 growth and ...' in English."""
    if language() == "zh":
        return ledger.section_name(section)
    with i18n.use("en"):  # a chart without a Chinese font speaks English, whatever is asked
        return ledger.section_label(section)
