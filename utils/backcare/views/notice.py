"""The "teaching material, not medical advice / urgent symptoms" notice shown beside calculators, cases and boxes.

One wording, held in ``content/notices.yaml`` with its sources (issue 15 item 2, issue 13 item 3).
"""
from __future__ import annotations

from ..content.notices import not_advice_html, notice_text, urgent_html

__all__ = ["NOT_ADVICE", "NOT_ADVICE_HTML", "URGENT_HTML"]

NOT_ADVICE = notice_text()
NOT_ADVICE_HTML = not_advice_html()
URGENT_HTML = urgent_html()
