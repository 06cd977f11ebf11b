"""The chart cache (backcare.charts.cache): a hit serves the exact bytes a fresh drawing gives and builds no figure;
anything that decides the pixels (content, code, rcParams, arguments) misses; off and unwritable folders draw."""
from __future__ import annotations

import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from backcare.charts import cache
from backcare.fingerprint import tree_digest  # noqa: E402
from backcare.charts.show import png_bytes, render_chart  # noqa: E402

CALLS: list[tuple] = []


def bars(values, title="t"):
    CALLS.append((values, title))
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.bar(range(len(values)), values)
    ax.set_title(title)
    return fig


@pytest.fixture
def on(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "ENABLED", True)
    monkeypatch.setenv("BACKCARE_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("BACKCARE_CHART_CACHE", raising=False)
    CALLS.clear()
    return tmp_path


def fresh(values, title="t"):
    fig = bars(values, title)
    try:
        return png_bytes(fig)
    finally:
        plt.close(fig)


def test_hit_serves_the_fresh_bytes_without_drawing(on):
    first = cache.cached_png(bars, (1, 2, 3))
    assert CALLS == [((1, 2, 3), "t")]
    assert first == fresh((1, 2, 3))
    CALLS.clear()
    figures = plt.get_fignums()
    assert cache.cached_png(bars, (1, 2, 3)) == first
    assert CALLS == [] and plt.get_fignums() == figures
    assert len(list((on / "charts").glob("*/*.png"))) == 1


def test_other_arguments_miss(on):
    a = cache.cached_png(bars, (1, 2, 3))
    b = cache.cached_png(bars, (1, 2, 4))
    c = cache.cached_png(bars, (1, 2, 3), "other")
    assert len(CALLS) == 3 and len({a, b, c}) == 3


def test_rcparams_are_part_of_the_key(on):
    cache.cached_png(bars, (1, 2))
    with matplotlib.rc_context({"axes.titlesize": 30}):
        big = cache.cached_png(bars, (1, 2))
        assert big == fresh((1, 2))
    assert len(CALLS) == 3  # cold, the rc miss, and the fresh drawing


def test_a_changed_content_file_starts_a_new_generation_in_a_new_process(on, tmp_path_factory, monkeypatch):
    root = tmp_path_factory.mktemp("course")
    (root / "content").mkdir()
    (root / "notebooks").mkdir()
    facts = root / "content" / "facts.yaml"
    facts.write_text("a: 1\n")
    monkeypatch.setenv("BACKCARE_ROOT", str(root))
    before = cache.generation()
    cache.cached_png(bars, (1,))
    facts.write_text("a: 2\n")
    assert cache.generation() == before  # hashed once per process, as content is read once per process
    cache._generation.cache_clear()  # as a new kernel would
    tree_digest.cache_clear()
    after = cache.generation()
    assert after != before
    cache.cached_png(bars, (1,))
    assert len(CALLS) == 2
    assert {p.name for p in (on / "charts").iterdir()} == {before, after}


def test_unkeyable_calls_are_drawn_every_time(on):
    class Opaque:
        pass

    def local_plot():
        return bars((1,))

    assert cache.chart_key(bars, (Opaque(),)) is None
    assert cache.chart_key(local_plot, ()) is None
    cache.cached_png(local_plot)
    cache.cached_png(local_plot)
    assert len(CALLS) == 2 and not (on / "charts").exists()


def test_numpy_arguments_are_keyed_by_every_element(on):
    import numpy as np

    a, b = np.zeros(5000), np.zeros(5000)
    b[2500] = 1.0
    assert cache.chart_key(bars, (a,)) != cache.chart_key(bars, (b,))


@pytest.mark.parametrize("mode", ["0", "off"])
def test_off_draws_and_stores_nothing(on, monkeypatch, mode):
    monkeypatch.setenv("BACKCARE_CHART_CACHE", mode)
    cache.cached_png(bars, (1, 2))
    cache.cached_png(bars, (1, 2))
    assert len(CALLS) == 2 and not (on / "charts").exists()


def test_refresh_draws_and_rewrites(on, monkeypatch):
    cache.cached_png(bars, (1, 2))
    (path,) = (on / "charts").glob("*/*.png")
    path.write_bytes(b"\x89PNG\r\n\x1a\nnot this")
    monkeypatch.setenv("BACKCARE_CHART_CACHE", "refresh")
    assert cache.cached_png(bars, (1, 2)) == fresh((1, 2)) == path.read_bytes()


def test_a_damaged_entry_is_redrawn(on):
    cache.cached_png(bars, (1, 2))
    (path,) = (on / "charts").glob("*/*.png")
    path.write_bytes(b"truncated")
    assert cache.cached_png(bars, (1, 2)) == fresh((1, 2))


def test_an_unwritable_folder_still_draws(on, monkeypatch, tmp_path_factory):
    blocker = tmp_path_factory.mktemp("ro") / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BACKCARE_CACHE_DIR", str(blocker))
    assert cache.cached_png(bars, (3,)) == fresh((3,))


def test_render_chart_checks_alt_before_drawing(on):
    with pytest.raises(ValueError, match="alt text is empty"):
        render_chart(bars, (1,), alt=" ")
    assert CALLS == []
    shown = render_chart(bars, (1,), alt="One bar of height 1.")
    assert shown.png == fresh((1,)) and shown.alt == "One bar of height 1."


def test_keyword_arguments_are_part_of_the_key(on):
    a = cache.cached_png(bars, (1, 2), title="a")
    assert cache.cached_png(bars, (1, 2), title="a") == a and len(CALLS) == 1
    assert cache.cached_png(bars, (1, 2), title="b") != a and len(CALLS) == 2
    assert cache.chart_key(bars, ((1, 2),), {"title": "a"}) != cache.chart_key(bars, ((1, 2), "a"))


def test_blank_mode_draws_nothing_and_returns_a_valid_png(on, monkeypatch):
    import io

    from PIL import Image

    monkeypatch.setenv("BACKCARE_CHART_CACHE", "blank")
    png = cache.cached_png(bars, (1, 2))
    assert CALLS == [] and not (on / "charts").exists()
    assert Image.open(io.BytesIO(png)).size == (1, 1)
