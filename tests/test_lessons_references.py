"""lessons.references: a notebook's References list holds exactly the keys its prose cites, in order of first
citation; an unknown key is named."""
from __future__ import annotations

import json

import pytest

from backcare.lessons.references import ReferenceList, references_for


def test_references_follow_the_order_of_first_citation(tmp_path):
    nb = {"cells": [{"cell_type": "markdown", "source": "a [@Costa2012] b [@ACP2017; @Costa2012]"},
                    {"cell_type": "code", "source": "x = 1  # [@WHO2023] in code is not a citation"}]}
    path = tmp_path / "n.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    refs = references_for(path)
    assert refs.keys == ("Costa2012", "ACP2017")
    bundle = refs._repr_mimebundle_()
    assert bundle["text/plain"].startswith("1. ") and "\n2. Qaseem A" in bundle["text/plain"]
    assert bundle["text/html"].startswith('<ol class="bc-references"><li id="ref-Costa2012">')


def test_unknown_keys_are_named():
    with pytest.raises(KeyError, match="unknown reference keys Nope2020: add them to content/references.yaml"):
        ReferenceList(("Costa2012", "Nope2020")).to_html()
