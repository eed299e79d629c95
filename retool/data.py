"""Load and validate the course data in ``data/``.

Every CSV is described in ``data/datapackage.json`` (a Frictionless Data Package): its columns,
their types and constraints, its source and its sha256. Each loader checks the file against that
description before it returns a tidy DataFrame, so a changed, truncated or malformed file raises
a :class:`DataError` that names the file and says what is wrong.
"""

from __future__ import annotations

import contextvars
import hashlib
import io
import json
import os
from contextlib import contextmanager
from functools import lru_cache, wraps
from pathlib import Path

import pandas as pd

from . import wording

PACKAGE_FILE = "datapackage.json"


class DataError(Exception):
    """A data file is missing, changed or does not match its schema."""


def data_dir(path: str | os.PathLike | None = None) -> Path:
    """The folder that holds the data: ``path``, else $RETOOL_DATA_DIR, else the repository's."""
    if path is not None:
        return Path(path)
    env = os.environ.get("RETOOL_DATA_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent / "data"


def _label(folder: Path, name: str) -> str:
    return f"data/{name}" if folder == data_dir() else str(folder / name)


def package(path=None) -> dict:
    """The parsed ``datapackage.json``."""
    folder = data_dir(path)
    return _package(str(folder))


@lru_cache(maxsize=8)
def _package(folder: str) -> dict:
    file = Path(folder) / PACKAGE_FILE
    label = _label(Path(folder), PACKAGE_FILE)
    try:
        return json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{label}: file is missing") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(f"{label}: not valid JSON ({exc})") from None


def resource_info(name: str, path=None) -> dict:
    """The datapackage entry of one resource, by name."""
    for res in package(path)["resources"]:
        if res["name"] == name:
            return res
    raise DataError(f"datapackage.json has no resource named {name!r}")


def sha256(file: Path) -> str:
    return hashlib.sha256(file.read_bytes()).hexdigest()


def load(name: str, path=None) -> pd.DataFrame:
    """One resource of the data package, validated, as a DataFrame (a fresh copy each call)."""
    folder = data_dir(path)
    file = folder / resource_info(name, folder)["path"]
    stamp = file.stat().st_mtime_ns if file.exists() else None
    return _load(name, str(folder), stamp).copy()


@lru_cache(maxsize=64)
def _load(name: str, folder: str, stamp) -> pd.DataFrame:
    res = resource_info(name, folder)
    label = _label(Path(folder), res["path"])
    file = Path(folder) / res["path"]
    if not file.exists():
        raise DataError(f"{label}: file is missing")
    raw = file.read_bytes()
    expected = res.get("hash", "").removeprefix("sha256:")
    if hashlib.sha256(raw).hexdigest() != expected:
        raise DataError(
            f"{label}: its content does not match the sha256 recorded in datapackage.json; "
            "the file was changed, truncated or re-saved. Restore it (git checkout), or, if the "
            "change is a deliberate correction, run `python -m retool rehash`."
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"{label}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise DataError(f"{label}: not a readable CSV ({exc})") from None
    return _apply_schema(frame, res["schema"], label)


def _apply_schema(frame: pd.DataFrame, schema: dict, label: str) -> pd.DataFrame:
    names = [f["name"] for f in schema["fields"]]
    if list(frame.columns) != names:
        raise DataError(f"{label}: columns {list(frame.columns)} differ from the schema's {names}")
    for field in schema["fields"]:
        frame[field["name"]] = _convert(frame[field["name"]], field, label)
    key = schema.get("primaryKey")
    if key:
        dup = frame.duplicated(subset=key, keep=False)
        if dup.any():
            row = int(dup.to_numpy().argmax()) + 2
            raise DataError(f"{label}: line {row} repeats the key {key}")
    return frame


def _convert(col: pd.Series, field: dict, label: str) -> pd.Series:
    name, kind = field["name"], field.get("type", "string")
    cons = field.get("constraints", {})
    blank = col.str.strip() == ""
    if cons.get("required") and blank.any():
        raise DataError(f"{label}: line {int(blank.to_numpy().argmax()) + 2}: {name} is empty")
    if kind == "string":
        out = col
        if "pattern" in cons:
            bad = ~col.str.fullmatch(cons["pattern"]) & ~blank
            if bad.any():
                raise _bad(label, col, bad, name, f"of the form {cons['pattern']}")
    elif kind == "boolean":
        bad = ~col.isin(["true", "false"]) & ~blank
        if bad.any():
            raise _bad(label, col, bad, name, "true or false")
        return col.map({"true": True, "false": False}).astype("boolean")
    else:
        out = pd.to_numeric(col.where(~blank), errors="coerce")
        bad = out.isna() & ~blank
        if bad.any():
            raise _bad(label, col, bad, name, f"a {kind}")
        if kind == "integer":
            if (out.dropna() % 1 != 0).any():
                raise _bad(label, col, out.notna() & (out % 1 != 0), name, "an integer")
            out = out.astype("Int64")
    if "enum" in cons and (~col.isin(cons["enum"]) & ~blank).any():
        raise _bad(label, col, ~col.isin(cons["enum"]) & ~blank, name, f"one of {cons['enum']}")
    for bound, test in (("minimum", out.__lt__), ("maximum", out.__gt__)):
        if bound in cons and kind != "string":
            bad = test(cons[bound]).fillna(False).astype(bool)
            if bad.any():
                raise _bad(label, col, bad, name, f"within the {bound} {cons[bound]}")
    return out


def _bad(label, col, mask, name, what) -> DataError:
    i = int(mask.to_numpy().argmax())
    return DataError(f"{label}: line {i + 2}: {name} = {col.iloc[i]!r} is not {what}")


# --- one loader per dataset ------------------------------------------------------------------


def table1(path=None) -> pd.DataFrame:
    """Table 1 of the paper (大中型传统企业, 2005-2009, 亿元), tidy: one row per year and series."""
    return load("table1_renovation", path)


def table1_wide(path=None) -> pd.DataFrame:
    """Table 1 as printed: years as rows, the four series as columns (亿元)."""
    wide = table1(path).pivot(index="year", columns="series", values="value_100m_yuan")
    return wide[list(SERIES)].astype(float)


SERIES = {
    "renovation": ("技术改造经费支出", "technical renovation"),
    "foreign": ("引进国外技术经费支出", "foreign technology acquisition"),
    "assimilation": ("引进技术消化吸收经费支出", "assimilation of imported technology"),
    "domestic": ("购买国内技术经费支出", "domestic technology purchase"),
}


def table2(path=None) -> pd.DataFrame:
    """Table 2 of the paper: the IDICN index 2000-2008, the top ten of 2008 and China."""
    return load("table2_idicn", path)


def table2_wide(path=None) -> pd.DataFrame:
    """Table 2 as printed: countries (ISO 3166 alpha-3) in printed order by years."""
    t = table2(path)
    order = list(dict.fromkeys(t["country_iso3"]))
    return t.pivot(index="country_iso3", columns="year", values="idicn").loc[order].astype(float)


def table2_rank(path=None) -> pd.DataFrame:
    """The 2008 ranks printed under Table 2 (China's is out of 57 countries)."""
    return load("table2_rank", path)


def lme_technology(path=None, all_editions: bool = False) -> pd.DataFrame:
    """Yearbook data on all large and medium-sized industrial enterprises (亿元).

    Where an edition revised a value, only the one the course uses (the latest) is kept unless
    ``all_editions`` is true.
    """
    frame = load("lme_technology", path)
    return frame if all_editions else frame[frame["use_in_course"]].reset_index(drop=True)


def lme_wide(path=None, universe: str = "lme_all") -> pd.DataFrame:
    """Yearbook series for one universe as years x series (亿元), NaN where not found."""
    t = lme_technology(path)
    t = t[t["universe"] == universe]
    return t.pivot(index="year", columns="series", values="value_100m_yuan").astype(float)


def gdp(path=None, all_vintages: bool = False) -> pd.DataFrame:
    """Nominal GDP (亿元), one vintage per year unless ``all_vintages``."""
    frame = load("gdp_nominal", path)
    return frame if all_vintages else frame[frame["use_in_course"]].reset_index(drop=True)


def gdp_series(path=None) -> pd.Series:
    """Nominal GDP (亿元) indexed by year, in the vintage the course uses."""
    g = gdp(path)
    return g.set_index("year")["gdp_100m_yuan"].astype(float)


def fai(path=None) -> pd.DataFrame:
    """Fixed-asset investment (亿元): society-wide total, urban total, urban manufacturing."""
    return load("fai", path)


def fai_series(series: str = "fai_total", path=None) -> pd.Series:
    """One fixed-asset investment series (亿元) indexed by year."""
    f = fai(path)
    f = f[f["series"] == series]
    if f.empty:
        raise KeyError(f"no fixed-asset investment series {series!r}")
    return f.set_index("year")["value_100m_yuan"].astype(float)


def renovation_investment(path=None) -> pd.Series:
    """Society-wide investment in renovation 1978-2000 (更新改造投资, 亿元) indexed by year."""
    r = load("renovation_investment_1978_2000", path)
    return r.set_index("year")["renovation_investment_100m_yuan"].astype(float)


def claims(path=None) -> pd.DataFrame:
    """The claims ledger: every quantitative statement of the paper's text."""
    return load("paper_claims", path)


def claims_skipped(path=None) -> pd.DataFrame:
    """Numerals of the paper's text that are not quantitative statements, with the reason."""
    return load("claims_skipped", path)


def later_policy(path=None) -> pd.DataFrame:
    """Lesson 10's facts on later policy, one row each with its issuer, date and source."""
    return load("later_policy", path)


def audit_record(path=None) -> pd.DataFrame:
    """The re-audit of the course's statements about the paper: statement, where, checked
    against, verdict (correct, fixed, qualified) and fix."""
    return load("audit_record", path)


def claim(claim_id: str, path=None) -> pd.Series:
    """One row of the claims ledger."""
    c = claims(path).set_index("claim_id")
    if claim_id not in c.index:
        raise KeyError(f"no claim {claim_id!r} in data/paper_claims.csv")
    row = c.loc[claim_id].copy()
    # the note is shown (a solution prints it): in the language in use, through the catalogue
    if isinstance(row["note"], str) and row["note"].strip():
        row["note"] = wording.translated(row["note"])
    return row


def claim_value(claim_id: str, path=None) -> float:
    """The number a claim prints, as a float: ``claim_value('us_share_1947_1978')`` -> 69.0."""
    return float(claim(claim_id, path)["value"])


# --- results that only change when data/ changes ---------------------------------------------


def data_state() -> tuple:
    """data/'s folder and its files' names, sizes and modification times (one listing and one
    stat per file: every check of a learner's answer asks for it)."""
    folder = data_dir()
    try:
        with os.scandir(folder) as entries:
            stats = [(e.name, e.stat()) for e in entries if "." in e.name]
    except FileNotFoundError:
        stats = []
    return (str(folder), *sorted((name, st.st_size, st.st_mtime_ns) for name, st in stats))


_STATE = contextvars.ContextVar("data_state", default=None)


@contextmanager
def one_state():
    """Within this block (a widget's redraw) data/ is looked at once, not at every call of a
    :func:`per_data_state` function: a redraw makes dozens of them, each listing the folder."""
    token = _STATE.set(data_state()) if _STATE.get() is None else None
    try:
        yield
    finally:
        if token is not None:
            _STATE.reset(token)


def per_data_state(fn):
    """``fn`` memoised per state of data/ and arguments (which must be hashable).

    A widget redraws on every move of a control; re-reading and re-pivoting the tables each time
    costs more than drawing the chart. An edited CSV is picked up at the next call (the next
    redraw, inside :func:`one_state`). Callers must not modify what is returned.
    """

    @lru_cache(maxsize=32)
    def cached(state, args, kwargs):
        return fn(*args, **dict(kwargs))

    @wraps(fn)
    def wrapper(*args, **kwargs):
        state = _STATE.get() or data_state()
        return cached(state, args, tuple(sorted(kwargs.items())))

    wrapper.cache_clear = cached.cache_clear
    return wrapper
