"""Chapters 01 and 02 on the static page, in headless Chromium with no kernel and no network: the explorers show the
chosen view (by mouse and keyboard) and the calculators show their worked synthetic case."""
from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _open(site_dir, offline_page, name):
    page = offline_page.open(site_dir / f"{name}.html")
    page.wait_for_selector(".bc-explorer", state="attached", timeout=20000)
    page.wait_for_function("document.querySelectorAll('.widget-html-content').length > 0", timeout=20000)
    return page


def test_natural_history_explorer_by_mouse_and_keyboard(site_dir, offline_page):
    page = _open(site_dir, offline_page, "01_understanding_back_pain")
    page.get_by_role("region", name="Natural history: Both courses").wait_for(state="visible", timeout=5000)
    page.get_by_role("button", name="Persistent only", exact=True).click()
    region = page.get_by_role("region", name="Natural history: Persistent only")
    region.wait_for(state="visible", timeout=5000)
    assert "51 at week 0, 33 at week 6, 26 at week 26 and 23 at week 52" in region.locator("img").get_attribute("alt")
    assert not page.get_by_role("region", name="Natural history: Both courses").is_visible()
    page.get_by_role("button", name="Acute only", exact=True).focus()
    page.keyboard.press("Enter")
    page.get_by_role("region", name="Natural history: Acute only").wait_for(state="visible", timeout=5000)
    assert offline_page.external == []


def test_imaging_explorer_marks_modelled_values_at_age_20(site_dir, offline_page):
    page = _open(site_dir, offline_page, "02_assessment_and_diagnosis")
    text = page.get_by_role("region", name="Imaging findings at age 50").inner_text()
    assert "Out of 100 people aged 50 without back pain, about 80 have disc degeneration" in text
    page.get_by_label("Age", exact=True).select_option(label="Age 20")
    region = page.get_by_role("region", name="Imaging findings at age 20")
    region.wait_for(state="visible", timeout=5000)
    assert "about 4 have facet degeneration (modelled: no people of this age were observed)" in region.inner_text()
    assert offline_page.external == []


def test_static_page_shows_worked_cases_and_risk_groups(site_dir, offline_page):
    page = _open(site_dir, offline_page, "02_assessment_and_diagnosis")
    body = page.inner_text("body")
    assert "Total score: 4 of 9" in body and "Risk group: medium" in body          # STarT Back worked case
    assert "After a positive result on the straight leg raise: 35.4%" in body      # accuracy worked case
    assert "9% (95% CI 3 to 25%; Downie 2013)" in body                              # red-flag worked case
    page.get_by_role("button", name="High risk", exact=True).click()
    region = page.get_by_role("region", name="STarT Back high risk example")
    region.wait_for(state="visible", timeout=5000)
    assert "Risk group: high" in region.inner_text()
    page.get_by_label("Test", exact=True).last.select_option(label="Crossed straight leg raise")
    page.get_by_role("button", name="High (60%)", exact=True).click()
    page.get_by_role("region", name="Crossed straight leg raise, pre-test High (60%)").wait_for(state="visible",
                                                                                              timeout=5000)
    assert offline_page.external == []
