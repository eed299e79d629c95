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

from .. import data, measures


def printed(claim_id: str) -> str:
    """A claim's number exactly as the paper prints it (its decimals are its precision)."""
    return str(data.claim(claim_id)["value"])


def where(claim_id: str) -> str:
    """Where a claim stands in the paper, for feedback that names the printed number."""
    row = data.claim(claim_id)
    return f"section {row['section']}, line {row['paper_line']} of the text"


class Outcome(str, enum.Enum):
    CORRECT = "correct"
    CLOSE = "close"
    INCORRECT = "incorrect"
    UNANSWERED = "not answered yet"
    INVALID = "not a usable answer"
    RECORDED = "answered, not auto-graded"


def grading() -> bool:
    """True inside a kernel that the grader runs: questions are built without their answers."""
    return os.environ.get("RETOOL_GRADING") == "1"


_EDITION: dict = {"solutions": True}


def withhold_solutions() -> None:
    """The assignment edition: ``qK.solution()`` says the worked solutions are withheld."""
    _EDITION["solutions"] = False


WITHHELD = "withheld: the worked solutions are not part of this edition of the exercises."


@dataclass(frozen=True)
class Feedback:
    """What ``check`` says: an outcome and a sentence for the learner."""

    question: str
    outcome: Outcome
    message: str
    mistake: str = ""  # the named mistake a 'close' answer looks like ('' otherwise)

    @property
    def correct(self) -> bool:
        return self.outcome is Outcome.CORRECT

    def __str__(self) -> str:
        mark, word, _ = OUTCOME_STYLE[self.outcome]
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
    Outcome.INVALID: ("?", "unclear answer: ", "#8E3A80"),  # reddish purple, darkened
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
    """Base class: identity, hints, solution, the last outcome; subclasses define ``_judge``."""

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
                f"give your answer to check: `{self.qid}.check({self.answer_name})`.",
            )
        if grading():
            return self._feedback(Outcome.UNANSWERED, "checked by the grader, outside this kernel.")
        try:
            if answer is None:
                fb = self._feedback(
                    Outcome.INVALID,
                    "None is not an answer: did you assign the result of print(...)? print shows "
                    f"a value and returns None; write `{self.answer_name} = value`.",
                )
            elif is_placeholder(answer):
                fb = self._feedback(
                    Outcome.UNANSWERED,
                    f"not answered yet: replace the `...` in `{self.answer_name} = ...` "
                    "with your answer and run the cell again.",
                )
            else:
                fb = self._judge(answer)
            if not isinstance(fb, Feedback):
                raise TypeError("the check gave no feedback")
        except (Exception, SystemExit):  # the promise is a sentence, whatever the input
            fb = self._feedback(
                Outcome.INVALID,
                f"this answer could not be read; {self._safe_expects()}",
            )
        self.last = fb
        return fb

    def _safe_expects(self) -> str:
        try:
            return str(self.expects())
        except Exception:
            return "give the answer the question asks for."

    def _feedback(self, outcome: Outcome, message: str) -> Feedback:
        return Feedback(self.qid, outcome, message)

    def _close(self, mistake: Mistake) -> Feedback:
        message = f"close, but this looks like {mistake.name}: {mistake.advice}"
        return Feedback(self.qid, Outcome.CLOSE, message, mistake.name)

    def _judge(self, answer) -> Feedback:
        raise NotImplementedError

    def expects(self) -> str:
        return "give the answer the question asks for."

    def hint(self) -> str:
        """The next hint (each call goes one level deeper, then repeats the last)."""
        if not self.hints:
            return _Text(f"{self.qid}: no hint for this question; see the lesson.")
        level = min(self._hint_level, len(self.hints) - 1)
        self._hint_level += 1
        return _Text(f"Hint {level + 1}/{len(self.hints)} for {self.qid}: {self.hints[level]}")

    def solution(self) -> str:
        """The worked answer, for self-learners who have tried (withheld in the assignment)."""
        text = self.solution_text if _EDITION["solutions"] else WITHHELD
        return _Text(f"Solution to {self.qid}:\n{text}")


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


_PLAIN_TYPES = {
    "int": "whole number",
    "float": "number",
    "str": "text",
    "bool": "True/False value",
    "NoneType": "None",
    "ndarray": "NumPy array",
    "DataFrame": "table (DataFrame)",
    "Series": "pandas Series",
    "dict": "dictionary",
    "Ellipsis": "placeholder (...)",
}


def a_kind(obj) -> str:
    """'a whole number', 'an ndarray', 'a list': what an object is, with its article."""
    name = _PLAIN_TYPES.get(_type_name(obj), _type_name(obj))
    name = re.sub(r"^(int|float|uint)\d+$", "number", name)
    try:
        if isinstance(obj, BaseException):
            name = "error message"
        elif isinstance(obj, type) or callable(obj):
            name = "function or type, not its result"
    except Exception:  # a hostile object may break isinstance itself
        pass
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


def quoted(text: str) -> str:
    """A learner's text echoed as typed (cut short only when long): 'lots, maybe'."""
    return repr(text if len(text) <= 60 else text[:57] + "...")


def given(answer) -> str:
    """What the learner gave, in plain words: "the text 'lots, maybe'", 'a list', 'None'."""
    if isinstance(answer, str):
        return f"the text {quoted(answer)}" if answer.strip() else "an empty text"
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
    """The rounded numbers a worked solution states ('about 134,000', 'about 1/13')."""
    return _STATED.findall(text or "")


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
    return " ".join(str(a).split()).lower().rstrip(".") == " ".join(str(b).split()).lower().rstrip(
        "."
    )


def choice_key(answer, options: dict) -> tuple[str | None, str]:
    """The option an answer names (one letter, or one option's exact text), or (None, why)."""
    if not isinstance(answer, str):
        return None, f"{given(answer)} is not a letter"
    text = " ".join(str.strip(answer).split())
    keys = {str(k).upper(): k for k in options}
    letter = text.strip("()[]").rstrip(".):").strip().upper()
    if letter in keys:
        return keys[letter], ""
    labelled = re.fullmatch(r"\(?([A-Za-z])[).:]\s*(.+)", text)  # 'B) two', '(B) two'
    if labelled and labelled.group(1).upper() in keys:
        key = keys[labelled.group(1).upper()]
        if _same_text(labelled.group(2), options[key][0]):
            return key, ""
    for key, (option, _) in options.items():
        if _same_text(text, option):
            return key, ""
    named = [k for k in keys if re.search(rf"(?<![A-Za-z]){re.escape(k)}(?![A-Za-z])", text)]
    if len(named) > 1:
        return None, f"{given(answer)} names {len(named)} options; choose one"
    return None, f"{given(answer)} is not one of the options"


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
            raise Unclear("that text is too long to be a number")
        number = text.replace(",", "").replace("％", "%").rstrip("%").strip()
        if not number:
            said = f"{given(answer)} has no number in it" if text else "the text is empty"
            raise Unclear(said)
        try:
            return float(number)
        except ValueError:
            raise Unclear(f"{given(answer)} is not a number") from None
    if not isinstance(answer, (numbers.Number, Decimal)) and hasattr(answer, "item"):
        if getattr(answer, "size", None) != 1:
            raise Unclear(f"{a_kind(answer)} of several values is not a single number")
        answer = answer.item()
    if isinstance(answer, bool) or type(answer).__name__ in {"bool", "bool_"}:
        raise Unclear("a True/False value is not a number")
    if isinstance(answer, (numbers.Real, Decimal)):
        return float(answer)
    raise Unclear(f"{a_kind(answer)} is not a single number")


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
        tail = " for 12.3%" if self.unit.startswith("percent") else ""
        return (
            f"this question wants one number ({_unit_words(self.unit)}), for example "
            f"`{self.answer_name} = {example}`{tail}."
        )

    def _withhold(self) -> None:
        super()._withhold()
        self.expected = _withheld
        self.mistakes = ()
        self.printed = None

    def _judge(self, answer) -> Feedback:
        try:
            value = to_number(answer)
        except (ValueError, TypeError, OverflowError) as exc:
            return self._feedback(Outcome.INVALID, f"{_reason(exc)}; {self.expects()}")
        if not math.isfinite(value):
            return self._feedback(
                Outcome.INVALID,
                f"{given(answer) if isinstance(answer, str) else shown(value)} (an endless or "
                f"undefined value) is not a number; {self.expects()}",
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
            f"not quite: {shown(value)} is not the value asked for. Try `{self.qid}.hint()`.",
        )

    def _right(self, value: float, exact: float) -> str:
        where = f" ({self.where})" if self.where else ""
        if self.printed is not None and measures.matches_printed(exact, self.printed):
            return f"correct: {shown(value)} matches the paper's printed {self.printed}{where}."
        extra = ""
        if self.printed is not None:
            extra = f" (the paper prints {self.printed}; the lesson explains the difference)"
        return f"correct: {shown(value)} ≈ {shown(exact)}{extra}."


def _withheld():
    raise LookupError("withheld while the grader runs this notebook")


@dataclass
class ChoiceQuestion(Question):
    """Multiple choice: ``options`` maps a letter to (text, why it is right or wrong)."""

    options: dict = field(default_factory=dict)
    correct: str = ""

    def expects(self) -> str:
        letters = [str(k) for k in self.options]
        return (
            f"this question wants one letter, for example `{self.answer_name} = "
            f'"{letters[-1]}"`; the options are {", ".join(letters[:-1])} and {letters[-1]}.'
        )

    def _withhold(self) -> None:
        super()._withhold()
        self.correct = ""
        self.options = {k: (v[0], "") for k, v in self.options.items()}

    def _judge(self, answer) -> Feedback:
        key, why = choice_key(answer, self.options)
        if key is None:
            return self._feedback(Outcome.INVALID, f"{why}; {self.expects()}")
        reason = self.options[key][1]
        if str(key).upper() == str(self.correct).upper():
            return self._feedback(Outcome.CORRECT, f"correct: {reason}")
        return self._feedback(Outcome.INCORRECT, f"not this one: {reason}")

    def show(self) -> str:
        lines = [self.prompt] + [f"  ({k}) {v[0]}" for k, v in self.options.items()]
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
        return (
            f"this question wants {len(keys)} numbers ({_unit_words(self.unit)}), one for each "
            f"of {', '.join(keys)}: for example `{self.answer_name} = {{{example}{more}}}`, a "
            "pandas Series with those labels, or a list in that order."
        )

    def _as_dict(self, answer, keys) -> dict:
        if hasattr(answer, "columns") and hasattr(answer, "iloc"):
            if len(answer.columns) != 1:
                raise Unclear(
                    f"a table with {len(answer.columns)} columns is not one series of numbers"
                )
            answer = answer.iloc[:, 0]
        if hasattr(answer, "to_dict") and not hasattr(answer, "columns"):
            answer = answer.to_dict()
        if isinstance(answer, dict):
            norm = {_key(k): v for k, v in list(answer.items())[:1000]}
            missing = [_label(k) for k in keys if _key(k) not in norm]
            if missing:
                raise Unclear(f"there is no value for {', '.join(missing)}")
            return {k: to_number(norm[_key(k)]) for k in keys}
        if isinstance(answer, (list, tuple)) or type(answer).__name__ == "ndarray":
            values = list(answer)[: len(keys) + 1]
            if len(values) != len(keys):
                many = "more" if len(values) > len(keys) else "fewer"
                raise Unclear(f"the list has {many} than {len(keys)} values")
            return {k: to_number(v) for k, v in zip(keys, values)}
        raise Unclear(f"{given(answer)} is not a set of numbers")

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
            return self._feedback(Outcome.INVALID, f"{_reason(exc)}; {self.expects()}")
        if any(not math.isfinite(v) for v in got.values()):
            return self._feedback(Outcome.INVALID, "every value must be a finite number.")
        wrong = [k for k, v in expected.items() if not self._right(got[k], v)]
        if not wrong:
            return self._feedback(Outcome.CORRECT, f"correct: all {len(expected)} values match.")
        for mistake in self.mistakes:
            alt = {k: float(v) for k, v in dict(mistake.value()).items()}
            shared = [k for k in expected if k in alt]
            if shared and all(
                _series_mistake(got[k], expected[k], alt[k], self.tolerance) for k in shared
            ):
                return self._close(mistake)
        return self._feedback(
            Outcome.INCORRECT,
            f"{len(expected) - len(wrong)} of {len(expected)} values match; look again at "
            f"{', '.join(_label(k) for k in wrong[:3])}. Try `{self.qid}.hint()`.",
        )


def _reason(exc: Exception) -> str:
    """Why an answer cannot be read: the check's own words (an :class:`Unclear` it raised), never
    Python's (an error from deep inside a conversion)."""
    if isinstance(exc, Unclear):
        return str(exc)
    return "this answer could not be read"


def _unit_words(unit: str) -> str:
    """A question's unit as words: 'in percent', 'in 亿元', 'a year'."""
    words = {
        "year": "a year",
        "rank": "a rank",
        "years": "a number of years",
        "ratio": "a ratio",
        "multiple": "a multiple",
        "share": "a share from 0 to 1",
        "probability": "a probability from 0 to 1",
    }
    return words.get(unit, f"in {unit}")


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

    def _judge(self, answer) -> Feedback:
        if isinstance(answer, str) and str.strip(answer):
            return self._feedback(
                Outcome.RECORDED,
                f"answer recorded (not auto-checked). Compare it with `{self.qid}.solution()`.",
            )
        return self._feedback(
            Outcome.INVALID,
            f"{given(answer)} is not an answer in words; this question wants text between "
            f'quotes, for example `{self.answer_name} = "Because ..."`.',
        )


_LATIN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.,%-]*")
_CJK = re.compile(r"[\u3400-\u9fff]")
_NUMBER = re.compile(r"\d")


def word_count(text: str) -> int:
    """Words in an answer: Latin words and numbers, plus one word for every two Chinese
    characters (a rough rule, stated so that a Chinese answer is not counted as one word)."""
    return len(_LATIN_WORD.findall(text)) + (len(_CJK.findall(text)) + 1) // 2


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
            f"Rubric (marked by your instructor, {shown(self.rubric_points())} points; "
            "not auto-graded):"
        ]
        lines += [f"- {c.name} ({shown(c.points)}): {c.full_marks}" for c in self.rubric]
        return "\n".join(lines)

    def _judge(self, answer) -> Feedback:
        if not (isinstance(answer, str) and str.strip(answer)):
            return super()._judge(answer)  # the same plain sentence as any written answer
        n = word_count(answer)
        notes = [f"{n} words; the task asks for about {self.words}"]
        if n < self.words // 3:
            notes.append("much shorter than asked: say what is claimed, what you recomputed "
                         "and what follows from it")
        elif n > self.words * 2:
            notes.append("much longer than asked: cut to the points the rubric names")
        if not _NUMBER.search(answer):
            notes.append("it cites no number, and the rubric asks for recomputed evidence")
        return self._feedback(
            Outcome.RECORDED,
            f"answer recorded, not auto-graded ({'; '.join(notes)}). Your instructor marks it "
            f"against the rubric; `{self.qid}.solution()` shows the rubric and a model answer.",
        )

    def solution(self) -> str:
        model = self.solution_text if _EDITION["solutions"] else WITHHELD
        return _Text(f"Solution to {self.qid}:\n{self.rubric_text()}\n\nModel answer:\n{model}")


def critique_rubric(claim: str, evidence: str, reasoning: str, settle: str) -> tuple:
    """The course's rubric for a short critique (10 points, marked by hand; the teaching guide's
    §5.2): each line says what a full-marks answer does for this question."""
    return (
        Criterion("the claim", claim, 2),
        Criterion("recomputed evidence", evidence, 2),
        Criterion("reasoning", reasoning, 2),
        Criterion("an alternative or what would settle it", settle, 2),
        Criterion("economy", "about 150 words, no padding", 2),
    )


def summary(*questions: Question) -> _Text:
    """One line per question with its last outcome: the cell an exercise notebook ends with."""
    lines = []
    for q in questions:
        outcome = q.last.outcome.value if q.last else Outcome.UNANSWERED.value
        lines.append(f"{q.qid}: {outcome}")
    auto = [q for q in questions if q.auto]
    done = sum(1 for q in auto if q.last and q.last.correct)
    lines.append(f"{done} of {len(auto)} auto-graded questions answered correctly")
    written = sum(
        1 for q in questions if not q.auto and q.last and q.last.outcome is Outcome.RECORDED
    )
    if len(auto) < len(questions):
        lines.append(
            f"{written} of {len(questions) - len(auto)} open questions answered "
            "(not auto-graded: compare with the worked solution)"
        )
    return _Text("\n".join(lines))
