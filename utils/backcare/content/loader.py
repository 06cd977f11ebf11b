"""The core content as one validated view (`Content`: look-ups, reference uses, disagreements), read and cached by
`load_content`; the rules across the core files are in `rules.py`, every other file goes through `store.load`."""
from __future__ import annotations

import functools
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from .errors import ContentError, Problem
from .models import (FILES, Effect, Fact, Guideline, GuidelinePosition, InvasivenessLevel,
                     Reference, Treatment)
from .rules import CoreRules
from .validate import read_model
from .yamlio import YamlDoc

_CITE_BLOCK = re.compile(r"\[@[^\]]*\]")
_CITE_KEY = re.compile(r"@([A-Za-z0-9]+)")


def cited_keys_in_text(text: str) -> list[str]:
    """Reference keys cited as ``[@Key]`` or ``[@Key1; @Key2, p. 3]`` in markdown text, in order, each once.

    Examples
    --------
    >>> cited_keys_in_text("Most people improve [@Costa2012]; see also [@Hayden2021; @WHO2023].")
    ['Costa2012', 'Hayden2021', 'WHO2023']
    >>> cited_keys_in_text("email me@example.org")
    []
    """
    keys: list[str] = []
    for block in _CITE_BLOCK.findall(text):
        for key in _CITE_KEY.findall(block):
            if key not in keys:
                keys.append(key)
    return keys


_REF_FIELDS = {"reference", "references", "mid_reference"}


def other_content_cited_keys(root: str | Path | None = None) -> dict[str, list[str]]:
    """Reference keys cited by the other YAML files under ``content/`` (quiz banks, chapter datasets) -> files.

    A key counts when it is the value of a ``reference``/``references``/``mid_reference`` field or appears as
    ``[@Key]`` in any text. Files that do not parse are skipped here: their owners' loaders report them.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> (root / "quiz").mkdir()
    >>> _ = (root / "quiz" / "q.yaml").write_text("items:\\n  - references: [Costa2012]\\n    text: see [@Hill2011]\\n")
    >>> other_content_cited_keys(root)
    {'Costa2012': ['quiz/q.yaml'], 'Hill2011': ['quiz/q.yaml']}
    """
    from ..paths import content_dir
    from .yamlio import read_yaml

    root = Path(root) if root is not None else content_dir()
    found: dict[str, list[str]] = {}

    def note(key: str, name: str) -> None:
        names = found.setdefault(key, [])
        if name not in names:
            names.append(name)

    def walk(value, name: str, field: str | None) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, name, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, name, field)
        elif isinstance(value, str):
            if field in _REF_FIELDS and re.fullmatch(r"[A-Za-z0-9]+", value):
                note(value, name)
            for key in cited_keys_in_text(value):
                note(key, name)

    for path in sorted(root.rglob("*.yaml")):
        rel = path.relative_to(root).as_posix()
        if rel in FILES:
            continue
        doc, problems = read_yaml(path, rel)
        if doc.data is not None:
            walk(doc.data, rel, None)
    return found


@dataclass(frozen=True)
class Disagreement:
    """A treatment on which guidelines point different ways; ``positions`` maps guideline -> its positions."""

    treatment: str
    positions: Mapping[str, tuple[GuidelinePosition, ...]]

    def directions(self) -> dict[str, tuple[str, ...]]:
        """Guideline -> the sorted directions of its positions on this treatment."""
        return {g: tuple(sorted({p.direction for p in ps if p.direction})) for g, ps in self.positions.items()}


@dataclass(frozen=True)
class Content:
    """All course content, validated. Build it with :func:`load_content`; never edit it in place."""

    references: Mapping[str, Reference]
    treatments: Mapping[str, Treatment]
    invasiveness_levels: list[InvasivenessLevel]
    guidelines: Mapping[str, Guideline]
    positions: list[GuidelinePosition]
    effects: list[Effect]
    facts: Mapping[str, Fact]
    invasiveness_note: str
    invasiveness_references: list[str]
    root: Path

    # ---- look-ups -------------------------------------------------------------------------------------------
    def cited_keys_ok(self, keys: Iterable[str]) -> list[str]:
        """The keys in ``keys`` that are NOT known references (empty list: all good), in order, each once.

        Examples
        --------
        >>> c = load_content()
        >>> c.cited_keys_ok(["Costa2012", "WHO2023"])
        []
        >>> c.cited_keys_ok(["Costa2012", "Nobody1999", "Nobody1999"])
        ['Nobody1999']
        """
        unknown: list[str] = []
        for key in keys:
            if key not in self.references and key not in unknown:
                unknown.append(key)
        return unknown

    def fact(self, fact_id: str) -> Fact:
        """The fact with this id.

        Examples
        --------
        >>> load_content().fact("gbd_prevalent_cases_2020").value
        619.0
        >>> load_content().fact("no_such_fact")
        Traceback (most recent call last):
        ...
        KeyError: "no fact 'no_such_fact' in content/facts.yaml"
        """
        try:
            return self.facts[fact_id]
        except KeyError:
            raise KeyError(f"no fact {fact_id!r} in content/facts.yaml") from None

    def effect(self, effect_id: str) -> Effect:
        """The effect with this id (``KeyError`` naming content/effects.yaml when unknown).

        Examples
        --------
        >>> e = load_content().effect("nsaids_chronic_pain")
        >>> (e.estimate, e.low, e.high, e.comparator, e.scale, e.certainty)
        (-3.3, -5.33, -1.27, 'placebo', 'pain 0-100 (VAS)', 'low')
        >>> load_content().effect("nsaids_forever")
        Traceback (most recent call last):
        ...
        KeyError: "no effect 'nsaids_forever' in content/effects.yaml"
        """
        for e in self.effects:
            if e.id == effect_id:
                return e
        raise KeyError(f"no effect {effect_id!r} in content/effects.yaml")

    def positions_for(self, treatment_id: str, guideline: str | None = None) -> list[GuidelinePosition]:
        """Positions on one treatment, optionally from one guideline, in file order (empty list if none).

        Examples
        --------
        >>> [(p.population, p.direction, p.strength) for p in load_content().positions_for("opioids", "NICE")]
        [('acute_nonspecific_lbp', 'for', 'consider'), ('chronic_lbp', 'against', 'do_not_offer'), \
('sciatica', 'against', 'do_not_offer')]
        >>> load_content().positions_for("opioids", "AAFP")
        []
        """
        return [p for p in self.positions
                if p.treatment == treatment_id and (guideline is None or p.guideline == guideline)]

    def effects_for(self, treatment_id: str) -> list[Effect]:
        """Effect estimates for one treatment, in file order; an empty list is a gap in evidence, never a zero.

        Examples
        --------
        >>> [e.id for e in load_content().effects_for("rf_denervation")]
        ['rf_facet_pain_3_months', 'rf_si_joint_pain_3_months', 'rf_combination_pain_3_months']
        >>> load_content().effects_for("paracetamol")
        []
        """
        return [e for e in self.effects if e.treatment == treatment_id]

    def treatments_at_level(self, level: int) -> list[Treatment]:
        """Treatments placed at one invasiveness level (a scale, not a ladder), in file order.

        Examples
        --------
        >>> [t.id for t in load_content().treatments_at_level(4)]
        ['spinal_cord_stimulation']
        >>> load_content().treatments_at_level(6)
        []
        """
        return [t for t in self.treatments.values() if t.invasiveness == level]

    def used_reference_keys(self) -> set[str]:
        """Every reference key cited by some content record.

        Examples
        --------
        >>> {"Costa2012", "Juch2017"} <= load_content().used_reference_keys()
        True
        """
        return set(_reference_uses(self))

    def unused_references(self, extra_cited: Iterable[str] = ()) -> list[str]:
        """References cited by no content record and not in ``extra_cited`` (e.g. keys cited in notebooks).

        Examples
        --------
        >>> c = load_content()
        >>> "Han2023" in c.unused_references()  # cited only in prose (prose_only: true)
        True
        >>> "Han2023" in c.unused_references(extra_cited=["Han2023"])
        False
        """
        used = self.used_reference_keys() | set(extra_cited)
        return [k for k in self.references if k not in used]

    def disagreements(self, *, include_scope_gaps: bool = False) -> list[Disagreement]:
        """Treatments where guidelines point different ways, derived from the positions (no separate copy).

        Directions compared are ``for``, ``against``, ``only_if`` and ``no_recommendation`` from verified positions; with
        ``include_scope_gaps=True``, ``out_of_scope`` also counts as a different answer (e.g. RF denervation:
        NICE "consider", ACP and WHO out of scope).

        Examples
        --------
        >>> c = load_content()
        >>> d = {x.treatment: x.directions() for x in c.disagreements()}
        >>> d["acupuncture"]
        {'ACP': ('for',), 'NICE': ('against',), 'WHO': ('for',)}
        >>> "nsaids" in d
        False
        """
        counted = {"for", "against", "only_if", "no_recommendation"} | ({"out_of_scope"} if include_scope_gaps else set())
        out: list[Disagreement] = []
        for tid in self.treatments:
            by_g: dict[str, list[GuidelinePosition]] = defaultdict(list)
            for p in self.positions_for(tid):
                if p.verified and p.direction in counted:
                    by_g[p.guideline].append(p)
            dirs = {g: {p.direction for p in ps} for g, ps in by_g.items()}
            if len({frozenset(d) for d in dirs.values()}) > 1:
                out.append(Disagreement(tid, {g: tuple(by_g[g]) for g in sorted(by_g)}))
        return out


def _reference_uses(c: Content):
    for t in c.treatments.values():
        yield from t.references
        for h in (*t.harms.common, *t.harms.serious):
            yield from h.references
        yield from t.time_to_effect.references
    yield from c.invasiveness_references
    for g in c.guidelines.values():
        yield g.reference
    for p in c.positions:
        yield p.reference
    for e in c.effects:
        yield e.reference
        if e.mid_reference:
            yield e.mid_reference
    for f in c.facts.values():
        yield f.reference


# ---- reading and cross-file rules -------------------------------------------------------------------------

def read_content(root: str | Path | None = None, *, replace: Mapping[str, str | Path] | None = None) -> Content:
    """Read and check all content files from ``root`` (default: the course's ``content/``), uncached.

    ``replace`` maps a content file name to another file to read in its place (tests use this to slot a broken
    fixture into otherwise good content). Raises :class:`ContentError` listing every problem in every file.

    Examples
    --------
    >>> len(read_content().treatments) >= 30
    True
    >>> from backcare.paths import repo_root
    >>> read_content(replace={"facts.yaml": repo_root() / "tests/data/dangling_reference.facts.yaml"})
    Traceback (most recent call last):
    ...
    backcare.content.errors.ContentError: 1 problem in course content:
      tests/data/dangling_reference.facts.yaml:6: facts.0.reference: unknown reference key 'Nobody2099': add it to \
references.yaml
    >>> read_content(replace={"notes.yaml": "x.yaml"})
    Traceback (most recent call last):
    ...
    ValueError: cannot replace ['notes.yaml']: content files are ['effects.yaml', 'facts.yaml', 'guidelines.yaml', \
'invasiveness.yaml', 'positions.yaml', 'references.yaml', 'treatments.yaml']
    """
    from ..paths import content_dir

    root = Path(root) if root is not None else content_dir()
    replace = dict(replace or {})
    unknown = sorted(set(replace) - set(FILES))
    if unknown:
        raise ValueError(f"cannot replace {unknown}: content files are {sorted(FILES)}")
    problems: list[Problem] = []
    models: dict[str, object] = {}
    docs: dict[str, YamlDoc] = {}
    for name, model in FILES.items():
        path = Path(replace.get(name, root / name))
        obj, doc, probs = read_model(path, model)
        problems += probs
        docs[name] = doc
        if obj is not None:
            models[name] = obj
    if problems:
        raise ContentError(problems)
    checker = CoreRules(models, docs)
    checker.run()
    if checker.problems:
        raise ContentError(checker.problems)
    m = models
    return Content(
        references={r.key: r for r in m["references.yaml"].references},
        treatments={t.id: t for t in m["treatments.yaml"].treatments},
        invasiveness_levels=sorted(m["invasiveness.yaml"].levels, key=lambda lv: lv.level),
        guidelines={g.id: g for g in m["guidelines.yaml"].guidelines},
        positions=list(m["positions.yaml"].positions),
        effects=list(m["effects.yaml"].effects),
        facts={f.id: f for f in m["facts.yaml"].facts},
        invasiveness_note=m["invasiveness.yaml"].note,
        invasiveness_references=list(m["invasiveness.yaml"].references),
        root=root,
    )


@functools.lru_cache(maxsize=4)
def _cached(root: Path) -> Content:
    from .disk import remembered

    return remembered(root, "core", lambda: read_content(root))


def load_content(root: str | Path | None = None) -> Content:
    """All course content, validated and cached (read once per process). Raises :class:`ContentError`.

    Examples
    --------
    >>> c = load_content()
    >>> c.treatments["acupuncture"].invasiveness, c.treatments["acupuncture"].penetrates_skin
    (1, True)
    >>> sorted(c.guidelines)
    ['ACP', 'CDC', 'NICE', 'WHO']
    >>> load_content("/nonexistent/content")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    backcare.content.errors.ContentError: 7 problems in course content:
      /nonexistent/content/references.yaml: cannot read the file: No such file or directory
    ...
    """
    if root is None:
        return _default(os.environ.get("BACKCARE_ROOT") or None)
    from ..paths import resolved

    return _cached(resolved(root))


@functools.lru_cache(maxsize=8)
def _default(env: str | None) -> Content:
    """The project's content, found once per value of ``$BACKCARE_ROOT``: a chapter asks for it thousands of times
    (one dictionary lookup instead of building and resolving the folder's path each time; issue 19)."""
    from ..paths import content_dir, resolved

    return _cached(resolved(content_dir()))
