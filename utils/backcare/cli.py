"""Command line: ``python -m backcare lab | test | execute | html | content | student | bench | lint``.

The Makefile calls these, so learners without ``make`` (e.g. on Windows) have the same commands.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys

from .paths import repo_root

PYTEST_ARGS = [
    "tests",
    "utils/backcare",
    "notebooks",
    "--nbval",
    "--nbval-current-env",
    "--nbval-sanitize-with=tests/nbval_sanitize.cfg",
    "-p", "no:cacheprovider",
    "-v",
    "-rs",
]


def _lab(extra: list[str]) -> int:
    root = repo_root()
    cmd = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={root}", "--ServerApp.ip=127.0.0.1"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    cmd += extra or ["--ServerApp.default_url=/lab/tree/notebooks/00_start_here.ipynb"]
    print("Starting JupyterLab with the series; open the URL it prints. Stop it with Ctrl-C.", flush=True)
    return subprocess.call(cmd, cwd=root)


def _test(extra: list[str]) -> int:
    root = repo_root()
    from . import site

    if "--no-site" in extra:
        extra = [a for a in extra if a != "--no-site"]
    else:
        print("== building the static site (used by the page and browser tests) ==", flush=True)
        site.build()
    workers = os.environ.get("BACKCARE_TEST_WORKERS", "2")
    args = list(PYTEST_ARGS)
    if workers not in ("0", "1"):
        args += ["-n", workers, "--dist", "loadfile"]
    print("== pytest: unit tests, doctests, notebooks under strict nbval, site and browser tests ==", flush=True)
    rc = subprocess.call([sys.executable, "-m", "pytest", *args, *extra], cwd=root)
    if rc == 5:
        print("no tests were collected: that is a failure", file=sys.stderr)
        return 1
    return rc


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(prog="python -m backcare", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["lab", "test", "execute", "html", "content", "student", "bench", "lint", "handouts"])
    parser.add_argument("args", nargs=argparse.REMAINDER, help="passed on to the command")
    ns = parser.parse_args(argv)
    if ns.command == "lab":
        return _lab(ns.args)
    if ns.command == "test":
        return _test(ns.args)
    if ns.command == "execute":
        from .execute import main as execute_main

        return execute_main(ns.args)
    if ns.command == "html":
        from .site import main as site_main

        return site_main(ns.args)
    if ns.command == "content":
        from .content.summary import main as content_main

        return content_main(ns.args)
    if ns.command == "student":
        from .student import main as student_main

        return student_main(ns.args)
    if ns.command == "lint":
        from .lint import main as lint_main

        return lint_main(ns.args)
    if ns.command == "handouts":
        from .builders.handouts import main as handouts_main

        return handouts_main(ns.args)
    if ns.command == "bench":
        from .bench import main as bench_main

        return bench_main(ns.args)
    return 2  # pragma: no cover
