"""Chapters 03 and 05 as HTML and words: the care-team table and cards, the "when invasive care is right" box, a
procedure's risk view (natural frequencies, icon arrays, other harms), and the alt text and table beside the icon
arrays. Numbers the fact sheet marks ~, M or ? are flagged as approximate wherever they appear.

Examples
--------
>>> box = when_invasive_care_is_right()
>>> box.text.splitlines()[1]
'- Suspected cauda equina syndrome (Emergency: same day)'
>>> reference_label("Peul2007")
'Peul 2007'
>>> reference_label("Nobody2020")
Traceback (most recent call last):
...
KeyError: "unknown reference key 'Nobody2020' (not in content/references.yaml)"
"""
from __future__ import annotations

from typing import Sequence

from ..content import load_content
from ..content import notices as _notices
from ..content.care_team import CareRole
from ..content.procedure_risks import Frequency
from .tables import Table
from ..fmt import count, frequency_sentence
from ..logic.procedures import frequencies_for, icon_counts, load_care_team, load_procedures
from .render import Html, render

URGENCY_LABELS = {"emergency": "Emergency: same day", "urgent": "Urgent: same day",
                  "elective": "Planned choice: not an emergency"}
URGENT_NOTE = _notices.notice_text()  # one wording, content/notices.yaml (issue 15)
EDITORIAL_SOURCE = "how care is usually organised (editorial)"


def reference_label(key: str) -> str:
    """A short in-text label for a reference key (its ``label``, else first author and year)."""
    refs = load_content().references
    if key not in refs:
        raise KeyError(f"unknown reference key {key!r} (not in content/references.yaml)")
    ref = refs[key]
    if ref.label:
        return ref.label
    first = ref.authors.split(",")[0].replace(" et al.", "").strip()
    surname = first.split(" ")[0] if " " in first else first
    return f"{surname} {ref.year}" if ref.year else surname


def _sources(keys: Sequence[str]) -> str:
    return "; ".join(reference_label(k) for k in keys)


def short_label(f: Frequency) -> str:
    """The procedure's name without brackets or "for ..." (a panel title)."""
    name = load_content().treatments[f.treatment].name
    return name.split(" (")[0].split(" for ")[0]


def frequency_alt_text(freqs: Sequence[Frequency]) -> str:
    """Alt text stating each plotted frequency in words (generated from the data)."""
    parts = []
    for f in freqs:
        certain, uncertain, rest = icon_counts(f)
        parts.append(f"{short_label(f)}: {frequency_sentence(f)} Drawn as {certain} marked and {uncertain} "
                     f"uncertain icons out of {f.per:,}.")
    return "Icon arrays of natural frequencies. " + " ".join(parts)


def frequency_table(freqs: Sequence[Frequency]) -> Table:
    rows = [[short_label(f), f.event, f"{count(f.low)} to {count(f.high)}" if f.low != f.high else count(f.high),
             f"{f.per:,}", "yes" if f.approximate else "no", reference_label(f.reference)] for f in freqs]
    return Table(["Procedure", "Event", "Count", "Out of", "Approximate", "Source"], rows,
                 caption="The numbers in these icon arrays")


def when_invasive_care_is_right() -> Html:
    """The "when invasive care is right" box: the situations, how urgent each is, and what happens."""
    data = load_procedures()
    indications = [{"name": ind.name, "urgency": URGENCY_LABELS[ind.urgency], "signs": ind.signs,
                    "what_happens": ind.what_happens, "sources": [reference_label(k) for k in ind.references],
                    "editorial": ind.what_happens_editorial}
                   for ind in data.indications]
    lines = ["When invasive care is right:"]
    lines += [f"- {ind.name} ({URGENCY_LABELS[ind.urgency]})" for ind in data.indications]
    lines.append(URGENT_NOTE)
    return Html(render("when_invasive_care_is_right.html.j2", indications=indications, note=URGENT_NOTE),
                "\n".join(lines))


def care_team_table() -> Html:
    """A table of the care team: who does what, when they come in, and what is not their role.

    It takes no arguments; a broken care-team file raises ``ContentError`` naming the file, line and field.

    >>> table = care_team_table()
    >>> table.text.splitlines()[0]
    'Care team: 9 roles (General practitioner (family doctor); Physiotherapist (physical therapist); Nurse (practice nurse, nurse practitioner, specialist nurse); Pharmacist; Psychologist; Chiropractor; Occupational therapist; Pain-medicine physician; Spinal surgeon (orthopaedic surgeon or neurosurgeon)).'
    """
    team = load_care_team()
    roles = [{"name": r.name, "what_they_do": r.what_they_do, "when_involved": r.when_involved,
              "not_their_role": r.not_their_role,
              "sources": _sources(r.references) if r.references else EDITORIAL_SOURCE} for r in team.roles]
    text = f"Care team: {len(team.roles)} roles ({'; '.join(r.name for r in team.roles)})."
    return Html(render("care_team_table.html.j2", roles=roles, note=team.note), text)


def role_card(role: CareRole) -> str:
    """One member of the care team as a card (the care-team explorer's view)."""
    return render("care_role_card.html.j2", role=role,
                  sources=_sources(role.references) if role.references else EDITORIAL_SOURCE)


def _harm_items(treatment_id: str) -> list[dict]:
    t = load_content().treatments[treatment_id]
    items = []
    for kind, harms in (("Common", t.harms.common), ("Serious", t.harms.serious)):
        for h in harms:
            if h.references:
                src = f" ({_sources(h.references)})"
            else:
                src = " (not confirmed in a source; rates vary)" if h.confidence == "?" else " (not confirmed in a source)"
            items.append({"kind": kind, "text": h.text, "source": src})
    return items


def risk_view_html(treatment_id: str, image: Html | None) -> str:
    """The risk explorer's view for one procedure: natural frequencies (with ``image``, its icon arrays) and other
    known harms."""
    t = load_content().treatments[treatment_id]
    freqs = [{"sentence": frequency_sentence(f), "source": _sources([f.reference])}
             for f in frequencies_for(treatment_id, "harm")]
    return render("procedure_risk_view.html.j2", name=t.name, frequencies=freqs, image=image or "",
                  harms=_harm_items(treatment_id))
