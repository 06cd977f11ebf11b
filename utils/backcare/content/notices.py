"""The series' standing notices (content/notices.yaml): one "not medical advice" wording and one urgent-symptoms
wording, each held once with its sources and used everywhere (issue 15 item 2; issue 13 item 3).

Examples
--------
>>> n = load_notices()
>>> "same day" in n.urgent_symptoms.text and "days, not weeks" not in n.urgent_symptoms.text
True
>>> notice_text().startswith("Teaching material, not medical advice.")
True
"""
from __future__ import annotations

from pydantic import Field

from .models import Confidence, Key, Strict, Text

NOTICES_FILE = "notices.yaml"


class UrgentSymptoms(Strict):
    """The one urgent-symptoms wording: which symptoms need help the same day, with its sources."""

    heading: Text
    text: Text
    references: list[Key] = Field(min_length=1)
    confidence: Confidence
    note: Text | None = None


class NoticesFile(Strict):
    """content/notices.yaml."""

    not_medical_advice: Text
    urgent_symptoms: UrgentSymptoms


def load_notices() -> NoticesFile:
    """The validated notices (cached by the one content loader); a bad file raises ContentError naming file, line and
    field."""
    from .store import load

    return load(NOTICES_FILE)


def notice_text() -> str:
    """Both notices as one plain-text paragraph (for boxes beside calculators, cases and decisions)."""
    n = load_notices()
    return f"{n.not_medical_advice} {n.urgent_symptoms.heading}. {n.urgent_symptoms.text}"
