"""Every chart wherever a notebook is opened (issue 17; design §3.0).

- Without saved widget state (GitHub, VS Code without the widget renderer, plain ``jupyter nbconvert --to html``),
  every interactive shows its static fallback: plain nbconvert of a copy with the state stripped shows as many charts
  as the course web page shows by default, each with real alt text, and every self-check as readable questions.
- With saved state (JupyterLab before Run All, nbviewer, nbconvert with state), each interactive's default view is
  the one the fallback shows: checked here model by model from the committed state.
- On a 390 px phone screen, wide tables scroll in their box instead of running past the page's edge.
"""
from __future__ import annotations

import base64
import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from backcare.builders.widget_state import STATE, VIEW, strip_widget_state, view_outputs
from backcare.charts.show import PLACEHOLDER_ALT
from backcare.views.fallback import EXPLORER_NOTE, QUIZ_NOTE
from backcare.paths import chapter_notebooks

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = chapter_notebooks(ROOT / "notebooks")
IDS = [p.stem for p in NOTEBOOKS]
_REF = re.compile(r"^IPY_MODEL_([0-9a-f]+)$")
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.S)
_IMG = re.compile(r"<img\b[^>]*>")


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else value


# --------------------------------------------------------------------------------------------------------------------
# Saved state: the default view of every interactive is what its fallback shows
# --------------------------------------------------------------------------------------------------------------------
def state_default_view(models: dict, model_id: str) -> list[str]:
    """The HTML a widget manager shows for ``model_id`` from saved state alone: boxes show their children, a Stack its
    selected child (nothing when none is selected), HTML widgets their value; controls carry no HTML of their own."""
    model = models[model_id]
    state = model["state"]
    if model["model_name"] == "StackModel":
        index = state.get("selected_index")
        return [] if index is None else state_default_view(models, _REF.match(state["children"][index]).group(1))
    if "children" in state:
        return [html for child in state["children"] for html in state_default_view(models, _REF.match(child).group(1))]
    if model["model_name"] in ("HTMLModel", "HTMLMathModel"):
        return [state["value"]]
    return []


def _pngs(html: str) -> list[str]:
    return re.findall(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', html)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_saved_state_default_views_are_what_the_fallbacks_show(path):
    nb = nbformat.read(path, as_version=4)
    outputs = view_outputs(nb.cells)
    if not outputs:
        pytest.skip(f"{path.name} shows no widgets")  # pragma: no cover - every chapter has a self-check
    models = nb.metadata["widgets"][STATE]["state"]
    for n, out in enumerate(outputs, 1):
        data = out["data"]
        shown = state_default_view(models, data[VIEW]["model_id"])
        fallback = _text(data["text/html"])
        assert shown, f"{path.name}: widget {n} shows nothing from its saved state"
        for html in shown:
            assert html in fallback, f"{path.name}: widget {n}'s default view is missing from its fallback: {html[:120]}"
        assert _pngs("".join(shown)) == _pngs(fallback), f"{path.name}: widget {n}: charts differ (state, fallback)"
        if _pngs(fallback):
            assert _text(data["image/png"]) == _pngs(fallback)[0], f"{path.name}: widget {n}: image/png is not the chart"
            base64.b64decode(_text(data["image/png"]), validate=True)


def test_a_self_check_fallback_lists_its_questions_and_says_where_feedback_works():
    import backcare as bc

    quiz = bc.self_check("00_start_here")
    html = quiz._repr_mimebundle_()["text/html"]
    assert QUIZ_NOTE in html
    for question in quiz.questions:
        prompt = question.prompt.replace("'", "&#x27;").replace('"', "&quot;")
        assert prompt in html
        for option in question.options or ():
            assert option.text.replace("'", "&#x27;").replace('"', "&quot;") in html
    assert "✓" not in html and "✗" not in html, "the fallback must not give the answers away"


# --------------------------------------------------------------------------------------------------------------------
# No saved state: plain nbconvert shows every chart the site shows
# --------------------------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def stripped_nbconvert(tmp_path_factory) -> dict[str, str]:
    """``jupyter nbconvert --to html`` (no options: what a user types) on copies of every notebook without state."""
    folder = tmp_path_factory.mktemp("stripped")
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        strip_widget_state(nb)
        nbformat.write(nb, folder / path.name)
    result = subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "html", "--output-dir",
                             str(folder / "html"), *sorted(map(str, folder.glob("*.ipynb")))],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    return {p.stem: (folder / "html" / f"{p.stem}.html").read_text(encoding="utf-8") for p in NOTEBOOKS}


def test_plain_nbconvert_without_state_shows_fallbacks_with_alt_text(stripped_nbconvert):
    for stem, page in stripped_nbconvert.items():
        assert "widget-state+json" not in page
        body = _SCRIPT.sub("", page)
        assert "self-check" in body.lower(), f"{stem}: no self-check questions in the page"
        for img in _IMG.findall(body):
            alt = re.search(r'alt="([^"]*)"', img)
            assert alt and len(alt.group(1).strip()) >= 15, f"{stem}: image without real alt: {img[:100]}"
            assert PLACEHOLDER_ALT.lower() not in alt.group(1).lower()
        nb = nbformat.read(ROOT / "notebooks" / f"{stem}.ipynb", as_version=4)
        shows = [_text(o["data"]["text/plain"]) for o in view_outputs(nb.cells)]
        if any(s.startswith("Explorer ") for s in shows):
            assert EXPLORER_NOTE in body.replace("&#x27;", "'"), f"{stem}: explorer fallback note missing"
        if any(s.startswith("Self-check") for s in shows):
            assert QUIZ_NOTE in body.replace("&#x27;", "'"), f"{stem}: self-check fallback note missing"


_VISIBLE_IMAGES = """() => {
  document.querySelectorAll('details').forEach(d => d.open = true);
  const shown = Array.from(document.querySelectorAll('main img')).filter(i => i.offsetParent !== null);
  return [shown.length, shown.filter(i => i.loading === 'lazy').length];
}"""


@pytest.mark.browser
@pytest.mark.slow
def test_plain_nbconvert_without_state_shows_as_many_charts_as_the_site(stripped_nbconvert, site_page, offline_page):
    """Count images: plain nbconvert of the stripped copy against the charts the site page shows by default (every
    <details> opened in both). The instructor guide is compared with the teacher's site."""
    counts = {}
    for stem in IDS:
        page = offline_page.open(site_page(stem))
        page.wait_for_selector(".jupyter-widgets", state="attached", timeout=20000)
        page.wait_for_function("document.querySelectorAll('.widget-html-content').length > 0", timeout=20000)
        page.wait_for_timeout(300)
        site, lazy = page.evaluate(_VISIBLE_IMAGES)
        # Charts shown by default load eagerly (a printed page has them); only hidden views' charts are lazy.
        assert lazy == 0, f"{stem}: {lazy} chart(s) shown by default are lazy-loaded"
        plain = len(_IMG.findall(_SCRIPT.sub("", stripped_nbconvert[stem])))
        counts[stem] = (plain, site)
    assert all(plain == site for plain, site in counts.values()), f"(plain nbconvert, site) per chapter: {counts}"
    assert sum(site for _, site in counts.values()) >= len(IDS), counts


# --------------------------------------------------------------------------------------------------------------------
# A 390 px phone screen
# --------------------------------------------------------------------------------------------------------------------
_OVERFLOW = """() => {
  document.querySelectorAll('details').forEach(d => d.open = true);
  const W = document.documentElement.clientWidth, bad = [];
  for (const el of document.querySelectorAll('main *')) {
    const r = el.getBoundingClientRect();
    if (!r.width || r.right <= W + 1 || el.offsetParent === null) continue;
    let a = el.parentElement, clipped = false;
    while (a && a !== document.body) {
      const s = getComputedStyle(a);
      if (['auto', 'scroll', 'hidden'].includes(s.overflowX) && a.getBoundingClientRect().right <= W + 1) { clipped = true; break; }
      a = a.parentElement;
    }
    if (!clipped) bad.push(el.tagName + '.' + String(el.className).slice(0, 40) + ': ' + (el.textContent || '').slice(0, 50));
  }
  return {W, scroll: document.documentElement.scrollWidth, bad: bad.slice(0, 5)};
}"""


@pytest.mark.browser
@pytest.mark.slow
def test_wide_tables_scroll_in_their_box_on_a_390px_phone(site_dir, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
                   else route.abort())
        problems = {}
        for path in sorted(site_dir.glob("*.html")):
            page.goto(path.resolve().as_uri(), wait_until="load")
            page.wait_for_timeout(800)
            result = page.evaluate(_OVERFLOW)
            if result["bad"] or result["scroll"] > result["W"]:
                problems[path.name] = result
        assert not problems, f"content past the right edge at 390 px: {json.dumps(problems, indent=1)}"
    finally:
        context.close()
