"""views.references: one reference as HTML (DOI or URL linked) and text, and the numbered, anchored list."""
from __future__ import annotations

from types import SimpleNamespace

from backcare.views.references import reference_html, reference_list_html, reference_text


def _ref(**kw):
    base = dict(key="Smith2020", authors="Smith J, O'Neil K", year=2020, title="Pain & <care>", venue="J Back",
                code=None, doi=None, url=None)
    return SimpleNamespace(**{**base, **kw})


def test_reference_with_doi_is_linked_and_escaped():
    ref = _ref(doi="10.1/x")
    assert reference_html(ref) == ('Smith J, O&#x27;Neil K (2020). Pain &amp; &lt;care&gt;. J Back. '
                                   '<a href="https://doi.org/10.1/x">doi:10.1/x</a>')
    assert reference_text(ref) == "Smith J, O'Neil K (2020). Pain & <care>. J Back. doi:10.1/x"


def test_reference_with_code_and_url_and_no_year():
    ref = _ref(year=None, code="NG59", url="https://example.org/a?b=1&c=2")
    assert reference_html(ref) == ("Smith J, O&#x27;Neil K (undated; check the current version). Pain &amp; "
                                   "&lt;care&gt;. J Back. NG59. <a href=\"https://example.org/a?b=1&amp;c=2\">"
                                   "https://example.org/a?b=1&amp;c=2</a>")
    assert reference_text(ref).endswith("J Back. NG59.")


def test_reference_list_is_numbered_and_anchored_by_key():
    html = reference_list_html([_ref(), _ref(key="Jones2019")])
    assert html.startswith('<ol class="bc-references"><li id="ref-Smith2020">Smith J')
    assert '</li><li id="ref-Jones2019">' in html and html.endswith("</li></ol>")
