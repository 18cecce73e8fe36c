"""``scrapy crawlall``: exit codes (0 clean, 1 a board failed, 2 usage), ``--db``, an unknown spider name."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from crawler.commands.crawlall import exit_code, unknown_spiders
from crawler.runner import crawl_command, local_settings
from crawler.spiders import kinds
from store import open_db

BOARD = (Path(__file__).parent / "fixtures" / "greenhouse" / "board.json").read_bytes()
EMPTY = (Path(__file__).parent / "fixtures" / "greenhouse" / "empty.json").read_bytes()
JSON = "application/json"
ROWS = "company,ats,board,industry,url,verified\nA,greenhouse,good,education,,false\nB,greenhouse,gone,education,,false\n"


def _command(server, tmp_path: Path, db: str) -> tuple[list[str], dict[str, str]]:
    base = f"http://127.0.0.1:{server.server_address[1]}"
    sources = tmp_path / "sources.csv"
    sources.write_text(ROWS, encoding="utf-8")
    settings = local_settings(base, "", str(sources))
    del settings["JOBS_DB"]  # where pages go is --db's to say
    command, env = crawl_command(settings, ["greenhouse"])
    return [*command, "--db", db], env


def _run(command: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, check=False)


@pytest.mark.parametrize(("gone", "code"), [(False, 0), (True, 1)])
def test_crawlall_exit_code_says_whether_a_board_failed(
    fixture_server, tmp_path: Path, gone: bool, code: int
) -> None:
    fixture_server.routes["/greenhouse/v1/boards/good/jobs"] = (200, JSON, BOARD)
    if not gone:
        fixture_server.routes["/greenhouse/v1/boards/gone/jobs"] = (200, JSON, EMPTY)
    db = tmp_path / "elsewhere" / "crawl.db"
    command, env = _command(fixture_server, tmp_path, str(db))
    result = _run(command, env, tmp_path)
    assert result.returncode == code, result.stderr[-2000:]
    # The summary is printed either way; --db decided where the pages went (not ./jobs.db).
    assert "greenhouse   good" in result.stdout and "greenhouse   gone" in result.stdout
    assert ("failed" in result.stdout) is gone
    assert open_db(str(db))["pages"].count >= 1
    assert not (tmp_path / "jobs.db").exists()


@pytest.mark.parametrize(("spiders", "message"), [("levr", "unknown spider 'levr' (did you mean 'lever'?)"),
                                                  ("lever,nope", "unknown spider 'nope'")])  # fmt: skip
def test_crawlall_unknown_spider_is_one_line_and_the_list(tmp_path: Path, spiders: str, message: str) -> None:
    command, env = crawl_command({}, None)
    result = _run([*command, "--spiders", spiders], env, tmp_path)
    assert result.returncode == 2
    assert message in result.stderr and f"spiders: {', '.join(kinds())}" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) <= 6


@pytest.mark.parametrize(
    ("outcomes", "problems", "code"),
    [
        (["ok", "empty", "skipped"], [], 0),
        ([], [], 0),
        (["ok", "failed"], [], 1),
        (["ok"], ["lever: the crawl did not finish (shutdown)"], 1),
    ],
)
def test_exit_code_is_one_when_anything_failed(outcomes: list[str], problems: list[str], code: int) -> None:
    assert exit_code([("s", f"b{n}", o, "") for n, o in enumerate(outcomes)], problems) == code


def test_unknown_spiders_lists_every_spider() -> None:
    message = unknown_spiders(["grenhouse"], ["greenhouse", "lever"])
    assert message == "unknown spider 'grenhouse' (did you mean 'greenhouse'?)\nspiders: greenhouse, lever"
