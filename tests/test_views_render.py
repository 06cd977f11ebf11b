"""views.render: one Jinja2 environment (autoescape, strict undefined) and the one displayable ``Html`` type."""
from __future__ import annotations

import jinja2
import pytest

from backcare.views.render import Html, environment, escape, render, render_html


def test_autoescape_is_on_and_html_blocks_pass_through_unescaped():
    out = render("_example.html.j2", words=['<script>alert("x")</script>', Html("<b>ok</b>", "ok")])
    assert out == '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p><p><b>ok</b></p>'


def test_a_missing_name_is_an_error_not_an_empty_string():
    with pytest.raises(jinja2.UndefinedError, match="'words' is undefined"):
        render("_example.html.j2")


def test_an_unknown_template_names_itself():
    with pytest.raises(jinja2.TemplateNotFound, match="no_such.html.j2"):
        render("no_such.html.j2")


def test_environment_is_shared_and_strict():
    env = environment()
    assert env is environment()
    assert env.autoescape is True and env.undefined is jinja2.StrictUndefined


def test_html_bundle_has_html_and_the_exact_plain_text():
    block = render_html("_example.html.j2", "a; b", words=["a", "b"])
    assert block._repr_mimebundle_() == {"text/html": "<p>a</p><p>b</p>", "text/plain": "a; b"}
    assert str(block) == "a; b" and block.to_html() == block.__html__() == "<p>a</p><p>b</p>"


def test_escape_quotes_for_attributes():
    assert escape('a "b" <c>') == "a &quot;b&quot; &lt;c&gt;"


def test_html_blocks_of_the_chapters_are_the_one_type():
    from backcare.views.options import benefit_and_harm
    from backcare.views.procedures import care_team_table, when_invasive_care_is_right

    assert all(type(b) is Html for b in (benefit_and_harm("nsaids"), care_team_table(), when_invasive_care_is_right()))


def test_join_lines_template_drops_line_breaks_and_quotes_are_escaped_as_html_escape_does():
    env = environment()
    template = env.from_string('{#- join lines -#}\n<ul>\n  {% for w in words %}\n'
                               '    <li title="{{ w }}">{{ w }}</li>\n  {% endfor %}\n</ul>')
    assert template.render(words=["it's \"x\""]) == (
        '<ul><li title="it&#x27;s &quot;x&quot;">it&#x27;s &quot;x&quot;</li></ul>')


def test_escape_neutralises_script():
    assert escape('<script>alert("x")</script>') == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"


def test_templates_escape_like_html_escape_so_moved_f_strings_keep_their_bytes():
    import html

    text = "it's <b>\"x\" & y</b>"
    assert render("_example.html.j2", words=[text]) == f"<p>{html.escape(text, quote=True)}</p>"


def test_a_template_without_the_marker_keeps_its_line_breaks():
    assert environment().from_string("<p>\n  {{ x }}\n</p>").render(x="a") == "<p>\n  a\n</p>"
