"""logic.reference_labels: short in-text labels from a stored label, a person's surname, or an organisation."""
from __future__ import annotations

from types import SimpleNamespace

from backcare.logic.reference_labels import reference_label


def _ref(authors, year=2012, code=None, label=None):
    return SimpleNamespace(authors=authors, year=year, code=code, label=label)


def test_a_stored_label_wins():
    assert reference_label(_ref("Anyone A", label="NICE NG59 2016")) == "NICE NG59 2016"


def test_first_author_surname_and_year():
    assert reference_label(_ref("da C Menezes Costa L, Maher CG")) == "Costa 2012"
    assert reference_label(_ref("Hill JC; Whitehurst DG", year=2011)) == "Hill 2011"


def test_an_organisation_uses_its_code_or_name_and_says_when_undated():
    assert reference_label(_ref("National Institute for Health and Care Excellence", 2016, code="NG59")) == "NG59 2016"
    assert reference_label(_ref("World Health Organization", None)) == "World Health Organization undated"
