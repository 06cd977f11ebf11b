"""Render HTML views from Jinja2 templates and display them: ``render(template, **ctx)`` and the ``Html`` type.

Templates live in ``backcare/templates/views/`` and are rendered with autoescape on and ``StrictUndefined`` (a missing
name is an error, never an empty string). Values are escaped the way :func:`html.escape` does it (``&#x27;``,
``&quot;``), so a template writes the same bytes as the f-strings it replaced. A template whose first line is
``{#- join lines -#}`` has its line breaks dropped together with the indentation that follows them (write a break only
between tags or template blocks; a space that matters stays inside a line), so it can be laid out readably and still
write HTML on one line as before. :class:`Html` is the one displayable type of the package: pre-built, already
escaped HTML with a deterministic plain-text twin, shown by every front end and compared by nbval.

Examples
--------
>>> block = Html("<p>Hello</p>", "Hello")
>>> block._repr_mimebundle_()["text/plain"]
'Hello'
>>> render("_example.html.j2", words=["a<b", block])
'<p>a&lt;b</p><p><p>Hello</p></p>'
>>> render("_example.html.j2", words=["it's \\"quoted\\""])
'<p>it&#x27;s &quot;quoted&quot;</p>'
>>> render("_example.html.j2")
Traceback (most recent call last):
...
jinja2.exceptions.UndefinedError: 'words' is undefined
"""
from __future__ import annotations

import functools
import hashlib
import html as _html
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import jinja2
import markupsafe
from jinja2.ext import Extension

TEMPLATE_PACKAGE = ("backcare", "templates/views")
JOIN_LINES = "{#- join lines -#}"


class JoinLines(Extension):
    """For a template that opens with ``{#- join lines -#}``: drop each line break with the indentation after it."""

    def preprocess(self, source, name, filename=None):
        if not source.startswith(JOIN_LINES):
            return source
        return "".join(line.strip() for line in source.splitlines())


class _QuietBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja2's compiled-template cache; a folder that cannot be read or written just means compiling again."""

    def load_bytecode(self, bucket):
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError):
            bucket.reset()

    def dump_bytecode(self, bucket):
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept between kernels (compiling the views' templates was about a second of every chapter's
    kernel time, issue 19). Never stale: Jinja2 recompiles a template whose source changed (it checks the source's
    checksum), and the folder is named after this module's source and the Jinja2 version, so a change in how the
    environment compiles (options, the join-lines extension) starts a fresh folder. ``BACKCARE_NO_TEMPLATE_CACHE=1``
    turns it off."""
    if os.environ.get("BACKCARE_NO_TEMPLATE_CACHE"):
        return None
    digest = hashlib.sha1(Path(__file__).read_bytes() + jinja2.__version__.encode()).hexdigest()[:12]
    uid = os.getuid() if hasattr(os, "getuid") else "user"
    folder = Path(tempfile.gettempdir()) / f"backcare-templates-{uid}-{digest}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        return None
    return _QuietBytecodeCache(str(folder))


@functools.lru_cache(maxsize=None)
def environment() -> jinja2.Environment:
    """The one Jinja2 environment for HTML views (autoescape on, strict undefined, block whitespace trimmed)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader(*TEMPLATE_PACKAGE),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        finalize=_escaped,
        extensions=[JoinLines],
        bytecode_cache=_bytecode_cache(),
    )
    from ..logic.vocabulary import BADGES, POPULATION_SHORT

    env.globals["BADGES"] = BADGES  # the one badge vocabulary, for _badges.html.j2's badge_key()
    env.globals["POPULATION_SHORT"] = POPULATION_SHORT  # who a guideline position speaks to (_macros.html.j2)
    return env


def _escaped(value):
    """Escape like :func:`html.escape` (``&#x27;``, ``&quot;``), so a template writes the same bytes as the f-strings
    it replaced; values that are already HTML (``__html__``) pass through, and autoescape stays on as a backstop."""
    if hasattr(value, "__html__"):
        return value
    return markupsafe.Markup(_html.escape(str(value), quote=True))


def render(template_name: str, **ctx) -> str:
    """Render ``backcare/templates/views/<template_name>`` with ``ctx``; values are escaped unless they are
    :class:`Html` (or ``markupsafe.Markup``)."""
    return environment().get_template(template_name).render(**ctx)


def escape(text: object) -> str:
    """HTML-escape text (quotes too) for the few places that build an attribute or fragment outside a template."""
    return _html.escape(str(text), quote=True)


@dataclass(frozen=True)
class Html:
    """Pre-built (already escaped) HTML with a plain-text twin; displays in every front end and compares under nbval.

    ``__html__`` lets a template include it unescaped (``{{ block }}``).
    """

    html: str
    text: str

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": self.html, "text/plain": self.text}

    def __html__(self) -> str:
        return self.html

    def to_html(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.text


def render_html(template_name: str, text: str, **ctx) -> Html:
    """``Html(render(template_name, **ctx), text)``: a displayable block from a template and its plain text."""
    return Html(render(template_name, **ctx), text)


__all__ = ["Html", "environment", "escape", "render", "render_html"]
