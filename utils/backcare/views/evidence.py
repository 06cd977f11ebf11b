"""The "What the evidence says" box: a seed-article claim, paraphrased, beside what the evidence and guidelines say.

Examples
--------
>>> print(evidence_box("opioids").text.splitlines()[0])
What the evidence says: Opioids
>>> evidence_box("cupping")
Traceback (most recent call last):
...
ValueError: 'cupping' is not a valid seed-claim topic; supported values are facet_joint_injection, acupuncture, \
opioids, spinal_manipulation, pain_free_life, rf_denervation, nsaids, muscle_relaxants
"""
from __future__ import annotations

from ..fmt import minus
from ..logic.seed_claims import seed_claim
from .effect_text import labels
from .render import Html, render


def evidence_box(topic: str) -> Html:
    """A "What the evidence says" box correcting a seed-article claim that says more than the evidence."""
    cl = seed_claim(topic)
    evidence = minus(cl.evidence)
    sources = labels(cl.references)
    html = render("evidence_box.html.j2", title=cl.title, claim=cl.claim, evidence=evidence, verdict=cl.verdict,
                  sources=sources)
    text = "\n".join([f"What the evidence says: {cl.title}", f"The article claims (paraphrased): {cl.claim}",
                      evidence, f"In short: {cl.verdict}", f"Sources: {sources}"])
    return Html(html, text)
