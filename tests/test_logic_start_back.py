"""logic.start_back: scores and risk groups worked by hand, all 512 answer sets, errors naming the problem."""
from __future__ import annotations

import dataclasses
import itertools
import re

import pytest

from backcare.logic.start_back import START_BACK_ITEMS, START_BACK_SOURCE, StartBackResult, start_back


def exact(message: str) -> str:
    """A `match=` pattern for the whole message, taken literally."""
    return "^" + re.escape(message) + "$"


def answers(*agreed: int) -> dict[int, bool]:
    """STarT Back answers with the listed items True and the others False."""
    return {n: n in agreed for n in range(1, 10)}


@pytest.mark.parametrize("agreed, total, psychosocial, risk", [
    ((), 0, 0, "low"),
    ((1, 2, 3), 3, 0, "low"),                     # total 3: still low
    ((5, 6, 7), 3, 3, "low"),                     # total 3, subscale 3: low
    ((1, 2, 3, 4), 4, 0, "medium"),               # total 4, subscale 0: medium
    ((1, 5, 6, 7), 4, 3, "medium"),               # total 4, subscale 3: medium
    ((1, 2, 3, 4, 5, 6, 7), 7, 3, "medium"),      # high total but subscale 3: medium
    ((5, 6, 7, 8), 4, 4, "high"),                 # subscale 4: high
    ((1, 2, 3, 4, 6, 7, 8, 9), 8, 4, "high"),
    ((1, 2, 3, 4, 5, 6, 7, 8, 9), 9, 5, "high"),
])
def test_start_back_scores_and_risk(agreed, total, psychosocial, risk):
    assert start_back(answers(*agreed)) == StartBackResult(total, psychosocial, risk)


def test_start_back_all_512_answer_sets_follow_the_published_rule():
    # Rule from fact sheet §4c [PP-SBT]: low total 0-3; medium total >= 4 and subscale <= 3;
    # high subscale 4-5. Written here independently of the module.
    for combo in itertools.product([False, True], repeat=9):
        given_answers = dict(zip(range(1, 10), combo))
        total, subscale = sum(combo), sum(combo[4:])
        expected = ("high" if subscale >= 4 else "medium" if total >= 4 else "low")
        result = start_back(given_answers)
        assert (result.total, result.psychosocial, result.risk) == (total, subscale, expected)
        if result.risk == "high":
            assert result.total >= 4


def test_start_back_result_is_frozen():
    result = start_back(answers())
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.risk = "high"


def test_start_back_accepts_any_mapping_in_any_order():
    reordered = dict(reversed(list(answers(5, 6, 7, 8).items())))
    assert start_back(reordered).risk == "high"


@pytest.mark.parametrize("bad, message", [
    ({n: False for n in range(1, 10) if n != 3},
     "item 3 is missing; answer every item 1 to 9 with True or False"),
    ({1: True, 2: False},
     "items 3, 4, 5, 6, 7, 8 and 9 are missing; answer every item 1 to 9 with True or False"),
    ({**answers(), 10: True}, "item 10 is not on the tool; items are numbered 1 to 9"),
    ({**answers(), 0: True}, "item 0 is not on the tool; items are numbered 1 to 9"),
    ({**answers(), "3": True}, "item '3' is not an item number; use the whole numbers 1 to 9"),
    ({True: True, **{n: False for n in range(2, 10)}}, "item True is not an item number; use the whole numbers 1 to 9"),
    ({**answers(), 4: 1}, "item 4 must be True or False, got 1 (int)"),
    ({**answers(), 9: 0}, "item 9 must be True or False, got 0 (int)"),
    ({**answers(), 5: "yes"}, "item 5 must be True or False, got 'yes' (str)"),
    ({**answers(), 6: None}, "item 6 must be True or False, got None (NoneType)"),
    ([True] * 9, "answers must be a mapping of item number (1 to 9) to True or False, got list"),
])
def test_start_back_rejects_bad_answers_naming_the_problem(bad, message):
    with pytest.raises(ValueError, match=exact(message)):
        start_back(bad)


def test_start_back_items_are_a_labelled_teaching_paraphrase():
    assert len(START_BACK_ITEMS) == 9
    assert [item.number for item in START_BACK_ITEMS] == list(range(1, 10))
    assert [item.number for item in START_BACK_ITEMS if item.psychosocial] == [5, 6, 7, 8, 9]
    assert [item.domain for item in START_BACK_ITEMS] == [
        "referred leg pain", "comorbid pain", "disability", "disability",
        "fear", "anxiety", "catastrophising", "low mood", "bothersomeness"]
    assert len({item.text for item in START_BACK_ITEMS}) == 9
    assert all(10 < len(item.text) < 130 for item in START_BACK_ITEMS)
    nocebo = ("wear and tear", "slipped", "degenerat", "damage", "instability")
    assert not [w for item in START_BACK_ITEMS for w in nocebo if w in item.text.lower()]
    assert "paraphrase" in START_BACK_SOURCE and "keele.ac.uk/startback" in START_BACK_SOURCE
    with pytest.raises(dataclasses.FrozenInstanceError):
        START_BACK_ITEMS[0].text = "changed"
