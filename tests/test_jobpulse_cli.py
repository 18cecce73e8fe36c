"""The README and the command stay in sync; every command's help has an example."""

from __future__ import annotations

import json
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
