"""The library's message catalogues: ``python -m retool messages`` (``make messages``).

Babel extracts every message marked with ``_()``, ``gettext()``, ``ngettext()``, ``lazy()`` or
``N_()`` from ``retool/``, and every ``say()`` or ``_()`` of the code cells of the English
notebooks' text twins (``lessons/*.md``, ``solutions/*.md``), into ``retool/locale/retool.pot``
and merges it into each translation
(``retool/locale/zh/LC_MESSAGES/retool.po``): a new message arrives untranslated, a changed one
arrives fuzzy (with the old translation as a suggestion), a removed one is dropped. A translator
then fills in the ``msgstr`` lines. ``--check`` writes nothing and exits 1, naming each problem,
when the template is stale or a message has no (or a broken) translation.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract as babel_extract
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from . import i18n

PACKAGE = Path(__file__).resolve().parent
DATA = PACKAGE.parent / "data"
TEMPLATE = i18n.LOCALE_DIR / f"{i18n.DOMAIN}.pot"
KEYWORDS = {
    "_": None,
    "gettext": None,
    "N_": None,
    "lazy": None,
    "ngettext": (1, 2),
    # a message whose words mean different things in two places: (context, message)
    "pgettext": ((1, "c"), 2),
}
# The library's code, and the texts of data/ that readers see (a claim's note in the audit):
# each data file names the columns to extract, by extract_csv.
METHODS = [
    ("**.py", "python"),
    ("paper_claims.csv", "retool.messages:extract_csv"),
    ("later_policy.csv", "retool.messages:extract_csv"),
]
OPTIONS = {
    "paper_claims.csv": {"columns": "measures_en, note", "key": "claim_id"},
    "later_policy.csv": {"columns": "unit, reported_by", "key": "fact_id"},
}

# Where the sources lie, and how the catalogue names them.
SOURCES = ((PACKAGE, "retool/"), (DATA, "data/"))
# The English notebooks' text twins; their code cells print through say() and label through _()
# (the Chinese edition has the same code cells, so its messages are the same).
NOTEBOOK_KEYWORDS = {"say": None, "_": None, "gettext": None}
TRANSLATIONS = tuple(lang for lang in i18n.LANGUAGES if lang != i18n.SOURCE)
FIELD = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)(?:[!:][^{}]*)?\}")


def extract() -> Catalog:
    """Every marked message of the library and every shown text of data/, with where it
    stands."""
    catalog = Catalog(project="retool", domain=i18n.DOMAIN, charset="utf-8", fuzzy=False)
    for root, prefix in SOURCES:
        found = extract_from_dir(
            str(root),
            METHODS,
            options_map=OPTIONS,
            keywords=KEYWORDS,
            comment_tags=("TRANSLATORS:",),
        )
        for filename, lineno, message, comments, context in found:
            where = (prefix + filename.replace("\\", "/"), lineno)
            catalog.add(message, None, [where], auto_comments=comments, context=context)
    for where, lineno, message, comments in notebook_messages():
        catalog.add(message, None, [(where, lineno)], auto_comments=comments)
    return catalog


def notebook_messages():
    """``(where, line, message, comments)`` for each message of the English notebooks' code
    cells, where is the text twin's path ("lessons/02_investment_intensity.md")."""
    import jupytext  # only the catalogue's tools need it

    from . import notebooks

    root = PACKAGE.parent
    for notebook_file in notebooks.paired_notebooks(root):
        path = notebooks.text_path(notebook_file)
        # the English edition only (the Chinese one has the same code), and a text twin that exists
        if i18n.edition_of(path.relative_to(root)) or not path.exists():
            continue
        notebook = jupytext.read(path)
        for cell in notebook.cells:
            if cell.cell_type != "code":
                continue
            source = io.BytesIO(cell.source.encode("utf-8"))
            found = babel_extract(
                "python", source, keywords=NOTEBOOK_KEYWORDS, comment_tags=("TRANSLATORS:",)
            )
            for lineno, message, comments, _context in found:
                yield path.relative_to(root).as_posix(), lineno, message, comments


def extract_csv(fileobj, keywords, comment_tags, options):
    """A Babel extractor for a CSV file of data/: every non-empty cell of the columns named in
    ``options["columns"]`` (comma-separated) is a message, commented with the row's
    ``options["key"]`` column."""
    columns = [c.strip() for c in options.get("columns", "").split(",") if c.strip()]
    key = options.get("key")
    text = io.TextIOWrapper(fileobj, encoding=options.get("encoding", "utf-8"), newline="")
    for row_number, row in enumerate(csv.DictReader(text), start=2):
        for column in columns:
            value = (row.get(column) or "").strip()
            if value:
                where = f"{column} of {row[key]}" if key else column
                yield row_number, None, value, [where]


def _text(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    # no dates and no line numbers: the files change only when a message changes
    write_po(buffer, catalog, width=100, omit_header=True, include_lineno=False, sort_output=True)
    return buffer.getvalue()


def read(lang: str) -> Catalog:
    path = i18n.po_path(lang)
    if not path.exists():
        return Catalog(locale=lang, domain=i18n.DOMAIN)
    with path.open("rb") as handle:
        return read_po(handle, locale=lang, domain=i18n.DOMAIN)


def updated(template: Catalog, lang: str) -> Catalog:
    catalog = read(lang)
    catalog.update(template, no_fuzzy_matching=False, update_header_comment=False)
    catalog.obsolete.clear()
    return catalog


def fields(message: str) -> set[str]:
    return set(FIELD.findall(message or ""))


def translation_problems(catalog: Catalog, lang: str) -> list[str]:
    """Messages without a usable translation in ``catalog``."""
    problems = []
    for entry in catalog:
        if not entry.id:
            continue
        ids = entry.id if isinstance(entry.id, tuple) else (entry.id,)
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        where = ", ".join(f"{f}:{n}" for f, n in entry.locations[:2]) or "?"
        if not all(strings):
            problems.append(f"{lang}: no translation for {ids[0]!r} ({where})")
        elif entry.fuzzy:
            problems.append(f"{lang}: fuzzy (to review) translation of {ids[0]!r} ({where})")
        elif any(fields(s) != fields(ids[0]) for s in strings):
            problems.append(
                f"{lang}: the translation of {ids[0]!r} ({where}) has fields "
                f"{sorted(fields(strings[0]))}, the message {sorted(fields(ids[0]))}"
            )
    return problems


def problems() -> list[str]:
    """What ``--check`` reports: a stale template or catalogue, missing or broken translations."""
    template = extract()
    found = []
    if not TEMPLATE.exists() or TEMPLATE.read_bytes() != _text(template):
        found.append(f"{TEMPLATE.name} is out of date: run python -m retool messages")
    for lang in TRANSLATIONS:
        catalog = updated(template, lang)
        path = i18n.po_path(lang)
        if not path.exists() or path.read_bytes() != _text(catalog):
            found.append(f"{path.name} ({lang}) is out of date: run python -m retool messages")
        found.extend(translation_problems(catalog, lang))
    return found


def write() -> list[Path]:
    """Extract the template and merge it into every translation; returns the files written."""
    template = extract()
    written = []
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    if not TEMPLATE.exists() or TEMPLATE.read_bytes() != _text(template):
        TEMPLATE.write_bytes(_text(template))
        written.append(TEMPLATE)
    for lang in TRANSLATIONS:
        path = i18n.po_path(lang)
        text = _text(updated(template, lang))
        if not path.exists() or path.read_bytes() != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text)
            written.append(path)
    i18n.catalogue.cache_clear()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m retool messages",
        description="Extract the library's messages and merge them into the translations.",
    )
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 on problems")
    args = parser.parse_args(argv)
    if args.check:
        found = problems()
        for line in found:
            print(line)
        return 1 if found else 0
    for path in write():
        print(f"wrote {path.relative_to(PACKAGE.parent)}")
    left = [p for lang in TRANSLATIONS for p in translation_problems(read(lang), lang)]
    print(f"{len(left)} message(s) still to translate" if left else "every message is translated")
    return 0
