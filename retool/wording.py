"""Words the data already hold in both languages, and the separators of a sentence.

Most of the library's words are messages of the gettext catalogue (:mod:`retool.i18n`). Some
names come with their Chinese form in ``data/`` or in a constant that pairs them (Table 1's series
as the yearbook names them, Table 2's countries, the stages of the value chain): those are shown
as they stand, in the language in use, by :func:`pick`.
"""

from __future__ import annotations

from . import i18n
from .i18n import _


def translated(message: str) -> str:
    """``message``, a string marked for the catalogue elsewhere (with ``N_`` where it is
    declared), in the language in use."""
    return i18n.gettext(message)


def pgettext(context: str, message: str) -> str:
    """``message`` in the language in use, as meant in ``context`` (one English word can need
    two translations: 'Years' of a range is 年份, a number of years 年数)."""
    return i18n.catalogue(i18n.language()).upgettext(context, message)


def pick(en: str, zh: str) -> str:
    """``zh`` when the language in use is Chinese, else ``en`` (for names the data give in both)."""
    return zh if i18n.language() == "zh" and zh else en


def join(parts) -> str:
    """Parts of a list in the language in use: 'a, b and c' or 'a、b和c'."""
    parts = [str(p) for p in parts]
    if len(parts) < 2:
        return "".join(parts)
    # TRANSLATORS: the separator between the items of a list, before its last item
    head = _(", ").join(parts[:-1])
    # TRANSLATORS: the end of a list of items: 'a, b and c'
    return _("{items} and {last}").format(items=head, last=parts[-1])


def capital(text: str) -> str:
    """``text`` with its first letter in upper case (Chinese has none: left as it is)."""
    text = str(text)
    return text[:1].upper() + text[1:]
