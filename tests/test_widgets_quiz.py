"""backcare.widgets.quiz: the self-check widget driven like a learner would, and its static page in a browser."""
from __future__ import annotations

import datetime
import html
import re
from pathlib import Path

import ipywidgets as widgets
from ipywidgets.widgets.widget_link import Link
import pytest

from backcare.content.quiz import Option, Question, QuestionBank
from backcare.lessons.quiz import load_bank, quiz
from backcare.views.quiz import NOT_REVIEWED
from backcare.widgets.quiz import Quiz

from quiz_support import multiple, numeric, shown, single, visible  # noqa: F401


# ---- widget, driven like a learner --------------------------------------------------------------------------------
def test_single_widget_shows_the_chosen_option_feedback(single):
    block = quiz([single]).blocks[0]
    radio, stack = block.control, block.feedback
    assert isinstance(radio, widgets.RadioButtons) and radio.index is None
    assert visible(stack) is None  # nothing revealed before a choice
    radio.index = 1
    assert visible(stack) == shown("✗ Not quite. Imaging is tempting but rarely changes care early.")
    radio.index = 0
    assert visible(stack) == shown("✓ Correct. Staying active is advised by guidelines.")
    # every option's feedback is pre-rendered, in option order, for the static page
    assert [c.value for c in stack.children] == [
        shown("✓ Correct. Staying active is advised by guidelines."),
        shown("✗ Not quite. Imaging is tempting but rarely changes care early."),
        shown("✗ Not quite. Bed rest tends to slow recovery rather than help it."),
    ]


def test_controls_are_jslinked_to_their_stacks_for_the_static_page(single, multiple, numeric):
    w = quiz([single, multiple, numeric])
    s, m, n = w.blocks
    pairs = {(link.source[0], link.source[1], link.target[0], link.target[1]) for b in w.blocks for link in b.links}
    assert all(isinstance(link, Link) for b in w.blocks for link in b.links)
    assert (s.control, "index", s.feedback, "selected_index") in pairs
    for radio, stack in m.statements:
        assert (radio, "index", stack, "selected_index") in pairs
    assert (n.worked_toggle, "index", n.worked, "selected_index") in pairs
    assert len(pairs) == 1 + 4 + 1


def test_multiple_widget_statement_feedback_and_summary(multiple):
    block = quiz([multiple]).blocks[0]
    (a, sa), (b, sb), (c, sc), (d, sd) = block.statements
    assert a.options == ("True", "False") and a.index is None
    assert block.summary.value == shown(
        "Marked 0 of 4 statements; the overall result shows here in a running notebook.")
    a.index = 0  # marked true, is true
    c.index = 0  # marked true, is false
    assert visible(sa) == shown("✓ Right: this statement is true. A is true because the cohort showed it.")
    assert visible(sc) == shown("✗ Not quite: this statement is false. C sounds right but the data disagree.")
    assert visible(sb) is None
    assert block.summary.value.startswith(shown("Marked 2 of 4 statements;")[:-5])
    b.index = 1  # marked false, is true
    d.index = 1  # marked false, is false
    assert visible(sb) == shown("✗ Not quite: this statement is true. B is true because the review showed it.")
    assert visible(sd) == shown("✓ Right: this statement is false. D is a common myth with no support.")
    assert block.summary.value == shown(
        "✗ Partly right: 1 of 2 true statements marked true; 1 statement marked true is false.")
    b.index, c.index = 0, 1
    assert block.summary.value == shown("✓ All right: you marked exactly the 2 true statements as true.")


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("1", "✓ Correct. Right, about one in a hundred people."),
        ("5", "✗ Too high. Serious causes are rarer than that."),
        ("-2", "✗ Too low. A count of people cannot be negative."),
        ("", "Type a number, then press Check."),
        ("one", "'one' is not a number: type digits, for example 12 or 0.5."),
        ("NaN", "'NaN' is not a number: type digits, for example 12 or 0.5."),
        ("<script>alert(1)</script>", "'<script>alert(1)<...' is not a number: type digits, for example 12 or 0.5."),
    ],
)
def test_numeric_widget_check_button(numeric, typed, expected):
    block = quiz([numeric]).blocks[0]
    assert block.result.value == shown(
        "Type your answer, then press Check. Checking needs a running notebook; "
        "on a web page, use the worked answer below.")
    block.answer_box.value = typed
    block.check_button.click()
    assert block.result.value == shown(expected)
    assert "<script>" not in block.result.value  # typed text is escaped before it reaches the page


def test_numeric_widget_worked_answer_toggle(numeric):
    block = quiz([numeric]).blocks[0]
    assert block.worked_toggle.options == ("Hide worked answer", "Show worked answer")
    assert visible(block.worked) == ""
    block.worked_toggle.index = 1
    assert visible(block.worked) == (
        '<p class="backcare-quiz-worked">Worked answer: Eleven of 1172 is about 0.9 in 100.</p>')
    block.worked_toggle.index = 0
    assert visible(block.worked) == ""


def test_every_control_has_an_accessible_name_and_sane_width(single, multiple, numeric):
    w = quiz([single, multiple, numeric])
    controls = [w.blocks[0].control, *(r for r, _ in w.blocks[1].statements), w.blocks[2].answer_box,
                w.blocks[2].worked_toggle]
    assert [c.description for c in controls] == [
        "Answer to question 1",
        "Question 2, statement 1", "Question 2, statement 2", "Question 2, statement 3", "Question 2, statement 4",
        "Answer to question 3 (people out of 100)",
        "Worked answer to question 3",
    ]
    assert w.blocks[2].check_button.description == "Check"
    for c in controls:
        assert c.layout.width == "auto"
        assert c.style.description_width == "initial"


def test_text_is_escaped_before_it_reaches_an_html_widget():
    q = Question(id="q", kind="single", prompt="Is risk < 1 in 100 & rare?", objective="Read risks.",
                 options=[Option(text="Yes & no", correct=True, feedback="Both parts are true: rare & small."),
                          Option(text="No", correct=False, feedback="It is tempting, but the cohort says < 1%.")])
    block = quiz([q]).blocks[0]
    assert block.children[0].value == (
        '<p class="backcare-quiz-prompt"><strong>Question 1 of 1.</strong> Is risk &lt; 1 in 100 &amp; rare?</p>')
    assert block.feedback.children[1].value == shown("✗ Not quite. It is tempting, but the cohort says < 1%.")
    assert "&lt; 1%" in block.feedback.children[1].value
    assert block.control.options == ("Yes & no", "No")  # ipywidgets sets option labels as text, not HTML


def test_plain_text_repr_is_a_deterministic_summary(single, multiple, numeric):
    w = quiz([single, multiple, numeric])
    assert isinstance(w, Quiz) and isinstance(w, widgets.VBox)
    bundle = w._repr_mimebundle_()
    assert bundle["text/plain"] == (
        "Self-check: 3 questions (1 single choice, 1 multiple choice, 1 numeric)\n"
        "1. What is the usual first step for acute non-specific back pain?\n"
        "2. Mark each statement true or false.\n"
        "3. How many in 100?"
    )
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == w.model_id
    assert repr(w) == bundle["text/plain"] == quiz([single, multiple, numeric])._repr_mimebundle_()["text/plain"]


def test_quiz_refuses_what_it_cannot_show(single):
    with pytest.raises(TypeError, match="quiz\\(\\) takes a QuestionBank, a list of Question or a chapter name like "
                                        "'00_start_here', not dict"):
        quiz({"id": "q"})
    with pytest.raises(ValueError, match="quiz\\(\\) needs at least one question"):
        quiz([])


def test_unreviewed_bank_says_so(single):
    # the status comes from content/reviews/ records only (none yet), never from the bank's own file
    bank = QuestionBank(chapter="00_start_here", questions=[single.model_copy(update={"skill": "recall"})])
    w = quiz(bank)
    assert w.children[-1].value == f'<p class="backcare-quiz-review">{NOT_REVIEWED}</p>'
    assert NOT_REVIEWED == "These questions have not yet been clinically peer-reviewed."
    w2 = quiz([single])  # loose questions, not a chapter's bank: no status to state
    assert w2.children == (w2.css, *w2.blocks)


def test_a_current_sign_off_record_removes_the_note(single, monkeypatch):
    from backcare.content import reviews

    monkeypatch.setattr(reviews, "load_reviews", lambda: [reviews.ReviewRecord(
        reviewer="A. Reviewer", profession="GP", date=datetime.date(2026, 11, 1), scope=["00_start_here"],
        hashes=["0123456789abcdef"])])
    monkeypatch.setattr(reviews, "status_for", lambda chapter, **kw: reviews.ReviewStatusLine("current", "reviewed"))
    w = quiz(QuestionBank(chapter="00_start_here", questions=[single.model_copy(update={"skill": "recall"})]))
    assert w.children == (w.css, *w.blocks)



# ---- the static page: no kernel, feedback revealed by jslink + Stack in a real browser --------------------------
def _browser_or_skip():
    import os

    from backcare.paths import repo_root

    embed = repo_root() / "node_modules" / "@jupyter-widgets" / "html-manager" / "dist" / "embed.js"
    axe = repo_root() / "node_modules" / "axe-core" / "axe.min.js"
    missing = [str(p) for p in (Path("/usr/bin/chromium"), embed, axe) if not p.exists()]
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the Python package playwright")
    if missing:
        reason = f"static-page quiz test needs {', '.join(missing)}"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " (under CI=true a skipped browser test is a failure)")
        pytest.skip(reason)
    return embed, axe


@pytest.mark.browser
@pytest.mark.slow
def test_static_page_reveals_feedback_without_a_kernel(tmp_path, browser):
    from ipywidgets.embed import dependency_state, embed_minimal_html
    from playwright.sync_api import expect

    embed, axe = _browser_or_skip()
    bank = load_bank("00_start_here")
    page_file = tmp_path / "quiz.html"
    w = quiz(bank)
    # the links are not children of a view, so add their state; keep defaults (as nbclient stores them): with
    # defaults dropped, html-manager 1.0.15 cannot create a view for a Stack whose selected_index is None
    links = [link for block in w.blocks for link in block.links]
    state = dependency_state([w, *links], drop_defaults=False)
    embed_minimal_html(page_file, views=[w], state=state, title="Self-check", requirejs=False, cors=False,
                       embed_url=embed.as_uri())
    first, scale = bank.questions[0], bank.questions[1]
    external, errors = [], []
    # the session's Chromium (tests/conftest.py): one Playwright per worker process, shared with the site tests
    context = browser.new_context()
    try:
        page = context.new_page()

        def only_local(route):
            if route.request.url.startswith("file:"):
                route.continue_()
            else:
                external.append(route.request.url)
                route.abort()

        page.route("**/*", only_local)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(page_file.as_uri())
        page.wait_for_selector(".widget-radio-box", timeout=20_000)

        shown_feedback = page.locator(".backcare-quiz-feedback:visible", has_text=re.compile("^[✓✗]"))
        expect(shown_feedback).to_have_count(0)  # nothing revealed before a choice
        page.get_by_role("radio", name=first.options[1].text).check()
        expect(shown_feedback).to_have_text([f"✗ Not quite. {first.options[1].feedback}"])
        page.get_by_role("radio", name=first.options[0].text).check()
        expect(shown_feedback).to_have_text([f"✓ Correct. {first.options[0].feedback}"])
        # keyboard: statement 2 of the scale question is false; focus its "False" and press Space
        statement2 = page.locator(".widget-radio").filter(has_text="Question 2, statement 2")
        statement2.get_by_role("radio", name="False").focus()
        page.keyboard.press("Space")
        expect(shown_feedback).to_have_text([
            f"✓ Correct. {first.options[0].feedback}",
            f"✓ Right: this statement is false. {scale.options[1].feedback}",
        ])
        # numeric: the worked answer is one keypress away with no kernel
        worked = page.locator(".backcare-quiz-worked:visible")
        expect(worked).to_have_count(0)
        page.get_by_role("button", name="Show worked answer").focus()
        page.keyboard.press("Enter")
        expect(worked).to_have_text([f"Worked answer: {bank.questions[3].worked_answer}"])
        page.add_script_tag(path=str(axe))
        violations = page.evaluate(
            "axe.run().then(r => r.violations.filter(v => ['serious', 'critical'].includes(v.impact))"
            ".map(v => v.id + ': ' + v.nodes.map(n => n.html.slice(0, 80)).join(' | ')))")
    finally:
        context.close()
    assert violations == []
    assert external == [] and errors == []
