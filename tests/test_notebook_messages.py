"""The English notebooks' code cells print their sentences through ``say()`` and translate
their labels with ``_()``, so that the Chinese edition (the same code) prints them in Chinese.

A string literal of two or more English words anywhere else in a code cell (outside comments,
data keys and format specs) is a sentence that reaches the reader untranslated."""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import jupytext
import pytest

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted(
    p
    for folder in ("lessons", "solutions")
    for p in (ROOT / folder).glob("*.md")
    if p.with_suffix(".ipynb").exists()
)
TRANSLATING = {"say", "_", "gettext", "lazy"}
WORDS = re.compile(r"[A-Za-z]{2,}")
# Literals that reach no reader as a sentence, each with its reason.
ALLOWED = {
    # an answer the learner types in lesson 00 to see that a non-number gets a sentence
    "about a third",
}


def _name(call: ast.Call) -> str | None:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)


def _skipped(tree: ast.AST) -> set[int]:
    """ids of the nodes that may hold English: messages, data keys, format specs."""
    skipped = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node) in TRANSLATING and node.args:
            skipped.update(id(n) for n in ast.walk(node.args[0]))
        elif isinstance(node, ast.Subscript):
            skipped.update(id(n) for n in ast.walk(node.slice))
        elif isinstance(node, ast.FormattedValue) and node.format_spec is not None:
            skipped.update(id(n) for n in ast.walk(node.format_spec))
    return skipped


def english_literals(source: str) -> list[str]:
    """The string literals of ``source`` with two or more English words outside a message."""
    lines = source.splitlines()
    code = "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in lines)
    tree = ast.parse(code)
    skipped = _skipped(tree)
    found = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        elif isinstance(node, ast.JoinedStr):
            text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
            skipped.update(id(v) for v in node.values)
        else:
            continue
        if len(WORDS.findall(text)) >= 2 and " " in text.strip() and text not in ALLOWED:
            found.append(text)
    return found


def test_the_detector_sees_a_printed_sentence_and_not_a_message():
    assert english_literals('print(f"growth over {n} years")') == ["growth over  years"]
    assert english_literals('say("growth over {n} years", n=n)') == []
    assert english_literals('x = table["the paper says"]  # a data key') == []


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_code_cells_print_english_only_through_say(path):
    notebook = jupytext.read(path)
    found = [
        text
        for cell in notebook.cells
        if cell.cell_type == "code"
        for text in english_literals(cell.source)
    ]
    assert not found, f"{path.name}: print these through say() or _(): {found}"


def messages_in(source: str) -> list[str]:
    """The literal first arguments of say() and _() in ``source``, wherever they stand (also
    inside an f-string, where Babel cannot see them)."""
    lines = source.splitlines()
    tree = ast.parse("\n".join("" if s.lstrip().startswith(("%", "!")) else s for s in lines))
    return [
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and _name(node) in TRANSLATING
        and node.args
        and isinstance(node.args[0], ast.Constant)
    ]


@cache
def extracted() -> list[tuple[str, str]]:
    from retool import messages

    return [(where, message) for where, _line, message, _c in messages.notebook_messages()]


def test_a_message_inside_an_f_string_is_seen():
    assert messages_in("""print(f"{_('number not read')}")""") == ["number not read"]


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_message_of_a_notebook_reaches_the_catalogue(path):
    where = f"{path.parent.name}/{path.name}"
    seen = {message for w, message in extracted() if w == where}
    notebook = jupytext.read(path)
    written = {
        m for cell in notebook.cells if cell.cell_type == "code" for m in messages_in(cell.source)
    }
    assert written <= seen, f"{where}: Babel does not see {sorted(written - seen)}"
