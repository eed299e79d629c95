"""Lesson 07's chart: the smile curve, the course's illustration of value added along the chain."""

from __future__ import annotations

import numpy as np
import pandas as pd
import seaborn as sns

from ..i18n import N_
from ..models import chain
from . import PALETTE, _, drawn_as, figure, finish, label, language

FIRM_COLOUR = PALETTE["vermillion"]
OTHER_COLOUR = PALETTE["grey"]
CURVE_COLOUR = PALETTE["blue"]
SOURCE = N_(
    "the course's illustration (shape assumed, not data), after sections II.4 and III.2 "
    "of Yuan and Wang"
)


def smile_curve(
    stages=chain.DEFAULT_FIRM, depth: float = chain.DEFAULT_DEPTH, note: str = "", into=None
):
    """Bars: each stage's share of value added, the firm's stages in colour; the smile drawn.

    An unusable ``depth`` gives a flat chain with ``note`` (or the problem) written on the chart.
    """
    problem = chain.check_depth(depth)
    d = 1.0 if problem else float(depth)
    shares = chain.shares_pct(d)
    keys = chain.clean_stages(stages)
    mine = [k in keys for k in shares.index]
    shape = ("smile_curve", tuple(mine))
    if drawn_as(into, shape):
        # the same stages: seaborn's bars, the smile and the texts get the new depth's numbers
        fig, ax = into, into.axes[0]
        for bars in ax.containers:
            for bar in bars:
                bar.set_height(shares.iloc[round(bar.get_x() + bar.get_width() / 2)])
        ax.lines[-1].set_ydata(_smile(d, len(shares))[1])
        ax.texts[0].set_text(_box(d, note, problem))
        for text in list(fig.texts):
            text.remove()
    else:
        fig, ax = figure(7.5, 4.4, into=into)
        x = np.arange(len(shares))
        names = [label(en, zh) for zh, en in chain.STAGES.values()]  # the data's names
        bars = pd.DataFrame({"stage": names, "share": shares.to_numpy(), "firm's": mine})
        sns.barplot(
            bars,
            x="stage",
            y="share",
            hue="firm's",
            hue_order=[False, True],
            palette={True: FIRM_COLOUR, False: OTHER_COLOUR},
            saturation=1,
            dodge=False,
            width=0.7,
            legend=False,
            ax=ax,
        )
        ax.plot(*_smile(d, len(shares)), color=CURVE_COLOUR)  # the continuous smile
        ax.set_xticks(x, names)
        for tick, m in zip(ax.get_xticklabels(), mine, strict=True):
            if m:
                tick.set_color(FIRM_COLOUR)
                tick.set_fontweight("bold")
        ax.text(
            0.5,
            0.98,
            _box(d, note, problem),
            transform=ax.transAxes,
            ha="center",
            va="top",
            color="#333333",
        )
        fig.course_drawn = shape
    ax.set_ylim(0, max(shares.max() * 1.3, 10))
    share = chain.captured_pct(keys, d)
    if problem:
        title = _("No result: the smile's depth must be a number of 0 or more")
    elif not keys:
        title = _("A firm that does no stage of the chain captures none of its value")
    elif len(keys) == len(shares):
        title = _("A firm that does the whole chain captures all its value")
    elif len(keys) == 1:
        title = _("A firm in {stage} alone captures {share}% of the chain's value").format(
            stage=chain.stage_names(keys, language()), share=f"{share:.1f}"
        )
    else:
        title = _("A firm in these {n} stages captures {share}% of the chain's value").format(
            n=len(keys), share=f"{share:.1f}"
        )
    return finish(
        fig,
        ax,
        title,
        _("share of the chain's value added (%)"),
        source=SOURCE,
        xlabel=_("stage of the value chain"),
    )


def _smile(depth: float, stages: int):
    """The smile through the bar tops: x at the stages' positions, y in % of the chain's value."""
    u = np.linspace(-1, 1, 60)
    total = chain.value_added(depth).sum()
    return (u + 1) * (stages - 1) / 2, (1 + (depth - 1) * u**2) / total * 100


def _box(depth: float, note: str, problem: str) -> str:
    """The chart's caption: what the illustration assumes, and any note or problem."""
    text = note or (_("No result: {problem}.").format(problem=problem) if problem else "")
    box = _(
        "Illustration (shape assumed): the ends add {depth}× what assembly adds. "
        "Coloured: the firm's stages."
    ).format(depth=f"{depth:g}")
    return box + (f"\n{text}" if text else "")
