"""Reading the paper critically (lesson 09): the claims ledger tallied, filtered and questioned.

Everything here is built on :func:`retool.claims.audit` (the printed value of every claim, the
course's recomputation and a verdict) and on the rebuild functions: the lesson's tables and the
exercises' expected answers come from the same calls.
"""

from __future__ import annotations

import pandas as pd

from .. import claims, data, measures, rebuild
from ..params import Param, Spec

# Verdicts in the order the lesson discusses them.
VERDICTS = ("matches", "differs (see note)", "not reproducible (see note)", "stated only")
VERDICT_LABELS = {
    "matches": "rebuilt: matches",
    "differs (see note)": "rebuilt: differs",
    "not reproducible (see note)": "cannot be rebuilt",
    "stated only": "stated only (nothing to rebuild)",
}

_NUMERALS = {"一": "I", "二": "II", "三": "III", "四": "IV"}
SECTION_TITLES = {
    "abstract": "abstract",
    "introduction": "introduction",
    "I.1": "scale of investment",
    "I.2": "growth and intensity",
    "I.3": "domestic technology",
    "I.4": "assimilation",
    "I.5": "components and livelihood",
    "II": "problems (intro)",
    "II.1": "intensity too low",
    "II.2": "informatisation",
    "II.3": "institutions",
    "II.4": "no long-term plan",
    "III": "advanced manufacturing (intro)",
    "III.1": "the necessary path",
    "III.2": "its direction",
    "III.3": "chances after the crisis",
    "IV": "recommendations (intro)",
    "IV.1": "emerging industries",
    "IV.2": "market reform",
    "IV.3": "technology and management",
    "IV.4": "the east as a base",
}


def section_code(section: str) -> str:
    """'一.2' -> 'I.2'; '内容提要 abstract' -> 'abstract' (ASCII, for charts)."""
    s = str(section).strip()
    if " " in s:
        return s.split(" ", 1)[1]
    head, _, rest = s.partition(".")
    return _NUMERALS.get(head, head) + (f".{rest}" if rest else "")


def section_label(section: str) -> str:
    """'一.2' -> 'I.2 growth and intensity'."""
    code = section_code(section)
    title = SECTION_TITLES.get(code, "")
    return code if title in ("", code) else f"{code} {title}"


def audit() -> pd.DataFrame:
    """The claims audit (see :func:`retool.claims.audit`) with an ASCII section code added.

    Computed once per state of ``data/`` (the files' modification times), then reused.
    """
    return _audit().copy()


@data.per_data_state
def _audit() -> pd.DataFrame:
    a = claims.audit()
    a["section_code"] = [section_code(s) for s in a["section"]]
    return a


@data.per_data_state
def sections() -> list[str]:
    """The ledger's sections in the paper's order (by the first line each is cited at)."""
    a = audit()
    first = a.groupby("section")["line"].min().sort_values()
    return list(first.index)


def section_of(text) -> str:
    """The ledger's section named by ``text``: itself, or the section whose code it is ('I.2')."""
    return next((s for s in sections() if text in (s, section_code(s))), text)


PARAMS = Spec(
    Param(
        "section",
        "Section",
        "章节",
        "",
        "all",
        "the lesson starts from the whole paper",
        options=lambda: {"all": "all sections", **{s: section_label(s) for s in sections()}},
        kind="choice",
    ),
    Param(
        "verdict",
        "Verdict",
        "结论",
        "",
        "all",
        "the lesson starts from every verdict",
        options={"all": "all verdicts", **VERDICT_LABELS},
        kind="choice",
    ),
)


def tally(audited: pd.DataFrame | None = None) -> pd.DataFrame:
    """Claims by section (rows, paper order) and verdict (columns, :data:`VERDICTS` order)."""
    a = audit() if audited is None else audited
    order = [s for s in sections() if s in set(a["section"])]
    t = pd.crosstab(a["section"], a["verdict"]).reindex(index=order, columns=list(VERDICTS))
    return t.fillna(0).astype(int)


def verdict_counts(audited: pd.DataFrame | None = None) -> pd.Series:
    """How many claims have each verdict (every verdict listed, zeros included)."""
    return tally(audited).sum().rename("claims")


def filter_ledger(section: str = "all", verdict: str = "all") -> pd.DataFrame:
    """The audit rows of one section (Chinese '一.2' or ASCII 'I.2') and/or one verdict.

    'all' keeps everything; an unknown section or verdict gives an empty frame.
    """
    a = audit()
    if section != "all":
        a = a[(a["section"] == section) | (a["section_code"] == section)]
    if verdict != "all":
        a = a[a["verdict"] == verdict]
    return a.reset_index(drop=True)


def describe(section: str = "all", verdict: str = "all") -> str:
    """One sentence on a filtered view of the ledger."""
    known_sections = ["all", *sections(), *(section_code(s) for s in sections())]
    if section not in known_sections:
        return f"There is no section {section!r} in the ledger; choose one of {sections()}."
    if verdict != "all" and verdict not in VERDICTS:
        return f"There is no verdict {verdict!r}; choose one of {list(VERDICTS)}."
    f = filter_ledger(section, verdict)
    where = "the whole paper" if section == "all" else f"section {section}"
    if f.empty:
        return f"No claim of {where} has the verdict '{verdict}'."
    counts = f["verdict"].value_counts()
    parts = [f"{counts[v]} {VERDICT_LABELS[v]}" for v in VERDICTS if v in counts]
    n = len(f)
    noun = "claim" if n == 1 else "claims"
    return f"{where[0].upper()}{where[1:]}: {n} {noun} — " + ", ".join(parts) + "."


# --- where the paper disagrees with itself -----------------------------------------------------


def _fmt(value: float, decimals: int = 2) -> str:
    return f"{value:.{decimals}f}"


def disagreements() -> pd.DataFrame:
    """Six places where the paper's numbers disagree with each other or with its own data.

    Each row: the issue, where it stands in the paper, what the paper says (its printed values,
    from data/), and what the data say (recomputed). Nothing is typed in.
    """
    cv = data.claim_value
    cl = data.claim
    yearly = rebuild.table1_yearly_growth()["renovation"]
    faster = rebuild.growth_faster_years().set_index("year")
    t1 = data.table1_wide()["renovation"]
    share_fai = rebuild.renovation_share_of_fai()
    rows = [
        (
            f"one {cl('lme_share_2009')['value']}% under two denominators",
            f"lines {cl('share_mfg_fai_2009')['paper_line']} and "
            f"{cl('lme_share_2009')['paper_line']}",
            f"{cl('share_mfg_fai_2009')['value']}% of manufacturing FAI (I.2); "
            f"{cl('lme_share_2009')['value']}% ends a series that starts at "
            f"{cl('lme_share_1980')['value']}% of all FAI (II.1)",
            f"Table 1 renovation / society-wide FAI 2009 = {_fmt(share_fai.loc[2009])}%; "
            f"the 1980 start rebuilds as {_fmt(rebuild.renovation_share_1980())}% of all FAI",
        ),
        (
            "2009 growth: text vs Table 1",
            f"line {cl('growth_2009_lme')['paper_line']}; Table 1",
            f"{cl('growth_2009_lme')['value']}% (all large and medium-sized enterprises)",
            f"Table 1 (traditional ones only): {_fmt(yearly.loc[2009])}%",
        ),
        (
            "'about 1/10' of the USA and Western Europe",
            f"line {cl('tenth_of_usa')['paper_line']}",
            f"about 1/{1 / cv('tenth_of_usa'):.0f} (from {cl('lme_share_2009')['value']}%, "
            f"{cl('us_share_1947_1978')['value']}%, {cl('west_europe_share_1950s')['value']}%)",
            f"1/{1 / rebuild.fraction_of_benchmark('us_share_1947_1978'):.1f} of the USA, "
            f"1/{1 / rebuild.fraction_of_benchmark('west_europe_share_1950s'):.1f} of W. Europe",
        ),
        (
            f"domestic purchases grow faster 'since {cl('domestic_faster_since_2003')['value']}'",
            f"line {cl('domestic_faster_since_2003')['paper_line']}",
            f"faster every year since {cl('domestic_faster_since_2003')['value']}",
            f"2006: domestic {_fmt(faster.loc[2006, 'domestic_growth_pct'], 1)}% vs foreign "
            f"{_fmt(faster.loc[2006, 'foreign_growth_pct'], 1)}%; true from "
            f"{rebuild.first_year_domestic_faster_from_then_on()} on",
        ),
        (
            f"growth 'fell rapidly' after {cl('fast_growth_until_2004')['value']}",
            f"line {cl('fast_growth_until_2004')['paper_line']}",
            f"fast growth until {cl('fast_growth_until_2004')['value']}, then a rapid fall",
            f"Table 1 growth rose from {_fmt(yearly.loc[2006], 1)}% (2006) to "
            f"{_fmt(yearly.loc[2007], 1)}% (2007)",
        ),
        (
            "Table 1's universe vs the text's",
            "Table 1; lines 128-164",
            "the text speaks of all large and medium-sized industrial enterprises",
            f"Table 1 covers traditional ones: 2008 renovation {_fmt(t1.loc[2008])} vs "
            f"{_fmt(rebuild.all_lme_renovation_2008(), 1)} with high-tech firms added",
        ),
    ]
    return pd.DataFrame(rows, columns=["issue", "where", "the paper says", "the data say"])


def fraction_as_one_in(fraction: float) -> float:
    """0.075 -> 13.3: a fraction written as 'one in x'."""
    return measures.multiple(1, fraction)
