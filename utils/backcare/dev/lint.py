"""Numbers in prose are checked against content/ (design §1).

Every number in the markdown of a notebook (student and instructor cells alike: teachers quote both), and in the
model answers it shows with ``bc.compare_answer`` (``content/answers/``), must either
equal a number that ``content/`` holds, or be on the allow-list ``content/prose_numbers.yaml`` for that notebook
with a reason. Run it with ``python -m backcare lint [notebook ...]`` (exit 1 and one line per finding).

What counts as "held by content/":

* facts (value, low, high, and numbers written in their statement, unit and note), effects (estimate, interval,
  MID, trial and participant counts, and numbers in their text), treatments, guideline positions, guidelines and
  invasiveness levels, all read through :func:`backcare.content.load_content`;
* every number in the chapter datasets ``content/chapters/*.yaml``, read generically (numeric values and numbers
  written inside text);
* a year right after the name of a reference that has that year (``Costa 2012``, ``WHO 2023``, ``NICE NG59 2016``);
* the notebook's own ``minutes`` metadata when written as a duration (``about 25 minutes``).

Matching is tolerant of formatting only: the sign is ignored (``−3.30`` matches ``-3.3``), trailing zeros do not
matter (``−3.30`` matches ``3.3``), thousands separators are read (``11 166``, ``1,652``), ``0.9 %`` matches a
fact 0.9 with unit %, ``92 %`` also matches a proportion 0.92, and ``619 million`` matches 619. Rounding is not
formatting: ``7.28`` does not match ``7.29``. A percentage must match a number content holds as a percentage (a fact
with unit %, a number written with % in content text, or a chapter-dataset value): a count of 13 trials does not
vouch for "13 %".

What is not prose and is skipped: ``[@Key]`` citations, inline and fenced code, URLs and link targets, HTML tags and
their attributes, spinal levels (``L4/5``, ``S1``), identifiers with digits (``NG59``, ``CD013577``), dotted
recommendation numbers (``1.3.7``), ordered-list markers and heading numbers at the start of a line, chapter numbers
(``chapter 02``, ``03 Self-care``), round denominators of natural frequencies (``9 in 1,000``, ``out of 1,000``)
and lesson timings (``10 min``) in instructor cells.

Examples
--------
>>> findings = check_markdown("demo", ["Pain fell by 7.29 points [@vanderGaag2020] but not by 7.2."])
>>> [f.number for f in findings]
['7.2']
>>> print(findings[0])
demo: cell 1: "Pain fell by 7.29 points but not by 7.2.": 7.2 not found in content/
>>> check_markdown("demo", ["About 9 in 1,000 had a serious cause; 619 million people had back pain."])
[]
>>> prose_numbers("notebooks/no_such.ipynb")
Traceback (most recent call last):
...
FileNotFoundError: no notebook at notebooks/no_such.ipynb
"""
from __future__ import annotations

import functools
import html
import re
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Sequence

from ..content.prose_numbers import Allowance, AllowList
from ..paths import chapter_notebooks, chapter_number, content_dir, notebooks_dir
from .numbers import numbers_in_text  # noqa: F401  (part of the lint's API)
from .numbers import ContentNumbers, ROUND_DENOMINATORS, content_numbers, _CHAPTER_LEAD_RE, _DENOM_LEAD_RE, _LINK_WORD_RE, _MINUTES_RE, _Token, _tokens, _value

ALLOW_LIST = "prose_numbers.yaml"

# ---- the allow-list -----------------------------------------------------------------------------------------

def _norm(text: str) -> str:
    text = re.sub(r"[\u00a0\u202f\u2009\s]+", " ", text.replace("*", ""))
    return re.sub(r"[−–—‑]", "-", text).strip().lower()


def load_allow_list(path: str | Path | None = None) -> AllowList:
    """Read the allow-list (default ``content/prose_numbers.yaml``); a broken file raises ContentError naming it."""
    from ..content import load, read

    if path is None:
        return load(ALLOW_LIST) if (content_dir() / ALLOW_LIST).exists() else AllowList()
    return read(ALLOW_LIST, path=path) if Path(path).exists() else AllowList()


# ---- checking prose -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Finding:
    """A number in a notebook's prose that content/ does not hold and the allow-list does not excuse."""

    notebook: str
    cell: int
    """1-based position of the cell in the notebook (code cells count too)."""
    number: str
    context: str

    def __str__(self) -> str:
        return f'{self.notebook}: cell {self.cell}: "{self.context}": {self.number} not found in content/'


_FENCE_RE = re.compile(r"```.*?```|~~~.*?~~~", re.S)
_INLINE_CODE_RE = re.compile(r"`[^`\n]*`")
_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_TAG_RE = re.compile(r"<[A-Za-z/!][^>]*>")
_CITE_RE = re.compile(r"\[-?@[^\]]*\]|(?<![\w.])@[A-Za-z0-9]+")
_LINK_RE = re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_URL_RE = re.compile(r"\b(?:https?://|www\.)\S+")
_LEVEL_RE = re.compile(r"(?<![\w])[LSTC]\d{1,2}(?:\s?[/–\-]\s?[LSTC]?\d{1,2})*(?![\w])")
_LINE_NUMBERING_RE = re.compile(r"^(\s*(?:>\s*)*)(?:#{1,6}\s+\d+(?:\.\d+)*\.?(?=\s)|\d+[.)](?=\s))", re.M)


def clean_markdown(source: str) -> str:
    """Markdown reduced to the prose whose numbers are checked, on one line.

    Examples
    --------
    >>> clean_markdown("1. See [Costa](https://doi.org/10.1503/x) [@Costa2012], `bc.x(3)` and <b class='c2'>L4/5</b>.")
    'See Costa, and.'
    """
    text = _FENCE_RE.sub(" ", source)
    text = _COMMENT_RE.sub(" ", text)
    text = _INLINE_CODE_RE.sub(" ", text)
    text = _CITE_RE.sub(" ", text)
    text = _LINK_RE.sub(lambda m: m.group(1), text)
    text = _TAG_RE.sub(" ", text)
    text = html.unescape(text)
    text = _URL_RE.sub(" ", text)
    text = _LEVEL_RE.sub(" ", text)
    text = _LINE_NUMBERING_RE.sub(lambda m: m.group(1), text)
    text = re.sub(r"[ \t]*\|[ \t]*", " | ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r" ([,.;:])", r"\1", text)


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    a, b = max(0, start - width), min(len(text), end + width)
    a = text.rfind(" ", 0, a) + 1 if a > 0 else 0
    b_space = text.find(" ", b)
    b = len(text) if b_space < 0 else b_space
    return ("…" if a > 0 else "") + text[a:b].strip() + ("…" if b < len(text) else "")


def _is_citation_year(text: str, tok: _Token, numbers: ContentNumbers) -> bool:
    if tok.value != tok.value.to_integral_value() or not 1900 <= tok.value <= 2100:
        return False
    before = text[max(0, tok.start - 60):tok.start]
    for name in re.findall(r"[A-Za-z][A-Za-z\-]+", before):
        if int(tok.value) in numbers.reference_years.get(name, ()):
            return True
    return False


def _chapter_stems() -> frozenset:
    try:
        return frozenset(chapter_number(p.stem) for p in chapter_notebooks())
    except RuntimeError:  # pragma: no cover - outside the repository
        return frozenset()


def check_markdown(notebook: str, cells: Sequence[str], *, instructor: Sequence[bool] = (), minutes: int | None = None,
                   cell_numbers: Sequence[int] = (), numbers: ContentNumbers | None = None,
                   allow: AllowList | None = None) -> list[Finding]:
    """Findings for the markdown ``cells`` of ``notebook`` (a stem): numbers neither in content/ nor allowed.

    ``cell_numbers`` gives each cell's 1-based position in the notebook (default 1, 2, ...); ``instructor`` marks
    cells tagged ``instructor``; ``minutes`` is the notebook's time metadata.
    """
    numbers = numbers or content_numbers()
    allow = allow if allow is not None else load_allow_list()
    chapters = _chapter_stems()
    mine = [a for a in allow.allow if notebook in a.notebooks]
    findings: list[Finding] = []
    for i, source in enumerate(cells):
        cell_no = cell_numbers[i] if i < len(cell_numbers) else i + 1
        is_instructor = instructor[i] if i < len(instructor) else False
        text = clean_markdown(source)
        toks = _tokens(text)
        ok = [False] * len(toks)
        for j, tok in enumerate(toks):
            after = text[tok.end:tok.end + 12]
            before = text[max(0, tok.start - 40):tok.start]
            if numbers.holds(tok.value, tok.percent) or _is_citation_year(text, tok, numbers):
                ok[j] = True
            elif _MINUTES_RE.match(after) and (is_instructor or (minutes is not None and tok.value == minutes)):
                ok[j] = True
            elif _CHAPTER_LEAD_RE.search(before) and tok.value <= 99 or (
                    re.fullmatch(r"\d{2}", tok.text) and tok.text in chapters):
                ok[j] = True
            elif tok.value in ROUND_DENOMINATORS and _DENOM_LEAD_RE.search(before):
                ok[j] = True
        # natural frequencies: "N in D", "N out of D", "N of D"
        for j in range(len(toks) - 1):
            n, d = toks[j], toks[j + 1]
            if not _LINK_WORD_RE.match(text[n.end:d.start]):
                continue
            if d.value in ROUND_DENOMINATORS:
                if ok[j] or any(abs(n.value - p * d.value / 100) <= Decimal("0.5") for p in _percentages(numbers)):
                    ok[j] = ok[j + 1] = True
        for j, tok in enumerate(toks):
            if ok[j]:
                continue
            window = _norm(text[max(0, tok.start - 80):tok.end + 80])
            if any(a.value == tok.value and _norm(a.context) in window for a in mine):
                continue
            findings.append(Finding(notebook, cell_no, tok.text, _context(text, tok.start, tok.end)))
    return findings


@functools.lru_cache(maxsize=4)
def _percentage_cache(values: frozenset) -> tuple:
    return tuple(sorted(v for v in values if v <= 100))


def _percentages(numbers: ContentNumbers) -> tuple:
    return _percentage_cache(numbers.percents | frozenset(p * 100 for p in numbers.proportions))


def _markdown_cells(path: Path):
    import nbformat

    if not path.exists():
        raise FileNotFoundError(f"no notebook at {path}")
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as exc:  # nbformat raises several kinds for a file that is not a notebook
        raise ValueError(f"{path} is not a readable notebook: {exc}") from None
    from ..content.answers import answer_texts_in

    cells, positions, instructor = [], [], []
    for i, cell in enumerate(nb.cells, 1):
        if cell.cell_type == "markdown":
            cells.append(cell.source)
            positions.append(i)
            instructor.append("instructor" in cell.get("metadata", {}).get("tags", []))
        elif cell.cell_type == "code":  # model answers shown by bc.compare_answer(...) are prose too
            for text in answer_texts_in(cell.source):
                cells.append(text)
                positions.append(i)
                instructor.append(False)
    minutes = nb.metadata.get("backcare", {}).get("minutes")
    return cells, positions, instructor, minutes


def prose_numbers(notebook_path: str | Path) -> list[Finding]:
    """Numbers in a notebook's markdown that content/ does not hold and the allow-list does not excuse.

    Examples
    --------
    >>> import nbformat, pathlib, tempfile
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("Acute NSAIDs: −7.29 points; chronic: −7.2.")])
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "07_demo.ipynb"
    >>> nbformat.write(nb, path)
    >>> [str(f) for f in prose_numbers(path)]
    ['07_demo: cell 1: "Acute NSAIDs: −7.29 points; chronic: −7.2.": −7.2 not found in content/']
    """
    path = Path(notebook_path)
    cells, positions, instructor, minutes = _markdown_cells(path)
    return check_markdown(path.stem, cells, instructor=instructor, minutes=minutes, cell_numbers=positions)


def unused_allowances(notebook_paths: Iterable[str | Path], allow: AllowList | None = None) -> list[str]:
    """Allow-list entries for these notebooks that excuse no number any more (stale entries), one line each.

    Only entries whose notebooks are all among ``notebook_paths`` are judged (a partial run judges nothing else).
    """
    numbers = content_numbers()
    everything = AllowList()
    entries = (allow if allow is not None else load_allow_list()).allow
    used = [False] * len(entries)
    stems = set()
    for p in notebook_paths:
        path = Path(p)
        stems.add(path.stem)
        cells, positions, instructor, minutes = _markdown_cells(path)
        raw = check_markdown(path.stem, cells, instructor=instructor, minutes=minutes, cell_numbers=positions,
                             numbers=numbers, allow=everything)
        texts = {pos: clean_markdown(src) for pos, src in zip(positions, cells)}
        for f in raw:
            text = texts[f.cell]
            value = _value(f.number.lstrip("−"))
            for k, a in enumerate(entries):
                if path.stem in a.notebooks and a.value == value:
                    for tok in _tokens(text):
                        if tok.value == value and _norm(a.context) in _norm(
                                text[max(0, tok.start - 80):tok.end + 80]):
                            used[k] = True
    return [f"{ALLOW_LIST}: entry {k + 1} ({', '.join(a.notebooks)}: {a.number} \"{a.context}\") matches no "
            f"number in the prose any more; remove it" for k, a in enumerate(entries)
            if not used[k] and set(a.notebooks) <= stems]


def default_notebooks() -> list[Path]:
    return chapter_notebooks()


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m backcare lint [notebook ...]``: 0 when every prose number is in content/ or allowed, 1 with
    the findings listed, 2 when a notebook or the allow-list cannot be read."""
    from ..content import ContentError

    args = list(sys.argv[1:] if argv is None else argv)
    if any(a in ("-h", "--help") for a in args):
        print(main.__doc__)
        return 0
    paths = [Path(a) for a in args] or default_notebooks()
    findings: list[Finding] = []
    try:
        for path in paths:
            findings.extend(prose_numbers(path))
        stale = unused_allowances(paths)
    except (FileNotFoundError, ValueError, ContentError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for f in findings:
        print(f)
    for line in stale:
        print(line)
    if findings or stale:
        print(f"{len(findings)} prose number(s) not found in content/ and not on the allow-list "
              f"(content/{ALLOW_LIST}); {len(stale)} stale allow-list entr(y/ies)", file=sys.stderr)
        return 1
    print(f"{len(paths)} notebook(s): every number in the prose is in content/ or on the allow-list")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
