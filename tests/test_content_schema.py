"""The committed JSON Schemas match the models (regenerate and diff), and the CLI entry points work."""
from __future__ import annotations

import json
import subprocess
import sys

from backcare.content import schema, summary
from backcare.content.models import FILES
from backcare.content.registry import REGISTRY
from backcare.paths import content_dir


def test_committed_schemas_are_current(tmp_path):
    """ONE function writes every registered file's schema: regenerate into a scratch folder and diff."""
    written = schema.write_schemas(tmp_path)
    names = [p.relative_to(tmp_path).as_posix() for p in written]
    assert {f"schema/{n.replace('.yaml', '.json')}" for n in FILES} <= set(names)
    assert {"quiz/question_bank.schema.json", "glossary.schema.json", "chapters/schema/vignettes.json",
            "chapters/schema/06_comparing_options.json", "schema/teaching.json"} <= set(names)
    assert len(names) == len([e for e in REGISTRY if e.schema])
    for path, name in zip(written, names):
        committed = content_dir() / name
        assert committed.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), (
            f"{committed} is stale: run python -m backcare schema")
    assert schema.stale_schemas() == []


def test_schema_forbids_unknown_keys_and_lists_allowed_values():
    treatments = json.loads((content_dir() / "schema" / "treatments.json").read_text(encoding="utf-8"))
    t = treatments["$defs"]["Treatment"]
    assert t["additionalProperties"] is False
    assert t["properties"]["tier"]["enum"] == ["self_care", "non_invasive", "medicine", "injection_procedure",
                                               "implanted_device", "surgery"]
    assert t["properties"]["invasiveness"]["enum"] == [0, 1, 2, 3, 4, 5]


def test_check_reports_stale_schemas(tmp_path, capsys):
    schema.write_schemas(tmp_path)
    (tmp_path / "schema" / "facts.json").write_text("{}\n")
    (tmp_path / "quiz" / "question_bank.schema.json").unlink()
    assert schema.main(["--check", "--dir", str(tmp_path)]) == 1
    assert "stale or missing: schema/facts.json, quiz/question_bank.schema.json" in capsys.readouterr().err


def test_summary_prints_counts_and_open_items(capsys):
    assert summary.main(["--summary"]) == 0
    out = capsys.readouterr().out
    assert "treatments.yaml      39 treatments" in out
    assert "Positions per guideline" in out and "  CDC     2: only_if 2" in out
    assert "Facts still approximate:" in out and "  danve_axspa_share_chronic (?)" in out
    assert "  acupuncture: ACP for; NICE against; WHO for" in out


def test_summary_lists_no_checked_fact_as_still_approximate(capsys):
    assert summary.main(["--summary"]) == 0
    out = capsys.readouterr().out
    section = out.split("Facts still approximate:")[1].split("Checked facts (✔)")[0]
    listed = [line.strip() for line in section.splitlines()[1:] if line.startswith("  ")]
    assert listed and not [line for line in listed if line.endswith("(✔)")], listed
    assert "  gbd_share_of_all_ylds_2020" in out.split("Checked facts (✔) that their source reports as approximate")[1]


def test_summary_on_broken_content_exits_1_without_traceback(tmp_path, capsys):
    assert summary.main(["--root", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("7 problems in course content:")
    assert "Traceback" not in out


def test_module_entry_point_runs():
    done = subprocess.run([sys.executable, "-m", "backcare.content", "--summary"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Content files\n")
