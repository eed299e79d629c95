"""Charts of lesson 02: investment intensity, its benchmarks and the counterfactual shortfall."""

from __future__ import annotations

import pandas as pd
import seaborn as sns

from .. import units
from ..i18n import N_
from ..models import intensity as model
from . import (
    PALETTE,
    SERIES_COLOURS,
    WIDE,
    _,
    clear_notes,
    drawn_as,
    figure,
    finish,
    note_box,
    translated,
    yi_yuan_axis,
)
from .scale import source

YEARBOOK = N_("China Statistical Yearbook 2001 table 6-18, FAI and GDP (data/)")
# the widget's names of the denominators, translated where the key shows them
DENOMINATORS = (N_("society-wide FAI"), N_("manufacturing FAI"))


def ladder(frame: pd.DataFrame | None = None):
    """Every intensity the lesson meets, largest first: benchmarks, China 1980, 2000 and 2009."""
    f = model.ladder() if frame is None else frame
    # the bars' names are the model's English keys, translated where they are shown
    f = f.assign(what=f["what"].map(translated))
    fig, ax = figure(WIDE, 4.6)
    palette = {k: SERIES_COLOURS[k] for k in f["kind"].unique()}
    sns.barplot(f, x="pct", y="what", hue="kind", palette=palette, width=0.6, legend=False, ax=ax)
    for bars in ax.containers:
        ax.bar_label(bars, fmt="{:.1f}%", padding=3)
    ceiling = f.attrs["ceiling"]
    ax.axvline(ceiling, color=PALETTE["vermillion"], ls="--", lw=1)
    ax.text(
        ceiling + 0.5,
        len(f) - 0.6,
        _("'below 10%' through the 11th FYP (paper)"),
        color=PALETTE["vermillion"],
        va="center",
    )
    ax.set_xlim(0, f["pct"].max() * 1.12)
    ax.set_ylabel("")
    title = _(
        "China's 5.2% of 2009 is 1/{times} of the US 69%; black bars "
        "are printed, blue ones rebuilt from data"
    ).format(times=f"{1 / f.attrs['fraction_of_usa']:.0f}")
    return finish(
        fig,
        ax,
        title,
        "",
        source("二.1, 四.2") + _("; ") + translated(YEARBOOK),
        xlabel=_("renovation as a share of investment (%)"),
        horizontal=True,
    )


def gdp_1990s(frame: pd.DataFrame | None = None):
    """Society-wide renovation investment as a share of GDP, 1991-2000."""
    f = (model.intensity_1990s() if frame is None else frame).reset_index()
    s = f.set_index("year")["share_gdp_pct"]
    fig, ax = figure(7.5, 4.0)
    sns.lineplot(
        f, x="year", y="share_gdp_pct", marker="o", color=SERIES_COLOURS["renovation"], ax=ax
    )
    for yr in (s.index[0], s.idxmax(), s.index[-1]):
        ax.annotate(
            f"{s.loc[yr]:.1f}%",
            (yr, s.loc[yr]),
            xytext=(0, 7),
            textcoords="offset points",
            ha="center",
        )
    ax.set_xticks(list(s.index))
    ax.set_ylim(0, s.max() * 1.25)
    first, last, peak = s.index[0], s.index[-1], s.idxmax()
    low = s.loc[peak:].idxmin()
    if s.iloc[-1] > s.iloc[0]:
        message = _(
            "Renovation investment / GDP peaked at {peak}% in {peak_year} and fell to "
            "{low}% by {low_year}, but {last_year} ({last}%) is above {first_year} ({first}%)"
        )
    else:
        message = _(
            "Renovation investment / GDP peaked at {peak}% in {peak_year} and fell to "
            "{low}% by {low_year}, but {last_year} ({last}%) is below {first_year} ({first}%)"
        )
    title = message.format(
        peak=f"{s.max():.1f}",
        peak_year=peak,
        low=f"{s.loc[low]:.1f}",
        low_year=low,
        last_year=last,
        last=f"{s.iloc[-1]:.1f}",
        first_year=first,
        first=f"{s.iloc[0]:.1f}",
    )
    return finish(
        fig,
        ax,
        title,
        _("renovation investment / GDP (%)"),
        _(
            "China Statistical Yearbook 2001 table 6-18; GDP CSY2010 table 2-1; the course's "
            "calculation"
        ),
        xlabel=_("year"),
    )


def counterfactual(
    table: pd.DataFrame,
    summary: dict,
    baseline_pct: float,
    what: str,
    note: str = "",
    into=None,
):
    """Table 1 renovation vs renovation at the baseline intensity, 亿元, with each year's gap.

    Drawn with seaborn; drawn into a figure that holds this chart for the same years, the
    seaborn bars, the gap labels, the key and the limits get the new numbers instead (the
    contract tests check that this draws, pixel for pixel, what a new figure draws)."""
    names = {
        "actual": _("actual (Table 1)"),
        "counterfactual": _("at {pct}% of {what}").format(
            pct=f"{baseline_pct:g}", what=translated(what)
        ),
    }
    shape = ("counterfactual", tuple(table.index))
    if drawn_as(into, shape):
        return _update_counterfactual(into, table, summary, baseline_pct, names, note)
    long = (
        table[["actual", "counterfactual"]]
        .rename(columns=names)
        .reset_index()
        .melt("year", var_name="what", value_name="spending")
    )
    palette = {
        names["actual"]: SERIES_COLOURS["renovation"],
        names["counterfactual"]: SERIES_COLOURS["counterfactual"],
    }
    fig, ax = figure(7.5, 4.2, into=into)
    sns.barplot(long, x="year", y="spending", hue="what", palette=palette, width=0.76, ax=ax)
    for i, (position, gap) in enumerate(_gap_labels(table)):
        ax.text(
            i,
            position,
            gap,
            ha="center",
            va="bottom",
            color=SERIES_COLOURS["shortfall"],
        )
    ax.set_ylim(0, _top(table) * 1.45)
    ax.legend(loc="upper left", title=None)
    ax.set_xlabel("")
    note_box(ax, note)
    fig.course_drawn = shape
    return _finish_counterfactual(fig, ax, summary, baseline_pct)


def _top(table: pd.DataFrame) -> float:
    return max(float(table[["actual", "counterfactual"]].max().max()), 1.0)


def _gap_labels(table: pd.DataFrame) -> list[tuple[float, str]]:
    """Each year's gap label and its height, just above the taller of the year's two bars."""
    top, pair = _top(table), table[["actual", "counterfactual"]].max(axis=1)
    return [
        (h + top * 0.02, _("gap {gap}%\nof GDP").format(gap=f"{g:+.1f}"))
        for g, h in zip(table["shortfall_pct_gdp"], pair)
    ]


def _update_counterfactual(fig, table, summary, baseline_pct, names, note):
    ax = fig.axes[0]
    clear_notes(fig)
    for bars, column in zip(ax.containers, ("actual", "counterfactual"), strict=True):
        for bar, value in zip(bars, table[column], strict=True):
            bar.set_height(value)
    for text, (position, gap) in zip(ax.texts, _gap_labels(table), strict=True):
        text.set_y(position)
        text.set_text(gap)
    ax.set_ylim(0, _top(table) * 1.45)
    ax.get_legend().get_texts()[1].set_text(names["counterfactual"])
    note_box(ax, note)
    return _finish_counterfactual(fig, ax, summary, baseline_pct)


def _finish_counterfactual(fig, ax, summary: dict, baseline_pct: float):
    total = summary["cumulative_shortfall"]
    span = f"{summary['first_year']}-{summary['last_year']}"
    pct = f"{baseline_pct:g}"
    if total > 0:
        title = _("At {pct}%, renovation {span} falls short by {sum}, {share}% of GDP").format(
            pct=pct,
            span=span,
            sum=units.yi(total),
            share=f"{summary['cumulative_shortfall_pct_gdp']:.1f}",
        )
    elif total < 0:
        title = _(
            "At {pct}%, Table 1 exceeds the baseline by {sum} over {span}: no shortfall"
        ).format(pct=pct, span=span, sum=units.yi(-total))
    else:
        title = _("At {pct}%, renovation {span} would have been just what it was").format(
            pct=pct, span=span
        )
    return finish(
        fig,
        ax,
        title,
        yi_yuan_axis(),
        source(_("Table 1")) + _("; ") + _("FAI, GDP (data/)"),
    )
