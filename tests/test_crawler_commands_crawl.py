"""``scrapy crawl <spider>``: ``--db``, the per-board summary, exit codes, an unknown spider without a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.runner import local_settings
from crawler.spiders import kinds
from store import open_db

BOARD = (Path(__file__).parent / "fixtures" / "greenhouse" / "board.json").read_bytes()
JSON = "application/json"
ROWS = "company,ats,board,industry,url,verified\nA,greenhouse,good,education,,false\n"


def _scrapy(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.settings"}
    command = [sys.executable, "-m", "scrapy", *args]
    return subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, check=False)


@pytest.mark.parametrize(("served", "code"), [(True, 0), (False, 1)])
def test_crawl_db_option_summary_and_exit_code(
    fixture_server, tmp_path: Path, served: bool, code: int
) -> None:
    if served:
        fixture_server.routes["/greenhouse/v1/boards/good/jobs"] = (200, JSON, BOARD)
    sources = tmp_path / "sources.csv"
    sources.write_text(ROWS, encoding="utf-8")
    settings = local_settings(f"http://127.0.0.1:{fixture_server.server_address[1]}", "", str(sources))
    del settings["JOBS_DB"]
    options = [part for name, value in settings.items() for part in ("-s", f"{name}={value}")]
    db = tmp_path / "w48.db"
    result = _scrapy("crawl", "greenhouse", "-a", "board=good", "--db", str(db), *options, cwd=tmp_path)
    assert result.returncode == code, result.stderr[-2000:]
    assert f"greenhouse   good                         {'ok' if served else 'failed'}" in result.stdout
    assert (open_db(str(db))["pages"].count == 1) is served
    assert not (tmp_path / "jobs.db").exists()


def test_crawl_unknown_spider_is_one_line_and_the_list(tmp_path: Path) -> None:
    result = _scrapy("crawl", "levr", cwd=tmp_path)
    assert result.returncode == 2
    assert "unknown spider 'levr' (did you mean 'lever'?)" in result.stderr
    assert f"spiders: {', '.join(kinds())}" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) <= 6
