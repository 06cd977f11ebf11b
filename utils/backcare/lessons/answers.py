"""``bc.compare_answer``: the collapsed model answer under a question to think about (cell tagged ``answer``)."""
from __future__ import annotations

from ..content.answers import load_answers
from ..views.answers import answer_block
from ..views.render import Html


def compare_answer(chapter: str, answer_id: str) -> Html:
    """Show the model answer ``answer_id`` of ``chapter`` (``"01"``) from ``content/answers/``, collapsed.

    Examples
    --------
    >>> compare_answer("01", "rate_vs_number")._repr_mimebundle_()["text/html"].startswith('<details class="bc-answer')
    True
    >>> compare_answer("01", "rate")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    KeyError: "no answer 'rate' in content/answers/01_understanding_back_pain.yaml; known ids: rate_vs_number, ..."
    """
    a = load_answers(chapter).answer(answer_id)
    return answer_block(a.answer, kind=a.kind, extension=a.extension)
