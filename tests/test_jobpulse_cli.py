"""The README and the command stay in sync; every command's help has an example."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from click.testing import CliRunner

from jobpulse.cli import cli
from store import open_db

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


def _golden_file(tmp_path: Path, build_golden_db: Callable[[], sqlite_utils.Database]) -> str:
    path = tmp_path / "jobs.db"
    target = open_db(path)
    build_golden_db().conn.backup(target.conn)
    target.close()
    return str(path)


@pytest.mark.parametrize(
    ("args", "check"),
    [
        (["--ai-definition", "any-ai-skill"], lambda r: r["methodology"]["ai_definition"] == "any-ai-skill"),
        (
            [
                "--weight",
                "industry",
                "--reference",
                str(Path(__file__).parent / "fixtures/reference/industry.csv"),
            ],
            lambda r: (
                r["weighted"]["by"] == "industry"
                and r["weighted"]["overall"]["ai_share_weighted"]["weighted"]
            ),
        ),
    ],
)
def test_report_ai_definition_and_weight_options(
    tmp_path: Path, build_golden_db: Callable[[], sqlite_utils.Database], args: list[str], check: Any
) -> None:
    db = _golden_file(tmp_path, build_golden_db)
    result = CliRunner().invoke(cli, ["report", "--db", db, "--format", "json", "--min-n", "3", *args])
    assert result.exit_code == 0, result.output
    assert check(json.loads(result.output))


def test_report_weight_without_reference_says_how(
    tmp_path: Path, build_golden_db: Callable[[], sqlite_utils.Database]
) -> None:
    db = _golden_file(tmp_path, build_golden_db)
    result = CliRunner().invoke(cli, ["report", "--db", db, "--weight", "industry"])
    assert result.exit_code != 0 and "--reference FILE" in result.output
