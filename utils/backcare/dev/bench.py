"""Benchmarks: ``python -m backcare bench`` (``make bench``). Measures, prints and writes ``docs/benchmarks.md``.

Nothing here is asserted: the numbers are compared with the targets and reported, with the date, the machine and its
load (a busy machine is slower; the load average is printed so numbers can be read fairly).

What is measured (targets in brackets):

- the whole series under nbval against a floor of as many notebooks that only start a kernel and import the same
  libraries, in the same run (series / floor <= 1.5); the series runs twice with a chart cache folder of its own,
  first empty (every chart drawn and stored), then timed with what the first run stored, and both are reported;
- widget update latency per interactive, in process: every control of every widget a notebook's cells return is
  changed at least 30 times (median <= 50 ms, p95 <= 100 ms);
- peak resident memory of a kernel running each chapter, every chart drawn (<= 150 MB);
- ``python -m backcare html`` time and page sizes;
- JupyterLab in headless Chromium: open, Run All, first chart (open to done <= 20 s; Run All to first chart <= 5 s),
  using the browser test's driver, :mod:`backcare.dev.labdriver`;
- with ``--install`` only: the first ``make lab`` on a fresh clone (a new environment, every runtime package
  downloaded): its time and size.

Examples
--------
>>> percentile([1.0, 2.0, 3.0, 4.0], 50)
2.5
>>> percentile([5.0], 95)
5.0
>>> percentile([], 50)
Traceback (most recent call last):
...
ValueError: percentile of no values: measure something first
"""
from __future__ import annotations

import argparse
import ast
import contextlib
import datetime as _dt
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..paths import PACKAGE_DIR, chapter_notebooks, repo_root
from .bench_report import FLOOR_IMPORTS, MIN_CHANGES, machine, report



def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (linear interpolation between closest ranks, as numpy's default)."""
    if not values:
        raise ValueError("percentile of no values: measure something first")
    data = sorted(values)
    pos = (len(data) - 1) * q / 100
    lo, hi = int(pos), min(int(pos) + 1, len(data) - 1)
    return data[lo] + (data[hi] - data[lo]) * (pos - lo)


def _tests_dir() -> Path:
    """The checkout's tests/ (sanitising rules, the Lab driver), also when $BACKCARE_ROOT points elsewhere."""
    here = PACKAGE_DIR.parents[1] / "tests"
    return here if here.is_dir() else repo_root() / "tests"


def notebooks(root: Path | None = None) -> list[Path]:
    return chapter_notebooks((root or repo_root()) / "notebooks")


# --------------------------------------------------------------------------------------------------------------------
# 1. nbval: the series against the floor
# --------------------------------------------------------------------------------------------------------------------
def _pytest_nbval(paths: list[Path], cwd: Path, cache_dir: Path | None = None) -> tuple[float, int, list[str]]:
    env = dict(os.environ)
    if cache_dir is not None:  # the chart cache on, in this folder
        env["BACKCARE_CHART_CACHE"] = "1"
        env["BACKCARE_CACHE_DIR"] = str(cache_dir)
    cmd = [sys.executable, "-m", "pytest", "-q", "-o", "addopts=", "-p", "no:cacheprovider", "--nbval",
           "--nbval-current-env", f"--nbval-sanitize-with={_tests_dir() / 'nbval_sanitize.cfg'}",
           *map(str, paths)]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - t0
    failed = sorted({line.split()[1].split("::")[0].rsplit("/", 1)[-1] for line in proc.stdout.splitlines()
                     if line.startswith("FAILED ")})
    return seconds, proc.returncode, failed


def bench_nbval() -> dict:
    import nbformat

    series = notebooks()
    with tempfile.TemporaryDirectory(prefix="backcare-floor-") as tmp:
        floor = []
        for path in series:
            nb = nbformat.v4.new_notebook()
            nb.cells = [nbformat.v4.new_code_cell(FLOOR_IMPORTS)]
            target = Path(tmp) / f"floor_{path.stem}.ipynb"
            nbformat.write(nb, target)
            floor.append(target)
        floor_s, floor_rc, _ = _pytest_nbval(floor, Path(tmp))
        # First with an empty cache folder, as on a first run or after any change to code or content: every chart is
        # drawn and every chapter's shown sources computed; then with what that run stored (nothing changed).
        cache = Path(tmp) / "cache"
        drawn_s, drawn_rc, drawn_failed = _pytest_nbval(series, repo_root(), cache_dir=cache)
        series_s, series_rc, failed = _pytest_nbval(series, repo_root(), cache_dir=cache)
    return {"notebooks": len(series), "series_s": series_s, "series_rc": series_rc, "floor_s": floor_s,
            "floor_rc": floor_rc, "ratio": series_s / floor_s if floor_s else float("nan"),
            "failed": sorted(set(failed) | set(drawn_failed)), "drawn_s": drawn_s, "drawn_rc": drawn_rc,
            "drawn_ratio": drawn_s / floor_s if floor_s else float("nan")}


# --------------------------------------------------------------------------------------------------------------------
# 2. Widget update latency, in process
# --------------------------------------------------------------------------------------------------------------------
def run_cells_in_process(path: Path) -> list[object]:
    """Run a notebook's code cells here (magics dropped); return the value each cell ends with."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    namespace: dict = {"__name__": "__main__"}
    values = []
    for cell in nb.cells:
        if cell.cell_type != "code" or "instructor" in cell.metadata.get("tags", []):
            continue
        code = "\n".join(line for line in cell.source.splitlines() if not line.lstrip().startswith(("%", "!")))
        tree = ast.parse(code)
        last = ast.Expression(tree.body.pop().value) if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(tree, str(path), "exec"), namespace)
            values.append(eval(compile(last, str(path), "eval"), namespace) if last is not None else None)
    return values


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()) or ():
        yield from _walk(child)


def _changes(control) -> list[object]:
    """Values to cycle a control through (each differs from the one before)."""
    import ipywidgets as w

    if isinstance(control, (w.Dropdown, w.ToggleButtons, w.RadioButtons, w.Select, w.SelectionSlider)):
        n = len(control.options)
        return [("index", i % n) for i in range(1, n + 1)] if n > 1 else []
    if isinstance(control, (w.Checkbox, w.ToggleButton)):
        return [("value", True), ("value", False)]
    if isinstance(control, (w.Text, w.Textarea)):
        return [("value", v) for v in ("1", "12.5", "ten", "")]
    if isinstance(control, (w.IntSlider, w.FloatSlider, w.BoundedIntText, w.BoundedFloatText)):
        return [("value", control.min), ("value", control.max)]
    return []


def _label(root, chapter: str) -> str:
    title = getattr(root, "title", None)
    if isinstance(title, str) and title:
        return f"{chapter}: {title}"
    return f"{chapter}: {type(root).__name__}"


def bench_latency() -> list[dict]:
    import matplotlib

    matplotlib.use("Agg")
    import ipywidgets as w
    import matplotlib.pyplot as plt

    rows = []
    for path in notebooks():
        for root in run_cells_in_process(path):
            if not isinstance(root, w.Widget):
                continue
            plan = [(c, attr, v) for c in _walk(root) for attr, v in _changes(c)]
            if not plan:
                continue
            times = []
            i = 0
            while len(times) < max(MIN_CHANGES, len(plan)):
                control, attr, value = plan[i % len(plan)]
                i += 1
                if getattr(control, attr) == value:
                    continue
                t0 = time.perf_counter()
                setattr(control, attr, value)
                times.append((time.perf_counter() - t0) * 1000)
                plt.close("all")
            rows.append({"interactive": _label(root, path.stem), "changes": len(times),
                         "median_ms": statistics.median(times), "p95_ms": percentile(times, 95)})
    return rows


# --------------------------------------------------------------------------------------------------------------------
# 3. Peak RSS of a kernel running each chapter
# --------------------------------------------------------------------------------------------------------------------
# Linux: VmHWM, the peak resident set of this process image (ru_maxrss would include the parent's size at fork,
# since it survives execve). Elsewhere: ru_maxrss (bytes on macOS, KiB on other Unixes).
RSS_CELL = ("import resource, sys, re, pathlib\n"
            "_status = pathlib.Path('/proc/self/status')\n"
            "if _status.exists():\n"
            "    _kib = int(re.search(r'VmHWM:\\s+(\\d+) kB', _status.read_text()).group(1))\n"
            "else:\n"
            "    _kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 if sys.platform == 'darwin' else 1)\n"
            "print('PEAK_RSS_MB', _kib / 1024)")


def bench_rss() -> list[dict]:
    import nbformat

    from ..builders.execute import execute_notebook

    rows = []
    for path in notebooks():
        nb = nbformat.read(path, as_version=4)
        nb.cells.append(nbformat.v4.new_code_cell(RSS_CELL))
        t0 = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix="backcare-rss-") as tmp:  # every chart drawn (the larger peak)
            execute_notebook(nb, cwd=Path(tmp), timeout=600, extra_env={"BACKCARE_CHART_CACHE": "refresh"})
        seconds = time.perf_counter() - t0
        text = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.output_type == "stream")
        mb = float(text.split("PEAK_RSS_MB")[1].split()[0]) if "PEAK_RSS_MB" in text else float("nan")
        rows.append({"chapter": path.stem, "peak_rss_mb": mb, "execute_s": seconds})
    return rows


# --------------------------------------------------------------------------------------------------------------------
# 4. The site build
# --------------------------------------------------------------------------------------------------------------------
#: What the site's shared files are, by where they sit (reported, so "shared assets" is never an unexplained number).
ASSET_GROUPS = (("_static/html-manager/", "widget manager (renders saved widget state; chapter pages only)"),
                ("_images/", "chart images (one file per distinct image, shared by the pages that show it)"),
                ("_static/", "page styles and scripts"))


def bench_html() -> dict:
    import re

    with tempfile.TemporaryDirectory(prefix="backcare-site-") as tmp:
        out = Path(tmp)
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "backcare", "html", "--out", tmp], cwd=repo_root(),
                              capture_output=True, text=True)
        seconds = time.perf_counter() - t0
        pages = {p.name: p.stat().st_size / 1024 for p in sorted(out.glob("*.html"))}
        shared = [p for p in out.rglob("*") if p.is_file() and p.suffix != ".html"]
        assets = sum(p.stat().st_size for p in shared) / 1024
        groups: dict[str, float] = {}
        for path in shared:
            rel = path.relative_to(out).as_posix()
            name = next((label for prefix, label in ASSET_GROUPS if rel.startswith(prefix)), "other")
            groups[name] = groups.get(name, 0.0) + path.stat().st_size / 1024
        images, manager = {}, {}
        for page in sorted(out.glob("*.html")):
            text = page.read_text(encoding="utf-8")
            used = set(re.findall(r'_images/[^"\'\s)]+', text))
            images[page.name] = sum((out / u).stat().st_size for u in used if (out / u).is_file()) / 1024
            manager[page.name] = "html-manager/" in text
    return {"seconds": seconds, "rc": proc.returncode, "pages_kib": pages, "assets_kib": assets,
            "asset_groups_kib": groups, "page_images_kib": images, "page_loads_manager": manager,
            "error": proc.stderr[-500:] if proc.returncode else ""}


# --------------------------------------------------------------------------------------------------------------------
# 5. JupyterLab in headless Chromium
# --------------------------------------------------------------------------------------------------------------------
def bench_lab() -> dict:
    """Open each notebook in JupyterLab, Run All, time it, with the browser test's driver (backcare.dev.labdriver)."""
    if not shutil.which("chromium") and not Path("/usr/bin/chromium").exists():
        return {"skipped": "Chromium is not installed"}
    from . import labdriver

    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        return {"skipped": f"cannot start a browser: {exc}"}
    rows = []
    with tempfile.TemporaryDirectory(prefix="backcare-lab-") as tmp:
        server = labdriver.LabServer(Path(tmp))
        server.prepare()
        t0 = time.perf_counter()
        try:
            server.start()
            server_s = time.perf_counter() - t0
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=labdriver.CHROMIUM,
                                             args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
                try:
                    for path in notebooks():
                        page = labdriver.LabPage(browser, server)
                        try:
                            timings = page.open_and_run_all(path.name)
                            timings["retried"] = page.retried
                        except Exception as exc:  # noqa: BLE001 - reported, not raised: benchmarks never fail
                            timings = {"error": str(exc).splitlines()[0][:200]}
                        finally:
                            page.close()
                        rows.append({"chapter": path.stem, **timings})
                finally:
                    browser.close()
        finally:
            server.stop()
    return {"server_start_s": server_s, "rows": rows}


# --------------------------------------------------------------------------------------------------------------------
# 6. The first `make lab` on a fresh clone (only with --install: it downloads every runtime package)
# --------------------------------------------------------------------------------------------------------------------
def bench_install() -> dict:
    """What the first ``make lab`` does before JupyterLab opens (the Makefile's runtime rule): a new virtual
    environment and ``pip install -c constraints.txt -e .``, with pip's cache off so every package is downloaded as on
    a new machine. Reports the time and the size of the environment (runtime only: no test tools)."""
    with tempfile.TemporaryDirectory(prefix="backcare-install-") as tmp:
        venv = Path(tmp) / ".venv"
        t0 = time.perf_counter()
        made = subprocess.run([sys.executable, "-m", "venv", str(venv)], capture_output=True, text=True)
        python = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
        proc = made if made.returncode else subprocess.run(
            [str(python), "-m", "pip", "install", "--disable-pip-version-check", "--no-cache-dir", "-q", "-c",
             "constraints.txt", "-e", "."], cwd=repo_root(), capture_output=True, text=True)
        seconds = time.perf_counter() - t0
        files = [f for f in venv.rglob("*") if f.is_file() and not f.is_symlink()]
        size_mb = sum(f.stat().st_size for f in files) / 2**20
        dists = sorted(p.name.split("-")[0] for p in venv.rglob("*.dist-info") if p.is_dir())
    return {"seconds": seconds, "rc": proc.returncode, "size_mb": size_mb, "packages": len(dists),
            "error": proc.stderr[-500:] if proc.returncode else ""}


PARTS = ("nbval", "latency", "rss", "html", "lab")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m backcare bench", description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=PARTS + ("install",), help="measure only these parts")
    parser.add_argument("--install", action="store_true",
                        help="also time the first `make lab` on a fresh clone (downloads every runtime package)")
    parser.add_argument("--output", type=Path, default=None, help="report file (default docs/benchmarks.md)")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if not notebooks():
        print("no notebooks found in notebooks/: nothing to measure", file=sys.stderr)
        return 1
    results: dict = {"date": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "machine": machine()}
    parts = tuple(args.only or PARTS)
    for part in parts + (("install",) if args.install and "install" not in parts else ()):
        print(f"== {part} ==", flush=True)
        t0 = time.perf_counter()
        results[part] = globals()[f"bench_{part}"]()
        print(f"   done in {time.perf_counter() - t0:.1f} s", flush=True)
    text = report(results)
    output = args.output or repo_root() / "docs" / "benchmarks.md"
    output.parent.mkdir(parents=True, exist_ok=True)
    old = output.read_text(encoding="utf-8") if output.exists() else ""
    if "<!-- classload: begin -->" in old:  # the class hub's figures (python -m backcare classload --write) stay
        text = text.rstrip("\n") + "\n\n<!-- classload: begin -->" + old.split("<!-- classload: begin -->", 1)[1]
    output.write_text(text, encoding="utf-8")
    print(text)
    print(f"written to {output}")
    return 0
