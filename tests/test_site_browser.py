"""The site in headless Chromium with every non-file: request blocked: widgets render, explorers switch (also by
keyboard), self-check feedback appears without a kernel, and axe-core finds no serious or critical violation."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_axe

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _wait_widgets(page, timeout=20000):
    page.wait_for_selector(".bc-explorer, .bc-quiz, .jupyter-widgets", state="attached", timeout=timeout)
    page.wait_for_function("document.querySelectorAll('.widget-html-content, .widget-dropdown, .widget-radio-box').length > 0",
                           timeout=timeout)


def _visible_text(locator) -> str:
    return locator.evaluate(
        "el => Array.from(el.querySelectorAll('.widget-html-content')).filter(e => e.offsetParent !== null)"
        ".map(e => e.innerText).join('\\n')"
    )


@pytest.mark.parametrize("name", ["index"] + CHAPTERS)
def test_page_offline_and_accessible(site_dir, offline_page, name):
    page = offline_page.open(site_dir / f"{name}.html")
    if name != "index":
        _wait_widgets(page)
    page.wait_for_timeout(300)
    assert offline_page.external == [], f"{name}: requests left file: {offline_page.external[:5]}"
    violations = run_axe(page)
    assert violations == [], f"{name}: axe serious/critical: {violations}"


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_explorer_switches_with_no_kernel(site_dir, offline_page, name):
    page = offline_page.open(site_dir / f"{name}.html")
    _wait_widgets(page)
    explorers = page.locator(".bc-explorer")
    for i in range(explorers.count()):
        ex = explorers.nth(i)
        before = _visible_text(ex)
        select = ex.locator("select")
        if select.count():
            options = select.first.locator("option")
            select.first.select_option(index=options.count() - 1)
        else:
            buttons = ex.locator(".widget-toggle-button")
            buttons.nth(buttons.count() - 1).click()
        page.wait_for_timeout(150)
        after = _visible_text(ex)
        assert after and after != before, f"{name}: explorer {i} did not switch ({before[:60]!r})"
    assert offline_page.external == []


def test_scale_explorer_in_start_here_by_mouse_and_keyboard(site_dir, offline_page):
    page = offline_page.open(site_dir / "00_start_here.html")
    _wait_widgets(page)
    select = page.get_by_label("Invasiveness level", exact=True)
    select.select_option(label=select.locator("option").nth(3).inner_text())
    page.get_by_role("region", name="Invasiveness level 3").wait_for(state="visible", timeout=5000)
    assert not page.get_by_role("region", name="Invasiveness level 0").is_visible()
    # keyboard only: focus the control and move with the arrow keys
    select.focus()
    page.keyboard.press("ArrowDown")
    page.get_by_role("region", name="Invasiveness level 4").wait_for(state="visible", timeout=5000)
    assert offline_page.external == []
