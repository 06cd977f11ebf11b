"""Chapter 02, STarT Back: the live calculator (opening on a synthetic case) and the explorer of the three risk
groups, each with a synthetic answer pattern. Teaching material, not medical advice."""
from __future__ import annotations

from typing import Mapping

from ..logic.start_back import start_back
from ..views.start_back import start_back_example
from ..widgets.explorer import Explorer, explorer
from ..widgets.start_back_calculator import StartBackCalculator

__all__ = ["SYNTHETIC_START_BACK", "RISK_EXAMPLES", "start_back_calculator", "start_back_explorer"]

#: The synthetic case the STarT Back widget opens on: leg pain, walking and dressing limited, very bothersome.
SYNTHETIC_START_BACK = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: False, 8: False, 9: True}

#: One example answer pattern per risk group for the static explorer (synthetic).
RISK_EXAMPLES = {
    "low": {1: True, 2: True, 3: False, 4: False, 5: False, 6: True, 7: False, 8: False, 9: False},
    "medium": SYNTHETIC_START_BACK,
    "high": {1: True, 2: False, 3: True, 4: False, 5: True, 6: True, 7: True, 8: False, 9: True},
}


def start_back_calculator(answers: Mapping[int, bool] | None = None) -> StartBackCalculator:
    """The live STarT Back calculator, opening on :data:`SYNTHETIC_START_BACK` (or ``answers``).

    Examples
    --------
    >>> calc = start_back_calculator()
    >>> calc.boxes[5].value = calc.boxes[6].value = calc.boxes[7].value = True
    >>> 'class="bc-risk">high<' in calc.output.value
    True
    >>> start_back_calculator({1: True})
    Traceback (most recent call last):
    ...
    ValueError: items 2, 3, 4, 5, 6, 7, 8 and 9 are missing; answer every item 1 to 9 with True or False
    """
    answers = dict(SYNTHETIC_START_BACK if answers is None else answers)
    start_back(answers)  # validates: every item 1-9, True or False
    return StartBackCalculator(answers)


def start_back_explorer(risk: str = "low") -> Explorer:
    """The three risk groups, each with a synthetic answer pattern and its scored result (works with no kernel).

    Examples
    --------
    >>> start_back_explorer("high").describe()
    'Explorer "STarT Back risk groups": 3 views (Low risk; Medium risk; High risk). Showing: High risk.'
    >>> start_back_explorer("severe")
    Traceback (most recent call last):
    ...
    ValueError: risk must be one of low, medium, high, not 'severe'
    """
    if risk not in RISK_EXAMPLES:
        raise ValueError(f"risk must be one of low, medium, high, not {risk!r}")
    views = [(f"{r.capitalize()} risk", start_back_example(r, answers)) for r, answers in RISK_EXAMPLES.items()]
    return explorer("STarT Back risk groups", views, description="Risk group", control="toggle",
                    index=list(RISK_EXAMPLES).index(risk))
