"""The HTML pieces of a self-check (prompt, note, feedback), from templates; the widgets place them.

Examples
--------
>>> from backcare.logic.quiz import Feedback
>>> feedback_html(Feedback(False, "✗ Not quite. <b> is not a tag here."))
'<p class="backcare-quiz-feedback">✗ Not quite. &lt;b&gt; is not a tag here.</p>'
>>> prompt_html("Is 'rest' best?", 1, 4)
'<p class="backcare-quiz-prompt"><strong>Question 1 of 4.</strong> Is &#x27;rest&#x27; best?</p>'
"""
from __future__ import annotations

from .render import render

__all__ = ["NOT_REVIEWED", "feedback_html", "note_html", "prompt_html", "style_html"]

NOT_REVIEWED = "These questions have not yet been clinically peer-reviewed."


def note_html(text: str, css: str = "backcare-quiz-feedback") -> str:
    """One paragraph of plain text (escaped) with a CSS class."""
    return render("quiz_note.html.j2", text=text, css=css)


def feedback_html(feedback) -> str:
    """The paragraph showing a :class:`backcare.logic.quiz.Feedback` message."""
    return note_html(feedback.message)


def prompt_html(prompt: str, number: int, total: int) -> str:
    """The question's header: "Question n of N." in bold, then the prompt."""
    return render("quiz_prompt.html.j2", prompt=prompt, number=number, total=total)


def style_html() -> str:
    """The self-check's layout rules (long choices wrap beside their button), as one ``<style>`` element."""
    return render("quiz_style.html.j2")
