"""The spine: declared dependencies agree and cover every import; the commands exist; `lab` serves the series."""
from __future__ import annotations

import ast
import importlib.metadata as md
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower().strip()


def _pyproject_deps() -> tuple[set[str], set[str]]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    runtime = {_norm(re.split(r"[<>=!~\[ ;]", d)[0]) for d in data["project"]["dependencies"]}
    test = {_norm(re.split(r"[<>=!~\[ ;]", d)[0]) for d in data["project"]["optional-dependencies"]["test"]}
    return runtime, test


def _environment_pip_pins(name: str = "environment.yml") -> dict[str, str | None]:
    """The pip section of a conda environment file: normalised name -> pinned version (None when unpinned)."""
    pins: dict[str, str | None] = {}
    in_pip = False
    for line in (ROOT / name).read_text().splitlines():
        stripped = line.strip()
        if stripped.startswith("- pip:"):
            in_pip = True
            continue
        if in_pip and stripped.startswith("- ") and line.startswith("      "):
            item = stripped[2:].strip()
            if item != "-e .":
                dist, _, version = item.partition("==")
                pins[_norm(dist)] = version or None
        elif in_pip and stripped and not stripped.startswith("#") and not line.startswith("      "):
            in_pip = False
    return pins


def _constraints() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if "==" in line:
            dist, version = line.split("==", 1)
            pins[_norm(dist)] = version.strip()
    return pins


def test_environment_yml_is_runtime_only_and_pinned_to_constraints():
    """Binder/JupyterHub images get what running the course needs, at the versions CI tests (constraints.txt)."""
    runtime, test = _pyproject_deps()
    env = _environment_pip_pins()
    assert set(env) == runtime, (
        f"only in environment.yml: {sorted(set(env) - runtime)}; runtime deps missing: {sorted(runtime - set(env))}"
    )
    constraints = _constraints()
    wrong = {d: (v, constraints.get(d)) for d, v in env.items() if v is None or v != constraints.get(d)}
    assert not wrong, f"environment.yml pins that differ from constraints.txt (pinned, constraints): {wrong}"
    text = (ROOT / "environment.yml").read_text()
    assert "-e ." in text, "environment.yml must install the package (pip: -e .)"
    assert "nodejs" not in text, "Node.js is for building the site and testing: environment-dev.yml"


def test_environment_dev_yml_adds_the_test_extras_at_the_same_pins():
    runtime, test = _pyproject_deps()
    dev = _environment_pip_pins("environment-dev.yml")
    assert set(dev) == runtime | test
    constraints = _constraints()
    assert {d: v for d, v in dev.items() if v != constraints.get(d)} == {}
    assert "nodejs" in (ROOT / "environment-dev.yml").read_text()


def _imports_in(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def _notebook_code(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    lines = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            lines += [ln for ln in cell.source.splitlines() if not ln.lstrip().startswith(("%", "!"))]
    return "\n".join(lines)


def _distribution_of(module: str) -> set[str]:
    return {_norm(d) for d in md.packages_distributions().get(module, [])}


def test_every_import_in_package_notebooks_and_tests_is_declared():
    runtime, test = _pyproject_deps()
    stdlib = set(sys.stdlib_module_names)
    problems = []
    # `python -m backcare bench` is a developer tool run by `make bench`, which installs the test extras; it reuses
    # the tested JupyterLab driver of tests/test_lab_browser.py. Everything else in the package needs runtime deps only.
    dev_tools = {"bench.py", "handouts.py"}  # handouts print with Playwright (make handouts installs the test extras)
    # The pytest plugin only acts under pytest with nbval (test extras); without nbval it imports nothing and returns.
    dev_tools.add("nbval_plugin.py")
    # The class hub and its load test (issue 20) run with the `hub` extra (make hub-deps), as does their test.
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    hub = {_norm(re.split(r"[<>=!~\[ ;]", d)[0]) for d in data["project"]["optional-dependencies"]["hub"]}
    hub_tools = [ROOT / "utils" / "backcare" / "builders" / "hub.py", ROOT / "utils" / "backcare" / "dev" / "classload.py",
                 ROOT / "tests" / "test_hub.py"]
    sources = [(p, p.read_text()) for p in (ROOT / "utils" / "backcare").rglob("*.py")
               if p.name not in dev_tools and p not in hub_tools]
    test_sources_extra = [(ROOT / "utils" / "backcare" / n, (ROOT / "utils" / "backcare" / n).read_text())
                          for n in dev_tools if (ROOT / "utils" / "backcare" / n).exists()]
    sources += [(p, _notebook_code(p)) for p in (ROOT / "notebooks").glob("*.ipynb")]
    test_sources = [(p, p.read_text()) for p in (ROOT / "tests").glob("*.py") if p not in hub_tools]
    test_sources += test_sources_extra
    hub_sources = [(p, p.read_text()) for p in hub_tools if p.exists()]
    test_modules = {p.stem for p in (ROOT / "tests").glob("*.py")}
    for group, allowed in ((sources, runtime), (test_sources, runtime | test), (hub_sources, runtime | test | hub)):
        for path, source in group:
            for module in _imports_in(source):
                if module in stdlib or module == "backcare" or (allowed is not runtime and module in test_modules):
                    continue
                dists = _distribution_of(module)
                if not dists & allowed:
                    problems.append(f"{path.relative_to(ROOT)} imports {module} (from {sorted(dists) or '?'})")
    assert not problems, "undeclared imports:\n" + "\n".join(problems)


def test_cli_lists_every_command():
    out = subprocess.run([sys.executable, "-m", "backcare", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0
    for command in ("lab", "test", "execute", "html", "content"):
        assert command in out.stdout


def test_cli_rejects_an_unknown_command_with_a_clear_message():
    out = subprocess.run([sys.executable, "-m", "backcare", "serve"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 2
    assert out.stderr.startswith("'serve' is not a valid command; supported values are lab, test, ")


def test_makefile_and_readme_show_the_two_commands():
    readme = (ROOT / "README.md").read_text()
    assert "make lab" in readme and "make test" in readme
    makefile = (ROOT / "Makefile").read_text()
    for target in ("lab:", "test:", "execute:", "html:", "test-latest:"):
        assert target in makefile


def test_ci_builds_a_fresh_environment_and_never_the_developers():
    ci = (ROOT / ".ci" / "run").read_text()
    assert "mktemp" in ci and "make test" in ci
    assert not re.search(r"(^|[^.\w])\.venv", ci)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_lab_serves_the_series_and_stops(tmp_path):
    port = _free_port()
    proc = _start_lab(ROOT, port, tmp_path)
    try:
        deadline = time.monotonic() + 60
        listing = None
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/contents/notebooks", timeout=2) as r:
                    listing = json.load(r)
                    break
            except OSError:
                if proc.poll() is not None:
                    break
                time.sleep(0.5)
        assert listing is not None, "JupyterLab did not answer: " + (proc.stdout.read().decode()[-2000:]
                                                                    if proc.poll() is not None else "timeout")
        names = {item["name"] for item in listing["content"]}
        assert "00_start_here.ipynb" in names
        # `make lab` opens chapter 00: the landing page redirects there (followed, not only "/lab answers").
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
            assert r.status == 200
            assert r.geturl() == f"http://127.0.0.1:{port}/lab/tree/notebooks/00_start_here.ipynb"
    finally:
        _stop_lab(proc)


def _start_lab(cwd: Path, port: int, tmp_path: Path, **extra_env) -> subprocess.Popen:
    """`python -m backcare lab` in ``cwd``, this checkout's package first, no token, no browser."""
    env = {"JUPYTER_CONFIG_DIR": str(tmp_path / "cfg"), "JUPYTER_RUNTIME_DIR": str(tmp_path / "rt"),
           "PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(ROOT / "utils"), **extra_env}
    return subprocess.Popen(
        [sys.executable, "-m", "backcare", "lab", "--no-browser", f"--ServerApp.port={port}",
         "--IdentityProvider.token=", "--ServerApp.port_retries=0"],
        cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )


def _stop_lab(proc: subprocess.Popen) -> None:
    """Stop the whole process group: `backcare lab` starts JupyterLab as a child."""
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.2)
    else:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("JupyterLab was still running 20 s after SIGTERM")
    assert proc.returncode is not None


def _wait_for(port: int, path: str, proc: subprocess.Popen):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2) as r:
                return json.load(r)
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.5)
    pytest.fail("JupyterLab did not answer: " + (proc.stdout.read().decode()[-2000:] if proc.poll() is not None
                                                 else "timeout"))


@pytest.mark.slow
def test_lab_run_in_a_student_copy_serves_that_copy_and_opens_its_chapter_00(tmp_path):
    from backcare.builders.student import write_student_copies

    copy = tmp_path / "my-course"
    write_student_copies(copy)
    port = _free_port()
    proc = _start_lab(copy, port, tmp_path)
    try:
        listing = _wait_for(port, "/api/contents", proc)
        names = {item["name"] for item in listing["content"]}
        assert "00_start_here.ipynb" in names and "99_instructor_guide.ipynb" not in names
        assert "content" not in names and "notebooks" not in names  # the copy, not the project folder
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
            assert r.geturl() == f"http://127.0.0.1:{port}/lab/tree/00_start_here.ipynb"
        # A kernel started there finds the facts (from the project the package belongs to) and runs in the copy.
        code = "import os, backcare as bc; print(len(bc.load_content().facts) > 100, os.getcwd())"
        out = subprocess.run([sys.executable, "-c", code], cwd=copy, capture_output=True, text=True,
                             env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "utils")})
        assert out.stdout.split() == ["True", str(copy)], out.stderr
    finally:
        _stop_lab(proc)


def test_backcare_root_pointed_at_a_student_copy_fails_with_a_clear_message(tmp_path):
    from backcare.builders.student import write_student_copies

    write_student_copies(tmp_path)
    code = "import backcare as bc; bc.load_content()"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "utils"),
                              "BACKCARE_ROOT": str(tmp_path)})
    assert out.returncode == 1
    assert f"BACKCARE_ROOT={tmp_path} has no content/ folder" in out.stderr
    assert "run `python -m backcare lab` inside it" in out.stderr


@pytest.mark.slow
def test_a_regular_pip_install_is_refused_with_a_clear_message(tmp_path):
    """`pip install .` (not -e) would install the package without content/ and notebooks/: it is refused, saying what
    works. Run on a copy, so the build leaves nothing in the project folder."""
    import shutil

    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    for name in ("utils", "_build_backend"):
        shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    out = subprocess.run([sys.executable, "-m", "pip", "install", "--disable-pip-version-check", "--no-deps",
                          "--target", str(tmp_path / "target"), str(src)], capture_output=True, text=True, timeout=300)
    text = out.stdout + out.stderr
    if "setuptools" in text and ("No matching distribution" in text or "Could not find a version" in text):
        pytest.skip("pip could not fetch the build requirements (setuptools) from the package index: offline")
    assert out.returncode != 0
    assert "backcare is installed from its project folder in editable mode only: run `pip install -e .`" in text
    assert not (tmp_path / "target" / "backcare").exists()
