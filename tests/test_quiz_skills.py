"""Issue 16 item 5: every chapter's self-check tests understanding, not memory of dates and rules.

Each question in ``content/quiz/*.yaml`` declares its ``skill`` (application, concept or recall), classified by
reading the item: *application* means a short case to work through, or a chart, table or result to read. Every chapter
(any stem, split parts 03a/03b/05a/05b included) needs a bank with at least two application items, and no item's
right answer may be a date.
"""
from __future__ import annotations

import re

import pytest
import yaml
from pydantic import ValidationError

from backcare.content.quiz import SKILLS, QuestionBank
from backcare.lessons.quiz import load_bank
from backcare.paths import chapter_notebooks

from quiz_support import QUIZ_DIR

MIN_APPLICATION = 2
CHAPTERS = [p.stem for p in chapter_notebooks() if p.stem[:2] != "99"]
# A right answer that is a date (a day with a month, or a month with a year).
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE = re.compile(rf"\b(\d{{1,2}} ({_MONTHS})|({_MONTHS}) \d{{4}}|({_MONTHS}) \d{{1,2}},? \d{{4}})\b")


def test_the_chapters_are_found():
    assert "00_start_here" in CHAPTERS and "07_case_studies" in CHAPTERS
    assert len(CHAPTERS) >= 8


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_chapter_has_at_least_two_application_items(chapter):
    assert (QUIZ_DIR / f"{chapter}.yaml").exists(), f"{chapter} has no self-check bank content/quiz/{chapter}.yaml"
    bank = load_bank(chapter)
    counts = bank.skill_counts()
    assert counts["application"] >= MIN_APPLICATION, (
        f"content/quiz/{chapter}.yaml has {counts['application']} application item(s) (a short case, or a chart or "
        f"result to read); issue 16 item 5 asks for at least {MIN_APPLICATION}. Skills now: {counts}"
    )


def _date_answers(bank: QuestionBank) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for q in bank.questions:
        answers = [o.text for o in q.options or [] if o.correct]
        hits = [m.group(0) for text in answers for m in DATE.finditer(text)]
        if hits:
            found[f"{bank.chapter}:{q.id}"] = hits
    return found


def test_no_right_answer_is_a_date():
    found: dict[str, list[str]] = {}
    for path in sorted(QUIZ_DIR.glob("*.yaml")):
        found.update(_date_answers(load_bank(path.stem)))
    assert not found, f"self-check items whose right answer is a date (issue 16 item 5): {found}"


@pytest.mark.parametrize("text, is_date", [
    ("from 1 July 2021", True), ("in March 2016", True), ("on July 1, 2021", True),
    ("at 52 weeks", False), ("WHO 2023 guideline", False), ("1 in 100 people", False), ("May help", False),
])
def test_the_date_rule(text, is_date):
    assert bool(DATE.search(text)) is is_date


def _bank(questions):
    return {"chapter": "00_start_here", "questions": questions}


def _question(qid, **extra):
    return {"id": qid, "kind": "single", "prompt": "Pick one.", "objective": "Tell A from B.", "options": [
        {"text": "A", "correct": True, "feedback": "A is right because it is the first letter."},
        {"text": "B", "correct": False, "feedback": "B is tempting because it sounds like A."}], **extra}


def test_a_bank_question_without_a_skill_is_refused_by_name():
    data = _bank([_question("has_one", skill="recall"), _question("lacks_one")])
    with pytest.raises(ValidationError, match=r"every question in a bank needs 'skill' \(one of application, concept, "
                                              r"recall\); missing in: lacks_one"):
        QuestionBank.model_validate(data)


def test_an_unknown_skill_is_refused_with_the_allowed_values():
    with pytest.raises(ValidationError, match=r"skill\n  Input should be 'application', 'concept' or 'recall'"):
        QuestionBank.model_validate(_bank([_question("q1", skill="memory")]))


def test_skill_counts_on_a_real_bank_match_its_file():
    raw = yaml.safe_load((QUIZ_DIR / "02_assessment_and_diagnosis.yaml").read_text())
    expected = {s: sum(q["skill"] == s for q in raw["questions"]) for s in SKILLS}
    assert load_bank("02_assessment_and_diagnosis").skill_counts() == expected
    assert sum(expected.values()) == len(raw["questions"])
