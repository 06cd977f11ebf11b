"""Command line: ``python -m backcare <command>``, every command from one table (``python -m backcare --help``).

The Makefile calls these, so learners without ``make`` (e.g. on Windows) have the same commands.
"""
from __future__ import annotations

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
    from .lab import main as lab_main

    return lab_main(extra)


def _test(extra: list[str]) -> int:
    root = repo_root()
    from .builders import site

    if "--no-site" in extra:
        extra = [a for a in extra if a != "--no-site"]
    else:
        print("== building the static sites (used by the page and browser tests): self-study and teacher ==",
              flush=True)
        site.build()
        site.build(site.build_dir() / "html-teacher", audience="teacher")
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


#: THE command table: name -> ("module:function" taking the remaining arguments, one-line description).
#: ``python -m backcare --help`` lists it; adding a command adds one line here.
COMMANDS: dict[str, tuple[str, str]] = {
    "lab": ("backcare.cli:_lab", "start JupyterLab on the series (127.0.0.1)"),
    "test": ("backcare.cli:_test", "build the site, then run every test (unit, doctests, notebooks, site, browser)"),
    "execute": ("backcare.builders.execute:main", "re-execute notebooks and store their outputs (the only writer of outputs)"),
    "html": ("backcare.builders.site:main", "build the offline static site into _build/html"),
    "content": ("backcare.content.summary:main", "summarise content/; --check validates every content file"),
    "schema": ("backcare.content.schema:main", "write the JSON Schema of every content file; --check finds stale ones"),
    "quiz": ("backcare.lessons.quiz:main", "check question banks while writing them (content/quiz/)"),
    "student": ("backcare.builders.student:main", "write student copies of the notebooks for an audience"),
    "slides": ("backcare.builders.deck:main", "build a chapter's lecture deck (reveal.js from npm, no CDN)"),
    "handouts": ("backcare.builders.handouts:main", "print tagged PDF handouts into _build/handouts"),
    "review": ("backcare.builders.review:main", "write a printable clinical review packet per chapter into _build/review"),
    "lint": ("backcare.dev.lint:main", "developer: numbers in notebook prose must be held by content/ or allowed"),
    "bench": ("backcare.dev.bench:main", "developer: measure timings and sizes, write docs/benchmarks.md"),
    "hub": ("backcare.builders.hub:main", "run a JupyterHub on 127.0.0.1 for a class dry run (make hub-deps first)"),
    "classload": ("backcare.dev.classload:main", "developer: load-test the class hub with N students running a chapter"),
    "diff-outputs": ("backcare.dev.outputs_diff:main", "developer: re-execute notebooks in memory; do their outputs read as the stored ones?"),
}


def command(name: str):
    """The function behind a command (imported now); ``ValueError`` in the one message format when unknown.

    Examples
    --------
    >>> command("lint").__module__
    'backcare.dev.lint'
    >>> command("lnt")
    Traceback (most recent call last):
    ...
    ValueError: 'lnt' is not a valid command; supported values are lab, test, execute, html, content, schema, quiz, \
student, slides, handouts, review, lint, bench, hub, classload, diff-outputs (similar: lint)
    """
    import importlib

    from .choices import check_choice

    module, _, attr = COMMANDS[check_choice(name, COMMANDS, what="command", limit=len(COMMANDS))][0].partition(":")
    return getattr(importlib.import_module(module), attr)


def help_text() -> str:
    """What ``python -m backcare`` and ``python -m backcare --help`` print: every command with its one line."""
    width = max(map(len, COMMANDS))
    lines = ["usage: python -m backcare <command> [arguments ...]", "",
             "The back pain course: run it, test it, build it, check its content.", "", "commands:"]
    lines += [f"  {name:<{width}}  {about}" for name, (_target, about) in COMMANDS.items()]
    lines += ["", "python -m backcare <command> --help shows the arguments of one command."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run one command from :data:`COMMANDS`; no command (or ``-h``/``--help``) prints the command list.

    Examples
    --------
    >>> main([])  # doctest: +ELLIPSIS
    usage: python -m backcare <command> [arguments ...]
    ...
      schema...write the JSON Schema of every content file; --check finds stale ones
    ...
    0
    >>> main(["nope"])  # the message goes to stderr: 'nope' is not a valid command; supported values are lab, ...
    2
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(help_text())
        return 0
    name, rest = argv[0], argv[1:]
    try:
        run = command(name)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    return run(rest)
