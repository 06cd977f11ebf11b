"""The glossary in a notebook (``bc.define``) and the validated glossary file for the site builder.

Examples
--------
>>> define("nocebo").text.startswith("Nocebo: Worse symptoms")
True
>>> define("wear_and_tear")
Traceback (most recent call last):
...
KeyError: "no glossary entry 'wear_and_tear': add it to content/glossary.yaml or use one of the ids listed there"
"""
from __future__ import annotations

from pathlib import Path

from ..content import load, read
from ..content.glossary import GlossaryFile
from ..views.glossary import definition
from ..views.render import Html

__all__ = ["GLOSSARY_FILE", "define", "load_glossary"]

GLOSSARY_FILE = "glossary.yaml"


def load_glossary(path: str | Path | None = None) -> GlossaryFile:
    """The glossary (``content/glossary.yaml``, or another file in its place), through the one content loader."""
    return load(GLOSSARY_FILE) if path is None else read(GLOSSARY_FILE, path=path)


def define(term_id: str) -> Html:
    """Show one glossary entry in a notebook: ``bc.define("red_flag")``."""
    return definition(load_glossary().term(term_id))
