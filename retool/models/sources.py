"""Lesson 03: where technology comes from -- the paper's Figures 2 and 3 for a window of years.

The yearbooks give all large and medium-sized enterprises (LMEs) for 2000 and 2002-2004; Table 1
gives the paper's traditional LMEs for 2005-2009. :func:`window` returns both figures' values in
a window of years for one universe or both, spliced as the paper does.
"""

from __future__ import annotations

import pandas as pd

from .. import data, measures, rebuild
from ..i18n import _, lazy
from ..params import Param, Spec, year
from ..wording import join

UNIVERSES = {
    "both": lazy("both, spliced as the paper does"),
    rebuild.YEARBOOK_UNIVERSE: lazy("all LMEs (yearbooks, 2000-2004)"),
    rebuild.TABLE1_UNIVERSE: lazy("traditional LMEs (Table 1, 2005-2009)"),
}
# The universes inside a sentence: 'no data for all LMEs in 2005-2009'.
UNIVERSE_NAMES = {
    "both": lazy("both"),
    rebuild.YEARBOOK_UNIVERSE: lazy("all LMEs"),
    rebuild.TABLE1_UNIVERSE: lazy("traditional LMEs"),
}
UNIVERSE_SHORT = {
    rebuild.YEARBOOK_UNIVERSE: "all LMEs (yearbook)",
    rebuild.TABLE1_UNIVERSE: "traditional LMEs (Table 1)",
}
YEARBOOK_UNIVERSE, TABLE1_UNIVERSE = rebuild.YEARBOOK_UNIVERSE, rebuild.TABLE1_UNIVERSE


@data.per_data_state
def years() -> tuple[int, ...]:
    """Every year with data in either universe."""
    return tuple(int(y) for y in rebuild.domestic_share("both")["year"])


PARAMS = Spec(
    year("start", lazy("First year"), years, False, lazy("the paper's figures start in 2000")),
    year("end", lazy("Last year"), years, True, lazy("the paper's figures end in 2009 (Table 1)")),
    Param(
        "universe",
        lazy("Universe"),
        "",
        "both",
        lazy("the paper splices the two universes without saying so"),
        options=UNIVERSES,
        kind="choice",
    ),
)


@data.per_data_state
def window(start: int, end: int, universe: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Figure 2's and Figure 3's values within [start, end] for the universe (two DataFrames)."""
    s = rebuild.technology_series(universe)
    s = s[s["year"].between(start, end)].reset_index(drop=True)
    share = s[["year", "universe"]].assign(
        domestic_share_pct=measures.domestic_share_pct(s["domestic"], s["foreign"])
    )
    ratio = s[["year", "universe"]].assign(
        assimilation_ratio_pct=measures.assimilation_ratio_pct(s["assimilation"], s["foreign"])
    )
    return share, ratio


def break_year(frame: pd.DataFrame) -> float | None:
    """Where the universe changes in ``frame`` (between two years), or None."""
    universe, year = frame["universe"].to_numpy(), frame["year"].to_numpy()
    new = year[universe == TABLE1_UNIVERSE]
    old = year[universe == YEARBOOK_UNIVERSE]
    if len(new) == 0 or len(old) == 0:
        return None
    return (new.min() + old.max()) / 2


@data.per_data_state
def paper_says() -> dict:
    """What the paper's text says of each figure: {column: [(year, words), ...]}.

    The words are lazy messages: this is cached per data state, and they follow the language."""
    return {
        "domestic_share_pct": [
            (2000, lazy("paper: about {pct:g}%", pct=data.claim_value("domestic_share_2000"))),
            (2009, lazy("paper: about {pct:g}%", pct=data.claim_value("domestic_share_2009"))),
        ],
        "assimilation_ratio_pct": [
            (2003, lazy("paper: <{pct:g}%", pct=data.claim_value("assimilation_ratio_2003"))),
            (2009, lazy("paper: >{pct:g}%", pct=data.claim_value("assimilation_ratio_2009"))),
        ],
    }


def missing_years(share: pd.DataFrame, start: int, end: int) -> list[int]:
    """The years of [start, end] the window has no data for."""
    return sorted(set(range(int(start), int(end) + 1)) - set(share["year"].astype(int)))


def year_spans(years: list[int]) -> str:
    """[2001, 2005, 2006, 2007] -> '2001 and 2005-2007'."""
    spans: list[list[int]] = []
    for y in sorted(years):
        if spans and y == spans[-1][-1] + 1:
            spans[-1].append(y)
        else:
            spans.append([y])
    words = [f"{s[0]}" if len(s) == 1 else f"{s[0]}-{s[-1]}" for s in spans]
    return join(words)


def sentence(share, ratio, start, end, universe) -> str:
    """What the window shows, in one sentence."""
    if share.empty:
        covered = rebuild.domestic_share(universe)["year"]
        return _(
            "There are no data for {universe} in {start}-{end}: that universe covers "
            "{first}-{last}."
        ).format(
            universe=UNIVERSE_NAMES[universe],
            start=start,
            end=end,
            first=int(covered.min()),
            last=int(covered.max()),
        )
    s = share.set_index("year")["domestic_share_pct"]
    r = ratio.set_index("year")["assimilation_ratio_pct"]
    first, last = int(s.index[0]), int(s.index[-1])
    if first == last:
        text = _(
            "In {year} the domestic share of technology purchases was {share} and assimilation "
            "spending was {ratio} of foreign technology spending"
        ).format(year=first, share=f"{s.iloc[0]:.1f}%", ratio=f"{r.iloc[0]:.1f}%")
    else:
        text = _(
            "From {first} to {last} the domestic share of technology purchases went from "
            "{share_first} to {share_last} and assimilation from {ratio_first} to {ratio_last} "
            "of foreign technology spending"
        ).format(
            first=first,
            last=last,
            share_first=f"{s.iloc[0]:.1f}%",
            share_last=f"{s.iloc[-1]:.1f}%",
            ratio_first=f"{r.iloc[0]:.1f}%",
            ratio_last=f"{r.iloc[-1]:.1f}%",
        )
    cut = missing_years(share, start, end)
    if cut:
        if universe == "both":
            leaves = (
                _("{text}; there are no data for {years}, so the chart leaves that year out")
                if len(cut) == 1
                else _("{text}; there are no data for {years}, so the chart leaves those years out")
            )
        else:
            leaves = (
                _(
                    "{text}; there are no data on {universe} for {years}, so the chart leaves "
                    "that year out"
                )
                if len(cut) == 1
                else _(
                    "{text}; there are no data on {universe} for {years}, so the chart leaves "
                    "those years out"
                )
            )
        text = leaves.format(text=text, universe=UNIVERSE_NAMES[universe], years=year_spans(cut))
    brk = break_year(share)
    if brk is not None:
        text = _(
            "{text}; the dashed line between {before} and {after} marks the change from all "
            "LMEs (yearbooks) to the traditional LMEs of Table 1, so the jump across it is partly "
            "a change of universe"
        ).format(text=text, before=int(brk - 0.5), after=int(brk + 0.5))
    return _("{text}.").format(text=text)


def title(share, ratio, start, end) -> str:
    """The chart's finding."""
    if share.empty:
        return _("No data for this universe in {start}-{end}").format(start=start, end=end)
    s, r = share.set_index("year")["domestic_share_pct"], ratio.set_index("year")
    r = r["assimilation_ratio_pct"]
    return _(
        "{first}-{last}: domestic share {s0}% → {s1}%, "
        "assimilation {r0}% → {r1}% of foreign spending"
    ).format(
        first=s.index[0],
        last=s.index[-1],
        s0=f"{s.iloc[0]:.0f}",
        s1=f"{s.iloc[-1]:.0f}",
        r0=f"{r.iloc[0]:.0f}",
        r1=f"{r.iloc[-1]:.0f}",
    )


def growth_race() -> pd.DataFrame:
    """Year-on-year growth of domestic and foreign purchases, comparable years only."""
    return rebuild.growth_faster_years()


def universe_gap() -> pd.DataFrame:
    """Foreign technology spending (亿元): all LMEs (yearbooks) and Table 1's traditional LMEs."""
    yb = data.lme_wide(universe=YEARBOOK_UNIVERSE)["foreign"].dropna()
    t1 = data.table1_wide()["foreign"]
    return pd.DataFrame({"all": yb, "traditional": t1}).dropna()
