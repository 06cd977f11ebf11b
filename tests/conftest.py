"""Shared fixtures: the built site, a headless Chromium with every non-file: request blocked."""
from __future__ import annotations

import fcntl
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# THE Hypothesis profile of the suite (no test module registers or loads another). Property tests check every example;
# on a busy 2-core CI machine Hypothesis' timing and filtering health checks can fail a correct test at random, so the
# deadline and those two checks are off. HYPOTHESIS_PROFILE=thorough searches deeper (5,000 examples per property).
_QUIET = [HealthCheck.too_slow, HealthCheck.filter_too_much]
settings.register_profile("backcare", max_examples=150, deadline=None, suppress_health_check=_QUIET)
settings.register_profile("thorough", parent=settings.get_profile("backcare"), max_examples=5000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "backcare"))


def pytest_configure(config):
    """nbval builds its own KernelManager: give it the builders' encrypted one (no TCP warning; backcare.builders.kernels).
    The chart cache and the validated-content cache are off in this process (tests patch what charts are drawn from
    and edit content in place; test_chart_cache and test_content_disk turn them on); the kernels nbval starts keep
    them (backcare.charts.cache, backcare.content.disk)."""
    import backcare.charts.cache
    import backcare.content.disk

    backcare.charts.cache.ENABLED = False
    backcare.content.disk.ENABLED = False
    try:
        import nbval.kernel
    except ImportError:  # nbval is a test extra; without it there are no notebook tests to configure
        return
    from backcare.builders.kernels import EncryptedKernelManager

    nbval.kernel.KernelManager = EncryptedKernelManager

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


@pytest.fixture
def content_copy(tmp_path, monkeypatch) -> Path:
    """A private copy of ``content/`` that the package reads during this test (via $BACKCARE_ROOT); yields its path.

    Edit files in it freely: the content caches are cleared before and after, so no other test sees the change.
    """
    from backcare.content import clear_cache
    from backcare.paths import repo_root

    real = repo_root()
    course = tmp_path / "course"
    shutil.copytree(real / "content", course / "content")
    (course / "notebooks").symlink_to(real / "notebooks")
    monkeypatch.setenv("BACKCARE_ROOT", str(course))
    clear_cache()
    yield course / "content"
    clear_cache()


TEACHER_SITE = ROOT / "_build" / "html-teacher"


def _built(out: Path, **options) -> Path:
    """The site in ``out``; built here (once, under a file lock) when `python -m backcare test` did not build it."""
    lock = ROOT / "_build" / ".site.lock"
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(lock, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        if not (out / "index.html").exists():
            from backcare.builders import site

            site.build(out, **options)
    return out


@pytest.fixture(scope="session")
def site_dir() -> Path:
    """The default site (the self-study audience: what may be handed to students)."""
    return _built(SITE)


@pytest.fixture(scope="session")
def teacher_site_dir() -> Path:
    """The teacher's site (``--audience teacher``: with the instructor guide), in its own folder."""
    return _built(TEACHER_SITE, audience="teacher")


def is_instructor_page(stem: str) -> bool:
    import nbformat

    from backcare.builders.audience import notebook_visible

    path = ROOT / "notebooks" / f"{stem}.ipynb"
    return path.exists() and not notebook_visible(nbformat.read(path, as_version=4), "self-study")


@pytest.fixture(scope="session")
def site_page(site_dir):
    """``site_page(name)`` -> the built page: instructor pages from the teacher's site, every other from the default."""
    def page(name: str) -> Path:
        if is_instructor_page(name):
            return _built(TEACHER_SITE, audience="teacher") / f"{name}.html"
        return site_dir / f"{name}.html"

    return page


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
    """A page whose every request not under file: (or an allowed loopback origin) is aborted and counted."""

    def __init__(self, browser, allow: tuple[str, ...] = ()):
        self.allow = tuple(allow)
        self.context = browser.new_context(viewport={"width": 1200, "height": 1600})
        self.page = self.context.new_page()
        self.external: list[str] = []
        self.errors: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route):
        url = route.request.url
        if url.startswith("file:") or url.startswith("data:") or (self.allow and url.startswith(self.allow)):
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


@pytest.fixture(scope="session")
def served_site(site_dir):
    """The built site served by ``python -m http.server`` on a free loopback port; stopped (by PID) afterwards.

    Yields the base URL, e.g. ``http://127.0.0.1:43123/``.
    """
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                             "--directory", str(site_dir)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(base + "index.html", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"python -m http.server did not start on port {port}")
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture
def served_page(browser, served_site):
    """Like ``offline_page`` but the served site's loopback origin is allowed; everything else is blocked."""
    op = OfflinePage(browser, allow=(served_site,))
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
