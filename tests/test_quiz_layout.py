"""The self-check's layout: a long radio choice wraps beside its button and never runs over the next choice, on a
phone-wide page (390 px) and a desktop page (1280 px), with the html-manager's own widget CSS (as on the web page and,
with the same rules, in JupyterLab); and the static fallback lists long choices as list items."""
from __future__ import annotations

import contextlib

import pytest

from backcare.content.quiz import Option, Question
from backcare.lessons.quiz import quiz
from backcare.views.quiz import style_html

from test_widgets_quiz import _browser_or_skip

LONG = ("Explain that hurt does not mean harm, agree a graded exercise and activity plan she can fit around work, and "
        "add manual therapy only alongside exercise if she wants it.")


def _question() -> Question:
    return Question(id="long_choice", kind="single", skill="application", prompt="Which first plan fits best?",
                    objective="Choose a first plan.", options=[
                        Option(text=LONG, correct=True, feedback="Right: it matches the guidelines and her goals."),
                        Option(text="Rest first.", correct=False, feedback="Rest is tempting but slows recovery."),
                        Option(text="An MRI first, to see what is damaged before she moves more.", correct=False,
                               feedback="A scan finding rarely explains the pain and can feed worry."),
                    ])


def test_the_quiz_carries_its_layout_rules_and_class():
    w = quiz([_question()])
    assert "bc-quiz" in w._dom_classes
    assert w.children[0] is w.css and w.css.value == style_html()
    rules = style_html()
    assert rules.startswith("<style>") and rules.rstrip().endswith("</style>")
    assert "height: auto" in rules and "white-space: normal" in rules  # the one-line fixed height is undone


def test_static_fallback_lists_a_long_choice_as_a_list_item():
    html = quiz([_question()])._repr_mimebundle_()["text/html"]
    assert f"<li>○ {LONG}</li>" in html
    assert '<ul class="bc-static-choices">' in html


_MEASURE = """(scope) => [...document.querySelectorAll(scope + ' .widget-radio-box')].map(box => {
  const labels = [...box.querySelectorAll('label')];
  return labels.map(l => { const r = l.getBoundingClientRect(), i = l.querySelector('input').getBoundingClientRect();
    return {top: r.top, bottom: r.bottom, right: r.right, height: r.height, over: l.scrollHeight - l.clientHeight,
            lh: parseFloat(getComputedStyle(l).lineHeight), inputLeft: i.left, inputTop: i.top, left: r.left,
            text: l.textContent.trim().slice(0, 30)}; });
})"""


@contextlib.contextmanager
def _embedded_page(tmp_path, browser, width, widget, state_widgets, scope):
    """``widget`` embedded with the html-manager as on the web page, opened offline at ``width`` px; yields the page
    and the label boxes of its first radio group (``_MEASURE`` within ``scope``), then saves a screenshot."""
    from ipywidgets.embed import dependency_state, embed_minimal_html

    embed, _ = _browser_or_skip()
    page_file = tmp_path / f"{scope.strip('.')}.html"
    embed_minimal_html(page_file, views=[widget], state=dependency_state(state_widgets, drop_defaults=False),
                       title="Layout", requirejs=False, cors=False, embed_url=embed.as_uri())
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        page.goto(page_file.as_uri())
        page.wait_for_selector(f"{scope} .widget-radio-box label", timeout=20_000)
        labels = page.evaluate(_MEASURE, scope)[0]
        page.screenshot(path=str(tmp_path / f"{scope.strip('.')}_{width}.png"), full_page=True)
        yield page, labels
    finally:
        context.close()


def _assert_choices_wrap_without_overlap(labels, width):
    assert [lab["text"] for lab in labels] == [LONG[:30], "Rest first.", "An MRI first, to see what is d"]
    for above, below in zip(labels, labels[1:]):
        assert above["bottom"] <= below["top"] + 0.5, f"{above['text']!r} runs over {below['text']!r} at {width} px"
    for lab in labels:
        assert lab["over"] <= 1, f"{lab['text']!r} overflows its own box at {width} px"
        assert lab["right"] <= width, f"{lab['text']!r} runs off a {width} px page"
        assert lab["inputLeft"] <= lab["left"] + 4, "the radio button sits at the start of its choice"
    long = labels[0]
    if width == 390:
        assert long["height"] >= 2.5 * long["lh"], "at 390 px the long choice should wrap onto several lines"
    else:
        assert long["height"] < 2.5 * long["lh"]


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("width", [390, 1280])
def test_long_choices_wrap_without_overlap(tmp_path, browser, width):
    w = quiz([_question()])
    links = [link for block in w.blocks for link in block.links]
    with _embedded_page(tmp_path, browser, width, w, [w, *links], ".bc-quiz") as (_, labels):
        pass
    _assert_choices_wrap_without_overlap(labels, width)


# --- the predict-then-reveal widgets (widgets/predict.py's RevealStack) carry the same rules -----------------------

def _predict():
    from backcare.widgets.predict import predict_then_reveal
    return predict_then_reveal("Which first plan fits best?",
                               [(LONG, "<p>Right.</p>"), ("Rest first.", "<p>Not quite.</p>"),
                                ("An MRI first, to see what is damaged before she moves more.", "<p>Not quite.</p>")],
                               "<p>The guideline plan.</p>", title="First plan")


def test_the_predict_widget_carries_the_same_rules_and_class():
    from backcare.widgets.reveal import pick_then_reveal
    for w in (_predict(), pick_then_reveal("T", "Which?", [("A", "<p>a</p>"), ("B", "<p>b</p>")])):
        assert "bc-reveal" in w._dom_classes
        assert w.children[0] is w.css and w.css.value == style_html()
    assert ":is(.bc-quiz, .bc-reveal) .widget-radio-box label" in style_html()


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("width", [390, 1280])
def test_long_prediction_choices_wrap_without_overlap(tmp_path, browser, width):
    w = _predict()
    with _embedded_page(tmp_path, browser, width, w, [w, w.link], ".bc-reveal") as (page, labels):
        page.click(".bc-reveal .widget-radio-box label >> nth=2")  # the third choice has a button to press
        page.wait_for_selector("text=The guideline plan.", timeout=5_000)
    _assert_choices_wrap_without_overlap(labels, width)
