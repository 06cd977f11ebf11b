"""backcare.cli: one command table; bare ``python -m backcare`` and ``--help`` list every command with one line each."""
from __future__ import annotations

import subprocess
import sys

import pytest

from backcare import cli


def test_every_command_in_the_table_resolves_to_a_function():
    assert {"lab", "test", "execute", "html", "content", "student", "bench", "lint", "slides", "quiz", "schema",
            "handouts"} <= set(cli.COMMANDS)
    for name, (_target, about) in cli.COMMANDS.items():
        assert callable(cli.command(name)), name
        assert about and "\n" not in about and len(about) < 100, name


def test_unknown_command_names_the_similar_one():
    with pytest.raises(ValueError, match=r"^'shema' is not a valid command; supported values are lab, .*"
                                         r"\(similar: schema\)$"):
        cli.command("shema")
    assert cli.main(["shema"]) == 2


@pytest.mark.parametrize("args", [[], ["--help"], ["-h"]])
def test_bare_and_help_print_every_command(args):
    done = subprocess.run([sys.executable, "-m", "backcare", *args], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "required" not in done.stdout + done.stderr
    listed = [line.split()[0] for line in done.stdout.splitlines() if line.startswith("  ")]
    assert listed == list(cli.COMMANDS)


def test_commands_pass_their_arguments_on(capsys):
    assert cli.main(["schema", "--check"]) == 0
    assert "schema files up to date" in capsys.readouterr().out
