"""deploy/values.yaml (Zero to JupyterHub) is valid for the chart's own values schema and says what issue 20 asks."""
from __future__ import annotations

import copy
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
Z2JH = ROOT / "tests" / "data" / "z2jh"


def helm_merge(base: dict, override: dict) -> dict:
    """Helm's coalescing of user values over chart defaults: maps merge, everything else is replaced, null deletes."""
    out = copy.deepcopy(base)
    for key, value in override.items():
        if value is None:
            out.pop(key, None)
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = helm_merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def _load(path: Path):
    return yaml.safe_load(path.read_text())


@pytest.fixture(scope="module")
def values() -> dict:
    return _load(ROOT / "deploy" / "values.yaml")


@pytest.fixture(scope="module")
def validator():
    schema = _load(Z2JH / "values.schema.yaml")
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def _errors(validator, values):
    merged = helm_merge(_load(Z2JH / "values.yaml"), values)
    return sorted(f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(merged))


def test_the_values_file_is_valid_for_the_charts_own_schema(validator, values):
    assert _errors(validator, values) == []


def test_the_schema_check_can_fail(validator, values):
    bad = helm_merge(values, {"singleuser": {"memory": {"guarantee": [1]}}, "cull": {"timeout": "1h"},
                              "hub": {"nosuchoption": True}})
    errors = _errors(validator, bad)
    assert any(e.startswith("singleuser.memory.guarantee") for e in errors)
    assert any(e.startswith("cull.timeout") for e in errors)
    assert any("nosuchoption" in e for e in errors)


def test_helm_merge_replaces_lists_and_deletes_with_null():
    assert helm_merge({"a": {"b": 1, "c": [1, 2]}, "d": 1}, {"a": {"c": [3]}, "d": None}) == {"a": {"b": 1, "c": [3]}}


def _bytes(quantity: str | int | float) -> float:
    units = {"": 1, "k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9, "Ki": 2**10, "Mi": 2**20, "Gi": 2**30}
    number, unit = re.fullmatch(r"([\d.]+)([A-Za-z]*)", str(quantity)).groups()
    return float(number) * units[unit]


def test_a_real_authenticator_and_no_development_one(values):
    auth = values["hub"]["config"]["JupyterHub"]["authenticator_class"]
    assert auth in {"generic-oauth", "azuread", "cilogon", "github", "lti13", "ltiauthenticator.lti13.auth.LTI13Authenticator"}
    text = (ROOT / "deploy" / "values.yaml").read_text()
    assert "client_secret:" not in text, "secrets come from a Kubernetes Secret, not the values file"


def test_each_student_gets_the_student_copy_by_nbgitpuller_and_idle_servers_are_culled(values):
    single = values["singleuser"]
    command = single["lifecycleHooks"]["postStart"]["exec"]["command"]
    assert command[0] == "gitpuller" and command[2:] == ["main", "backcare-student"]
    assert single["defaultUrl"].startswith("/lab/tree/backcare-student/")
    assert values["cull"]["enabled"] is True and 0 < values["cull"]["timeout"] <= 4 * 3600
    assert single["image"]["tag"] not in ("latest", "", None)


def test_resources_follow_the_measured_figures(values):
    """Guarantee at least the measured median per-user memory (docs/benchmarks.md), limit above the measured max."""
    text = (ROOT / "docs" / "benchmarks.md").read_text()
    match = re.search(r"per-user memory \(server \+ kernel, RSS\): median (\d+) MiB, max (\d+) MiB", text)
    assert match, "docs/benchmarks.md must state the measured per-user memory"
    median, worst = (int(x) * 2**20 for x in match.groups())
    mem = values["singleuser"]["memory"]
    assert median <= _bytes(mem["guarantee"]) < _bytes(mem["limit"])
    assert worst < _bytes(mem["limit"])
    cpu = values["singleuser"]["cpu"]
    assert 0 < cpu["guarantee"] < cpu["limit"] <= 2


def test_readme_running_a_class_points_to_the_hub_and_states_the_measured_class_size():
    readme = (ROOT / "README.md").read_text()
    running = readme.split("## Running a class", 1)[1].split("\n## ", 1)[0]
    for phrase in ("make hub", "make classload", "deploy/", "docs/benchmarks.md", "student --git", "make hub-deps"):
        assert phrase in running, f"README 'Running a class' lacks {phrase!r}"
    held = re.search(r"Largest class held here: \*\*(\d+)\*\*", (ROOT / "docs" / "benchmarks.md").read_text())
    assert held, "docs/benchmarks.md must state the largest class held (python -m backcare classload --write)"
    assert f"held a class of\n  {held.group(1)} students" in running or f"held a class of {held.group(1)} students" \
        in " ".join(running.split())
