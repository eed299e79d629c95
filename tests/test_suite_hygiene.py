"""The suite itself: no pass/fail test depends on how fast or how busy the machine is.

Timing budgets live in benchmarks/ and the README. A test that compares a measured duration, or a
property test with a deadline, fails on a loaded laptop without any defect; these checks read the
test files and fail when one appears.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import hypothesis
import pytest

TESTS = Path(__file__).resolve().parent
TIMING_NAME = re.compile(r"(second|elapsed|duration|took|latency|millis|_ms$|^ms$)", re.I)
CLOCKS = {"time", "perf_counter", "monotonic", "process_time", "perf_counter_ns", "monotonic_ns"}


def _names(node: ast.AST) -> set[str]:
    found = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name):
            found.add(sub.id)
        elif isinstance(sub, ast.Attribute):
            found.add(sub.attr)
    return found


def timing_asserts(source: str) -> list[int]:
    """Lines of asserts that compare a duration or a clock reading."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Assert):
            continue
        for cmp in (n for n in ast.walk(node.test) if isinstance(n, ast.Compare)):
            ordering = any(isinstance(op, (ast.Lt, ast.LtE, ast.Gt, ast.GtE)) for op in cmp.ops)
            names = _names(cmp)
            if ordering and (names & CLOCKS or any(TIMING_NAME.search(n) for n in names)):
                lines.append(node.lineno)
    return lines


def deadlines(source: str) -> list[int]:
    """Lines where a hypothesis ``settings(...)`` sets a deadline other than None."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and "settings" in _names(node.func):
            for kw in node.keywords:
                none = isinstance(kw.value, ast.Constant) and kw.value.value is None
                if kw.arg == "deadline" and not none:
                    lines.append(node.lineno)
    return lines


def test_the_detectors_catch_what_they_are_for():
    # each detector must fail on the patterns that made the suite flaky before
    assert timing_asserts("assert seconds < 60") == [1]
    assert timing_asserts("t0 = 1\nassert time.monotonic() - t0 < 3") == [2]
    assert timing_asserts("assert elapsed_s <= budget") == [1]
    assert timing_asserts("assert score == 1\nassert len(rows) < 30") == []
    assert deadlines("@settings(deadline=200)\ndef f(): pass") == [1]
    assert deadlines("@settings(deadline=None, max_examples=5)\ndef f(): pass") == []


@pytest.mark.parametrize("path", sorted(TESTS.glob("*.py")), ids=lambda p: p.name)
def test_no_test_asserts_wall_clock_time(path):
    source = path.read_text(encoding="utf-8")
    assert not timing_asserts(source), (
        f"{path.name}, lines {timing_asserts(source)}: a test compares a duration; move the "
        "budget to benchmarks/run.py and the README"
    )
    assert not deadlines(source), (
        f"{path.name}, lines {deadlines(source)}: a hypothesis deadline fails on a busy machine"
    )


def test_property_tests_run_without_deadlines():
    assert hypothesis.settings.default.deadline is None


def test_the_scheduler_keeps_notebooks_whole_and_spreads_the_browser_tests():
    from retool.pytest_plugin import SPREAD, scope_of

    seen: dict[str, dict[str, int]] = {}
    cells = [scope_of(f"lessons/01_scale.ipynb::Cell {k}", seen) for k in range(5)]
    assert set(cells) == {"lessons/01_scale.ipynb"}  # one kernel runs a notebook's cells
    module = [scope_of(f"tests/test_data.py::test_{k}", seen) for k in range(4)]
    assert set(module) == {"tests/test_data.py"}
    browser = [scope_of(f"tests/test_browser.py::test_lesson[{k:02d}]", seen) for k in range(11)]
    assert len(set(browser)) == SPREAD["test_browser.py"] >= 2
    counts = sorted(browser.count(s) for s in set(browser))
    assert counts[-1] - counts[0] <= 1  # dealt round-robin: both workers get a fair share
    # the tests of one widget module go to one worker, which draws each setting once
    contract = {
        (test, m): scope_of(f"tests/test_widgets_contract.py::{test}[{m}]", seen)
        for test in ("test_every_valid_value", "test_a_redraw", "test_nan")
        for m in ("chain", "idicn", "scale")
    }
    for m in ("chain", "idicn", "scale"):
        assert len({unit for (_, module), unit in contract.items() if module == m}) == 1, m
    assert len(set(contract.values())) == SPREAD["test_widgets_contract.py"]


def test_the_scheduler_hands_out_the_longest_units_first():
    from collections import OrderedDict

    from retool.pytest_plugin import LONG_FIRST, is_notebook, next_unit

    queue = OrderedDict.fromkeys(
        [
            "tests/test_audit_record.py",
            "tests/test_data.py",
            "tests/test_faults.py",
            "tests/test_browser.py::part1",
            "tests/test_widgets_contract.py::part0",
            "tests/test_browser.py::part0",
            "lessons/00_start_here.ipynb",
            "lessons/01_scale.ipynb",
            "tests/test_units.py",
        ]
    )
    order, last = [], False
    while queue:  # as CourseScheduling picks the next unit
        first = next_unit(queue, last)
        last = is_notebook(first)
        del queue[first]
        order.append(first)
    assert order == [
        "tests/test_browser.py::part0",
        "tests/test_widgets_contract.py::part0",  # beside the first half of the browser tests
        "tests/test_browser.py::part1",
        "tests/test_faults.py",
        # then notebooks and test files by turns, each in collection order
        "lessons/00_start_here.ipynb",
        "tests/test_audit_record.py",
        "lessons/01_scale.ipynb",
        "tests/test_data.py",
        "tests/test_units.py",
    ]
    files = {name.split("::", 1)[0] for name in LONG_FIRST}
    assert all((Path(__file__).parent / name).exists() for name in files)


def _suite_under_load():
    """benchmarks/suite_under_load.py as a module (benchmarks/ is not a package)."""
    import sys

    sys.path.insert(0, str(TESTS.parent / "benchmarks"))
    try:
        import suite_under_load
    finally:
        sys.path.remove(str(TESTS.parent / "benchmarks"))
    return suite_under_load


def test_the_test_command_is_the_same_everywhere():
    """`make test`, the README's command without make (both editions) and the suite-under-load
    check run the suite alike (the same workers, the same scheduling)."""
    import shlex

    root = TESTS.parent
    make = re.search(r"python -m pytest (.+)", (root / "Makefile").read_text("utf-8")).group(1)
    assert _suite_under_load().COMMAND[3:-1] == shlex.split(make)
    for readme in ("README.md", "README.zh.md"):
        text = (root / readme).read_text("utf-8")
        assert f"python -m pytest {make}\n" in text, readme


def test_the_suite_benchmark_reports_the_machines_speed_beside_each_run(monkeypatch):
    """Each run's row gives the loop timed before it, so that its time is read beside the speed
    of a shared machine at that moment; the verdict is the idle runs' median."""
    sul = _suite_under_load()
    rows = [
        {"label": "loaded 1", "ok": True, "seconds": 250, "cpu": 300, "loop": 2.9, "summary": "x"},
        {"label": "idle 1", "ok": True, "seconds": 170, "cpu": 320, "loop": 2.1, "summary": "y"},
        {"label": "idle 2", "ok": False, "seconds": 200, "cpu": 330, "loop": 3.4, "summary": "z"},
    ]
    text = sul.report(rows, busy=2)
    assert "| idle 1 | passed | 170 s | 320 s | 2.1 s | y |" in text
    assert "| idle 2 | **failed** | 200 s | 330 s | 3.4 s | z |" in text
    assert "median 185 s, **over**" in text
    monkeypatch.setattr(sul, "SPEED_LOOP", 1000)  # the loop itself, shortened
    assert isinstance(sul.speed_loop(), float) and sul.speed_loop() >= 0
