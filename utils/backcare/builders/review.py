"""``python -m backcare review``: a printable clinical review packet per chapter, in ``_build/review/`` (issue 15).

Each packet lists every statement a student meets that carries a number or a recommendation (prose, tables, chart
data, explorer views, quiz feedback) as they meet it, with where it appears, its sources (DOI or URL linked, with the
citation's own confidence), the fact-sheet confidence marks of the content records behind it, its hash (what a
sign-off record stores) and empty Verdict and Comment columns; unsourced numbers are listed apart. It is derived
from the content and the executed notebooks by :mod:`backcare.logic.review_packet`, never written by hand.
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

from ..content import load_content
from ..content.reviews import load_reviews, status_for
from ..logic.guidance import direction_label
from ..logic.reference_labels import reference_label
from ..logic.review_packet import Statement, chapter_statements, chapters, packet_fingerprint
from ..views.references import unverified_note
from ..views.render import render

__all__ = ["NOT_CHECKED", "build", "main", "packet_html", "series_version"]

#: What the packet says of a guideline position with no ``checked_on`` date in content/positions.yaml.
NOT_CHECKED = "not yet checked"


def series_version() -> str:
    """The version in CITATION.cff (what a reviewer signs against)."""
    from ..paths import repo_root

    text = (repo_root() / "CITATION.cff").read_text(encoding="utf-8")
    m = re.search(r"^version:\s*\"?([^\"\n]+)\"?", text, re.M)
    return m.group(1).strip() if m else "unknown"


def _source(key: str) -> dict:
    ref = load_content().references[key]
    href = f"https://doi.org/{ref.doi}" if ref.doi else (ref.url or None)
    mark = ref.citation_confidence + (" citation not fully verified" if unverified_note(ref) else "")
    return {"label": reference_label(ref), "href": href, "mark": mark}


def _row(s: Statement) -> dict:
    refs = load_content().references
    conf = "; ".join(f"{rid}: {mark}" for rid, mark in s.records) or "—"
    return {"text": s.text, "where": f"{s.chapter}, {s.location} ({s.kind})", "hash": s.digest, "confidence": conf,
            "sources": [_source(k) for k in s.keys if k in refs]}


def _positions(statements: list[Statement]) -> list[dict]:
    c = load_content()
    words = " ".join(s.text for s in statements)
    out = []
    for p in c.positions:
        name = c.treatments[p.treatment].name
        if p.paraphrase in words or name in words:
            checked = p.checked_on.isoformat() if p.checked_on else NOT_CHECKED
            out.append({"treatment": name, "guideline": p.guideline, "population": p.population,
                        "label": direction_label(p), "checked": checked})
    return out


def packet_html(stem: str) -> str:
    """The review packet of one chapter as a standalone, printable HTML page."""
    statements = chapter_statements(stem)
    rows = [_row(s) for s in statements]
    unsourced = [r for r, s in zip(rows, statements) if s.has_number and not s.sourced]
    return render("review_packet.html.j2", chapter=stem, version=series_version(),
                  fingerprint=packet_fingerprint(statements), statements=statements, rows=rows,
                  unsourced=unsourced, status=status_for(stem, current={s.digest for s in statements}).text,
                  positions=_positions(statements)) + "\n"


def build(out: str | Path | None = None, only: list[str] | None = None) -> list[Path]:
    """Write one packet per chapter (or the chapters in ``only``, by number or stem) into ``out``."""
    from ..paths import build_dir

    out = Path(out) if out is not None else build_dir() / "review"
    out.mkdir(parents=True, exist_ok=True)
    stems = chapters()
    if only:
        from ..choices import check_choice

        from ..paths import chapter_id

        wanted = []
        for x in only:  # a stem, or an id: "03a" is one part, "03" every part of chapter 03
            match = [s for s in stems if s == x or chapter_id(s) == x or chapter_id(s)[:2] == x]
            wanted += match or [check_choice(x, stems, what="chapter")]
        stems = list(dict.fromkeys(wanted))
    paths = []
    for stem in stems:
        path = out / f"{stem}.html"
        path.write_text(packet_html(stem), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m backcare review",
                                     description="write a printable clinical review packet per chapter")
    parser.add_argument("chapters", nargs="*", help="chapter numbers or stems (default: every chapter)")
    parser.add_argument("--out", default=None, help="output folder (default: _build/review)")
    args = parser.parse_args(argv)
    for path in build(args.out, args.chapters or None):
        print(path)
    print(f"{len(load_reviews())} sign-off records in content/reviews/")
    return 0
