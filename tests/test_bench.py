"""``python -m backcare bench``: the parts asked for are measured and written (the measurements themselves are
replaced here: benchmarks are run by hand, never timed in tests)."""
from __future__ import annotations

from backcare.dev import bench

NBVAL = {"notebooks": 12, "series_s": 21.0, "series_rc": 0, "floor_s": 16.0, "floor_rc": 0, "ratio": 21.0 / 16.0,
         "failed": [], "drawn_s": 30.0, "drawn_rc": 0, "drawn_ratio": 30.0 / 16.0}
INSTALL = {"seconds": 29.4, "rc": 0, "size_mb": 375.2, "packages": 111, "error": ""}


def _fake(monkeypatch):
    done = []
    monkeypatch.setattr(bench, "bench_nbval", lambda: done.append("nbval") or NBVAL)
    monkeypatch.setattr(bench, "bench_install", lambda: done.append("install") or INSTALL)
    return done


def test_only_the_parts_asked_for_are_measured_and_reported(tmp_path, monkeypatch):
    done = _fake(monkeypatch)
    out = tmp_path / "b.md"
    assert bench.main(["--only", "nbval", "--output", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert done == ["nbval"]
    assert "Ratio series / floor: **1.31x** (target <= 1.5x: yes)" in text and "first run: empty cache" in text
    assert "make lab" not in text


def test_install_is_measured_only_when_asked_and_once(tmp_path, monkeypatch):
    done = _fake(monkeypatch)
    out = tmp_path / "b.md"
    assert bench.main(["--only", "nbval", "--install", "--output", str(out)]) == 0
    assert bench.main(["--only", "install", "--install", "--output", str(out)]) == 0
    assert done == ["nbval", "install", "install"]
    assert "Time: **29 s** (network and disk included); environment: **375 MB** on disk, 111 packages." in \
        out.read_text(encoding="utf-8")
