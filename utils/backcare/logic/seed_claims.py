"""The seed article's claims: look them up by topic and check that every number in their evidence text is the
number content/ holds (pure; the "What the evidence says" box is drawn by ``views.evidence``).

Examples
--------
>>> seed_claims()["opioids"].title
'Opioids'
>>> check_seed_claims()
[]
"""
from __future__ import annotations

import re

from ..choices import check_choice
from ..content import load_content
from ..content.seed_claims import SeedClaim
from ..content.store import load


def seed_claims() -> dict[str, SeedClaim]:
    """The seed-article claims by topic, from ``content/chapters/seed_claims.yaml`` (validated strictly)."""
    return {cl.topic: cl for cl in load("chapters/seed_claims.yaml").claims}


def seed_claim(topic: str) -> SeedClaim:
    """One claim by topic: the treatments.yaml id of the treatment it is about (``pain_free_life`` is about no single
    treatment); ``ValueError`` in the one message format, with similar topics.

    Examples
    --------
    >>> seed_claim("rf_ablation")
    Traceback (most recent call last):
    ...
    ValueError: 'rf_ablation' is not a valid seed-claim topic; supported values are facet_joint_injection, \
acupuncture, opioids, spinal_manipulation, pain_free_life, rf_denervation, nsaids, muscle_relaxants \
(similar: rf_denervation)
    """
    claims = seed_claims()
    return claims[check_choice(topic, claims, what="seed-claim topic")]


def check_seed_claims() -> list[str]:
    """Problems in the seed claims: unknown keys/treatments, numbers that do not match content (empty: all good).

    Each number named in ``numbers`` (its value, or estimate and interval ends) must appear in the evidence text; the
    check ignores the sign, because prose may say "reduced pain by 7.29 points".
    """
    c = load_content()
    problems = []
    for cl in seed_claims().values():
        problems += [f"{cl.topic}: unknown reference {k}" for k in c.cited_keys_ok(cl.references)]
        problems += [f"{cl.topic}: unknown treatment {t}" for t in cl.treatments if t not in c.treatments]
        for ref in cl.numbers:
            kind, _, rid = ref.partition(":")
            try:
                rec = c.fact(rid) if kind == "fact" else c.effect(rid) if kind == "effect" else None
            except KeyError as err:
                problems.append(f"{cl.topic}: {err.args[0]}")
                continue
            if rec is None:
                problems.append(f"{cl.topic}: number source {ref!r} must start with fact: or effect:")
                continue
            values = [getattr(rec, "value", None), getattr(rec, "estimate", None), rec.low, rec.high]
            for v in (v for v in values if v is not None):
                forms = {f"{x:g}", f"{x:.1f}", f"{x:.2f}"} if (x := abs(v)) else {"0"}  # "reduced by 7.29" is fine
                if not any(re.search(rf"(?<![\d.]){re.escape(f)}(?![\d])", cl.evidence) for f in forms):
                    problems.append(f"{cl.topic}: {ref} value {v:g} is not written in the evidence text")
    return problems
