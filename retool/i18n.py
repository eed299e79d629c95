"""The course in two languages: English (the source) and Chinese, through gettext catalogues.

Messages are written in English in the code and marked for translation:

- ``_("...")`` (also spelled ``gettext``) translates now, in the current language;
- ``lazy("... {name} ...", name=value)`` translates and formats each time it is shown, so that a
  message built at import time (a question's prompt, a slider's label) follows a language
  switched later in a running kernel;
- ``N_("...")`` only marks a string for extraction (it is translated where it is shown);
- ``say("... {name:.1f} ...", name=value)`` prints a message translated and formatted: a
  notebook's code cell prints its sentences with it, and ``_("...")`` translates a label it
  passes to pandas (a column's or an index's name). Babel extracts both from the code cells of
  the English notebooks too, so the Chinese edition's outputs read in Chinese.

The first argument is always a plain string literal (no f-string): Babel extracts it into
``retool/locale/retool.pot`` and the Chinese catalogue ``retool/locale/zh/LC_MESSAGES/retool.po``
holds its translation (``python -m retool messages`` extracts and updates both). Fields go in
``{braces}`` by name, so that a translation may put them in another order.

The language follows the edition of the notebook: a notebook under a ``zh/`` folder speaks
Chinese. In order: ``set_language()`` in the running kernel, the environment variable
``RETOOL_LANG``, the notebook's path (JupyterLab tells the kernel through ``JPY_SESSION_NAME``), the
kernel's working folder; English otherwise.
"""

from __future__ import annotations

import io
import os
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LANGUAGES = ("en", "zh")
SOURCE = "en"
DOMAIN = "retool"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
# the Chinese edition's notebooks live under zh/ (zh/lessons/..., zh/exercises/...)
EDITION_FOLDER = "zh"

_state: dict[str, str | None] = {"lang": None}


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _normal(lang: str | None) -> str | None:
    """'zh', 'zh_CN', 'zh-Hans', 'ZH' → 'zh'; 'en_US' → 'en'; anything else → None."""
    if not lang:
        return None
    base = str(lang).strip().replace("-", "_").split("_")[0].lower()
    return base if base in LANGUAGES else None


def edition_of(path: str | os.PathLike | None) -> str | None:
    """'zh' when a path lies in the Chinese edition (a ``zh`` folder on it), else None."""
    if not path:
        return None
    return "zh" if EDITION_FOLDER in Path(path).parts else None


def detect() -> str:
    """The language the environment asks for (see the module's docstring)."""
    return (
        _normal(os.environ.get("RETOOL_LANG"))
        or edition_of(os.environ.get("JPY_SESSION_NAME"))
        or edition_of(Path.cwd())
        or SOURCE
    )


def language() -> str:
    """The current language: 'en' or 'zh'."""
    if _state["lang"] is None:
        _state["lang"] = detect()
    return _state["lang"]


def set_language(lang: str | None = None) -> str:
    """Speak ``lang`` ('en' or 'zh') from now on; ``None`` goes back to what the environment asks
    for. Returns the language now in use."""
    if lang is None:
        _state["lang"] = detect()
        return _state["lang"]
    normal = _normal(lang)
    if normal is None:
        raise ValueError(f"unknown language {lang!r}: choose one of {', '.join(LANGUAGES)}")
    _state["lang"] = normal
    return normal


@contextmanager
def use(lang: str):
    """``with use('zh'):`` speaks ``lang`` inside the block, then the language before."""
    before = language()
    set_language(lang)
    try:
        yield
    finally:
        _state["lang"] = before


@cache
def catalogue(lang: str) -> NullTranslations:
    """The translations of ``lang``, compiled in memory from its ``.po`` file (so no compiled
    file can drift from the text one). English is the source: messages stand as written."""
    if lang == SOURCE:
        return NullTranslations()
    path = po_path(lang)
    try:
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=lang, domain=DOMAIN)
    except FileNotFoundError:
        return NullTranslations()
    except Exception as error:  # a corrupted catalogue: name the file
        raise ValueError(f"{path.name} ({lang}) cannot be read: {error}") from error
    buffer = io.BytesIO()
    write_mo(buffer, catalog)  # fuzzy entries are left out: they are not translations yet
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def gettext(message: str) -> str:
    """``message`` in the current language."""
    return catalogue(language()).ugettext(message)


_ = gettext


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n``, in the current language."""
    return catalogue(language()).ungettext(singular, plural, n)


def say(message: str, **fields) -> None:
    """Print ``message`` in the current language, its ``{fields}`` filled in by name."""
    print(gettext(message).format(**fields))


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it here."""
    return message


class lazy(str):  # noqa: N801 (a message, used like a function call)
    """A message translated and formatted when it is shown.

    It is a ``str`` (its English text), so that code comparing, joining or storing it keeps
    working; ``str()``, ``format()`` and f-strings give it in the current language."""

    __slots__ = ("msgid", "fields")

    def __new__(cls, message: str, **fields):
        self = super().__new__(cls, _format(message, fields, translate=False))
        self.msgid = message
        self.fields = fields
        return self

    def __str__(self) -> str:
        return _format(self.msgid, self.fields, translate=True)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __repr__(self) -> str:
        return repr(str(self))

    def __add__(self, other):
        return str(self) + str(other)

    def __radd__(self, other):
        return str(other) + str(self)

    def __reduce__(self):  # pickles as its message and fields
        return (_rebuild_lazy, (self.msgid, self.fields))


def _rebuild_lazy(message, fields):
    return lazy(message, **fields)


def _format(message: str, fields: dict, translate: bool) -> str:
    text = gettext(message) if translate else message
    if not fields:
        return text
    shown = {k: (str(v) if translate and isinstance(v, lazy) else v) for k, v in fields.items()}
    return text.format(**shown)


def text(value) -> str:
    """Any message (lazy or not) as a plain string in the current language."""
    return str(value) if isinstance(value, lazy) else value
