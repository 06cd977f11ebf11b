"""The "teaching material, not medical advice / urgent symptoms" notice shown beside chapter 02's calculators.

(Issue 13 item 3 will make this one wording held in ``content/``; until then it lives here, once.)
"""
from __future__ import annotations

__all__ = ["NOT_ADVICE"]

NOT_ADVICE = ("Teaching material, not medical advice. Urgent symptoms (new bladder or bowel problems, saddle "
              "numbness, new or worsening leg weakness, fever or feeling very unwell, major trauma): seek emergency "
              "care the same day.")
