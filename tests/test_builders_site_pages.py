"""backcare.builders.site_pages: navigation, notes, citation links and the contents page, from templates."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from backcare.builders import site_pages as sp
from backcare.content.notices import load_notices


@dataclass
class Meta:
    title: str
    minutes: int = 30
    objectives: list = field(default_factory=lambda: ["Explain <why> & how"])
    prerequisites: list = field(default_factory=list)


@dataclass
class Page:
    path: Path
    meta: Meta
    html_name: str
    is_instructor: bool = False


def _pages():
    return [Page(Path("00_a.ipynb"), Meta("00 A"), "00_a.html"),
            Page(Path("01_b.ipynb"), Meta("01 B & C", prerequisites=["00_a.ipynb", "05_not_built.ipynb"]), "01_b.html"),
            Page(Path("02_c.ipynb"), Meta("02 C"), "02_c.html"),
            Page(Path("99_t.ipynb"), Meta("99 Teachers"), "99_t.html", is_instructor=True)]


def test_nav_moves_between_chapters_only_and_escapes_titles():
    pages = _pages()
    nav = sp._nav(pages, 1, label="Chapters")
    assert nav == ('<nav class="bc-nav" aria-label="Chapters"><ul><li><a href="00_a.html" rel="prev">Previous: 00 A</a>'
                   '</li><li><a href="index.html">Contents</a></li><li><a href="glossary.html">Glossary</a></li>'
                   '<li><a href="02_c.html" rel="next">Next: 02 C</a></li></ul></nav>')
    assert 'rel="next"' not in sp._nav(pages, 2) and 'rel="prev"' not in sp._nav(pages, 3)
    assert "Previous: 01 B &amp; C" in sp._nav(pages, 2)


def test_notes_carry_the_one_notice_wording_and_the_teacher_note_only_for_teachers():
    notes = sp.notes_html()
    assert load_notices().urgent_symptoms.heading in notes and "Review status:" in notes
    assert "For teachers." not in notes
    assert sp.notes_html(instructor=True).startswith('<p class="bc-note"><strong>For teachers.</strong>')


def test_cite_link_points_at_the_first_reference_and_escapes_labels():
    assert sp.cite_link(["Hill2011", "Foster2018"], {"Hill2011": "Hill 2011", "Foster2018": "O'Foster 2018"}) == \
        '<a class="bc-cite" href="#ref-Hill2011">(Hill 2011; O&#x27;Foster 2018)</a>'


def test_contents_page_lists_chapters_and_teacher_pages_in_the_one_layout(tmp_path):
    html = sp.render_index(_pages(), tmp_path).read_text()
    for page in _pages():
        assert f'<a href="{page.html_name}">{page.meta.title.replace("&", "&amp;")}</a>' in html
    assert "<li>Explain &lt;why&gt; &amp; how</li>" in html  # content text is escaped
    assert html.index('<h2 id="teachers">For teachers</h2>') < html.index('href="99_t.html"')
    assert 'role="banner"' in html and 'role="contentinfo"' in html and "<title>Back pain care" in html


def test_a_full_build_removes_pages_of_chapters_that_no_longer_exist(tmp_path):
    """After 03 was split into 03a and 03b, a rebuild must not leave the old 03 page beside the parts."""
    from backcare.builders.site import remove_orphan_pages

    for name in ("03_self_care_and_non_invasive.html", "03a_self_care_and_staying_active.html", "index.html",
                 "glossary.html", "notes.html"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert remove_orphan_pages(tmp_path, {"03a_self_care_and_staying_active.html"}) == [
        "03_self_care_and_non_invasive.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "03a_self_care_and_staying_active.html", "glossary.html", "index.html", "notes.html"]
