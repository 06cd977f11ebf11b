"""Compatibility names: finding citations lives in :mod:`backcare.logic.citations`, linking them in
:mod:`backcare.views.citations`."""
from __future__ import annotations

from .logic.citations import CITE_RE, KEY_RE, cited_keys, notebook_cited_keys, unknown_keys
from .views.citations import render_citations

__all__ = ["CITE_RE", "KEY_RE", "cited_keys", "notebook_cited_keys", "unknown_keys", "render_citations"]
