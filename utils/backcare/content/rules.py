"""The rules that span the core content files: unique ids and keys, every reference key known, every treatment,
guideline and level a position, effect or level names exists, diagnostic procedures report no effect on pain."""
from __future__ import annotations

from typing import Iterable

from .errors import Problem
from .models import FILES, PAIN_OUTCOMES
from .yamlio import YamlDoc

__all__ = ["CoreRules"]


class CoreRules:
    """Checks the rules that span the seven core files; ``run()`` fills ``problems`` (file order, then line)."""

    def __init__(self, models: dict, docs: dict[str, YamlDoc]):
        self.m = models
        self.docs = docs
        self.problems: list[Problem] = []

    def add(self, file: str, loc: tuple, message: str, allowed: Iterable[str] = ()) -> None:
        doc = self.docs[file]
        self.problems.append(Problem(doc.label, doc.line_of(loc), ".".join(map(str, loc)), message,
                                     tuple(allowed)))

    def unique(self, file: str, listname: str, items, key, what: str, field: str | None = None) -> None:
        first: dict = {}
        for i, item in enumerate(items):
            k = key(item)
            if k in first:
                loc = (listname, first[k]) + ((field,) if field else ())
                line = self.docs[file].line_of(loc)
                self.add(file, (listname, i) + ((field,) if field else ()),
                         f"duplicate {what} {k!r} (first at line {line}); {what}s are unique")
            else:
                first[k] = i

    def ref(self, file: str, loc: tuple, key: str | None) -> None:
        if key is not None and key not in self.refs:
            close = [k for k in self.refs if k.lower()[:4] == key.lower()[:4]][:5]
            hint = f"; similar keys: {', '.join(close)}" if close else ""
            self.add(file, loc, f"unknown reference key {key!r}: add it to references.yaml{hint}")

    def run(self) -> None:
        m = self.m
        refs = m["references.yaml"].references
        treatments = m["treatments.yaml"].treatments
        levels = m["invasiveness.yaml"].levels
        guidelines = m["guidelines.yaml"].guidelines
        positions = m["positions.yaml"].positions
        effects = m["effects.yaml"].effects
        facts = m["facts.yaml"].facts
        self.refs = {r.key for r in refs}
        self.unique("references.yaml", "references", refs, lambda r: r.key, "reference key", "key")
        self.unique("references.yaml", "references", refs, lambda r: r.doi or r.key, "DOI", "doi")
        self.unique("treatments.yaml", "treatments", treatments, lambda t: t.id, "treatment id", "id")
        self.unique("invasiveness.yaml", "levels", levels, lambda lv: lv.level, "level", "level")
        self.unique("guidelines.yaml", "guidelines", guidelines, lambda g: g.id, "guideline id", "id")
        self.unique("positions.yaml", "positions", positions, lambda p: (p.treatment, p.guideline, p.population),
                    "position (treatment, guideline, population)")
        self.unique("effects.yaml", "effects", effects, lambda e: e.id, "effect id", "id")
        self.unique("facts.yaml", "facts", facts, lambda f: f.id, "fact id", "id")

        tids = {t.id: t for t in treatments}
        gids = {g.id: g for g in guidelines}
        missing_levels = sorted(set(range(6)) - {lv.level for lv in levels})
        if missing_levels:
            self.add("invasiveness.yaml", ("levels",), f"levels {missing_levels} are missing; the scale is 0 to 5")
        for i, t in enumerate(treatments):
            for j, k in enumerate(t.references):
                self.ref("treatments.yaml", ("treatments", i, "references", j), k)
            for sev in ("common", "serious"):
                for h_i, h in enumerate(getattr(t.harms, sev)):
                    for j, k in enumerate(h.references):
                        self.ref("treatments.yaml", ("treatments", i, "harms", sev, h_i, "references", j), k)
            for j, k in enumerate(t.time_to_effect.references):
                self.ref("treatments.yaml", ("treatments", i, "time_to_effect", "references", j), k)
        for j, k in enumerate(m["invasiveness.yaml"].references):
            self.ref("invasiveness.yaml", ("references", j), k)
        for i, lv in enumerate(levels):
            for j, tid in enumerate(lv.example_treatments):
                loc = ("levels", i, "example_treatments", j)
                if tid not in tids:
                    self.add("invasiveness.yaml", loc, f"unknown treatment {tid!r}", sorted(tids))
                elif tids[tid].invasiveness != lv.level:
                    self.add("invasiveness.yaml", loc, f"treatment {tid!r} is at level {tids[tid].invasiveness} "
                                                       f"in treatments.yaml, not {lv.level}")
        for i, g in enumerate(guidelines):
            self.ref("guidelines.yaml", ("guidelines", i, "reference"), g.reference)
            for j, tid in enumerate(g.covers_only or []):
                if tid not in tids:
                    self.add("guidelines.yaml", ("guidelines", i, "covers_only", j), f"unknown treatment {tid!r}")
        for i, p in enumerate(positions):
            if p.treatment not in tids:
                self.add("positions.yaml", ("positions", i, "treatment"), f"unknown treatment {p.treatment!r}",
                         sorted(tids))
            if p.guideline not in gids:
                self.add("positions.yaml", ("positions", i, "guideline"),
                         f"guideline {p.guideline!r} is not in guidelines.yaml", sorted(gids))
            elif gids[p.guideline].covers_only is not None and p.treatment not in gids[p.guideline].covers_only:
                self.add("positions.yaml", ("positions", i, "treatment"),
                         f"{p.guideline} speaks only to {', '.join(gids[p.guideline].covers_only)}",
                         gids[p.guideline].covers_only)
            self.ref("positions.yaml", ("positions", i, "reference"), p.reference)
        for i, e in enumerate(effects):
            t = tids.get(e.treatment)
            if t is None:
                self.add("effects.yaml", ("effects", i, "treatment"), f"unknown treatment {e.treatment!r}",
                         sorted(tids))
            elif t.purpose == "diagnostic" and e.outcome in PAIN_OUTCOMES:
                self.add("effects.yaml", ("effects", i, "outcome"),
                         f"{e.treatment} is a diagnostic procedure: it has no effect on pain to report")
            self.ref("effects.yaml", ("effects", i, "reference"), e.reference)
            self.ref("effects.yaml", ("effects", i, "mid_reference"), e.mid_reference)
        for i, f in enumerate(facts):
            self.ref("facts.yaml", ("facts", i, "reference"), f.reference)
        # keep the order of problems stable: by file order, then line
        order = {name: n for n, name in enumerate(FILES)}
        label_order = {self.docs[name].label: order[name] for name in FILES}
        self.problems.sort(key=lambda p: (label_order.get(p.file, 99), p.line or 0))
