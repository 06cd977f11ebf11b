"""Shared fixtures: the built site, a headless Chromium with every non-file: request blocked."""
from __future__ import annotations

import fcntl
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def chromium_available() -> bool:
    return Path(CHROMIUM).exists()


def require_chromium() -> None:
    """Skip with a reason on a learner's machine without Chromium; under CI=true that is a failure."""
    if chromium_available():
        return
    message = "Chromium is not installed (Debian: apt-get install chromium); browser tests need it"
    if IN_CI:
        pytest.fail(message + " - and CI must run them")
    pytest.skip(message)


@pytest.fixture(scope="session")
def site_dir() -> Path:
    """The built site; built here (once, under a file lock) when `python -m backcare test` did not build it."""
    lock = ROOT / "_build" / ".site.lock"
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(lock, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        if not (SITE / "index.html").exists():
            from backcare import site

            site.build(SITE)
    return SITE


@pytest.fixture(scope="session")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"],
        )
        yield b
        b.close()


class OfflinePage:
    """A page whose every request not under file: is aborted and counted."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport={"width": 1200, "height": 1600})
        self.page = self.context.new_page()
        self.external: list[str] = []
        self.errors: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route):
        url = route.request.url
        if url.startswith("file:") or url.startswith("data:"):
            route.continue_()
        else:
            self.external.append(url)
            route.abort()

    def open(self, path: Path):
        self.page.goto(path.resolve().as_uri(), wait_until="load")
        return self.page

    def close(self):
        self.context.close()


@pytest.fixture
def offline_page(browser):
    op = OfflinePage(browser)
    yield op
    op.close()


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def run_axe(page) -> list[dict]:
    """Serious and critical axe-core violations on the page."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Under CI=true a skipped browser test is a failure: CI must prove the pages and JupyterLab work."""
    outcome = yield
    report = outcome.get_result()
    if IN_CI and report.skipped and item.get_closest_marker("browser") is not None:
        report.outcome = "failed"
        report.longrepr = f"browser test skipped under CI=true: {report.longrepr}"
