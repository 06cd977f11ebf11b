"""Static checks of every page of the built site: lang, one h1, alt text, no external assets, links resolve."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from backcare.charts.show import PLACEHOLDER_ALT
from backcare.paths import CHAPTER_STEM, chapter_notebooks

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = [p.stem for p in chapter_notebooks(ROOT / "notebooks")]
PAGES = ["index", "glossary"] + CHAPTERS


def _role(stem: str) -> str:
    import nbformat

    from backcare.builders.student import notebook_role

    return notebook_role(nbformat.read(ROOT / "notebooks" / f"{stem}.ipynb", as_version=4), stem)


#: Pages a student reads: every page except the instructor guide(s).
STUDENT_PAGES = ["index", "glossary"] + [s for s in CHAPTERS if _role(s) == "chapter"]


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.h1 = 0
        self.imgs: list[dict] = []
        self.assets: list[str] = []
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "h1":
            self.h1 += 1
        elif tag == "img":
            self.imgs.append(a)
            self.assets.append(a.get("src", ""))
        elif tag in ("script", "iframe", "audio", "video", "source"):
            if a.get("src"):
                self.assets.append(a["src"])
        elif tag == "link":
            self.assets.append(a.get("href", ""))
        elif tag == "a" and a.get("href"):
            self.links.append(a["href"])


def parse(path: Path) -> PageParser:
    p = PageParser()
    p.feed(path.read_text(encoding="utf-8"))
    return p


@pytest.mark.parametrize("name", PAGES)
def test_page_structure(site_page, name):
    page = parse(site_page(name))
    assert page.lang == "en"
    assert page.h1 == 1, f"{name}.html has {page.h1} h1 elements"
    assert "skip to content" in site_page(name).read_text().lower()


@pytest.mark.parametrize("name", PAGES)
def test_every_image_has_real_alt_text(site_page, name):
    for img in parse(site_page(name)).imgs:
        alt = (img.get("alt") or "").strip()
        assert len(alt) >= 15, f"{name}.html: image with empty or too short alt {alt!r}"
        assert PLACEHOLDER_ALT.lower() not in alt.lower(), f"{name}.html: nbconvert placeholder alt"


@pytest.mark.parametrize("name", PAGES)
def test_no_external_asset_urls(site_page, name):
    text = site_page(name).read_text(encoding="utf-8")
    external = [a for a in parse(site_page(name)).assets if re.match(r"^(https?:)?//", a)]
    assert not external, f"{name}.html loads external assets: {external}"
    for cdn in ("cdnjs.cloudflare.com", "unpkg.com", "cdn.jsdelivr.net", "mathjax", "fonts.googleapis.com"):
        assert cdn not in text.lower(), f"{name}.html mentions {cdn}"


@pytest.mark.parametrize("name", PAGES)
def test_internal_links_resolve(site_page, name):
    path = site_page(name)
    page = parse(path)
    for href in page.links:
        url = urlparse(href)
        if url.scheme in ("http", "https", "mailto"):
            continue
        target = path if not url.path else (path.parent / unquote(url.path))
        assert target.exists(), f"{name}.html links to missing {href}"
        if url.fragment:
            ids = page.ids if target == path else parse(target).ids
            assert url.fragment in ids, f"{name}.html links to missing anchor {href}"


def test_index_lists_every_chapter_with_its_metadata(site_dir):
    import nbformat

    from backcare.notebook_meta import chapter_meta

    text = (site_dir / "index.html").read_text()
    for stem in STUDENT_PAGES[2:]:
        meta = chapter_meta(nbformat.read(ROOT / "notebooks" / f"{stem}.ipynb", as_version=4), stem)
        assert f'href="{stem}.html"' in text
        assert f"About {meta.minutes} minutes" in text
        for objective in meta.objectives:
            assert objective.replace("&", "&amp;").replace("'", "&#x27;") in text or objective in text


def words(text: str) -> str:
    """Text as a reader sees it, for comparing markdown with rendered HTML: no tags, entities, markup characters
    (``* _ ` # >``) or list markers; whitespace collapsed."""
    import html as _html

    text = _html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = re.sub(r"^\s*(?:[-+]|\d+\.)\s+", "", text, flags=re.M)
    text = re.sub(r"[*_`#>]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def instructor_probes(full: bool = False) -> list[tuple[str, str]]:
    """(notebook, words) for every line of an instructor cell in any notebook, up to the first citation or link
    (rendered differently): its first 40 characters, or with ``full=True`` the whole line (60 characters or more)."""
    import nbformat

    from backcare.notebook_meta import is_instructor

    probes = []
    for stem in CHAPTERS:
        nb = nbformat.read(ROOT / "notebooks" / f"{stem}.ipynb", as_version=4)
        for cell in nb.cells:
            if not is_instructor(cell):
                continue
            for line in cell.source.splitlines():
                text = words(line.split("[")[0])
                if full and len(text) >= 60:
                    probes.append((stem, text))
                elif not full and len(text) >= 25:
                    probes.append((stem, text[:40]))
    return probes


def test_instructor_cells_do_not_reach_pages(site_dir):
    """No student page shows instructor text: the start of any line of its own notebook's instructor cells, or a
    whole line of another notebook's (short phrases may legitimately recur in another chapter's prose)."""
    short, full = instructor_probes(), instructor_probes(full=True)
    assert short, "no instructor cells found: the leak test would prove nothing"
    for page in STUDENT_PAGES:
        text = words((site_dir / f"{page}.html").read_text())
        for stem, probe in short:
            if stem == page:
                assert probe not in text, f"instructor text leaked into {page}.html: {probe!r}"
        for stem, probe in full:
            assert probe not in text, f"instructor text from {stem} leaked into {page}.html: {probe!r}"


def test_instructor_guide_page_collects_every_chapter(site_page):
    """The guide page (not a student page) shows each chapter's objectives and its instructor notes."""
    import nbformat

    from backcare.notebook_meta import chapter_meta

    guides = [s for s in CHAPTERS if _role(s) == "instructor"]
    assert guides, "no notebook with metadata backcare.role = instructor (the instructor guide)"
    text = words(site_page(guides[0]).read_text())
    for stem in STUDENT_PAGES[2:]:
        meta = chapter_meta(nbformat.read(ROOT / "notebooks" / f"{stem}.ipynb", as_version=4), stem)
        assert words(meta.title) in text, f"the guide does not list {stem}"
        for objective in meta.objectives:
            assert words(objective) in text, f"the guide lacks an objective of {stem}: {objective!r}"
    for stem, probe in instructor_probes():
        if stem not in guides:
            assert probe in text, f"the guide lacks instructor text of {stem}: {probe!r}"


@pytest.mark.parametrize("name", PAGES)
def test_every_page_links_glossary_notes_and_licences(site_page, name):
    text = site_page(name).read_text()
    assert 'href="glossary.html"' in text, f"{name}.html does not link the glossary"
    assert "Teaching material, not medical advice." in text
    from backcare.content.notices import load_notices

    assert load_notices().urgent_symptoms.heading in text  # the one wording, content/notices.yaml
    assert re.search(r"Review status( of this page)?:", text), f"{name}.html has no review status"
    assert 'href="https://creativecommons.org/licenses/by/4.0/"' in text and "CC BY 4.0" in text
    assert "MIT" in text


@pytest.mark.parametrize("name", CHAPTERS)
def test_pages_fetch_no_widget_code_from_a_cdn(site_page, name):
    """The html-manager falls back to jsdelivr for unknown widget modules: every page points it at a local folder."""
    class Scripts(HTMLParser):
        found: list[dict] = []

        def handle_starttag(self, tag, attrs):
            if tag == "script" and dict(attrs).get("src"):
                self.found.append(dict(attrs))

    p = Scripts()
    p.found = []
    p.feed(site_page(name).read_text())
    require = [a for a in p.found if a["src"].endswith("require.js")]
    assert require and require[0].get("data-jupyter-widgets-cdn") == "_static/no-cdn/", require


def test_static_assets_import_nothing_from_the_web(site_dir):
    """CSS bundled in the html-manager must not @import fonts (fonts.googleapis.com) or anything else remote,
    except inside a comment (ipywidgets keeps the Roboto Mono import commented out)."""
    for path in (site_dir / "_static").rglob("*"):
        if path.suffix not in (".js", ".css"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for m in re.finditer(r"@import\s+url\(\s*['\"]?(https?:)?//", text):
            assert text[max(0, m.start() - 3):m.start()].strip().endswith("/*"), (
                f"{path.name} imports a remote stylesheet at offset {m.start()}")


@pytest.mark.parametrize("name", CHAPTERS)
def test_reference_lists_link_dois(site_page, name):
    from backcare.content import load_content

    refs = load_content().references
    text = site_page(name).read_text()
    listed = re.findall(r'<li id="ref-([A-Za-z0-9]+)">', text)
    assert listed, f"{name}.html has no reference list"
    for key in listed:
        if refs[key].doi:
            assert f'href="https://doi.org/{refs[key].doi}"' in text, f"{name}.html: DOI of {key} not linked"


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_chart_has_its_numbers_in_a_details_table(site_page, name):
    """A course figure (``<figure class="bc-figure">``) is followed by its data table in ``<details>``."""
    text = site_page(name).read_text()
    figures = [m.end() for m in re.finditer(r'<figure class="bc-figure">.*?</figure>', text, re.S)]
    for end in figures:
        assert text[end:end + 200].lstrip().startswith('<details class="bc-data">'), (
            f"{name}.html: a chart at offset {end} has no data table after it")


def test_glossary_page_has_every_term_and_its_sources(site_dir):
    from backcare.lessons.glossary import load_glossary

    text = (site_dir / "glossary.html").read_text()
    page = parse(site_dir / "glossary.html")
    for term in load_glossary().terms:
        assert f"term-{term.id}" in page.ids
        for key in term.references:
            assert f'href="#ref-{key}"' in text and f"ref-{key}" in page.ids


def test_chapter_navigation_skips_teacher_pages(teacher_site_dir):
    """In the teacher's site, previous/next move between chapters; the guide is reached from the contents page only."""
    student = STUDENT_PAGES[2:]
    guides = [s for s in CHAPTERS if _role(s) == "instructor"]
    for stem in student:
        text = (teacher_site_dir / f"{stem}.html").read_text()
        for g in guides:
            assert f'href="{g}.html"' not in text, f"{stem}.html links the instructor guide"
    last = (teacher_site_dir / f"{student[-1]}.html").read_text()
    assert 'rel="next"' not in last
    index = (teacher_site_dir / "index.html").read_text()
    for g in guides:
        assert index.index(f'href="{g}.html"') > index.index('id="teachers"')


def test_default_site_is_safe_to_hand_to_students(site_dir):
    """`python -m backcare html` builds for self-study: no instructor page, no link to one, no 'For teachers' part."""
    guides = [s for s in CHAPTERS if _role(s) == "instructor"]
    assert guides, "no instructor guide: this test would prove nothing"
    built = sorted(p.stem for p in site_dir.glob("*.html") if CHAPTER_STEM.fullmatch(p.stem))
    assert built == STUDENT_PAGES[2:]
    for page in site_dir.glob("*.html"):
        text = page.read_text()
        assert 'id="teachers"' not in text
        for g in guides:
            assert f'href="{g}.html"' not in text, f"{page.name} links the instructor guide"
