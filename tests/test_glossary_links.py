"""Glossary terms are linked at their first use in each chapter page, with the definition as the link title."""
from __future__ import annotations

import re
from pathlib import Path

import nbformat

from backcare.logic.glossary_links import glossary_patterns, link_first_uses, link_glossary_terms, term_patterns
from backcare.paths import chapter_notebooks

ROOT = Path(__file__).resolve().parents[1]
PATS = term_patterns([("red_flag", "Red flag", [], "A finding."), ("mid_mic", "Minimal important difference (MID)",
                                                                     ["MID"], "The smallest change.")])


def test_first_use_only_and_plural():
    out = link_first_uses(["Red flags are common.", "A red flag again."], PATS)
    assert out == ['[Red flags](glossary.html#term-red_flag "A finding.") are common.', "A red flag again."]


def test_headings_links_code_html_and_citations_are_left_alone():
    src = ["# Red flag\n\n`red flag` <span title='red flag'>x</span> [a red flag](y.html) [@Downie2013]\n\nred flag"]
    out = link_first_uses(src, PATS)[0]
    assert out.startswith("# Red flag\n\n`red flag` <span title='red flag'>x</span> [a red flag](y.html) [@Downie2013]")
    assert out.endswith('[red flag](glossary.html#term-red_flag "A finding.")')


def test_bracketed_abbreviations_and_too_general_names():
    out = link_first_uses(["The minimal important difference is 2 points; the MID line."], PATS)[0]
    assert out.count("glossary.html#term-mid_mic") == 1 and "[minimal important difference]" in out


def test_every_chapter_links_several_terms_each_once():
    pats = glossary_patterns()
    for path in [p for p in chapter_notebooks(ROOT / "notebooks") if p.name[0] == "0"]:
        nb = link_glossary_terms(nbformat.read(path, as_version=4), pats)
        ids = [m for c in nb.cells if c.cell_type == "markdown"
               for m in re.findall(r"\]\(glossary\.html#term-(\w+) \"", c.source)]
        assert len(ids) >= 3, f"{path.stem}: only {ids} linked"
        assert len(ids) == len(set(ids)), f"{path.stem}: a term linked twice: {ids}"
