"""Numbers in the course's prose, and where each one comes from.

A number typed into a lesson's text can drift from the data without anything failing. This module
finds every number in the prose (the markdown cells of lessons/ and solutions/, the notes of the
claims ledger, the texts of the exercises) and sorts it into one of four kinds:

* **registered**: an entry of :data:`REGISTRY` names the notebook, a fragment of the sentence and a
  function that computes the number from data/ or the library; the printed number must equal the
  computed one at its printed precision;
* **printed by the paper**: the number is one of the paper's own printed values, kept in data/ (a
  value of the claims ledger, a cell of Table 1 or Table 2);
* **recorded with its source**: a value of a data/ table that names its own source (lesson 10's
  later policy), counted only in the texts that cite that table (:data:`RECORDED`);
* **exempt**: a year, a date, a document number, a line, section, table, figure or lesson number, a
  list number, an ordinal, a formula or code, a session's length or a rubric's marks
  (:data:`EXEMPT` gives each kind and why).

:func:`unaccounted` lists every number that is none of these, and every registered number that no
longer equals its computation; ``tests/test_prose_numbers.py`` fails on either, naming the
notebook and the sentence.
"""

from __future__ import annotations

import ast
import json
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from . import data, measures, units

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_FOLDERS = ("lessons", "solutions")

# Kinds of numbers that are not quantities, each masked before numbers are read, with the reason.
# Order matters: larger structures (code, formulas, links) are masked first.
EXEMPT: list[tuple[str, str, str]] = [
    (
        "citation",
        r"\b\d+\(\d+\), \d+[-–]\d+(?![\d%])|\(\d+\), \d+[-–]\d+(?![\d%])|"
        r"\bPress(?: for the NBER)?,\s*>?\s*\d+[-–]\d+(?![\d%])",
        "a journal's volume, issue and pages, or a book chapter's pages: bibliographic",
    ),
    (
        "code",
        r"```.*?```|`[^`]*`|^[ \t]*[\w.]+(?:\[[^\]\n]*\])?[ \t]*=[ \t][^\n]*$|\b[\w.]+\([^()]*\)",
        "code is executed, not typed as a claim",
    ),
    ("formula", r"\$\$.*?\$\$|\$[^$]+\$", "constants of a formula (×100, 1), not measurements"),
    (
        "lesson",
        r"(?:^|(?<=[\s\[(]))\d\d(?= ·)|(?<=\[)\d\d(?=\])|"
        r"\b[Ll]essons?\s+\d{1,2}(?:(?:,|\s+and|\s+or)\s+\d\d)*\b",
        "a lesson's number",
    ),
    (
        "document number",
        r"〔(?:19|20)\d\d〕\d+号",
        "an official document's number (文号: the issuer's year and serial), a name not a quantity",
    ),
    (
        "date",
        r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|"
        r"October|November|December)\b|"
        r"\b(?:19|20)\d\d-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?(?!\d)",
        "a day of a month, or a date written 2024-05-17 or 2024-06",
    ),
    (
        "time or length of an activity",
        r"\babout \d+(?:\.\d+)? (?:hours?|minutes|words)\b",
        "how long a session or a written answer should be: the course's choice, not a measurement",
    ),
    (
        "rubric mark",
        r"\bRubric \(\d+ points?\)|\(\d\)(?=;)|\(\d\)\.(?=\n)",
        "the marks of a marking scheme (a criterion's points): the course's choice, not data",
    ),
    ("link", r"\]\([^)]*\)", "a file name in a link"),
    ("grant", r"09&ZD035", "the grant's number"),
    ("section", r"[一二三四五六七八九十]+\.\d+|\b[Ss]ections? \d+(?:\.\d+)*", "a section number"),
    (
        "line",
        r"\b[Ll]ines?\s+\d+(?:\s*[-–—]\s*\d+)?(?:(?:,|\s+and)\s+\d+(?:\s*[-–—]\s*\d+)?)*",
        "a line number of the paper's text",
    ),
    (
        "yearbook table",
        r"\b(?:[Tt]ables?) \d+-\d+(?:(?:,| and) \d+-\d+)*|\b(?:CSY|CSY )?\d{4} "
        r"\d+-\d+\b",
        "a table number in a statistical yearbook",
    ),
    (
        "table or figure",
        r"\b(?:[Tt]ables?|[Ff]igures?|[Ff]ig\.) \d+(?:(?:,| and) \d+)*|[表图]\d",
        "the number of a table or figure",
    ),
    (
        "year",
        r"(?<![\d.])(?:19|20)\d\d(?:s|年)?(?!\.\d|[\d%])",
        "a calendar year, a date not a quantity",
    ),
    ("list", r"^[ \t]*(?:>[ \t]*)?\d+[.)](?=\s)", "the number of an item in a list"),
    ("question", r"\bq\d+\b|\b[Qq]uestions? \d+\b", "an exercise question's name"),
    ("ordinal", r"\b\d+(?:st|nd|rd|th)\b", "an ordinal (the 11th Five-Year Plan, 4th)"),
    (
        "example",
        r"\b\d+(?:\.\d+)? for \d+(?:\.\d+)?%|\b\d+(?:\.\d+)? would mean|e\.g\. \d+(?:\.\d+)?",
        "an example of the format an answer takes, not a claim",
    ),
    (
        "unit",
        rf"\b{units.YI_YUAN_EN}|{units.YI_YUAN} = 100",
        f"the definition of a unit ({units.YI_YUAN_DEFINED})",
    ),
]
_EXEMPT = [(kind, re.compile(pattern, re.S | re.M)) for kind, pattern, _ in EXEMPT]

# A number: optional sign, digits with thousands commas, decimals; or a fraction 1/n. A '-'
# right after a digit is a range dash (84-89%), not a sign.
NUMBER = re.compile(
    r"(?<![\w.])(?P<frac>1/\d+(?:\.\d+)?)(?![\w.]*\d)"
    r"|(?:(?<![\w.\d])(?P<sign>[-−])?)(?<![\w.])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?![A-Za-z_\d])"
)


@dataclass(frozen=True)
class Token:
    """One number in a text: where it stands, how it is printed and what it says."""

    start: int
    end: int
    text: str  # as written, e.g. '1/13', '-12.12', '134,000'
    printed: str  # the decimal to compare, e.g. '13', '-12.12', '134000'
    value: float  # what the text states (1/13 → 0.0769)


@dataclass(frozen=True)
class Entry:
    """A number the prose prints and the library computes.

    ``where``: a notebook's lesson number ('02' covers the lesson and its solution), 'ledger'
    (the claims' notes) or 'exNN' (an exercise module's texts). ``fragment``: words of the
    sentence around the number(s), exactly as printed. ``compute``: the value(s), one per number
    in the fragment, in order. ``places``: the precision when the print rounds to tens or
    thousands (-1, -3); by default the printed decimals.
    """

    where: str
    fragment: str
    compute: Callable[[], float | tuple[float, ...]]
    places: int | None = None

    def values(self) -> tuple[float, ...]:
        v = self.compute()
        return tuple(float(x) for x in v) if isinstance(v, (tuple, list)) else (float(v),)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def mask(text: str) -> str:
    """The text with every exempt kind of number blanked out (same length)."""
    for _, pattern in _EXEMPT:
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    return text


def numbers(text: str) -> list[Token]:
    """The numbers of a text that are not exempt."""
    out = []
    for m in NUMBER.finditer(mask(text)):
        if m["frac"]:
            denominator = m["frac"].split("/")[1]
            out.append(Token(m.start(), m.end(), m["frac"], denominator, 1 / float(denominator)))
            continue
        printed = m["num"].replace(",", "")
        if m["sign"]:
            printed = "-" + printed
        out.append(Token(m.start(), m.end(), m.group(), printed, float(printed)))
    return out


def agrees(value: float, printed: str, places: int | None = None) -> bool:
    """Does a computed value print as ``printed`` (at its decimals, or at ``places``)?"""
    if not math.isfinite(value):
        return False
    if places is None:
        return measures.matches_printed(value, printed)
    return round(value, places) == round(float(printed), places)


# --- the paper's printed values --------------------------------------------------------------


def paper_values(path=None) -> set[str]:
    """Every value the paper prints, as data/ keeps it: the ledger's values, Table 1, Table 2's
    index. (Table 2's ranks 1-10 are left out: they would excuse any small number.)"""
    found = set(data.claims(path)["value"].astype(str))
    found |= {_plain(v) for v in data.table1(path)["value_100m_yuan"]}
    found |= {_plain(v) for v in data.load("table2_idicn", path)["idicn"]}
    return found


# Values that data/ records from a cited source other than the paper (each row names its issuer,
# document and where the course read it) count like the paper's printed values, but only in the
# texts that use that table: 'lesson 10' and 'ex10' for later policy. A number computed from them is
# not such a value and must be registered.
RECORDED: dict[str, tuple[str, ...]] = {"later_policy": ("10", "ex10")}


def recorded_values(where: str, path=None) -> set[str]:
    """The values of the data/ tables that the text at ``where`` cites (see :data:`RECORDED`)."""
    found: set[str] = set()
    for resource, wheres in RECORDED.items():
        if where in wheres:
            values = data.load(resource, path)["value"].dropna()
            found |= {_plain(v) for v in values}
    return found


def _plain(value) -> str:
    """A stored number as printed: 2633.83 → '2633.83', 42 → '42' (no trailing '.0')."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def is_paper_value(token: Token, text: str, printed_values: set[str]) -> bool:
    """Is the number one the paper prints? '4万亿' is 40000亿; '1/10' is 0.1."""
    if token.text.startswith("1/"):
        return _plain(token.value) in printed_values
    after = text[token.end : token.end + 2]
    if after == "万亿":
        return _plain(token.value * 10000) in printed_values
    return token.printed in printed_values or _plain(token.value) in printed_values


# --- the texts ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """One scanned text: ``where`` (registry key), ``name`` (for messages) and the text."""

    where: str
    name: str
    text: str


def notebook_texts(root: Path = ROOT) -> Iterator[Text]:
    """Every markdown cell of the lessons and solutions."""
    for folder in NOTEBOOK_FOLDERS:
        for nb in sorted((root / folder).glob("*.ipynb")):
            cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
            for i, cell in enumerate(cells):
                if cell["cell_type"] == "markdown":
                    src = "".join(cell["source"])
                    yield Text(nb.name[:2], f"{folder}/{nb.name}, cell {i}", src)


def ledger_texts(path=None) -> Iterator[Text]:
    """The notes of the claims ledger, one per claim."""
    for r in data.claims(path).itertuples():
        if r.note:
            yield Text("ledger", f"data/paper_claims.csv, note of {r.claim_id}", r.note)


EXERCISE_TEXT_FIELDS = ("prompt", "hints", "solution_text", "options", "advice")


def _typed_strings(node) -> list[str]:
    """The typed parts of the strings under an AST node (an f-string's {fields} left out)."""
    if isinstance(node, ast.Constant):
        return [node.value] if isinstance(node.value, str) else []
    if isinstance(node, ast.JoinedStr):
        return ["".join(v.value if isinstance(v, ast.Constant) else " " for v in node.values)]
    return [t for child in ast.iter_child_nodes(node) for t in _typed_strings(child)]


def exercise_texts(root: Path = ROOT) -> Iterator[Text]:
    """The typed text of every exercise's prompt, hints, solution, options and mistake advice.

    The source is read, not the rendered questions: numbers in an f-string's {fields} are
    computed by the library, only the typed parts can drift.
    """
    for file in sorted((root / "retool" / "exercises").glob("ex[0-9][0-9]_*.py")):
        tree = ast.parse(file.read_text(encoding="utf-8"))
        seen: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.keyword) and node.arg in EXERCISE_TEXT_FIELDS:
                parts = [node.value]
            elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Mistake":
                parts = node.args[2:3]
            else:
                continue
            for part in parts:
                if id(part) in seen:
                    continue
                seen.add(id(part))
                inner = [s for s in _typed_strings(part) if s.strip()]
                for text in inner:
                    yield Text(
                        file.stem[:4], f"retool/exercises/{file.name}, line {part.lineno}", text
                    )


def all_texts(root: Path = ROOT, path=None) -> Iterator[Text]:
    yield from notebook_texts(root)
    yield from ledger_texts(path)
    yield from exercise_texts()


# --- the check ----------------------------------------------------------------------------------


def sentence(text: str, start: int, end: int) -> str:
    """The sentence around a span, whitespace squashed, for a message."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n\n", 0, start), -1)
    right = min(
        (i for i in (text.find(". ", end), text.find("\n\n", end)) if i >= 0), default=len(text)
    )
    return _squash(text[left + 1 : right + 1]).strip()[:300]


def _registered(t: Text, tokens: list[Token], registry) -> tuple[dict[int, str], set[int]]:
    """Problems with the registered numbers of one text, and which tokens are registered."""
    flat = _squash(t.text)
    # map positions in the squashed text back to the original
    index = [m.start() for m in re.finditer(r"\s+|\S", t.text)]
    covered: set[int] = set()
    problems: dict[int, str] = {}
    for entry in registry:
        if entry.where != t.where:
            continue
        for hit in re.finditer(re.escape(_squash(entry.fragment)), flat):
            lo, hi = index[hit.start()], index[hit.end() - 1] + 1
            inside = [i for i, k in enumerate(tokens) if lo <= k.start and k.end <= hi]
            values = entry.values()
            if len(inside) != len(values):
                problems[inside[0] if inside else -1] = (
                    f"the registry gives {len(values)} value(s) for {len(inside)} number(s) in "
                    f"{entry.fragment!r}"
                )
                continue
            for i, v in zip(inside, values):
                covered.add(i)
                if not agrees(v, tokens[i].printed, entry.places):
                    problems[i] = f"prints {tokens[i].text}, the library computes {v:.4g}"
    return problems, covered


def unaccounted(texts=None, registry=None, path=None) -> list[str]:
    """Every number of the prose that is neither registered and equal to its computation, nor
    printed by the paper, nor exempt; and every registry entry whose fragment is nowhere found."""
    texts = list(all_texts(path=path) if texts is None else texts)
    registry = REGISTRY if registry is None else registry
    printed_values = paper_values(path)
    sourced = {w: printed_values | recorded_values(w, path) for w in {t.where for t in texts}}
    out = []
    used = set()
    for t in texts:
        tokens = numbers(t.text)
        problems, covered = _registered(t, tokens, registry)
        used |= {
            e.fragment
            for e in registry
            if e.where == t.where and _squash(e.fragment) in _squash(t.text)
        }
        for i, k in enumerate(tokens):
            if i in problems:
                out.append(f"{t.name}: {problems[i]}: “{sentence(t.text, k.start, k.end)}”")
            elif i not in covered and not is_paper_value(k, t.text, sourced[t.where]):
                out.append(
                    f"{t.name}: {k.text} is not registered in retool.prose.REGISTRY, not a value "
                    f"the paper prints, nor exempt: “{sentence(t.text, k.start, k.end)}”"
                )
        if -1 in problems:
            out.append(f"{t.name}: {problems[-1]}")
    stale = [e for e in registry if e.fragment not in used]
    out += [f"{e.where}: the registered fragment {e.fragment!r} is not in the prose" for e in stale]
    return out


# --- the registry ------------------------------------------------------------------------------
# What the prose computes, by notebook. Each function reads data/ through the library, so a changed
# data value changes the expected number and the sentence that prints the old one fails.


def _t1():
    return data.table1_wide()


def _yearly(series="renovation"):
    from . import rebuild

    return rebuild.table1_yearly_growth()[series]


def _growth(series):
    from . import rebuild

    return float(rebuild.table1_growth(2005, 2009)[series])


def _composition(series, year):
    from . import rebuild

    return float(rebuild.table1_composition().loc[year, series])


def _renovation_share(series, years):
    from . import rebuild

    c = rebuild.table1_composition()["renovation"]
    return tuple(getattr(c, f)() for f in ("min", "max")) if years == "range" else c


def _technology_share(year):
    return 100 - _composition("renovation", year)


def _g2009_table1():
    return float(_yearly().loc[2009])


def _gdp_range():
    from .models import ledger

    return ledger.gdp_share_growth_range()


def _rebuild(name, *args):
    from . import rebuild

    return lambda: getattr(rebuild, name)(*args)


def _share_of_fai(year=2009, universe="lme_traditional"):
    from . import rebuild

    return float(rebuild.renovation_share_of_fai(universe).loc[year])


def _mfg_intensity(year):
    from . import rebuild

    return float(rebuild.renovation_share_of_implied_mfg_fai().loc[year])


def _urban_mfg_share():
    from .models import intensity

    return intensity.urban_manufacturing_share()


def _urban_intensity_2006():
    """Table 1's 2006 renovation over manufacturing FAI at the 2005 urban manufacturing share."""
    fai = data.fai_series("fai_total").loc[2006]
    share = float(_urban_mfg_share().iloc[-1])
    return measures.share_pct(_t1().loc[2006, "renovation"], fai * share / 100)


def _one_in(benchmark):
    from . import rebuild

    return 1 / rebuild.fraction_of_benchmark(benchmark)


def _fraction(benchmark):
    from . import rebuild

    return rebuild.fraction_of_benchmark(benchmark)


def _about_tenth_bounds():
    row = data.claim("tenth_of_usa")
    target, tol = float(row["value"]), float(row["tolerance"])
    return tol, 1 / (target - tol), 1 / (target + tol)


def _society_share(year):
    from .models import intensity

    return float(intensity.society_share_of_fai().loc[year])


def _gdp_share_1990s(*years):
    from .models import intensity

    s = intensity.intensity_1990s()["share_gdp_pct"]
    return tuple(float(s.loc[y]) for y in years)


def _shortfall(key):
    from .models import intensity

    table = intensity.counterfactual_table(data.claim_value("lme_share_1980"))
    return intensity.summary(table)[key]


def _fai_1981_growth():
    f = data.fai()
    row = f[(f["series"] == "fai_total") & (f["year"] == 1981)].iloc[0]
    return float(row["growth_over_previous_pct"])


def _domestic_share(year):
    from . import rebuild

    return rebuild.domestic_share_in(year)


def _assimilation_ratio(year):
    from . import rebuild

    return rebuild.assimilation_ratio_in(year)


def _domestic_share_rise():
    from . import claims

    return claims.METHODS["domestic_share_growth_2002_2009"].compute()


def _traditional_foreign_share():
    lme = data.lme_wide()["foreign"]
    s = (_t1()["foreign"] / lme * 100).dropna()
    return s


def _lme_growth(year, series):
    from . import rebuild

    g = rebuild.growth_faster_years().set_index(["universe", "year"])
    return float(g.loc[("lme_all", year), f"{series}_growth_pct"])


def _subsidy(name, *args):
    from .models import subsidy

    return lambda: getattr(subsidy, name)(*args)


def _rate(name):
    from .models import subsidy

    return lambda: getattr(subsidy, name)


def _incentive(firm, setting, reformed=False):
    from .models import incentives

    return lambda: incentives.firm_settings(firm, reformed)[setting]


def _exercise(module, name):
    import importlib

    return getattr(importlib.import_module(f"retool.exercises.{module}"), name)


def _wear(name):
    from .models import wear

    return lambda: getattr(wear, name)


def _table2_countries():
    return float(data.table2()["country_iso3"].nunique())


def _unprinted_countries():
    return data.claim_value("idicn_countries") - _table2_countries()


def _chain_stages():
    from .models import chain

    return float(len(chain.STAGES))


def _idicn_growth_years():
    y = data.table2()["year"]
    return float(y.max() - y.min())


def _diff_2005_2009(series):
    t = _t1()[series]
    return float(t.loc[2009] - t.loc[2005])


def _cagr():
    t = _t1()["renovation"]
    return measures.cagr_pct(t.loc[2005], t.loc[2009], 2009 - 2005)


def _percent_slip():
    v = data.claim_value("growth_2005_2009_renovation")
    return v, v / 100


def _question_count(lesson: str) -> float:
    import importlib

    from .exercises import core

    name = next((ROOT / "retool" / "exercises").glob(f"ex{lesson}_*.py")).stem
    module = importlib.import_module(f"retool.exercises.{name}")
    return float(sum(isinstance(q, core.Question) for q in vars(module).values()))


def _later(name, *args):
    from . import later

    return lambda: getattr(later, name)(*args)


def _later_fraction(fact_id):
    """A later-policy value stated in percent (points), as yuan a yuan."""
    return lambda: _later("value", fact_id)() / 100


def _pct_as_fraction(claim_id):
    return lambda: data.claim_value(claim_id) / 100


YEARLY = lambda: tuple(_yearly().loc[2006:2009])  # noqa: E731
G2009 = _g2009_table1
GDP_RANGE = _gdp_range
IMPLIED_MFG = _rebuild("implied_mfg_share_2009")
SHARE_FAI_2009 = _share_of_fai
USA = lambda: _one_in("us_share_1947_1978")  # noqa: E731
EUROPE = lambda: _one_in("west_europe_share_1950s")  # noqa: E731
ASSIM_GROWTH = lambda: (_growth("assimilation"), _growth("renovation"))  # noqa: E731
FOREIGN_RANGE = lambda: (_traditional_foreign_share().min(), _traditional_foreign_share().max())  # noqa: E731
TENTH = lambda: 1 / data.claim_value("tenth_of_usa")  # noqa: E731  (the paper's "1/10")
RATE = _rate("LENDING_RATE_2009_PCT")
RATE_3_5 = _rate("LENDING_RATE_3_5Y_2009_PCT")

REGISTRY: list[Entry] = [
    # lesson 00
    Entry("00", "about 8%", lambda: _yearly().loc[2006]),
    Entry("ex00", "grew by about 8% in 2006", lambda: _yearly().loc[2006]),
    Entry(
        "ex00",
        "Typing 0.317 instead of 31.7",
        lambda: (
            data.claim_value("growth_2005_2009_renovation") / 100,
            data.claim_value("growth_2005_2009_renovation"),
        ),
    ),
    # lesson 01
    Entry("01", "grew about 8% in 2006, **21% in 2007**, 15% in 2008 and **-12% in 2009**", YEARLY),
    Entry("01", "about 8%, 21%, 15%, -12%", YEARLY),
    Entry("ex01", "About 8%, 21%, 15% and -12%", YEARLY),
    Entry("ex01", "2006 about 8%, 2007 about 21%, 2008 about 15%, 2009 about -12%", YEARLY),
    Entry("01", "Table 1 gives -12.12%", G2009),
    Entry("01", "Renovation is 84-89%", lambda: _renovation_share("renovation", "range")),
    Entry(
        "01",
        "Renovation is 84-89% of the four series",
        lambda: _renovation_share("renovation", "range"),
    ),
    Entry(
        "01", "from about 11% to 16%", lambda: (_technology_share(2005), _technology_share(2009))
    ),
    Entry("01", "Assimilation grew 266%, renovation 32%", ASSIM_GROWTH),
    Entry(
        "01",
        "Renovation is about 84% of the total; the three technology series together about 16%",
        lambda: (_composition("renovation", 2009), _technology_share(2009)),
    ),
    Entry(
        "ex01",
        "About 84%: renovation dominates; the three technology series together are about 16%",
        lambda: (_composition("renovation", 2009), _technology_share(2009)),
    ),
    Entry("01", "about 7.1% a year", _cagr),
    Entry("ex01", "About 7.1% a year", _cagr),
    Entry(
        "ex01",
        "Dividing 31.7% by 4 (7.9%)",
        lambda: (
            data.claim_value("growth_2005_2009_renovation"),
            4,
            data.claim_value("growth_2005_2009_renovation") / 4,
        ),
    ),
    Entry("01", "265.958", lambda: _growth("assimilation"), 3),
    Entry(
        "01",
        "Answers like 2.66 (a fraction) or 365.96",
        lambda: (_growth("assimilation") / 100, _growth("assimilation") + 100),
    ),
    *[Entry(k, "(31.7, not 0.317)", _percent_slip) for k in ("01", "02", "03")],
    *[
        Entry(k, f"{n} questions on lesson", lambda k=k: _question_count(k))
        for k, n in (("01", 8), ("02", 8), ("03", 8))
    ],
    Entry("01", "a modest 8% in 2006", lambda: _yearly().loc[2006]),
    # lesson 02
    Entry("02", "Table 1's 2009 growth is -12.12%", G2009),
    Entry("02", "a range that also contains Table 1's -12.12%", G2009),
    Entry("02", "from about -12.2% to -11.3%", GDP_RANGE),
    Entry("02", "the high-tech enterprises (218.6亿元)", _rebuild("hightech_renovation_2008")),
    Entry("02", "manufacturing share of about 31%", IMPLIED_MFG),
    Entry("02", "the urban 23-27%", lambda: (_urban_mfg_share().min(), _urban_mfg_share().max())),
    Entry(
        "02",
        "from about 9.4% in 2005 to 4.9% in 2009",
        lambda: (_mfg_intensity(2005), _mfg_intensity(2009)),
    ),
    Entry("02", "its 5.5% growth", _fai_1981_growth),
    Entry("02", "FAI 1981 / 1.055", lambda: 1 + _fai_1981_growth() / 100),
    Entry("02", "Table 1 gives 1.5% of society-wide FAI", SHARE_FAI_2009),
    Entry("02", "(Table 1 over society-wide FAI: 1.5%)", SHARE_FAI_2009),
    Entry(
        "02", "About 1.5%, not 5.2%", lambda: (SHARE_FAI_2009(), data.claim_value("lme_share_2009"))
    ),
    Entry(
        "ex02",
        "About 1.5%, far below 5.2%",
        lambda: (SHARE_FAI_2009(), data.claim_value("lme_share_2009")),
    ),
    Entry(
        "02",
        "is about 1/13 of the US 69% (the ledger: *contradicted*, since 1/13.3",
        lambda: (USA(), data.claim_value("us_share_1947_1978"), USA()),
    ),
    Entry(
        "02",
        "5.2% is 1/13 of the US 69%",
        lambda: (data.claim_value("lme_share_2009"), USA(), data.claim_value("us_share_1947_1978")),
    ),
    Entry("02", "to 15.5% (2000)", lambda: _society_share(2000)),
    Entry("02", "falls from about 9% to 5%", lambda: (_mfg_intensity(2005), _mfg_intensity(2009))),
    Entry(
        "02",
        "About 134,000亿元, 10% of the period's GDP, 670 years",
        lambda: (
            _shortfall("cumulative_shortfall"),
            _shortfall("cumulative_shortfall_pct_gdp"),
            _shortfall("subsidy_years"),
        ),
        -3,
    ),
    Entry(
        "ex02",
        "About 134,000亿元, some 10% of the period",
        lambda: (_shortfall("cumulative_shortfall"), _shortfall("cumulative_shortfall_pct_gdp")),
        -3,
    ),
    Entry("02", "-12.12%: Table 1 covers", G2009),
    Entry(
        "ex02", "About -12.12%, not -11.82%", lambda: (G2009(), data.claim_value("growth_2009_lme"))
    ),
    Entry("02", "Table 1 alone gives 1.02%", _rebuild("renovation_share_of_gdp", 2009)),
    Entry("02", "Table 1's -12.12% would round", G2009),
    Entry("02", "About 31%", IMPLIED_MFG),
    Entry("ex02", "About 31%", IMPLIED_MFG),
    Entry(
        "02",
        "5.2 / 69 ≈ 0.075 (1/13.3, not about 1/10) and 5.2 / 50 ≈ 0.104 (1/9.6)",
        lambda: (
            data.claim_value("lme_share_2009"),
            data.claim_value("us_share_1947_1978"),
            _fraction("us_share_1947_1978"),
            USA(),
            TENTH(),
            data.claim_value("lme_share_2009"),
            data.claim_value("west_europe_share_1950s"),
            _fraction("west_europe_share_1950s"),
            EUROPE(),
        ),
    ),
    Entry(
        "ex02",
        "5.2 / 69 is about 0.075 (1/13) and 5.2 / 50 about 0.104",
        lambda: (
            data.claim_value("lme_share_2009"),
            data.claim_value("us_share_1947_1978"),
            _fraction("us_share_1947_1978"),
            USA(),
            data.claim_value("lme_share_2009"),
            data.claim_value("west_europe_share_1950s"),
            _fraction("west_europe_share_1950s"),
        ),
    ),
    Entry("ex02", "About 1/13 of the USA", USA),
    Entry("ex02", "is about 0.075 and", lambda: _fraction("us_share_1947_1978")),
    Entry("ex02", "about 0.104.", lambda: _fraction("west_europe_share_1950s")),
    # lesson 03
    Entry(
        "03",
        "About 10% in 2000, about 33% in 2009",
        lambda: (_domestic_share(2000), _domestic_share(2009)),
    ),
    Entry(
        "03",
        "About 10% in 2000 and 33% in 2009",
        lambda: (_domestic_share(2000), _domestic_share(2009)),
    ),
    Entry(
        "ex03",
        "About 10% in 2000 and 33% in 2009",
        lambda: (_domestic_share(2000), _domestic_share(2009)),
    ),
    Entry(
        "03",
        "from about 10% (2000) to 33% (2009)",
        lambda: (_domestic_share(2000), _domestic_share(2009)),
    ),
    Entry("03", "the share rose by 2.2 times", _domestic_share_rise),
    Entry("03", "About 2.2:", _domestic_share_rise),
    Entry("ex03", "About 2.2:", _domestic_share_rise),
    Entry(
        "ex03",
        "(2.2), not in percent (220%)",
        lambda: (_domestic_share_rise(), round(_domestic_share_rise() * 100, -1)),
    ),
    Entry("03", "only 71-81%", FOREIGN_RANGE),
    Entry("03", "(Table 1 = 71-81% of", FOREIGN_RANGE),
    Entry("ex03", "about 71-81%", FOREIGN_RANGE),
    Entry(
        "03",
        "About 71%: the high-tech enterprises buy almost 30%",
        lambda: (
            _traditional_foreign_share().loc[2005],
            round(100 - _traditional_foreign_share().loc[2005], -1),
        ),
    ),
    Entry(
        "ex03",
        "About 71%: high-tech enterprises bought almost 30%",
        lambda: (
            _traditional_foreign_share().loc[2005],
            round(100 - _traditional_foreign_share().loc[2005], -1),
        ),
    ),
    Entry(
        "03",
        "(4.5% against 14.1%)",
        lambda: (_yearly("domestic").loc[2006], _yearly("foreign").loc[2006]),
    ),
    Entry(
        "03",
        "(domestic 4.5% against foreign 14.1%)",
        lambda: (_yearly("domestic").loc[2006], _yearly("foreign").loc[2006]),
    ),
    Entry(
        "ex03",
        "grew about 4.5% against 14.1%",
        lambda: (_yearly("domestic").loc[2006], _yearly("foreign").loc[2006]),
    ),
    Entry(
        "03",
        "About 7% in 2003 and 46% in 2009",
        lambda: (_assimilation_ratio(2003), _assimilation_ratio(2009)),
    ),
    Entry(
        "ex03",
        "About 7% in 2003 and 46% in 2009",
        lambda: (_assimilation_ratio(2003), _assimilation_ratio(2009)),
    ),
    Entry("03", "to 46%", lambda: _assimilation_ratio(2009)),
    # lesson 04
    Entry("04", "Take g = 8% a year", lambda: _exercise("ex04_wear", "NEW_GROWTH") * 100),
    Entry("06", "premium f = 0.2", lambda: _exercise("ex06_incentives", "PREMIUM")),
    Entry("06", "failure (b = 0.5)", lambda: _exercise("ex06_incentives", "SOFT_BUDGET")),
    # lesson 05
    Entry("05", "the exponent is 1/8", _idicn_growth_years),
    Entry("05", "Using 9,", lambda: _idicn_growth_years() + 1),
    Entry(
        "06",
        "| market power $m$ | 0.8 | 0.1 |",
        lambda: (_incentive("soe", "market_power")(), _incentive("private", "market_power")()),
    ),
    Entry(
        "06",
        "| share of the gain $s$ | 0.05 | 0.9 |",
        lambda: (_incentive("soe", "share")(), _incentive("private", "share")()),
    ),
    Entry(
        "06",
        "| probability sunk $p$ | 0.1 | 0.5 |",
        lambda: (_incentive("soe", "p_sunk")(), _incentive("private", "p_sunk")()),
    ),
    Entry("06", "lowers the SOE's $m$ to 0.2", _incentive("soe", "market_power", True)),
    Entry("06", "their $p$ to 0.2", _incentive("private", "p_sunk", True)),
    Entry("04", "| years | 15 |", _wear("DEFAULT_YEARS")),
    # lesson 07
    Entry("ex07", "about half the 1/7", _chain_stages),
    # lesson 08
    Entry("08", "Three years of subsidy, 600亿元", _subsidy("subsidy_total")),
    Entry(
        "08",
        "under 6% of their 2009 spending",
        lambda: measures.share_pct(
            data.claim_value("subsidy_per_year"), _t1().loc[2009, "renovation"]
        ),
    ),
    Entry(
        "08",
        "3700亿元, 9.25% of the stimulus",
        lambda: (data.claim_value("stimulus_renovation"), _subsidy("stimulus_share_pct")()),
    ),
    Entry(
        "08",
        "3700亿元 (9.25%)",
        lambda: (data.claim_value("stimulus_renovation"), _subsidy("stimulus_share_pct")()),
    ),
    Entry("08", "| 5.31% |", RATE),
    Entry("08", "three to five years: 5.76%", RATE_3_5),
    Entry("08", "loans of about 3,766亿元", _subsidy("loans_supported", 200.0), 0),
    Entry("08", "fell* by 12%", lambda: -G2009()),
    Entry("08", "spending ≈ 5.76%", _subsidy("break_even_rate_pct")),
    Entry("08", "The 5.31% is the benchmark", RATE),
    Entry("08", "was 5.76% — the break-even rate", RATE_3_5),
    Entry("08", "closer to 1/13", USA),
    Entry("08", "lending rate, 5.31%", RATE),
    Entry("08", "Dividing by 5.31 instead of 0.0531", lambda: (RATE(), RATE() / 100)),
    # lesson 09
    Entry("09", "about 1.5% in 2009", SHARE_FAI_2009),
    Entry(
        "09", "About 1.5%, not 5.2%", lambda: (SHARE_FAI_2009(), data.claim_value("lme_share_2009"))
    ),
    Entry("09", "-11.82% vs -12.12%", lambda: (data.claim_value("growth_2009_lme"), G2009())),
    Entry("09", "from about -12.2% to -11.3%", GDP_RANGE),
    Entry("09", "but also Table 1's -12.12%", G2009),
    Entry(
        "09",
        "is 1/13 against the USA.** On the paper's own numbers 5.2 / 69 ≈ 1/13.3 and 5.2 / 50 "
        "≈ 1/9.6",
        lambda: (
            USA(),
            data.claim_value("lme_share_2009"),
            data.claim_value("us_share_1947_1978"),
            USA(),
            data.claim_value("lme_share_2009"),
            data.claim_value("west_europe_share_1950s"),
            EUROPE(),
        ),
    ),
    Entry("09", "1/13 is not what a reader hears", USA),
    Entry("09", 'a "1/10" that is 1/13', lambda: (TENTH(), USA())),
    Entry(
        "09",
        "69 / 5.2 ≈ 13.3: about 1/13",
        lambda: (
            data.claim_value("us_share_1947_1978"),
            data.claim_value("lme_share_2009"),
            USA(),
            USA(),
        ),
    ),
    Entry(
        "09",
        "Western Europe's 50% (1/9.6)",
        lambda: (data.claim_value("west_europe_share_1950s"), EUROPE()),
    ),
    Entry("09", "Table 1 gives -12.12%", G2009),
    # lesson 10 (the 2024 programme, from data/later_policy.csv through retool.later)
    Entry("10", "all of one year's interest at 5.31%", RATE),
    Entry(
        "10",
        "costs the budget 0.015 yuan a year",
        _later_fraction("subsidy_points_2024_july"),
    ),
    Entry(
        "10",
        "200亿元 / 0.03 ≈ 6,667亿元",
        lambda: (
            _later("value", "subsidy_total_2024")(),
            _later("subsidy_per_yuan_2024_pct")() / 100,
            _later("loans_supported_2024")(),
        ),
    ),
    Entry(
        "10",
        "budget per year of subsidy (100亿元) and $r\\,s$ = 1.5%",
        lambda: (
            _later("value", "subsidy_total_2024")() / _later("value", "subsidy_years_2024")(),
            _later("value", "subsidy_points_2024_july")(),
        ),
    ),
    Entry(
        "10",
        "1.5 points a year for two years: 3% of the principal, against 5.31%",
        lambda: (
            _later("value", "subsidy_points_2024_july")(),
            _later("subsidy_per_yuan_2024_pct")(),
            RATE(),
        ),
    ),
    Entry("10", "About 15%: the loans span two years", _later("loans_vs_equipment_investment_pct")),
    Entry(
        "10",
        "5000亿元 covers 60% of each loan: 5000 / 0.6 ≈ 8,333亿元",
        lambda: (
            _later("value", "relending_quota_2024")(),
            _later("value", "relending_share_2024")(),
            _later("value", "relending_quota_2024")(),
            _later_fraction("relending_share_2024")(),
            _later("relending_ceiling")(),
        ),
    ),
    Entry(
        "ex10",
        "covers 60% of each loan: the loans are the quota divided by 0.6",
        lambda: (
            _later("value", "relending_share_2024")(),
            _later_fraction("relending_share_2024")(),
        ),
    ),
    # the ledger's notes
    Entry("ledger", "three years (600亿元)", _subsidy("subsidy_total")),
    Entry(
        "ledger",
        "3700 / 40000 = 9.25%",
        lambda: (
            data.claim_value("stimulus_renovation"),
            data.claim_value("stimulus_total"),
            _subsidy("stimulus_share_pct")(),
        ),
    ),
    Entry(
        "ledger",
        "grew 43% in 1992 and 50% in 1993",
        lambda: tuple(data.renovation_investment().pct_change().loc[[1992, 1993]] * 100),
    ),
    Entry("ledger", "Table 1's universe: -12.12%", G2009),
    Entry("ledger", "to 15.5% (2000)", lambda: _society_share(2000)),
    Entry(
        "ledger",
        "peaked in 1993 (6.2%) and was higher in 2000 (5.1%) than in 1991 (4.7%)",
        lambda: _gdp_share_1990s(1993, 2000, 1991),
    ),
    Entry(
        "ledger",
        "high-tech (218.6, CSY2009 20-52) = 4167.2",
        lambda: (_rebuild("hightech_renovation_2008")(), _rebuild("all_lme_renovation_2008")()),
    ),
    Entry("ledger", "from about -12.2% to -11.3%", GDP_RANGE),
    Entry("ledger", "Table 1's -12.12%", G2009),
    Entry("ledger", "about 31% of society-wide FAI", IMPLIED_MFG),
    Entry(
        "ledger",
        "3469.88 / 340507 = 1.02%",
        lambda: (
            _t1().loc[2009, "renovation"],
            data.gdp_series().loc[2009],
            _rebuild("renovation_share_of_gdp", 2009)(),
        ),
    ),
    Entry(
        "ledger",
        "2003 (+26.6% vs +8.8%) and 2004 (+28.9% vs -9.3%)",
        lambda: (
            _lme_growth(2003, "domestic"),
            _lme_growth(2003, "foreign"),
            _lme_growth(2004, "domestic"),
            _lme_growth(2004, "foreign"),
        ),
    ),
    Entry("ledger", "the data agree (+217%)", lambda: _domestic_share_rise() * 100),
    Entry(
        "ledger",
        "Table 1 gives 1.54% and the implied all-LME value 1.64%",
        lambda: (SHARE_FAI_2009(), _share_of_fai(2009, "lme_all")),
    ),
    Entry(
        "ledger",
        "from 9.4% (2005) to 4.9% (2009)",
        lambda: (_mfg_intensity(2005), _mfg_intensity(2009)),
    ),
    Entry(
        "ledger",
        "(27%, CSY2006 6-16) 2006 is about 9.5%",
        lambda: (float(_urban_mfg_share().iloc[-1]), _urban_intensity_2006()),
    ),
    Entry("ledger", "(at most about 3.0%)", lambda: _rebuild("renovation_share_of_fai")().max()),
    Entry("ledger", "Table 2 shows 11 of them", _table2_countries),
    Entry("ledger", "the 46 countries", _unprinted_countries),
    Entry("ledger", "(tolerance 0.0047: 1/10.5 to 1/9.55)", _about_tenth_bounds),
    Entry("ledger", "give 1/13.3, nearest 1/13", lambda: (USA(), USA())),
    Entry(
        "ledger",
        "1/9.6 of Western Europe's 50%",
        lambda: (EUROPE(), data.claim_value("west_europe_share_1950s")),
    ),
]
