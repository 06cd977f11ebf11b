"""backcare.choices: one message format for a value that is not one of the allowed values."""
from __future__ import annotations

import pytest

from backcare.choices import MAX_LISTED, check_choice, choice_message, similar


def test_known_value_is_returned_unchanged():
    assert check_choice("ACP", ("NICE", "ACP"), what="guideline") == "ACP"
    assert check_choice(3, range(6), what="invasiveness level") == 3


def test_message_format_with_similar_hint():
    with pytest.raises(ValueError) as err:
        check_choice("facet_injections", ["facet_joint_injection", "nsaids", "opioids"], what="treatment")
    assert str(err.value) == ("'facet_injections' is not a valid treatment; supported values are "
                              "facet_joint_injection, nsaids, opioids (similar: facet_joint_injection)")


def test_long_lists_are_shortened_not_dumped():
    ids = [f"treatment_{i:02d}" for i in range(38)]
    msg = choice_message("treatmnt_05", ids, what="treatment")
    assert msg.count("treatment_") <= MAX_LISTED + 3
    assert f"and {38 - MAX_LISTED} more" in msg
    assert "(similar: treatment_05" in msg


def test_no_hint_when_nothing_is_close_and_sets_are_sorted():
    with pytest.raises(ValueError, match=r"^'zzz' is not a valid guideline; supported values are ACP, NICE, WHO$"):
        check_choice("zzz", {"WHO", "NICE", "ACP"}, what="guideline")


def test_unhashable_value_is_rejected_cleanly():
    with pytest.raises(ValueError, match=r"^\['a'\] is not a valid chapter"):
        check_choice(["a"], {"00": 1}.keys(), what="chapter")


def test_similar_is_case_insensitive_and_returns_allowed_spelling():
    assert similar("nice", ["NICE", "ACP"]) == ["NICE"]
    assert similar("rf_ablation", ["rf_denervation", "acupuncture"]) == ["rf_denervation"]
