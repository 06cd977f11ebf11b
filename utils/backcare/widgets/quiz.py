"""The self-check widgets (wiring only): one block per question, its controls linked to pre-rendered feedback.

All feedback is pre-rendered into ``widgets.Stack`` children and revealed by ``widgets.jslink`` from the control's
``index`` to the Stack's ``selected_index``, so a reader of the static HTML page, with no kernel, still gets the
explanation for the answer they picked (tooling-notes §7). The answers are checked by :mod:`backcare.logic.quiz`
and the HTML comes from :mod:`backcare.views.quiz`. Right/wrong is said in words and a symbol, never by colour alone.
"""
from __future__ import annotations

from typing import Sequence

import ipywidgets as widgets
from ipywidgets.widgets.widget_link import Link

from ..content.quiz import Question
from ..logic.quiz import Feedback, check_multiple, check_numeric, option_feedback, statement_feedback, summary
from ..views.fallback import QUIZ_NOTE, fallback_bundle
from ..views.quiz import NOT_REVIEWED, feedback_html, note_html, prompt_html, style_html
from .shared import html, layout, style, wide

__all__ = ["QuestionBlock", "Quiz"]


def _html(text: str, css: str = "backcare-quiz-feedback") -> widgets.HTML:
    return html(note_html(text, css), width="auto")


def _feedback_widget(feedback: Feedback) -> widgets.HTML:
    return html(feedback_html(feedback), width="auto")


def _link(control: widgets.Widget, stack: widgets.Stack) -> Link:
    """Show ``stack`` child number ``control.index``: in the browser (jslink, works without a kernel) and in Python."""
    link = widgets.jslink((control, "index"), (stack, "selected_index"))

    def mirror(change):
        stack.selected_index = change["new"]

    control.observe(mirror, names="index")
    return link


class QuestionBlock(widgets.VBox):
    """The widgets of one question; attributes name the parts tests and notebooks may drive."""

    def __init__(self, question: Question, number: int, total: int):
        self.question = question
        self.number = number
        self.links: list[Link] = []
        header = [html(prompt_html(question.prompt, number, total), width="auto")]
        build = {"single": self._single, "multiple": self._multiple, "numeric": self._numeric}[question.kind]
        children = header + build(question, number)
        if question.references:
            children.append(_html(f"Sources: {', '.join(question.references)}.", "backcare-quiz-sources"))
        super().__init__(children=children, layout=layout(width="auto"))

    def _single(self, q: Question, n: int) -> list[widgets.Widget]:
        self.control = widgets.RadioButtons(
            options=[o.text for o in q.options],
            index=None,
            description=f"Answer to question {n}",
            layout=layout(width="auto"),
            style=wide(widgets.RadioButtons),
        )
        self.feedback = widgets.Stack(
            [_feedback_widget(option_feedback(o)) for o in q.options],
            selected_index=None,
            layout=layout(),
        )
        self.links.append(_link(self.control, self.feedback))
        return [self.control, self.feedback]

    def _multiple(self, q: Question, n: int) -> list[widgets.Widget]:
        children: list[widgets.Widget] = [_html("Mark each statement true or false; its explanation shows under it.",
                                                 "backcare-quiz-instruction")]
        self.statements: list[tuple[widgets.RadioButtons, widgets.Stack]] = []
        for j, option in enumerate(q.options, start=1):
            radio = widgets.RadioButtons(
                options=["True", "False"],
                index=None,
                orientation="horizontal",
                description=f"Question {n}, statement {j}",
                layout=layout(width="auto"),
                style=wide(widgets.RadioButtons),
            )
            stack = widgets.Stack(  # child 0 shows after "True" (index 0), child 1 after "False" (index 1)
                [_feedback_widget(statement_feedback(option, marked)) for marked in (True, False)],
                selected_index=None,
                layout=layout(),
            )
            self.links.append(_link(radio, stack))
            radio.observe(self._update_summary, names="index")
            self.statements.append((radio, stack))
            children += [_html(f"Statement {j}: {option.text}", "backcare-quiz-statement"), radio, stack]
        self.summary = html(width="auto")
        self._update_summary()
        return children + [self.summary]

    def _update_summary(self, change=None) -> None:
        marks = [radio.index for radio, _ in self.statements]
        if None in marks:
            done = sum(m is not None for m in marks)
            text = f"Marked {done} of {len(marks)} statements; the overall result shows here in a running notebook."
            self.summary.value = feedback_html(Feedback(None, text))
        else:
            chosen = [i for i, m in enumerate(marks) if m == 0]
            self.summary.value = feedback_html(check_multiple(self.question, chosen))

    def _numeric(self, q: Question, n: int) -> list[widgets.Widget]:
        self.answer_box = widgets.Text(
            value="",
            placeholder="a number",
            description=f"Answer to question {n} ({q.unit})",
            continuous_update=False,
            layout=layout(width="auto"),
            style=wide(widgets.Text),
        )
        self.check_button = widgets.Button(
            description="Check",
            tooltip=f"Check your answer to question {n}",
            layout=layout(width="auto"),
            style=style(widgets.Button),
        )
        self.result = html(
            feedback_html(
                Feedback(
                    None,
                    "Type your answer, then press Check. Checking needs a running notebook; "
                    "on a web page, use the worked answer below.",
                )
            ),
            width="auto",
        )
        self.worked_toggle = widgets.ToggleButtons(
            options=["Hide worked answer", "Show worked answer"],
            index=0,
            description=f"Worked answer to question {n}",
            layout=layout(width="auto"),
            style=wide(widgets.ToggleButtons),
        )
        self.worked = widgets.Stack(
            [
                html("", width="auto"),
                _html(f"Worked answer: {q.worked_answer}", "backcare-quiz-worked"),
            ],
            selected_index=0,
            layout=layout(),
        )
        self.links.append(_link(self.worked_toggle, self.worked))
        self.check_button.on_click(lambda _button: self._check())
        self.answer_box.observe(lambda _change: self._check(), names="value")
        row = widgets.HBox([self.answer_box, self.check_button], layout=layout(width="auto"))
        return [row, self.result, self.worked_toggle, self.worked]

    def _check(self) -> None:
        self.result.value = feedback_html(check_numeric(self.question, self.answer_box.value))


class Quiz(widgets.VBox):
    """A self-check: one :class:`QuestionBlock` per question; its plain-text form is a deterministic summary."""

    def __init__(self, questions: Sequence[Question], not_reviewed: bool = False):
        self.questions = list(questions)
        self.blocks = [QuestionBlock(q, i, len(self.questions)) for i, q in enumerate(self.questions, start=1)]
        # the layout rules travel with the quiz (JupyterLab has no site stylesheet); see templates/views/quiz_style
        self.css = widgets.HTML(style_html(), layout=layout(width="auto"))
        children: list[widgets.Widget] = [self.css, *self.blocks]
        if not_reviewed:  # a chapter's bank with no current sign-off record in content/reviews/
            children.append(_html(NOT_REVIEWED, "backcare-quiz-review"))
        super().__init__(children=children, layout=layout(width="auto"))
        self.add_class("bc-quiz")

    def __repr__(self) -> str:
        return summary(self.questions)

    def _repr_mimebundle_(self, **kwargs):
        data = super()._repr_mimebundle_(**kwargs)
        data.update(fallback_bundle(self, note=QUIZ_NOTE, note_first=True))  # readable questions without widgets
        data["text/plain"] = summary(self.questions)
        return data
