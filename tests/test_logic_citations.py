"""logic.citations: cited keys in order without repeats, notebook citations from markdown only, unknown keys."""
from __future__ import annotations

from backcare.logic.citations import cited_keys, notebook_cited_keys, unknown_keys


def test_cited_keys_in_order_of_first_appearance():
    assert cited_keys("a [@B2] b [@A1; @B2] c [@C3;@A1] [not @D4]") == ["B2", "A1", "C3"]
    assert cited_keys("") == [] and cited_keys(None) == []


def test_notebook_citations_come_from_markdown_not_code():
    nb = {"cells": [{"cell_type": "markdown", "source": ["x [@A1]", " y [@B2]"]},
                    {"cell_type": "code", "source": "print('[@C3]')"},
                    {"cell_type": "markdown", "source": "z [@A1] [@D4]"}]}
    assert notebook_cited_keys(nb) == ["A1", "B2", "D4"]


def test_unknown_keys_sorted_without_repeats():
    assert unknown_keys(["Z9", "A1", "Z9", "B2"], {"A1": 1}) == ["B2", "Z9"]
    assert unknown_keys([], []) == []
