"""Self-study interactions on the static page with no kernel: a model answer opens with a click, and a
predict-then-reveal shows nothing until a prediction is chosen, then the result (chapters 01 and 03)."""
from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_compare_your_answer_opens_with_a_click(site_page, offline_page):
    page = offline_page.open(site_page("01_understanding_back_pain"))
    block = page.locator("details.bc-answer").first
    block.scroll_into_view_if_needed()
    body = block.locator(".bc-answer-body")
    assert not body.is_visible()
    block.locator("summary").click()
    body.wait_for(state="visible")
    assert "The number of people with back pain tells a planner" in body.inner_text()
    assert offline_page.external == []


@pytest.mark.parametrize("name, choice, result", [
    ("01_understanding_back_pain", "Lower, back near their usual level", "Their average pain was 7.5 at the visit"),
    ("03a_self_care_and_staying_active", "About 20 more in every 100", "With the treatment, 60 of 100 improved"),
])
def test_predict_then_reveal_with_no_kernel(site_page, offline_page, name, choice, result):
    page = offline_page.open(site_page(name))
    widget = page.locator(".bc-predict").first
    widget.wait_for(state="attached", timeout=20000)
    widget.scroll_into_view_if_needed()
    assert result not in widget.inner_text()
    widget.get_by_text(choice, exact=True).click()
    page.wait_for_function("([el, text]) => el.innerText.includes(text)", arg=[widget.element_handle(), result],
                           timeout=10000)
    assert offline_page.external == []
