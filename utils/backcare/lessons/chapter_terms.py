"""``bc.chapter_terms("01_understanding_back_pain")``: the glossary terms a chapter uses, in the order a reader meets
them, with their definitions, collapsed (works in JupyterLab, where the page's first-use links do not exist).

Examples
--------
>>> shown = chapter_terms("01_understanding_back_pain")
>>> shown.text.splitlines()[0].startswith("Words used in this chapter (")
True
>>> '<details class="bc-terms">' in shown.html
True
"""
from __future__ import annotations

import json
from pathlib import Path

from ..content import load
from ..logic.glossary_links import first_uses, glossary_patterns
from ..paths import notebooks_dir
from ..views.render import Html, render


def _markdown(path: Path) -> list[str]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for cell in nb.get("cells", []):
        tags = (cell.get("metadata") or {}).get("tags") or []
        if cell.get("cell_type") == "markdown" and "instructor" not in tags:
            src = cell.get("source", "")
            out.append("".join(src) if isinstance(src, list) else src)
    return out


def chapter_terms(notebook: str) -> Html:
    """The glossary entries (``content/glossary.yaml``) that ``notebook``'s prose uses, first use first."""
    path = notebooks_dir() / f"{Path(notebook).stem}.ipynb"
    if not path.exists():
        raise FileNotFoundError(f"no notebook {path.name} in notebooks/")
    ids = first_uses(_markdown(path), glossary_patterns())
    terms = {t.id: t for t in load("glossary.yaml").terms}
    summary = f"Words used in this chapter ({len(ids)}): open for their definitions"
    items = [{"id": i, "term": terms[i].term, "definition": " ".join(terms[i].definition.split())} for i in ids]
    html = render("chapter_terms.html.j2", summary=summary, items=items)
    text = "\n".join([summary] + [f"- {terms[i].term}: {' '.join(terms[i].definition.split())}" for i in ids])
    return Html(html, text)
