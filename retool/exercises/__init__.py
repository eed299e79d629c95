"""The course's exercises: one module per lesson (``exNN_topic``), built on :mod:`.core`."""

from .core import (  # noqa: F401
    ChoiceQuestion,
    Criterion,
    CritiqueQuestion,
    Feedback,
    Mistake,
    NumberQuestion,
    OpenQuestion,
    Outcome,
    Question,
    SeriesQuestion,
    summary,
)
