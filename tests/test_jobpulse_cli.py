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


def test_explain_lists_the_postings_behind_a_row_in_each_format(tmp_path: Path) -> None:
    from store import open_db
    from store.postings import upsert_posting

    path = str(tmp_path / "jobs.db")
    db = open_db(path)
    with db.conn:
        for i, skills in enumerate([[{"skill": "Python", "preferred": 0}], []]):
            row = {
                "source": "lever",
                "source_id": str(i),
                "title": f"Job {i}",
                "first_seen": "2026-11-16T09:00:00Z",
            }
            upsert_posting(db, row, skills, None)
    db.close()
    args = ["explain", "skill_shares/all/Python", "--db", path]
    shown = CliRunner().invoke(cli, [*args, "--format", "json"])
    assert shown.exit_code == 0, shown.output
    result = json.loads(shown.output)
    assert (result["n"], len(result["numerator"]), len(result["denominator"])) == (2, 1, 2)
    csv_text = CliRunner().invoke(cli, [*args, "--format", "csv"]).output
    assert csv_text.splitlines()[0].startswith("figure_id,list,id,") and len(csv_text.splitlines()) == 4
    table = CliRunner().invoke(cli, [*args, "--week", "2026-W47"]).output
    assert "numerator: 1 postings" in table and "Job 0" in table
    missing = CliRunner().invoke(cli, ["explain", "skill_shares/all/Cobol", "--db", path])
    assert missing.exit_code == 2 and "no row 'skill_shares/all/Cobol'" in missing.output


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


def test_report_weight_with_a_missing_reference_file_is_a_usage_error(
    tmp_path: Path, build_golden_db: Callable[[], sqlite_utils.Database]
) -> None:
    db = _golden_file(tmp_path, build_golden_db)
    missing = str(tmp_path / "no-such-reference.csv")
    result = CliRunner().invoke(cli, ["report", "--db", db, "--weight", "occupation", "--reference", missing])
    assert result.exit_code == 2 and "'--reference'" in result.output and missing in result.output


@pytest.mark.parametrize(("dimension", "source"), [("industry", "JOLTS"), ("occupation", "OEWS")])
def test_report_weight_uses_the_shipped_reference(
    tmp_path: Path, build_golden_db: Callable[[], sqlite_utils.Database], dimension: str, source: str
) -> None:
    db = _golden_file(tmp_path, build_golden_db)
    result = CliRunner().invoke(cli, ["report", "--db", db, "--weight", dimension, "--format", "json"])
    assert result.exit_code == 0, result.output
    weighted = json.loads(result.output)["weighted"]
    assert weighted["by"] == dimension and source in weighted["reference"]["source"]


def test_explain_takes_the_reports_figure_options(
    tmp_path: Path, build_golden_db: Callable[[], sqlite_utils.Database]
) -> None:
    db = _golden_file(tmp_path, build_golden_db)
    reference = str(Path(__file__).parent / "fixtures/reference/occupation.csv")
    args = ["explain", "weighted/stratum/15", "--db", db, "--format", "json", "--weight", "occupation"]
    result = CliRunner().invoke(cli, [*args, "--reference", reference, "--ai-definition", "any-ai-skill"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.output)["postings"]) == 9  # the engineers: SOC major group 15


def test_readme_says_to_use_the_venv_for_the_later_commands() -> None:
    first_steps = README[: README.index("## The flow")]
    assert "source .venv/bin/activate" in first_steps and "`.venv/bin/extract …`" in first_steps


def test_readme_installs_datasette_through_the_serve_extra() -> None:
    import tomllib

    pyproject = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    assert any(dep.startswith("datasette") for dep in pyproject["project"]["optional-dependencies"]["serve"])
    assert 'pip install -e ".[serve]"' in README


def test_readme_says_what_each_exit_code_means() -> None:
    table = README[README.index("Exit codes of the `extract` commands") :].split("\n\n")[1]
    assert [row.split("|")[1].strip() for row in table.splitlines()[2:]] == ["0", "1", "2"]
