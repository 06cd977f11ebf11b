"""Numbers for the prose-number lint: find the numbers written in a text, and collect every number content/ holds
(values, percentages, proportions, reference years), so prose can be checked against them."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..paths import content_dir

# ---- tokenising numbers -------------------------------------------------------------------------------------

_GROUPED = r"\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3})+"
NUMBER_RE = re.compile(rf"(?<![\w.])(?P<num>(?:{_GROUPED}|\d+)(?:\.\d+)?)(?![\d_]|\.\d|,\d{{3}})")
_SIGN_RE = re.compile(r"[−\-–+±]\s?$")
_PERCENT_RE = re.compile(r"^\s?(?:%|per\s?cent\b|percent\b)")
_LINK_WORD_RE = re.compile(r"^\s+(?:in|out of|of every|of)\s+(?:the\s+)?$")
_DENOM_LEAD_RE = re.compile(r"(?:out of|per|in every|of every)\s+$", re.I)
ROUND_DENOMINATORS = frozenset(Decimal(d) for d in ("10", "20", "100", "1000", "10000", "100000"))
_MINUTES_RE = re.compile(r"^\s?-?\s?min(?:ute)?s?\b", re.I)
_CHAPTER_LEAD_RE = re.compile(r"\b(?:chapters?|notebooks?)\s+(?:\d{2}\s*(?:,|and|or|to|–|-)\s*)*$", re.I)


def _value(text: str) -> Decimal:
    return abs(Decimal(re.sub(r"[,\u00a0\u202f\u2009 ]", "", text)))


@dataclass(frozen=True)
class _Token:
    text: str
    value: Decimal
    start: int
    end: int
    percent: bool


def _tokens(text: str) -> list[_Token]:
    out = []
    for m in NUMBER_RE.finditer(text):
        raw = m.group("num")
        try:
            value = _value(raw)
        except InvalidOperation:  # pragma: no cover - the pattern only lets digits through
            continue
        sign = _SIGN_RE.search(text[max(0, m.start() - 2):m.start()])
        shown = raw
        if sign and sign.group(0).strip() in ("−", "-") and not re.search(r"\d\s?[−\-–]\s?$",
                                                                           text[max(0, m.start() - 3):m.start()]):
            shown = "−" + raw
        out.append(_Token(shown, value, m.start(), m.end(), bool(_PERCENT_RE.match(text[m.end():m.end() + 9]))))
    return out


def numbers_in_text(text: str) -> list[Decimal]:
    """The numbers written in ``text`` (absolute values, thousands separators read).

    Examples
    --------
    >>> [str(n) for n in numbers_in_text("MD −3.30 (−5.33 to −1.27); 11 166 people; 1,652 randomised; NG59; 1.3.7")]
    ['3.30', '5.33', '1.27', '11166', '1652']
    """
    return [t.value for t in _tokens(text)]


# ---- what content/ holds ------------------------------------------------------------------------------------

def _walk(value, into: set[Decimal], percents: set[Decimal] | None = None, scalars_are_percent: bool = False) -> None:
    """Add every number in ``value`` to ``into``; numbers known to be percentages also go to ``percents``."""
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, (int, float)):
        number = abs(Decimal(repr(value))) if isinstance(value, float) else abs(Decimal(value))
        into.add(number)
        if scalars_are_percent and percents is not None:
            percents.add(number)
    elif isinstance(value, str):
        for tok in _tokens(value):
            into.add(tok.value)
            if tok.percent and percents is not None:
                percents.add(tok.value)
    elif isinstance(value, dict):
        for v in value.values():
            _walk(v, into, percents, scalars_are_percent)
    elif isinstance(value, (list, tuple)):
        for v in value:
            _walk(v, into, percents, scalars_are_percent)


@dataclass(frozen=True)
class ContentNumbers:
    """The numbers ``content/`` holds, which of them are percentages, and the (name, year) pairs of its references.

    ``percents`` holds the numbers known to be percentages (facts with unit %, numbers written with % in content
    text) and the chapter datasets' numeric values, whose unit the lint cannot know. A percentage in prose must match
    one of them (or a proportion such as 0.92 for 92 %): a trial count of 24 does not vouch for "24 %".
    """

    values: frozenset
    percents: frozenset
    proportions: frozenset
    reference_years: dict

    def holds(self, value: Decimal, percent: bool = False) -> bool:
        """True when content holds ``value``; for a percentage, as a percentage or as the matching proportion."""
        if percent:
            return value in self.percents or value / 100 in self.proportions
        if value in self.values:
            return True
        return Decimal(0) < value <= 1 and value * 100 in self.percents


@functools.lru_cache(maxsize=4)
def content_numbers(root: str | None = None) -> ContentNumbers:
    """Collect every number held by ``content/`` (facts, effects, treatments, positions, chapter datasets).

    Examples
    --------
    >>> numbers = content_numbers()
    >>> numbers.holds(Decimal("7.29")), numbers.holds(Decimal("7.28")), numbers.holds(Decimal("619"))
    (True, False, True)
    """
    from ..content import load_content
    from ..content.yamlio import read_yaml

    folder = Path(root) if root else content_dir()
    content = load_content() if root is None else load_content(folder)
    values: set[Decimal] = set()
    percents: set[Decimal] = set()
    proportions: set[Decimal] = set()
    for fact in content.facts.values():
        numbers = [abs(Decimal(repr(float(x)))) for x in (fact.value, fact.low, fact.high) if x is not None]
        values.update(numbers)
        if fact.unit.strip() == "%":
            percents.update(numbers)
        elif fact.unit.strip() == "proportion":
            proportions.update(numbers)
        _walk([fact.statement, fact.unit, fact.note], values, percents)
    for effect in content.effects:
        _walk(effect.model_dump(exclude={"id", "reference", "mid_reference"}), values, percents)
    for treatment in content.treatments.values():
        _walk(treatment.model_dump(exclude={"id", "references"}), values, percents)
    for position in content.positions:
        _walk(position.model_dump(exclude={"reference", "recommendation_id"}), values, percents)
    for guideline in content.guidelines.values():
        _walk(guideline.model_dump(exclude={"reference"}), values, percents)
    for level in content.invasiveness_levels:
        _walk(level.model_dump(), values, percents)
    for path in sorted((folder / "chapters").glob("*.yaml")):
        doc, _problems = read_yaml(path, path.name)
        _walk(doc.data, values, percents, scalars_are_percent=True)
    years: dict[str, set[int]] = {}
    for ref in content.references.values():
        if ref.year is None:
            continue
        names = {re.match(r"[A-Za-z]+", ref.key).group(0)}
        names.add(re.split(r"[\s,;]", ref.authors.strip())[0])
        if ref.label:
            names.update(w for w in re.findall(r"[A-Za-z][A-Za-z\-]+", ref.label) if w[0].isupper() or w.isupper())
        for name in names:
            if len(name) >= 2:
                years.setdefault(name, set()).add(ref.year)
    return ContentNumbers(frozenset(values), frozenset(percents), frozenset(proportions),
                          {k: frozenset(v) for k, v in years.items()})
