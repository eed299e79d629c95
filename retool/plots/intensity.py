"""Charts of lesson 02: investment intensity, its benchmarks and the counterfactual shortfall."""

from __future__ import annotations

import pandas as pd

from .. import data, rebuild
from ..models import intensity as model
from . import PALETTE, SERIES_COLOURS, figure, finish, label
from .light import reuse_renderer
from .scale import source

YEARBOOK = "China Statistical Yearbook 2001 table 6-18, FAI and GDP (data/)"


def ladder():
    """Every intensity the lesson meets, largest first: benchmarks, China 1980, 2000 and 2009."""
    society = model.society_share_of_fai()
    fai_share = rebuild.renovation_share_of_fai()
    rows = [
        ("USA 1947-1978 (paper, no source)", data.claim_value("us_share_1947_1978"), "paper"),
        (
            "W. Europe early 1950s (paper, no source)",
            data.claim_value("west_europe_share_1950s"),
            "paper",
        ),
        ("China 1980 (paper)", data.claim_value("lme_share_1980"), "paper"),
        ("China 1980 rebuilt: renovation inv. / FAI", society.loc[1980], "renovation"),
        ("China 2000: renovation inv. / FAI", society.loc[2000], "renovation"),
        ("China 2009 (paper: of manufacturing FAI)", data.claim_value("lme_share_2009"), "paper"),
        ("China 2009: Table 1 / society-wide FAI", fai_share.loc[2009], "renovation"),
    ]
    frame = pd.DataFrame(rows, columns=["what", "pct", "kind"])
    fig, ax = figure(8.5, 4.6)
    y = range(len(frame))[::-1]
    ax.barh(list(y), frame["pct"], color=[SERIES_COLOURS[k] for k in frame["kind"]], height=0.6)
    for yi, v in zip(y, frame["pct"]):
        ax.text(v + 0.8, yi, f"{v:.1f}%", va="center", fontsize=8)
    ax.set_yticks(list(y), frame["what"], fontsize=8)
    ceiling = data.claim_value("below_10_in_11th_fyp")
    ax.axvline(ceiling, color=PALETTE["vermillion"], ls="--", lw=1)
    ax.text(
        ceiling + 0.5,
        0.5,
        "'below 10%' through the 11th FYP (paper)",
        fontsize=8,
        color=PALETTE["vermillion"],
        va="center",
    )
    ax.set_xlim(0, frame["pct"].max() * 1.12)
    ax.grid(axis="x", color="#dddddd", lw=0.8)
    frac = rebuild.fraction_of_benchmark("us_share_1947_1978")
    title = label(
        f"China's 5.2% of 2009 is 1/{1 / frac:.0f} of the US 69%; black bars are printed, "
        "blue ones rebuilt from data"
    )
    fig = finish(fig, ax, title, "", source("二.1, 四.2") + "; " + YEARBOOK)
    ax.set_xlabel(label("renovation as a share of investment (%)"))
    ax.grid(axis="y", visible=False)
    return fig


def gdp_1990s(frame: pd.DataFrame | None = None):
    """Society-wide renovation investment as a share of GDP, 1991-2000."""
    f = model.intensity_1990s() if frame is None else frame
    s = f["share_gdp_pct"]
    fig, ax = figure(7.5, 4.0)
    ax.plot(s.index, s, marker="o", color=SERIES_COLOURS["renovation"])
    for yr in (s.index[0], s.idxmax(), s.index[-1]):
        ax.annotate(
            f"{s.loc[yr]:.1f}%",
            (yr, s.loc[yr]),
            xytext=(0, 7),
            textcoords="offset points",
            ha="center",
            fontsize=8,
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
    )


def counterfactual(
    table: pd.DataFrame, summary: dict, baseline_pct: float, what: str, note: str = ""
):
    """Table 1 renovation vs renovation at the baseline intensity, 亿元, with each year's gap."""
    fig, ax = figure(7.5, 4.2)
    years = table.index.to_numpy()
    w = 0.38
    ax.bar(
        years - w / 2,
        table["actual"],
        width=w,
        color=SERIES_COLOURS["renovation"],
        label=label("actual (Table 1)"),
    )
    ax.bar(
        years + w / 2,
        table["counterfactual"],
        width=w,
        color=SERIES_COLOURS["counterfactual"],
        label=label(f"at {baseline_pct:g}% of {what}"),
    )
    top = max(float(table[["actual", "counterfactual"]].max().max()), 1.0)
    pair = table[["actual", "counterfactual"]].max(axis=1)
    for y, g, h in zip(years, table["shortfall_pct_gdp"], pair):
        ax.text(
            y,
            h + top * 0.02,
            f"gap {g:+.1f}%\nof GDP",
            ha="center",
            va="bottom",
            fontsize=7,
            color=SERIES_COLOURS["shortfall"],
        )
    ax.set_ylim(0, top * 1.35)
    ax.set_xticks(years)
    ax.legend(frameon=False, fontsize=8, loc="upper left")
    if note:
        ax.set_title(note, loc="left", fontsize=8, color=PALETTE["vermillion"])
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
    return reuse_renderer(
        finish(
            fig,
            ax,
            label(title),
            label("100 million yuan"),
            source("Table 1") + "; FAI, GDP (data/)",
            fixed={"left": 0.83},
        )
    )
