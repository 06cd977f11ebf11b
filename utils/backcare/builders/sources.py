"""The sources a chapter's outputs name (issue 15 item 8): tables, chart captions, every pre-rendered explorer view,
calculators' worked cases and quiz feedback.

Deterministic by construction: the notebook's ``bc.`` calls are parsed from its source
(:func:`backcare.logic.notebook_calls.notebook_calls`), each is made afresh from the content, everything it can show
is collected (:func:`backcare.views.fallback.all_views_text`, all views of an explorer) and scanned for the sources
it names (:func:`backcare.logic.review_packet.keys_shown`: ``[@Key]``, a key, or the in-text label the views print).
Nothing depends on the state of a running kernel, so the list is the same under ``execute``, nbval and the site.

``references_for`` runs this module in a separate process (``python -m backcare.builders.sources NOTEBOOK...``),
so the widgets and figures it makes never join the chapter's own kernel (its saved widget state stays the same).
"""
from __future__ import annotations

import contextlib
import io
import json
import sys
from pathlib import Path

__all__ = ["shown_keys", "main"]

#: calls whose output is a reference list (scanning it would list every source it lists, i.e. itself)
_SKIP = {"references_for"}


def shown_keys(notebook: str | Path) -> list[str]:
    """Reference keys named by what the notebook's ``bc.`` calls show, in call order, without repeats."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    import backcare as bc

    from ..logic.notebook_calls import notebook_calls
    from ..logic.review_packet import keys_shown
    from ..views.fallback import all_views_text

    nb = json.loads(Path(notebook).read_text(encoding="utf-8"))
    keys: dict[str, None] = {}
    for call in notebook_calls(nb):
        if call.name in _SKIP:
            continue
        with contextlib.redirect_stdout(io.StringIO()):  # a call that prints must not corrupt our JSON answer
            shown = getattr(bc, call.name)(*call.args, **call.kwargs)
            text = all_views_text(shown)
        plt.close("all")
        for key in keys_shown(text):
            keys.setdefault(key, None)
    return list(keys)


def main(argv: list[str] | None = None) -> int:
    """``python -m backcare.builders.sources NOTEBOOK.ipynb [...]``: print ``{notebook: keys}`` as one JSON line
    (several notebooks share one process: starting Python and importing the package is most of a chapter's cost)."""
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m backcare.builders.sources NOTEBOOK.ipynb [NOTEBOOK.ipynb ...]", file=sys.stderr)
        return 2
    print(json.dumps({path: shown_keys(path) for path in args}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
