"""The benchmark report: the machine it ran on and the Markdown table written to ``docs/benchmarks.md``."""
from __future__ import annotations

import contextlib
import os
import platform

TARGETS = {"nbval_ratio": 1.5, "latency_median_ms": 50.0, "latency_p95_ms": 100.0, "rss_mb": 150.0,
           "lab_open_to_done_s": 20.0, "lab_first_chart_s": 5.0}
MIN_CHANGES = 30
FLOOR_IMPORTS = "%matplotlib inline\nimport backcare as bc\nimport ipywidgets, matplotlib.pyplot, numpy, pydantic, yaml"


def _ok(value: float, target: float) -> str:
    return "yes" if value <= target else "**no**"


def machine() -> dict:
    info = {"platform": platform.platform(), "python": platform.python_version(), "cpus": os.cpu_count()}
    with contextlib.suppress(OSError, ValueError, AttributeError):
        info["ram_gib"] = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    with contextlib.suppress(OSError, AttributeError):
        info["load_average"] = tuple(round(x, 1) for x in os.getloadavg())
    return info


def report(results: dict) -> str:
    t = TARGETS
    m = results["machine"]
    lines = [
        "# Benchmarks",
        "",
        "Written by `python -m backcare bench` (`make bench`); not asserted by the tests. Re-run to refresh.",
        "",
        f"- Date: {results['date']}",
        f"- Machine: {m['platform']}, Python {m['python']}, {m['cpus']} CPUs"
        + (f", {m['ram_gib']} GiB RAM" if "ram_gib" in m else ""),
        f"- Load average at start: {m.get('load_average', 'n/a')} (other work on the machine slows every number)",
        "",
    ]
    nbv = results.get("nbval")
    if nbv:
        lines += [
            "## The series under nbval vs the floor",
            "",
            f"The floor is {nbv['notebooks']} notebooks that only start a kernel and run `{FLOOR_IMPORTS.splitlines()[-1]}`"
            " (after `%matplotlib inline` and `import backcare as bc`), run the same way in the same bench run.",
            "",
            "| run | seconds | exit code |",
            "|---|---:|---:|",
            f"| series ({nbv['notebooks']} notebooks) | {nbv['series_s']:.1f} | {nbv['series_rc']} |",
            f"| floor ({nbv['notebooks']} notebooks) | {nbv['floor_s']:.1f} | {nbv['floor_rc']} |",
        ]
        if "drawn_s" in nbv:
            lines.append(f"| series, first run: empty cache ({nbv['notebooks']} notebooks) | {nbv['drawn_s']:.1f} | "
                         f"{nbv['drawn_rc']} |")
        lines += [
            "",
            f"Ratio series / floor: **{nbv['ratio']:.2f}x** (target <= {t['nbval_ratio']}x: "
            f"{_ok(nbv['ratio'], t['nbval_ratio'])}).",
            "",
        ]
        if "drawn_s" in nbv:
            lines += [f"The series runs twice with a cache folder of its own: first empty ({nbv['drawn_ratio']:.2f}x "
                      "the floor: every chart drawn and every chapter's shown sources computed, as on a first run or "
                      "after any change to code or content), then the timed run above, which reuses what the first "
                      "run stored (`backcare.charts.cache`, keyed by content, code, libraries and data).", ""]
        if nbv["series_rc"] or nbv["floor_rc"] or nbv.get("drawn_rc"):
            failed = ", ".join(nbv.get("failed") or []) or "see the exit code"
            lines += [f"nbval failed ({failed}): a failing cell stops early, so the ratio is only indicative; "
                      "run `make execute` and `make test`.", ""]
    lat = results.get("latency")
    if lat is not None:
        lines += [
            "## Widget update latency (in process, per interactive)",
            "",
            f"Each control of each interactive is changed in turn, at least {MIN_CHANGES} changes per interactive; the"
            " time is from setting the value to the end of every Python callback (redraws and pre-rendered views "
            "included; the browser's paint is not).",
            "",
            "| interactive | changes | median ms | p95 ms | within target |",
            "|---|---:|---:|---:|---|",
        ]
        for r in lat:
            ok = r["median_ms"] <= t["latency_median_ms"] and r["p95_ms"] <= t["latency_p95_ms"]
            lines.append(f"| {r['interactive']} | {r['changes']} | {r['median_ms']:.2f} | {r['p95_ms']:.2f} |"
                         f" {'yes' if ok else '**no**'} |")
        lines += ["", f"Targets: median <= {t['latency_median_ms']:.0f} ms, p95 <= {t['latency_p95_ms']:.0f} ms.", ""]
    rss = results.get("rss")
    if rss is not None:
        lines += ["## Peak memory of a kernel running each chapter", "",
                  "| chapter | peak RSS MB | within target | execute s |", "|---|---:|---|---:|"]
        for r in rss:
            lines.append(f"| {r['chapter']} | {r['peak_rss_mb']:.0f} | {_ok(r['peak_rss_mb'], t['rss_mb'])} |"
                         f" {r['execute_s']:.1f} |")
        lines += ["", f"Target: <= {t['rss_mb']:.0f} MB. Every chart is drawn (the chart cache refreshed, not read): "
                      "the larger peak.", ""]
    html = results.get("html")
    if html is not None:
        lines += ["## Static site build (`python -m backcare html`)", "",
                  f"Build time: **{html['seconds']:.1f} s** (exit code {html['rc']}); shared assets "
                  f"{html['assets_kib']:.0f} KiB.", ""]
        groups = html.get("asset_groups_kib") or {}
        if groups:
            lines += ["| shared files | KiB |", "|---|---:|"]
            lines += [f"| {name} | {kib:.0f} |" for name, kib in sorted(groups.items(), key=lambda kv: -kv[1])]
            lines += ["", "A page is its HTML plus the chart images it shows (a page ≤ 1 MB); the widget manager is "
                      "fetched once and cached by the browser, and only by pages that hold widgets.", ""]
        images = html.get("page_images_kib") or {}
        manager = html.get("page_loads_manager") or {}
        lines += ["| page | HTML KiB | + its images KiB | total KiB | widget manager |", "|---|---:|---:|---:|---|"]
        for name, kib in html["pages_kib"].items():
            img = images.get(name, 0.0)
            lines.append(f"| {name} | {kib:.0f} | {img:.0f} | {kib + img:.0f} | "
                         f"{'yes' if manager.get(name) else 'no'} |")
        if html.get("error"):
            lines += ["", "```", html["error"], "```"]
        lines.append("")
    lab = results.get("lab")
    if lab is not None:
        lines += ["## JupyterLab in headless Chromium: open, Run All, first chart", ""]
        if "skipped" in lab:
            lines += [f"Skipped: {lab['skipped']}.", ""]
        else:
            lines += [f"Server start: {lab['server_start_s']:.1f} s.", "",
                      "| chapter | open s | Run All to first chart s | Run All to done s | open to done s | notes |",
                      "|---|---:|---:|---:|---:|---|"]
            for r in lab["rows"]:
                if "error" in r:
                    lines.append(f"| {r['chapter']} | | | | | failed: {r['error']} |")
                    continue
                note = "reopened once (widget race)" if r.get("retried") else ""
                total_ok = _ok(r["total"], t["lab_open_to_done_s"])
                chart_ok = _ok(r["first_chart"], t["lab_first_chart_s"])
                lines.append(f"| {r['chapter']} | {r['open']:.1f} | {r['first_chart']:.1f} ({chart_ok}) |"
                             f" {r['run_all']:.1f} | {r['total']:.1f} ({total_ok}) | {note} |")
            lines += ["", f"Targets: open to done <= {t['lab_open_to_done_s']:.0f} s; Run All to first chart <= "
                      f"{t['lab_first_chart_s']:.0f} s.", ""]
    inst = results.get("install")
    if inst is not None:
        lines += ["## The first `make lab` on a fresh clone", "",
                  "A new virtual environment and `pip install -c constraints.txt -e .` (runtime only, as the Makefile "
                  "does before JupyterLab opens), pip's cache off: every package downloaded from the registry.", ""]
        if inst["rc"]:
            lines += [f"Failed (exit code {inst['rc']}): `{inst['error'].strip()[-300:]}`", ""]
        else:
            lines += [f"Time: **{inst['seconds']:.0f} s** (network and disk included); environment: "
                      f"**{inst['size_mb']:.0f} MB** on disk, {inst['packages']} packages.", ""]
    return "\n".join(lines).rstrip() + "\n"
