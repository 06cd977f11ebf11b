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

import functools
import html
from dataclasses import dataclass

from ..paths import PACKAGE_DIR

SUMMARIES = {"prompt": "Compare your answer", "guiding": "Compare your answers to the guiding questions"}


@functools.lru_cache(maxsize=1)
def _env():
    import jinja2

    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(PACKAGE_DIR / "templates" / "views")),
                              autoescape=True, keep_trailing_newline=False)


def _labels() -> dict[str, str]:
    from ..content import load_content
    from ..references import reference_label

    return {k: reference_label(r) for k, r in load_content().references.items()}


@dataclass(frozen=True)
class AnswerBlock:
    html: str
    text: str

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": self.html, "text/plain": self.text}


def answer_block(text: str, *, kind: str = "prompt", extension: bool = False) -> AnswerBlock:
    """Render one model answer (plain text with ``[@Key]`` citations) as a collapsed block."""
    from ..citations import render_citations

    if kind not in SUMMARIES:
        allowed = ", ".join(repr(k) for k in SUMMARIES)
        raise ValueError(f"{kind!r} is not a valid answer kind; supported values are {allowed}")
    summary = SUMMARIES[kind] + (" (extension)" if extension else "")
    body = render_citations(html.escape(" ".join(text.split()), quote=False), _labels())
    out = _env().get_template("compare_answer.html.j2").render(summary=summary, body=body, extension=extension)
    return AnswerBlock(out.strip(), f"{summary} (collapsed): {' '.join(text.split())}")
