"""backcare.lessons.quiz: load_bank through the content loader, bc.quiz / bc.self_check, and the bank-checking command."""
from __future__ import annotations

import re

import ipywidgets as widgets
import pytest

from backcare.content import ContentError
from backcare.lessons.quiz import load_bank, quiz

from quiz_support import multiple, numeric, single  # noqa: F401


# ---- loading banks from YAML --------------------------------------------------------------------------------------
GOOD_YAML = """\
chapter: {chapter}
questions:
  - id: q1
    kind: single
    prompt: Pick one.
    objective: Tell A from B.
    references: [{key}]
    options:
      - text: A
        correct: true
        feedback: A is right because it is the first letter.
      - text: B
        correct: false
        feedback: B is tempting because it sounds like A.
    skill: recall
"""


def test_load_bank_reports_unknown_reference_key_with_file_and_key(tmp_path):
    path = tmp_path / "00_start_here.yaml"
    path.write_text(GOOD_YAML.format(chapter="00_start_here", key="NoSuchKey1999"), encoding="utf-8")
    with pytest.raises(ContentError, match=re.escape(
            f"{path}:7: questions.0.references.0: unknown reference key 'NoSuchKey1999': add it to references.yaml")):
        load_bank(path)


def test_load_bank_reports_chapter_that_does_not_match_the_file(tmp_path):
    known_key = sorted(_known_keys())[0]
    path = tmp_path / "01_causes.yaml"
    path.write_text(GOOD_YAML.format(chapter="00_start_here", key=known_key), encoding="utf-8")
    with pytest.raises(ContentError, match=re.escape(path.as_posix()) + r":\d+: " + re.escape(
            "chapter: chapter '00_start_here' does not match the file name '01_causes'")):
        load_bank(path)


def test_load_bank_reports_yaml_traps_with_line_numbers(tmp_path):
    path = tmp_path / "00_start_here.yaml"
    text = GOOD_YAML.format(chapter="00_start_here", key="X").replace("correct: false", "correct: no")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match=r":13: questions\.0\.options\.1\.correct: 'no' is text"):
        load_bank(path)


def test_load_bank_unknown_chapter():
    with pytest.raises(ContentError, match=r"content/quiz/99_nowhere.yaml: no such file; files matching quiz/\*.yaml "
                                           r"are quiz/00_start_here.yaml"):
        load_bank("99_nowhere")


def _known_keys() -> set[str]:
    from backcare.content import load_content

    return set(load_content().references)



def test_start_here_widget_from_chapter_name():
    w = quiz("00_start_here")
    assert w._repr_mimebundle_()["text/plain"].startswith(
        "Self-check: 5 questions (3 single choice, 1 multiple choice, 1 numeric)\n1. ")


def test_main_checks_banks_and_reports_problems(tmp_path, capsys):
    from backcare.lessons.quiz import main

    assert main(["00_start_here"]) == 0
    assert capsys.readouterr().out == (
        "ok   content/quiz/00_start_here.yaml: 5 questions (3 single choice, 1 multiple choice, 1 numeric)\n")
    bad = tmp_path / "00_start_here.yaml"
    bad.write_text(GOOD_YAML.format(chapter="00_start_here", key="NoSuchKey1999"), encoding="utf-8")
    assert main([str(bad), "00_start_here"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "FAIL 1 problem in course content:",
        f"  {bad}:7: questions.0.references.0: unknown reference key 'NoSuchKey1999': add it to references.yaml",
        "ok   content/quiz/00_start_here.yaml: 5 questions (3 single choice, 1 multiple choice, 1 numeric)",
    ]
