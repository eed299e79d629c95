"""The widgets, their controls and the claims audit in Chinese, through the gettext catalogue.

With ``i18n.use('zh')`` every widget's sentence, at every edge of its settings and at every value
it must survive, is Chinese apart from numbers, units, names and what the learner typed; every
control a learner sees has a Chinese label; the audit's headers and verdicts are Chinese. English
stays as it was (the other tests hold its wording), also after a switch to Chinese and back.
"""

from __future__ import annotations

import importlib
import io
import pkgutil
import re
from contextlib import redirect_stdout

import ipywidgets
import matplotlib.pyplot as plt
import pytest
from test_edge_sentences import edge_settings

import retool.widgets
from retool import claims, i18n, lesson_template, messages, units, wording
from retool.__main__ import main as retool_main
from retool.models import ledger
from retool.still import RUN_HINT, with_still

WIDGETS = sorted(m.name for m in pkgutil.iter_modules(retool.widgets.__path__))
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z&]+")
# Names and symbols a Chinese sentence keeps: an abbreviation Chinese economics writes as it is,
# and what a learner typed, which a note quotes back (its repr, or an unknown option's name).
KEPT = {"GDP"}
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")


def english_words(text: str, typed=()) -> list[str]:
    """The English words of ``text``, leaving out the kept names and what the learner typed."""
    echoed = {w for value in typed for w in LATIN_WORD.findall(str(value))}
    words = LATIN_WORD.findall(QUOTED.sub(" ", text))
    return [w for w in words if w not in KEPT and w not in echoed]


@pytest.fixture(params=WIDGETS)
def module(request):
    return importlib.import_module(f"retool.widgets.{request.param}")


@pytest.fixture
def chinese():
    with i18n.use("zh"):
        yield


# Each widget's last figure, drawn into again as the explorer does: the sentence does not depend on
# the figure (tests/test_widgets_contract.py shows that a redraw into it draws what a new one does)
_LAST: dict[str, object] = {}


def _sentence(module, settings: dict) -> str:
    fig, sentence = module.view(into=_LAST.get(module.__name__), **settings)
    _LAST[module.__name__] = fig
    return sentence


def test_every_sentence_of_a_widget_reads_in_chinese(module, chinese):
    for settings in edge_settings(module):
        sentence = _sentence(module, settings)
        assert CJK.search(sentence), f"{module.__name__}{settings}: {sentence}"
        assert not english_words(sentence), f"{module.__name__}{settings}: {sentence}"


def test_a_note_on_a_changed_setting_reads_in_chinese(module, chinese):
    for name, param in module.SPEC.items():
        for value in param.invalid_values():
            sentence = _sentence(module, {name: value})
            found = english_words(sentence, typed=[value])
            assert not found, f"{module.__name__} {name}={value!r}: {found} in {sentence}"
            _, note = param.problem(value)
            assert note and CJK.search(note), f"{name}={value!r}: {note!r}"


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def _labels(widget) -> list[str]:
    """Every label a learner reads on the explorer's controls: descriptions and options."""
    found = []
    for w in _walk(widget):
        if isinstance(w, (ipywidgets.ValueWidget, ipywidgets.HBox)) and getattr(
            w, "description", ""
        ):
            found.append(w.description)
        for option in getattr(w, "_options_labels", ()):
            found.append(option)
    return found


def test_every_control_label_of_a_widget_is_chinese(module, chinese):
    labels = _labels(module.explorer())
    assert labels, module.__name__
    english = [label for label in labels if not CJK.search(label)]
    assert not english, f"{module.__name__}: labels without Chinese: {english}"


def test_every_setting_has_a_chinese_label_unit_and_reason(module, chinese):
    for name, p in module.SPEC.items():
        assert CJK.search(p.description), name
        assert CJK.search(str(p.why)), f"{name}: the reason for the default"
        for key, label in p.choices().items():
            assert CJK.search(str(label)), f"{name}: option {key!r} is labelled {label!r}"


def test_the_language_can_be_switched_in_a_running_kernel(module):
    english, english_label = _sentence(module, {}), next(iter(module.SPEC.values())).description
    with i18n.use("zh"):
        chinese = _sentence(module, {})
        label = next(iter(module.SPEC.values())).description
    assert chinese != english and CJK.search(chinese) and label != english_label
    assert _sentence(module, {}) == english, "a sentence kept from the Chinese call"
    assert next(iter(module.SPEC.values())).description == english_label


# --- the audit -------------------------------------------------------------------------------


def test_the_claims_table_in_chinese_has_chinese_headers_and_verdicts(chinese):
    table = ledger.claims_table(recomputed_only=False)
    assert all(CJK.search(h) and not english_words(h) for h in table.columns), list(table.columns)
    verdicts = set(table.iloc[:, -1])
    assert len(verdicts) == len(set(ledger.audit()["verdict"]))
    assert all(CJK.search(v) and not english_words(v) for v in verdicts), verdicts
    # each claim in Chinese words, not the English description
    english = [c for c in table.iloc[:, 0] if not CJK.search(c)]
    assert not english, english[:3]


def test_the_styled_table_keeps_the_charts_colours_in_chinese(chinese):
    from retool.plots.ledger import VERDICT_COLOURS

    html = ledger.styled_claims_table().to_html()
    for verdict in set(ledger.audit().loc[lambda a: a["recomputed"].notna(), "verdict"]):
        assert VERDICT_COLOURS[verdict] in html, verdict


def test_the_trouble_report_in_chinese_gives_each_doubtful_claim_and_its_note(chinese):
    report = ledger.trouble_report()
    doubtful = ledger.audit().loc[lambda a: a["verdict"].isin(ledger.DOUBTFUL)]
    notes = claims.data.claims().set_index("claim_id")["note"]
    for r in doubtful.itertuples():
        assert f"：{ledger.verdict_name(r.verdict)}" in report
        assert ledger.data_text(notes[r.claim_id]) in report
        assert CJK.search(ledger.data_text(notes[r.claim_id])), r.claim_id


def test_python_m_retool_audit_lang_zh_prints_the_chinese_table():
    out = io.StringIO()
    with redirect_stdout(out):
        assert retool_main(["audit", "--lang", "zh"]) == 0
    text = out.getvalue()
    header = text.splitlines()[0]
    assert not english_words(header.replace("claim_id", "")), header
    with i18n.use("zh"):
        names = [wording.translated(verdict) for verdict in claims.VERDICTS]
    assert all(name in text and CJK.search(name) for name in names), names

    assert i18n.language() == "en", "the command left the language switched"
    english = io.StringIO()
    with redirect_stdout(english):
        retool_main(["audit"])
    assert english.getvalue().startswith(claims.report().splitlines()[0].rstrip()[:20])
    assert "claim_id" in english.getvalue().splitlines()[0]


def test_every_note_and_description_of_the_ledger_is_in_the_catalogue():
    template = messages.extract()
    ledger_rows = claims.data.claims()
    for column in ("note", "measures_en"):
        for text in ledger_rows[column].dropna():
            if text.strip():
                assert template.get(text.strip()) is not None, f"{column}: {text[:60]}"


def test_the_csv_extractor_reads_the_named_columns(tmp_path):
    path = tmp_path / "claims.csv"
    path.write_text('claim_id,note,other\na,"A note, quoted",x\nb,,y\n', encoding="utf-8")
    with path.open("rb") as handle:
        found = list(messages.extract_csv(handle, {}, [], {"columns": "note", "key": "claim_id"}))
    assert found == [(2, None, "A note, quoted", ["note of a"])]


# --- the other words: units, hints, the lessons' template lines ---------------------------------


def test_a_sum_of_money_is_written_the_chinese_way():
    assert units.money(134_043.2) == "134,043亿元"
    assert units.money(3766.4, ",.0f") == "3,766亿元"
    with i18n.use("zh"):
        assert units.money(134_043.2) == "13.4万亿元"
        assert units.money(40_000) == "4万亿元"
        assert units.money(3766.4, ",.0f") == "3766亿元"
        assert units.number(1234.5, ",.1f") == "1234.5"


def test_the_run_this_cell_hint_follows_the_language():
    box = with_still(ipywidgets.VBox([ipywidgets.Label("x")]), text_html="<p>still</p>")
    assert box._repr_mimebundle_()["text/plain"] == RUN_HINT
    with i18n.use("zh"):
        hint = box._repr_mimebundle_()["text/plain"]
    assert CJK.search(hint) and hint != RUN_HINT


def test_the_lessons_opening_and_closing_lines_in_chinese():
    with i18n.use("zh"):
        opening, closing = lesson_template.opening_line("02"), lesson_template.next_line("02")
    assert CJK.search(opening) and not english_words(opening.replace("Python", ""))
    assert "../exercises/02_" in closing and CJK.search(closing)
    assert lesson_template.opening_line("02").startswith("**Prerequisites:**")


def test_the_still_draws_a_chinese_hint_only_with_a_font_that_has_its_glyphs(monkeypatch):
    from retool import plots, still

    with i18n.use("zh"):
        monkeypatch.setattr(plots, "cjk_font", lambda look_again=False: None)
        assert still._hint_and_font(RUN_HINT) == (str.__str__(RUN_HINT), "DejaVu Sans")
        monkeypatch.setattr(plots, "cjk_font", lambda look_again=False: "Noto Sans CJK SC")
        hint, font = still._hint_and_font(RUN_HINT)
    assert CJK.search(hint) and font == "Noto Sans CJK SC"
    assert still._hint_and_font(RUN_HINT) == (str(RUN_HINT), "DejaVu Sans")


def test_the_lessons_ledger_table_in_chinese(chinese):
    from retool.widgets import ledger as ledger_widget

    rows = ledger_widget.table("一.2")
    assert all(CJK.search(h) for h in rows.columns), list(rows.columns)
    assert all(CJK.search(v) for v in rows.iloc[:, -1])


@pytest.mark.parametrize(
    ("value", "unit", "written"),
    [
        (19, "century", "19世纪"),
        (80, "decade", "1980年代"),
        (11, "ordinal", "第11"),
        (4, "rank", "第4位"),
        (200, "亿元 per year", "200亿元/年"),
        (40_000, "亿元", "4万亿元"),
    ],
)
def test_a_value_in_its_unit_is_written_the_chinese_way(value, unit, written):
    with i18n.use("zh"):
        assert claims.with_unit(value, unit) == written
    assert not CJK.search(claims.with_unit(value, unit).replace("亿元", "").replace("万", ""))


def test_where_the_paper_disagrees_with_itself_in_chinese(chinese):
    table = ledger.disagreements()
    # the columns are keys the lesson's code reads in both editions; the cells are words
    assert list(table.columns) == list(ledger.DISAGREEMENT_COLUMNS)
    cells = list(table.to_numpy().ravel())
    assert all(CJK.search(str(c)) for c in cells), [c for c in cells if not CJK.search(str(c))]
    assert not any(english_words(str(c)) for c in cells)


def test_the_chinese_audit_names_sections_in_chinese_only():
    with i18n.use("zh"):
        report = claims.report()
    table = report.split("\n\n")[0]
    sections = {line.split()[1] for line in table.splitlines()[1:]}

    assert all(CJK.search(s) and not LATIN_WORD.search(s) for s in sections), sections


def _numbers(text: str) -> set[str]:
    """The numbers of a text as digits: '40,000' is 40000, a range's dash is no minus sign
    ('2001-2004'), and a decade 'the 1980s' is also the Chinese '20世纪80年代' (20 and 80)."""
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    found = set(re.findall(r"(?<![\d.])(?<!\d[-–—])-?\d+(?:\.\d+)?", text))
    for century, decade in re.findall(r"\b(1\d)(\d)0s\b", text):
        found |= {str(int(century) + 1), f"{decade}0"}
    return found


def test_a_chinese_note_or_description_of_the_ledger_keeps_its_numbers():
    """A translated text of data/ adds or changes no number (the English one's are checked
    against the data by tests/test_prose_numbers.py)."""
    catalogue = messages.read("zh")
    changed = []
    for entry in catalogue:
        if entry.id and any(path.startswith("data/") for path, _ in entry.locations):
            extra = _numbers(entry.string) - _numbers(entry.id)
            if extra:
                changed.append((entry.id[:60], sorted(extra)))
    assert not changed, changed


def test_the_number_reading_sees_a_changed_number():
    assert _numbers("grew 43% in 1992") == {"43", "1992"}
    assert _numbers("2009—2011年增长43%") - _numbers("grew 43% in 2009-2011") == set()
    assert _numbers("增长34%") - _numbers("grew 43%") == {"34"}
    assert _numbers("20世纪80年代") <= _numbers("the 1980s")


def test_one_english_word_can_have_two_chinese_meanings():
    from retool.models import wear

    assert wording.pgettext("a range of years", "Years") == "Years"
    with i18n.use("zh"):
        assert wording.pgettext("a range of years", "Years") == "年份"  # 2000-2009
        assert wear.PARAMS["years"].description == "年数"  # how many years are simulated


# --- chart titles, bar names and verdict words that reach the Chinese edition's outputs ------


def _chart_texts() -> dict[str, str]:
    """Each chart title, bar name, printed measure and verdict word, in the current language."""
    from retool.models import intensity as intensity_model
    from retool.models import sources as sources_model
    from retool.models import wear as wear_model
    from retool.plots import intensity as intensity_plots
    from retool.plots import translated
    from retool.widgets import idicn, incentives, intensity, wear

    out = {}
    for i, settings in enumerate(edge_settings(incentives)):
        out[f"incentives {i}"] = incentives.title(incentives._settings(**settings)[0])
    lead = idicn._names()[idicn._leader()]
    out["idicn finite"] = idicn.title(12.0).replace(str(lead), "")
    out["idicn never"] = idicn.title(float("inf")).replace(str(lead), "")
    for r in (0.05, 0.10, 0.15):
        path = wear_model.simulate(r, 0.10, 20)
        out[f"wear {r}"] = wear.title(r, 0.10, 20, path)
        out[f"verdict {r}"] = f"{wear_model.verdict_of(path)}"
    out["wear start"] = wear.title(0.10, 0.10, 0, wear_model.simulate(0.10, 0.10, 0))
    out["wear capacity"] = wear.capacity_title(
        {**wear.SPEC.defaults(), "growth": 0.05, "years": 20}
    )
    share, ratio = sources_model.window(2000, 2009, "both")
    out["sources"] = sources_model.title(share, ratio, 2000, 2009)
    out["sources empty"] = sources_model.title(share.iloc[:0], ratio.iloc[:0], 1990, 1991)
    for key, what in intensity.WHAT.items():
        out[f"denominator {key}"] = translated(what)
    fig = intensity_plots.ladder()
    for i, label in enumerate(fig.axes[0].get_yticklabels()):
        out[f"ladder {i}"] = label.get_text()
    plt.close(fig)
    for row in intensity_model.rebuild_2009().itertuples():
        out[f"measure {row.claim_id}"] = row.measure
        out[f"universe {row.claim_id}"] = row.universe
    for column, says in sources_model.paper_says().items():
        for year, words in says:
            out[f"paper {column} {year}"] = str(words)
    return out


def test_chart_titles_bar_names_and_verdicts_read_in_chinese(chinese):
    for where, text in _chart_texts().items():
        assert CJK.search(text), (where, text)
        assert english_words(text) == [], (where, text)


def test_chart_titles_bar_names_and_verdicts_keep_their_english():
    from retool.models import wear as wear_model
    from retool.widgets import wear

    english = _chart_texts()
    with i18n.use("zh"):
        _chart_texts()
    assert _chart_texts() == english  # a switch to Chinese and back leaves English as it was
    assert not any(CJK.search(text) for text in english.values())
    # the words code compares are the English keys, in either language
    for r, word in ((0.05, "widens"), (0.10, "holds"), (0.15, "narrows")):
        path = wear_model.simulate(r, 0.10, 20)
        with i18n.use("zh"):
            assert wear_model.verdict_of(path) == word
        change = path["gap_index"].iloc[-1] - 100
        assert english[f"verdict {r}"] == word
        if word == "widens":
            expected = (
                f"Renovation short of obsolescence: the gap widens by {change:.0f}% in 20 years"
            )
            assert wear.title(r, 0.10, 20, path) == expected


THREE_ENGLISH_WORDS = re.compile(r"[A-Za-z]+(?:[^\S\n]+[A-Za-z]+){2}")


def _english_runs(table) -> list[str]:
    """Runs of three English words in a table's text cells (its columns are the code's keys)."""
    cells = [str(v) for v in table.to_numpy().ravel() if isinstance(v, str)]
    return [run for cell in cells for run in THREE_ENGLISH_WORDS.findall(cell)]


def _shown_tables():
    from retool.models import incentives, subsidy

    return {
        "incentives.reform_steps": incentives.reform_steps,
        "subsidy.policy_numbers": subsidy.policy_numbers,
        "subsidy.instruments": subsidy.instruments,
    }


@pytest.mark.parametrize("name", sorted(_shown_tables()))
def test_a_library_table_a_lesson_prints_has_no_english_phrase_in_chinese(name, chinese):
    assert _english_runs(_shown_tables()[name]()) == []


@pytest.mark.parametrize("name", sorted(_shown_tables()))
def test_a_library_table_a_lesson_prints_keeps_its_english_cells(name):
    with i18n.use("en"):
        assert _english_runs(_shown_tables()[name]()) != []


def test_the_tally_of_lesson_09_names_its_sections_in_chinese(chinese):
    """Lesson 09 prints the tally with its index renamed by ledger.section_label."""
    labels = [ledger.section_label(s) for s in ledger.tally().index]
    assert [run for label in labels for run in THREE_ENGLISH_WORDS.findall(label)] == []
    assert all(CJK.search(label) for label in labels if not label.isascii())


def test_lesson_10s_sources_units_and_citations_read_in_chinese(chinese):
    """The unit and reported_by texts of data/later_policy.csv come through the catalogue."""
    from retool import later

    assert _english_runs(later.sources_table()) == []
    ids = later.facts()["fact_id"]
    shown = [str(later.fact(f)["unit"]) for f in ids] + [later.cite(f) for f in ids]
    runs = [run for text in shown for run in THREE_ENGLISH_WORDS.findall(text)]
    assert runs == []


def test_the_data_texts_lesson_10_shows_are_in_the_catalogue():
    ids = {m.id for m in messages.extract() if m.id}
    from retool import later

    table = later.facts()
    for column in ("unit", "reported_by"):
        assert set(table[column].dropna().str.strip()) - {""} <= ids


def test_a_claims_note_that_solution_00_prints_reads_in_chinese(chinese):
    from retool import data

    for claim_id in data.claims()["claim_id"]:
        note = data.claim(claim_id)["note"]
        if isinstance(note, str) and note.strip():
            assert THREE_ENGLISH_WORDS.findall(note) == [], claim_id
