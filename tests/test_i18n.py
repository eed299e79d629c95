"""The library in two languages: gettext catalogues with Babel (retool.i18n, retool.messages)."""

from __future__ import annotations

import ast
import pickle
from pathlib import Path

import pytest

from retool import i18n, messages

PACKAGE = Path(i18n.__file__).resolve().parent
MARKERS = {"_", "gettext", "N_", "lazy", "ngettext"}


@pytest.fixture
def po(tmp_path, monkeypatch):
    """A Chinese catalogue of two messages, in place of the course's."""
    text = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Rebuild {year}\'s row."\nmsgstr "重建{year}年的一行。"\n\n'
        'msgid "a ratio"\nmsgstr "比值"\n'
    )
    path = tmp_path / "zh" / "LC_MESSAGES" / "retool.po"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.catalogue.cache_clear()
    yield path
    i18n.catalogue.cache_clear()


def test_a_lazy_message_follows_a_language_switched_later(po):
    message = i18n.lazy("Rebuild {year}'s row.", year=2009)
    with i18n.use("en"):
        assert str(message) == "Rebuild 2009's row."
        assert f"{message}" == "Rebuild 2009's row."
    with i18n.use("zh"):
        assert str(message) == "重建2009年的一行。"
        assert f"<{message}>" == "<重建2009年的一行。>"
        assert i18n.gettext("a ratio") == "比值"
    assert pickle.loads(pickle.dumps(message)).msgid == message.msgid


def test_a_lazy_field_is_translated_inside_its_message(po):
    outer = i18n.lazy("Rebuild {year}'s row.", year=i18n.lazy("a ratio"))
    with i18n.use("zh"):
        assert str(outer) == "重建比值年的一行。"


def test_a_message_without_translation_stands_in_english(po):
    with i18n.use("zh"):
        assert i18n.gettext("Not in the catalogue") == "Not in the catalogue"


@pytest.mark.parametrize(
    ("env", "cwd_parts", "expected"),
    [
        ({"RETOOL_LANG": "zh_CN"}, (), "zh"),
        ({"RETOOL_LANG": "en"}, ("zh", "lessons"), "en"),
        ({"JPY_SESSION_NAME": "/home/me/course/zh/lessons/00_start_here.ipynb"}, (), "zh"),
        ({"JPY_SESSION_NAME": "/home/me/course/lessons/00_start_here.ipynb"}, (), "en"),
        ({}, ("zh", "exercises"), "zh"),
        ({}, ("lessons",), "en"),
    ],
)
def test_the_language_follows_the_edition(monkeypatch, tmp_path, env, cwd_parts, expected):
    for name in ("RETOOL_LANG", "JPY_SESSION_NAME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    folder = tmp_path.joinpath(*cwd_parts)
    folder.mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(folder)
    assert i18n.detect() == expected


def test_an_unknown_language_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="en, zh"):
        i18n.set_language("fr")


def test_a_corrupted_catalogue_names_its_file(po):
    po.write_bytes(b'msgid "a"\nmsgstr "\xff\n')
    with pytest.raises(ValueError, match="retool.po"):
        i18n.catalogue("zh")


def _marked_calls():
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in MARKERS:
                yield path.relative_to(PACKAGE.parent), node


def test_every_marked_message_is_a_plain_literal():
    # Babel can only extract a literal; an f-string would never be translated
    bad = [
        f"{path}:{node.lineno}"
        for path, node in _marked_calls()
        if path.name != "i18n.py"
        and not (node.args and isinstance(getattr(node.args[0], "value", None), str))
    ]
    assert not bad, f"marked messages that are not plain string literals: {bad}"


def test_every_message_has_its_translation_and_the_catalogues_are_current():
    assert messages.problems() == []


def test_a_missing_or_broken_translation_is_reported():
    from babel.messages.catalog import Catalog

    catalog = Catalog(locale="zh")
    catalog.add("Growth in {year}", "")
    catalog.add("Share of {series}", "{系列}的份额")
    catalog.add("Done", "完成", flags=["fuzzy"])
    found = messages.translation_problems(catalog, "zh")
    assert any("no translation" in p and "Growth in {year}" in p for p in found)
    assert any("fields" in p and "Share of {series}" in p for p in found)
    assert any("fuzzy" in p for p in found)
