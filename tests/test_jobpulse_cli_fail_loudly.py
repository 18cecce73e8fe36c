"""Commands fail loudly: a wrong value, a missing database or a missing input is an error, never an empty
result with exit 0 (issue 12)."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from extract.inputs import FORMATS
from jobpulse.cli import cli
from report.render import CSV_COLUMNS, TABLES
from store import open_db


def _saved(db: sqlite_utils.Database, path: Path) -> str:
    """``db`` copied to the file ``path`` (the commands open databases by path)."""
    target = sqlite_utils.Database(str(path))
    db.conn.backup(target.conn)
    target.close()
    return str(path)


@pytest.mark.parametrize("command", [["report"], ["explain", "skill_shares/all/Python"]])
@pytest.mark.parametrize(
    ("args", "option", "listed"),
    [
        (["--segment", "function=enginering"], "'--segment'", "did you mean engineering?"),
        (["--segment", "role=ai engneer"], "'--segment'", "did you mean ai engineer"),
        (
            ["--segment", "industry=softwar & seniority=senior"],
            "'--segment'",
            "(valid: fintech, retail, software)",
        ),
        (["--segment", "seniority=seniour"], "'--segment'", "did you mean senior"),
        (["--segment", "source=greenhose"], "'--segment'", "did you mean greenhouse"),
        (["--segment", "colour=red"], "'--segment'", "unknown segment 'colour'"),
        (["--currency", "XYZ"], "'--currency'", "(valid: USD, EUR)"),
        (["--week", "2026-W99"], "'--week'", "2026 has ISO weeks 2026-W01 to 2026-W53"),
        (["--since", "2026-13-01"], "'--since'", "ISO date"),
        (["--min-n", "0"], "'--min-n'", "x>=1"),
    ],
)
def test_scope_options_reject_unknown_values(
    build_golden_db: Callable[[], sqlite_utils.Database],
    tmp_path: Path,
    command: list[str],
    args: list[str],
    option: str,
    listed: str,
) -> None:
    path = _saved(build_golden_db(), tmp_path / "jobs.db")
    result = CliRunner().invoke(cli, [*command, "--db", path, *args])
    assert result.exit_code == 2, result.output
    assert f"Invalid value for {option}" in result.output and listed in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["--segment", "function=healthcare"],  # in the vocabulary, if not in the database: truly empty
        ["--segment", "Industry = Software & role=AI Engineer"],  # text matches case-insensitively
        ["--currency", "eur"],
        ["--week", "2026-W53"],
    ],
)
def test_report_accepts_known_values(
    build_golden_db: Callable[[], sqlite_utils.Database], tmp_path: Path, args: list[str]
) -> None:
    path = _saved(build_golden_db(), tmp_path / "jobs.db")
    result = CliRunner().invoke(cli, ["report", "--db", path, "--format", "json", *args])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "command", [["run"], ["report"], ["explain", "skill_shares/all/Python"], ["run", "--quiet"]]
)
def test_commands_create_no_database_at_a_wrong_path(tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "typo.db"
    result = CliRunner().invoke(cli, [*command, "--db", str(path)])
    assert result.exit_code == 1 and f"no database at {path}" in result.output
    assert list(tmp_path.iterdir()) == []


def test_run_create_makes_the_database(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    result = CliRunner().invoke(cli, ["run", "--db", str(path), "--create", "--quiet"])
    assert result.exit_code == 0, result.output
    assert path.exists() and "pages read 0" in result.output


def test_report_csv_of_an_empty_database_has_every_header(tmp_path: Path) -> None:
    open_db(str(tmp_path / "jobs.db")).close()
    out = tmp_path / "csv"
    result = CliRunner().invoke(
        cli, ["report", "--db", str(tmp_path / "jobs.db"), "--format", "csv", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    for table in TABLES:
        with (out / f"{table}.csv").open(encoding="utf-8") as handle:
            assert next(csv.reader(handle)) == CSV_COLUMNS[table]


def test_report_csv_needs_its_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    open_db(str(tmp_path / "jobs.db")).close()
    result = CliRunner().invoke(cli, ["report", "--db", str(tmp_path / "jobs.db"), "--format", "csv"])
    assert result.exit_code == 2 and "-o DIR" in result.output
    assert list(here.iterdir()) == []


def test_parse_without_file_on_a_terminal_prints_usage(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("jobpulse.cli._stdin_is_terminal", lambda: True)
    result = CliRunner().invoke(cli, ["parse"])
    assert result.exit_code == 2
    assert "Usage: cli parse [OPTIONS] [FILE]" in result.output and "standard input" in result.output


def test_parse_help_lists_the_input_formats() -> None:
    result = CliRunner().invoke(cli, ["parse", "--help"])
    assert result.exit_code == 0
    assert " | ".join(FORMATS) in " ".join(result.output.split())


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_command_help_says_what_exit_codes_mean(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert "Exit codes: 0" in " ".join(result.output.split())
