"""Charts of lesson 06: the renovation decision of an SOE and of a private firm (teaching model)."""

from __future__ import annotations

import numpy as np
import seaborn as sns
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from ..i18n import N_
from ..models import incentives
from . import PALETTE, WIDE, _, clear_notes, drawn_as, figure, finish, label, note_box, translated

FIRM_COLOURS = {"soe": PALETTE["purple"], "private": PALETTE["green"]}
MODEL_SOURCE = N_("the course's teaching model of the paper's argument in 二.3 (lines 396-449)")
# the model's names of the reform steps (models.incentives.reform_steps), for the x axis
STEP_NAMES = (N_("before reform"), N_("market reform"), N_("plus innovation dividend"))


def firm_label(firm: str) -> str:
    return label(*incentives.FIRM_LABELS[firm])  # the model's names, in two languages


def boundary(share: float, own_cost: float = incentives.OWN_COST, points: int = 60):
    """The (market power, p_sunk) curve below which a decision maker with ``share`` renovates.

    Returns two arrays (m, p); empty when no setting of m and p makes renovation pay.
    """
    if share <= 0:
        return np.array([]), np.array([])
    k = (1 + own_cost / share) / incentives.EXTRA_PROFIT_COMPETITIVE
    if k >= 1:
        return np.array([]), np.array([])
    m = np.linspace(0, 1 - k, points)
    return m, np.clip(1 - k / (1 - m), 0, 1)


def _firm_terms(s: dict) -> dict:
    """The firm-level terms of a firm's settings (the decision maker's share left out)."""
    return {k: v for k, v in s.items() if k != "share"}


def decision_chart(settings: dict, title: str, note: str = "", into=None) -> Figure:
    """Left: each firm's expected net gain and its decision maker's; right: where each renovates.

    Drawn into a figure that holds this chart for the same firms, each with a region where it
    would renovate or none as before, the bars, words, regions and dots get the new numbers
    instead (the contract tests check that this draws, pixel for pixel, what a new figure
    draws)."""
    firms = list(settings)
    v = [incentives.firm_gain(**_firm_terms(settings[f])) for f in firms]
    n = [incentives.decision_gain(**settings[f]) for f in firms]
    bounds = {f: boundary(settings[f]["share"]) for f in firms}
    shape = ("decision_chart", tuple((f, bounds[f][0].size > 0) for f in firms))
    if drawn_as(into, shape):
        _update_decision(into, settings, v, n, bounds, note)
        return finish(into, into.axes, title, "", MODEL_SOURCE)
    fig, (left, right) = figure(WIDE, 4.4, ncols=2, into=into)
    x = np.arange(len(firms))
    colours = [FIRM_COLOURS[f] for f in firms]
    parts = fig.course_parts
    # one call for the four bars: the firm's gain outlined, its decision maker's filled
    parts["bars"] = left.bar(
        np.concatenate([x - 0.2, x + 0.2]),
        [*v, *n],
        width=0.38,
        color=["white"] * len(firms) + colours,
        edgecolor=colours * 2,
        linewidth=1.5,
    )
    left.axhline(0, color=PALETTE["black"], linewidth=1)
    parts["words"] = [left.text(i, 0, "", ha="center", fontweight="bold") for i in x]
    _words_and_limits(left, parts["words"], v, n)
    left.set_xticks(x, [firm_label(f) for f in firms])
    # the firms' names in their colours: the key to the dots of the right panel too
    for tick, f in zip(left.get_xticklabels(), firms, strict=True):
        tick.set_color(FIRM_COLOURS[f])
        tick.set_fontweight("bold")
    # the unit in the panel's title: a text fewer to draw on every redraw
    left.set_title(
        _("Net gain from renovating (× the investment's cost)"),
        loc="left",
    )
    left.yaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10]))

    nowhere = []
    for f in firms:
        s = settings[f]
        m, p = bounds[f]
        colour = FIRM_COLOURS[f]
        if m.size:
            band = right.fill_between(m, 0, p, color=colour, alpha=0.18, linewidth=0)
            parts[f] = (band, *right.plot(m, p, color=colour, linewidth=1.5))
        else:
            nowhere.append(firm_label(f))
        (parts[f"{f} dot"],) = right.plot(
            [s["market_power"]],
            [s["p_sunk"]],
            marker="o",
            markersize=9,
            color=colour,
            markeredgecolor="black",
            linestyle="none",
            clip_on=False,
            zorder=5,
        )
    right.set_xlim(0, 1)
    right.set_ylim(0, 1)
    right.set_xlabel(_("market power m (0 = competitive, 1 = monopoly)"))
    right.set_ylabel(_("hold-up risk p (chance the investment is lost)"))
    right.set_title(
        _("Shaded: where each would renovate"),
        loc="left",
    )
    right.xaxis.set_major_locator(MaxNLocator(nbins=2))
    right.yaxis.set_major_locator(MaxNLocator(nbins=2))
    if nowhere:
        right.text(
            0.97,
            0.97,
            _("{firms}:\nnever pays at this share of the profit").format(
                firms=_(" and ").join(nowhere)
            ),
            transform=right.transAxes,
            ha="right",
            va="top",
            color="#444444",
        )
    note_box(right, note)
    first = colours[0]
    gains = [
        (
            _("firm: expected extra profit − cost"),
            {"facecolor": "white", "edgecolor": first, "linewidth": 1.5},
        ),
        (
            _("decision maker: own share − own effort"),
            {"facecolor": first},
        ),
    ]
    left.legend(
        handles=[Patch(label=text, **props) for text, props in gains],
        loc="upper left",
        bbox_to_anchor=(-0.15, -0.08),
    )
    fig.course_drawn = shape
    return finish(fig, [left, right], title, "", MODEL_SOURCE)


def _words_and_limits(left, words, v, n) -> None:
    """Over each firm's bars whether it renovates; the gains' axis to fit them."""
    for i, text in enumerate(words):
        yes = n[i] > 0
        text.set_text(_("renovates") if yes else _("does not renovate"))
        text.set_y(max(v[i], n[i], 0) + 0.08)
        text.set_color(PALETTE["black"] if yes else PALETTE["vermillion"])
    lo = min(min(v), min(n), -0.2)
    hi = max(max(v), max(n), 0.2)
    left.set_ylim(lo - 0.15, hi + 0.3)


def _update_decision(fig, settings, v, n, bounds, note) -> None:
    """Give the chart's artists the new numbers (the same firms, the same regions drawn)."""
    left, right = fig.axes
    parts = fig.course_parts
    clear_notes(fig)
    for bar, height in zip(parts["bars"], [*v, *n], strict=True):
        bar.set_height(height)
    _words_and_limits(left, parts["words"], v, n)
    for f, s in settings.items():
        m, p = bounds[f]
        if m.size:
            band, line = parts[f]
            band.set_data(m, 0, p)
            line.set_data(m, p)
        parts[f"{f} dot"].set_data([s["market_power"]], [s["p_sunk"]])
    note_box(right, note)


def reform_chart() -> Figure:
    """The decision maker's net gain of each firm before reform, after it, and with a dividend."""
    steps = incentives.reform_steps()
    names = list(dict.fromkeys(steps["step"]))
    fig, ax = figure(7.5, 4.2)
    tidy = steps.assign(
        who=steps["firm"].map(firm_label), gain=steps["decision_gain"].astype(float)
    )
    palette = {firm_label(f): FIRM_COLOURS[f] for f in incentives.FIRMS}
    sns.barplot(tidy, x="step", y="gain", hue="who", palette=palette, saturation=1, ax=ax)
    for bars in ax.containers:
        ax.bar_label(bars, fmt="{:+.2f}", padding=2)
    ax.axhline(0, color=PALETTE["black"], linewidth=1)
    ax.set(xlabel="", xticks=range(len(names)), xticklabels=[translated(n) for n in names])
    lo, hi = float(steps["decision_gain"].min()), float(steps["decision_gain"].max())
    ax.set_ylim(min(lo, 0) - 0.06, max(hi, 0) + 0.06)
    ax.legend(loc="upper left", title=None)
    go = steps.set_index(["step", "firm"])["renovates"]
    if go[(names[1], "private")] and not go[(names[1], "soe")] and go[(names[2], "soe")]:
        title = _(
            "Market reform makes the private firm renovate; the SOE also needs an innovation "
            "dividend"
        )
    else:
        title = _("What the reforms do to each decision maker's net gain")
    return finish(
        fig,
        ax,
        title,
        _("decision maker's net gain (× cost)"),
        _("{model}; reforms of 四.2").format(model=translated(MODEL_SOURCE)),
    )
