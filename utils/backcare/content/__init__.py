"""Course content as validated data: the models, the strict YAML loader and the content of ``content/``.

Quick use::

    from backcare.content import load_content
    c = load_content()                       # cached; raises ContentError listing every problem
    c.treatments["nsaids"].invasiveness      # 2
    c.positions_for("acupuncture", "NICE")   # what NICE NG59 says
    c.fact("gbd_prevalent_cases_2020").value # 619.0 (million), cite facts by id, never retype numbers
    c.cited_keys_ok(["Costa2012"])           # [] when every key is a known reference
    c.disagreements()                        # derived from the positions

Every file under ``content/`` is registered (``registry.REGISTRY``: file or glob -> model, one line each) and read by
ONE cached loader::

    from backcare.content import load
    load("chapters/vignettes.yaml")          # validated model; ContentError names file, line and field
    load("quiz/04_medicines.yaml")

Adding a YAML file:

1. Write its model in a module of this package (subclass :class:`backcare.content.models.ContentFile`; clinical
   sign-off is not a field of any file but a record in ``content/reviews/``; use the ``Text``/``Key``/``Id`` field types for the no-HTML and key-format rules).
   Reference keys, fact ids, effect ids and ``[@Key]`` citations are found by field name (``cites.py``) and checked
   by the loader; rules of the file's own go in a ``content_problems(self, ctx)`` method yielding (where, message).
2. Add one line to ``registry.REGISTRY``; ``python -m backcare schema`` writes its JSON Schema and
   ``python -m backcare content --check`` validates it with every other file.

Examples
--------
>>> from backcare.content import load_content, ContentError
>>> c = load_content()
>>> c.treatments["medial_branch_block"].purpose
'diagnostic'
"""
from .errors import ContentError, Problem
from .loader import Content, Disagreement, cited_keys_in_text, load_content, other_content_cited_keys, read_content
from .models import (ContentFile, Effect, Fact, Guideline, GuidelinePosition, InvasivenessLevel, Reference,
                     Strict, Treatment)
from .registry import REGISTRY, Entry, entry_for, registered_files
from .store import check_all, clear_cache, load, read
from .validate import load_yaml_model

__all__ = [
    "Content", "ContentError", "ContentFile", "Disagreement", "Effect", "Fact", "Guideline", "GuidelinePosition",
    "InvasivenessLevel", "Problem", "Reference", "Strict", "Treatment", "cited_keys_in_text",
    "load_content", "load_yaml_model", "other_content_cited_keys", "read_content",
    "REGISTRY", "Entry", "entry_for", "registered_files", "load", "read", "check_all", "clear_cache",
]
