"""Load test of the class hub: ``python -m backcare classload --users 30 --chapter 02`` (``make classload``).

It starts the hub of ``backcare.builders.hub`` (fresh state, student copy published from ``notebooks/``), then, for N
simulated students at once: log in through the hub's login form, start the server (JupyterHub spawns it, nbgitpuller
pulls the student copy), open the chapter's notebook through the contents API, and run every code cell through the
Jupyter server's kernel websocket, as a browser would. ``--browser-users K`` of them instead use headless Chromium
(Playwright, Debian's ``/usr/bin/chromium``): log in, open the notebook in JupyterLab and Run All.

Reported: servers started, cells failed, time from login to the first chart (median, p95), memory (RSS of each user's
server plus kernel; hub and proxy apart), CPU (machine-wide utilisation and load average while it ran). Then it stops
every server and the hub. A benchmark, not a test: figures go to docs/benchmarks.md by hand, JSON to ``--json``.
"""
from __future__ import annotations

import json
import os
import statistics
import sys
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

import psutil
import requests
import websocket

from ..builders.hub import REPO_DIR, Hub, free_port, prepare
from ..paths import chapter_id, chapter_notebooks, chapter_selected, repo_root
from .classload_report import markdown, percentile, report, write_section

CHART_MIMES = ("image/png", "image/svg+xml")


@dataclass
class UserResult:
    name: str
    mode: str = "api"  # "api" (kernel websocket) or "browser" (JupyterLab in Chromium)
    started: bool = False
    cells: int = 0
    cells_failed: int = 0
    login_s: float | None = None
    server_ready_s: float | None = None
    first_chart_s: float | None = None
    all_cells_s: float | None = None
    rss_mb: float | None = None
    error: str = ""
    failures: list[str] = field(default_factory=list)


def has_chart(msg: dict) -> bool:
    """Does an iopub message carry a chart (PNG/SVG, or HTML holding an <img>/<svg>)?

    >>> has_chart({"msg_type": "display_data", "content": {"data": {"image/png": "iVBOR"}}})
    True
    >>> has_chart({"msg_type": "stream", "content": {"text": "image/png"}})
    False
    """
    if msg.get("msg_type") not in ("display_data", "execute_result", "update_display_data"):
        return False
    data = msg.get("content", {}).get("data", {})
    if any(m in data for m in CHART_MIMES):
        return True
    html = data.get("text/html", "")
    return "<img" in html or "<svg" in html


def _message(code: str, session: str) -> dict:
    msg_id = uuid.uuid4().hex
    return {"header": {"msg_id": msg_id, "username": "classload", "session": session, "msg_type": "execute_request",
                       "version": "5.3", "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())},
            "parent_header": {}, "metadata": {}, "channel": "shell",
            "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True}}


def run_cells(ws, cells: list[str], t_login: float, res: UserResult, timeout: float = 600) -> None:
    """Send every cell on the kernel websocket; count failures; note the first chart's time after login."""
    session = uuid.uuid4().hex
    ws.settimeout(timeout)
    for index, code in enumerate(cells):
        msg = _message(code, session)
        ws.send(json.dumps(msg))
        reply = idle = False
        while not (reply and idle):
            got = json.loads(ws.recv())
            if got.get("parent_header", {}).get("msg_id") != msg["header"]["msg_id"]:
                continue
            kind = got.get("msg_type")
            if kind == "execute_reply":
                reply = True
                if got["content"].get("status") != "ok":
                    res.cells_failed += 1
                    res.failures.append(f"cell {index}: {got['content'].get('ename')}: {got['content'].get('evalue')}")
            elif kind == "status" and got["content"].get("execution_state") == "idle":
                idle = True
            elif res.first_chart_s is None and has_chart(got):
                res.first_chart_s = time.monotonic() - t_login
        res.cells += 1


def api_user(base: str, password: str, notebook: str, cells: list[str], res: UserResult,
             measured: threading.Event, done: threading.Barrier) -> None:
    s = requests.Session()
    token = None
    try:
        s.get(f"{base}/hub/login", timeout=60)
        t0 = time.monotonic()
        r = s.post(f"{base}/hub/login", data={"username": res.name, "password": password,
                                              "_xsrf": s.cookies.get("_xsrf")}, timeout=120)
        r.raise_for_status()
        res.login_s = time.monotonic() - t0
        deadline = time.monotonic() + 600
        while True:
            model = s.get(f"{base}/hub/api/users/{res.name}", timeout=60).json()
            server = model.get("servers", {}).get("")
            if server and server.get("ready"):
                break
            if time.monotonic() > deadline:
                raise TimeoutError(f"server not ready after 600 s: {model.get('pending')}")
            time.sleep(0.5)
        res.server_ready_s = time.monotonic() - t0
        res.started = True
        r = s.post(f"{base}/hub/api/users/{res.name}/tokens", json={"note": "classload", "expires_in": 3600},
                   headers={"X-XSRFToken": s.cookies.get("_xsrf")}, timeout=60)
        r.raise_for_status()
        token = r.json()["token"]
        auth = {"Authorization": f"token {token}"}
        user = f"{base}/user/{res.name}"
        path = f"{REPO_DIR}/{notebook}"
        s.get(f"{user}/api/contents/{path}?content=1", headers=auth, timeout=120).raise_for_status()
        r = s.post(f"{user}/api/sessions", headers=auth, timeout=120,
                   json={"path": path, "name": notebook, "type": "notebook", "kernel": {"name": "python3"}})
        r.raise_for_status()
        kernel = r.json()["kernel"]["id"]
        ws = websocket.create_connection(f"{user.replace('http', 'ws', 1)}/api/kernels/{kernel}/channels",
                                         header=[f"Authorization: token {token}"], timeout=120)
        try:
            run_cells(ws, cells, t0, res)
        finally:
            ws.close()
        res.all_cells_s = time.monotonic() - t0
    except Exception as exc:  # noqa: BLE001 - a load test reports every failure and carries on
        res.error = f"{type(exc).__name__}: {exc}"[:500]
    finally:
        try:
            done.wait(timeout=1800)
        except threading.BrokenBarrierError:
            pass
        measured.wait(timeout=600)
        if token:
            try:
                s.delete(f"{base}/hub/api/users/{res.name}/server", headers={"Authorization": f"token {token}"},
                         timeout=120)
            except requests.RequestException:
                pass


def browser_users(base: str, password: str, notebook: str, results: list[UserResult],
                  measured: threading.Event, done: threading.Barrier) -> None:
    """Students in headless Chromium: log in, open the notebook in JupyterLab, Run All, wait for every cell."""
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            pages = []
            for res in results:
                page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
                page.set_default_timeout(300_000)
                pages.append((res, page))
            for res, page in pages:  # one browser, students one after another in their own contexts
                try:
                    page.goto(f"{base}/hub/login")
                    t0 = time.monotonic()
                    page.fill("#username_input", res.name)
                    page.fill("#password_input", password)
                    page.click("#login_submit")
                    page.wait_for_url(f"**/user/{res.name}/lab**")
                    res.login_s = res.server_ready_s = time.monotonic() - t0
                    res.started = True
                    page.goto(f"{base}/user/{res.name}/lab/workspaces/load/tree/{REPO_DIR}/{notebook}?reset")
                    # The execution indicator reads idle before a kernel exists; Run All before the status bar says
                    # "(ipykernel) | Idle" is silently dropped (as in dev/labdriver.py).
                    page.wait_for_function("""() => [...document.querySelectorAll('.jp-StatusBar-Widget')]
                        .some(e => /\\(ipykernel\\) \\| Idle/.test(e.innerText))""", polling=200)
                    # The student copy carries stored outputs: clear them so the chart we wait for is this run's.
                    page.click(".lm-MenuBar-itemLabel:text-is('Edit')")
                    page.click("li.lm-Menu-item[data-command='editmenu:clear-all']")
                    page.wait_for_selector(".jp-Notebook .jp-OutputArea-output img", state="detached")
                    page.click(".lm-MenuBar-itemLabel:text-is('Run')")
                    page.click("li.lm-Menu-item[data-command='runmenu:run-all']")
                    page.wait_for_selector(".jp-Notebook .jp-OutputArea-output img", state="attached")
                    res.first_chart_s = time.monotonic() - t0
                    page.wait_for_function(
                        "() => { const p = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell "
                        ".jp-InputArea-prompt')]; return p.length > 0 && p.every(e => /\\[\\d+\\]/.test(e.textContent))"
                        " || document.querySelector('.jp-OutputArea-output[data-mime-type="
                        "\"application/vnd.jupyter.error\"]') }")
                    res.all_cells_s = time.monotonic() - t0
                    shot = repo_root() / "_build" / "classload" / f"{res.name}.png"
                    shot.parent.mkdir(parents=True, exist_ok=True)
                    page.locator(".jp-Notebook .jp-OutputArea-output img").first.scroll_into_view_if_needed()
                    page.screenshot(path=str(shot))
                    res.cells = page.locator(".jp-Notebook .jp-CodeCell").count()
                    res.cells_failed = page.locator(
                        ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.error']").count()
                except Exception as exc:  # noqa: BLE001
                    res.error = f"{type(exc).__name__}: {exc}"[:500]
            try:
                done.wait(timeout=1800)
            except threading.BrokenBarrierError:
                pass
            measured.wait(timeout=600)
            browser.close()
    except Exception as exc:  # noqa: BLE001
        for res in results:
            res.error = res.error or f"{type(exc).__name__}: {exc}"[:500]
        try:
            done.wait(timeout=1)
        except threading.BrokenBarrierError:
            pass


def user_memory(hub: Hub, cpu: dict[str, float] | None = None) -> tuple[dict[str, float], dict[str, float]]:
    """RSS in MiB of each user's server plus kernels, and of the hub's own processes (hub, proxy, culler); fills
    ``cpu`` with each user's CPU seconds (user + system, server plus kernel) so far."""
    users: dict[str, float] = {}
    infra: dict[str, float] = {}
    cpu = {} if cpu is None else cpu
    for p in hub.processes():
        try:
            env = p.environ()
            rss = p.memory_info().rss / 2**20
            name = env.get("JUPYTERHUB_USER")
            if name:
                users[name] = users.get(name, 0.0) + rss
                times = p.cpu_times()
                cpu[name] = cpu.get(name, 0.0) + times.user + times.system
            else:
                label = "proxy" if "node" in p.name() else ("hub" if "jupyterhub" in " ".join(p.cmdline()[:3])
                                                            and "culler" not in " ".join(p.cmdline()) else "services")
                infra[label] = infra.get(label, 0.0) + rss
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
    return users, infra


class CpuSampler(threading.Thread):
    def __init__(self):
        super().__init__(daemon=True)
        self.samples: list[float] = []
        self.loads: list[float] = []
        self.stop = threading.Event()

    def run(self):
        psutil.cpu_percent(None)
        while not self.stop.wait(2):
            self.samples.append(psutil.cpu_percent(None))
            self.loads.append(os.getloadavg()[0])


def code_cells(notebook: Path) -> list[str]:
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    return [c.source for c in nb.cells if c.cell_type == "code"]


def classload(users: int, chapter: str, browser: int = 2, prefix: str = "student") -> dict:
    """Run one load test with ``users`` students (``browser`` of them in Chromium) and return the figures."""
    cfg = prepare(port=free_port())
    matches = [p for p in chapter_notebooks(cfg.student_repo) if chapter_selected(p.stem, [chapter])]
    if not matches:
        raise SystemExit(f"no chapter {chapter!r} in the student copy; chapters: "
                         f"{', '.join(chapter_id(p.stem) for p in chapter_notebooks(cfg.student_repo))}")
    notebook = matches[0].name
    cells = code_cells(matches[0])
    browser = min(browser, users)
    results = [UserResult(f"{prefix}{i:03d}", mode="browser" if i < browser else "api") for i in range(users)]
    load_before = os.getloadavg()
    summary: dict = {"users": users, "chapter": notebook, "browser_users": browser, "code_cells": len(cells),
                     "cpu_count": os.cpu_count(), "memory_total_gib": round(psutil.virtual_memory().total / 2**30, 1),
                     "loadavg_before": [round(x, 2) for x in load_before],
                     "started_at": time.strftime("%Y-%m-%d %H:%M:%SZ", time.gmtime())}
    sampler = CpuSampler()
    hub = Hub(cfg)
    t_start = time.monotonic()
    try:
        hub.start()
        measured = threading.Event()
        api = [r for r in results if r.mode == "api"]
        done = threading.Barrier(len(api) + (1 if browser else 0) + 1)
        threads = [threading.Thread(target=api_user, args=(cfg.url, cfg.password, notebook, cells, r, measured, done),
                                    daemon=True) for r in api]
        if browser:
            threads.append(threading.Thread(target=browser_users, daemon=True, args=(
                cfg.url, cfg.password, notebook, [r for r in results if r.mode == "browser"], measured, done)))
        sampler.start()
        for t in threads:
            t.start()
        try:
            done.wait(timeout=1800)
        except threading.BrokenBarrierError:
            pass
        summary["run_s"] = round(time.monotonic() - t_start, 1)
        cpu_s: dict[str, float] = {}
        per_user, infra = user_memory(hub, cpu_s)
        summary["cpu_s_per_user_median"] = round(statistics.median(cpu_s.values()), 1) if cpu_s else None
        for r in results:
            r.rss_mb = round(per_user.get(r.name, 0.0), 1) or None
        summary["infra_rss_mb"] = {k: round(v, 1) for k, v in infra.items()}
        summary["available_memory_gib_at_peak"] = round(psutil.virtual_memory().available / 2**30, 1)
        sampler.stop.set()
        measured.set()
        for t in threads:
            t.join(timeout=180)
    finally:
        sampler.stop.set()
        measured_set = locals().get("measured")
        if measured_set is not None:
            measured_set.set()
        t_stop = time.monotonic()
        hub.stop()
        summary["shutdown_s"] = round(time.monotonic() - t_stop, 1)
        summary["processes_left"] = len(hub.processes())
        import shutil

        if any(r.error or r.failures for r in results):  # keep the hub's log (it holds every server's log too)
            kept = repo_root() / "_build" / "classload" / f"hub-{users}-{time.strftime('%H%M%S')}.log"
            kept.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(hub.log_path, kept)
            summary["hub_log"] = str(kept)
        shutil.rmtree(cfg.state, ignore_errors=True)
    charts = [r.first_chart_s for r in results if r.first_chart_s is not None]
    rss = [r.rss_mb for r in results if r.rss_mb]
    ready = [r.server_ready_s for r in results if r.server_ready_s is not None]
    summary.update({
        "servers_started": sum(r.started for r in results),
        "users_completed": sum(r.all_cells_s is not None and not r.error for r in results),
        "cells_run": sum(r.cells for r in results),
        "cells_failed": sum(r.cells_failed for r in results),
        "user_errors": sum(bool(r.error) for r in results),
        "server_ready_median_s": round(statistics.median(ready), 1) if ready else None,
        "server_ready_p95_s": round(percentile(ready, 95), 1) if ready else None,
        "first_chart_median_s": round(statistics.median(charts), 1) if charts else None,
        "first_chart_p95_s": round(percentile(charts, 95), 1) if charts else None,
        "first_chart_max_s": round(max(charts), 1) if charts else None,
        "browser_first_chart_s": [round(r.first_chart_s, 1) for r in results
                                  if r.mode == "browser" and r.first_chart_s is not None],
        "rss_per_user_mb_median": round(statistics.median(rss), 1) if rss else None,
        "rss_per_user_mb_max": round(max(rss), 1) if rss else None,
        "rss_users_total_mb": round(sum(rss), 1),
        "rss_total_mb": round(sum(rss) + sum(summary.get("infra_rss_mb", {}).values()), 1),
        "cpu_percent_mean": round(statistics.mean(sampler.samples), 1) if sampler.samples else None,
        "cpu_percent_max": round(max(sampler.samples), 1) if sampler.samples else None,
        "loadavg_1min_max": round(max(sampler.loads), 2) if sampler.loads else None,
        "loadavg_after": [round(x, 2) for x in os.getloadavg()],
        "results": [asdict(r) for r in results],
    })
    return summary


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m backcare classload", description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, nargs="+", default=[30], help="class sizes to try, in order")
    parser.add_argument("--chapter", default="02", help="chapter number (default 02)")
    parser.add_argument("--browser-users", type=int, default=2, help="students driven in headless Chromium")
    parser.add_argument("--json", type=Path, default=None, help="append each run's figures to this JSON-lines file")
    parser.add_argument("--write", type=Path, default=None, metavar="MD",
                        help="write the section of docs/benchmarks.md from every run in --json (or these runs)")
    parser.add_argument("--report-only", action="store_true", help="with --json and --write: run nothing, only write")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    worst = 0
    runs = []
    for n in ([] if args.report_only else args.users):
        summary = classload(n, args.chapter, args.browser_users)
        print(report(summary), flush=True)
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            with args.json.open("a") as f:
                f.write(json.dumps(summary) + "\n")
        runs.append(summary)
        ok = (summary["servers_started"] == n and summary["cells_failed"] == 0 and summary["user_errors"] == 0
              and summary["processes_left"] == 0)
        worst = worst or (0 if ok else 1)
    if args.write:
        if args.json and args.json.exists():
            runs = [json.loads(line) for line in args.json.read_text().splitlines() if line.strip()]
        write_section(args.write, markdown(runs))
        print(f"written to {args.write}")
    return worst
