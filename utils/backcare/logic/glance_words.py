"""The glance rows in words: harm figures, the headline message (only where the data show it), the whole chart as
text (alt text and plain-text twin), short labels. Pure; see :mod:`backcare.logic.glance` for the rows.
"""
from __future__ import annotations

from .glance import BENEFIT, BENEFIT_RANK, HARM_KINDS, Glance, _lower_first, glance  # noqa: F401
from ..fmt import num


def harm_words(figure) -> str:
    """A harm figure in words: '75 in 1,000 people: Reoperation (As reported by each study (varied))'."""
    from ..content.harms import PER_WORDS

    unit = {"people": "people", "people per year": "people a year", "injections": "injections",
            "operations": "operations"}[figure.unit]
    return f"{num(figure.value)} in {PER_WORDS[figure.per]} {unit}"


def per_1000(figure) -> float:
    """The figure per 1,000 (for ordering only; never drawn on a shared axis)."""
    return figure.value * 1000 / figure.per


def headline_message(g: Glance) -> str | None:
    """The chart's message, stated only where the categories show it; None otherwise.

    It is stated when the best-supported benefit among options at levels 0-2 is strictly better than any at levels
    3-5 (so "benefit does not rise with invasiveness" is what this condition's data say), never from ties.

    Examples
    --------
    >>> headline_message(glance("chronic_lbp"))
    'Benefit does not rise with invasiveness: the best-supported benefit is exercise therapy (level 1, important benefit); no option at levels 3 to 5 shows more than small, below the threshold.'
    >>> headline_message(glance("sciatica")) is None
    True
    """
    low = [r for r in g.rows if r.level <= 2 and r.benefit]
    high = [r for r in g.rows if r.level >= 3]
    if not low or not high:
        return None
    best_low = max(low, key=lambda r: BENEFIT_RANK[r.best_benefit])
    best_high = max(high, key=lambda r: BENEFIT_RANK[r.best_benefit])
    if BENEFIT_RANK[best_low.best_benefit] <= BENEFIT_RANK[best_high.best_benefit]:
        return None
    if best_high.best_benefit == "not_estimated":
        return None  # nothing estimated at the invasive end: no comparison to state
    return (f"Benefit does not rise with invasiveness: the best-supported benefit is {_lower_first(best_low.name)} "
            f"(level {best_low.level}, {BENEFIT[best_low.best_benefit][1].lower()}); no option at levels 3 to 5 "
            f"shows more than {BENEFIT[best_high.best_benefit][1].lower()}.")


def glance_text(g: Glance) -> str:
    """The whole chart in words (alt text and the plain-text twin): every row's level, benefit, harm and directions.

    Examples
    --------
    >>> print(glance_text(glance("stenosis")).splitlines()[3])
    Level 3, Epidural steroid injection: benefit not estimated; serious harm 8.1 in 1,000,000 people (Serious spinal adverse event); NICE against (do not offer), ACP out of scope, WHO out of scope.
    """
    lines = [f"{g.condition_name}: {len(g.rows)} options by invasiveness level (0 to 5)."]
    msg = headline_message(g)
    if msg:
        lines[0] += " " + msg
    for r in g.rows:
        benefit = "; ".join(b.text for b in r.benefit) if r.benefit else "not estimated"
        if r.harm.kind == "figure":
            harm = "; ".join(f"{harm_words(f)} ({f.harm})" for f in r.harm.figures)
        else:
            harm = HARM_KINDS[r.harm.kind]
        gl = ", ".join(f"{c.guideline} {c.label.lower()}" for c in r.guidelines)
        lines.append(f"Level {r.level}, {r.name}: benefit {benefit[0].lower() + benefit[1:]}; serious harm {harm}; {gl}.")
    return "\n".join(lines)


def short_name(name: str) -> str:
    """A short chart label: the acronym in brackets if there is one, else the name without its brackets.

    >>> short_name("Non-steroidal anti-inflammatory drugs (NSAIDs)"), short_name("Superficial heat (heat wrap)")
    ('NSAIDs', 'Superficial heat')
    """
    import re

    m = re.search(r"\(([A-Z][A-Za-z]*[A-Z][A-Za-z]*)\)", name)
    if m:
        return m.group(1)
    return re.sub(r"\s*\([^)]*\)", "", name).strip()
