"""The questions of the exercises speak Chinese in the Chinese edition and today's English in the
English one: every prompt, hint, worked solution, mistake, option and rubric line is a message of
the catalogue, and its Chinese reads as Chinese (code names, paths and numbers aside)."""

from __future__ import annotations

import importlib
import re

import pytest

from retool import i18n


def _exercise_modules() -> list[str]:
    """Every exercise module, exNN_topic: a new one is covered as soon as it exists."""
    from retool.exercises import misconceptions

    return misconceptions.exercise_modules()


MODULES = _exercise_modules()

_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
# what stays as written in either language: `code`, paths and names like data/x.csv or q1_answer
_CODE = re.compile(r"`[^`]*`|[\w./()-]*[A-Za-z0-9][/_.][A-Za-z][\w./()-]*")
# a column or key quoted as written ('renovation', universe == ...) and a line of code
_NAME = re.compile(r"'[A-Za-z_][\w.]*'|\b\w+ [=!]= ")
_CODE_LINE = re.compile(r"^[\w\[\]'.]+(?:, \w+)* = (?!.*\b[A-Za-z]+ [A-Za-z]+\b).*$", re.M)


def _texts(question):
    """(what, text) for every text of a question that a learner reads."""
    yield "prompt", question.prompt
    for n, hint in enumerate(question.hints, 1):
        yield f"hint {n}", hint
    yield "solution", question.solution_text
    for n, mistake in enumerate(getattr(question, "mistakes", ()), 1):
        yield f"mistake {n}", mistake.name
        yield f"mistake {n} advice", mistake.advice
    for key, (option, why) in getattr(question, "options", {}).items():
        yield f"option {key}", option
        yield f"option {key} reason", why
    for criterion in getattr(question, "rubric", ())[:4]:  # the fifth, economy, is the course's
        yield f"rubric: {criterion.name}", criterion.full_marks
    if getattr(question, "where", ""):
        yield "where", question.where


def _all_texts() -> list:
    found = []
    for name in MODULES:
        module = importlib.import_module(f"retool.exercises.{name}")
        for question in module.QUESTIONS:
            for what, text in _texts(question):
                found.append(pytest.param(text, id=f"{name}.{question.qid} {what}"))
    return found


def _words_left(text: str, fields: dict) -> str:
    """The text without what a translator keeps as it is: the fields, code, paths, numbers."""
    for value in sorted((str(v) for v in fields.values()), key=len, reverse=True):
        if value:
            text = text.replace(value, " ")
    return _CODE.sub(" ", _NAME.sub(" ", _CODE_LINE.sub(" ", text)))


def mostly_chinese(text: str, fields: dict | None = None) -> bool:
    """More Chinese characters than Latin letters outside code (a hint that is only code
    passes: there is nothing in it to translate)."""
    left = _words_left(text, fields or {})
    latin = len(_LATIN.findall(left))
    return latin == 0 or len(_CJK.findall(left)) > latin


def test_the_rule_tells_chinese_from_english():
    assert mostly_chinese("请乘以100：论文印的是百分数。")
    assert mostly_chinese("用 `data.table2_wide()` 计算 data/later_policy.csv 中的 CAGR")
    assert not mostly_chinese("multiply by 100: the paper prints 亿元.")
    assert not mostly_chinese("{code}\nAbout {share}%.", {})
    assert mostly_chinese("`measures.cagr_pct(start, end, 8)`。")
    code = "q3_answer = t['a'] / t['b']"
    assert mostly_chinese(f"{code}\n约15%。", {"code": code})
    assert mostly_chinese("列名是 'assimilation'（消化吸收）。")
    assert not mostly_chinese("The column is 'assimilation'.")
    assert mostly_chinese("s = data.table1_wide()\nq1_answer = s['a'] / s['b']\n约为8%。")
    assert not mostly_chinese("s = data.table1_wide()\nAbout 8%, the peak of growth.")
    assert not mostly_chinese("L = budget / r, with r as a fraction.")
    assert mostly_chinese("保留 universe == 'lme_traditional' 的行，查看 domestic_faster 一列。")
    assert not mostly_chinese("Keep the rows with universe == 'lme_traditional'.")


@pytest.mark.parametrize("text", _all_texts())
def test_every_text_is_a_message_in_chinese(text):
    assert isinstance(text, i18n.lazy), f"not marked for translation: {text!r}"
    with i18n.use("zh"):
        chinese = str(text)
    assert chinese != str.__str__(text), f"no Chinese for {text.msgid!r}"
    assert mostly_chinese(chinese, text.fields), chinese


@pytest.mark.parametrize("text", _all_texts())
def test_every_text_stays_as_written_in_english(text):
    with i18n.use("en"):
        assert str(text) == str.__str__(text) == f"{text}"
        assert not re.search(r"\{[a-z_]+\}", str(text))  # every field filled in


def test_english_wording_is_kept():
    from retool.exercises import ex10_next

    with i18n.use("en"):
        assert str(ex10_next.q1.prompt).startswith("Code it yourself from `data/later_policy.csv`")
        assert str(ex10_next.q5.options["B"][0]).startswith("Nothing about the subsidy's effect")
        solution = str(ex10_next.q3.solution_text)
        assert solution.startswith("q3_answer = later.loans_supported_2024()")


@pytest.mark.parametrize("key", ["A", "B", "C", "D"])
def test_find_the_data_tasks_speak_chinese(key):
    from retool.exercises.ex10_next import DATA_TASKS

    task = DATA_TASKS[key]
    source = "《中国统计年鉴2010》，表20-42，https://www.stats.gov.cn/"
    middle = (task.low() + task.high()) / 2
    with i18n.use("zh"):
        said = [task.describe(), task.check(middle, source).message]
        said += [task.check(middle, "x").message, task.check(task.high() * 10, source).message]
    for sentence in said:
        assert mostly_chinese(sentence), sentence
    with i18n.use("en"):
        assert task.describe().startswith(f"Task {key}: find {task.look_for}")


def test_code_and_numbers_stay_as_written_in_both_languages():
    """A worked solution's code and computed numbers are fields: Chinese shows them unchanged."""
    from retool.exercises import ex02_intensity, ex04_wear, ex09_critical

    for solution in (ex04_wear.q1.solution_text, ex02_intensity.q8.solution_text):
        with i18n.use("zh"):
            chinese = str(solution)
        for value in solution.fields.values():
            assert str(value) in chinese
    with i18n.use("en"):
        assert str(ex04_wear.q1.solution_text).startswith(
            "d = rebuild.equipment_distribution()\nq1_answer = d['equipment_domestic_average']"
        )
        assert str(ex09_critical.q8.rubric[1].name) == "major concern 1"
    with i18n.use("zh"):
        assert str(ex09_critical.q8.rubric[1].name) == "主要问题1"


def _open_questions():
    from retool.exercises.core import OpenQuestion

    for name in MODULES:
        module = importlib.import_module(f"retool.exercises.{name}")
        for attr in sorted(vars(module)):
            value = getattr(module, attr)
            if isinstance(value, OpenQuestion):
                yield pytest.param(value, id=f"{name}.{attr}")


@pytest.mark.parametrize("question", list(_open_questions()))
def test_a_model_answer_is_given_in_the_readers_language(question):
    # solutions notebooks answer open questions with q.model_answer(): the same code cell in
    # both editions, the answer in each edition's language
    with i18n.use("en"):
        english = question.model_answer()
        assert english == str(question.solution_text)
    with i18n.use("zh"):
        chinese = question.model_answer()
    assert mostly_chinese(chinese, getattr(question.solution_text, "fields", {}))
    assert chinese != english


def test_a_withheld_edition_gives_no_model_answer(monkeypatch):
    from retool.exercises import core

    question = next(iter(_open_questions())).values[0]
    monkeypatch.setitem(core._EDITION, "solutions", False)
    with i18n.use("en"):
        assert question.model_answer() == str(core.WITHHELD)
