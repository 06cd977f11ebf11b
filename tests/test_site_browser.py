"""The site in headless Chromium with every non-file: request blocked: widgets render, explorers switch (also by
keyboard), self-check feedback appears without a kernel, and axe-core finds no serious or critical violation."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_axe
from backcare.paths import chapter_notebooks

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = [p.stem for p in chapter_notebooks(ROOT / "notebooks")]

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _wait_widgets(page, timeout=20000):
    page.wait_for_selector(".bc-explorer, .bc-quiz, .jupyter-widgets", state="attached", timeout=timeout)
    page.wait_for_function("document.querySelectorAll('.widget-html-content, .widget-dropdown, .widget-radio-box').length > 0",
                           timeout=timeout)


def _visible_text(locator) -> str:
    """The text a reader sees in the widget, with the alt text of its visible charts (a view may differ only there)."""
    return locator.evaluate(
        "el => Array.from(el.querySelectorAll('.widget-html-content')).filter(e => e.offsetParent !== null)"
        ".map(e => e.innerText + Array.from(e.querySelectorAll('img')).filter(i => i.offsetParent !== null)"
        ".map(i => ' [' + i.alt + ']').join('')).join('\\n')"
    )


@pytest.mark.parametrize("name", ["index"] + CHAPTERS)
def test_page_offline_and_accessible(site_page, offline_page, name):
    page = offline_page.open(site_page(name))
    if name != "index":
        _wait_widgets(page)
    page.wait_for_timeout(300)
    assert offline_page.external == [], f"{name}: requests left file: {offline_page.external[:5]}"
    violations = run_axe(page)
    assert violations == [], f"{name}: axe serious/critical: {violations}"


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_explorer_switches_with_no_kernel(site_page, offline_page, name):
    page = offline_page.open(site_page(name))
    _wait_widgets(page)
    explorers = page.locator(".bc-explorer")
    for i in range(explorers.count()):
        ex = explorers.nth(i)
        before = _visible_text(ex)
        select = ex.locator("select")
        radios = ex.locator("input[type=radio]")
        if select.count():  # choose an option other than the one shown (the default may be the last one)
            current = select.first.evaluate("s => s.selectedIndex")
            last = select.first.locator("option").count() - 1
            select.first.select_option(index=last if current != last else 0)
        elif radios.count():  # a choice that reveals a view (predict, then reveal): pick the last answer
            radios.nth(radios.count() - 1).check()
        else:
            buttons = ex.locator(".widget-toggle-button")
            assert buttons.count(), f"{name}: explorer {i} has no control to switch it"
            current = ex.locator(".widget-toggle-button.mod-active")
            target = buttons.nth(buttons.count() - 1)
            if current.count() and current.first.inner_text() == target.inner_text():
                target = buttons.first
            target.click()
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


def _guide() -> str:
    import nbformat

    from backcare.builders.student import notebook_role

    for stem in CHAPTERS:
        if notebook_role(nbformat.read(ROOT / "notebooks" / f"{stem}.ipynb", as_version=4), stem) == "instructor":
            return stem
    pytest.fail("no instructor guide notebook (metadata backcare.role = instructor)")


def test_glossary_page_offline_and_accessible(site_dir, offline_page):
    page = offline_page.open(site_dir / "glossary.html")
    page.get_by_role("heading", level=1, name="Glossary").wait_for()
    page.get_by_role("navigation", name="Terms A to Z").get_by_role("link", name="Red flag").click()
    assert page.url.endswith("#term-red_flag")
    assert run_axe(page) == []
    assert offline_page.external == []


def test_toggle_buttons_explorer_by_keyboard_only(site_page, offline_page):
    """Tab to the toggle buttons, press Enter on another button: the profession view changes (no mouse, no kernel)."""
    page = offline_page.open(site_page(_guide()))
    _wait_widgets(page)
    explorer = page.locator(".bc-explorer").filter(has=page.locator(".widget-toggle-button")).first
    explorer.wait_for()
    region = explorer.get_by_role("region", name="Adapting the series for Medicine")
    region.wait_for(state="visible", timeout=5000)
    buttons = explorer.locator(".widget-toggle-button")
    assert buttons.count() == 4
    buttons.first.focus()
    for _ in range(3):  # keyboard only: Tab along the buttons to the last one (Pharmacy), then Enter
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Pharmacy"
    page.keyboard.press("Enter")
    explorer.get_by_role("region", name="Adapting the series for Pharmacy").wait_for(state="visible", timeout=5000)
    assert not region.is_visible()
    assert "no doses" in _visible_text(explorer)
    assert offline_page.external == []


def test_toggle_explorers_switch_by_keyboard(site_page, offline_page):
    """Every explorer with toggle buttons on every page: focus its first button, Tab to the next, Enter switches.
    (One test over all pages, not one per page: a page without toggle buttons is not a skip.)"""
    checked = 0
    for name in CHAPTERS:
        page = offline_page.open(site_page(name))
        _wait_widgets(page)
        explorers = page.locator(".bc-explorer").filter(has=page.locator(".widget-toggle-button"))
        for i in range(explorers.count()):
            ex = explorers.nth(i)
            buttons = ex.locator(".widget-toggle-button")
            if buttons.count() < 2:
                continue
            buttons.first.click()  # start from the first option so Enter on the second is a change
            page.wait_for_timeout(100)
            before = _visible_text(ex)
            buttons.first.focus()
            page.keyboard.press("Tab")
            page.keyboard.press("Enter")
            page.wait_for_timeout(150)
            assert _visible_text(ex) != before, f"{name}: toggle explorer {i} did not switch by keyboard"
            checked += 1
    assert checked >= 1, "no toggle-button explorer on any page (the instructor guide has one)"
    assert offline_page.external == []


@pytest.mark.parametrize("name", ["index", "glossary", "00_start_here"])
def test_site_served_by_http_server(served_site, served_page, name):
    """The same pages work served over http (python -m http.server on a loopback port), not only from disk."""
    page = served_page.page
    response = page.goto(served_site + f"{name}.html", wait_until="load")
    assert response.status == 200
    if name.startswith("00"):
        _wait_widgets(page)
        select = page.get_by_label("Invasiveness level", exact=True)
        select.select_option(index=2)
        page.get_by_role("region", name="Invasiveness level 2").wait_for(state="visible", timeout=5000)
    page.get_by_role("link", name="Glossary").first.click()
    page.wait_for_url("**/glossary.html")
    assert served_page.external == [], served_page.external
    assert served_page.errors == []
