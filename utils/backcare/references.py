"""Compatibility names: reference labels live in :mod:`backcare.logic.reference_labels`, reference HTML/text in
:mod:`backcare.views.references`, ``references_for`` in :mod:`backcare.lessons.references`."""
from __future__ import annotations

from .lessons.references import ReferenceList, references_for
from .logic.reference_labels import reference_label
from .views.references import reference_html, reference_text

__all__ = ["ReferenceList", "references_for", "reference_label", "reference_html", "reference_text"]
