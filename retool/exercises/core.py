"""Questions that check a learner's answer and always answer with a sentence.

A question is data: the name of the variable that holds the answer, how to compute the expected
value from ``data/`` (a function, never a typed-in number), the paper's printed number where there
is one, the common mistakes (each a function of the data too), layered hints and a worked solution.
``check`` turns any input into one of five outcomes and a sentence; it never raises.
"""

from __future__ import annotations

import enum
import math
import numbers
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
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
        mark = {"correct": "✔", "close": "≈", "incorrect": "✘"}.get(self.outcome.value, "…")
        return f"{mark} {self.question}: {self.message}"

    def __repr__(self) -> str:
        return str(self)

    def _repr_markdown_(self) -> str:
        colour = {"correct": "#009E73", "close": "#E69F00", "incorrect": "#D55E00"}.get(
            self.outcome.value, "#555555"
        )
        return f'<span style="color:{colour}">{_escape(str(self))}</span>'


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def is_placeholder(answer) -> bool:
    """``...`` (the exercise notebooks' placeholder) and None mean 'not answered yet'."""
    return answer is Ellipsis or answer is None


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
    last: Feedback | None = field(default=None, repr=False, compare=False)
    _hint_level: int = field(default=0, repr=False, compare=False)

    def check(self, answer=Ellipsis) -> Feedback:
        """Judge an answer; any input gives a sentence, never a traceback."""
        try:
            if is_placeholder(answer):
                fb = self._feedback(
                    Outcome.UNANSWERED,
                    f"not answered yet: replace the `...` in `{self.answer_name} = ...` "
                    "with your answer and run the cell again.",
                )
            else:
                fb = self._judge(answer)
            if not isinstance(fb, Feedback):
                raise TypeError("the check gave no feedback")
        except (Exception, SystemExit) as exc:  # the promise is a sentence, whatever the input
            fb = self._feedback(
                Outcome.INVALID,
                f"this answer could not be read ({_type_name(exc)}); {self._safe_expects()}",
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
        """The worked answer, for self-learners who have tried."""
        return _Text(f"Solution to {self.qid}:\n{self.solution_text}")


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


def to_number(answer) -> float:
    """A learner's answer as a float; raises ValueError with a learner-readable reason.

    Accepts numbers (Python, NumPy, Decimal, Fraction), a one-element array or Series, and text
    such as ``"31.7"``, ``"31.7%"`` or ``"2,633.83"``. Rejects True/False, which Python would
    otherwise count as 1 and 0.
    """
    if isinstance(answer, str):
        text = str.strip(answer)
        if len(text) > 50:
            raise ValueError("that text is too long to be a number")
        text = text.replace(",", "").replace("％", "%").rstrip("%").strip()
        if not text:
            raise ValueError("the text is empty")
        try:
            return float(text)
        except ValueError:
            raise ValueError(f"the text {text[:50]!r} is not a number") from None
    if not isinstance(answer, (numbers.Number, Decimal)) and hasattr(answer, "item"):
        if getattr(answer, "size", None) != 1:
            raise ValueError(f"a {_type_name(answer)} of several values is not a single number")
        answer = answer.item()
    if isinstance(answer, bool) or type(answer).__name__ in {"bool", "bool_"}:
        raise ValueError("a True/False value is not a number")
    if isinstance(answer, (numbers.Real, Decimal)):
        return float(answer)
    raise ValueError(f"a {_type_name(answer)} is not a single number")


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
        return f"the answer should be one number ({self.unit}), like `12.3`."

    def _judge(self, answer) -> Feedback:
        try:
            value = to_number(answer)
        except (ValueError, TypeError, OverflowError) as exc:
            return self._feedback(Outcome.INVALID, f"{exc}; {self.expects()}")
        if not math.isfinite(value):
            return self._feedback(
                Outcome.INVALID, f"{value} is not a finite number; {self.expects()}"
            )
        exact = float(self.expected())
        if (
            self.printed is not None
            and measures.matches_printed(value, self.printed)
            and (measures.matches_printed(exact, self.printed))
        ):
            where = f" ({self.where})" if self.where else ""
            return self._feedback(
                Outcome.CORRECT,
                f"correct: {value:g} matches the paper's printed {self.printed}{where}.",
            )
        if abs(value - exact) <= self.tolerance:
            extra = ""
            if self.printed is not None and not measures.matches_printed(exact, self.printed):
                extra = f" (the paper prints {self.printed}; the lesson explains the difference)"
            return self._feedback(Outcome.CORRECT, f"correct: {value:g} ≈ {exact:.4g}{extra}.")
        # when two mistakes give nearby values, name the one the answer is nearest to
        near = []
        for mistake in self.mistakes:
            wrong = float(mistake.value())
            distance = abs(value - wrong)
            if math.isfinite(wrong) and distance <= max(self.tolerance, abs(wrong) * 1e-3):
                near.append((distance, mistake))
        if near:
            mistake = min(near, key=lambda pair: pair[0])[1]
            return self._close(mistake)
        return self._feedback(
            Outcome.INCORRECT,
            f"not quite: {value:g} is not the value asked for. Try `{self.qid}.hint()`.",
        )


@dataclass
class ChoiceQuestion(Question):
    """Multiple choice: ``options`` maps a letter to (text, why it is right or wrong)."""

    options: dict = field(default_factory=dict)
    correct: str = ""

    def expects(self) -> str:
        return f"answer with one letter: {', '.join(repr(k) for k in self.options)}."

    def _judge(self, answer) -> Feedback:
        if not isinstance(answer, str) or len(answer) > 20:
            return self._feedback(Outcome.INVALID, f"{self.expects()}")
        letter = str.strip(answer).strip("()").strip().upper()[:1]
        keys = {str(k).upper(): k for k in self.options}
        if letter not in keys:
            return self._feedback(Outcome.INVALID, f"{answer!r} is not an option; {self.expects()}")
        key = keys[letter]
        why = self.options[key][1]
        if str(key).upper() == str(self.correct).upper():
            return self._feedback(Outcome.CORRECT, f"correct: {why}")
        return self._feedback(Outcome.INCORRECT, f"not this one: {why}")

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
        keys = list(self.expected())
        return (
            f"the answer should hold {len(keys)} numbers ({self.unit}) for {keys}: a dict "
            "{label: value}, a pandas Series indexed by label, or a list in that order."
        )

    def _as_dict(self, answer, keys) -> dict:
        if hasattr(answer, "columns") and hasattr(answer, "iloc"):
            if len(answer.columns) != 1:
                raise ValueError(
                    f"a table with {len(answer.columns)} columns is not one series of numbers"
                )
            answer = answer.iloc[:, 0]
        if hasattr(answer, "to_dict") and not hasattr(answer, "columns"):
            answer = answer.to_dict()
        if isinstance(answer, dict):
            norm = {_key(k): v for k, v in list(answer.items())[:1000]}
            missing = [k for k in keys if _key(k) not in norm]
            if missing:
                raise ValueError(f"missing values for {missing}")
            return {k: to_number(norm[_key(k)]) for k in keys}
        if isinstance(answer, (list, tuple)) or type(answer).__name__ == "ndarray":
            values = list(answer)[: len(keys) + 1]
            if len(values) != len(keys):
                raise ValueError(f"expected {len(keys)} numbers, got a different count")
            return {k: to_number(v) for k, v in zip(keys, values)}
        raise ValueError(f"a {_type_name(answer)} is not a dict, Series or list of numbers")

    def _judge(self, answer) -> Feedback:
        expected = {k: float(v) for k, v in self.expected().items()}
        try:
            got = self._as_dict(answer, list(expected))
        except (ValueError, TypeError, OverflowError) as exc:
            return self._feedback(Outcome.INVALID, f"{exc}; {self.expects()}")
        if any(not math.isfinite(v) for v in got.values()):
            return self._feedback(Outcome.INVALID, "every value must be a finite number.")
        wrong = [k for k, v in expected.items() if not _close(got[k], v, self.tolerance)]
        if not wrong:
            return self._feedback(Outcome.CORRECT, f"correct: all {len(expected)} values match.")
        for mistake in self.mistakes:
            alt = {k: float(v) for k, v in dict(mistake.value()).items()}
            shared = [k for k in expected if k in alt]
            if shared and all(_close(got[k], alt[k], self.tolerance) for k in shared):
                return self._close(mistake)
        return self._feedback(
            Outcome.INCORRECT,
            f"{len(expected) - len(wrong)} of {len(expected)} values match; look again at "
            f"{wrong[:3]}. Try `{self.qid}.hint()`.",
        )


def _key(k):
    try:
        return int(k) if float(k) == int(float(k)) else str(k)
    except (TypeError, ValueError, OverflowError):
        return str(k)


def _close(a: float, b: float, tol: float) -> bool:
    return math.isfinite(a) and abs(a - b) <= tol


@dataclass
class OpenQuestion(Question):
    """An open question: a model answer to compare with, no automatic check."""

    auto: bool = False
    points: float = 0.0

    def _judge(self, answer) -> Feedback:
        if isinstance(answer, str) and str.strip(answer):
            return self._feedback(
                Outcome.CORRECT,
                f"answer recorded (not auto-checked). Compare it with `{self.qid}.solution()`.",
            )
        return self._feedback(Outcome.INVALID, "write your answer as text between quotes.")


def summary(*questions: Question) -> _Text:
    """One line per question with its last outcome: the cell an exercise notebook ends with."""
    lines = []
    for q in questions:
        outcome = q.last.outcome.value if q.last else Outcome.UNANSWERED.value
        lines.append(f"{q.qid}: {outcome}")
    done = sum(1 for q in questions if q.last and q.last.correct)
    lines.append(f"{done} of {len(questions)} answered correctly")
    return _Text("\n".join(lines))
