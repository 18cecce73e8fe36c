"""The README and the command stay in sync; every command's help has an example."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobpulse.cli import cli

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def test_readme_names_only_existing_commands() -> None:
    named = set(re.findall(r"(?<![\w-])extract ([a-z]+)\b", README))
    assert named - set(cli.commands) == set()
    assert set(cli.commands) <= named


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_command_help_has_example(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_cli_error_is_one_line_without_traceback(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["report", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert "no database at" in result.output


def test_readme_test_command_is_what_ci_runs() -> None:
    commands = re.findall(r"```bash\n(.*?)\n```", README, re.DOTALL)
    ci = (Path(__file__).parent.parent / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert commands[1] == ci
