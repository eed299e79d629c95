"""The claims audit: every claim of the ledger, its verdict and, where it can be, its recomputation.

``data/paper_claims.csv`` holds one row per quantitative statement of the paper's text, each with a
verdict from :data:`VERDICTS` that names the kind of evidence behind it. A row whose ``method``
names an entry of :data:`METHODS` is recomputed from ``data/``; :func:`audit` compares the result
with the printed value at the paper's printed precision (``equal``), within a stated tolerance
(``about``), or as an inequality (``above``, ``below``), and flags every row whose recomputation no
longer supports its verdict.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from . import data, i18n, measures, rebuild, units
from .i18n import N_, _
from .wording import translated

# The verdicts, in the order the course reports them: from the strongest evidence to none. Each
# verdict and its meaning is a message of the catalogue (``_(verdict)`` names it in the language
# in use); the ledger stores the English key.
VERDICTS = {
    N_("rebuilt"): N_("rebuilt from independent data (yearbooks, GDP, fixed-asset investment)"),
    N_("arithmetic"): N_(
        "arithmetic on the paper's own printed numbers: consistent, not a reproduction"
    ),
    N_("not decisive"): N_(
        "consistent with the data, but a check that rival readings would pass too"
    ),
    N_("read back"): N_("restated from the paper's own table, nothing recomputed"),
    N_("in the text"): N_(
        "checkable within the text: a count, a year span or a list the paper gives"
    ),
    N_("not reproducible"): N_(
        "the data are missing or cover another universe (the note says which)"
    ),
    N_("contradicted"): N_("the paper's own numbers or data on its own universe say otherwise"),
    N_("stated only"): N_("stated without data the course could check"),
}
# Verdicts that say the evidence supports the print: a recomputation behind them must agree.
SUPPORTING = ("rebuilt", "arithmetic", "not decisive", "read back", "in the text")
# Verdicts that rest on a recomputation, so the ledger must name its method.
NEEDS_METHOD = ("rebuilt", "arithmetic", "not decisive", "read back", "contradicted")

# What a method's inputs are: 'independent' data only (national statistics), the 'paper's own
# printed numbers only, or a 'mix' of both.
INPUTS = ("independent", "paper", "mix")
# The inputs each verdict allows.
VERDICT_INPUTS = {
    "rebuilt": ("independent",),
    "arithmetic": ("paper",),
    "read back": ("paper",),
    "in the text": ("paper",),
}
# The year reform and opening began (a date, the start of the paper's "30多年").
REFORM_YEAR = 1978


@dataclass(frozen=True)
class Method:
    compute: Callable[[], float]
    unit: str  # the unit of the result: the row's unit must be the same
    inputs: str  # one of INPUTS


def _growth(series):
    return lambda: float(rebuild.table1_growth(2005, 2009)[series])


def _years_since_reform() -> float:
    return float(data.table1_wide().index.max() - REFORM_YEAR)


def _span_years(claim_id: str) -> Callable[[], float]:
    """Years in a span the quotation prints, e.g. 2009—2011 → 3 (both ends counted)."""

    def years():
        quote = data.claim(claim_id)["quote_cn"]
        found = re.search(r"((?:19|20)\d\d)\s*[—-]\s*((?:19|20)\d\d)", quote)
        if not found:
            raise ValueError(f"the quotation of {claim_id} prints no span of years")
        return float(int(found[2]) - int(found[1]) + 1)

    return years


METHODS = {
    "growth_2005_2009_renovation": Method(_growth("renovation"), "percent", "paper"),
    "growth_2005_2009_foreign": Method(_growth("foreign"), "percent", "paper"),
    "growth_2005_2009_assimilation": Method(_growth("assimilation"), "percent", "paper"),
    "growth_2005_2009_domestic": Method(_growth("domestic"), "percent", "paper"),
    "growth_2009_table1": Method(
        lambda: float(rebuild.table1_yearly_growth().loc[2009, "renovation"]), "percent", "paper"
    ),
    "share_gdp_2009_implied": Method(
        lambda: rebuild.renovation_share_of_gdp(2009, "lme_all"), "percent", "mix"
    ),
    "domestic_share_2000": Method(
        lambda: rebuild.domestic_share_in(2000), "percent", "independent"
    ),
    "domestic_share_2009": Method(lambda: rebuild.domestic_share_in(2009), "percent", "paper"),
    "domestic_share_growth_2002_2009": Method(
        lambda: (
            measures.multiple(rebuild.domestic_share_in(2009), rebuild.domestic_share_in(2002)) - 1
        ),
        "multiple",
        "mix",
    ),
    "domestic_faster_first_lme_all": Method(
        lambda: float(rebuild.first_year_domestic_faster("lme_all")), "year", "independent"
    ),
    "assimilation_ratio_2003": Method(
        lambda: rebuild.assimilation_ratio_in(2003), "percent", "independent"
    ),
    "assimilation_ratio_2009": Method(
        lambda: rebuild.assimilation_ratio_in(2009), "percent", "paper"
    ),
    "productivity_growth_multiple": Method(
        rebuild.productivity_growth_multiple, "multiple", "paper"
    ),
    "lme_share_1980": Method(rebuild.renovation_share_1980, "percent", "independent"),
    "share_fai_2009_table1": Method(
        lambda: float(rebuild.renovation_share_of_fai().loc[2009]), "percent", "mix"
    ),
    "max_share_mfg_fai_2006_2009": Method(
        lambda: float(rebuild.renovation_share_of_implied_mfg_fai().loc[2006:2009].max()),
        "percent",
        "mix",
    ),
    "equipment_total": Method(
        lambda: float(rebuild.equipment_distribution().sum()), "percent", "paper"
    ),
    "china_rank_2008": Method(lambda: float(rebuild.china_rank_2008()), "rank", "paper"),
    "tenth_of_usa": Method(
        lambda: rebuild.fraction_of_benchmark("us_share_1947_1978"), "multiple", "paper"
    ),
    "tenth_of_west_europe": Method(
        lambda: rebuild.fraction_of_benchmark("west_europe_share_1950s"), "multiple", "paper"
    ),
    "years_since_reform": Method(_years_since_reform, "years", "paper"),
    "subsidy_years_span": Method(_span_years("subsidy_years"), "years", "paper"),
    "strategy_years_span": Method(_span_years("informatisation_strategy_years"), "years", "paper"),
}


def recompute(claim_id: str) -> float:
    """The course's value for one claim (NaN where the ledger names no method)."""
    method = data.claim(claim_id)["method"]
    return float(METHODS[method].compute()) if method else math.nan


def agrees(value: float, printed: str, comparison: str, tolerance: float | None) -> bool:
    """Does a recomputed value support the printed one, under the claim's comparison?"""
    if not math.isfinite(value):
        return False
    target = float(printed)
    if comparison == "equal":
        return measures.matches_printed(value, printed)
    if comparison == "about":
        if tolerance is None or not math.isfinite(tolerance):
            raise ValueError("an 'about' comparison needs a tolerance")
        return abs(value - target) <= tolerance
    if comparison == "above":
        return value > target
    if comparison == "below":
        return value < target
    raise ValueError(f"unknown comparison {comparison!r}")


def _tolerance(row) -> float | None:
    t = row["tolerance"]
    return None if t != t else float(t)  # NaN when empty


def problems(row, value: float) -> list[str]:
    """Why a ledger row's verdict does not fit its method or its recomputation ([] if it does)."""
    verdict, method = row["verdict"], row["method"]
    out = []
    if verdict not in VERDICTS:
        return [f"unknown verdict {verdict!r}"]
    if verdict in NEEDS_METHOD and not method:
        out.append(f"the verdict '{verdict}' needs a method")
    if method:
        m = METHODS[method]
        if m.unit != row["unit"]:
            out.append(f"the method gives {m.unit}, the paper prints {row['unit']}")
        if m.inputs not in VERDICT_INPUTS.get(verdict, INPUTS):
            out.append(f"'{verdict}' cannot rest on {m.inputs} inputs")
        ok = agrees(value, row["value"], row["comparison"], _tolerance(row))
        if verdict in SUPPORTING and not ok:
            out.append(f"'{verdict}' but the recomputation does not agree")
        if verdict == "contradicted" and ok:
            out.append("'contradicted' but the recomputation agrees")
    return out


def audit(path=None) -> pd.DataFrame:
    """Every claim with its printed value and unit, the course's value, the verdict and any
    problem with that verdict (empty when the evidence still supports it)."""
    rows = []
    for _row, c in data.claims(path).iterrows():
        value = float(METHODS[c["method"]].compute()) if c["method"] else math.nan
        rows.append(
            {
                "claim_id": c["claim_id"],
                "section": c["section"],
                "line": c["paper_line"],
                "printed": c["value"],
                "comparison": c["comparison"],
                "unit": c["unit"],
                "recomputed": value,
                "verdict": c["verdict"],
                "problem": "; ".join(problems(c, value)),
            }
        )
    return pd.DataFrame(rows)


def verdict_counts(path=None) -> pd.Series:
    """How many claims have each verdict, in :data:`VERDICTS` order (zeros included)."""
    counts = data.claims(path)["verdict"].value_counts()
    return pd.Series({v: int(counts.get(v, 0)) for v in VERDICTS}, name="claims")


def counts_sentence(path=None) -> str:
    """The ledger's counts in one sentence (the README prints it; a test compares the two)."""
    counts = verdict_counts(path)
    # TRANSLATORS: a count of claims with one verdict: '3 rebuilt'
    parts = [_("{n} {verdict}").format(n=n, verdict=translated(v)) for v, n in counts.items()]
    return _("Of the paper's {n} quantitative statements: {counts}.").format(
        n=int(counts.sum()), counts=_(", ").join(parts)
    )


# --- values in words, for people: "below 10%", "about 1/10", "3,700亿元" -------------------------

COMPARISON_WORDS = {
    "equal": "",
    "about": N_("about "),
    "above": N_("above "),
    "below": N_("below "),
    "before": N_("before "),
}
WHOLE_UNITS = ("year", "years", "rank", "count", "ordinal", "century", "decade")
# What follows 亿元 or 万元 in a unit ('亿元 per year'), as a value's unit writes it.
UNIT_TAILS = {" per year": N_(" a year"), " per worker per year": N_(" per worker a year")}


def _ordinal(n: int) -> str:
    """11th (in English), 第11 (in Chinese)."""
    if i18n.language() == "zh":
        return f"第{n}"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _tail(unit: str, head: str) -> str:
    rest = unit[len(head) :]
    return translated(UNIT_TAILS[rest]) if rest in UNIT_TAILS else rest


def _number(value: float, places: int) -> str:
    return f"{value:,.{places}f}"


def with_unit(value: float, unit: str, places: int = 0) -> str:
    """A value in its unit as a person writes it: 31.7%, 3,700亿元, 1/13.3, 11th, the 1980s."""
    if not math.isfinite(value):
        return "—"
    whole = int(round(value))
    if unit == "percent":
        return f"{_number(value, places)}%"
    if unit.startswith(units.YI_YUAN):
        return units.money(value, f",.{places}f") + _tail(unit, units.YI_YUAN)
    if unit.startswith("万元"):
        return f"{_number(value, places)}万元" + _tail(unit, "万元")
    if unit == "multiple":
        if 0 < value < 1:  # a fraction as 'one in n'
            return f"1/{1 / value:,.1f}"
        return f"{_number(value, places)}×"
    if unit == "years":
        return _("{n} years").format(n=_number(value, places))
    if unit == "rank":
        return _("rank {n}").format(n=_number(value, places))
    if unit == "ordinal":
        return _ordinal(whole)
    if unit == "century":
        # Chinese counts centuries without an ordinal: 19世纪
        return _("the {n} century").format(n=whole if i18n.language() == "zh" else _ordinal(whole))

    if unit == "decade":
        return _("the {decade}s").format(decade=f"19{whole:02d}")
    if unit in ("year", "count"):
        return _number(value, places).replace(",", "") if unit == "year" else _number(value, places)
    return f"{_number(value, places)} {unit}".strip()


def printed_text(printed: str, unit: str, comparison: str) -> str:
    """The paper's value with its comparison: 'below 10%', 'about 1/10', '31.7%'."""
    places = measures.decimals(printed)
    value = with_unit(float(printed), unit, places)
    if unit == "multiple" and value.startswith("1/"):  # 'about 1/10': the paper's fraction
        value = f"1/{1 / float(printed):.0f}"
    word = COMPARISON_WORDS.get(comparison, f"{comparison} ")
    return (translated(word) if word else "") + value


def recomputed_text(value: float, printed: str, unit: str) -> str:
    """The course's value in the printed unit, one decimal finer than the paper prints
    (whole units stay whole when the value is whole); '' when nothing is recomputed."""
    if not math.isfinite(value):
        return ""
    places = measures.decimals(printed) + (2 if unit == "multiple" else 1)
    if unit in WHOLE_UNITS and float(value).is_integer():
        places = 0
    return with_unit(value, unit, places)


def report(path=None) -> str:
    """The audit as a text table (values in their units, printed ones with their comparison),
    the verdicts explained, counts by verdict, and any problem."""
    a = audit(path)
    shown = a.assign(
        printed=[printed_text(r.printed, r.unit, r.comparison) for r in a.itertuples()],
        recomputed=[recomputed_text(r.recomputed, r.printed, r.unit) for r in a.itertuples()],
    )
    cols = ["claim_id", "section", "line", "printed", "recomputed", "verdict"]
    shown["verdict"] = [translated(v) for v in shown["verdict"]]
    if i18n.language() == "zh":  # '内容提要 abstract': the section's Chinese name only
        shown["section"] = [str(s).split(" ", 1)[0] for s in shown["section"]]

    legend = "\n".join(
        _("  {verdict}: {meaning}").format(verdict=translated(v), meaning=translated(meaning))
        for v, meaning in VERDICTS.items()
    )
    table = shown[cols].rename(columns={c: translated(REPORT_COLUMNS[c]) for c in cols})
    # Chinese characters take two columns of a terminal: pandas aligns them so when asked
    with pd.option_context("display.unicode.east_asian_width", i18n.language() == "zh"):
        text = table.to_string(index=False)
    text += _("\n\nVerdicts:\n{legend}\n\n{n} claims. ").format(legend=legend, n=len(a))
    text += counts_sentence(path)
    bad = a[a["problem"] != ""]
    if not bad.empty:
        text += _("\n\nVerdicts the evidence no longer supports:\n") + "\n".join(
            f"  {r.claim_id}: {r.problem}" for r in bad.itertuples()
        )
    return text


# The report's column headers (the audit's column names in English).
REPORT_COLUMNS = {
    "claim_id": N_("claim_id"),
    "section": N_("section"),
    "line": N_("line"),
    "printed": N_("printed"),
    "recomputed": N_("recomputed"),
    "verdict": N_("verdict"),
}


# --- every numeral of the text has a ledger row or a recorded reason to skip it ----------------

CN_DIGITS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN = "一二两三四五六七八九十"
_COUNTER = "个是次代项种年条类点"
# Chinese numerals that count or order something: plan names (十一五), congresses (十六大),
# enumerations (一是), ordinals (第三), counts (四个, 三次, 两个), 一方面/另一方面, 未来十年.
CN_NUMERAL = re.compile(
    rf"十[一二三四五六七八九]?五(?=”|规划)|十[一二三四五六七八九]大|第[{_CN}]+|"
    rf"(?:另)?一方面|[{_CN}]+[{_COUNTER}]"
)
# Numbers of the text that name rather than state: section numbers, table and figure references,
# the grant's number.
NOT_NUMERALS = (r"^\s*\d、", r"[表图]\d", r"09&ZD035")
ARABIC = re.compile(r"(?<![\d.])-?\d+(?:\.\d+)?(?:/\d+)?")


def cn_value(token: str) -> float:
    """The number a Chinese numeral stands for: 十一五 → 11, 十六大 → 16, 第三 → 3, 四个 → 4."""
    core = token.removeprefix("另").removeprefix("第").removesuffix("方面")
    if core.startswith("十") and core[-1] in "五大" and len(core) > 1:
        core = core[:-1]  # 十一五 → 十一, 十五 → 十, 十六大 → 十六
    elif core[-1] in _COUNTER and len(core) > 1:
        core = core[:-1]
    if core.startswith("十"):
        return float(10 + CN_DIGITS.get(core[1:2], 0))
    if "十" in core:
        tens, _, ones = core.partition("十")
        return float(CN_DIGITS[tens] * 10 + CN_DIGITS.get(ones, 0))
    return float(CN_DIGITS[core[0]])


def _arabic_value(text: str, after: str) -> float:
    if "/" in text:
        a, b = text.split("/")
        return float(a) / float(b)
    return float(text) * (10000 if after.startswith("万亿") else 1)


def numerals(line: str) -> list[tuple[str, float]]:
    """Every Arabic number (years included) and Chinese numeral-count of one line of text."""
    out = [(m.group(), cn_value(m.group())) for m in CN_NUMERAL.finditer(line)]
    masked = line
    for pattern in NOT_NUMERALS:
        masked = re.sub(pattern, lambda m: " " * len(m.group()), masked)
    out += [
        (m.group(), _arabic_value(m.group(), masked[m.end() : m.end() + 2]))
        for m in ARABIC.finditer(masked)
    ]
    return out


def uncovered(
    lines: list[str], ledger: pd.DataFrame, skips: pd.DataFrame, table_lines: set[int], reach=6
) -> list[tuple[int, str, str]]:
    """The numerals of the text with no ledger row and no recorded skip: (line, token, text).

    A ledger row covers a numeral within ``reach`` lines when it states the same value, or, for a
    year, when its claim_id or quotation holds that year (the year dates the claim). A skip covers
    the numeral on its line, or every occurrence of the token when its line is 0.
    """
    rows = [
        (int(r.paper_line), float(r.value), f"{r.claim_id} {r.quote_cn}")
        for r in ledger.itertuples()
    ]
    skipped = {(int(s.paper_line), s.token) for s in skips.itertuples()}
    out = []
    for i, line in enumerate(lines, 1):
        if i in table_lines:
            continue
        for token, value in numerals(line):
            if (i, token) in skipped or (0, token) in skipped:
                continue
            near = [r for r in rows if abs(r[0] - i) <= reach]
            if any(
                math.isclose(v, value) or (1000 < value < 2100 and token in text)
                for _, v, text in near
            ):
                continue
            out.append((i, token, line.strip()))
    return out
