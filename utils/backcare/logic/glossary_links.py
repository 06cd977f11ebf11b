"""Glossary terms linked at their first use in each chapter page (``content/glossary.yaml``).

The first time a chapter's prose uses a glossary term (its name without a bracketed abbreviation, or one of its other
names), the site links it to the glossary page, with the definition as the link's title (shown on hover). Headings,
links, inline code, HTML tags and ``[@Key]`` citations are left alone; each term is linked once per chapter.

Examples
--------
>>> pats = term_patterns([("red_flag", "Red flag", [], "A finding that raises suspicion.")])
>>> link_first_uses(["## Red flags", "A red flag is common. Another red flag."], pats)
['## Red flags', 'A [red flag](glossary.html#term-red_flag "A finding that raises suspicion.") is common. Another red flag.']
>>> link_first_uses(["See [red flag](x.html) and `red flag` [@Downie2013]."], pats)
['See [red flag](x.html) and `red flag` [@Downie2013].']
"""
from __future__ import annotations

import re
from typing import Iterable, Sequence

#: Spans that are never touched: fenced and inline code, markdown links and images, HTML tags, citations, headings.
_PROTECTED = re.compile(r"```.*?```|`[^`]*`|!?\[[^\]]*\]\([^)]*\)|<[^>]+>|\[@[^\]]*\]|^#+ [^\n]*$", re.S | re.M)
#: Glossary names too general to link in running prose.
_TOO_GENERAL = {"grade", "mid", "mic"}


def _phrases(term: str, also: Iterable[str]) -> list[str]:
    out = []
    for name in [term, *also]:
        short = re.sub(r"\s*\([^)]*\)", "", name).strip()
        # a term naming several things ("Sensitivity, specificity ... and post-test probability") links each part
        parts = [x.strip() for x in re.split(r",\s*|\s+and\s+", short) if len(x.strip()) >= 8] if (
            "," in short or " and " in short) else []
        for p in (name, short, *parts):
            if p and len(p) >= 3 and p.lower() not in _TOO_GENERAL and p not in out:
                out.append(p)
    return out


def term_patterns(entries: Sequence[tuple[str, str, Sequence[str], str]]) -> list[tuple[str, re.Pattern, str]]:
    """``(id, term, also, definition)`` entries -> ``(id, pattern, definition)``, longest phrases first."""
    pats = []
    for tid, term, also, definition in entries:
        for phrase in _phrases(term, also):
            words = r"\s+".join(re.escape(w) for w in phrase.split())
            pats.append((tid, re.compile(rf"(?<![\w-])({words})(?:s|es)?(?![\w-])", re.I), definition, len(phrase)))
    pats.sort(key=lambda p: -p[3])
    return [(tid, pat, definition) for tid, pat, definition, _ in pats]


def _title(definition: str) -> str:
    return " ".join(definition.split()).replace('"', "'").replace("(", "[").replace(")", "]")


def _link_text(text: str, patterns, seen: set, href: str) -> str:
    out, pos = [], 0
    while True:
        best = None
        for tid, pat, definition in patterns:
            if tid in seen:
                continue
            m = pat.search(text, pos)
            if m and (best is None or m.start() < best[0].start()):
                best = (m, tid, definition)
        if best is None:
            out.append(text[pos:])
            return "".join(out)
        m, tid, definition = best
        seen.add(tid)
        word = m.group(0)
        out.append(text[pos:m.start()])
        out.append(f'[{word}]({href.format(id=tid)} "{_title(definition)}")')
        pos = m.end()


def link_first_uses(sources: Sequence[str], patterns, href: str = "glossary.html#term-{id}") -> list[str]:
    """Markdown sources with each term linked at its first use across them, in order."""
    seen: set = set()
    result = []
    for source in sources:
        parts, pos = [], 0
        for m in _PROTECTED.finditer(source):
            parts.append(_link_text(source[pos:m.start()], patterns, seen, href))
            parts.append(m.group(0))
            pos = m.end()
        parts.append(_link_text(source[pos:], patterns, seen, href))
        result.append("".join(parts))
    return result


def glossary_patterns():
    """Patterns for every entry of ``content/glossary.yaml``."""
    from ..content import load

    return term_patterns([(t.id, t.term, t.also, t.definition) for t in load("glossary.yaml").terms])


def first_uses(sources: Sequence[str], patterns) -> list[str]:
    """Glossary ids in the order a reader first meets them in ``sources`` (markdown), each once.

    >>> first_uses(["No flags here.", "A red flag."], term_patterns([("red_flag", "Red flag", [], "d")]))
    ['red_flag']
    """
    linked = link_first_uses(sources, patterns, href="#{id}")
    return re.findall(r"\]\(#(\w+) \"", "\n".join(linked))


def link_glossary_terms(nb, patterns=None):
    """Link first uses in the markdown cells of ``nb`` (an nbformat node), in place; returns ``nb``."""
    cells = [c for c in nb.cells if c.cell_type == "markdown"]
    linked = link_first_uses([c.source for c in cells], patterns or glossary_patterns())
    for cell, source in zip(cells, linked):
        cell.source = source
    return nb
