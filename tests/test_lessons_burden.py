"""lessons.burden: burden chart and summary, definitions, approximate causes (exact values from the fact sheet)."""
from __future__ import annotations

from backcare.lessons.burden import approximate_causes_table, burden_summary, definitions_table, show_burden


def test_burden_alt_text_and_summary():
    alt = show_burden().alt
    for part in ("619 million", "554 to 694", "843 million", "759 to 933"):
        assert part in alt
    text = burden_summary().text
    assert "1 (the leading cause)" in text and "about 8%" in text
    assert "about age 15" in text and "80 to 85" in text and "50 to 55" in text


def test_definitions_table_cutoffs():
    text = definitions_table().text
    assert "ACP 2017 | under 4 weeks | 4 to 12 weeks | over 12 weeks" in text
    assert "| under 1 month | 1 to 3 months | over 3 months" in text
    assert "over 3 months and not explained by another disease" in text
    assert "lasting at least one day" in text


def test_approximate_causes_are_all_marked_approximate():
    lines = approximate_causes_table().text.splitlines()[1:]
    assert len(lines) == 11 and all(line.endswith("~ approximate") for line in lines)
    shares = {line.split(" | ")[0].split(" (")[0]: line.split(" | ")[1] for line in lines}
    assert shares["Lumbar strain or sprain"] == "about 70%"
    assert shares["Spondylolisthesis"] == "about 2 to 3%"
    assert shares["Cancer"] == "about 0.7%"
    assert shares["Cauda equina syndrome"] == "about 0.04%"
    assert shares["Spinal infection"] == "about 0.01%"
    assert "Deyo 1992" in lines[-2]
