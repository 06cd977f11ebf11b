"""backcare.fmt: the one formatting module (numbers, intervals, comparators, percentages, frequencies)."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from backcare import fmt


@pytest.mark.parametrize("x, text", [(-7.29, "−7.29"), (10.0, "10"), (0.4, "0.4"), (-0.0, "−0"), (1234567.0, "1.23457e+06")])
def test_num_uses_true_minus_and_shortest_form(x, text):
    assert fmt.num(x) == text


def test_interval_and_missing_interval():
    assert fmt.interval(-5.33, -1.27) == "−5.33 to −1.27"
    assert fmt.interval(None, None) == "interval not reported"
    assert fmt.interval(None, None, missing="not given") == "not given"


def test_minus_changes_only_signs_of_numbers():
    assert fmt.minus("MD -3.3 (-5.33 to -1.27), 10-20 days, T-2") == "MD −3.3 (−5.33 to −1.27), 10-20 days, T-2"


def test_comparator_words_and_detail():
    assert fmt.comparator("usual_care") == "usual care"
    assert fmt.comparator("another_treatment", "NSAIDs and exercise") == "NSAIDs and exercise"
    assert fmt.comparator("another_treatment", "Exercise alone") == "exercise alone"
    with pytest.raises(ValueError, match="'nothing' is not a valid comparator; supported values are another_treatment"):
        fmt.comparator("nothing")


@pytest.mark.parametrize("x, per, text", [(100, 1000, "10%"), (16, 1000, "1.6%"), (0.5, 1000, "0.05%"),
                                          (1, 3, "33%"), (1000, 1000, "100%")])
def test_share_of(x, per, text):
    assert fmt.share_of(x, per) == text


@pytest.mark.parametrize("p, text", [(0.0, "0.0%"), (0.0004, "less than 0.1%"), (0.001, "0.1%"),
                                     (0.9995, "more than 99.9%"), (1.0, "100.0%")])
def test_bounded_percent_never_rounds_a_nonzero_chance_to_zero(p, text):
    assert fmt.bounded_percent(p) == text


def test_counts_plain_values_and_ranges():
    assert fmt.count(10000.0) == "10,000" and fmt.count(2.5) == "2.5"
    assert fmt.plain(3.0) == "3" and fmt.plain(None) == "" and fmt.plain(7) == "7"
    assert fmt.number(52.0) == 52 and isinstance(fmt.number(52.0), int) and fmt.number(0.5) == 0.5
    assert fmt.value_or_range(None, 1, 2.5) == "1 to 2.5" and fmt.value_or_range(3.0, 1, 5) == "3"
    assert fmt.span("low", "low") == "low" and fmt.span(1, 2) == "1 to 2"
    assert fmt.counted(1, "has", "have") == "1 has" and fmt.counted(2000, "has", "have") == "2,000 have"
    assert fmt.percent(0.904) == "90%" and fmt.percent(0.0095, 2) == "0.95%"
    assert fmt.out_of(10_000, "people") == "in every 10,000 people"


def test_per_scale_moves_rare_events_to_ten_thousand():
    assert fmt.per_scale(0.3, 0.7, 1000) == (3.0, 7.0, 10_000)
    assert fmt.per_scale(1, 2, 1000) == (1, 2, 1000)
    assert fmt.per_scale(0.3, 0.7, 100) == (0.3, 0.7, 100)


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))
def test_round_half_up_is_within_a_half(x):
    assert abs(fmt.round_half_up(x) - x) <= 0.5


def test_round_half_up_halves_go_up():
    assert [fmt.round_half_up(x) for x in (0.5, 1.5, 2.5, 2.4999)] == [1, 2, 3, 2]


# ---- natural-frequency sentences (moved from test_procedures) ----
from backcare.logic.procedures import frequency  # noqa: E402


@pytest.mark.parametrize("fid, expected", [
    ("discectomy_complications",
     "About 16 in every 1,000 people had a complication of surgery such as a tear of the membrane around the nerves "
     "or bleeding (Peul 2007 trial) (1.6%). Approximate figure."),
    ("discectomy_repeat_surgery_1_year",
     "Fewer than 40 in every 1,000 people needed a repeat operation for a recurrent herniation within 1 year "
     "(under 4%). Approximate figure."),
    ("decompression_side_effects",
     "Between 100 and 240 in every 1,000 people had side effects of surgery in the surgical groups of stenosis "
     "trials (none were reported with non-surgical care) (10% to 24%)."),
    ("peul_waiting_operated_1_year",
     "About 39 in every 100 people randomised to prolonged non-surgical care had surgery within 1 year "
     "(55 of 142) (39%)."),
])
def test_frequency_sentences(fid, expected):
    assert fmt.frequency_sentence(frequency(fid)) == expected


def test_frequency_sentence_needs_a_frequency():
    with pytest.raises(TypeError, match=r"needs a Frequency \(use frequency\('<id>'\)\), not str"):
        fmt.frequency_sentence("discectomy_complications")
