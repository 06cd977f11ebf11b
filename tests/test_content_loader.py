"""Strict YAML loader and models: one broken fixture per trap and rule, plus the loader's own behaviour."""
from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel, ConfigDict

from backcare.content import ContentError, load_content, load_yaml_model, read_content
from backcare.content.yamlio import parse_yaml

DATA = Path(__file__).parent / "data"


def _line(fixture: str, line: int, path: str, message: str, allowed: str | None = None) -> str:
    """A regex for one full problem line: file:line: dotted.path: message (allowed: ...)."""
    text = f"tests/data/{fixture}:{line}: {path}: {message}" if path else f"tests/data/{fixture}:{line}: {message}"
    pattern = re.escape(text)
    if allowed is not None:
        pattern += re.escape(f" (allowed: {allowed})")
    return pattern + "$"


COMPARATORS = ("placebo, sham, usual_care, no_treatment, another_treatment, delayed_surgery, non_surgical_care, "
               "exercise_alone")
FACT_FIELDS = "id, statement, value, low, high, unit, reference, confidence, approximate, note"

# fixture file -> (line, dotted path, message, allowed values or None)
CASES = {
    "duplicate_key.facts.yaml": (8, "facts.0.value", "duplicate key 'value' (first given on line 4); each key once",
                                 None),
    "yes_no_boolean.treatments.yaml": (6, "treatments.0.penetrates_skin",
                                       "'no' is text in course YAML, not a yes/no answer: write true or false",
                                       "true, false"),
    "wrong_type.facts.yaml": (4, "facts.0.value", "expected a number, got text 'a lot'", None),
    "unknown_key.facts.yaml": (8, "facts.0.sauce", "unknown field", FACT_FIELDS),
    "missing_field.facts.yaml": (2, "facts.0.unit", "required field is missing", None),
    "dangling_reference.facts.yaml": (6, "facts.0.reference",
                                      "unknown reference key 'Nobody2099': add it to references.yaml", None),
    "duplicate_id.facts.yaml": (8, "facts.1.id", "duplicate fact id 'test_fact' (first at line 2); fact ids are unique",
                                None),
    "unknown_tier.treatments.yaml": (4, "treatments.0.tier", "unknown value 'pill'",
                                     "self_care, non_invasive, medicine, injection_procedure, implanted_device, surgery"),
    "invasiveness_6.treatments.yaml": (5, "treatments.0.invasiveness", "unknown value 6", "0, 1, 2, 3, 4, 5"),
    "diagnostic_pain_effect.effects.yaml": (6, "effects.0.outcome",
                                            "medial_branch_block is a diagnostic procedure: it has no effect on pain "
                                            "to report", None),
    "unknown_guideline.positions.yaml": (3, "positions.0.guideline", "unknown value 'AAFP'", "NICE, ACP, WHO, CDC"),
    "unknown_direction.positions.yaml": (5, "positions.0.direction", "unknown value 'maybe'",
                                         "for, against, only_if, no_recommendation, out_of_scope, not_addressed"),
    "missing_comparator.effects.yaml": (2, "effects.0.comparator", "required field is missing", COMPARATORS),
    "html_in_text.facts.yaml": (3, "facts.0.statement",
                                "HTML or script is not allowed in course text (found a '<tag'); write plain text", None),
    "not_yaml.facts.yaml": (4, "", "not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence)",
                            None),
    "unconfirmed_with_direction.positions.yaml": (2, "positions.0",
                                                  "an unconfirmed position (verified: false) must leave direction null",
                                                  None),
    "unflagged_approximate.facts.yaml": (2, "facts.0",
                                         "confidence M means the number is not confirmed: set approximate: true", None),
    "bad_reference_key.references.yaml": (2, "references.0.key",
                                          "'Costa 2012' does not have the required form (pattern ^[A-Za-z0-9]+$)", None),
    "cdc_not_opioids.positions.yaml": (2, "positions.0.treatment", "CDC speaks only to opioids", "opioids"),
    "unsourced_harm.treatments.yaml": (12, "treatments.0.harms.common.0",
                                       "a harm needs references, or confidence M or ? while it is unsourced", None),
    "estimate_outside_interval.effects.yaml": (2, "effects.0", "estimate -7.3 is not inside its interval -5.3 to -1.3",
                                               None),
}


def _target(fixture: str) -> str:
    return fixture.split(".", 1)[1]


@pytest.mark.parametrize("fixture", sorted(CASES))
def test_each_broken_fixture_gives_exactly_its_problem(fixture):
    line, path, message, allowed = CASES[fixture]
    with pytest.raises(ContentError, match=re.compile(_line(fixture, line, path, message, allowed), re.M)) as info:
        read_content(replace={_target(fixture): DATA / fixture})
    assert len(info.value.problems) == 1, str(info.value)
    problem = info.value.problems[0]
    assert (problem.line, problem.path) == (line, path)
    assert problem.allowed == (tuple(allowed.split(", ")) if allowed else ())


def test_there_is_a_fixture_file_for_every_case_and_a_case_for_every_fixture():
    files = {p.name for p in DATA.glob("*.yaml")} - {"empty.facts.yaml", "unknown_treatment.effects.yaml"}
    assert files == set(CASES)
    assert len(CASES) >= 15


def test_empty_file_is_named():
    with pytest.raises(ContentError, match=r"tests/data/empty\.facts\.yaml: the file is empty \(expected a YAML mapping\)$"):
        read_content(replace={"facts.yaml": DATA / "empty.facts.yaml"})


def test_unknown_treatment_lists_the_known_ones():
    with pytest.raises(ContentError) as info:
        read_content(replace={"effects.yaml": DATA / "unknown_treatment.effects.yaml"})
    (problem,) = info.value.problems
    assert problem.message == "unknown treatment 'magic_pill'"
    assert "nsaids" in problem.allowed and "acupuncture" in problem.allowed


def test_all_problems_in_all_files_are_reported_together():
    with pytest.raises(ContentError) as info:
        read_content(replace={"facts.yaml": DATA / "duplicate_key.facts.yaml",
                              "treatments.yaml": DATA / "unknown_tier.treatments.yaml",
                              "positions.yaml": DATA / "unknown_direction.positions.yaml"})
    text = str(info.value)
    assert text.startswith("3 problems in course content:\n")
    assert [p.path for p in info.value.problems] == ["treatments.0.tier", "positions.0.direction", "facts.0.value"]


def test_several_problems_in_one_file_are_all_listed(tmp_path):
    bad = tmp_path / "facts.yaml"
    bad.write_text((DATA / "unknown_key.facts.yaml").read_text().replace("value: 1", "value: many")
                   .replace("    reference: Costa2012\n", ""))
    with pytest.raises(ContentError) as info:
        read_content(replace={"facts.yaml": bad})
    assert {(p.path, p.message) for p in info.value.problems} == {
        ("facts.0.value", "expected a number, got text 'many'"),
        ("facts.0.reference", "required field is missing"),
        ("facts.0.sauce", "unknown field"),
    }


def test_replace_refuses_unknown_file_names():
    with pytest.raises(ValueError, match=r"cannot replace \['quiz\.yaml'\]"):
        read_content(replace={"quiz.yaml": DATA / "empty.facts.yaml"})


def test_not_utf8_file_is_named(tmp_path):
    bad = tmp_path / "facts.yaml"
    bad.write_bytes(b"facts: \xff\xfe\n")
    with pytest.raises(ContentError, match=r"facts\.yaml: not a YAML text file \(not UTF-8 at byte 7\)$"):
        read_content(replace={"facts.yaml": bad})


# ---- the loader's scalar rules -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("a: yes", "yes"), ("a: no", "no"), ("a: on", "on"), ("a: off", "off"), ("a: Y", "Y"), ("a: NO", "NO"),
    ("a: true", True), ("a: False", False), ("a: 1:20", "1:20"), ("a: 1.10", 1.1), ("a: 010", 10),
    ("a: ~", None), ("a: null", None), ("a: '2016'", "2016"), ("a: 0x10", 16), ("a: 1e3", 1000.0),
])
def test_yaml_scalars_follow_the_core_schema(text, expected):
    doc, problems = parse_yaml(text + "\n", "x.yaml")
    assert problems == []
    assert doc.data["a"] == expected and type(doc.data["a"]) is type(expected)


class _Versioned(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")
    version: str
    count: int
    share: float
    flag: bool
    kind: typing.Literal["a", "b"]


def test_plain_numbers_stay_text_where_the_model_says_str(tmp_path):
    f = tmp_path / "v.yaml"
    f.write_text("version: 1.10\ncount: 3\nshare: 2\nflag: true\nkind: a\n")
    assert load_yaml_model(f, _Versioned) == _Versioned(version="1.10", count=3, share=2.0, flag=True, kind="a")


class _Option(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")
    text: str
    note: str
    correct: bool


def test_dates_and_booleans_stay_text_where_the_model_says_str(tmp_path):
    f = tmp_path / "o.yaml"
    f.write_text("text: True\nnote: 2016-11-30\ncorrect: false\n")
    assert load_yaml_model(f, _Option) == _Option(text="True", note="2016-11-30", correct=False)
    f.write_text("text: null\nnote: x\ncorrect: False\n")
    with pytest.raises(ContentError, match=r"o\.yaml:1: text: expected text, got nothing \(null\)$"):
        load_yaml_model(f, _Option)


def test_load_yaml_model_reports_every_problem_with_line_and_allowed_values(tmp_path):
    f = tmp_path / "v.yaml"
    f.write_text("version: 1\ncount: 2.5\nshare: x\nflag: off\nkind: c\nextra: 1\n")
    with pytest.raises(ContentError) as info:
        load_yaml_model(f, _Versioned)
    got = [(p.line, p.path, p.allowed) for p in info.value.problems]
    assert got == [(2, "count", ()), (3, "share", ()), (4, "flag", ("true", "false")), (5, "kind", ("a", "b")),
                   (6, "extra", ("version", "count", "share", "flag", "kind"))]
    assert info.value.problems[0].message == "expected a whole number, got a number 2.5"


def test_load_yaml_model_on_a_list_at_top_level(tmp_path):
    f = tmp_path / "v.yaml"
    f.write_text("- 1\n- 2\n")
    with pytest.raises(ContentError, match=r"v\.yaml:1: expected a YAML mapping at the top level, got a list"):
        load_yaml_model(f, _Versioned)


def test_missing_file_is_a_content_error(tmp_path):
    with pytest.raises(ContentError, match=r"nope\.yaml: cannot read the file: No such file or directory$"):
        load_yaml_model(tmp_path / "nope.yaml", _Versioned)


def test_merge_keys_and_several_documents_are_refused():
    _, problems = parse_yaml("base: &b {x: 1}\nother:\n  <<: *b\n", "m.yaml")
    assert [str(p) for p in problems] == [
        "m.yaml:3: other: merge keys (<<) are not allowed in course content; write the values out"]
    _, problems = parse_yaml("a: 1\n---\na: 2\n", "m.yaml")
    assert [p.message for p in problems] == ["holds several YAML documents (---); put one document per file"]


def test_dates_are_real_calendar_dates(tmp_path):
    from backcare.content.reviews import ReviewRecord

    f = tmp_path / "r.yaml"
    f.write_text("reviewer: Dr A Reviewer\nprofession: GP\ndate: 2026-02-30\nscope: [04_medicines]\nhashes: [ab]\n")
    with pytest.raises(ContentError, match=r"r\.yaml:3: date: '2026-02-30' is not a real calendar date"):
        load_yaml_model(f, ReviewRecord)


# ---- speed and caching -------------------------------------------------------------------------------------

def test_load_content_is_cached():
    # Performance is measured by `python -m backcare bench`, not timed in tests (timings flake on a shared machine).
    fresh = read_content()
    assert load_content() is load_content()
    assert fresh is not load_content()
    assert fresh.treatments.keys() == load_content().treatments.keys()


# ---- property: any text written by a YAML dumper reads back as the same text ---------------------------------

class _Texts(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")
    a: str
    b: list[str]
    flag: bool
    n: int


def test_text_round_trips_through_yaml_whatever_it_looks_like(tmp_path_factory):
    import yaml
    from hypothesis import given, settings
    from hypothesis import strategies as st

    folder = tmp_path_factory.mktemp("roundtrip")
    printable = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20)
    tricky = st.sampled_from(["yes", "no", "on", "off", "1.10", "1e3", "0x10", "0o17", "2016-11-30", "True", "~",
                              "null", "1:20", "<<", "", " leading", "a: b", "- x", "#c"])
    texts = st.one_of(printable, tricky)

    @settings(max_examples=60, deadline=None)
    @given(a=texts, b=st.lists(texts, max_size=4), flag=st.booleans(), n=st.integers(-10**6, 10**6))
    def check(a, b, flag, n):
        original = _Texts(a=a, b=b, flag=flag, n=n)
        f = folder / "t.yaml"
        f.write_text(yaml.safe_dump(original.model_dump(), allow_unicode=True), encoding="utf-8")
        assert load_yaml_model(f, _Texts) == original

    check()
