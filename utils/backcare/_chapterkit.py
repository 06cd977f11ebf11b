"""Compatibility only: the chapter kit's helpers now live in their rooms (``backcare.logic.facts`` for fact look-ups,
``backcare.fmt`` for ``number``/``round_half_up``, ``backcare.content.chapters`` for chapter datasets,
``backcare.views.render.Html`` for the displayable type). Nothing in the package imports this module (a test checks);
it stays for branches written against it and can be deleted once none is left.
"""
from __future__ import annotations

from .content import load_content as content  # noqa: F401
from .content.chapters import chapter_path, load_chapter, read_chapter  # noqa: F401
from .fmt import number, round_half_up  # noqa: F401
from .logic.facts import fact, fact_value  # noqa: F401
from .views.render import Html as HtmlBlock  # noqa: F401
