"""Static checks of every page of the built site: lang, one h1, alt text, no external assets, links resolve."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from backcare.figures import PLACEHOLDER_ALT

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
PAGES = ["index"] + CHAPTERS


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
def test_page_structure(site_dir, name):
    page = parse(site_dir / f"{name}.html")
    assert page.lang == "en"
    assert page.h1 == 1, f"{name}.html has {page.h1} h1 elements"
    assert "skip to content" in (site_dir / f"{name}.html").read_text().lower()


@pytest.mark.parametrize("name", PAGES)
def test_every_image_has_real_alt_text(site_dir, name):
    for img in parse(site_dir / f"{name}.html").imgs:
        alt = (img.get("alt") or "").strip()
        assert len(alt) >= 15, f"{name}.html: image with empty or too short alt {alt!r}"
        assert PLACEHOLDER_ALT.lower() not in alt.lower(), f"{name}.html: nbconvert placeholder alt"


@pytest.mark.parametrize("name", PAGES)
def test_no_external_asset_urls(site_dir, name):
    text = (site_dir / f"{name}.html").read_text(encoding="utf-8")
    external = [a for a in parse(site_dir / f"{name}.html").assets if re.match(r"^(https?:)?//", a)]
    assert not external, f"{name}.html loads external assets: {external}"
    for cdn in ("cdnjs.cloudflare.com", "unpkg.com", "cdn.jsdelivr.net", "mathjax", "fonts.googleapis.com"):
        assert cdn not in text.lower(), f"{name}.html mentions {cdn}"


@pytest.mark.parametrize("name", PAGES)
def test_internal_links_resolve(site_dir, name):
    path = site_dir / f"{name}.html"
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
    for stem in CHAPTERS:
        meta = chapter_meta(nbformat.read(ROOT / "notebooks" / f"{stem}.ipynb", as_version=4), stem)
        assert f'href="{stem}.html"' in text
        assert f"About {meta.minutes} minutes" in text
        for objective in meta.objectives:
            assert objective.replace("&", "&amp;").replace("'", "&#x27;") in text or objective in text


def test_instructor_cells_do_not_reach_pages(site_dir):
    import nbformat

    from backcare.notebook_meta import is_instructor

    for stem in CHAPTERS:
        nb = nbformat.read(ROOT / "notebooks" / f"{stem}.ipynb", as_version=4)
        text = (site_dir / f"{stem}.html").read_text()
        for cell in nb.cells:
            if is_instructor(cell):
                probe = next((ln.strip() for ln in cell.source.splitlines() if len(ln.strip()) > 30), None)
                if probe:
                    assert probe[:60] not in text, f"instructor text leaked into {stem}.html"
