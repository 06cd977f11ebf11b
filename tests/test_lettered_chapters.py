"""A chapter split into parts (``03a_…``, ``03b_…``, issue 16 item 4) is a chapter everywhere: discovery, selection
by number or by part, site navigation and cards, student copies, handouts, slides, review packet, reading time, the
teaching kit, and the content files keyed by its stem (answers, quiz).

The parts live in a private course folder (the ``content_copy`` fixture, with a real ``notebooks/`` folder in place of
its link to the committed one), so no made-up chapter is ever committed.
"""
from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from backcare.paths import chapter_id, chapter_notebooks, chapter_number, chapter_selected

ROOT = Path(__file__).resolve().parents[1]
PARTS = {"02_before": "Before", "03a_moving_more": "Moving more", "03b_hands_on": "Hands on", "04_after": "After"}


def _write(folder: Path, stem: str, title: str, role: str = "chapter") -> Path:
    nb = new_notebook(cells=[
        new_markdown_cell(f"# {title}\n\nA made-up page for a test.\n\n## Summary\n\n- One point.\n\n## References"),
        new_code_cell("1 + 1"),
    ])
    nb.metadata = {"backcare": {"title": title, "objectives": ["Name one thing", "Explain another", "Apply a third"], "minutes": 5,
                                "prerequisites": ["02_before"] if stem.startswith("03") else [], "role": role},
                   "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    path = folder / f"{stem}.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.fixture
def course(content_copy) -> Path:
    """A course whose notebooks are two whole chapters around a chapter in two parts, plus a teacher page."""
    root = content_copy.parent
    (root / "notebooks").unlink()
    folder = root / "notebooks"
    folder.mkdir()
    for stem, title in PARTS.items():
        _write(folder, stem, title)
    _write(folder, "99_guide", "Guide", role="instructor")
    (folder / "scratch.ipynb").write_text("{}")  # not a chapter: never picked up
    return root


def test_chapter_ids_and_numbers():
    assert [chapter_id(s) for s in ("03a_x", "03b_y", "04_z")] == ["03a", "03b", "04"]
    assert chapter_number("03b_y") == "03"
    with pytest.raises(ValueError, match="not a chapter name: expected NN_slug or NNa_slug"):
        chapter_id("3a_x")
    assert chapter_selected("03a_x", None) and chapter_selected("03a_x", [])


def test_discovery_and_selection_by_number_or_part(course):
    from backcare.builders.execute import notebook_paths

    assert [p.stem for p in chapter_notebooks()] == [*PARTS, "99_guide"]
    assert [p.stem for p in notebook_paths(["03"])] == ["03a_moving_more", "03b_hands_on"]
    assert [p.stem for p in notebook_paths(["03a"])] == ["03a_moving_more"]
    assert [p.stem for p in notebook_paths(["03b_hands_on.ipynb"])] == ["03b_hands_on"]
    with pytest.raises(SystemExit, match="no notebook matches"):
        notebook_paths(["03c"])


def test_site_navigation_and_index_cards_include_the_parts(course, tmp_path):
    from backcare.builders import site_pages
    from backcare.builders.site import discover

    pages = discover()
    assert [p.path.stem for p in pages] == [*PARTS, "99_guide"]
    assert [p.path.stem for p in discover(["03"])] == ["03a_moving_more", "03b_hands_on"]
    nav = site_pages._nav(pages, 2)  # on 03b: back to 03a, on to 04
    assert 'href="03a_moving_more.html"' in nav and 'href="04_after.html"' in nav
    nav = site_pages._nav(pages, 1)
    assert 'href="02_before.html"' in nav and 'href="03b_hands_on.html"' in nav
    assert site_pages._item(pages[2], pages)["prerequisites"][0]["id"] == "02"
    assert site_pages._short_id("03b_hands_on.ipynb") == "03b"


def test_student_copies_handouts_slides_and_review_packet_take_the_parts(course, tmp_path):
    from backcare.builders import deck, handouts
    from backcare.builders.student import write_student_copies
    from backcare.logic.review_packet import chapters

    copies = write_student_copies(tmp_path / "student")
    assert sorted(p.name for p in copies) == sorted(f"{s}.ipynb" for s in PARTS)
    assert [p.stem for p in handouts.handout_notebooks(course / "notebooks", ["03"])] == ["03a_moving_more",
                                                                                           "03b_hands_on"]
    assert [p.stem for p in handouts.handout_notebooks(course / "notebooks", ["03b"])] == ["03b_hands_on"]
    assert "Hands on" in handouts.summary_html(nbformat.read(course / "notebooks" / "03b_hands_on.ipynb", 4),
                                               "03b_hands_on.ipynb")
    (course / "node_modules").symlink_to(ROOT / "node_modules")
    decks = deck.build_decks(["03"], tmp_path / "slides")
    assert [p.name for p in decks] == ["03a_moving_more.slides.html", "03b_hands_on.slides.html"]
    assert chapters() == list(PARTS)


def test_review_packet_selection_by_number_writes_every_part(course, tmp_path, monkeypatch):
    from backcare.builders import review

    monkeypatch.setattr(review, "packet_html", lambda stem: f"<p>{stem}</p>")
    assert [p.stem for p in review.build(tmp_path / "review", only=["03"])] == ["03a_moving_more", "03b_hands_on"]
    assert [p.stem for p in review.build(tmp_path / "review", only=["03b", "02_before"])] == ["03b_hands_on",
                                                                                              "02_before"]


def test_reading_time_and_teaching_kit_read_the_parts(course):
    import re

    from backcare.content import clear_cache
    from backcare.dev.reading_time import reading_time
    from backcare.lessons.teaching import collect_chapters, teaching_by_profession

    assert reading_time(course / "notebooks" / "03a_moving_more.ipynb").stated_minutes == 5
    assert [c.meta.name for c in collect_chapters(chapter="03")] == ["03a_moving_more", "03b_hands_on"]
    assert [c.meta.name for c in collect_chapters(chapter="03b")] == ["03b_hands_on"]
    teaching = course / "content" / "teaching.yaml"  # the first profession lists a whole chapter 03 and one part
    teaching.write_text(re.sub(r"chapters: \[[^\]]*\]", 'chapters: ["03", "03b", "04"]',
                               teaching.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    clear_cache()
    shown = teaching_by_profession("medicine").visible_html()
    assert "Moving more; Hands on" in shown and "Hands on" in shown.split("Moving more; Hands on", 1)[1]
    assert "After" in shown and "not in this copy" not in shown


def test_answers_and_quiz_files_are_keyed_by_the_part_stem(course):
    from backcare.content import clear_cache
    from backcare.content.answers import load_answers
    from backcare.lessons.answers import compare_answer
    from backcare.lessons.quiz import load_bank

    content = course / "content"
    for old in [*content.glob("answers/03*_*.yaml"), *content.glob("quiz/03*_*.yaml")]:
        old.unlink()  # the committed parts of chapter 03 would share the ids "03a" and "03b"
    for folder in ("answers", "quiz"):
        source = next((ROOT / "content" / folder).glob("01_*.yaml"))
        text = source.read_text(encoding="utf-8").replace(f"chapter: {source.stem}", "chapter: 03a_moving_more")
        (content / folder / "03a_moving_more.yaml").write_text(text, encoding="utf-8")
    clear_cache()
    bank = load_bank("03a_moving_more")
    assert bank.chapter == "03a_moving_more" and bank.questions

    answers = load_answers("03a")
    assert answers.chapter == "03a_moving_more"
    shown = compare_answer("03a", answers.answers[0].id)._repr_mimebundle_()["text/html"]
    assert shown.startswith('<details class="bc-answer')
    with pytest.raises(FileNotFoundError, match="no answers file for chapter '03b'"):
        load_answers("03b")
