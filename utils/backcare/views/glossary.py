"""The glossary as HTML, from templates: one entry (``<dt>``/``<dd>``), the glossary page's body, and one entry shown
in a notebook.

Examples
--------
>>> from backcare.content import load
>>> t = load("glossary.yaml").term("nocebo")
>>> definition(t).text.startswith("Nocebo: Worse symptoms")
True
>>> term_html(t, labels={k: k for k in t.references}).startswith('<dt id="term-nocebo">Nocebo</dt><dd>')
True
"""
from __future__ import annotations

from markupsafe import Markup

from ..content import load, load_content
from ..content.glossary import GlossaryFile, Term
from ..logic.reference_labels import reference_label
from .references import reference_html
from .render import Html, render

__all__ = ["definition", "glossary_body_html", "reference_labels", "term_html"]


def reference_labels() -> dict[str, str]:
    """Reference key -> its short label ("Costa 2012")."""
    return {k: reference_label(r) for k, r in load_content().references.items()}


def term_html(t: Term, labels: dict[str, str], names: dict[str, str] | None = None, *, ref_prefix: str = "#ref-",
              term_prefix: str = "#term-") -> str:
    """One entry as ``<dt>``/``<dd>`` HTML (anchors ``term-<id>``; sources link to ``ref_prefix + key``)."""
    names = names or {}
    see_also = [(o, names.get(o, o.replace("_", " "))) for o in t.see_also]
    return render("glossary_term.html.j2", t=t, also="; ".join(t.also), labels=labels, see_also=see_also,
                  ref_prefix=ref_prefix, term_prefix=term_prefix)


def glossary_body_html(glossary: GlossaryFile | None = None) -> str:
    """The glossary page's main content: the entries A to Z, then the references they cite (DOIs linked)."""
    glossary = glossary or load("glossary.yaml")
    labels = reference_labels()
    terms = glossary.sorted_terms()
    names = {t.id: t.term for t in terms}
    keys: list[str] = []
    for t in terms:
        keys += [k for k in t.references if k not in keys]
    keys.sort(key=lambda k: labels[k].casefold())
    refs = load_content().references
    from .badges import legend_html

    return render("glossary_body.html.j2", terms=terms, badge_legend=Markup(legend_html(open=True)),
                  entries=[Markup(term_html(t, labels, names)) for t in terms],
                  references=[(k, Markup(reference_html(refs[k]))) for k in keys])


def definition(t: Term) -> Html:
    """One entry shown in a notebook: HTML with a link to the glossary page, and its plain text."""
    labels = reference_labels()
    sources = "; ".join(labels[k] for k in t.references)
    text = f"{t.term}: {t.definition}" + (f" (Sources: {sources}.)" if sources else "")
    return Html(render("definition.html.j2", t=t, sources=sources), text)
