"""backcare.content.registry and store: every content file is registered, read by one loader, checked by one command."""
from __future__ import annotations

import subprocess
import sys

import pytest

from backcare.content import ContentError, check_all, entry_for, load, read, registered_files
from backcare.content.cites import citations, cited_keys
from backcare.content.registry import REGISTRY, unregistered_files
from backcare.content.summary import check


def test_every_yaml_file_under_content_is_registered():
    names = [n for n, _ in registered_files()]
    assert unregistered_files() == []
    for expected in ("treatments.yaml", "glossary.yaml", "teaching.yaml", "prose_numbers.yaml",
                     "chapters/vignettes.yaml", "chapters/seed_claims.yaml", "chapters/05_procedures.yaml",
                     "quiz/07_case_studies.yaml"):
        assert expected in names


def test_core_files_are_registered_with_the_loader_models():
    from backcare.content.models import FILES
    from backcare.content.registry import CORE_FILES

    assert CORE_FILES == tuple(FILES)
    for name, model in FILES.items():
        assert entry_for(name).model_class() is model


def test_every_entry_names_an_importable_model_and_a_description():
    for entry in REGISTRY:
        assert entry.model_class().model_fields, entry.pattern
        assert entry.about


def test_each_pattern_is_registered_once():
    """Two entries for one pattern let the first win silently (reviews/*.yaml was listed twice, once without its
    schema)."""
    patterns = [e.pattern for e in REGISTRY]
    assert len(patterns) == len(set(patterns)), sorted(p for p in patterns if patterns.count(p) > 1)


def test_unknown_file_name_gets_the_one_message_format():
    with pytest.raises(ValueError, match=r"^'glosary.yaml' is not a valid content file; supported values are "
                                         r".*\(similar: glossary.yaml[^)]*\)"):
        entry_for("glosary.yaml")


def test_load_is_cached_and_accepts_a_content_prefix():
    assert load("content/glossary.yaml") is load("glossary.yaml")


def test_missing_file_matching_a_glob_names_the_known_ones():
    with pytest.raises(ContentError, match=r"quiz/99_nowhere.yaml: no such file; files matching quiz/\*.yaml are "
                                           r"quiz/00_start_here.yaml"):
        load("quiz/99_nowhere.yaml")


def test_unknown_reference_is_reported_with_file_line_field_and_hint(content_copy):
    bank = content_copy / "quiz" / "04_medicines.yaml"
    text = bank.read_text(encoding="utf-8")
    first_key = citations(load("quiz/04_medicines.yaml"))[0][2]
    bank.write_text(text.replace(first_key, first_key + "x", 1), encoding="utf-8")
    lines = bank.read_text(encoding="utf-8").splitlines()
    line = next(i for i, t in enumerate(lines, 1) if first_key + "x" in t)
    with pytest.raises(ContentError) as err:
        read("quiz/04_medicines.yaml")
    (problem,) = err.value.problems
    assert (problem.file, problem.line) == ("content/quiz/04_medicines.yaml", line)
    assert problem.path.startswith("questions.") and ".references." in problem.path
    assert problem.message.startswith(f"unknown reference key '{first_key}x': add it to references.yaml "
                                      f"(similar: {first_key}")


def test_check_collects_every_problem_in_every_file(content_copy, capsys):
    (content_copy / "teaching.yaml").write_text("professions: []\n",
                                                encoding="utf-8")
    glossary = content_copy / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "extra_field: 1\n", encoding="utf-8")
    (content_copy / "chapters" / "notes.yaml").write_text("a: 1\n", encoding="utf-8")
    problems = [str(p) for p in check_all()]
    assert any(p.startswith("content/teaching.yaml:1: professions:") for p in problems)
    assert any(p.startswith("content/glossary.yaml:") and "extra_field: unknown field" in p for p in problems)
    assert "content/chapters/notes.yaml: not in the content registry: add a line to " \
           "backcare.content.registry.REGISTRY" in problems
    assert check() == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{len(problems)} problems in course content:")


def test_check_passes_on_the_course_content(capsys):
    assert check() == 0
    assert "no problems" in capsys.readouterr().out


def test_cli_content_check_exit_code():
    done = subprocess.run([sys.executable, "-m", "backcare", "content", "--check"], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{len(registered_files())} files checked" in done.stdout


def test_every_model_lists_the_keys_it_cites():
    kinds = {kind for _loc, kind, _key in citations(load("chapters/06_comparing_options.yaml"))}
    assert kinds == {"reference", "fact", "effect", "treatment"}
    for name, _entry in registered_files():
        if name not in ("references.yaml", "teaching.yaml", "prose_numbers.yaml", "cast.yaml"):  # cast: people, no facts
            assert cited_keys(load(name)), f"{name} cites no reference"


def test_reference_uses_cover_every_registered_file(content_copy):
    """Keys cited by any registered file count as used: a key no file cites shows up once the glossary cites it."""
    from backcare.content import clear_cache
    from backcare.content.cites import reference_uses

    uses = reference_uses()
    files = {f for names in uses.values() for f in names}
    assert {"glossary.yaml", "chapters/vignettes.yaml", "quiz/04_medicines.yaml",
            "answers/01_understanding_back_pain.yaml"} <= files
    assert "Balague2012" not in uses  # prose-only in the course content
    glossary = content_copy / "glossary.yaml"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(text.replace("references: [WHOFactSheet2023, Oliveira2018]",
                                     "references: [WHOFactSheet2023, Oliveira2018, Balague2012]", 1), encoding="utf-8")
    clear_cache()
    assert reference_uses()["Balague2012"] == ["glossary.yaml"]


def test_review_records_are_registered_and_read_by_the_loader(content_copy):
    from backcare.content.reviews import load_reviews

    assert load_reviews() == []  # none yet: no placeholder reviewer is ever written
    (content_copy / "reviews").mkdir(exist_ok=True)  # holds a README until a real record exists
    (content_copy / "reviews" / "2026-01-02_example.yaml").write_text(
        "reviewer: A. Example\nprofession: physiotherapist\ndate: 2026-01-02\nscope: [04_medicines]\n"
        "hashes: ['0123456789abcdef']\nextra: 1\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"content/reviews/2026-01-02_example.yaml:6: extra: unknown field"):
        load_reviews()
