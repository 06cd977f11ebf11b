"""Real JupyterLab in a real browser: start a Lab server on 127.0.0.1 on a scratch copy of the series, open each
notebook in headless Chromium, Run All, then change widgets and check that what is shown equals the value of the
package's pure function (design §6, "Real JupyterLab"; tooling-notes §4 and §9).

Every notebook that exists is run (new chapters are covered automatically), one Run All per notebook. Chapter drivers
(``DRIVERS``) then work the interactives: 00 (invasiveness explorer; every kind of self-check question, including typed
answers checked by the live kernel), 02 (STarT Back checkboxes) and 06 (condition x guideline explorer); every other
chapter with widgets names in ``RUN_ONLY`` why Run All is enough, and a test fails when a chapter has neither.

The server and page driver live in :mod:`backcare.dev.labdriver` (shared with ``python -m backcare bench``).
"""
from __future__ import annotations

import warnings

import pytest

from conftest import require_chromium

from backcare.dev.labdriver import LabPage, LabServer, stored_outputs
from backcare.dev.outputs import html_text as reader_text
from backcare.paths import chapter_notebooks, repo_root

ROOT = repo_root()  # the repository, or $BACKCARE_ROOT when set (the package reads content/ from the same place)
NOTEBOOKS = [p.name for p in chapter_notebooks(ROOT / "notebooks")]
IDS = [n.removesuffix(".ipynb") for n in NOTEBOOKS]
pytestmark = [pytest.mark.browser, pytest.mark.slow]

def _notebook(prefix: str) -> str | None:
    return next((n for n in NOTEBOOKS if n.startswith(prefix)), None)


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    require_chromium()
    server = LabServer(tmp_path_factory.mktemp("lab"))
    server.prepare()
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def lab_browser(lab, browser):
    """The session's Chromium (tests/conftest.py): one Playwright per worker process, shared with the site tests."""
    yield browser


@pytest.fixture
def lab_page(lab_browser, lab):
    lp = LabPage(lab_browser, lab)
    try:
        yield lp
    finally:
        lp.close()


# --------------------------------------------------------------------------------------------------------------------
# Helpers: compare what the browser shows with HTML built by the package
# --------------------------------------------------------------------------------------------------------------------
def html_text(markup: str) -> str:
    """The characters of an HTML fragment a reader sees, whitespace removed (layout decides where it goes)."""
    return "".join(reader_text(markup).split())


def words(text: str) -> str:
    """Shown text with whitespace removed, to compare with :func:`html_text`."""
    return "".join(text.split())


def expect_shown(page, locator, expected: str, what: str, timeout_ms: int = 15_000) -> None:
    """Wait until one visible HTML widget inside ``locator`` shows exactly the text ``expected`` (plain text, or the
    text of an HTML fragment; whitespace is ignored as layout decides it); else say what is shown."""
    want = html_text(expected)
    script = ("([el, want]) => Array.from(el.querySelectorAll('.widget-html-content'))"
              ".some(e => e.offsetParent !== null && e.textContent.replace(/\\s+/g, '') === want)")
    try:
        page.wait_for_function(script, arg=[locator.element_handle(), want], timeout=timeout_ms, polling=100)
    except Exception:
        shown = locator.evaluate(
            "el => Array.from(el.querySelectorAll('.widget-html-content')).filter(e => e.offsetParent !== null)"
            ".map(e => e.textContent.trim().slice(0, 300))")
        raise AssertionError(f"{what}: expected {expected[:300]!r}; shown {shown!r}") from None


def question_block(page, number: int, total: int):
    prompt = page.locator("p.backcare-quiz-prompt", has_text=f"Question {number} of {total}.")
    return page.locator(".widget-vbox").filter(has=prompt).last  # innermost box holding that prompt


# --------------------------------------------------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_run_all_in_jupyterlab_then_drive_the_widgets(lab_page, notebook):
    """Every notebook: Run All shows every output and widget with no error and no request leaving 127.0.0.1;
    then the chapter's interactives (where a driver exists below) show exactly what the pure functions return."""
    timings = lab_page.open_and_run_all(notebook)
    print(notebook, {k: round(v, 2) for k, v in timings.items()}, "retried" if lab_page.retried else "")
    assert lab_page.error_outputs() == [], f"{notebook}: error output after Run All"
    assert lab_page.external == [], f"{notebook}: requests left 127.0.0.1: {lab_page.external[:5]}"
    driver = next((d for prefix, d in DRIVERS.items() if notebook.startswith(prefix)), None)
    if driver is not None:
        driver(lab_page.page)
    assert lab_page.errors == [], f"{notebook}: page errors: {lab_page.errors[:3]}"
    assert lab_page.external == []
    if timings["total"] > 60:  # the budget; not asserted (a busy CI machine is slower), reported by `make bench`
        warnings.warn(f"{notebook}: open + Run All took {timings['total']:.1f} s (budget 60 s)")


def drive_start_here(page) -> None:
    """00: the invasiveness explorer and every kind of self-check question."""
    from backcare.content import load_content
    from backcare.lessons.invasiveness import level_card_html
    from backcare.lessons.quiz import load_bank
    from backcare.logic.quiz import check_multiple, check_numeric, check_single

    # The invasiveness explorer: choose each of two levels; the visible card is the package's card for that level.
    levels = load_content().invasiveness_levels
    select = page.get_by_label("Invasiveness level", exact=True)
    select.wait_for(state="visible", timeout=20000)  # widget views render just after their cell finished
    for lv in (levels[3], levels[-1]):
        select.select_option(label=f"Level {lv.level}: {lv.name}")
        region = page.get_by_role("region", name=f"Invasiveness level {lv.level}", exact=True)
        region.wait_for(state="visible", timeout=10000)
        region.scroll_into_view_if_needed()
        assert words(region.text_content()) == html_text(level_card_html(lv))
        assert not page.get_by_role("region", name="Invasiveness level 0", exact=True).is_visible()

    # The self-check: each question kind, driven in the browser, shows exactly the pure function's message.
    bank = load_bank("00_start_here")
    total = len(bank.questions)
    for number, q in enumerate(bank.questions, start=1):
        block = question_block(page, number, total)
        block.scroll_into_view_if_needed()
        if q.kind == "single":
            for index in (1, q.correct_indices[0]):
                block.locator(".widget-radio-box label").nth(index).click()
                expect_shown(page, block, check_single(q, index).message, f"question {number}, option {index}")
        elif q.kind == "multiple":
            radios = block.locator(".widget-radio-box")
            marks = [0 if i in q.correct_indices else 1 for i in range(len(q.options))]
            marks[0] = 1 - marks[0]  # one statement marked wrongly: a partly right answer
            for i, mark in enumerate(marks):
                radios.nth(i).locator("label").nth(mark).click()
            chosen = [i for i, m in enumerate(marks) if m == 0]
            expect_shown(page, block, check_multiple(q, chosen).message, f"question {number}, marks {marks}")
        elif q.kind == "numeric":
            box = block.locator(".widget-text input")
            for typed in ("ten", f"{q.answer + 10 * (q.tolerance + 1):g}", f"{q.answer:g}"):
                box.fill(typed)
                box.press("Enter")  # continuous_update=False: the value reaches the kernel on Enter
                expect_shown(page, block, check_numeric(q, typed).message, f"question {number}, typed {typed!r}")


def drive_assessment(page) -> None:
    """02: tick STarT Back checkboxes until the answers are the synthetic high-risk example; after each click the
    result shown is ``start_back_summary(answers, with_source=False)`` of the ticks so far (the calculator's heading
    carries the source line) (scored by ``logic.start_back.start_back``)."""
    from backcare.lessons.start_back import RISK_EXAMPLES, SYNTHETIC_START_BACK
    from backcare.views.start_back import start_back_summary
    from backcare.logic.start_back import START_BACK_ITEMS

    first = page.get_by_label(f"1. {START_BACK_ITEMS[0].text}", exact=True)
    first.wait_for(state="visible", timeout=20000)
    calculator = page.locator(".widget-vbox").filter(has=first).last
    calculator.scroll_into_view_if_needed()
    answers = dict(SYNTHETIC_START_BACK)
    expect_shown(page, calculator, start_back_summary(answers, with_source=False).html, "STarT Back on opening")
    target = RISK_EXAMPLES["high"]
    for item in START_BACK_ITEMS:
        if answers[item.number] == target[item.number]:
            continue
        page.get_by_label(f"{item.number}. {item.text}", exact=True).click()
        answers[item.number] = target[item.number]
        expect_shown(page, calculator, start_back_summary(answers, with_source=False).html,
                     f"STarT Back after item {item.number}")
    assert answers == target


def drive_comparing_options(page) -> None:
    """06a: the condition x guideline explorer shows ``options_view_html(condition, guideline)`` for the pair chosen."""
    from backcare.logic.vocabulary import CONDITIONS, GUIDELINES
    from backcare.views.comparing import options_view_html

    conds = list(CONDITIONS)
    explorer = page.locator(".bc-explorer").filter(has=page.locator(".widget-toggle-button", has_text=GUIDELINES[-1])) \
        .filter(has=page.locator("select")).first
    explorer.wait_for(state="visible", timeout=20000)
    explorer.scroll_into_view_if_needed()
    for ci, gi in ((1, len(GUIDELINES) - 1), (len(conds) - 1, 0)):
        explorer.locator("select").first.select_option(label=CONDITIONS[conds[ci]])
        explorer.locator(".widget-toggle-button", has_text=GUIDELINES[gi]).first.click()
        expect_shown(page, explorer, options_view_html(conds[ci], GUIDELINES[gi]),
                     f"options explorer at {conds[ci]} / {GUIDELINES[gi]}")


DRIVERS = {"00_": drive_start_here, "02_": drive_assessment, "06a_": drive_comparing_options}


#: Chapters whose widgets Run All alone covers here (every view renders, no error, nothing leaves 127.0.0.1), and why
#: no Lab driver works them: their explorers are Stacks switched in tests/test_site_browser.py (every chapter) and their
#: values are asserted by the chapter's unit tests. A chapter with widgets and neither entry fails below.
RUN_ONLY = {
    "01_": "natural-history and triage explorers: pre-rendered Stack views, switched in the static-page tests",
    "03a_": "responders predict-then-reveal and explorer: pre-rendered views, clicked in the predict and static-page tests",
    "03b_": "tier explorer and care-team explorer: pre-rendered Stack views, switched in the static-page tests",
    "04_": "tier explorer: pre-rendered Stack views, switched in the static-page tests",
    "05a_": "risk and tier explorers: pre-rendered Stack views, switched in the static-page tests",
    "05b_": "tier explorer: pre-rendered Stack views, switched in the static-page tests",
    "06b_": "time-to-effect and procedure-risk explorers: pre-rendered Stack views, switched in the static-page tests",
    "07_": "case explorers: pre-rendered Stack views, switched in the static-page tests",
    "99_": "instructor guide: one profession explorer (Stack), switched in the static-page tests",
}


def test_every_chapter_with_widgets_has_a_lab_driver_or_a_reason():
    """Replaces two tests that only checked a prefix against this file's own dict: this one fails when a chapter
    gains widgets without a driver or a listed reason, and when an entry names a chapter that does not exist."""
    with_widgets = [n for n in NOTEBOOKS if stored_outputs(n, ROOT)["widgets"]]
    covered = (*DRIVERS, *RUN_ONLY)
    undriven = [n for n in with_widgets if not any(n.startswith(prefix) for prefix in covered)]
    assert undriven == [], f"add a driver to DRIVERS or a reason to RUN_ONLY for: {undriven}"
    assert not set(DRIVERS) & set(RUN_ONLY)
    stale = [prefix for prefix in covered if _notebook(prefix) is None]
    assert stale == [], f"DRIVERS/RUN_ONLY name chapters that do not exist: {stale}"
    driven = [n for n in with_widgets if any(n.startswith(prefix) for prefix in DRIVERS)]
    assert len(driven) >= 3, "the Lab test must work the interactives of at least chapters 00, 02 and 06a"
