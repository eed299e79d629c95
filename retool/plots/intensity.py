"""Charts of lesson 02: investment intensity, its benchmarks and the counterfactual shortfall."""

from __future__ import annotations

import pandas as pd
import seaborn as sns

from ..models import intensity as model
from . import PALETTE, SERIES_COLOURS, WIDE, figure, finish, label, note_box
from .scale import source

YEARBOOK = "China Statistical Yearbook 2001 table 6-18, FAI and GDP (data/)"


def ladder(frame: pd.DataFrame | None = None):
    """Every intensity the lesson meets, largest first: benchmarks, China 1980, 2000 and 2009."""
    f = model.ladder() if frame is None else frame
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
        "'below 10%' through the 11th FYP (paper)",
        color=PALETTE["vermillion"],
        va="center",
    )
    ax.set_xlim(0, f["pct"].max() * 1.12)
    ax.set_ylabel("")
    title = label(
        f"China's 5.2% of 2009 is 1/{1 / f.attrs['fraction_of_usa']:.0f} of the US 69%; black bars "
        "are printed, blue ones rebuilt from data"
    )
    return finish(
        fig,
        ax,
        title,
        "",
        source("二.1, 四.2") + "; " + YEARBOOK,
        xlabel=label("renovation as a share of investment (%)"),
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
    compare = "above" if s.iloc[-1] > s.iloc[0] else "below"
    title = label(
        f"Renovation investment / GDP peaked at {s.max():.1f}% in {peak} and fell to "
        f"{s.loc[low]:.1f}% by {low}, but {last} ({s.iloc[-1]:.1f}%) is {compare} {first} "
        f"({s.iloc[0]:.1f}%)"
    )
    return finish(
        fig,
        ax,
        title,
        label("renovation investment / GDP (%)"),
        "China Statistical Yearbook 2001 table 6-18; GDP CSY2010 table 2-1; the course's "
        "calculation",
        xlabel=label("year"),
    )


def counterfactual(
    table: pd.DataFrame,
    summary: dict,
    baseline_pct: float,
    what: str,
    note: str = "",
    into=None,
):
    """Table 1 renovation vs renovation at the baseline intensity, 亿元, with each year's gap."""
    names = {
        "actual": label("actual (Table 1)"),
        "counterfactual": label(f"at {baseline_pct:g}% of {what}"),
    }
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
    top = max(float(table[["actual", "counterfactual"]].max().max()), 1.0)
    pair = table[["actual", "counterfactual"]].max(axis=1)
    for i, (g, h) in enumerate(zip(table["shortfall_pct_gdp"], pair)):
        ax.text(
            i,
            h + top * 0.02,
            f"gap {g:+.1f}%\nof GDP",
            ha="center",
            va="bottom",
            color=SERIES_COLOURS["shortfall"],
        )
    ax.set_ylim(0, top * 1.45)
    ax.legend(loc="upper left", title=None)
    ax.set_xlabel("")
    note_box(ax, note)
    total = summary["cumulative_shortfall"]
    span = f"{summary['first_year']}-{summary['last_year']}"
    if total > 0:
        title = (
            f"At {baseline_pct:g}%, renovation {span} falls short by {total:,.0f} (100m yuan), "
            f"{summary['cumulative_shortfall_pct_gdp']:.1f}% of GDP"
        )
    elif total < 0:
        title = (
            f"At {baseline_pct:g}%, Table 1 exceeds the baseline by {-total:,.0f} (100m yuan) "
            f"over {span}: no shortfall"
        )
    else:
        title = f"At {baseline_pct:g}%, renovation {span} would have been just what it was"
    return finish(
        fig, ax, label(title), label("100 million yuan"), source("Table 1") + "; FAI, GDP (data/)"
    )
