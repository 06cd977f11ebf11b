"""The "teaching material, not medical advice / urgent symptoms" notice shown beside calculators, cases and boxes.

One wording, held in ``content/notices.yaml`` with its sources (issue 15 item 2, issue 13 item 3).
"""
from __future__ import annotations

from ..content.notices import load_notices, notice_text
from .render import render

__all__ = ["NOT_ADVICE", "NOT_ADVICE_HTML", "SHORT_NOTICE", "URGENT_HTML", "not_advice_html", "urgent_html"]


def not_advice_html() -> str:
    """The "not medical advice" notice as one HTML paragraph (site pages)."""
    head, _, rest = load_notices().not_medical_advice.partition(". ")
    return render("notice_not_advice.html.j2", head=head, rest=rest)


def urgent_html() -> str:
    """The urgent-symptoms notice as one HTML paragraph (site pages, chapter boxes)."""
    urgent = load_notices().urgent_symptoms
    return render("notice_urgent.html.j2", heading=urgent.heading, text=urgent.text)


NOT_ADVICE = notice_text()
#: Beside a widget on a chapter page that already shows the full notice at its start: the first sentence and a pointer
#: to it (issue 16 item 4: one notice per page, not one per widget; the urgent wording is never paraphrased).
SHORT_NOTICE = (load_notices().not_medical_advice.split(". ")[0]
                + ". Urgent symptoms: see the notice at the start of this chapter.")
NOT_ADVICE_HTML = not_advice_html()
URGENT_HTML = urgent_html()
