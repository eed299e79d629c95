"""Questions that check a learner's answer and always answer with a sentence.

A question is data: the name of the variable that holds the answer, how to compute the expected
value from ``data/`` (a function, never a typed-in number), the paper's printed number where there
is one, the common mistakes (each a function of the data too), layered hints and a worked solution.
``check`` turns any input into one of six outcomes and a sentence; it never raises.

The rules of fair marking live here, once, for the checks learners call and for the grader:

* a number is right when it is within the question's tolerance of the exact value, or when it
  *is* the exact value rounded to the precision the paper prints or the precision the worked
  solution states ("about 134,000", "about 1/13", "about 2.2"): :func:`rounded_forms`;
* a named mistake wins only when the answer is closer to that mistake's value than to the right
  one, on a relative scale: :func:`nearest_mistake`;
* a multiple-choice answer is one option letter or one option's exact text: :func:`choice_key`;
* ``...`` is "not answered yet"; ``None`` is an answer that is no value (``print`` returns it);
* an open answer is "answered, not auto-graded", never "correct";
* numbers in sentences read as a person writes them (:func:`shown`): never ``np.int64(3)``,
  ``1.34e+05`` or "a int".

While the grader runs a submission (``RETOOL_GRADING=1`` in the kernel's environment) the
questions are built without their answers: expected values, mistakes, the correct letter and
the worked solutions are withheld, however the code asks for them; the grader checks the answers
outside the kernel.
"""

from __future__ import annotations

import enum
import math
import numbers
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from .. import data, i18n, measures
from ..i18n import N_, _, lazy


def printed(claim_id: str) -> str:
    """A claim's number exactly as the paper prints it (its decimals are its precision)."""
    return str(data.claim(claim_id)["value"])


def where(claim_id: str) -> str:
    """Where a claim stands in the paper, for feedback that names the printed number."""
    row = data.claim(claim_id)
    return lazy(
        "section {section}, line {line} of the text", section=row["section"], line=row["paper_line"]
    )


class Outcome(str, enum.Enum):
    CORRECT = "correct"
    CLOSE = "close"
    INCORRECT = "incorrect"
    UNANSWERED = "not answered yet"
    INVALID = "not a usable answer"
    RECORDED = "answered, not auto-graded"


# An outcome's value is the key the grader's tables keep; its words are said in the language.
OUTCOME_WORDS = {
    Outcome.CORRECT: N_("correct"),
    Outcome.CLOSE: N_("close"),
    Outcome.INCORRECT: N_("incorrect"),
    Outcome.UNANSWERED: N_("not answered yet"),
    Outcome.INVALID: N_("not a usable answer"),
    Outcome.RECORDED: N_("answered, not auto-graded"),
}


def outcome_words(outcome) -> str:
    """An outcome (or its value) in words, in the current language."""
    try:
        return i18n.gettext(OUTCOME_WORDS[Outcome(outcome)])
    except ValueError:  # not an outcome of a check (the grader's 'not graded')
        return i18n.gettext(str(outcome))


def grading() -> bool:
    """True inside a kernel that the grader runs: questions are built without their answers."""
    return os.environ.get("RETOOL_GRADING") == "1"


_EDITION: dict = {"solutions": True}


def withhold_solutions() -> None:
    """The assignment edition: ``qK.solution()`` says the worked solutions are withheld."""
    _EDITION["solutions"] = False


WITHHELD = lazy("withheld: the worked solutions are not part of this edition of the exercises.")


@dataclass(frozen=True)
class Feedback:
    """What ``check`` says: an outcome and a sentence for the learner."""

    question: str
    outcome: Outcome
    message: str
    mistake: str = ""  # the named mistake a 'close' answer looks like ('' otherwise)
    # the language the message was said in: its outcome word is said in the same one
    language: str = field(default_factory=i18n.language, compare=False, repr=False)

    @property
    def correct(self) -> bool:
        return self.outcome is Outcome.CORRECT

    def __str__(self) -> str:
        mark, word, _colour = OUTCOME_STYLE[self.outcome]
        if word:
            with i18n.use(self.language):
                word = i18n.gettext(word)
        return f"{mark} {self.question}: {word}{self.message}"

    def __repr__(self) -> str:
        return str(self)

    def html(self) -> str:
        """The feedback as coloured HTML: the same colours in every check of the course."""
        return f'<span style="color:{OUTCOME_STYLE[self.outcome][2]}">{_escape(str(self))}</span>'

    def _repr_markdown_(self) -> str:
        return self.html()


# One mark, word and colour (Okabe-Ito, as the charts) per outcome, for every check of the course:
# the exercises and lesson 07's quiz. An answer the check cannot read says so in words and in its
# own colour, never with a grey mark that looks like text cut short.
OUTCOME_STYLE = {
    Outcome.CORRECT: ("✔", "", "#009E73"),
    Outcome.CLOSE: ("≈", "", "#B07800"),  # Okabe-Ito orange, darkened to be read on white
    Outcome.INCORRECT: ("✘", "", "#D55E00"),
    Outcome.INVALID: ("?", N_("unclear answer: "), "#8E3A80"),  # reddish purple, darkened
    Outcome.UNANSWERED: ("○", "", "#555555"),
    Outcome.RECORDED: ("✎", "", "#0072B2"),
}


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def is_placeholder(answer) -> bool:
    """``...`` (the exercise notebooks' placeholder) means 'not answered yet'."""
    return answer is Ellipsis


_NOTHING = object()  # check() called without an answer


@dataclass(frozen=True)
class Mistake:
    """A named common mistake: the value it produces (computed from data) and what to look at."""

    name: str
    value: Callable[[], float]
    advice: str


@dataclass
class Question:
    """Base class: identity, hints, solution, the last outcome; subclasses define ``_judge``.

    The texts (prompt, hints, solution, a mistake's name and advice, an option's text) are
    :class:`retool.i18n.lazy` messages, shown in the language current when they are shown; a
    plain ``str`` is shown as it is."""

    qid: str
    answer_name: str
    prompt: str
    hints: Sequence[str] = ()
    solution_text: str = ""
    points: float = 1.0
    auto: bool = True
    # the learner codes this one from data/ (loaders, pandas, generic measures), no rebuild helper
    own_code: bool = False
    last: Feedback | None = field(default=None, repr=False, compare=False)
    _hint_level: int = field(default=0, repr=False, compare=False)

    def __post_init__(self):
        self._remember_per_data_state()
        if grading():
            self._withhold()

    def _remember_per_data_state(self) -> None:
        """Expected values and mistakes only change with data/: compute each once per state of
        data/, so that a check answers at once (some recompute a whole table)."""
        from .. import data

        expected = getattr(self, "expected", None)
        if callable(expected):
            self.expected = data.per_data_state(expected)
        mistakes = getattr(self, "mistakes", None)
        if mistakes:
            self.mistakes = tuple(
                replace(m, value=data.per_data_state(m.value)) if callable(m.value) else m
                for m in mistakes
            )

    def _withhold(self) -> None:
        """Forget the answers (inside a kernel being graded); subclasses drop their own."""
        self.solution_text = WITHHELD

    def check(self, answer=_NOTHING) -> Feedback:
        """Judge an answer; any input gives a sentence, never a traceback."""
        if answer is _NOTHING:  # a reminder, not an answer: the summary keeps the last one
            return self._feedback(
                Outcome.UNANSWERED,
                _("give your answer to check: `{call}`.").format(
                    call=f"{self.qid}.check({self.answer_name})"
                ),
            )
        if grading():
            return self._feedback(
                Outcome.UNANSWERED, _("checked by the grader, outside this kernel.")
            )
        try:
            if answer is None:
                fb = self._feedback(
                    Outcome.INVALID,
                    _(
                        "None is not an answer: did you assign the result of print(...)? print "
                        "shows a value and returns None; write `{name} = value`."
                    ).format(name=self.answer_name),
                )
            elif is_placeholder(answer):
                fb = self._feedback(
                    Outcome.UNANSWERED,
                    _(
                        "not answered yet: replace the `...` in `{name} = ...` with your answer "
                        "and run the cell again."
                    ).format(name=self.answer_name),
                )
            else:
                fb = self._judge(answer)
            if not isinstance(fb, Feedback):
                raise TypeError("the check gave no feedback")
        except (Exception, SystemExit):  # the promise is a sentence, whatever the input
            fb = self._feedback(
                Outcome.INVALID,
                _("this answer could not be read; {expects}").format(expects=self._safe_expects()),
            )
        self.last = fb
        return fb

    def _safe_expects(self) -> str:
        try:
            return str(self.expects())
        except Exception:
            return _("give the answer the question asks for.")

    def _feedback(self, outcome: Outcome, message: str) -> Feedback:
        return Feedback(self.qid, outcome, message)

    def _close(self, mistake: Mistake) -> Feedback:
        message = _("close, but this looks like {name}: {advice}").format(
            name=i18n.text(mistake.name), advice=i18n.text(mistake.advice)
        )
        return Feedback(self.qid, Outcome.CLOSE, message, i18n.text(mistake.name))

    def _judge(self, answer) -> Feedback:
        raise NotImplementedError

    def expects(self) -> str:
        return _("give the answer the question asks for.")

    def hint(self) -> str:
        """The next hint (each call goes one level deeper, then repeats the last)."""
        if not self.hints:
            return _Text(
                _("{qid}: no hint for this question; see the lesson.").format(qid=self.qid)
            )
        level = min(self._hint_level, len(self.hints) - 1)
        self._hint_level += 1
        return _Text(
            _("Hint {level}/{count} for {qid}: {hint}").format(
                level=level + 1,
                count=len(self.hints),
                qid=self.qid,
                hint=i18n.text(self.hints[level]),
            )
        )

    def solution(self) -> str:
        """The worked answer, for self-learners who have tried (withheld in the assignment)."""
        text = self.solution_text if _EDITION["solutions"] else WITHHELD
        return _Text(_("Solution to {qid}:\n{text}").format(qid=self.qid, text=i18n.text(text)))


class _Text(str):
    """A string that notebooks show as plain text, without quotes."""

    def __repr__(self) -> str:
        return str(self)


def _type_name(obj) -> str:
    """The name of an object's type, safe for any object (names are cut short)."""
    try:
        name = type(obj).__name__
        return name if isinstance(name, str) and len(name) <= 40 else "object"
    except Exception:
        return "object"


_PLAIN_KINDS = {
    "int": N_("a whole number"),
    "float": N_("a number"),
    "str": N_("a text"),
    "bool": N_("a True/False value"),
    "NoneType": N_("a None"),
    "ndarray": N_("a NumPy array"),
    "DataFrame": N_("a table (DataFrame)"),
    "Series": N_("a pandas Series"),
    "dict": N_("a dictionary"),
    "Ellipsis": N_("a placeholder (...)"),
    "list": N_("a list"),
    "tuple": N_("a tuple"),
    "set": N_("a set"),
    "complex": N_("a complex"),
    "object": N_("an object"),
}


def a_kind(obj) -> str:
    """'a whole number', 'an ndarray', 'a list': what an object is, with its article."""
    name = _type_name(obj)
    kind = _PLAIN_KINDS.get(name)
    if re.fullmatch(r"(int|float|uint)\d+", name):
        kind = N_("a number")
    try:
        if isinstance(obj, BaseException):
            kind = N_("an error message")
        elif isinstance(obj, type) or callable(obj):
            kind = N_("a function or type, not its result")
    except Exception:  # a hostile object may break isinstance itself
        pass
    if kind is not None:
        return i18n.gettext(kind)
    if name[:1].lower() in "aeiou":
        return _("an {name}").format(name=name)  # a type without plain words: 'an object'
    return _("a {name}").format(name=name)


def quoted(text: str) -> str:
    """A learner's text echoed as typed (cut short only when long): 'lots, maybe'."""
    return repr(text if len(text) <= 60 else text[:57] + "...")


def given(answer) -> str:
    """What the learner gave, in plain words: "the text 'lots, maybe'", 'a list', 'None'."""
    if isinstance(answer, str):
        if answer.strip():
            return _("the text {text}").format(text=quoted(answer))
        return _("an empty text")
    return a_kind(answer)


def shown(value) -> str:
    """A value as a person writes it: 134,000 and 0.0769, never 1.34e+05 or np.int64(3)."""
    if hasattr(value, "item") and getattr(value, "size", None) == 1:
        try:
            value = value.item()
        except Exception:
            pass
    if isinstance(value, bool) or not isinstance(value, (numbers.Real, Decimal)):
        text = str(value) if isinstance(value, str) else repr(value)
        return text if len(text) <= 60 else text[:57] + "..."
    x = float(value)
    if not math.isfinite(x):
        return str(x)
    if x == int(x) and abs(x) < 1e15:  # 2009 stays a year; 134,000 gets its separator
        return f"{int(x):,}" if abs(x) >= 10_000 else str(int(x))
    decimals = min(12, max(1, 4 - math.floor(math.log10(abs(x)))))
    return f"{x:,.{decimals}f}".rstrip("0").rstrip(".")


# --- the rules of fair marking --------------------------------------------------------------------

MISTAKE_RTOL = 0.01  # an answer within 1% of a mistake's value (relative) can be that mistake
_STATED = re.compile(r"(?:\b[Aa]bout|≈|\bsome|\broughly)\s+(-?\d[\d,]*(?:\.\d+)?(?:/\d+)?)")


def stated_numbers(text: str) -> list[str]:
    """The rounded numbers a worked solution states ('about 134,000', 'about 1/13'): read from
    its English text, so that an answer is marked alike in every language."""
    return _STATED.findall(str.__str__(text) if text else "")


def decimals_of(text: str) -> int:
    """The precision of a number as written: '31.70' -> 2, '84' -> 0, '134,000' -> -3."""
    text = text.replace(",", "").lstrip("-")
    if "." in text:
        return len(text.split(".", 1)[1])
    stripped = text.rstrip("0")
    zeros = len(text) - len(stripped)
    return -zeros if zeros >= 3 and stripped else 0


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def rounded_forms(exact: float, printed: str | None, solution_text: str = "") -> list[float]:
    """The rounded values of ``exact`` that count as right: at the paper's printed precision and
    at each precision the solution states for this same number (a stated number that is not
    ``exact`` rounded is about something else and is ignored)."""
    forms = []
    for text in ([printed] if printed else []) + stated_numbers(solution_text):
        if "/" in text:
            num, den = (float(t.replace(",", "")) for t in text.split("/"))
            if num == 1 and den and exact and round(1 / abs(exact)) == den:
                forms.append(math.copysign(1 / den, exact))
            continue
        rounded = round(exact, decimals_of(text))
        if _same(rounded, float(text.replace(",", ""))) or printed == text:
            forms.append(rounded)
    return forms


def is_right(value: float, exact: float, tolerance: float, forms=()) -> bool:
    """The one rule for a number: close to the exact value, or one of its accepted roundings."""
    return abs(value - exact) <= tolerance or any(_same(value, f) for f in forms)


def _relative(a: float, b: float) -> float:
    return abs(a - b) / abs(b) if b else (0.0 if a == b else math.inf)


def _value_decimals(value: float) -> int:
    text = repr(float(value))
    return 0 if "e" in text else len(text.split(".")[1].rstrip("0"))


def nearest_mistake(value: float, exact: float, mistakes):
    """The named mistake the answer is (relatively) nearest to, if nearer it than to the right
    value and within 1% of it or equal to it rounded at the answer's own precision."""
    best = None
    for mistake in mistakes:
        try:
            wrong = float(mistake.value())
        except Exception:
            continue
        if not math.isfinite(wrong):
            continue
        gap = _relative(value, wrong)
        rounded = _same(round(wrong, _value_decimals(value)), value)
        if (gap <= MISTAKE_RTOL or rounded) and gap < _relative(value, exact):
            if best is None or gap < best[0]:
                best = (gap, mistake)
    return best[1] if best else None


def _same_text(a: str, b: str) -> bool:
    return " ".join(str(a).split()).lower().rstrip(".。") == " ".join(
        str(b).split()
    ).lower().rstrip(".。")


def option_texts(option) -> set[str]:
    """An option's text in every language of the course (a plain ``str`` is one text), so that
    an answer copied from either edition names the same option."""
    if not isinstance(option, lazy):
        return {str(option)}
    texts = set()
    for lang in i18n.LANGUAGES:
        with i18n.use(lang):
            texts.add(str(option))
    return texts


def _names_option(text: str, option) -> bool:
    return any(_same_text(text, t) for t in option_texts(option))


# Full-width forms (Ａ, ３１．７, （Ｂ）) as a Chinese input method types them, read as ASCII.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULL_WIDTH.update({0x3000: 0x20, 0x3002: 0x2E})  # the ideographic space and full stop


def _ascii_forms(text: str) -> str:
    return text.translate(_FULL_WIDTH)


def choice_key(answer, options: dict) -> tuple[str | None, str]:
    """The option an answer names (one letter, or one option's exact text in any language of the
    course), or (None, why)."""
    if not isinstance(answer, str):
        return None, _("{given} is not a letter").format(given=given(answer))
    text = " ".join(str.strip(answer).split())
    keys = {str(k).upper(): k for k in options}
    letter = _ascii_forms(text).strip("()[]").rstrip(".):").strip().upper()
    if letter in keys:
        return keys[letter], ""
    # 'B) two', '(B) two', '（Ｂ）二'
    labelled = re.fullmatch(r"\(?([A-Za-z])[).:]\s*(.+)", _ascii_forms(text))
    if labelled and labelled.group(1).upper() in keys:
        key = keys[labelled.group(1).upper()]
        if _names_option(labelled.group(2), options[key][0]) or _names_option(
            text[labelled.start(2) :], options[key][0]
        ):
            return key, ""
    for key, (option, _why) in options.items():
        if _names_option(text, option):
            return key, ""
    named = _letters_named(text, keys)
    if len(named) > 1:
        return None, _("{given} names {count} options; choose one").format(
            given=given(answer), count=len(named)
        )
    return None, _("{given} is not one of the options").format(given=given(answer))


LONE_LETTER = re.compile(r"(?<![A-Za-z])[A-Z](?![A-Za-z])")


def _letters_named(text: str, keys) -> list:
    """The options' keys that ``text`` names standing alone (not inside a word): one pass over
    the text when the keys are capital letters (an answer may be a long paste), else one per key."""
    if all(len(k) == 1 and "A" <= k <= "Z" for k in keys):
        found = set(LONE_LETTER.findall(text))
        return [k for k in keys if k in found]
    return [k for k in keys if re.search(rf"(?<![A-Za-z]){re.escape(k)}(?![A-Za-z])", text)]


class Unclear(ValueError):
    """An answer the check cannot read; its text says why, in the learner's words."""


def to_number(answer) -> float:
    """A learner's answer as a float; raises :class:`Unclear` with a learner-readable reason.

    Accepts numbers (Python, NumPy, Decimal, Fraction), a one-element array or Series, and text
    such as ``"31.7"``, ``"31.7%"`` or ``"2,633.83"``. Rejects True/False, which Python would
    otherwise count as 1 and 0.
    """
    if isinstance(answer, str):
        text = str.strip(answer)
        if len(text) > 50:
            raise Unclear(_("that text is too long to be a number"))
        number = _ascii_forms(text).replace(",", "").rstrip("%").strip()
        if not number:
            if text:
                raise Unclear(_("{given} has no number in it").format(given=given(answer)))
            raise Unclear(_("the text is empty"))
        try:
            return float(number)
        except ValueError:
            raise Unclear(_("{given} is not a number").format(given=given(answer))) from None
    if not isinstance(answer, (numbers.Number, Decimal)) and hasattr(answer, "item"):
        if getattr(answer, "size", None) != 1:
            raise Unclear(
                _("{kind} of several values is not a single number").format(kind=a_kind(answer))
            )
        answer = answer.item()
    if isinstance(answer, bool) or type(answer).__name__ in {"bool", "bool_"}:
        raise Unclear(_("a True/False value is not a number"))
    if isinstance(answer, (numbers.Real, Decimal)):
        return float(answer)
    raise Unclear(_("{kind} is not a single number").format(kind=a_kind(answer)))


@dataclass
class NumberQuestion(Question):
    """A single number, e.g. a growth rate in percent.

    ``expected`` computes the exact value from data. ``printed`` is the paper's number as printed
    (a string, so its precision is known), or None. An answer is correct if it rounds to the
    printed number at the printed precision, or lies within ``tolerance`` of the exact value.
    """

    expected: Callable[[], float] = None
    printed: str | None = None
    unit: str = "percent"
    tolerance: float = 0.05
    mistakes: Sequence[Mistake] = ()
    where: str = ""

    def expects(self) -> str:
        example = {"year": "2009", "rank": "42", "years": "15"}.get(self.unit, "12.3")
        if self.unit.startswith("percent"):
            message = _("this question wants one number ({unit}), for example `{code}` for 12.3%.")
        else:
            message = _("this question wants one number ({unit}), for example `{code}`.")
        return message.format(unit=_unit_words(self.unit), code=f"{self.answer_name} = {example}")

    def _withhold(self) -> None:
        super()._withhold()
        self.expected = _withheld
        self.mistakes = ()
        self.printed = None

    def _judge(self, answer) -> Feedback:
        try:
            value = to_number(answer)
        except (ValueError, TypeError, OverflowError) as exc:
            return self._feedback(Outcome.INVALID, _unreadable(exc, self.expects()))
        if not math.isfinite(value):
            return self._feedback(
                Outcome.INVALID,
                _("{value} (an endless or undefined value) is not a number; {expects}").format(
                    value=given(answer) if isinstance(answer, str) else shown(value),
                    expects=self.expects(),
                ),
            )
        exact = float(self.expected())
        forms = rounded_forms(exact, self.printed, self.solution_text)
        if is_right(value, exact, self.tolerance, forms):
            return self._feedback(Outcome.CORRECT, self._right(value, exact))
        mistake = nearest_mistake(value, exact, self.mistakes)
        if mistake is not None:
            return self._close(mistake)
        return self._feedback(
            Outcome.INCORRECT,
            _("not quite: {value} is not the value asked for. Try `{call}`.").format(
                value=shown(value), call=f"{self.qid}.hint()"
            ),
        )

    def _right(self, value: float, exact: float) -> str:
        fields = {"value": shown(value), "exact": shown(exact), "printed": self.printed}
        if self.printed is not None and measures.matches_printed(exact, self.printed):
            if self.where:
                return _(
                    "correct: {value} matches the paper's printed {printed} ({where})."
                ).format(where=i18n.text(self.where), **fields)
            return _("correct: {value} matches the paper's printed {printed}.").format(**fields)
        if self.printed is not None:
            return _(
                "correct: {value} ≈ {exact} (the paper prints {printed}; the lesson explains the "
                "difference)."
            ).format(**fields)
        return _("correct: {value} ≈ {exact}.").format(**fields)


def _withheld():
    raise LookupError(_("withheld while the grader runs this notebook"))


@dataclass
class ChoiceQuestion(Question):
    """Multiple choice: ``options`` maps a letter to (text, why it is right or wrong)."""

    options: dict = field(default_factory=dict)
    correct: str = ""

    def expects(self) -> str:
        letters = [str(k) for k in self.options]
        return _(
            "this question wants one letter, for example `{code}`; the options are {letters} and "
            "{last}."
        ).format(
            code=f'{self.answer_name} = "{letters[-1]}"',
            letters=", ".join(letters[:-1]),
            last=letters[-1],
        )

    def _withhold(self) -> None:
        super()._withhold()
        self.correct = ""
        self.options = {k: (v[0], "") for k, v in self.options.items()}

    def _judge(self, answer) -> Feedback:
        key, why = choice_key(answer, self.options)
        if key is None:
            return self._feedback(
                Outcome.INVALID, _("{why}; {expects}").format(why=why, expects=self.expects())
            )
        reason = i18n.text(self.options[key][1])
        if str(key).upper() == str(self.correct).upper():
            return self._feedback(Outcome.CORRECT, _("correct: {reason}").format(reason=reason))
        return self._feedback(Outcome.INCORRECT, _("not this one: {reason}").format(reason=reason))

    def show(self) -> str:
        lines = [i18n.text(self.prompt)] + [f"  ({k}) {v[0]}" for k, v in self.options.items()]
        return _Text("\n".join(lines))


@dataclass
class SeriesQuestion(Question):
    """Several numbers at once, keyed by label (e.g. years): a dict, a pandas Series or a list.

    Each value is compared with the expected one within ``tolerance``; ``mistakes`` are whole
    alternative series (e.g. a fraction instead of percent).
    """

    expected: Callable[[], dict] = None
    unit: str = "percent"
    tolerance: float = 0.05
    mistakes: Sequence[Mistake] = ()

    def expects(self) -> str:
        keys = [_label(k) for k in self.expected()]
        example = ", ".join(f"{k}: {v}" for k, v in zip(keys[:2], ("12.3", "4.5")))
        more = ", ..." if len(keys) > 2 else ""
        return _(
            "this question wants {count} numbers ({unit}), one for each of {keys}: for example "
            "`{code}`, a pandas Series with those labels, or a list in that order."
        ).format(
            count=len(keys),
            unit=_unit_words(self.unit),
            keys=", ".join(keys),
            code=f"{self.answer_name} = {{{example}{more}}}",
        )

    def _as_dict(self, answer, keys) -> dict:
        if hasattr(answer, "columns") and hasattr(answer, "iloc"):
            if len(answer.columns) != 1:
                raise Unclear(
                    _("a table with {count} columns is not one series of numbers").format(
                        count=len(answer.columns)
                    )
                )
            answer = answer.iloc[:, 0]
        if hasattr(answer, "to_dict") and not hasattr(answer, "columns"):
            answer = answer.to_dict()
        if isinstance(answer, dict):
            norm = {_key(k): v for k, v in list(answer.items())[:1000]}
            missing = [_label(k) for k in keys if _key(k) not in norm]
            if missing:
                raise Unclear(_("there is no value for {keys}").format(keys=", ".join(missing)))
            return {k: to_number(norm[_key(k)]) for k in keys}
        if isinstance(answer, (list, tuple)) or type(answer).__name__ == "ndarray":
            values = list(answer)[: len(keys) + 1]
            if len(values) > len(keys):
                raise Unclear(_("the list has more than {count} values").format(count=len(keys)))
            if len(values) < len(keys):
                raise Unclear(_("the list has fewer than {count} values").format(count=len(keys)))
            return {k: to_number(v) for k, v in zip(keys, values)}
        raise Unclear(_("{given} is not a set of numbers").format(given=given(answer)))

    def _withhold(self) -> None:
        super()._withhold()
        self.expected = _withheld
        self.mistakes = ()

    def _right(self, got: float, exact: float) -> bool:
        forms = rounded_forms(exact, None, self.solution_text)
        return math.isfinite(got) and is_right(got, exact, self.tolerance, forms)

    def _judge(self, answer) -> Feedback:
        expected = {k: float(v) for k, v in self.expected().items()}
        try:
            got = self._as_dict(answer, list(expected))
        except (ValueError, TypeError, OverflowError) as exc:
            return self._feedback(Outcome.INVALID, _unreadable(exc, self.expects()))
        if any(not math.isfinite(v) for v in got.values()):
            return self._feedback(Outcome.INVALID, _("every value must be a finite number."))
        wrong = [k for k, v in expected.items() if not self._right(got[k], v)]
        if not wrong:
            return self._feedback(
                Outcome.CORRECT, _("correct: all {count} values match.").format(count=len(expected))
            )
        for mistake in self.mistakes:
            alt = {k: float(v) for k, v in dict(mistake.value()).items()}
            shared = [k for k in expected if k in alt]
            if shared and all(
                _series_mistake(got[k], expected[k], alt[k], self.tolerance) for k in shared
            ):
                return self._close(mistake)
        return self._feedback(
            Outcome.INCORRECT,
            _("{right} of {count} values match; look again at {keys}. Try `{call}`.").format(
                right=len(expected) - len(wrong),
                count=len(expected),
                keys=", ".join(_label(k) for k in wrong[:3]),
                call=f"{self.qid}.hint()",
            ),
        )


def _reason(exc: Exception) -> str:
    """Why an answer cannot be read: the check's own words (an :class:`Unclear` it raised), never
    Python's (an error from deep inside a conversion)."""
    if isinstance(exc, Unclear):
        return str(exc)
    return _("this answer could not be read")


def _unreadable(exc: Exception, expects: str) -> str:
    return _("{why}; {expects}").format(why=_reason(exc), expects=expects)


_UNIT_WORDS = {
    "year": N_("a year"),
    "rank": N_("a rank"),
    "years": N_("a number of years"),
    "ratio": N_("a ratio"),
    "multiple": N_("a multiple"),
    "share": N_("a share from 0 to 1"),
    "probability": N_("a probability from 0 to 1"),
}
# the units a question is answered in, as words (亿元 is its own word in both languages)
UNIT_NAMES = {
    "percent": N_("percent"),
    "percent of the loan": N_("percent of the loan"),
    "index points": N_("index points"),
    "levels": N_("levels"),
    "multiples of the cost": N_("multiples of the cost"),
    "yuan per 100 yuan": N_("yuan per 100 yuan"),
}


def _unit_words(unit: str) -> str:
    """A question's unit as words: 'in percent', 'in 亿元', 'a year'."""
    if unit in _UNIT_WORDS:
        return i18n.gettext(_UNIT_WORDS[unit])
    name = i18n.gettext(UNIT_NAMES[unit]) if unit in UNIT_NAMES else unit
    return _("in {unit}").format(unit=name)


def _label(k) -> str:
    """A series label as written: 2009, 'renovation' (never np.int64(2009))."""
    if hasattr(k, "item"):
        try:
            k = k.item()
        except Exception:
            pass
    return repr(k) if isinstance(k, str) else str(k)


def _key(k):
    try:
        return int(k) if float(k) == int(float(k)) else str(k)
    except (TypeError, ValueError, OverflowError):
        return str(k)


def _series_mistake(got: float, exact: float, wrong: float, tolerance: float) -> bool:
    """One value of a series looks like the mistake's: the same rule as for single numbers
    (where the mistake gives the right value, the right value fits it)."""
    if abs(wrong - exact) <= tolerance:
        return abs(got - exact) <= tolerance or _same(got, wrong)
    return nearest_mistake(got, exact, [Mistake("", lambda: wrong, "")]) is not None


@dataclass
class OpenQuestion(Question):
    """An open question: a model answer to compare with, no automatic check."""

    auto: bool = False
    points: float = 0.0

    def model_answer(self) -> str:
        """The model answer as plain text in the reader's language: what a worked solution gives
        as its answer, so that both editions of a solutions notebook run the same code."""
        return i18n.text(self.solution_text if _EDITION["solutions"] else WITHHELD)

    def _judge(self, answer) -> Feedback:
        if isinstance(answer, str) and str.strip(answer):
            return self._feedback(
                Outcome.RECORDED,
                _("answer recorded (not auto-checked). Compare it with `{call}`.").format(
                    call=f"{self.qid}.solution()"
                ),
            )
        return self._feedback(
            Outcome.INVALID,
            _(
                "{given} is not an answer in words; this question wants text between quotes, for "
                'example `{name} = "Because ..."`.'
            ).format(given=given(answer), name=self.answer_name),
        )


_LATIN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.,%-]*")
_CJK = re.compile(r"[\u3400-\u9fff]")
_NUMBER = re.compile(r"\d")


def word_count(text: str) -> int:
    """Words in an answer: Latin words and numbers, plus one word for every two Chinese
    characters (a rough rule, stated so that a Chinese answer is not counted as one word)."""
    return len(_LATIN_WORD.findall(text)) + (len(_CJK.findall(text)) + 1) // 2


CHARS_PER_WORD = 2  # the same rule the other way round: about 150 words ≈ 300 字


def char_count(text: str) -> int:
    """The length of an answer as Chinese counts it (字): every Chinese character, and every
    Latin word or number as one."""
    return len(_CJK.findall(text)) + len(_LATIN_WORD.findall(text))


def answer_length(text: str, words: int) -> tuple[int, int]:
    """(the answer's length, the length asked for) in the unit of the current language: words in
    English, 字 in Chinese (``words`` × :data:`CHARS_PER_WORD`)."""
    if i18n.language() == "zh":
        return char_count(text), words * CHARS_PER_WORD
    return word_count(text), words


@dataclass(frozen=True)
class Criterion:
    """One line of a rubric: what is marked, what a full-marks answer does, the points."""

    name: str
    full_marks: str
    points: float = 1.0


@dataclass
class CritiqueQuestion(OpenQuestion):
    """A written critique or report, marked by a person against a rubric.

    No machine can tell a sound argument from a fluent one, so ``check`` never says "correct":
    it records the answer and says what it can observe honestly (its length against the length
    asked for, whether it cites any number at all). The rubric is shown with the prompt's task
    and by ``solution()`` beside a model answer; the grader copies the text and the rubric into
    the instructor's files and counts the rubric's points as marked by hand, never by itself.
    """

    rubric: Sequence[Criterion] = ()
    words: int = 150

    def rubric_points(self) -> float:
        return float(sum(c.points for c in self.rubric))

    def rubric_text(self) -> str:
        lines = [
            _("Rubric (marked by your instructor, {points} points; not auto-graded):").format(
                points=shown(self.rubric_points())
            )
        ]
        lines += [
            _("- {name} ({points}): {full_marks}").format(
                name=i18n.text(c.name), points=shown(c.points), full_marks=i18n.text(c.full_marks)
            )
            for c in self.rubric
        ]
        return "\n".join(lines)

    def _judge(self, answer) -> Feedback:
        if not (isinstance(answer, str) and str.strip(answer)):
            return super()._judge(answer)  # the same plain sentence as any written answer
        n = word_count(answer)  # the notes follow one rule in both languages
        length, asked = answer_length(answer, self.words)
        notes = [
            _("{count} words; the task asks for about {asked}").format(count=length, asked=asked)
        ]
        if n < self.words // 3:
            notes.append(
                _(
                    "much shorter than asked: say what is claimed, what you recomputed and what "
                    "follows from it"
                )
            )
        elif n > self.words * 2:
            notes.append(_("much longer than asked: cut to the points the rubric names"))
        if not _NUMBER.search(answer):
            notes.append(_("it cites no number, and the rubric asks for recomputed evidence"))
        return self._feedback(
            Outcome.RECORDED,
            _(
                "answer recorded, not auto-graded ({notes}). Your instructor marks it against the "
                "rubric; `{call}` shows the rubric and a model answer."
            ).format(notes=_("; ").join(notes), call=f"{self.qid}.solution()"),
        )

    def solution(self) -> str:
        model = self.solution_text if _EDITION["solutions"] else WITHHELD
        return _Text(
            _("Solution to {qid}:\n{rubric}\n\nModel answer:\n{model}").format(
                qid=self.qid, rubric=self.rubric_text(), model=i18n.text(model)
            )
        )


def critique_rubric(claim: str, evidence: str, reasoning: str, settle: str) -> tuple:
    """The course's rubric for a short critique (10 points, marked by hand; the teaching guide's
    §5.2): each line says what a full-marks answer does for this question."""
    return (
        Criterion(lazy("the claim"), claim, 2),
        Criterion(lazy("recomputed evidence"), evidence, 2),
        Criterion(lazy("reasoning"), reasoning, 2),
        Criterion(lazy("an alternative or what would settle it"), settle, 2),
        # TRANSLATORS: say how a Chinese answer is counted (two characters make one word)
        Criterion(lazy("economy"), lazy("about 150 words, no padding"), 2),
    )


def summary(*questions: Question) -> _Text:
    """One line per question with its last outcome: the cell an exercise notebook ends with."""
    lines = []
    for q in questions:
        outcome = q.last.outcome if q.last else Outcome.UNANSWERED
        lines.append(f"{q.qid}: {outcome_words(outcome)}")
    auto = [q for q in questions if q.auto]
    done = sum(1 for q in auto if q.last and q.last.correct)
    lines.append(
        _("{done} of {count} auto-graded questions answered correctly").format(
            done=done, count=len(auto)
        )
    )
    written = sum(
        1 for q in questions if not q.auto and q.last and q.last.outcome is Outcome.RECORDED
    )
    if len(auto) < len(questions):
        lines.append(
            _(
                "{written} of {count} open questions answered (not auto-graded: compare with the "
                "worked solution)"
            ).format(written=written, count=len(questions) - len(auto))
        )
    return _Text("\n".join(lines))
