"""The site's own HTML pieces, from the templates in ``templates/backcare/``: the navigation, the notes every page
carries (not medical advice, urgent symptoms, review status), and the pages without a notebook behind them (contents
and glossary), which use the same layout file as the notebook pages (``_layout.html.j2``).

Examples
--------
>>> class M: title = "Start here"
>>> class P: html_name = "00_start_here.html"; meta = M(); is_instructor = False
>>> _nav([P()], None)
'<nav class="bc-nav" aria-label="Chapters"><ul><li><a href="index.html">Contents</a></li><li><a href="glossary.html">Glossary</a></li></ul></nav>'
"""
from __future__ import annotations

import functools
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..paths import PACKAGE_DIR

STATIC = "_static/"

SITE_TITLE = "Back pain care: from self-care to surgery"
#: The footer: both licences linked (the licence texts are LICENSE and LICENSE-content.md in the project folder).
FOOTER_HTML = (
    '<p>Text, figures and content data: <a href="https://creativecommons.org/licenses/by/4.0/" rel="license">'
    "CC BY 4.0</a>. Code: <a href=\"https://opensource.org/license/mit\">MIT</a> (see <code>LICENSE</code> and "
    "<code>LICENSE-content.md</code>; cite the series with <code>CITATION.cff</code>). Teaching material, not "
    "medical advice. Content not yet clinically peer-reviewed unless a page says otherwise.</p>"
)
GLOSSARY_PAGE = "glossary.html"

NOT_ADVICE_HTML = (
    '<p class="bc-note"><strong>Teaching material, not medical advice.</strong> This series teaches students and '
    "self-learners how back pain is assessed and treated. It cannot assess you: for your own care, talk to a "
    "health professional.</p>"
)
URGENT_HTML = (
    '<p class="bc-urgent"><strong>Urgent symptoms: seek emergency care the same day</strong> if back pain comes with '
    "new difficulty passing urine or controlling bladder or bowels, numbness around the genitals or back passage "
    "(saddle area), new or worsening weakness in the legs, fever or feeling very unwell, or after a major injury "
    "such as a fall or road accident.</p>"
)

INSTRUCTOR_NOTE_HTML = (
    '<p class="bc-note"><strong>For teachers.</strong> This page collects the instructor notes (timings, model '
    "answers, debriefs) that student notebooks and chapter pages leave out. It is not part of the student copies "
    "(<code>python -m backcare student</code>).</p>"
)


@functools.lru_cache(maxsize=None)
def _layout_env() -> jinja2.Environment:
    """The Jinja2 environment of the site's own pages (autoescape on), reading the same folder as the nbconvert
    template, so both use ``templates/backcare/_layout.html.j2``."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(PACKAGE_DIR / "templates" / "backcare")),
                              autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def _render(template: str, **ctx) -> str:
    return _layout_env().get_template(template).render(**ctx)


def _nav(pages, current: int | None, *, label: str = "Chapters") -> str:
    """Previous / contents / glossary / next. Previous and next move between chapters only (not teacher pages)."""
    chapters = [p for p in pages if not p.is_instructor]
    here = pages[current] if current is not None else None
    pos = chapters.index(here) if here is not None and here in chapters else None
    prev = chapters[pos - 1] if pos is not None and pos > 0 else None
    nxt = chapters[pos + 1] if pos is not None and pos + 1 < len(chapters) else None
    return _render("nav.html.j2", label=label, prev=prev, next=nxt, glossary=GLOSSARY_PAGE)


def _review_html() -> str:
    try:
        from ..content import load_content

        review = load_content().review
        done = [r for r in review.values() if getattr(r, "reviewed_by", None)]
    except Exception:  # the content package reports its own errors elsewhere
        done = []
    if not done:
        return ('<p class="bc-note"><strong>Review status:</strong> not yet clinically peer-reviewed. '
                "Every fact cites its source; corrections are welcome (CONTRIBUTING.md in the project folder says "
                "how).</p>")
    return '<p class="bc-note"><strong>Review status:</strong> partly reviewed; see each chapter.</p>'




def _standalone(title: str, main_html: str, *, nav: str, footer_nav: str) -> str:
    """A page without a notebook behind it (contents, glossary): the notebook pages' layout (one layout file)."""
    page = _render("standalone.html.j2", title=title, static=STATIC, site_title=SITE_TITLE, nav_html=Markup(nav),
                   notes_html=Markup(NOT_ADVICE_HTML + URGENT_HTML + _review_html()), main_html=Markup(main_html),
                   footer_nav_html=Markup(footer_nav), footer_html=Markup(FOOTER_HTML))
    return page + "\n"


def _item(page, pages) -> dict:
    """A page for the contents list, with its prerequisites as pages (or plain names when not built)."""
    by_stem = {p.path.stem: p for p in pages}
    prereqs = [{"page": by_stem.get(name.removesuffix(".ipynb")),
                "name": name.removesuffix(".ipynb").replace("_", " ")} for name in page.meta.prerequisites]
    return {"page": page, "prerequisites": prereqs}


def _write(out: Path, name: str, title: str, main: str, pages) -> Path:
    target = out / name
    target.write_text(_standalone(title, main, nav=_nav(pages, None),
                                  footer_nav=_nav(pages, None, label="Chapters (end of page)")), encoding="utf-8")
    return target


def render_index(pages, out: Path) -> Path:
    """The contents page: the learning path, the teachers' pages, how to run the notebooks live."""
    chapters = [p for p in pages if not p.is_instructor]
    teachers = [p for p in pages if p.is_instructor]
    main = _render("contents.html.j2", site_title=SITE_TITLE, glossary=GLOSSARY_PAGE,
                   chapters=[_item(p, pages) for p in chapters], teachers=[_item(p, pages) for p in teachers],
                   total=sum(p.meta.minutes for p in chapters))
    return _write(out, "index.html", SITE_TITLE, main, pages)


def render_glossary(pages, out: Path) -> Path:
    """The glossary page: every term, A to Z, with its sources."""
    from ..glossary import glossary_body_html

    main = _render("glossary_page.html.j2", body=Markup(glossary_body_html()))
    return _write(out, GLOSSARY_PAGE, f"Glossary - {SITE_TITLE}", main, pages)
