"""Lesson 03 widget: the rebuilt Figures 2 and 3 for a year range and a universe.

The yearbooks give all large and medium-sized enterprises (LMEs) for 2000 and 2002-2004; Table 1
gives the paper's traditional LMEs for 2005-2009. ``view(start, end, universe)`` draws both
figures with the break between the universes marked, and says in one sentence what the chosen
window shows. An empty window (no data for that universe in those years) gives a sentence and an
empty chart, never a traceback.
"""

from __future__ import annotations

from .. import measures, rebuild
from ..plots import sources as charts
from ..plots.memo import per_data_state
from . import assemble

UNIVERSE_OPTIONS = {
    "both": "both, spliced as the paper does",
    rebuild.YEARBOOK_UNIVERSE: "all LMEs (yearbooks, 2000-2004)",
    rebuild.TABLE1_UNIVERSE: "traditional LMEs (Table 1, 2005-2009)",
}

_ALL_YEARS = [int(y) for y in rebuild.domestic_share("both")["year"]]
FIRST, LAST = _ALL_YEARS[0], _ALL_YEARS[-1]

DEFAULTS = {"start": FIRST, "end": LAST, "universe": "both"}

RANGES = {
    "start": [FIRST, LAST, FIRST - 10, LAST + 5],
    "end": [LAST, FIRST, FIRST - 10, LAST + 5],
    "universe": list(UNIVERSE_OPTIONS),
}


def _year(value, default, notes, name):
    try:
        y = int(value)
        if y != float(value):
            raise ValueError
        return y
    except (TypeError, ValueError, OverflowError):
        notes.append(f"the {name} year {value!r} is not a year, so {default} is used")
        return default


def settings_of(**settings):
    """The usable settings: (start, end, universe, notes on what was changed)."""
    s = {**DEFAULTS, **settings}
    notes: list[str] = []
    start = _year(s["start"], DEFAULTS["start"], notes, "start")
    end = _year(s["end"], DEFAULTS["end"], notes, "end")
    if end < start:
        notes.append(f"the end year {end} is before the start year {start}, so they are swapped")
        start, end = end, start
    universe = s["universe"]
    if universe not in UNIVERSE_OPTIONS:
        notes.append(f"{universe!r} is not a universe, so both are shown")
        universe = "both"
    return start, end, universe, notes


@per_data_state
def window(start: int, end: int, universe: str):
    """Figure 2's and Figure 3's values within [start, end] for the universe (two DataFrames).

    Computed once per window and state of data/ (a redraw should not rebuild the series).
    """
    s = rebuild.technology_series(universe)
    s = s[s["year"].between(start, end)].reset_index(drop=True)
    share = s[["year", "universe"]].assign(
        domestic_share_pct=measures.domestic_share_pct(s["domestic"], s["foreign"])
    )
    ratio = s[["year", "universe"]].assign(
        assimilation_ratio_pct=measures.assimilation_ratio_pct(s["assimilation"], s["foreign"])
    )
    return share, ratio


def sentence(share, ratio, start, end, universe, notes) -> str:
    prefix = "; ".join(notes)
    prefix = prefix[0].upper() + prefix[1:] + ". " if prefix else ""
    if share.empty:
        years = rebuild.domestic_share(universe)["year"]
        return prefix + (
            f"There are no data for {UNIVERSE_OPTIONS[universe].split(' (')[0]} in {start}-{end}: "
            f"that universe covers {int(years.min())}-{int(years.max())}."
        )
    s = share.set_index("year")["domestic_share_pct"]
    r = ratio.set_index("year")["assimilation_ratio_pct"]
    first, last = int(s.index[0]), int(s.index[-1])
    if first == last:
        text = (
            f"In {first} the domestic share of technology purchases was {s.iloc[0]:.1f}% and "
            f"assimilation spending was {r.iloc[0]:.1f}% of foreign technology spending"
        )
    else:
        text = (
            f"From {first} to {last} the domestic share of technology purchases went from "
            f"{s.iloc[0]:.1f}% to {s.iloc[-1]:.1f}% and assimilation from {r.iloc[0]:.1f}% to "
            f"{r.iloc[-1]:.1f}% of foreign technology spending"
        )
    brk = charts.break_year(share)
    if brk is not None:
        text += (
            f"; the dashed line between {int(brk - 0.5)} and {int(brk + 0.5)} marks the change "
            "from all LMEs (yearbooks) to the traditional LMEs of Table 1, so the jump across "
            "it is partly a change of universe"
        )
    return prefix + text + "."


def view(**settings):
    """Figures 2 and 3 for the settings and one sentence (missing settings use DEFAULTS)."""
    start, end, universe, notes = settings_of(**settings)
    share, ratio = window(start, end, universe)
    title = "" if len(share) else f"No data for this universe in {start}-{end}"
    fig = charts.figures_2_and_3(share, ratio, note="; ".join(notes)[:70], title=title)
    return fig, sentence(share, ratio, start, end, universe, notes)


def explorer():
    """A year-range slider and a universe menu; the two figures and a sentence below."""
    import ipywidgets as w

    years = w.IntRangeSlider(
        value=(DEFAULTS["start"], DEFAULTS["end"]),
        min=FIRST,
        max=LAST,
        description="Years",
        continuous_update=False,
        layout=w.Layout(width="420px"),
    )
    universe = w.Dropdown(
        options=[(v, k) for k, v in UNIVERSE_OPTIONS.items()],
        value=DEFAULTS["universe"],
        description="Universe",
        layout=w.Layout(width="420px"),
    )

    def view_range(years, universe):
        return view(start=years[0], end=years[1], universe=universe)

    return assemble([years, universe], ["years", "universe"], view_range)
