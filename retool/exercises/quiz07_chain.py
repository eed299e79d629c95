"""Lesson 07's quiz: multiple-choice questions with an explanation for every option.

The content of an in-lesson quiz lives beside the lesson's exercises (:mod:`.ex07_chain`): each
question is a :class:`QuizQuestion`, a :class:`.core.ChoiceQuestion`, so a quiz answer is judged
exactly as an exercise answer is. The widget that shows a quiz (:func:`retool.widgets.quiz_widget`)
imports nothing from here: it needs of each question ``qid``, ``prompt``, ``options`` and
:meth:`QuizQuestion.feedback_html`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .core import ChoiceQuestion, Feedback, Outcome


@dataclass
class QuizQuestion(ChoiceQuestion):
    """A question of an in-lesson quiz, answered by picking one of its options."""

    def feedback(self, key) -> str:
        """What the quiz says to an answer (the same judgement as :meth:`check`)."""
        return str(self.check(key))

    def feedback_html(self, key) -> str:
        """The quiz's feedback coloured as every check of the course colours it; no option picked
        (``None``) is 'not answered yet', in that outcome's colour."""
        if key is None:
            return Feedback(self.qid, Outcome.UNANSWERED, "pick an option first.").html()
        return self.check(key).html()


def chain_quiz() -> list[QuizQuestion]:
    """Lesson 07's quiz: the four biases (二.4) and what advanced manufacturing is (三)."""
    return [
        QuizQuestion(
            qid="quiz 1",
            answer_name="quiz1",
            prompt=(
                "Which of these is NOT one of the four biases the paper finds in how Chinese "
                "firms plan their renovation (二.4)?"
            ),
            options={
                "A": (
                    "Technology over management",
                    "it is one of the four: the paper says the gap in management is larger "
                    "than the gap in technology.",
                ),
                "B": (
                    "Manufacturing over R&D and design",
                    "it is one of the four: weak R&D and design lock firms into the low end "
                    "of the chain.",
                ),
                "C": (
                    "Foreign technology over domestic technology",
                    "this is not a bias of 二.4: section 一.3 reports the opposite trend, "
                    "domestic technology playing a growing part in firms' technology sources.",
                ),
                "D": (
                    "Short-term profit over long-term development",
                    "it is one of the four: firms look at current profits, not at their "
                    "future direction and business model.",
                ),
            },
            correct="C",
        ),
        QuizQuestion(
            qid="quiz 2",
            answer_name="quiz2",
            prompt=("The paper names MIS, MRP, ERP, PDM and MES. Which bias do they illustrate?"),
            options={
                "A": (
                    "Hardware over software",
                    "firms equate renovation with buying equipment and neglect the "
                    "software systems (management information, resource planning, product data, "
                    "manufacturing execution) that make the equipment pay off.",
                ),
                "B": (
                    "Manufacturing over R&D and design",
                    "these systems serve the whole firm, and the paper lists them "
                    "under the hardware-software bias.",
                ),
                "C": (
                    "Short term over long term",
                    "though software pays off slowly, the paper lists them as "
                    "the software that hardware purchases leave out.",
                ),
            },
            correct="A",
        ),
        QuizQuestion(
            qid="quiz 3",
            answer_name="quiz3",
            prompt="What is advanced manufacturing in the paper's definition (三.2)?",
            options={
                "A": (
                    "A new industry to add to the industrial classification, like the "
                    "high-technology industries",
                    "the paper says explicitly that it is not a new industry or group of "
                    "industries in the existing classification, and has no list of industries.",
                ),
                "B": (
                    "Any manufacturing that keeps absorbing new technology across R&D, design, "
                    "making, testing, sales, service and recycling, merged with modern services",
                    "it is a name for a way of manufacturing; any industry can become "
                    "advanced manufacturing once it has been renovated.",
                ),
                "C": (
                    "The strategic emerging industries of the 12th Five-Year Plan",
                    "section 四.1 wants renovation combined with the emerging industries, "
                    "but advanced manufacturing is not defined as them.",
                ),
                "D": (
                    "Manufacturing in developed countries",
                    "developed countries lead it today, but the definition is about how "
                    "manufacturing is done, not where.",
                ),
            },
            correct="B",
        ),
        QuizQuestion(
            qid="quiz 4",
            answer_name="quiz4",
            prompt="Which revolutions does the paper list (三.3)?",
            options={
                "A": (
                    "Steam, electricity and information, with a green revolution now under way",
                    "three industrial revolutions since the 18th century, the "
                    "information one not yet finished, and a green one based on energy-saving "
                    "and environmental technology.",
                ),
                "B": (
                    "Mechanisation, mass production and automation",
                    "a common textbook list, but not the paper's words.",
                ),
                "C": (
                    "Steam, electricity, information and artificial intelligence",
                    "the paper's fourth, still unfolding, is green, not AI.",
                ),
            },
            correct="A",
        ),
    ]
