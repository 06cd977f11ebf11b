"""The "Compare your answer" block: a collapsed ``<details>`` holding a model answer from ``content/answers/``.

Plain HTML (no widget, no script): it opens with a click in JupyterLab, in VS Code and on the static page.

Examples
--------
>>> block = answer_block("Most people improve [@Costa2012].", kind="prompt")
>>> print(block._repr_mimebundle_()["text/plain"])
Compare your answer (collapsed): Most people improve [@Costa2012].
>>> '<a class="bc-cite" href="#ref-Costa2012">' in block.html
True
>>> answer_block("x", kind="essay")
Traceback (most recent call last):
...
ValueError: 'essay' is not a valid answer kind; supported values are 'prompt', 'guiding'
"""
from __future__ import annotations

from .render import Html, render_html

SUMMARIES = {"prompt": "Compare your answer", "guiding": "Compare your answers to the guiding questions"}


def _labels() -> dict[str, str]:
    from ..content import load_content
    from ..logic.reference_labels import reference_label

    return {k: reference_label(r) for k, r in load_content().references.items()}


def answer_block(text: str, *, kind: str = "prompt", extension: bool = False) -> Html:
    """Render one model answer (plain text with ``[@Key]`` citations) as a collapsed block."""
    import html

    from .citations import render_citations

    if kind not in SUMMARIES:
        allowed = ", ".join(repr(k) for k in SUMMARIES)
        raise ValueError(f"{kind!r} is not a valid answer kind; supported values are {allowed}")
    summary = SUMMARIES[kind] + (" (extension)" if extension else "")
    flat = " ".join(text.split())
    body = Html(render_citations(html.escape(flat, quote=False), _labels()), flat)
    return render_html("compare_answer.html.j2", f"{summary} (collapsed): {flat}", summary=summary, body=body,
                       extension=extension)
