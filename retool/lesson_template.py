"""The one template every lesson follows, and an honest estimate of the time it takes.

A lesson's first cell opens with its title (``# NN · Title``), the line of prerequisites and the
time estimate (``**Prerequisites:** … **Time:** …``) and then ``**What you will learn**``; its last
cell ends with one ``**Next:**`` line that links the lesson's exercises, their worked solutions and
the next lesson in the course's order. :func:`problems` lists what a lesson lacks;
tests/test_lesson_template.py runs it on every lesson.

The time is counted, not guessed, from the lesson and its exercise set at the rates below: words
read, cells run, widgets used and questions answered, each at a stated rate. The rates are the
course's assumptions, named so that an instructor can change them and see every estimate move.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

from . import i18n
from .i18n import N_, _, ngettext
from .wording import translated

ROOT = Path(__file__).resolve().parent.parent

# The course's order: lesson 10 tests the recommendations before lesson 09's capstone draws on
# everything (the teaching guide's ten-week plan).
ORDER = ("00", "01", "02", "03", "04", "05", "06", "07", "08", "10", "09")

# Messages of the catalogue (the opening line gives them in the language in use).
PREREQUISITES = {
    "00": N_("none beyond basic Python (variables, calling a function); no economics is assumed"),
    "01": N_("lesson 00 (how the course, its data and its checks work)"),
    "02": N_("lesson 01 (Table 1 and growth rates)"),
    "03": N_("lessons 00 and 01 (Table 1; the groups of firms a number covers)"),
    "04": N_("lesson 01 (growth and compound annual growth)"),
    "05": N_("lesson 01 (growth and compound annual growth)"),
    "06": N_("lessons 01 and 02 (Table 1's slowdown; renovation over investment)"),
    "07": N_("lessons 01 and 03 (Table 1; foreign technology and its assimilation)"),
    "08": N_("lessons 01 and 02 (Table 1; renovation against total investment)"),
    "10": N_("lesson 08 (the interest-subsidy arithmetic)"),
    "09": N_(
        "lessons 00, 01, 02, 03, 04, 05, 06, 07, 08 and 10: the capstone draws on all of them"
    ),
}

# minutes, the course's assumptions (why: each comment)
READING_WORDS_PER_MINUTE = 100  # technical prose full of numbers, often in a second language
CODE_CELL_MINUTES = 1  # run a cell, read its table or chart
WIDGET_MINUTES = 5  # move the controls and read the sentence change a few times
QUESTION_MINUTES = {  # writing code or a sentence, checking, reading a hint
    "NumberQuestion": 5,
    "SeriesQuestion": 6,
    "ChoiceQuestion": 2,
    "OpenQuestion": 8,
}
CRITIQUE_WORDS_PER_MINUTE = 10  # planning, recomputing and writing: 150 words in 15 minutes


def lesson_files() -> dict[str, Path]:
    return {p.name[:2]: p for p in sorted((ROOT / "lessons").glob("[0-9][0-9]_*.ipynb"))}


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _source(cell: dict) -> str:
    return "".join(cell["source"])


def title(nn: str) -> str:
    """'02 · Investment intensity' (the lesson's heading up to a colon; in Chinese, the Chinese
    edition's heading when it exists)."""
    path = lesson_files()[nn]
    edition = ROOT / i18n.EDITION_FOLDER / "lessons" / path.name
    if i18n.language() == "zh" and edition.exists():
        path = edition
    first = _source(_cells(path)[0]).split("\n", 1)[0]
    return re.split("[:：]", first.lstrip("# "), maxsplit=1)[0].strip()


def _exercise_module(nn: str):
    import importlib

    path = ROOT / "solutions" / lesson_files()[nn].name.replace(".ipynb", "_solutions.ipynb")
    meta = json.loads(path.read_text(encoding="utf-8"))["metadata"]["retool"]
    return importlib.import_module(f"retool.exercises.{meta['exercise']}")


def lesson_minutes(nn: str) -> float:
    """Reading the lesson's prose, running its code cells, using its widgets."""
    from .exercises.core import word_count

    cells = _cells(lesson_files()[nn])
    words = sum(word_count(_source(c)) for c in cells if c["cell_type"] == "markdown")
    code = [c for c in cells if c["cell_type"] == "code"]
    widgets = sum("NBVAL_IGNORE_OUTPUT" in _source(c) for c in code)  # every widget cell is so
    return (
        words / READING_WORDS_PER_MINUTE
        + (len(code) - widgets) * CODE_CELL_MINUTES
        + widgets * WIDGET_MINUTES
    )


def exercise_minutes(nn: str) -> float:
    """The lesson's exercise set, question by question (a critique by its length)."""
    from .exercises.core import CritiqueQuestion

    total = 0.0
    for q in _exercise_module(nn).QUESTIONS:
        if isinstance(q, CritiqueQuestion):
            total += q.words / CRITIQUE_WORDS_PER_MINUTE
        else:
            total += QUESTION_MINUTES[type(q).__name__]
    return total


def _five(minutes: float) -> int:
    return int(5 * math.ceil(minutes / 5))


def _hours(minutes: float) -> str:
    hours = math.ceil(minutes / 15) / 4  # to the quarter hour above
    return ngettext("{n} hour", "{n} hours", 1 if hours == 1 else 2).format(n=f"{hours:g}")


def time_sentence(nn: str) -> str:
    lesson, exercises = lesson_minutes(nn), exercise_minutes(nn)
    return _(
        "about {lesson} minutes for the lesson and about {exercises} minutes for the exercises "
        "(about {hours} in all)"
    ).format(
        lesson=_five(lesson),
        exercises=_five(exercises),
        hours=_hours(_five(lesson) + _five(exercises)),
    )


def opening_line(nn: str) -> str:
    """The line of prerequisites and time, in the language in use."""
    return _("**Prerequisites:** {prerequisites}. **Time:** {time}.").format(
        prerequisites=translated(PREREQUISITES[nn]), time=time_sentence(nn)
    )


def next_line(nn: str) -> str:
    """The lesson's last line, in the language in use (the links are the same in both editions:
    the Chinese edition keeps the English one's file names)."""
    name = lesson_files()[nn].name
    fields = {
        "exercises": f"../exercises/{name.replace('.ipynb', '_exercises.ipynb')}",
        "solutions": f"../solutions/{name.replace('.ipynb', '_solutions.ipynb')}",
    }
    k = ORDER.index(nn)
    if k + 1 < len(ORDER):
        following = ORDER[k + 1]
        return _(
            "**Next:** [the exercises]({exercises}) (worked answers in [the solutions]"
            "({solutions})), then [{title}]({lesson})."
        ).format(**fields, title=title(following), lesson=lesson_files()[following].name)
    return _(
        "**Next:** [the exercises]({exercises}) (worked answers in [the solutions]({solutions}));"
        " they end with the capstone referee report. This is the course's last lesson."
    ).format(**fields)


def problems(nn: str) -> list[str]:
    """What lesson ``nn`` lacks of the template ([] when it follows it)."""
    cells = _cells(lesson_files()[nn])
    first = _source(cells[0])
    markdown = [_source(c) for c in cells if c["cell_type"] == "markdown"]
    out = []
    if not re.match(rf"# {nn} · \S", first):
        out.append(f"the first cell does not open with '# {nn} · Title'")
    if opening_line(nn) not in first:
        out.append(f"the first cell lacks the line: {opening_line(nn)}")
    elif first.index(opening_line(nn)) > first.find("**What you will learn**"):
        out.append("the prerequisites and time come after 'What you will learn'")
    if "**What you will learn**" not in first:
        out.append("the first cell lacks 'What you will learn'")
    last = markdown[-1].rstrip()
    if not last.endswith(next_line(nn)):
        out.append(f"the last cell does not end with: {next_line(nn)}")
    if sum(m.count("**Next:**") for m in markdown) != 1:
        out.append("the lesson has more or less than one '**Next:**' line")
    return out


def write_opening(nn: str) -> bool:
    """Put the current prerequisites-and-time line into lesson ``nn`` (after a change to the
    lesson or its exercises moves the estimate); True when the file changed."""
    path = lesson_files()[nn]
    nb = json.loads(path.read_text(encoding="utf-8"))
    first = _source(nb["cells"][0])
    text = re.sub(r"\*\*Prerequisites:\*\*[^\n]*\n\n", "", first)
    at = text.index("**What you will learn**")
    text = text[:at] + opening_line(nn) + "\n\n" + text[at:]
    if text == first:
        return False
    nb["cells"][0]["source"] = text.splitlines(True)
    path.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    from . import notebooks  # the text twin follows the notebook

    notebooks.write_pair(path, prefer="notebook")
    return True
