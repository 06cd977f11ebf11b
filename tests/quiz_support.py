"""Small self-check questions whose feedback the quiz tests assert exactly (fixtures shared by the layer tests)."""
from __future__ import annotations

import html

import ipywidgets as widgets
import pytest

from backcare.content.quiz import Option, Question
from backcare.paths import content_dir

QUIZ_DIR = content_dir() / "quiz"
BANKS = sorted(QUIZ_DIR.glob("*.yaml"))


def shown(text: str) -> str:
    """The HTML a feedback widget holds for a message."""
    return f'<p class="backcare-quiz-feedback">{html.escape(text)}</p>'


def visible(stack: widgets.Stack) -> str | None:
    """The value of the Stack child on show (None when nothing is shown)."""
    if stack.selected_index is None:
        return None
    return stack.children[stack.selected_index].value


# ---- fixtures: small questions whose feedback we can assert exactly ----------------------------------------------
@pytest.fixture
def single() -> Question:
    return Question(
        id="first_step", kind="single", skill="concept",
        prompt="What is the usual first step for acute non-specific back pain?",
        objective="Name the first step.", references=[],
        options=[
            Option(text="Advice to stay active", correct=True, feedback="Staying active is advised by guidelines."),
            Option(text="An MRI scan", correct=False, feedback="Imaging is tempting but rarely changes care early."),
            Option(text="Bed rest", correct=False, feedback="Bed rest tends to slow recovery rather than help it."),
        ],
    )


@pytest.fixture
def multiple() -> Question:
    return Question(
        id="flags", kind="multiple", skill="recall", prompt="Mark each statement true or false.",
        objective="Know the flags.",
        options=[
            Option(text="Statement A is true", correct=True, feedback="A is true because the cohort showed it."),
            Option(text="Statement B is true", correct=True, feedback="B is true because the review showed it."),
            Option(text="Statement C is false", correct=False, feedback="C sounds right but the data disagree."),
            Option(text="Statement D is false", correct=False, feedback="D is a common myth with no support."),
        ],
    )


@pytest.fixture
def numeric() -> Question:
    return Question(
        id="per_100", kind="numeric", skill="recall", prompt="How many in 100?", objective="Estimate a rate.",
        answer=1, tolerance=1, unit="people out of 100",
        feedback_correct="Right, about one in a hundred people.",
        feedback_low="A count of people cannot be negative.",
        feedback_high="Serious causes are rarer than that.",
        worked_answer="Eleven of 1172 is about 0.9 in 100.",
    )


