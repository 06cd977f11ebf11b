"""views.citations: each [@Key] group in prose becomes one link to the first key's entry, labels escaped."""
from __future__ import annotations

import pytest

from backcare.views.citations import render_citations


def test_a_group_of_keys_is_one_link_to_the_first_entry():
    labels = {"A1": "Smith 2020", "B2": "O'Neil & Co 2019"}
    assert render_citations("See [@A1; @B2] and [@B2].", labels) == (
        'See <a class="bc-cite" href="#ref-A1">(Smith 2020; O&#x27;Neil &amp; Co 2019)</a> and '
        '<a class="bc-cite" href="#ref-B2">(O&#x27;Neil &amp; Co 2019)</a>.')


def test_text_without_citations_is_unchanged_and_an_unknown_key_is_named():
    assert render_citations("No [citation] here [@]", {}) == "No [citation] here [@]"
    with pytest.raises(KeyError, match="unknown reference key Zz9: add it to content/references.yaml"):
        render_citations("[@A1; @Zz9]", {"A1": "A"})
