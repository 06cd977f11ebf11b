"""Course content as validated data: the models, the strict YAML loader and the content of ``content/``.

Quick use::

    from backcare.content import load_content
    c = load_content()                       # cached; raises ContentError listing every problem
    c.treatments["nsaids"].invasiveness      # 2
    c.positions_for("acupuncture", "NICE")   # what NICE NG59 says
    c.fact("gbd_prevalent_cases_2020").value # 619.0 (million), cite facts by id, never retype numbers
    c.cited_keys_ok(["Costa2012"])           # [] when every key is a known reference
    c.disagreements()                        # derived from the positions

Adding your own YAML files (quiz questions in ``content/quiz/``, chapter datasets in ``content/chapters/``):

1. Write a pydantic model with ``model_config = ConfigDict(strict=True, extra="forbid")`` (or subclass
   :class:`backcare.content.models.Strict`; use :class:`ContentFile` as the top-level base to get the required
   ``review:`` block, and the ``Text``/``Key``/``Id`` field types to get the no-HTML and key-format rules).
2. Read the file with ``load_yaml_model(path, YourModel)``: duplicate keys, ``yes``/``no`` booleans, unknown
   keys, wrong types and missing fields all become one :class:`ContentError` listing
   ``file:line: dotted.path: message (allowed: ...)`` for every problem.
3. Check citations with ``load_content().cited_keys_ok(keys)`` (returns the unknown keys) and facts with
   ``load_content().fact(id)``.
4. Start the file with ``# yaml-language-server: $schema=<relative path>/schema/<name>.json`` if you export a schema
   (``backcare.content.schema.export_schema(YourModel, path)``).

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
                     ReviewStatus, Strict, Treatment)
from .registry import REGISTRY, Entry, entry_for, registered_files
from .store import check_all, clear_cache, load, read
from .validate import load_yaml_model

__all__ = [
    "Content", "ContentError", "ContentFile", "Disagreement", "Effect", "Fact", "Guideline", "GuidelinePosition",
    "InvasivenessLevel", "Problem", "Reference", "ReviewStatus", "Strict", "Treatment", "cited_keys_in_text",
    "load_content", "load_yaml_model", "other_content_cited_keys", "read_content",
    "REGISTRY", "Entry", "entry_for", "registered_files", "load", "read", "check_all", "clear_cache",
]
