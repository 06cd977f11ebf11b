"""Real JupyterLab in a real browser: start a Lab server on 127.0.0.1 on a scratch copy of the series, open each
notebook in headless Chromium, Run All, then change widgets and check that what is shown equals the value of the
package's pure function (design §6, "Real JupyterLab"; tooling-notes §4 and §9).

Every notebook that exists is run (new chapters are covered automatically), one Run All per notebook. Chapter drivers
(``DRIVERS``) then work the interactives: 00 (invasiveness explorer; every kind of self-check question, including typed
answers checked by the live kernel), 02 (STarT Back checkboxes) and 06 (condition x guideline explorer). While 02 or 06
does not exist, a marker test skips with the reason (a failure under CI=true).

Robustness learned on a busy 2-core machine: no build check, debugger or LSP in the test server (the debugger's
handshake reconnects the kernel socket just after start and comm messages in that gap are lost); Run All only once
the status bar names a connected kernel; all cells rendered (``windowingMode: none``); outputs cleared first so the
``[n]:`` prompts of the committed notebook do not count; one reopen when widget views never render.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import warnings
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import CHROMIUM, require_chromium

from backcare.paths import repo_root

ROOT = repo_root()  # the repository, or $BACKCARE_ROOT when set (the package reads content/ from the same place)
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
IDS = [n.removesuffix(".ipynb") for n in NOTEBOOKS]
CELL_TIMEOUT_MS = 60_000

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"autoStartDefaultKernel": True,
                                                                  # render every cell: off-screen cells otherwise have
                                                                  # no innerText (content-visibility)
                                                                  "windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false",
                                                                        "checkForUpdates": False},
}


def _stored_outputs(notebook: str) -> dict[str, int]:
    """What the committed (executed) notebook shows: widget views and images; Lab must render as many."""
    nb = json.loads((ROOT / "notebooks" / notebook).read_text(encoding="utf-8"))
    outputs = [out.get("data") or {} for cell in nb["cells"] if cell["cell_type"] == "code"
               for out in cell.get("outputs", [])]
    return {
        "widgets": sum("application/vnd.jupyter.widget-view+json" in d for d in outputs),
        "images": sum("image/png" in d or "<img" in "".join(d.get("text/html", "")) for d in outputs),
    }


def _notebook(prefix: str) -> str | None:
    return next((n for n in NOTEBOOKS if n.startswith(prefix)), None)


# --------------------------------------------------------------------------------------------------------------------
# The server: a scratch copy of notebooks/ and content/, own settings, own Jupyter dirs; stopped in teardown.
# --------------------------------------------------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LabServer:
    def __init__(self, scratch: Path):
        self.scratch = scratch
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = scratch / "lab.log"
        self.proc: subprocess.Popen | None = None

    def prepare(self) -> None:
        shutil.copytree(ROOT / "notebooks", self.scratch / "notebooks",
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
        shutil.copytree(ROOT / "content", self.scratch / "content")
        settings = self.scratch / "lab-settings"
        for rel, value in LAB_SETTINGS.items():
            path = settings / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(value))
        for d in ("workspaces", "jupyter-config", "jupyter-data", "jupyter-runtime"):
            (self.scratch / d).mkdir()
        # No build check (it takes seconds of server CPU on every page load), no language servers, no terminals.
        (self.scratch / "jupyter-config" / "labconfig").mkdir()
        (self.scratch / "jupyter-config" / "labconfig" / "page_config.json").write_text(
            json.dumps({"buildCheck": False, "buildAvailable": False,
                        # the debugger's handshake reconnects the kernel socket just after start; comm messages
                        # sent in that gap are dropped ("widget model not found") on a busy machine
                        "disabledExtensions": {"@jupyterlab/debugger-extension": True,
                                               "@jupyterlab/lsp-extension": True}}))
        (self.scratch / "jupyter-config" / "jupyter_server_config.json").write_text(json.dumps(
            {"ServerApp": {"jpserver_extensions": {"jupyter_lsp": False, "jupyter_server_terminals": False},
                           "terminals_enabled": False}}))

    def start(self) -> None:
        env = dict(os.environ)
        env.update(
            BACKCARE_ROOT=str(self.scratch),
            JUPYTER_CONFIG_DIR=str(self.scratch / "jupyter-config"),
            JUPYTER_DATA_DIR=str(self.scratch / "jupyter-data"),
            JUPYTER_RUNTIME_DIR=str(self.scratch / "jupyter-runtime"),
            PYTHONHASHSEED="0",
        )
        cmd = [
            sys.executable, "-m", "jupyterlab", "--no-browser",
            "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
            "--IdentityProvider.token=", "--ServerApp.password=",
            f"--ServerApp.root_dir={self.scratch / 'notebooks'}",
            f"--LabApp.user_settings_dir={self.scratch / 'lab-settings'}",
            f"--LabApp.workspaces_dir={self.scratch / 'workspaces'}",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(cmd, cwd=self.scratch, env=env, stdout=log, stderr=subprocess.STDOUT,
                                         start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with code {self.proc.returncode}:\n{self.tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/api/status", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"JupyterLab did not answer on {self.url} within 60 s:\n{self.tail()}")

    def tail(self, n: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        """Stop the server we started (and its kernels: same process group), by PID; never by name."""
        if self.proc is None or self.proc.poll() is not None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=5)


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


class LabPage:
    """One browser page on the Lab server; counts requests that leave 127.0.0.1 (they are aborted) and page errors."""

    def __init__(self, browser, lab: LabServer):
        self.lab = lab
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.page = self.context.new_page()
        self.page.set_default_timeout(CELL_TIMEOUT_MS)
        self.external: list[str] = []
        self.errors: list[str] = []
        self.retried = False
        self.page.route("**/*", self._route)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.lab.url) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.external.append(url)
            route.abort()

    def open_and_run_all(self, notebook: str) -> dict[str, float]:
        """Open ``notebook`` alone in a fresh workspace, Run All, wait until every code cell shows ``[n]:``, the
        kernel is idle and every widget view has rendered. Returns timings (seconds) for the benchmark."""
        expected = _stored_outputs(notebook)["widgets"]
        t0 = time.perf_counter()
        t_open = self._open(notebook)
        self._run_all(notebook)
        if not self._widgets_rendered(expected, timeout_ms=15_000):
            # A JupyterLab race on a busy machine, mostly on the first page a fresh server serves: the kernel socket
            # reconnects just after start and comm messages in that gap are dropped ("widget model not found"), so
            # widget views never render. Reopening the notebook and running again is what a learner would do.
            self.retried = True
            t0 = time.perf_counter()
            t_open = self._open(notebook)
            self._run_all(notebook)
            if not self._widgets_rendered(expected, timeout_ms=30_000):
                raise AssertionError(f"{notebook}: {expected} widget outputs expected, not rendered: {self.state()}")
        t_done = time.perf_counter()
        return {"open": t_open - t0, "first_chart": self._t_chart - t_open, "run_all": t_done - t_open,
                "total": t_done - t0}

    def _open(self, notebook: str) -> float:
        page = self.page
        workspace = re.sub(r"[^a-z0-9]", "", notebook.lower())[:20] or "ws"
        page.goto(f"{self.lab.url}/lab/workspaces/{workspace}/tree/{notebook}?reset", wait_until="domcontentloaded")
        page.wait_for_selector(".jp-Notebook .jp-Cell", state="visible")
        # The execution indicator reads "idle" even before a kernel exists; the status bar names the kernel only
        # once it is connected ("Python 3 (ipykernel) | Idle"). Run All before that is silently dropped.
        page.wait_for_function(
            """() => [...document.querySelectorAll('.jp-StatusBar-Widget')]
                     .some(e => /\\(ipykernel\\) \\| Idle/.test(e.innerText))""", polling=200)
        return time.perf_counter()

    def _run_all(self, notebook: str) -> None:
        page = self.page
        # The committed notebook already shows outputs and [n]: prompts: clear them so only this run's count.
        page.locator(".lm-MenuBar-itemLabel:text-is('Edit')").click()
        page.locator("li.lm-Menu-item[data-command='editmenu:clear-all']").click()
        page.wait_for_function(
            "() => document.querySelectorAll('.jp-Notebook .jp-OutputArea-output').length === 0", polling=100)
        page.locator(".lm-MenuBar-itemLabel:text-is('Run')").click()
        page.locator("li.lm-Menu-item[data-command='runmenu:run-all']").click()
        try:
            if _stored_outputs(notebook)["images"]:
                page.wait_for_selector(".jp-OutputArea-output img", state="visible")
            self._t_chart = time.perf_counter()
            page.wait_for_function(
                """() => {
                    const idle = document.querySelector('.jp-Notebook-ExecutionIndicator[data-status="idle"]') !== null;
                    if (document.querySelector('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
                        && idle) return true;  // an error stops Run All: report it instead of waiting
                    const prompts = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputArea-prompt')];
                    return idle && prompts.length > 0 && prompts.every(p => /^\\[\\d+\\]:$/.test(p.textContent.trim()));
                }""",
                polling=200,
            )
        except Exception as exc:  # say where it stopped: prompts, kernel status, a screenshot
            raise AssertionError(f"{notebook}: Run All did not finish: {self.state()}") from exc

    def _widgets_rendered(self, expected: int, timeout_ms: int) -> bool:
        try:
            self.page.wait_for_function(
                "n => document.querySelectorAll('.jp-OutputArea-output > .jupyter-widgets').length >= n",
                arg=expected, timeout=timeout_ms, polling=200)
            return True
        except Exception:
            return False

    def state(self) -> str:
        shot = self.lab.scratch / f"failure-{int(time.time())}.png"
        try:
            self.page.screenshot(path=str(shot))
            info = self.page.evaluate(
                """() => ({prompts: [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputArea-prompt')]
                              .map(p => p.textContent.trim()),
                          kernel: (document.querySelector('.jp-Notebook-ExecutionIndicator') || {}).outerHTML,
                          dialogs: [...document.querySelectorAll('.jp-Dialog')].map(d => d.innerText.slice(0, 200))})"""
            )
        except Exception as exc:  # the page itself may be gone
            info = f"(page unavailable: {exc})"
        return f"{info}; screenshot {shot}; server log tail:\n{self.lab.tail(15)}"

    def error_outputs(self) -> list[str]:
        """Tracebacks and stderr shown in the notebook (an error output is rendered as stderr by JupyterLab)."""
        found = self.page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        return [t[-600:] for t in found.all_inner_texts()]

    def close(self):
        self.context.close()


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
class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def html_text(markup: str) -> str:
    """The characters of an HTML fragment a reader sees, whitespace removed (layout decides where it goes)."""
    parser = _Text()
    parser.feed(markup)
    return "".join("".join(parser.parts).split())


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
    from backcare.quiz import check_multiple, check_numeric, check_single, load_bank

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
    result shown is ``start_back_summary(answers)`` of the ticks so far (scored by ``logic.start_back.start_back``)."""
    from backcare.lessons.start_back import RISK_EXAMPLES, SYNTHETIC_START_BACK
    from backcare.views.start_back import start_back_summary
    from backcare.logic.start_back import START_BACK_ITEMS

    first = page.get_by_label(f"1. {START_BACK_ITEMS[0].text}", exact=True)
    first.wait_for(state="visible", timeout=20000)
    calculator = page.locator(".widget-vbox").filter(has=first).last
    calculator.scroll_into_view_if_needed()
    answers = dict(SYNTHETIC_START_BACK)
    expect_shown(page, calculator, start_back_summary(answers).html, "STarT Back on opening")
    target = RISK_EXAMPLES["high"]
    for item in START_BACK_ITEMS:
        if answers[item.number] == target[item.number]:
            continue
        page.get_by_label(f"{item.number}. {item.text}", exact=True).click()
        answers[item.number] = target[item.number]
        expect_shown(page, calculator, start_back_summary(answers).html, f"STarT Back after item {item.number}")
    assert answers == target


def drive_comparing_options(page) -> None:
    """06: the condition x guideline explorer shows ``options_view_html(condition, guideline)`` for the pair chosen."""
    from backcare.compare import CONDITIONS, GUIDELINES, options_view_html

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


DRIVERS = {"00_": drive_start_here, "02_": drive_assessment, "06_": drive_comparing_options}


def _skip_until_written(prefix: str, what: str) -> None:
    if _notebook(prefix) is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"notebooks/{prefix}*.ipynb is missing under CI")
        pytest.skip(f"chapter {prefix.rstrip('_')} ({what}) does not exist yet")
    assert prefix in DRIVERS, f"chapter {prefix.rstrip('_')} exists: its {what} needs a browser driver"
    # the driver runs inside test_run_all_in_jupyterlab_then_drive_the_widgets[<chapter>] (one Run All per notebook)


def test_chapter_02_start_back_is_driven_in_jupyterlab():
    _skip_until_written("02_", "STarT Back checkboxes")


def test_chapter_06_explorer_is_driven_in_jupyterlab():
    _skip_until_written("06_", "invasiveness explorer per condition")
