"""backcare.views.evidence: the "What the evidence says" box (numbers, sources, escaping)."""
from __future__ import annotations

from backcare.content import seed_claims as seed_claims_model
from backcare.logic import seed_claims
from backcare.views import evidence


def test_evidence_box_escapes_text(monkeypatch):
    claim = seed_claims_model.SeedClaim.model_construct(topic="x", title="A <b>", claim="c <script>", evidence="e & -5 points",
                                            verdict="v", treatments=["opioids"], references=["Jones2023"],
                                            numbers=[])
    monkeypatch.setattr(seed_claims, "seed_claims", lambda: {"x": claim})
    html = evidence.evidence_box("x").html
    assert "<script>" not in html and "&lt;script&gt;" in html and "A &lt;b&gt;" in html
    assert "e &amp; −5 points" in html


def test_opioid_evidence_box_states_the_numbers_and_sources():
    box = evidence.evidence_box("opioids")
    assert box.text.splitlines()[0] == "What the evidence says: Opioids"
    assert "−10.1 points on a 0-100 pain scale (−12.8 to −7.4)" in box.text
    assert "about 20%" in box.text and "about 10%" in box.text
    assert box.text.splitlines()[-1] == "Sources: Jones 2023; Abdel Shaheed 2016; NICE NG59 2016; WHO 2023; CDC 2022"
    assert 'class="bc-evidence" role="note"' in box.html
    assert box._repr_mimebundle_()["text/plain"] == box.text
