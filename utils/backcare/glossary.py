"""The glossary: terms used in the series, as data in ``content/glossary.yaml``, shown on the site's glossary page
and in notebooks with ``bc.define("red_flag")``.

Every entry is checked: strict fields, unique ids, reference keys that exist in ``content/references.yaml`` and
``see_also`` ids that exist in the glossary. Problems are reported together, naming the entry.

Examples
--------
>>> g = load_glossary()
>>> g.term("mid_mic").references
['Ostelo2008']
>>> define("red_flag").term.term
'Red flag'
>>> g.term("slipped_disc")
Traceback (most recent call last):
...
KeyError: "no glossary entry 'slipped_disc': add it to content/glossary.yaml or use one of the ids listed there"
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from .content.glossary import GlossaryFile, Term, check_glossary
from .paths import content_dir

GLOSSARY_FILE = "glossary.yaml"
SCHEMA_FILE = "glossary.schema.json"
PAGE_NAME = "glossary.html"


def load_glossary(path: str | Path | None = None) -> GlossaryFile:
    """Read and check the glossary (``content/glossary.yaml`` by default); raise ``ContentError`` on any problem."""
    from .content import load, read

    return load(GLOSSARY_FILE) if path is None else read(GLOSSARY_FILE, path=path)


def _labels() -> dict:
    from .content import load_content
    from .logic.reference_labels import reference_label

    return {k: reference_label(r) for k, r in load_content().references.items()}


def term_html(t: Term, labels: dict[str, str], names: dict[str, str] | None = None, *, ref_prefix: str = "#ref-",
              term_prefix: str = "#term-") -> str:
    """One entry as ``<dt>``/``<dd>`` HTML (anchors ``term-<id>``; sources link to ``ref_prefix + key``)."""
    names = names or {}
    parts = [f'<dt id="term-{t.id}">{html.escape(t.term)}</dt><dd>']
    if t.also:
        parts.append(f'<p class="bc-also">Also called: {html.escape("; ".join(t.also))}.</p>')
    parts.append(f"<p>{html.escape(t.definition)}</p>")
    if t.references:
        links = "; ".join(f'<a class="bc-cite" href="{ref_prefix}{k}">{html.escape(labels[k])}</a>'
                          for k in t.references)
        parts.append(f'<p class="bc-sources">Sources: {links}.</p>')
    if t.see_also:
        links = ", ".join(f'<a href="{term_prefix}{o}">{html.escape(names.get(o, o.replace("_", " ")))}</a>'
                          for o in t.see_also)
        parts.append(f'<p class="bc-see-also">See also: {links}.</p>')
    parts.append("</dd>")
    return "".join(parts)


def glossary_body_html(glossary: GlossaryFile | None = None) -> str:
    """The glossary page's main content: the entries A to Z, then the references they cite (DOIs linked)."""
    from .content import load_content
    from .views.references import reference_html

    glossary = glossary or load_glossary()
    labels = _labels()
    terms = glossary.sorted_terms()
    names = {t.id: t.term for t in terms}
    entries = [term_html(t, labels, names) for t in terms]
    keys: list[str] = []
    for t in terms:
        for k in t.references:
            if k not in keys:
                keys.append(k)
    refs = load_content().references
    keys.sort(key=lambda k: labels[k].casefold())
    ref_items = "".join(f'<li id="ref-{k}">{reference_html(refs[k])}</li>' for k in keys)
    jump = "".join(f'<li><a href="#term-{t.id}">{html.escape(t.term)}</a></li>' for t in terms)
    return (f'<nav class="bc-terms" aria-label="Terms A to Z"><ul>{jump}</ul></nav>'
            f'<dl class="bc-glossary">{"".join(entries)}</dl>'
            f'<h2 id="glossary-references">References</h2><ul class="bc-references">{ref_items}</ul>')


@dataclass(frozen=True)
class Definition:
    """A glossary entry shown in a notebook (HTML in JupyterLab and on pages, plain text elsewhere)."""

    term: Term

    def _repr_mimebundle_(self, include=None, exclude=None):
        labels = _labels()
        sources = "; ".join(labels[k] for k in self.term.references)
        text = f"{self.term.term}: {self.term.definition}" + (f" (Sources: {sources}.)" if sources else "")
        body = (f'<div class="bc-box bc-definition"><p><strong>{html.escape(self.term.term)}</strong>: '
                f"{html.escape(self.term.definition)}"
                + (f' <span class="bc-sources">Sources: {html.escape(sources)}.</span>' if sources else "")
                + f' <a href="glossary.html#term-{self.term.id}">Glossary</a></p></div>')
        return {"text/html": body, "text/plain": text}


def define(term_id: str) -> Definition:
    """Show one glossary entry in a notebook: ``bc.define("red_flag")``.

    Examples
    --------
    >>> define("nocebo")._repr_mimebundle_()["text/plain"].startswith("Nocebo: Worse symptoms")
    True
    >>> define("wear_and_tear")
    Traceback (most recent call last):
    ...
    KeyError: "no glossary entry 'wear_and_tear': add it to content/glossary.yaml or use one of the ids listed there"
    """
    return Definition(load_glossary().term(term_id))


def write_schema(path: str | Path | None = None) -> Path:
    """Write the glossary's JSON Schema beside it (``content/glossary.schema.json``) for editors."""
    from .content.schema import export_schema

    return export_schema(GlossaryFile, Path(path) if path else content_dir() / SCHEMA_FILE,
                         title="backcare content: glossary.yaml")
