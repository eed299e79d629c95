"""Reading the paper critically (lesson 09): the claims ledger tallied, filtered and questioned.

Everything here is built on :func:`retool.claims.audit` (the printed value of every claim, the
course's recomputation and a verdict) and on the rebuild functions: the lesson's tables and the
exercises' expected answers come from the same calls.
"""

from __future__ import annotations

import pandas as pd

from .. import claims, data, i18n, measures, rebuild
from ..i18n import N_, _, lazy
from ..params import Param, Spec
from ..wording import translated

# The ledger's verdicts, strongest evidence first (:data:`retool.claims.VERDICTS` explains each).
VERDICTS = tuple(claims.VERDICTS)
# The verdicts whose evidence is a reproduction from independent data, and those that need a look.
REBUILT = ("rebuilt",)
TROUBLE = ("not reproducible", "contradicted")

_NUMERALS = {"一": "I", "二": "II", "三": "III", "四": "IV"}
# The sections' short titles (English, as the chart writes them; each a message of the catalogue,
# so that a menu shows it in the language in use).
SECTION_TITLES = {
    "abstract": N_("abstract"),
    "introduction": N_("introduction"),
    "trends": N_("trends"),
    "I.1": N_("scale of investment"),
    "I.2": N_("growth and intensity"),
    "I.3": N_("domestic technology"),
    "I.4": N_("assimilation"),
    "I.5": N_("components and livelihood"),
    "II": N_("problems (intro)"),
    "II.1": N_("intensity too low"),
    "II.2": N_("informatisation"),
    "II.3": N_("institutions"),
    "II.4": N_("no long-term plan"),
    "III": N_("advanced manufacturing (intro)"),
    "III.1": N_("the necessary path"),
    "III.2": N_("its direction"),
    "III.3": N_("chances after the crisis"),
    "IV": N_("recommendations (intro)"),
    "IV.1": N_("emerging industries"),
    "IV.2": N_("market reform"),
    "IV.3": N_("technology and management"),
    "IV.4": N_("the east as a base"),
}


def section_code(section: str) -> str:
    """'一.2' -> 'I.2'; '内容提要 abstract' -> 'abstract' (ASCII, for charts)."""
    s = str(section).strip()
    if " " in s:
        return s.split(" ", 1)[1]
    head, _, rest = s.partition(".")
    return _NUMERALS.get(head, head) + (f".{rest}" if rest else "")


def section_label(section: str) -> str:
    """'一.2' -> 'I.2 growth and intensity'; in Chinese the paper's own name (:func:`section_name`),
    as a lesson's table of sections shows it."""
    if i18n.language() == "zh":
        return section_name(section)
    return _english_label(section)


def _english_label(section: str) -> str:
    code = section_code(section)
    title = SECTION_TITLES.get(code, "")
    return code if title in ("", code) else f"{code} {title}"


def section_name(section: str) -> str:
    """A section as a reader of the language in use names it: 'I.2 growth and intensity' in
    English, '一.2 增长与强度' in Chinese (the paper's own numbering)."""
    if i18n.language() != "zh":
        return _english_label(section)
    s = str(section).strip()
    head = s.split(" ", 1)[0]
    title = SECTION_TITLES.get(section_code(s), "")
    if not title or head in ("内容提要", "引言"):  # the abstract and introduction: their own names
        return head
    return f"{head} {translated(title)}"


def verdict_name(verdict: str) -> str:
    """A verdict of the ledger in the language in use ('rebuilt', '独立重建')."""
    return translated(verdict) if verdict in claims.VERDICTS else str(verdict)


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
        lazy("Section"),
        "",
        "all",
        lazy("the lesson starts from the whole paper"),
        options=lambda: {"all": _("all sections"), **{s: section_name(s) for s in sections()}},
        kind="choice",
    ),
    Param(
        "verdict",
        lazy("Verdict"),
        "",
        "all",
        lazy("the lesson starts from every verdict"),
        # the ledger's own words
        options=lambda: {"all": _("all verdicts"), **{v: verdict_name(v) for v in VERDICTS}},
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
        return _("There is no section {section} in the ledger; choose one of {sections}.").format(
            section=repr(section), sections=sections()
        )
    if verdict != "all" and verdict not in VERDICTS:
        return _("There is no verdict {verdict}; choose one of {verdicts}.").format(
            verdict=repr(verdict), verdicts=[verdict_name(v) for v in VERDICTS]
        )
    f = filter_ledger(section, verdict)
    shown = section_name(section_of(section)) if i18n.language() == "zh" else section
    where = (
        _("the whole paper") if section == "all" else _("section {section}").format(section=shown)
    )

    if f.empty:
        return _("No claim of {where} has the verdict '{verdict}'.").format(
            where=where, verdict=verdict_name(verdict)
        )
    counts = f["verdict"].value_counts()
    # TRANSLATORS: a count of claims with one verdict: '3 rebuilt'
    parts = [
        _("{n} {verdict}").format(n=counts[v], verdict=verdict_name(v))
        for v in VERDICTS
        if v in counts
    ]
    n = len(f)
    text = i18n.ngettext("{where}: {n} claim — {verdicts}.", "{where}: {n} claims — {verdicts}.", n)
    # TRANSLATORS: the separator between the items of a list
    said = text.format(where=where, n=n, verdicts=_(", ").join(parts))
    return said[0].upper() + said[1:]


# --- where the paper disagrees with itself -----------------------------------------------------


def _fmt(value: float, decimals: int = 2) -> str:
    return f"{value:.{decimals}f}"


def disagreements() -> pd.DataFrame:
    """Places where the paper's numbers disagree with each other, or where its wording claims
    more than its numbers show.

    Each row: the issue, where it stands in the paper, what the paper says (its printed values,
    from data/), and what the data say (recomputed). Nothing is typed in.
    """
    cl = data.claim
    yearly = rebuild.table1_yearly_growth()["renovation"]
    t1 = data.table1_wide()["renovation"]
    share_fai = rebuild.renovation_share_of_fai()
    low, high = gdp_share_growth_range()
    v = {k: cl(k)["value"] for k in CLAIMS_COMPARED}
    line = {k: cl(k)["paper_line"] for k in CLAIMS_COMPARED}
    rows = [
        (
            _("one {value}% under two denominators").format(value=v["lme_share_2009"]),
            _("lines {first} and {second}").format(
                first=line["share_mfg_fai_2009"], second=line["lme_share_2009"]
            ),
            _(
                "{mfg}% of manufacturing FAI (I.2); {share}% ends a series that starts at "
                "{start}% of all FAI (II.1)"
            ).format(
                mfg=v["share_mfg_fai_2009"], share=v["lme_share_2009"], start=v["lme_share_1980"]
            ),
            _(
                "Table 1 renovation / society-wide FAI 2009 = {share}% (firms' renovation "
                "spending against the 1980 figure's broader renovation investment); the 1980 "
                "start rebuilds as {start}% of all FAI"
            ).format(share=_fmt(share_fai.loc[2009]), start=_fmt(rebuild.renovation_share_1980())),
        ),
        (
            _("2009 growth: text vs Table 1"),
            _("line {line}; Table 1").format(line=line["growth_2009_lme"]),
            _("{value}% (all large and medium-sized enterprises)").format(
                value=v["growth_2009_lme"]
            ),
            _(
                "Table 1 (traditional ones only): {growth}%; the {share}% of GDP allows {low}% "
                "to {high}%, which contains both: the universe reading is likely, not proven"
            ).format(
                growth=_fmt(yearly.loc[2009]),
                share=v["share_gdp_2009"],
                low=_fmt(low),
                high=_fmt(high),
            ),
        ),
        (
            _("'about 1/10' of the USA and Western Europe"),
            _("line {line}").format(line=line["tenth_of_usa"]),
            _("about 1/{n} (from {china}%, {usa}%, {europe}%)").format(
                n=f"{1 / data.claim_value('tenth_of_usa'):.0f}",
                china=v["lme_share_2009"],
                usa=v["us_share_1947_1978"],
                europe=v["west_europe_share_1950s"],
            ),
            _("1/{usa} of the USA, 1/{europe} of W. Europe").format(
                usa=f"{1 / rebuild.fraction_of_benchmark('us_share_1947_1978'):.1f}",
                europe=f"{1 / rebuild.fraction_of_benchmark('west_europe_share_1950s'):.1f}",
            ),
        ),
        (
            _("Table 1's universe vs the text's"),
            _("Table 1; lines {first}-{last}").format(
                first=line["growth_2009_lme"], last=line["domestic_share_growth_2002_2009"]
            ),
            _("the text speaks of all large and medium-sized industrial enterprises"),
            _(
                "Table 1 covers traditional ones: 2008 renovation {table1} vs {all_lme} with "
                "high-tech firms added"
            ).format(table1=_fmt(t1.loc[2008]), all_lme=_fmt(rebuild.all_lme_renovation_2008(), 1)),
        ),
    ]
    # the columns are keys that code reads (row["issue"]) in either edition: not translated
    return pd.DataFrame(rows, columns=list(DISAGREEMENT_COLUMNS))


# The claims :func:`disagreements` compares, and its columns (messages of the catalogue).
CLAIMS_COMPARED = (
    "lme_share_2009",
    "share_mfg_fai_2009",
    "lme_share_1980",
    "growth_2009_lme",
    "share_gdp_2009",
    "tenth_of_usa",
    "us_share_1947_1978",
    "west_europe_share_1950s",
    "domestic_share_growth_2002_2009",
)
DISAGREEMENT_COLUMNS = (N_("issue"), N_("where"), N_("the paper says"), N_("the data say"))


def gdp_share_growth_range() -> tuple[float, float]:
    """The all-LME growth of 2009 (percent) that the paper's rounded 1.08% of GDP allows.

    Every growth rate in this range, applied to Table 1 + high-tech 2008, rounds to the printed
    share: the check cannot tell which growth rate, or which universe, lies behind -11.82%.
    """
    share = data.claim("share_gdp_2009")["value"]
    half = 0.5 * 10 ** -measures.decimals(share)
    gdp = data.gdp_series().loc[2009]
    base = rebuild.all_lme_renovation_2008()
    low, high = ((float(share) + s * half) / 100 * gdp for s in (-1, 1))
    return float(measures.growth_pct(base, low)), float(measures.growth_pct(base, high))


def fraction_as_one_in(fraction: float) -> float:
    """0.075 -> 13.3: a fraction written as 'one in x'."""
    return measures.multiple(1, fraction)


# --- the claims table of lesson 09: the claims in words, values as people write them ----------

TABLE_COLUMNS = ("claim", "where", "the paper prints", "the course finds", "verdict")
# The headers as a reader sees them (messages of the catalogue, in the language in use).
HEADERS = {
    "claim": N_("claim"),
    "where": N_("where"),
    "the paper prints": N_("the paper prints"),
    "the course finds": N_("the course finds"),
    "verdict": N_("verdict"),
}


def claims_table(audited: pd.DataFrame | None = None, recomputed_only: bool = True) -> pd.DataFrame:
    """The audit for reading: each claim in words (the ledger's ``measures_en``, in the language
    in use: :func:`data_text`), where it stands, the printed value with its comparison ('below
    10%'), the recomputed value in the same unit and the ledger's verdict, under headers in the
    language in use. ``recomputed_only`` keeps the claims the course recomputes."""
    table = _claims_rows(audit() if audited is None else audited, recomputed_only)
    return table.rename(columns={c: translated(HEADERS[c]) for c in TABLE_COLUMNS})


def _claims_rows(a: pd.DataFrame, recomputed_only: bool = True) -> pd.DataFrame:
    """:func:`claims_table` under the English headers (the names the code uses)."""
    if recomputed_only:
        a = a[a["recomputed"].notna()]
    chinese = i18n.language() == "zh"
    words = data.claims().set_index("claim_id")["measures_en"]
    rows = [
        (
            _sentence_case(data_text(words[r.claim_id])),
            _("{section}, line {line}").format(
                section=r.section.split(" ", 1)[0] if chinese else r.section_code, line=r.line
            ),
            claims.printed_text(r.printed, r.unit, r.comparison),
            claims.recomputed_text(r.recomputed, r.printed, r.unit),
            verdict_name(r.verdict),
        )
        for r in a.itertuples()
    ]
    return pd.DataFrame(rows, columns=list(TABLE_COLUMNS))


DOUBTFUL = ("not decisive", *TROUBLE)  # what lesson 09 explains claim by claim


def trouble_report(audited: pd.DataFrame | None = None, width: int = 100) -> str:
    """The claims the course cannot rebuild, cannot decide or finds contradicted: each in words
    with what the paper prints, what the course finds and its verdict, then the ledger's note."""
    import textwrap

    a = audit() if audited is None else audited
    notes = data.claims().set_index("claim_id")["note"]
    table = _claims_rows(a, recomputed_only=False)
    lines = []
    for i in a.index[a["verdict"].isin(DOUBTFUL)]:
        row = table.loc[i]
        lines.append(
            _(
                "{claim} ({where}): the paper prints {printed}, the course finds {found}: {verdict}"
            ).format(
                claim=row["claim"],
                where=row["where"],
                printed=row["the paper prints"],
                found=row["the course finds"] or _("nothing to compare"),
                verdict=row["verdict"],
            )
        )
        note = data_text(notes[a.loc[i, "claim_id"]])
        if i18n.language() == "zh":  # no spaces to break at: a reader's screen wraps it
            lines.append("    " + note)
        else:
            lines.append(
                textwrap.fill(note, width, initial_indent="    ", subsequent_indent="    ")
            )

    return "\n".join(lines)


def data_text(text: str) -> str:
    """A text of data/ (a claim's note) in the language in use: its translation in the
    catalogue (``python -m retool messages`` extracts the notes), or the text itself."""
    return translated(text.strip()) if text else text


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def styled_claims_table(table: pd.DataFrame | None = None):
    """:func:`claims_table` as a pandas Styler: each verdict in the chart's colour for it, the
    claims left-aligned and wrapped, the numbers right-aligned, no index."""
    from ..plots.ledger import VERDICT_COLOURS  # the chart's colours, one place

    t = claims_table() if table is None else table
    head = {c: translated(HEADERS[c]) for c in TABLE_COLUMNS}  # as claims_table wrote them

    colours = {verdict_name(v): c for v, c in VERDICT_COLOURS.items()}

    def verdict_cell(verdict):
        colour = colours.get(verdict, VERDICT_COLOURS.get(verdict, "#999999"))
        return f"border-left: 6px solid {colour}; font-weight: bold"

    return (
        # a fixed id: pandas draws a random one, which would change the notebook on every run
        t.style.set_uuid("claims")
        .hide(axis="index")
        .map(verdict_cell, subset=[head["verdict"]])
        .set_properties(subset=[head["claim"]], **{"text-align": "left", "max-width": "26em"})
        .set_properties(
            subset=[head["the paper prints"], head["the course finds"]],
            **{"text-align": "right", "white-space": "nowrap"},
        )
        .set_properties(subset=[head["where"], head["verdict"]], **{"white-space": "nowrap"})
        .set_table_styles(
            [
                {"selector": "th", "props": "text-align: left; border-bottom: 2px solid #444"},
                {"selector": "td", "props": "padding: 4px 10px; vertical-align: top"},
                {"selector": "tr:nth-child(even)", "props": "background: #f5f5f5"},
            ]
        )
        .set_caption(_("What the course recomputes, claim by claim (verdicts as in the chart)"))
    )
