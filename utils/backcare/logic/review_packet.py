"""The clinical review packet's statements, derived from the content and the executed notebooks (issue 15).

A *statement* is a sentence, table row, list item or paragraph exactly as a student meets it, that carries a number
or a recommendation, with where it appears (chapter, cell, prose / output / quiz), the sources it names (reference
keys, resolved from ``[@Key]`` citations or from the in-text labels the views print) and the confidence marks of the
sources and content records behind it. Nothing here is written by hand, so the packet cannot miss what a student
sees; statements with a number but no source are the "unsourced" list (there should be none).

Pure: reads files and content, returns records; no widgets, no plotting.

Examples
--------
>>> s = statements_from_text("Most people improve [@Costa2012]; 52 at baseline.", "00", "cell 1", "prose")
>>> [(x.text, x.keys) for x in s]
[('Most people improve [@Costa2012]; 52 at baseline.', ('Costa2012',))]
>>> statements_from_text("Welcome to the course.", "00", "cell 1", "prose")
[]
"""
from __future__ import annotations

import functools
import hashlib
import json
import re
from dataclasses import dataclass, field
from html import unescape

from ..content.memo import per_content

__all__ = ["Statement", "chapter_statements", "clinical_numbers", "statement_hash", "statements_from_text", "chapters", "prose_numbers",
           "prose_keys"]

_NUMBER = re.compile(r"(?<![A-Za-z])\d+(?:[.,]\d+)*")
_RECOMMEND = re.compile(r"\b(recommend\w*|advis\w*|do not offer|not offer|consider|should|first-line|"
                        r"guideline\w*|for|against|only if)\b", re.IGNORECASE)
_STRONG_RECOMMEND = re.compile(r"\b(recommend\w*|advis\w*|do not offer|should not|first-line|only if)\b",
                               re.IGNORECASE)
_CITE = re.compile(r"\[@[^\]]*\]")
_KEY = re.compile(r"@([A-Za-z0-9]+)")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z*\[(\"'])")
_BLOCKS = re.compile(r"<(tr|li|p|figcaption|caption|h3|h4)\b[^>]*>(.*?)</\1>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_SKIP_OUTPUT = re.compile(r"data:image/|^\s*$")
#: numbers that are not clinical claims: list markers, durations of a class, chapter/level/cell numbers, years in
#: source labels, scale names ("0-10 scale"), the ages of made-up people, explorer view counts
_NOT_CLAIMS = [
    re.compile(r"^\s*\d+[.)]\s", re.M),
    re.compile(r"\b\d+\s*(?:min|minutes?)\b", re.I),
    re.compile(r"\b(?:chapters?|levels?|cells?|Level|Chapter|Plan|step|item|items|question|views?)\s+\d+(?:\s*(?:to|and|-|–)\s*\d+)?", re.I),
    re.compile(r"\b\d+\s+(?:views?|options?|questions?)\b", re.I),
    re.compile(r"\b0\s*[-–]\s*(?:10|100|24|5|9)\b"),
    re.compile(r"\b(?:19|20)\d\d[a-z]?\b"),
    re.compile(r"\bis \d+ and\b|\baged? \d+\b|\b\d+-year-old\b"),
    re.compile(r"\b0\d\b"),
    re.compile(r"^\s*[0-5]\s+(?=[A-Z])"),  # the level column of a table row
    re.compile(r"\b(?:Question|Statement|Total)\s+\d+(?:\s+of\s+\d+)?", re.I),
    re.compile(r"\b(?:out of|per|of) 1,000\b"),
]


def _cast_ages(text: str) -> str:
    from ..content.cast import load_cast

    for p in load_cast().people:
        text = re.sub(rf"\b{re.escape(p.name)}\b(?:,| \(| is| was)? ?{p.age}\b", p.name, text)
    return text


@dataclass(frozen=True)
class Statement:
    """One statement as a student meets it, with where it is and what backs it."""

    chapter: str
    location: str
    kind: str                      # prose | output | quiz
    text: str
    keys: tuple[str, ...] = ()
    records: tuple[tuple[str, str], ...] = field(default=())   # (record id, confidence mark)

    @property
    def has_number(self) -> bool:
        return bool(clinical_numbers(self.text))

    @property
    def sourced(self) -> bool:
        return bool(self.keys)

    @property
    def digest(self) -> str:
        return statement_hash(self.text)


def statement_hash(text: str) -> str:
    """A short, stable hash of a statement's words (whitespace-insensitive): what a sign-off record stores.

    >>> statement_hash("a  b") == statement_hash("a b")
    True
    """
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def clinical_numbers(text: str) -> list[str]:
    """The numbers in ``text`` that could be clinical claims (see ``_NOT_CLAIMS`` for what is left out).

    >>> clinical_numbers("Level 3: 39% had surgery within 1 year (Peul 2007); about 60 minutes.")
    ['39', '1']
    """
    plain = _cast_ages(_CITE.sub("", text))
    for pattern in _NOT_CLAIMS:
        plain = pattern.sub(" ", plain)
    return _NUMBER.findall(plain)


def _relevant(text: str) -> bool:
    plain = _CITE.sub("", text)
    return bool(clinical_numbers(text) or _STRONG_RECOMMEND.search(plain) or _CITE.search(text))


@per_content
def _labels() -> dict[str, str]:
    from ..content import load_content
    from .reference_labels import reference_label

    return {reference_label(r): k for k, r in load_content().references.items()}


def keys_shown(text: str) -> tuple[str, ...]:
    """Reference keys a displayed text names, by ``[@Key]``, by key or by the in-text label the views print.

    >>> keys_shown("median 16 to 17 days (Williams 2014)")
    ('Williams2014',)
    """
    return _keys_in(text, _labels())


def _keys_in(text: str, labels: dict[str, str]) -> tuple[str, ...]:
    keys = [k for block in _CITE.findall(text) for k in _KEY.findall(block)]
    named = set(_any_key(tuple(labels.values())).findall(text)) if labels else set()
    for label, key in labels.items():
        if (label in text or key in named) and key not in keys:
            keys.append(key)
    return tuple(dict.fromkeys(keys))


@functools.lru_cache(maxsize=8)
def _any_key(keys: tuple[str, ...]) -> re.Pattern:
    """One pattern for every key as a whole word (one scan of a text instead of one per key: issue 19)."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(keys, key=len, reverse=True))) + r")\b")


def _records_for(text: str, keys: tuple[str, ...] = ()) -> tuple[tuple[str, str], ...]:
    """Content records whose own words appear in the statement (position paraphrases, fact statements)."""
    from ..content import load_content

    c = load_content()
    found = []
    for p in c.positions:
        if p.paraphrase in text:
            found.append((f"position {p.treatment}/{p.guideline}/{p.population}", p.confidence))
    numbers = {n.replace(",", "") for n in _NUMBER.findall(text.replace("−", "-"))}
    for f in c.facts.values():
        shown = {f"{v:g}" for v in (f.value, f.low, f.high) if v is not None}
        if f.statement in text or (keys and f.reference in keys and shown and shown <= numbers):
            found.append((f"fact {f.id}", f.confidence))
    for e in c.effects:
        shown = {f"{abs(v):g}" for v in (e.estimate, e.low, e.high) if v is not None}
        if keys and e.reference in keys and shown <= numbers:
            found.append((f"effect {e.id}", e.confidence))
    return tuple(dict.fromkeys(found))


def statements_from_text(text: str, chapter: str, location: str, kind: str,
                         labels: dict[str, str] | None = None) -> list[Statement]:
    """Split prose into sentences and keep those with a number, a recommendation or a citation."""
    labels = {} if labels is None else labels
    cell_keys = _keys_in(text, labels)  # last resort: the sources the same cell cites
    out = []
    text = re.sub(r"\n(?=\s*(?:\d+\.|[-*])\s)", "\n\n", text)  # each list item is its own paragraph
    for para in re.split(r"\n\s*\n", text):
        para = " ".join(para.split())
        para_keys = _keys_in(para, labels)
        para = re.sub(r"^(?:\d+\.|[-*])\s+", "", para)
        for sentence in _SENTENCE.split(para):
            sentence = sentence.strip()
            if sentence and _relevant(sentence):
                # a sentence without its own citation is backed by its paragraph's citations (shown as such)
                out.append(Statement(chapter, location, kind, sentence,
                                     _keys_in(sentence, labels) or para_keys or cell_keys))
    return out


_VIEW = "application/vnd.jupyter.widget-view+json"
_MODEL_REF = re.compile(r"IPY_MODEL_([0-9a-f]+)")


def _widget_html(model_id: str, state: dict, seen: set | None = None) -> str:
    """Every HTML view under a saved widget model (all of a Stack's children, not only the one shown first)."""
    seen = set() if seen is None else seen
    model = state.get(model_id)
    if model is None or model_id in seen:
        return ""
    seen.add(model_id)
    st = model.get("state", {})
    parts = [st["value"]] if model.get("model_name") in ("HTMLModel", "HTMLMathModel", "LabelModel") else []
    parts += [" ".join(map(str, st.get("_options_labels", ())))]
    for child in st.get("children", ()):
        parts.append(_widget_html(_MODEL_REF.sub(r"\1", child), state, seen))
    return "\n".join(p for p in parts if p)


def _block_texts(html: str) -> list[str]:
    """The words of each table row, list item, paragraph or caption; a block holding others (a row with a details
    list) gives its own words and then each inner block's, so nothing nested is lost."""
    texts = []
    for _tag, inner in _BLOCKS.findall(html):
        nested = bool(_BLOCKS.search(inner))
        own = _BLOCKS.sub(" ", inner) if nested else inner
        words = " ".join(unescape(_TAG.sub(" ", own)).split())
        if words and not _SKIP_OUTPUT.search(words):
            texts.append(words)
        if nested:
            texts += _block_texts(inner)
    return texts


def _output_texts(cell: dict, widgets: dict | None = None) -> list[str]:
    texts = []
    for o in cell.get("outputs", []):
        data = o.get("data", {})
        html = "".join(data.get("text/html", ""))
        if widgets and _VIEW in data:  # an explorer's other views live in the saved widget state
            html += _widget_html(data[_VIEW].get("model_id", ""), widgets)
        if "bc-references" in html:
            continue  # the chapter's reference list: the sources themselves, not statements
        if html:
            texts += _block_texts(html)
        elif "text/plain" in data:
            texts += [ln.strip() for ln in "".join(data["text/plain"]).splitlines() if ln.strip()]
    return list(dict.fromkeys(texts))


def chapters() -> list[str]:
    """The chapter notebooks' stems (``00_start_here`` ...), instructor guide excluded."""
    from ..paths import chapter_notebooks

    return [p.stem for p in chapter_notebooks() if not p.stem.startswith("99")]


def _notebook(stem: str) -> dict:
    from ..paths import notebooks_dir

    return json.loads((notebooks_dir() / f"{stem}.ipynb").read_text(encoding="utf-8"))


def chapter_statements(stem: str) -> list[Statement]:
    """Every statement of one chapter a student meets: prose, executed outputs (tables, captions, explorer views,
    chart data) and its quiz bank's questions and feedback, in that order, each listed once."""
    from ..content.store import load
    from ..paths import content_dir

    labels = _labels()
    out: list[Statement] = []
    seen: set[str] = set()

    def add(items):
        for s in items:
            if s.text not in seen:
                seen.add(s.text)
                out.append(Statement(s.chapter, s.location, s.kind, s.text, s.keys, _records_for(s.text, s.keys)))

    nb = _notebook(stem)
    widgets = nb.get("metadata", {}).get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    widgets = widgets.get("state", {})
    for i, cell in enumerate(nb["cells"]):
        src = "".join(cell.get("source", ""))
        if cell.get("cell_type") == "markdown":
            add(statements_from_text(src, stem, f"cell {i} (text)", "prose", labels))
        elif cell.get("cell_type") == "code":
            texts = _output_texts(cell, widgets)
            cell_keys = _keys_in(" ".join(texts), labels)
            for text in texts:
                if _relevant(text):
                    add([Statement(stem, f"cell {i} (output)", "output", text, _keys_in(text, labels) or cell_keys)])
    quiz = content_dir() / "quiz" / f"{stem}.yaml"
    if quiz.exists():
        bank = load(f"quiz/{stem}.yaml")
        for q in bank.questions:
            keys = tuple(getattr(q, "references", ()) or ())
            texts = [q.prompt] + [t for o in q.options or [] for t in (o.text, o.feedback) if t]
            texts += [t for t in (q.feedback_correct, q.feedback_low, q.feedback_high, q.worked_answer) if t]
            for t in texts:
                if _relevant(t):
                    add([Statement(stem, f"quiz {q.id}", "quiz", " ".join(t.split()),
                                   tuple(dict.fromkeys(keys + _keys_in(t, labels))))])
    return out


def prose_keys(stem: str) -> list[str]:
    """Reference keys cited as ``[@Key]`` in a chapter's markdown."""
    keys = []
    for cell in _notebook(stem)["cells"]:
        if cell.get("cell_type") == "markdown":
            for block in _CITE.findall("".join(cell.get("source", ""))):
                keys += _KEY.findall(block)
    return list(dict.fromkeys(keys))


def prose_numbers(stem: str) -> list[str]:
    """Numbers written in a chapter's markdown (outside citations and code), as written."""
    nums = []
    for cell in _notebook(stem)["cells"]:
        if cell.get("cell_type") == "markdown":
            text = re.sub(r"`[^`]*`", "", _CITE.sub("", "".join(cell.get("source", ""))))
            text = re.sub(r"\]\([^)]*\)", "]", text)  # link targets are not statements
            text = re.sub(r"^#+ .*$", "", text, flags=re.M)  # headings are not statements
            nums += clinical_numbers(text)
    return list(dict.fromkeys(nums))


def packet_fingerprint(statements: list[Statement]) -> str:
    """One hash of a chapter's statements, for the packet header."""
    return hashlib.sha256("\n".join(s.digest for s in statements).encode()).hexdigest()[:16]

