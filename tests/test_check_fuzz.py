"""Every check of every exercise module, fuzzed: any input gives a Feedback with a sentence.

The modules are discovered with pkgutil (``retool.exercises.exNN_*``), so a new lesson's exercises
are covered as soon as they exist. Correct answers come from executing the solutions notebook's
code in this process; each named Mistake's value must be called *close* and named.
"""

from __future__ import annotations

import datetime
import functools
import importlib
import math
import pkgutil
import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import matplotlib
import nbformat
import numpy as np
import pandas as pd
import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import retool.exercises as exercises_pkg
from retool import measures
from retool.exercises import core
from retool.exercises.core import (
    ChoiceQuestion,
    Feedback,
    NumberQuestion,
    OpenQuestion,
    Outcome,
    SeriesQuestion,
)

# The solutions' code runs in this process: draw off screen. Not through MPLBACKEND, which every
# kernel this worker starts would inherit (and then show no chart).
matplotlib.use("Agg")

MODULES = sorted(
    m.name
    for m in pkgutil.iter_modules(exercises_pkg.__path__)
    if re.fullmatch(r"ex\d\d_\w+", m.name)
)


def load(name: str):
    return importlib.import_module(f"{exercises_pkg.__name__}.{name}")


def _question_params():
    params = []
    for name in MODULES:
        try:
            questions = load(name).QUESTIONS
        except Exception:  # reported by test_every_module_imports_and_lists_its_questions
            continue
        params += [pytest.param(name, i, id=f"{name}.{q.qid}") for i, q in enumerate(questions)]
    return params


QUESTIONS = _question_params()


def question(module: str, index: int):
    return load(module).QUESTIONS[index]


# --- the solutions, executed in this process --------------------------------------------------


@functools.cache  # asked for by every question's test: the notebooks are read once
def solutions_by_exercise() -> dict[str, Path]:
    found = {}
    for file in sorted((ROOT / "solutions").glob("*_solutions.ipynb")):
        nb = nbformat.read(file, as_version=4)
        name = nb.metadata.get("retool", {}).get("exercise")
        if name:
            found[name] = file
    return found


_ANSWERS: dict = {}


def solution_answers(exercise: str) -> tuple[dict, list[str]]:
    """The ``*_answer`` values the solutions notebook computes, and the errors of its cells."""
    if exercise not in _ANSWERS:
        from IPython.core.inputtransformer2 import TransformerManager

        file = solutions_by_exercise()[exercise]
        nb = nbformat.read(file, as_version=4)
        namespace: dict = {"__name__": "__main__"}
        errors = []
        transform = TransformerManager().transform_cell
        for i, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            try:
                exec(
                    compile(transform(cell.source), f"<{file.name} cell {i + 1}>", "exec"),
                    namespace,
                )
            except Exception as exc:
                if "BEGIN SOLUTION" in cell.source:
                    errors.append(f"cell {i + 1}: {type(exc).__name__}: {exc}")
        answers = {k: v for k, v in namespace.items() if k.endswith("_answer")}
        _ANSWERS[exercise] = (answers, errors)
    return _ANSWERS[exercise]


# --- hostile inputs ----------------------------------------------------------------------------


class Boom(Exception):
    pass


def _boom(*args, **kwargs):
    raise Boom("hostile")


class Hostile:
    """Every protocol method raises."""

    __eq__ = __ne__ = __lt__ = __gt__ = __hash__ = _boom
    __float__ = __int__ = __index__ = __complex__ = _boom
    __repr__ = __str__ = __format__ = __len__ = __iter__ = __bool__ = _boom

    def __getattr__(self, name):
        raise Boom(name)


class HostileFloat(float):
    __float__ = __repr__ = __str__ = __format__ = __eq__ = __hash__ = _boom


class HostileStr(str):
    strip = replace = rstrip = upper = __len__ = __repr__ = __str__ = __format__ = _boom


class HostileDict(dict):
    items = keys = values = __iter__ = __len__ = __getitem__ = __contains__ = _boom


class HostileList(list):
    __iter__ = __len__ = __getitem__ = _boom


class SizeOne:
    size = 1

    def item(self):
        raise Boom("item")


class ExitOnFloat:
    def __float__(self):
        raise SystemExit(3)


class Chameleon:
    """Every attribute is itself; calling it returns itself."""

    def __getattr__(self, name):
        return self

    def __call__(self, *args, **kwargs):
        return self


def _deep_list(depth: int):
    x: list = []
    for _ in range(depth):
        x = [x]
    return x


def _deep_dict(depth: int):
    x: dict = {}
    for _ in range(depth):
        x = {"k": x}
    return x


HOSTILE = {
    "Ellipsis": ...,
    "None": None,
    "True": True,
    "False": False,
    "zero": 0,
    "minus zero": -0.0,
    "nan": math.nan,
    "inf": math.inf,
    "-inf": -math.inf,
    "huge int": 10**5000,
    "huge negative int": -(10**400),
    "bytes": b"31.7",
    "empty bytes": b"",
    "bytearray": bytearray(b"B"),
    "complex": 1 + 2j,
    "complex nan": complex(math.nan, 0),
    "empty text": "",
    "blank text": "   ",
    "text nan": "nan",
    "text inf": "-inf",
    "text 1e999": "1e999",
    "text percent": "31.7%",
    "text full-width": "３１.７％",
    "text hex": "0x1F",
    "text NUL": "\x00",
    "text letter": "B",
    "text (b)": "(b)",
    "text 21 letters": "B" * 21,
    "huge text": "a" * 1_000_000,
    "huge digits": "9" * 1_000_000,
    "empty list": [],
    "list of None": [None],
    "nested empty": [[[]]],
    "deep list": _deep_list(5000),
    "deep dict": _deep_dict(5000),
    "empty dict": {},
    "dict None": {None: None},
    "dict text values": {2005: "x", 2009: "y"},
    "big dict": {i: float(i) for i in range(100_000)},
    "big list": [1.0] * 1_000_000,
    "set": {1, 2},
    "frozenset": frozenset({3.0}),
    "range": range(10**9),
    "generator": (x for x in [1, 2, 3]),
    "iterator": iter([31.7]),
    "object": object(),
    "type": object,
    "function": print,
    "lambda": lambda: 31.7,
    "Decimal nan": Decimal("NaN"),
    "Decimal snan": Decimal("sNaN"),
    "Decimal huge": Decimal("1e999999"),
    "Fraction": Fraction(1, 3),
    "date": datetime.date(2009, 1, 1),
    "path": Path("31.7"),
    "exception": ValueError("31.7"),
    "memoryview": memoryview(b"x"),
    "slice": slice(1, 2),
    "NotImplemented": NotImplemented,
    "hostile object": Hostile(),
    "hostile float": HostileFloat(31.7),
    "hostile str": HostileStr("B"),
    "hostile dict": HostileDict({2005: 1.0}),
    "hostile list": HostileList([1.0, 2.0]),
    "size-one item raises": SizeOne(),
    "SystemExit in __float__": ExitOnFloat(),
    "chameleon": Chameleon(),
    "np empty": np.array([]),
    "np matrix": np.zeros((2, 2)),
    "np text": np.array(["x"]),
    "np nan array": np.array([np.nan]),
    "np nan": np.float64("nan"),
    "np int": np.int64(5),
    "np bool": np.bool_(True),
    "np complex": np.complex128(1j),
    "np datetime": np.datetime64("2009"),
    "np one": np.array([31.7]),
    "np object": np.array([object()], dtype=object),
    "df empty": pd.DataFrame(),
    "df wrong shape": pd.DataFrame(np.zeros((3, 4))),
    "df one cell": pd.DataFrame({"a": [1.0]}),
    "df text": pd.DataFrame({"a": ["x", "y"]}, index=["x", "y"]),
    "series empty": pd.Series(dtype=float),
    "series nan": pd.Series([np.nan] * 5),
    "series text": pd.Series(["a", "b"]),
    "series multiindex": pd.Series([1.0], index=pd.MultiIndex.from_tuples([(1, 2)])),
    "pd NA": pd.NA,
    "pd NaT": pd.NaT,
    "timestamp": pd.Timestamp("2009-01-01"),
    "index": pd.Index([1, 2]),
    "categorical": pd.Categorical(["a"]),
}

_scalars = st.one_of(
    st.none(),
    st.just(...),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.complex_numbers(allow_nan=True, allow_infinity=True),
    st.text(max_size=60),
    st.binary(max_size=60),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.fractions(),
)
ANSWERS = st.one_of(
    _scalars,
    st.sampled_from(sorted(HOSTILE)).map(HOSTILE.get),
    st.recursive(
        _scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=8),
            st.tuples(inner, inner),
            st.dictionaries(
                st.one_of(st.integers(1990, 2015), st.text(max_size=8)), inner, max_size=8
            ),
        ),
        max_leaves=20,
    ),
    st.dictionaries(st.integers(1990, 2015), st.floats(allow_nan=True), max_size=12),
    st.lists(st.floats(-1e6, 1e6), max_size=12).map(pd.Series),
    st.lists(st.floats(-1e6, 1e6), max_size=12).map(np.array),
    st.sampled_from("ABCDEFabcdef").map(lambda s: f" ({s}) "),
)


def assert_sentence(fb, q) -> None:
    assert isinstance(fb, Feedback), f"{q.qid}: check returned {type(fb).__name__}"
    assert isinstance(fb.outcome, Outcome)
    assert fb.question == q.qid
    msg = fb.message
    assert isinstance(msg, str) and re.search(r"[A-Za-z]{3}", msg), msg
    assert len(msg) < 3000, f"{q.qid}: a {len(msg)}-character message"
    assert "Traceback" not in msg
    assert str(fb) and fb._repr_markdown_()
    if fb.outcome is Outcome.INVALID:  # an unclear answer: say what is wanted, in plain words
        assert str(fb).startswith(f"? {q.qid}: unclear answer: "), str(fb)
        said = re.sub(r"'[^']*'|\"[^\"]*\"|`[^`]*`", "", msg)  # the learner's own text aside
        assert not PYTHON_WORDS.search(said), msg
        assert "for example" in msg or "print(...)" in msg, msg


PYTHON_WORDS = re.compile(
    r"\b(?:str|dict|int|float|NoneType|ndarray|TypeError|ValueError|OverflowError|Exception)\b"
)


# --- tests -------------------------------------------------------------------------------------


def test_there_are_exercise_modules():
    assert "ex00_start" in MODULES


@pytest.mark.parametrize("module", MODULES)
def test_every_module_imports_and_lists_its_questions(module):
    mod = load(module)
    qs = mod.QUESTIONS
    assert qs, f"{module}.QUESTIONS is empty"
    assert 4 <= len(qs) <= 8 or module == "ex00_start", f"{module}: {len(qs)} questions, not 4-8"
    assert [q.qid for q in qs] == [f"q{i}" for i in range(1, len(qs) + 1)]
    for q in qs:
        assert q.answer_name == f"{q.qid}_answer"
        assert getattr(mod, q.qid) is q
        assert q.prompt.strip() and q.solution_text.strip(), f"{module}.{q.qid}"
    assert mod.summary is core.summary


@pytest.mark.parametrize("module", MODULES)
def test_every_module_has_a_solutions_notebook(module):
    assert module in solutions_by_exercise(), f"no solutions notebook with exercise {module!r}"


@pytest.mark.parametrize("module,index", QUESTIONS)
def test_question_is_well_formed(module, index):
    q = question(module, index)
    assert q.hint() and q.solution()
    for _ in range(len(q.hints) + 2):  # layered hints, then the last again, never an error
        assert q.qid in q.hint()
    if isinstance(q, NumberQuestion):
        assert math.isfinite(float(q.expected()))
        if q.printed is not None:
            measures.decimals(q.printed)  # a printed number, its precision known
    if isinstance(q, SeriesQuestion):
        expected = q.expected()
        assert len(expected) and all(math.isfinite(float(v)) for v in dict(expected).values())
    if isinstance(q, ChoiceQuestion):
        assert q.correct in q.options
        for letter, (text, why) in q.options.items():
            assert text.strip() and why.strip(), f"option {letter} needs a text and an explanation"
        assert q.show()
    if isinstance(q, OpenQuestion):
        assert not q.auto and q.solution_text.strip()


@pytest.mark.parametrize("module,index", QUESTIONS)
def test_every_hostile_input_gives_a_sentence(module, index):
    q = question(module, index)
    for label, value in HOSTILE.items():
        try:
            fb = q.check(value)
        except BaseException as exc:  # noqa: BLE001 - the point is that nothing escapes
            pytest.fail(f"{module}.{q.qid}.check({label}) raised {type(exc).__name__}: {exc}")
        assert_sentence(fb, q)
        assert q.last is fb


@pytest.mark.parametrize("module,index", QUESTIONS)
@settings(max_examples=25, suppress_health_check=[HealthCheck.data_too_large])
@given(answer=ANSWERS)
def test_any_input_gives_a_sentence(module, index, answer):
    q = question(module, index)
    fb = q.check(answer)
    assert_sentence(fb, q)


@pytest.mark.parametrize("module,index", QUESTIONS)
@settings(max_examples=10)
@given(text=st.text(min_size=1, max_size=40).filter(str.strip))
def test_a_text_answer_is_echoed_as_typed(module, index, text):
    q = question(module, index)
    fb = q.check(text)
    if fb.outcome is Outcome.INVALID:
        assert repr(text) in fb.message, (text, fb.message)


@pytest.mark.parametrize("module,index", QUESTIONS)
def test_placeholder_is_not_answered_yet(module, index):
    q = question(module, index)
    assert q.check(...).outcome is Outcome.UNANSWERED
    assert q.check(None).outcome is Outcome.INVALID  # None is what print(...) returns


@pytest.mark.parametrize("module,index", QUESTIONS)
def test_the_solutions_answer_is_correct(module, index):
    q = question(module, index)
    if module not in solutions_by_exercise():
        pytest.fail(f"{module} has no solutions notebook to take the answer from")
    answers, errors = solution_answers(module)
    assert not errors, errors
    assert q.answer_name in answers, f"the solutions never assign {q.answer_name}"
    fb = q.check(answers[q.answer_name])
    assert fb.correct if q.auto else fb.outcome is Outcome.RECORDED, str(fb)
    if isinstance(q, (NumberQuestion, SeriesQuestion)):
        assert q.check(q.expected()).correct, f"{module}.{q.qid}: its own expected value"


JUNK = (..., None, "", "abc", [], [1, 2], {"a": 1}, float("nan"), True)


@pytest.mark.parametrize("module,index", QUESTIONS)
def test_junk_is_never_correct(module, index):
    q = question(module, index)
    if q.auto:
        for junk in JUNK:
            assert not q.check(junk).correct, f"{module}.{q.qid} accepted {junk!r}"


@pytest.mark.parametrize("module,index", QUESTIONS)
def test_every_named_mistake_is_close_and_named(module, index):
    q = question(module, index)
    for mistake in getattr(q, "mistakes", ()):
        value = mistake.value()
        fb = q.check(value)
        assert fb.outcome is Outcome.CLOSE, f"{mistake.name}: {fb}"
        assert mistake.name in fb.message
        assert mistake.advice.strip()


@pytest.mark.parametrize("module,index", QUESTIONS)
def test_feedback_does_not_give_the_answer_away(module, index):
    q = question(module, index)
    if not isinstance(q, NumberQuestion):
        return
    exact = float(q.expected())
    wrong = exact * 3 + 1000
    fb = q.check(wrong)
    assert fb.outcome in (Outcome.INCORRECT, Outcome.CLOSE)
    for shown in {f"{exact:.1f}", f"{exact:.2f}", f"{exact:.4g}", q.printed or "§"}:
        if len(shown.strip("-0.")) >= 2:
            assert shown not in fb.message, f"{q.qid} prints the answer: {fb}"
