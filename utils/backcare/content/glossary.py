"""The glossary file (``content/glossary.yaml``): one entry per term, in the course's own words.

Rules beyond the fields: ids are unique and ``see_also`` points at entries that exist (reference keys are checked by
the content loader like every file's).
"""
from __future__ import annotations

from pydantic import Field

from .errors import Problem
from .models import ContentFile, Id, Key, Strict, Text

__all__ = ["GlossaryFile", "Term", "check_glossary"]


class Term(Strict):
    """One glossary entry, in the course's own words."""

    id: Id
    term: Text
    also: list[Text] = Field(default_factory=list)
    """Other names a reader may meet (abbreviations, older terms)."""
    definition: Text
    references: list[Key]
    """Sources of the facts the definition states; empty only when it states none."""
    see_also: list[Id] = Field(default_factory=list)


class GlossaryFile(ContentFile):
    terms: list[Term] = Field(min_length=1)

    def term(self, term_id: str) -> Term:
        for t in self.terms:
            if t.id == term_id:
                return t
        raise KeyError(f"no glossary entry {term_id!r}: add it to content/glossary.yaml or use one of the ids "
                       "listed there")

    def sorted_terms(self) -> list[Term]:
        return sorted(self.terms, key=lambda t: t.term.casefold())

    def content_problems(self, ctx=None):
        """(where, message) for repeated ids and ``see_also`` ids that are not in the glossary."""
        ids = {t.id for t in self.terms}
        seen: set[str] = set()
        for i, t in enumerate(self.terms):
            if t.id in seen:
                yield f"terms.{i}.id", f"duplicate glossary id {t.id!r}"
            seen.add(t.id)
            for j, other in enumerate(t.see_also):
                if other not in ids:
                    yield f"terms.{i}.see_also.{j}", f"entry {t.id!r} points to {other!r}, which is not in the glossary"


def check_glossary(glossary: GlossaryFile, known_references, label: str = "content/glossary.yaml") -> list[Problem]:
    """The glossary's rules on an already-built model: known reference keys, unique ids, existing ``see_also``.

    Examples
    --------
    >>> g = GlossaryFile.model_validate({"terms": [
    ...     {"id": "a", "term": "A", "definition": "d", "references": ["Nope1999"], "see_also": ["b"]}]})
    >>> for p in check_glossary(g, {"Costa2012"}): print(p)
    content/glossary.yaml: terms.0.references.0: unknown reference key 'Nope1999': add it to references.yaml
    content/glossary.yaml: terms.0.see_also.0: entry 'a' points to 'b', which is not in the glossary
    """
    problems = [Problem(label, None, f"terms.{i}.references.{j}",
                        f"unknown reference key {key!r}: add it to references.yaml")
                for i, t in enumerate(glossary.terms) for j, key in enumerate(t.references)
                if key not in known_references]
    return problems + [Problem(label, None, where, message) for where, message in glossary.content_problems()]
