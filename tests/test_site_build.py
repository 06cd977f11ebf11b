"""Building the site: a failing notebook stops the build naming the notebook and the cell; plain nbconvert keeps
every figure's alt text. Fixture notebooks are written in tmp_path (never under tests/, where nbval would collect
them)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from backcare.builders import site
from backcare.charts.show import PLACEHOLDER_ALT
from backcare.paths import chapter_notebooks

pytestmark = pytest.mark.slow  # starts kernels and nbconvert

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = chapter_notebooks(ROOT / "notebooks")

META = {"title": "50 Broken chapter", "objectives": ["Fail", "Fail again", "Fail once more"], "minutes": 10,
        "prerequisites": []}


def _fixture_notebook(folder: Path, name: str, cells, meta=META) -> Path:
    nb = new_notebook(cells=cells)
    nb.metadata = {"backcare": meta, "kernelspec": {"name": "python3", "display_name": "Python 3",
                                                     "language": "python"}}
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    nbformat.write(nb, path)
    return path


def test_failing_notebook_stops_the_build_naming_notebook_and_cell(tmp_path, capsys):
    source = tmp_path / "notebooks"
    _fixture_notebook(source, "50_broken.ipynb", [
        new_markdown_cell("# Broken chapter"),
        new_code_cell("x = 1"),
        new_markdown_cell("Some prose."),
        new_code_cell("ratio = x / 0\nprint(ratio)"),
        new_code_cell("print('never reached')"),
    ])
    with pytest.raises(SystemExit) as info:
        site.main(["--source", str(source), "--out", str(tmp_path / "html")])
    message = str(info.value.code)
    assert message == ("site build stopped: 50_broken.ipynb: cell 4 (code cell 2) failed: "
                       "ZeroDivisionError: division by zero\n  | ratio = x / 0\n  | print(ratio)")
    assert "FAILED" in capsys.readouterr().out
    assert not (tmp_path / "html" / "50_broken.html").exists()


def test_notebook_without_chapter_metadata_stops_the_build_naming_it(tmp_path):
    source = tmp_path / "notebooks"
    _fixture_notebook(source, "51_no_meta.ipynb", [new_markdown_cell("# T")], meta={"title": "x"})
    with pytest.raises(SystemExit, match=r"^site build stopped: 51_no_meta.ipynb: objectives must be a list"):
        site.build(tmp_path / "html", source=source)


def test_empty_notebook_folder_is_a_clear_error(tmp_path):
    (tmp_path / "notebooks").mkdir()
    with pytest.raises(SystemExit, match=r"site build stopped: no notebooks named NN_\*.ipynb in"):
        site.build(tmp_path / "html", source=tmp_path / "notebooks")


def test_fixture_site_builds_with_index_glossary_and_page(tmp_path):
    source = tmp_path / "notebooks"
    _fixture_notebook(source, "50_fine.ipynb", [new_markdown_cell("# Fine chapter\n\nText."),
                                               new_code_cell("print(6 * 7)")])
    written = site.build(tmp_path / "html", source=source)
    assert [p.name for p in written] == ["index.html", "glossary.html", "errata.html", "50_fine.html"]
    page = (tmp_path / "html" / "50_fine.html").read_text()
    assert "42" in page and 'href="glossary.html"' in page
    assert (tmp_path / "html" / "_static" / "require.js").exists()
    layout = re.compile(r'<a class="bc-skip" href="#content">Skip to content</a>\s*<header class="bc-header" '
                        r'role="banner">.*</header>\s*<aside aria-label="Important notes" class="bc-notes">.*</aside>'
                        r'\s*<main id="content" tabindex="-1">.*</main>\s*<footer class="bc-footer" '
                        r'role="contentinfo">.*</footer>\s*</body>', re.S)
    for path in written:  # notebook pages and pages without a notebook share ONE layout file
        html = path.read_text()
        assert layout.search(html), path.name
        assert html.count('role="banner"') == 1 and html.count('role="contentinfo"') == 1, path.name


def test_plain_nbconvert_keeps_alt_text_on_every_figure(tmp_path):
    """`jupyter nbconvert --to html` on the committed notebooks (no course template): every image has real alt."""
    assert NOTEBOOKS
    result = subprocess.run(
        [sys.executable, "-m", "jupyter", "nbconvert", "--to", "html", "--output-dir", str(tmp_path),
         *map(str, NOTEBOOKS)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    figures = 0
    for nb in NOTEBOOKS:
        text = (tmp_path / f"{nb.stem}.html").read_text(encoding="utf-8")
        # Images inside the saved widget state (JSON in <script>) are checked in tests/test_renderers.py.
        text = re.sub(r"<script\b[^>]*>.*?</script>", "", text, flags=re.S)
        for img in re.findall(r"<img\b[^>]*>", text):
            figures += 1
            alt = re.search(r'alt="([^"]*)"', img)
            assert alt and len(alt.group(1).strip()) >= 15, f"{nb.name}: image without real alt: {img[:120]}"
            assert PLACEHOLDER_ALT.lower() not in alt.group(1).lower(), f"{nb.name}: nbconvert placeholder alt"
    assert figures >= 1


def test_front_door_lists_what_each_chapter_asks_the_student_to_do(tmp_path):
    """The index: a start button, the at-a-glance picture with alt text, chapter cards with time, activities and
    review status; one compact notice block whose urgent-symptoms lines are complete."""
    from backcare.builders import site_pages
    from backcare.content.notices import load_notices

    pages = site.discover()
    target = site_pages.render_index(pages, tmp_path)
    page = target.read_text()
    first = [p for p in pages if not p.is_instructor][0]
    assert f'<a class="bc-start" href="{first.html_name}">' in page
    assert 'alt="Chronic low back pain' in page
    assert page.count('<li class="bc-card">') == len([p for p in pages if not p.is_instructor])
    assert page.count("Review status: ") >= len([p for p in pages if not p.is_instructor])
    activities = site_pages.chapter_activities(first.path)
    assert activities and all(a in page for a in activities)
    assert any(a.startswith("Self-check: ") for a in activities)
    urgent = load_notices().urgent_symptoms.text
    assert page.count('class="bc-notice-block"') == 1 and urgent in page.replace("&#39;", "'")
