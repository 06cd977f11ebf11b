"""STarT Back scoring: the nine items (a teaching paraphrase) and the risk group of a set of answers.

Pure: no I/O, no global state; bad input raises ``ValueError`` naming the problem and what is allowed. Teaching
material, not medical advice. Keele STarT Back Screening Tool scoring as described in [PP-SBT] and [Hill11] (fact
sheet §4c). The item texts are the course's own teaching paraphrase, not the official wording; the official tool and
its licence: keele.ac.uk/startback.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["START_BACK_SOURCE", "START_BACK_ITEMS", "StartBackItem", "StartBackResult", "start_back"]


@dataclass(frozen=True)
class StartBackItem:
    """One STarT Back item: its number, a teaching paraphrase, its domain, subscale flag."""
    number: int
    text: str
    domain: str
    psychosocial: bool


START_BACK_SOURCE = ("Teaching paraphrase, not the official wording. Official tool: "
                     "keele.ac.uk/startback")
_ITEM_ROWS = (  # (domain as labelled by Hill 2008, own-words paraphrase); items 5-9 psychosocial
    ("referred leg pain", "In the last two weeks, pain has spread from the back into a leg."),
    ("comorbid pain", "In the last two weeks, there has also been neck or shoulder pain."),
    ("disability", "Because of the back, walking has been limited to short distances."),
    ("disability", "Because of the back, getting dressed has taken longer than usual."),
    ("fear", "Being physically active does not feel safe with this back pain."),
    ("anxiety", "Worrying thoughts have been on the mind a lot of the time."),
    ("catastrophising", "The pain feels awful, as if it will never get better."),
    ("low mood", "Things that are usually enjoyable have not felt enjoyable."),
    ("bothersomeness", "Over the last two weeks the back pain has been very much or extremely "
                       "bothersome (the top two of five answers)."),
)
START_BACK_ITEMS: tuple[StartBackItem, ...] = tuple(
    StartBackItem(number, text, domain, psychosocial=number >= 5)
    for number, (domain, text) in enumerate(_ITEM_ROWS, start=1))


@dataclass(frozen=True)
class StartBackResult:
    """Scores and risk group: ``total`` 0–9, ``psychosocial`` (items 5–9) 0–5, ``risk``."""
    total: int
    psychosocial: int
    risk: str  # "low", "medium" or "high"


def _list_words(numbers_: list[int]) -> str:
    words = [str(n) for n in numbers_]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def start_back(answers: Mapping[int, bool]) -> StartBackResult:
    """Score the STarT Back tool: ``answers`` maps item numbers 1–9 to True (agree) / False.

    Item 9 is True when bothersomeness is "very much" or "extremely". Risk groups
    ([PP-SBT]; [Hill11]; fact sheet §4c): high when the psychosocial subscale (items 5–9)
    is 4–5; otherwise medium when the total is 4 or more; otherwise low (total 0–3).

    Examples
    --------
    >>> start_back({1: True, 2: True, 3: False, 4: True, 5: False,
    ...             6: True, 7: False, 8: False, 9: True})
    StartBackResult(total=5, psychosocial=2, risk='medium')
    >>> start_back({1: True, 2: True, 4: True, 5: False, 6: True, 7: False, 8: False, 9: True})
    Traceback (most recent call last):
    ...
    ValueError: item 3 is missing; answer every item 1 to 9 with True or False
    """
    if not isinstance(answers, Mapping):
        raise ValueError("answers must be a mapping of item number (1 to 9) to True or False,"
                         f" got {type(answers).__name__}")
    for key in answers:
        if isinstance(key, bool) or not isinstance(key, int):
            raise ValueError(f"item {key!r} is not an item number; use the whole numbers 1 to 9")
        if not 1 <= key <= 9:
            raise ValueError(f"item {key} is not on the tool; items are numbered 1 to 9")
    missing = [n for n in range(1, 10) if n not in answers]
    if missing:
        what = "item" if len(missing) == 1 else "items"
        verb = "is" if len(missing) == 1 else "are"
        raise ValueError(f"{what} {_list_words(missing)} {verb} missing; "
                         "answer every item 1 to 9 with True or False")
    for n in range(1, 10):
        if not isinstance(answers[n], bool):
            raise ValueError(f"item {n} must be True or False, got {answers[n]!r} "
                             f"({type(answers[n]).__name__})")
    total = sum(answers[n] for n in range(1, 10))
    psychosocial = sum(answers[n] for n in range(5, 10))
    risk = "high" if psychosocial >= 4 else "medium" if total >= 4 else "low"
    return StartBackResult(total=total, psychosocial=psychosocial, risk=risk)
