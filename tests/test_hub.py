"""The class hub (issue 20): loopback only, each user's own nbgitpuller copy, a cell run per user, nothing left running."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from backcare.builders import hub as hubmod
from backcare.builders.student_repo import publish_student_repo

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("ip", ["0.0.0.0", "::", "192.168.1.20", "10.0.0.1", "example.org", ""])
def test_the_hub_refuses_every_non_loopback_address(ip):
    with pytest.raises(ValueError, match="only a loopback address"):
        hubmod.check_loopback(ip)


@pytest.mark.parametrize("ip", ["127.0.0.1", "127.0.0.2", "::1", "localhost"])
def test_loopback_addresses_are_accepted(ip):
    assert hubmod.check_loopback(ip) == ip


def test_the_command_refuses_a_public_bind_before_starting_anything(tmp_path):
    out = subprocess.run([sys.executable, "-m", "backcare", "hub", "--ip", "0.0.0.0", "--state", str(tmp_path)],
                         capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 2
    assert "refusing to bind the hub to '0.0.0.0'" in out.stderr
    assert list(tmp_path.iterdir()) == []  # no config, no database, no homes


def test_the_generated_config_checks_the_address_again(tmp_path, monkeypatch):
    """Someone editing jupyterhub_config.py to listen on 0.0.0.0 gets a refusal when JupyterHub loads it."""
    from traitlets.config import Config

    monkeypatch.setattr(hubmod, "find_proxy", lambda: "/usr/bin/configurable-http-proxy")
    cfg = hubmod.HubConfig(state=tmp_path, student_repo=tmp_path / "repo", port=8123, password="pw-for-test")
    text = hubmod.write_config(cfg).read_text()
    loaded = Config()
    exec(compile(text, "jupyterhub_config.py", "exec"), {"get_config": lambda: loaded})
    assert loaded.JupyterHub.ip == "127.0.0.1" and loaded.JupyterHub.port == 8123
    assert loaded.JupyterHub.authenticator_class == "shared-password"
    assert loaded.SimpleLocalProcessSpawner.home_dir_template == f"{tmp_path}/home/{{username}}"
    assert [s["name"] for s in loaded.JupyterHub.services] == ["idle-culler"]
    assert "--timeout=3600" in loaded.JupyterHub.services[0]["command"]
    with pytest.raises(SystemExit, match="refusing to bind the hub to '0.0.0.0'"):
        exec(compile(text.replace("IP = '127.0.0.1'", "IP = '0.0.0.0'"), "jupyterhub_config.py", "exec"),
             {"get_config": Config})


def test_publishing_refuses_a_folder_that_is_not_a_repository(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(FileExistsError, match="is not a git repository"):
        publish_student_repo(tmp_path)


def test_the_student_repository_holds_chapters_without_the_instructor_guide(tmp_path):
    repo = tmp_path / "student.git"
    out = subprocess.run([sys.executable, "-m", "backcare", "student", "--git", str(repo)],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    tracked = subprocess.run(["git", "-C", str(repo), "ls-files"], capture_output=True, text=True).stdout.split()
    assert "00_start_here.ipynb" in tracked and "README.md" in tracked
    assert not [n for n in tracked if n.startswith("99_")]
    assert subprocess.run(["git", "-C", str(repo), "status", "--porcelain"], capture_output=True,
                          text=True).stdout == ""


def _hub_ready_or_skip():
    missing = hubmod.missing_hub_packages()
    try:
        hubmod.find_proxy()
    except FileNotFoundError as exc:
        missing.append(str(exc))
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install the hub extra and npm devDependencies (make hub-deps, npm ci): {missing}")
        pytest.skip(f"hub dependencies not installed here (make hub-deps; npm ci): {missing}")


@pytest.mark.slow
def test_two_students_each_run_a_cell_in_their_own_copy_and_everything_stops(tmp_path):
    _hub_ready_or_skip()
    import requests
    import websocket

    from backcare.dev.classload import UserResult, run_cells

    cfg = hubmod.prepare(tmp_path / "state", port=hubmod.free_port(), password="two-students")
    hub = hubmod.Hub(cfg)
    try:
        hub.start()
        assert hub.processes(), "the hub's processes carry its id"
        sessions = {}
        for name in ("ana", "ben"):  # both log in (and their servers start) before either is waited for
            s = sessions[name] = requests.Session()
            s.get(f"{cfg.url}/hub/login", timeout=30)
            bad = s.post(f"{cfg.url}/hub/login", data={"username": name, "password": "wrong",
                                                       "_xsrf": s.cookies.get("_xsrf")}, timeout=30)
            assert bad.status_code == 403
            s.post(f"{cfg.url}/hub/login", data={"username": name, "password": "two-students",
                                                 "_xsrf": s.cookies.get("_xsrf")}, timeout=60).raise_for_status()
        for name, s in sessions.items():
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                server = s.get(f"{cfg.url}/hub/api/users/{name}", timeout=30).json()["servers"].get("")
                if server and server["ready"]:
                    break
                time.sleep(0.25)
            else:
                pytest.fail(f"{name}'s server did not start:\n{hub.log_tail()}")
            token = s.post(f"{cfg.url}/hub/api/users/{name}/tokens", json={"expires_in": 600},
                           headers={"X-XSRFToken": s.cookies.get("_xsrf")}, timeout=30).json()["token"]
            auth = {"Authorization": f"token {token}"}
            listing = s.get(f"{cfg.url}/user/{name}/api/contents/{hubmod.REPO_DIR}", headers=auth, timeout=30).json()
            assert "00_start_here.ipynb" in {i["name"] for i in listing["content"]}
            assert (cfg.homes / name / hubmod.REPO_DIR / ".git").is_dir()  # nbgitpuller's clone, one per user
            sess = s.post(f"{cfg.url}/user/{name}/api/sessions", headers=auth, timeout=60,
                          json={"path": f"{hubmod.REPO_DIR}/00_start_here.ipynb", "type": "notebook",
                                "kernel": {"name": "python3"}}).json()
            ws = websocket.create_connection(
                f"{cfg.url.replace('http', 'ws', 1)}/user/{name}/api/kernels/{sess['kernel']['id']}/channels",
                header=[f"Authorization: token {token}"], timeout=60)
            res = UserResult(name)
            try:
                run_cells(ws, ["import os, backcare\nprint(os.getcwd())\n"
                               "assert os.getcwd().endswith(os.path.join(os.environ['USER'], 'backcare-student'))"],
                          0.0, res, timeout=60)
            finally:
                ws.close()
            assert (res.cells, res.cells_failed) == (1, 0), res.failures
        assert len([p for p in hub.processes() if "singleuser" in " ".join(p.cmdline())]) == 2
    finally:
        hub.stop()
    assert hub.processes() == [], "processes left after stop"
    assert hub.proc.returncode is not None
