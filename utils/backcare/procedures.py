"""Chapters 03 and 05: the care team, risks of procedures as natural frequencies, and when invasive care is right.

Data come from ``content/chapters/03_care_team.yaml`` and ``content/chapters/05_procedures.yaml`` (validated by the
models below, every number with a reference and a confidence mark) and from the treatments in ``content/``. The
shared tier builders (options table, effect chart, guideline matrix, tier explorer, evidence boxes) live in
``backcare.lessons.treatments``; this module adds only what those chapters need beyond them.

Risks are shown as natural frequencies ("about 16 in every 1,000 people"), never as log scales; numbers that the fact
sheet marks ~, M or ? are flagged as approximate wherever they appear (design §4).

Examples
--------
>>> f = frequency("discectomy_complications")
>>> print(frequency_sentence(f))
About 16 in every 1,000 people had a complication of surgery such as a tear of the membrane around the nerves or bleeding (Peul 2007 trial) (1.6%). Approximate figure.
>>> frequency("no_such_risk")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
KeyError: "no frequency 'no_such_risk' in content/chapters/05_procedures.yaml (known: ...discectomy_complications, ...)"
"""
from __future__ import annotations

import functools
import html as _html
from typing import Literal, Sequence

from pydantic import Field, model_validator

from .content import notices as _notices
from .content.models import Confidence, ContentFile, Id, Key, Strict, Text
from .fmt import count, per_scale, share_of
from .figures import PALETTE, Table, course_style, img_html, png_bytes, render_figure
from .paths import content_dir
from .widgets import Explorer, escape, explorer

CARE_TEAM_FILE = "03_care_team.yaml"
PROCEDURES_FILE = "05_procedures.yaml"

#: Procedures shown by the risk explorer, in order of invasiveness (ids from content/treatments.yaml).
PROCEDURE_ORDER = ("epidural_steroid_injection", "facet_joint_injection", "medial_branch_block", "rf_denervation",
                   "spinal_cord_stimulation", "discectomy", "decompression", "spinal_fusion")

URGENCY_LABELS = {"emergency": "Emergency: same day", "urgent": "Urgent: same day",
                  "elective": "Planned choice: not an emergency"}


# ---------------------------------------------------------------------------------------------------------------------
# Models
# ---------------------------------------------------------------------------------------------------------------------
class CareRole(Strict):
    """One member of the care team: what they do, when they come in, and what is not their role."""

    id: Id
    name: Text
    what_they_do: Text
    when_involved: Text
    not_their_role: Text
    references: list[Key]
    editorial: bool = False

    @model_validator(mode="after")
    def _sourced(self) -> "CareRole":
        if not self.references and not self.editorial:
            raise ValueError("a role needs references, or editorial: true when it describes how care is organised")
        return self


class CareTeamFile(ContentFile):
    note: Text
    roles: list[CareRole] = Field(min_length=1)


class Frequency(Strict):
    """How many people (or injections) out of ``per`` had an event: a natural frequency with its source."""

    id: Id
    label: Text
    """A short name for the event, used as the chart's panel title."""
    treatment: Id
    category: Literal["harm", "course"]
    event: Text
    unit: Literal["people", "injections"]
    per: Literal[100, 1000] = 1000
    kind: Literal["about", "range", "up_to", "fewer_than"]
    low: float = Field(ge=0)
    high: float = Field(ge=0)
    reference: Key
    confidence: Confidence
    approximate: bool
    fact: Id | None = None
    """The id in content/facts.yaml when that file already holds the number (as a %): the loader checks they agree."""
    note: Text | None = None

    @model_validator(mode="after")
    def _consistent(self) -> "Frequency":
        if self.low > self.high:
            raise ValueError(f"low {self.low:g} is above high {self.high:g}")
        if self.high > self.per:
            raise ValueError(f"high {self.high:g} is more than the {self.per} people it is counted out of")
        if self.kind == "about" and self.low != self.high:
            raise ValueError("kind 'about' is one number: give the same low and high")
        if self.kind == "range" and self.low == self.high:
            raise ValueError("kind 'range' needs low below high (use 'about' for one number)")
        if self.kind in ("up_to", "fewer_than") and self.low != 0:
            raise ValueError(f"kind {self.kind!r} gives only an upper figure: set low to 0")
        if self.confidence in ("~", "M", "?") and not self.approximate:
            raise ValueError(f"confidence {self.confidence} means the number is not confirmed: set approximate: true")
        return self


class Indication(Strict):
    """A situation in which invasive care is the right choice, with how urgent it is."""

    id: Id
    name: Text
    signs: Text
    what_happens: Text
    urgency: Literal["emergency", "urgent", "elective"]
    references: list[Key] = Field(min_length=1)
    what_happens_editorial: bool = False
    """True when the sources cover recognising the situation but not its treatment (issue 15: a red-flag framework
    is not a source for treatment details); the box then says the "what happens" line is a course summary."""


class ProceduresFile(ContentFile):
    frequencies: list[Frequency] = Field(min_length=1)
    indications: list[Indication] = Field(min_length=1)


# ---------------------------------------------------------------------------------------------------------------------
# Loading (cached), with cross-checks against content/
# ---------------------------------------------------------------------------------------------------------------------
def _content():
    from .content import load_content

    return load_content()


def _check_links(shown: str, keys: list[tuple[str, str]], treatments: list[tuple[str, str]]) -> None:
    from .content import ContentError
    from .content.errors import Problem

    c = _content()
    problems = [Problem(shown, None, path, f"unknown reference key {key!r} (not in content/references.yaml)")
                for path, key in keys if key not in c.references]
    problems += [Problem(shown, None, path, f"unknown treatment {tid!r} (not in content/treatments.yaml)")
                 for path, tid in treatments if tid not in c.treatments]
    if problems:
        raise ContentError(problems)


@functools.lru_cache(maxsize=None)
def load_care_team() -> CareTeamFile:
    """The care team of chapter 03, validated, with every reference key checked.

    >>> [r.id for r in load_care_team().roles][:3]
    ['gp', 'physiotherapist', 'nurse']
    """
    from .content import load_yaml_model

    data = load_yaml_model(content_dir() / "chapters" / CARE_TEAM_FILE, CareTeamFile)
    keys = [(f"roles.{i}.references.{j}", k) for i, r in enumerate(data.roles) for j, k in enumerate(r.references)]
    _check_links(f"content/chapters/{CARE_TEAM_FILE}", keys, [])
    return data


@functools.lru_cache(maxsize=None)
def load_procedures() -> ProceduresFile:
    """Chapter 05's frequencies and indications, validated, with references and treatment ids checked.

    >>> len(load_procedures().indications)
    5
    """
    from .content import load_yaml_model

    data = load_yaml_model(content_dir() / "chapters" / PROCEDURES_FILE, ProceduresFile)
    keys = [(f"frequencies.{i}.reference", f.reference) for i, f in enumerate(data.frequencies)]
    keys += [(f"indications.{i}.references.{j}", k) for i, ind in enumerate(data.indications)
             for j, k in enumerate(ind.references)]
    treatments = [(f"frequencies.{i}.treatment", f.treatment) for i, f in enumerate(data.frequencies)]
    shown = f"content/chapters/{PROCEDURES_FILE}"
    _check_links(shown, keys, treatments)
    _check_facts(shown, data.frequencies)
    return data


def _check_facts(shown: str, freqs: Sequence[Frequency]) -> None:
    """A frequency that names a fact must give the same numbers (a % in facts.yaml, scaled to ``per``)."""
    from .content import ContentError
    from .content.errors import Problem

    c = _content()
    problems = []
    for i, f in enumerate(freqs):
        if f.fact is None:
            continue
        if f.fact not in c.facts:
            problems.append(Problem(shown, None, f"frequencies.{i}.fact", f"unknown fact {f.fact!r} (not in content/facts.yaml)"))
            continue
        fact = c.facts[f.fact]
        if fact.unit != "%":
            problems.append(Problem(shown, None, f"frequencies.{i}.fact", f"fact {f.fact!r} is in {fact.unit!r}, not %"))
            continue
        lo = fact.value if fact.value is not None else fact.low
        hi = fact.value if fact.value is not None else fact.high
        want = (round(lo * f.per / 100, 6), round(hi * f.per / 100, 6))
        got = (round(f.low, 6), round(f.high, 6))
        if f.kind in ("up_to", "fewer_than"):  # only the upper figure is stated
            got, want = got[1:], want[1:]
        if got != want:
            problems.append(Problem(shown, None, f"frequencies.{i}",
                                    f"low/high {f.low:g}/{f.high:g} per {f.per} do not match fact {f.fact!r} "
                                    f"({lo:g} to {hi:g}%, i.e. {lo * f.per / 100:g} to {hi * f.per / 100:g} per {f.per})"))
    if problems:
        raise ContentError(problems)


def frequency(frequency_id: str) -> Frequency:
    """One frequency by id; ``KeyError`` lists the known ids."""
    data = load_procedures()
    for f in data.frequencies:
        if f.id == frequency_id:
            return f
    known = ", ".join(f.id for f in data.frequencies)
    raise KeyError(f"no frequency {frequency_id!r} in content/chapters/{PROCEDURES_FILE} (known: {known})")


def frequencies_for(treatment: str, category: str | None = None) -> list[Frequency]:
    """The frequencies recorded for one treatment (optionally one category: ``harm`` or ``course``).

    Examples
    --------
    >>> [f.id for f in frequencies_for("discectomy", "course")]
    ['peul_waiting_operated_1_year', 'peul_waiting_operated_2_years']
    >>> frequencies_for("discectomy", "benefit")
    Traceback (most recent call last):
    ...
    ValueError: category must be 'harm', 'course' or None, not 'benefit'
    """
    if category not in (None, "harm", "course"):
        raise ValueError(f"category must be 'harm', 'course' or None, not {category!r}")
    return [f for f in load_procedures().frequencies
            if f.treatment == treatment and (category is None or f.category == category)]


def reference_label(key: str) -> str:
    """A short in-text label for a reference key (its ``label``, else first author and year).

    Examples
    --------
    >>> reference_label("Peul2007")
    'Peul 2007'
    >>> reference_label("Nobody2020")
    Traceback (most recent call last):
    ...
    KeyError: "unknown reference key 'Nobody2020' (not in content/references.yaml)"
    """
    refs = _content().references
    if key not in refs:
        raise KeyError(f"unknown reference key {key!r} (not in content/references.yaml)")
    ref = refs[key]
    if ref.label:
        return ref.label
    first = ref.authors.split(",")[0].replace(" et al.", "").strip()
    surname = first.split(" ")[0] if " " in first else first
    return f"{surname} {ref.year}" if ref.year else surname


# ---------------------------------------------------------------------------------------------------------------------
# Natural frequencies
# ---------------------------------------------------------------------------------------------------------------------
def frequency_sentence(f: Frequency) -> str:
    """The frequency as a plain sentence: count out of ``per`` (or out of 10,000 when under 1 in 1,000), with %.

    Examples
    --------
    >>> print(frequency_sentence(frequency("decompression_side_effects")))
    Between 100 and 240 in every 1,000 people had side effects of surgery in the surgical groups of stenosis trials (none were reported with non-surgical care) (10% to 24%).
    >>> frequency_sentence("discectomy_complications")
    Traceback (most recent call last):
    ...
    TypeError: frequency_sentence() needs a Frequency (use frequency('<id>')), not str
    """
    if not isinstance(f, Frequency):
        raise TypeError(f"frequency_sentence() needs a Frequency (use frequency('<id>')), not {type(f).__name__}")
    low, high, per = per_scale(f.low, f.high, f.per)  # too rare to count per 1,000: say it per 10,000
    out_of = f"in every {per:,} {f.unit}"
    if f.kind == "about":
        text = f"About {count(high)} {out_of} {f.event} ({share_of(f.high, f.per)})."
    elif f.kind == "range":
        text = f"Between {count(low)} and {count(high)} {out_of} {f.event} ({share_of(f.low, f.per)} to {share_of(f.high, f.per)})."
    elif f.kind == "up_to":
        text = f"Up to {count(high)} {out_of} {f.event} (up to {share_of(f.high, f.per)})."
    else:
        text = f"Fewer than {count(high)} {out_of} {f.event} (under {share_of(f.high, f.per)})."
    if f.approximate:
        text += " Approximate figure."
    return text


def icon_counts(f: Frequency) -> tuple[int, int, int]:
    """Icons to draw out of ``per``: (certain, uncertain, without the event).

    ``certain`` = the lower figure, ``uncertain`` = the gap up to the upper figure (a range, "up to" or "fewer
    than"), rounded half up; a frequency under 1 icon draws none and the chart says so (never rounded up to 1).

    >>> icon_counts(frequency("decompression_side_effects"))
    (100, 140, 760)
    >>> icon_counts(frequency("discectomy_repeat_surgery_1_year"))
    (0, 40, 960)
    """
    from decimal import ROUND_HALF_UP, Decimal

    def whole(x: float) -> int:
        return int(Decimal(repr(float(x))).quantize(Decimal(1), rounding=ROUND_HALF_UP))

    if f.high < 1:  # fewer than one icon: draw none rather than round a rare event up to a whole person
        return 0, 0, f.per
    certain = whole(f.low)
    uncertain = whole(f.high) - certain
    return certain, uncertain, f.per - certain - uncertain


def _short_label(f: Frequency) -> str:
    name = _content().treatments[f.treatment].name
    return name.split(" (")[0].split(" for ")[0]


def _wrap(text: str, width: int) -> str:
    import textwrap

    return "\n".join(line for part in text.split("\n") for line in (textwrap.wrap(part, width) or [part]))


def plot_icon_array(f: Frequency, ax=None):
    """Draw ``f`` as an icon array of ``per`` people (or injections); colour and marker shape both carry meaning.

    Examples
    --------
    >>> fig = plot_icon_array(frequency("discectomy_complications"))
    >>> fig.axes[0].get_title().splitlines()[1]
    'Complications of surgery'
    >>> import matplotlib.pyplot as plt; plt.close(fig)
    >>> plot_icon_array("discectomy_complications")
    Traceback (most recent call last):
    ...
    TypeError: plot_icon_array() needs a Frequency (use frequency('<id>')), not str
    """
    import matplotlib.pyplot as plt

    if not isinstance(f, Frequency):
        raise TypeError(f"plot_icon_array() needs a Frequency (use frequency('<id>')), not {type(f).__name__}")

    certain, uncertain, rest = icon_counts(f)
    cols = 40 if f.per == 1000 else 10
    rows = f.per // cols
    with course_style():
        if ax is None:
            fig, ax = plt.subplots(figsize=(4.6, 3.4) if f.per == 1000 else (3.2, 3.4))
        else:
            fig = ax.figure
        xs = [i % cols for i in range(f.per)]
        ys = [rows - 1 - i // cols for i in range(f.per)]
        size = 14 if f.per == 1000 else 90
        groups = [
            (0, certain, "o", PALETTE["vermillion"], f"{certain} with the event"),
            (certain, certain + uncertain, "D", PALETTE["orange"],
             f"up to {uncertain} {'more ' if certain else ''}(the upper figure)"),
            (certain + uncertain, f.per, ".", PALETTE["grey"], f"{rest} without it"),
        ]
        for start, stop, marker, colour, label in groups:
            if stop > start:
                ax.scatter(xs[start:stop], ys[start:stop], s=size if marker != "." else size * 0.8,
                           marker=marker, color=colour, label=label, linewidths=0)
        if certain + uncertain == 0:
            ax.text(cols / 2, rows / 2, f"Fewer than 1 in {f.per:,}\n(about {count(f.high * 10)} in 10,000):\ntoo few to draw",
                    ha="center", va="center",
                    fontsize=10, bbox={"facecolor": "white", "edgecolor": "black"})
        ax.set_xlim(-1, cols)
        ax.set_ylim(-1.5, rows)
        ax.set_aspect("equal")
        ax.axis("off")
        title = f"{_short_label(f)}\n{f.label}\nout of {f.per:,} {f.unit}"
        if f.approximate:
            title += " (approximate)"
        ax.set_title(_wrap(title, 46), fontsize=9.5)
        if certain + uncertain:
            ax.legend(loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=1, fontsize=8, frameon=False)
    return fig


def frequency_alt_text(freqs: Sequence[Frequency]) -> str:
    """Alt text stating each plotted frequency in words (generated from the data)."""
    parts = []
    for f in freqs:
        certain, uncertain, rest = icon_counts(f)
        parts.append(f"{_short_label(f)}: {frequency_sentence(f)} Drawn as {certain} marked and {uncertain} "
                     f"uncertain icons out of {f.per:,}.")
    return "Icon arrays of natural frequencies. " + " ".join(parts)


def frequency_table(freqs: Sequence[Frequency]) -> Table:
    rows = [[_short_label(f), f.event, f"{count(f.low)} to {count(f.high)}" if f.low != f.high else count(f.high),
             f"{f.per:,}", "yes" if f.approximate else "no", reference_label(f.reference)] for f in freqs]
    return Table(["Procedure", "Event", "Count", "Out of", "Approximate", "Source"], rows,
                 caption="The numbers in these icon arrays")


def show_procedure_risks(category: str = "harm", treatment: str | None = None):
    """Icon arrays for the recorded frequencies of one category (``harm`` or ``course``), optionally one treatment.

    >>> shown = show_procedure_risks("course")
    >>> "About 39 in every 100 people" in shown.alt
    True
    >>> show_procedure_risks("benefit")
    Traceback (most recent call last):
    ...
    ValueError: category must be 'harm' or 'course', not 'benefit'
    """
    import matplotlib.pyplot as plt

    if category not in ("harm", "course"):
        raise ValueError(f"category must be 'harm' or 'course', not {category!r}")
    freqs = [f for f in load_procedures().frequencies
             if f.category == category and (treatment is None or f.treatment == treatment)]
    if not freqs:
        raise ValueError(f"no {category} frequencies recorded for {treatment!r}")
    with course_style():
        ncols = min(3, len(freqs))
        nrows = -(-len(freqs) // ncols)
        fig, axes = plt.subplots(nrows, ncols, figsize=(4.3 * ncols, 3.7 * nrows), squeeze=False)
        for ax, f in zip(axes.flat, freqs):
            plot_icon_array(f, ax=ax)
        for ax in list(axes.flat)[len(freqs):]:
            ax.axis("off")
    return render_figure(fig, frequency_alt_text(freqs), table=frequency_table(freqs))


# ---------------------------------------------------------------------------------------------------------------------
# Displayable HTML blocks
# ---------------------------------------------------------------------------------------------------------------------
class HtmlBox:
    """Pre-rendered HTML that displays as itself, with a deterministic plain-text summary for nbval."""

    def __init__(self, html: str, text: str):
        self.html = html
        self.text = text

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": self.html, "text/plain": self.text}


def _sources(keys: Sequence[str]) -> str:
    return "; ".join(escape(reference_label(k)) for k in keys)


URGENT_NOTE = _notices.notice_text()  # one wording, content/notices.yaml


def when_invasive_care_is_right() -> HtmlBox:
    """The "when invasive care is right" box: the situations, how urgent each is, and what happens.

    >>> box = when_invasive_care_is_right()
    >>> box.text.splitlines()[1]
    '- Suspected cauda equina syndrome (Emergency: same day)'
    """
    data = load_procedures()
    items = []
    lines = ["When invasive care is right:"]
    for ind in data.indications:
        items.append(
            f'<li><strong>{escape(ind.name)}</strong> <span class="bc-badge">{escape(URGENCY_LABELS[ind.urgency])}'
            f"</span><br><em>Signs:</em> {escape(ind.signs)}"
            f' <span class="bc-source">(Sources: {_sources(ind.references)})</span>'
            f"<br><em>What happens:</em> {escape(ind.what_happens)}"
            + (' <span class="bc-source">(course summary of usual care, not from the sources above)</span>'
               if ind.what_happens_editorial else f' <span class="bc-source">(Sources: {_sources(ind.references)})</span>')
            + "</li>"
        )
        lines.append(f"- {ind.name} ({URGENCY_LABELS[ind.urgency]})")
    body = (
        '<div class="bc-box" role="region" aria-label="When invasive care is right">'
        "<h3>When invasive care is right</h3>"
        "<p>Comparing options by invasiveness does not make invasive care wrong. In these situations a procedure or "
        "an operation is the right care, sometimes urgently:</p>"
        f"<ul>{''.join(items)}</ul>"
        f"<p><strong>{escape(URGENT_NOTE)}</strong></p></div>"
    )
    lines.append(URGENT_NOTE)
    return HtmlBox(body, "\n".join(lines))


#: Text columns read left-aligned (notebook front ends right-align table cells by default).
_LEFT = ' style="text-align:left;vertical-align:top"'


def care_team_table() -> HtmlBox:
    """A table of the care team: who does what, when they come in, and what is not their role.

    It takes no arguments; a broken care-team file raises ``ContentError`` naming the file, line and field.

    >>> table = care_team_table()
    >>> table.text.splitlines()[0]
    'Care team: 9 roles (General practitioner (family doctor); Physiotherapist (physical therapist); Nurse (practice nurse, nurse practitioner, specialist nurse); Pharmacist; Psychologist; Chiropractor; Occupational therapist; Pain-medicine physician; Spinal surgeon (orthopaedic surgeon or neurosurgeon)).'
    """
    team = load_care_team()
    rows = []
    for r in team.roles:
        src = _sources(r.references) if r.references else "how care is usually organised (editorial)"
        rows.append(
            f'<tr><th scope="row"{_LEFT}>{escape(r.name)}</th><td{_LEFT}>{escape(r.what_they_do)}</td>'
            f"<td{_LEFT}>{escape(r.when_involved)}</td><td{_LEFT}>{escape(r.not_their_role)}</td>"
            f"<td{_LEFT}>{src}</td></tr>"
        )
    head = "".join(f'<th scope="col"{_LEFT}>{h}</th>' for h in
                   ("Role", "What they do", "When they come in", "Not their role", "Sources"))
    body = (f'<table class="bc-table"><caption>Who does what in back pain care</caption><thead><tr>{head}</tr>'
            f"</thead><tbody>{''.join(rows)}</tbody></table><p><em>{escape(team.note)}</em></p>")
    text = f"Care team: {len(team.roles)} roles ({'; '.join(r.name for r in team.roles)})."
    return HtmlBox(body, text)


def _role_card(role: CareRole) -> str:
    src = _sources(role.references) if role.references else "how care is usually organised (editorial)"
    return (
        f'<div class="bc-box" role="region" aria-label="{escape(role.name)}"><h3>{escape(role.name)}</h3>'
        f"<p><strong>What they do:</strong> {escape(role.what_they_do)}</p>"
        f"<p><strong>When they come in:</strong> {escape(role.when_involved)}</p>"
        f"<p><strong>Not their role:</strong> {escape(role.not_their_role)}</p>"
        f'<p class="bc-source">Sources: {src}</p></div>'
    )


def care_team_explorer(role: str = "gp") -> Explorer:
    """Choose a member of the care team to see what they do; works on the static page.

    >>> ex = care_team_explorer("chiropractor")
    >>> "technique, not a profession" in ex.visible_html()
    True
    >>> care_team_explorer("dentist")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: role must be one of gp, physiotherapist, nurse, ..., surgeon; not 'dentist'
    """
    roles = load_care_team().roles
    ids = [r.id for r in roles]
    if role not in ids:
        raise ValueError(f"role must be one of {', '.join(ids)}; not {role!r}")
    views = [(r.name, _role_card(r)) for r in roles]
    return explorer("Care team", views, description="Team member", index=ids.index(role))


def _harm_items(treatment_id: str) -> list[str]:
    t = _content().treatments[treatment_id]
    items = []
    for kind, harms in (("Common", t.harms.common), ("Serious", t.harms.serious)):
        for h in harms:
            if h.references:
                src = f" ({_sources(h.references)})"
            else:
                src = " (not confirmed in a source; rates vary)" if h.confidence == "?" else " (not confirmed in a source)"
            items.append(f"<li>{kind}: {escape(h.text)}{src}</li>")
    return items


def risk_view_html(treatment_id: str) -> str:
    """The risk explorer's view for one procedure: natural frequencies (with icon array) and other known harms."""
    t = _content().treatments[treatment_id]
    freqs = frequencies_for(treatment_id, "harm")
    parts = [f'<div class="bc-box" role="region" aria-label="Risks: {escape(t.name)}"><h3>{escape(t.name)}</h3>']
    if freqs:
        sentences = "".join(
            f"<li>{escape(frequency_sentence(f))} <span class=\"bc-source\">({_sources([f.reference])})</span></li>"
            for f in freqs)
        parts.append(f"<p><strong>Counted out of 1,000:</strong></p><ul>{sentences}</ul>")
        import matplotlib.pyplot as plt

        with course_style():
            fig, axes = plt.subplots(1, len(freqs), figsize=(4.3 * len(freqs), 3.7), squeeze=False)
            for ax, f in zip(axes.flat, freqs):
                plot_icon_array(f, ax=ax)
            png = png_bytes(fig)
            plt.close(fig)
        parts.append(img_html(png, frequency_alt_text(freqs)))
    else:
        parts.append("<p><strong>No reliable frequency</strong> is recorded in this course's sources, so no count "
                     "out of 1,000 is given.</p>")
    harms = _harm_items(treatment_id)
    if harms:
        parts.append(f"<p><strong>Other harms described:</strong></p><ul>{''.join(harms)}</ul>")
    parts.append("</div>")
    return "".join(parts)


def procedure_risk_explorer(treatment: str = "epidural_steroid_injection") -> Explorer:
    """Choose a procedure to see its risks as natural frequencies; works on the static page (pre-rendered views).

    >>> ex = procedure_risk_explorer("decompression")
    >>> "Between 100 and 240 in every 1,000 people" in ex.visible_html()
    True
    >>> procedure_risk_explorer("yoga")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: treatment must be one of epidural_steroid_injection, ..., spinal_fusion; not 'yoga'
    """
    if treatment not in PROCEDURE_ORDER:
        raise ValueError(f"treatment must be one of {', '.join(PROCEDURE_ORDER)}; not {treatment!r}")
    c = _content()
    views = [(c.treatments[t].name, risk_view_html(t)) for t in PROCEDURE_ORDER]
    return explorer("Risks of procedures", views, description="Procedure", index=PROCEDURE_ORDER.index(treatment))
