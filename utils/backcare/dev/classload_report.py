"""Figures of ``python -m backcare classload``: the console report and the docs/benchmarks.md section."""
from __future__ import annotations

import statistics
from pathlib import Path


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile.

    >>> percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95), percentile([4.0], 50), percentile([], 50)
    (10, 4.0, None)
    """
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))
    return ordered[int(rank) - 1]


RESPONSIVE_P95_S = 60.0  # "responsive": p95 login -> first chart within a minute
BEGIN, END = "<!-- classload: begin -->", "<!-- classload: end -->"


def holds(s: dict) -> bool:
    """A class holds when every server starts and every student runs every cell (no failure, no error)."""
    return s["servers_started"] == s["users"] and s["cells_failed"] == 0 and s["user_errors"] == 0


def responsive(s: dict) -> bool:
    return holds(s) and s["first_chart_p95_s"] is not None and s["first_chart_p95_s"] <= RESPONSIVE_P95_S


def markdown(runs: list[dict]) -> str:
    """The docs/benchmarks.md section for these runs (between markers, so ``make bench`` keeps it)."""
    held = [s["users"] for s in runs if holds(s)]
    quick = [s["users"] for s in runs if responsive(s)]
    rss = [r["rss_mb"] for s in runs for r in s["results"] if r.get("rss_mb")]
    cpu = [s["cpu_s_per_user_median"] for s in runs if s.get("cpu_s_per_user_median")]
    lines = [BEGIN, "## Class hub (`python -m backcare classload`)", "",
             "A real JupyterHub on this machine (`python -m backcare hub`: configurable-http-proxy, shared-password "
             "development login, SimpleLocalProcessSpawner, nbgitpuller copy per user, idle culler). Each simulated "
             "student logs in through the login form, the hub starts their server, they open the chapter through the "
             "contents API and run every code cell on the kernel websocket; the first students of each run do the same "
             "in headless Chromium (JupyterLab: clear the stored outputs, Run All, wait for every cell). Time to first chart counts from submitting the login form. "
             "Memory is the RSS of each user's server plus kernel after all cells ran (shared libraries are counted "
             "in every process, so the sum overstates the machine's use); CPU is machine-wide, sampled every 2 s. "
             "Other work shared the 2 cores (load average below): the times are pessimistic.", "",
             "| started (UTC) | users (browser) | servers started | cells run / failed | user errors | server ready median / p95 s "
             "| first chart median / p95 s "
             "| per-user RSS median / max MiB | users + hub RSS MiB | CPU mean % | load before -> max | holds |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for s in runs:
        lines.append(
            f"| {s['started_at']} | {s['users']} ({s['browser_users']}) | {s['servers_started']} | {s['cells_run']} / "
            f"{s['cells_failed']} | {s['user_errors']} | {s.get('server_ready_median_s')} / {s.get('server_ready_p95_s')} | "
            f"{s['first_chart_median_s']} / {s['first_chart_p95_s']} | "
            f"{s['rss_per_user_mb_median']} / {s['rss_per_user_mb_max']} | {s['rss_total_mb']:.0f} | "
            f"{s['cpu_percent_mean']} | {s['loadavg_before'][0]} -> {s['loadavg_1min_max']} | "
            f"{'yes' if holds(s) else 'no'} |")
    lines += ["",
              (f"Over all runs, per-user memory (server + kernel, RSS): median {round(statistics.median(rss))} MiB, max "
               f"{round(max(rss))} MiB." if rss else "No memory figures.")
              + (f" CPU per user (server + kernel, the whole chapter): median {statistics.median(cpu):.1f} CPU-seconds."
                 if cpu else ""),
              f"A class **holds** when every server starts and every student runs every cell without a failure. "
              f"Largest class held here: **{max(held) if held else 'none'}** (sizes tried: "
              f"{', '.join(str(s['users']) for s in runs)}). Largest with p95 login -> first chart <= "
              f"{RESPONSIVE_P95_S:.0f} s: {max(quick) if quick else 'none of the sizes tried, at this load'}. "
              "deploy/README.md turns these figures into "
              "Kubernetes requests and limits.", END]
    return "\n".join(lines) + "\n"


def write_section(path: Path, block: str) -> None:
    """Replace the classload section of ``path`` (or append it)."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + block.rstrip("\n") + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + block
    path.write_text(text, encoding="utf-8")


def report(s: dict) -> str:
    lines = [
        f"classload: {s['users']} users ({s['browser_users']} in Chromium), {s['chapter']} ({s['code_cells']} code "
        f"cells), {s['cpu_count']} CPUs, {s['memory_total_gib']} GiB, load before {s['loadavg_before']}",
        f"  servers started {s['servers_started']}/{s['users']}, users completed {s['users_completed']}, "
        f"cells run {s['cells_run']}, cells failed {s['cells_failed']}, user errors {s['user_errors']}",
        f"  login -> server ready: median {s.get('server_ready_median_s')} s, p95 {s.get('server_ready_p95_s')} s\n"
        f"  login -> first chart: median {s['first_chart_median_s']} s, p95 {s['first_chart_p95_s']} s, "
        f"max {s['first_chart_max_s']} s (browser users: {s['browser_first_chart_s']})",
        f"  memory (RSS): per user server+kernel median {s['rss_per_user_mb_median']} MiB, max "
        f"{s['rss_per_user_mb_max']} MiB; users {s['rss_users_total_mb']} MiB; hub/proxy/culler "
        f"{s.get('infra_rss_mb')}; total {s['rss_total_mb']} MiB; available at peak "
        f"{s.get('available_memory_gib_at_peak')} GiB",
        f"  CPU: {s.get('cpu_s_per_user_median')} CPU-seconds per user (server + kernel, median); machine-wide mean {s['cpu_percent_mean']} %, max {s['cpu_percent_max']} % (machine-wide); load average 1-min max "
        f"{s['loadavg_1min_max']}, after {s['loadavg_after']}",
        f"  run {s.get('run_s')} s; shutdown {s['shutdown_s']} s, processes left {s['processes_left']}",
    ]
    errors = [f"    {r['name']}: {r['error'] or '; '.join(r['failures'][:3])}" for r in s["results"]
              if r["error"] or r["failures"]]
    if errors:
        lines += ["  problems:", *errors[:20]]
    return "\n".join(lines)
