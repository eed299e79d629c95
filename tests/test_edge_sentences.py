"""Every widget's sentence, read at the ends of its ranges and at degenerate settings.

A sentence must not say that something changes when its own numbers do not ("spreads out
(31.3% → 31.3%)"), must say when the chart leaves out years the learner asked for, and must
count in plain English ("1 claim", never "1 claims" or "1 differ").
"""

from __future__ import annotations

import importlib
import itertools
import pkgutil
import re

import pytest

import retool.widgets
from retool.models import sources, wear
from retool.widgets import sources as sources_widget
from retool.widgets import wear as wear_widget

WIDGETS = sorted(m.name for m in pkgutil.iter_modules(retool.widgets.__path__))


def edge_settings(module) -> list[dict]:
    """The defaults; each setting at each end of its range (every option of a menu, an empty
    multiple choice, a flag flipped); and every corner of up to four numeric ranges together."""
    spec = module.SPEC
    d = spec.defaults()
    out = [d]
    numeric = [(k, p) for k, p in spec.items() if p.kind in ("number", "integer")]
    for key, p in spec.items():
        if p.kind in ("number", "integer"):
            out += [{**d, key: v} for v in p.bounds()]
        elif p.kind == "choice":
            options = p.options() if callable(p.options) else p.options
            out += [{**d, key: v} for v in options]
        elif p.kind == "choices":
            out.append({**d, key: ()})
        elif p.kind == "flag":
            out.append({**d, key: not d[key]})
    if len(numeric) > 4:  # 2^n corners: beyond 4 settings the single ends must do
        return out
    for corner in itertools.product(*(p.bounds() for _, p in numeric)):
        out.append({**d, **dict(zip((k for k, _ in numeric), corner))})
    return out


CHANGE_WORDS = r"(?:went|goes|rises|rose|falls|fell|widens|narrows|grew|grows|moves|spreads)"
NUMBER = r"(?<![\d.,])(-?[\d.,]*\d%?)"
SAME_BOTH_ENDS = re.compile(
    rf"{CHANGE_WORDS}[^;:]*?\bfrom {NUMBER}(?: \w+)? to \1(?!\.?\d)|{NUMBER} → \2(?!\.?\d)"
)
ONE_PLURAL = re.compile(
    r"(?<![\d.,])1 (?:claims|years|countries|stages|values|levels|differ|are)\b"
)
NOT_A_NUMBER = re.compile(r"\bnan\b|\bNone\b|\binf\b|\d\.\d+e[+-]\d")


def problems(sentence: str) -> list[str]:
    found = [m.group() for m in SAME_BOTH_ENDS.finditer(sentence)]
    found += [m.group() for m in ONE_PLURAL.finditer(sentence)]
    return found + [m.group() for m in NOT_A_NUMBER.finditer(sentence)]


@pytest.mark.parametrize(
    "sentence, bad",
    [
        ("the equipment spreads out (obsolete share 31.3% → 31.3%)", True),
        ("the obsolete share rises from 31.3% to 31.3%.", True),
        ("the gap widens from 2.14 to 2.14 levels", True),
        ("3 of 4 values match; 1 differ", True),
        ("1 claims", True),
        ("a gap of nan levels", True),
        ("the obsolete share rises from 31.3% to 39.0%", False),
        ("the gap widens from 2.14 to 2.89 levels in 15 years", False),
        ("1 claim — 1 stated only", False),
        ("15.1 years of the loans it could subsidise", False),
        ("over 2,001 years", False),
        ("from 2000 to 2009 the share went from 9.7% to 32.8%", False),
    ],
)
def test_the_reading_finds_what_it_should(sentence, bad):
    assert bool(problems(sentence)) is bad


@pytest.mark.parametrize("name", WIDGETS)
def test_sentences_at_the_edges_read_true(name):
    module = importlib.import_module(f"retool.widgets.{name}")
    fig = None
    for settings in edge_settings(module):
        # into the last figure, as the explorer draws (the sentence does not depend on it)
        fig, sentence = module.view(into=fig, **settings)
        assert sentence.strip(), settings
        assert not problems(sentence), (settings, sentence)


# --- lesson 04: the mean gap holds, and what happens around it -----------------------------


def test_when_nothing_moves_the_sentence_says_so():
    """At 100% renovation and 100% obsolescence every level keeps its share."""
    path = wear.simulate(1.0, 1.0, 15)
    sentence = wear_widget.view(renovation=1.0, obsolescence=1.0, years=15)[1]
    first, last = path.iloc[0], path.iloc[-1]
    assert all(round(first[v], 1) == round(last[v], 1) for v in wear.LEVELS)
    assert "spreads out" not in sentence
    assert "so does the share of every level" in sentence
    assert f"obsolete {first['obsolete']:.1f}%" in sentence


def test_when_the_equipment_spreads_out_the_numbers_show_it():
    path = wear.simulate(0.1, 0.1, 15)
    first, last = path.iloc[0], path.iloc[-1]
    assert wear.verdict_of(path) == "holds"
    sentence = wear_widget.view(renovation=0.1, obsolescence=0.1, years=15)[1]
    assert last["obsolete"] > first["obsolete"] and last["international"] > first["international"]
    assert "spreads out" in sentence
    assert f"from {first['obsolete']:.1f}% to {last['obsolete']:.1f}%" in sentence
    assert f"from {first['international']:.1f}% to {last['international']:.1f}%" in sentence


# --- lesson 03: a window of years with no data is said, not cut silently ---------------------


def test_year_spans():
    assert sources.year_spans([2001]) == "2001"
    assert sources.year_spans([2001, 2005, 2006, 2007]) == "2001 and 2005-2007"
    assert sources.year_spans([2000, 2002, 2004, 2005]) == "2000, 2002 and 2004-2005"


@pytest.mark.parametrize("universe", list(sources.UNIVERSES))
@pytest.mark.parametrize("start, end", [(2000, 2009), (2000, 2002), (2004, 2006), (2009, 2009)])
def test_a_cut_range_is_said(universe, start, end):
    share, _ = sources.window(start, end, universe)
    sentence = sources_widget.view(start=start, end=end, universe=universe)[1]
    if share.empty:
        assert "no data" in sentence
        return
    missing = sorted(set(range(start, end + 1)) - set(share["year"]))
    if missing:
        assert f"no data{'' if universe == 'both' else ' on'}" in sentence
        assert sources.year_spans(missing) in sentence
    else:
        assert "no data" not in sentence
