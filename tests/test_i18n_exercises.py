"""The exercises and the grader in both languages: every outcome of a check said in Chinese, no
English sentence left in the Chinese feedback of exercises 00, 01 and 03, the same answer marked
alike in both editions (an option's text in either language), the grader's reports in the
language chosen. Expected values come from the questions themselves, never typed in."""

from __future__ import annotations

import math
import re

import nbformat
import pandas as pd
import pytest

from retool import grading, i18n
from retool.exercises import core, ex00_start, ex01_scale, ex03_sources
from retool.exercises.core import (
    ChoiceQuestion,
    CritiqueQuestion,
    NumberQuestion,
    OpenQuestion,
    Outcome,
    SeriesQuestion,
)
from retool.grading import cli, report, sandbox
from retool.grading.grade import NOT_GRADED, Graded, Row

MODULES = (ex00_start, ex01_scale, ex03_sources)
QUESTIONS = [(m.__name__.rsplit(".", 1)[-1], q) for m in MODULES for q in m.QUESTIONS]
IDS = [f"{name}.{q.qid}" for name, q in QUESTIONS]
CJK = re.compile(r"[\u3400-\u9fff]")
# names of code, values and labels that a Chinese sentence quotes as they are
CODE_WORDS = {"None", "True", "False", "print", "nan", "inf", "pandas", "Series", "NumPy"}
CODE_WORDS |= {"DataFrame", "data", "universe", "stated", "only"}


def english_words(text: str) -> list[str]:
    """The English words of a text, apart from code, quoted values and names of code."""
    text = re.sub(r"`[^`]*`", " ", text)  # code spans
    text = re.sub(r"'[^'\n]*'|\"[^\"\n]*\"", " ", text)  # quoted values and the learner's text
    lines = text.splitlines()  # a worked solution opens with lines of code
    text = "\n".join(line for line in lines if CJK.search(line) or not re.search(r"[=#]", line))
    text = re.sub(r"[A-Za-z_][\w.]*\([^)]*\)|\w*_\w*|\w+\.\w+", " ", text)  # calls, names
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in CODE_WORDS]


def answers(q) -> list:
    """A right, a wrong, an empty, a mistyped and an absurd answer, and every named mistake."""
    absurd = [None, float("nan"), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], object()]
    if isinstance(q, NumberQuestion):
        right = q.expected()
        return [right, right * 3 + 7, ..., "", "abc", *absurd] + [m.value() for m in q.mistakes]
    if isinstance(q, SeriesQuestion):
        right = q.expected()
        wrong = {k: v * 3 + 7 for k, v in right.items()}
        return [right, wrong, ..., "", "abc", *absurd] + [m.value() for m in q.mistakes]
    if isinstance(q, ChoiceQuestion):
        return [*q.options, "Z", ..., "", *absurd]
    return ["这是我的回答：2009年的增长率约为-12%。", ..., "", *absurd]


@pytest.mark.parametrize("q", [q for _, q in QUESTIONS], ids=IDS)
def test_no_english_sentence_is_left_in_the_chinese_feedback(q):
    with i18n.use("zh"):
        said = [str(q.check(a)) for a in answers(q)] + [str(q.check())]
        said += [str(q.prompt), q.solution(), q.expects()] + [q.hint() for _ in q.hints]
    for text in said:
        assert CJK.search(text), text
        assert english_words(text) == [], text


@pytest.mark.parametrize("q", [q for _, q in QUESTIONS], ids=IDS)
def test_every_text_of_a_question_is_a_message_to_translate(q):
    texts = [q.prompt, q.solution_text, *q.hints]
    texts += [t for m in getattr(q, "mistakes", ()) for t in (m.name, m.advice)]
    texts += [t for option in getattr(q, "options", {}).values() for t in option]
    texts += [t for c in getattr(q, "rubric", ()) for t in (c.name, c.full_marks)]
    plain = [t for t in texts if not isinstance(t, i18n.lazy)]
    assert plain == []
    with i18n.use("zh"):
        untranslated = [t for t in texts if str(t) == str.__str__(t)]
    assert untranslated == []


def _marked_alike(q, answer) -> tuple:
    outcomes = []
    for lang in i18n.LANGUAGES:
        with i18n.use(lang):
            fb = q.check(answer)
            outcomes.append((fb.outcome, bool(fb.mistake)))
    return tuple(outcomes)


@pytest.mark.parametrize("q", [q for _, q in QUESTIONS], ids=IDS)
def test_the_same_answer_is_marked_alike_in_both_languages(q):
    for answer in answers(q):
        en, zh = _marked_alike(q, answer)
        assert en == zh, repr(answer)[:80]


CHOICES = [(name, q) for name, q in QUESTIONS if isinstance(q, ChoiceQuestion)]


@pytest.mark.parametrize("q", [q for _, q in CHOICES], ids=[f"{n}.{q.qid}" for n, q in CHOICES])
def test_an_option_may_be_named_by_its_text_in_either_language(q):
    text = q.options[q.correct][0]
    for shown in i18n.LANGUAGES:
        with i18n.use(shown):
            written = str(text)
        for lang in i18n.LANGUAGES:
            with i18n.use(lang):
                assert q.check(written).outcome is Outcome.CORRECT, (shown, lang)
                assert q.check(f"({q.correct}) {written}").outcome is Outcome.CORRECT
    with i18n.use("zh"):
        wrong = next(k for k in q.options if k != q.correct)
        assert q.check(str(q.options[wrong][0])).outcome is Outcome.INCORRECT


def test_full_width_letters_and_numbers_read_as_typed_by_a_chinese_input_method():
    q2, q3 = ex00_start.q2, ex00_start.q3
    full_width = chr(ord(q2.correct) + 0xFEE0)  # 'B' as a Chinese input method types it
    for answer in (full_width, f"（{full_width}）", f"{q2.correct}。"):
        assert q2.check(answer).outcome is Outcome.CORRECT, answer
    value = f"{q3.expected():.4f}"
    typed = value.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789.-"}) + "％"
    assert q3.check(typed).outcome is Outcome.CORRECT
    assert q3.check("3²").outcome is Outcome.INVALID  # only full-width forms are read, no others


# --- each kind of outcome, said in Chinese ---------------------------------------------------


def zh(q, answer=core._NOTHING):
    with i18n.use("zh"):
        return q.check(answer) if answer is not core._NOTHING else q.check()


def test_a_right_number_is_said_correct_with_where_the_paper_prints_it():
    q = ex00_start.q3
    fb = zh(q, q.expected())
    assert fb.outcome is Outcome.CORRECT
    assert str(fb).startswith(
        f"✔ q3: 正确：{core.shown(q.expected())} 与论文印出的 {q.printed} 相符"
    )
    with i18n.use("zh"):
        assert f"（{q.where}）" in str(fb)
        assert str(q.where).startswith("论文")


def test_a_close_answer_names_its_mistake_in_chinese():
    q = ex00_start.q1
    fraction = q.mistakes[0]
    fb = zh(q, fraction.value())
    with i18n.use("zh"):
        name, advice = str(fraction.name), str(fraction.advice)
    assert fb.outcome is Outcome.CLOSE
    assert fb.mistake == name == "小数而非百分数"
    assert str(fb) == f"≈ q1: 接近，但这看起来是{name}：{advice}"


def test_a_wrong_answer_says_not_quite_and_where_to_look():
    q = ex01_scale.q6
    wrong = q.expected() * 3 + 7
    fb = zh(q, wrong)
    assert fb.outcome is Outcome.INCORRECT
    assert fb.message == f"不太对：{core.shown(wrong)} 不是题目要求的值。试试 `q6.hint()`。"
    series = zh(ex01_scale.q2, {k: 0.0 for k in ex01_scale.q2.expected()})
    assert series.outcome is Outcome.INCORRECT
    assert series.message.startswith(f"{len(ex01_scale.q2.expected())} 个数值中有 0 个相符")


def test_a_wrong_option_says_why_in_chinese():
    q = ex01_scale.q5
    fb = zh(q, "A")
    with i18n.use("zh"):
        assert fb.message == f"不是这一项：{q.options['A'][1]}"
    assert fb.outcome is Outcome.INCORRECT


def test_an_empty_a_placeholder_and_a_mistyped_answer_get_a_chinese_sentence():
    q = ex00_start.q1
    assert zh(q, ...).message.startswith("尚未作答：请把 `q1_answer = ...` 中的 `...` 换成你的答案")
    assert zh(q).message == "请给出要检查的答案：`q1.check(q1_answer)`。"
    empty = zh(q, "")
    assert empty.outcome is Outcome.INVALID
    assert str(empty).startswith("? q1: 答案不清楚：文本是空的；本题要求一个数字（以百分数计）")
    assert zh(q, "lots").message.startswith("文本 'lots' 不是数字；")
    assert zh(ex00_start.q2, "E").message.startswith("文本 'E' 不是选项之一；本题要求一个字母")
    assert zh(ex00_start.q2, "A or B").message.startswith(
        "文本 'A or B' 提到了 2 个选项；请只选一个"
    )


def test_an_absurd_answer_gets_a_chinese_sentence():
    q = ex00_start.q1
    assert zh(q, None).message.startswith("None 不是答案：你是否把 print(...) 的结果赋给了变量？")
    assert zh(q, float("inf")).message.startswith("inf（无穷大或未定义的值）不是数字；")
    assert zh(q, [1, 2]).message.startswith("列表不是单个数字；")
    assert zh(q, True).message.startswith("布尔值（True/False）不是数字；")
    assert zh(q, print).message.startswith("函数或类型（而不是它的结果）不是单个数字；")
    assert zh(ex01_scale.q1, [1.0]).message.startswith(
        "列表中的值少于 4 个；本题要求 4 个数字（以亿元计）"
    )


def test_an_open_answer_is_recorded_in_chinese():
    q = ex00_start.q4
    fb = zh(q, "论断台账标为仅有陈述。")
    assert fb.outcome is Outcome.RECORDED
    assert fb.message == "答案已记录（不自动检查）。请与 `q4.solution()` 对照。"
    assert zh(q, 3).message.startswith("整数 不是文字答案；本题要求写在引号中的文字")


def test_a_chinese_critique_is_counted_in_characters_and_marked_alike():
    q = ex00_start.q5
    assert isinstance(q, CritiqueQuestion)
    asked = q.words * core.CHARS_PER_WORD
    answer = "论" * (asked - 2) + "2009年"  # as long as asked, citing a number
    assert core.word_count(answer) == pytest.approx(q.words, abs=1)
    fb = zh(q, answer)
    assert fb.message.startswith(f"答案已记录，不自动评分（共{asked}字；题目要求约{asked}字）")
    with i18n.use("en"):
        english = q.check(answer).message
    assert "much shorter" not in english and "cites no number" not in english
    short = zh(q, "太短了")
    assert "比要求短得多" in short.message and "没有引用任何数字" in short.message
    with i18n.use("zh"):
        rubric = q.rubric_text()
    assert rubric.startswith("评分标准（由教师评分，共10分；不自动评分）：")
    assert "中文约300字" in rubric  # says how a Chinese answer is counted


def test_hints_solutions_summary_and_the_withheld_edition_speak_chinese(monkeypatch):
    q, written = ex03_sources.q6, ex03_sources.q7
    monkeypatch.setattr(q, "last", None)
    monkeypatch.setattr(written, "last", None)
    monkeypatch.setattr(q, "_hint_level", 0)
    with i18n.use("zh"):
        assert q.hint().startswith(f"q6 的提示 1/{len(q.hints)}：")
        assert q.solution().startswith("q6 的解答：\n")
        monkeypatch.setitem(core._EDITION, "solutions", False)
        assert q.solution() == "q6 的解答：\n不提供：本版练习不含解答。"
        q.check(q.expected())
        done = core.summary(q, written)
    assert done.splitlines() == [
        "q6: 正确",
        "q7: 尚未作答",
        "自动评分题 1 道，答对 1 道",
        "开放题 1 道，已答 0 道（不自动评分：请与解答对照）",
    ]


def test_english_feedback_keeps_its_wording():
    q = ex00_start.q1
    with i18n.use("en"):
        assert q.check(...).message.startswith("not answered yet: replace the `...`")
        assert str(q.check("")).startswith("? q1: unclear answer: the text is empty;")
        assert q.check(q.mistakes[0].value()).message.startswith(
            "close, but this looks like a fraction instead of a percentage: multiply by 100"
        )


def test_numbers_stated_by_a_solution_are_read_from_its_english_text():
    q = ex03_sources.q3  # "About 2.2": the rounded answer counts in both languages
    stated = core.stated_numbers(q.solution_text)
    assert stated and stated == core.stated_numbers(str.__str__(q.solution_text))
    rounded = float(stated[0])
    assert math.isclose(round(q.expected(), 1), rounded)
    assert _marked_alike(q, rounded) == ((Outcome.CORRECT, False), (Outcome.CORRECT, False))


# --- the grader's reports in the chosen language ---------------------------------------------


def _result():
    qs = ex00_start.QUESTIONS
    answers = [qs[0].mistakes[0].value(), qs[1].correct, ""]
    feedback = [zh(q, answer) for q, answer in zip(qs, answers)]
    graded = [
        Graded(q.qid, fb.outcome.value, float(fb.correct), fb.message, mistake=fb.mistake)
        for q, fb in zip(qs, feedback)
    ]
    why = "没有单元格定义 q4_answer（被删除或改名了？）"
    graded.append(Graded("q4", NOT_GRADED, 0.0, why, reason=why))
    graded.append(Graded("q5", "answered, not auto-graded", 0.0, "", answer_text="评析。"))
    row = Row("alice", "alice.ipynb", "ex00_start", graded, flags="")
    return report.ClassResult([row], {"ex00_start": qs}), why


def test_the_reports_speak_the_language_chosen():
    result, why = _result()
    with i18n.use("zh"):
        table = report.headed(result.table())
        items = report.headed(result.items())
        mistakes = result.items().set_index("question")["most_common_mistake"]
        feedback = report.headed(result.feedback())
        page = report.feedback_html(result, result.rows[0])
        summary = result.summary()
    assert list(table.columns[:3]) == ["学生", "文件", "练习"]
    assert {"总分", "满分", "原因", "提示标记"} <= set(table.columns)
    assert "最常见错误" in items.columns and "正确率" in items.columns
    assert set(feedback["结果"]) == {
        "接近",
        "正确",
        "无法使用的答案",
        "未评分",
        "已作答，不自动评分",
    }
    assert mistakes["q1"] == "小数而非百分数"
    assert '<html lang="zh">' in page and "<h1>alice 的反馈</h1>" in page
    assert "得分：1（满分" in page and "<h2>q2：1分（正确）</h2>" in page
    assert f"<h2>q4：0分（未评分）</h2>\n<p>{why}</p>" in page
    assert "评分标准（由教师评分" in page and "你的书面答案（由教师评分）：" in page
    assert "练习 ex00_start：1 份提交" in summary and "最常见错误" in summary
    for text in (page, summary):
        assert english_words(re.sub(r"<[^>]+>|alice|ipynb|ex00_start|DOCTYPE", " ", text)) == []
    with i18n.use("en"):
        assert list(report.headed(result.table()).columns[:3]) == ["student", "file", "exercise"]
        assert "<h1>Feedback for alice</h1>" in report.feedback_html(result, result.rows[0])


def test_summary_columns_line_up_with_chinese_text():
    first, second = report._aligned([("题目", "x"), ("q1", "y")])
    assert report._width(first[: first.index("x")]) == report._width(second[: second.index("y")])


def test_the_grader_language_is_english_unless_asked(monkeypatch):
    monkeypatch.delenv("RETOOL_LANG", raising=False)
    assert cli.parser().parse_args(["x"]).lang == "en"
    assert cli.parser().parse_args(["x", "--lang", "zh"]).lang == "zh"
    monkeypatch.setenv("RETOOL_LANG", "zh_CN")
    assert cli.parser().parse_args(["x"]).lang == "zh"
    with pytest.raises(SystemExit):
        cli.parser().parse_args(["x", "--lang", "fr"])


def test_flags_are_explained_in_the_language_chosen():
    from retool.grading.grade import flags

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = q1.expected()\nq1.check = print")]
    with i18n.use("zh"):
        said = flags(nb)
    assert said == "读取了题目的答案（.expected、.correct 或 .mistakes）；替换了检查函数"
    with i18n.use("en"):
        assert flags(nb).startswith("reads a question's answer key")


def test_every_kind_of_question_is_covered():
    kinds = {type(q) for _, q in QUESTIONS}
    assert {NumberQuestion, SeriesQuestion, ChoiceQuestion, OpenQuestion} <= kinds
    assert CritiqueQuestion in kinds


# --- both editions through the grader, each notebook in its sandbox --------------------------


def _chinese_copy(nb):
    """A Chinese edition of an exercise notebook as the zh/ folder holds one: the same cells, code
    byte-identical, Markdown translated (here trivially: the translators write the real one)."""
    copy = nbformat.reads(nbformat.writes(nb), as_version=4)
    for cell in copy.cells:
        if cell.cell_type == "markdown":
            cell.source = "中文 " + cell.source
    return copy


@pytest.mark.skipif(
    sandbox.unavailable_reason() is not None,
    reason=f"no sandbox here: {sandbox.unavailable_reason()} (CI installs bubblewrap)",
)
def test_both_editions_grade_alike(tmp_path):
    from test_grading import exercise_nb, plant

    q1, q2, q3 = ex00_start.q1, ex00_start.q2, ex00_start.q3
    code = {
        "q1": f"q1_answer = {q1.mistakes[0].value()!r}",  # close: a named mistake
        "q3": f"q3_answer = {q3.expected()!r}",  # right
        "q4": "q4_answer = '台账标为 stated only，无法重新计算。'",
        "q5": "q5_answer = '表1与正文的口径不同。' * 20",
    }
    option = q2.options[q2.correct][0]
    editions = {}
    for lang, folder in (("en", "exercises"), ("zh", "zh/exercises")):
        nb = exercise_nb()
        with i18n.use(lang):  # each edition names the option in its own language
            plant(nb, "q2", f"q2_answer = {str(option)!r}")
        for qid, src in code.items():
            plant(nb, qid, src)
        editions[lang] = (folder, nb if lang == "en" else _chinese_copy(nb))
    english, chinese = editions["en"][1], editions["zh"][1]
    pairs = [(a.source, b.source) for a, b in zip(english.cells, chinese.cells)]
    kinds = [(a.cell_type, b.cell_type) for a, b in zip(english.cells, chinese.cells)]
    assert len(english.cells) == len(chinese.cells) and all(a == b for a, b in kinds)
    differ = [a for (a, b), (kind, _) in zip(pairs, kinds) if kind == "code" and a != b]
    assert len(differ) == 1 and differ[0].startswith("q2_answer = ")  # only the option's text
    assert english.cells[0].source != chinese.cells[0].source
    submitted = tmp_path / "class"
    for folder, nb in editions.values():
        (submitted / folder).mkdir(parents=True)
        nbformat.write(nb, submitted / folder / "00_start_here_exercises.ipynb")
    out = tmp_path / "out" / "scores.csv"
    argv = [str(submitted), "--out", str(out), "--lang", "zh", "--quiet", "--timeout", "300"]
    assert grading.main(argv + ["--cell-timeout", "60", "--memory", "1024"]) == 0
    table = pd.read_csv(out).set_index("学生")
    by_edition = table[[q.qid for q in ex00_start.QUESTIONS] + ["总分"]].to_dict("index")
    en, zh_ = (by_edition[f"{f}/00_start_here_exercises"] for f, _ in editions.values())
    assert en == zh_
    expected = {q1.qid: 0, q2.qid: q2.points, q3.qid: q3.points}
    assert {k: en[k] for k in expected} == expected
    said = pd.read_csv(tmp_path / "out" / "scores_feedback.csv")
    outcomes = said.pivot(index="题目", columns="学生", values="结果")
    assert outcomes.nunique(axis=1).eq(1).all() and outcomes.loc["q1"].iloc[0] == "接近"
    page = next((tmp_path / "out" / "scores_feedback").glob("zh__*.html")).read_text("utf-8")
    assert '<html lang="zh">' in page and "小数而非百分数" in page
