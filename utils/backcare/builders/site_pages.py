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
import json
import re
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..paths import PACKAGE_DIR
from ..views.render import _escaped

STATIC = "_static/"

SITE_TITLE = "Back pain care: from self-care to surgery"
GLOSSARY_PAGE = "glossary.html"

@functools.lru_cache(maxsize=None)
def _layout_env() -> jinja2.Environment:
    """The Jinja2 environment of the site's own pages (autoescape on), reading the same folder as the nbconvert
    template, so both use ``templates/backcare/_layout.html.j2``."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(PACKAGE_DIR / "templates" / "backcare")),
                              autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                              finalize=_escaped)  # escapes as the views do (html.escape: &#x27;, &quot;)


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


def _reviewed() -> bool:
    """Whether any chapter has a clinical sign-off record in content/reviews/ (the notes then say "partly
    reviewed"); the records replace the old per-file ``review:`` blocks (issue 15)."""
    from ..content.reviews import load_reviews

    return bool(load_reviews())


def notes_html(*, instructor: bool = False, chapter: str | None = None) -> str:
    """The notes every page carries (teacher pages first say they are for teachers); a chapter page shows its own
    review status from content/reviews/ ("not yet clinically reviewed" until a real record exists)."""
    from ..content.notices import load_notices  # one wording, content/notices.yaml (issue 15)
    from ..views.notice import urgent_html

    head, _, rest = load_notices().not_medical_advice.partition(". ")
    review_line = None
    if chapter is not None:
        from ..content.reviews import status_for

        review_line = status_for(chapter).text
    return _render("notes.html.j2", instructor=instructor, reviewed=_reviewed(), not_advice_head=head.rstrip("."),
                   not_advice_rest=rest, urgent_html=Markup(urgent_html()), review_line=review_line)


def footer_html() -> str:
    """The footer text: licences, citation, not medical advice."""
    return _render("footer.html.j2")


def cite_link(keys: list[str], labels: dict[str, str]) -> str:
    """A citation as a link to the first key's entry in the References list: ``(Hill 2011; Foster 2014)``."""
    return _render("cite.html.j2", key=keys[0], labels=[labels[k] for k in keys])


def _standalone(title: str, main_html: str, *, nav: str, footer_nav: str) -> str:
    """A page without a notebook behind it (contents, glossary): the notebook pages' layout (one layout file)."""
    page = _render("standalone.html.j2", title=title, static=STATIC, site_title=SITE_TITLE, nav_html=Markup(nav),
                   notes_html=Markup(notes_html()), main_html=Markup(main_html),
                   footer_nav_html=Markup(footer_nav), footer_html=Markup(footer_html()))
    return page + "\n"


def _item(page, pages) -> dict:
    """A page for the contents list, with its prerequisites as pages (or plain names when not built)."""
    by_stem = {p.path.stem: p for p in pages}
    prereqs = [{"page": by_stem.get(name.removesuffix(".ipynb")), "id": _short_id(name),
                "name": name.removesuffix(".ipynb").replace("_", " ")} for name in page.meta.prerequisites]
    return {"page": page, "prerequisites": prereqs}


def _short_id(name: str) -> str:
    """``03a`` for ``03a_self_care.ipynb``; the first two characters of a name that is not a chapter's."""
    from ..paths import chapter_id

    try:
        return chapter_id(name.removesuffix(".ipynb"))
    except ValueError:
        return name[:2]


def _write(out: Path, name: str, title: str, main: str, pages) -> Path:
    target = out / name
    target.write_text(_standalone(title, main, nav=_nav(pages, None),
                                  footer_nav=_nav(pages, None, label="Chapters (end of page)")), encoding="utf-8")
    return target


_WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
_QUOTED = re.compile(r'^(Explorer|Predict, then reveal)[^"]*"([^"]+)"')
_QUIZ = re.compile(r"^Self-check: (\d+) questions?")


def chapter_activities(notebook: Path) -> list[str]:
    """What a student does in a chapter, read from the interactives its executed notebook shows (their ``text/plain``
    descriptions): predict-then-reveal exercises, calculators, explorers and the self-check, in order.

    >>> chapter_activities(Path("no/such.ipynb"))
    []
    """
    try:
        nb = json.loads(Path(notebook).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    found: list[str] = []
    for cell in nb.get("cells", []):
        for out in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            data = out.get("data") or {}
            if _WIDGET_VIEW not in data:
                continue
            text = data.get("text/plain", "")
            first = ("".join(text) if isinstance(text, list) else text).strip().splitlines()[0:1]
            if not first:
                continue
            line = first[0]
            quiz = _QUIZ.match(line)
            quoted = _QUOTED.match(line)
            if quiz:
                label = f"Self-check: {quiz.group(1)} questions with explained feedback"
            elif quoted and quoted.group(1) == "Predict, then reveal":
                label = f"Predict, then reveal: {quoted.group(2)}"
            elif quoted:
                label = f"Explore: {quoted.group(2)}"
            else:
                label = "Try: " + re.split(r"[.:]", line, maxsplit=1)[0]
            if label not in found:
                found.append(label)
    return found


def review_status(page) -> str:
    """The chapter's review status line ("not yet clinically reviewed" until a real record exists)."""
    try:
        from ..content.reviews import status_for
    except ImportError:
        return "partly reviewed; see the chapter" if _reviewed() else "not yet clinically reviewed"
    line = status_for(page.path.stem)
    return getattr(line, "text", str(line))


def _card(page, pages) -> dict:
    item = _item(page, pages)
    item.update(activities=chapter_activities(page.path), review=review_status(page))
    return item


def _glance_figure() -> Markup:
    """The invasiveness-at-a-glance picture for chronic low back pain (the site's front picture)."""
    from ..charts.glance import show_glance_summary

    return Markup(show_glance_summary("chronic_lbp").to_html())


def render_index(pages, out: Path) -> Path:
    """The front door: what the series is, a start button, the invasiveness-at-a-glance picture, then the chapter
    cards (time, what the student does, review status), the teachers' pages and how to run the notebooks live."""
    chapters = [p for p in pages if not p.is_instructor]
    teachers = [p for p in pages if p.is_instructor]
    main = _render("contents.html.j2", site_title=SITE_TITLE, glossary=GLOSSARY_PAGE,
                   chapters=[_card(p, pages) for p in chapters], teachers=[_item(p, pages) for p in teachers],
                   total=sum(p.meta.minutes for p in chapters), start=chapters[0] if chapters else None,
                   glance=_glance_figure(), compare=next((p for p in chapters if p.path.stem.startswith("06")), None))
    return _write(out, "index.html", SITE_TITLE, main, pages)


ERRATA_PAGE = "errata.html"


def render_errata(pages, out: Path) -> Path:
    """The errata page: what changed in substance between versions (from docs/errata.md, issue 15)."""
    import mistune

    from ..paths import repo_root

    text = (repo_root() / "docs" / "errata.md").read_text(encoding="utf-8")
    return _write(out, ERRATA_PAGE, f"Errata - {SITE_TITLE}", mistune.html(text), pages)


def render_glossary(pages, out: Path) -> Path:
    """The glossary page: every term, A to Z, with its sources."""
    from ..views.glossary import glossary_body_html

    main = _render("glossary_page.html.j2", body=Markup(glossary_body_html()))
    return _write(out, GLOSSARY_PAGE, f"Glossary - {SITE_TITLE}", main, pages)
