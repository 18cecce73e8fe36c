"""Faults while crawling: each ends as a recorded outcome for its board, the crawl goes on, stored pages stay."""

from __future__ import annotations

import http.server
from pathlib import Path

import pytest

from crawler.runner import local_settings, run_crawl
from store import open_db

GOOD = (Path(__file__).parent / "fixtures" / "greenhouse" / "board.json").read_bytes()
SOURCES = (
    "company,ats,board,industry,url,verified\n"
    "Faulty,greenhouse,faulty,education,,false\n"
    "Healthy,greenhouse,healthy,education,,false\n"
)
FAULT_PATH = "/greenhouse/v1/boards/faulty/jobs"


def _crawl(
    server: http.server.ThreadingHTTPServer, tmp_path: Path, db_path: str, exit_code: int = 0
) -> tuple[str, str]:
    base = f"http://127.0.0.1:{server.server_address[1]}"
    sources = tmp_path / "sources.csv"
    sources.write_text(SOURCES, encoding="utf-8")
    settings = {**local_settings(base, db_path, str(sources)), "DOWNLOAD_TIMEOUT": "1", "RETRY_TIMES": "1",
                "DOWNLOAD_MAXSIZE": "100000", "DOWNLOAD_WARNSIZE": "0", "REDIRECT_MAX_TIMES": "3"}  # fmt: skip
    result = run_crawl(settings, spiders=["greenhouse"])
    assert result.returncode == exit_code, result.stderr[-3000:]
    return result.stdout, result.stderr


def _outcomes(db_path: str) -> dict[str, tuple[str, str]]:
    rows = (
        open_db(db_path).execute("select board, outcome, detail from board_runs order by run_id").fetchall()
    )
    return {board: (outcome, detail) for board, outcome, detail in rows}


FAULTS = [
    ("500", "500"),
    ("502", "502"),
    ("503", "503"),
    ("timeout", "timeout"),
    ("reset", "connection"),
    ("truncated", ""),
    ("redirect-loop", "dropped"),
    ("huge", "size"),
    ("bad-gzip", ""),
]


@pytest.mark.parametrize(("fault", "reason_word"), FAULTS)
def test_fault_fails_only_its_board_and_keeps_stored_pages(
    fault_server, tmp_path: Path, fault: str, reason_word: str
) -> None:
    db_path = str(tmp_path / "jobs.db")
    fault_server.good = GOOD
    _crawl(fault_server, tmp_path, db_path)
    before = open_db(db_path).execute("select id, sha256, body from pages order by id").fetchall()
    assert len(before) == 2
    fault_server.faults[FAULT_PATH] = fault
    _crawl(fault_server, tmp_path, db_path, exit_code=1)
    outcomes = _outcomes(db_path)
    assert outcomes["healthy"][0] == "ok"
    assert outcomes["faulty"][0] == "failed", outcomes
    assert reason_word.lower() in outcomes["faulty"][1].lower()
    assert open_db(db_path).execute("select id, sha256, body from pages order by id").fetchall() == before


def test_429_with_retry_after_is_retried_then_ok(fault_server, tmp_path: Path) -> None:
    fault_server.good = GOOD
    fault_server.faults[FAULT_PATH] = "429-then-ok"
    db_path = str(tmp_path / "jobs.db")
    _crawl(fault_server, tmp_path, db_path)
    assert _outcomes(db_path)["faulty"][0] == "ok"
    assert fault_server.hits[FAULT_PATH] == 2


def test_wrong_content_type_still_reads_json(fault_server, tmp_path: Path) -> None:
    fault_server.good = GOOD
    fault_server.faults[FAULT_PATH] = "wrong-type"
    db_path = str(tmp_path / "jobs.db")
    _crawl(fault_server, tmp_path, db_path)
    assert _outcomes(db_path)["faulty"][0] == "ok"


def test_robots_disallow_is_obeyed_and_reported(fault_server, tmp_path: Path) -> None:
    fault_server.good = GOOD
    fault_server.robots = "User-agent: *\nDisallow: /greenhouse/v1/boards/faulty\n"
    db_path = str(tmp_path / "jobs.db")
    _crawl(fault_server, tmp_path, db_path, exit_code=1)
    outcomes = _outcomes(db_path)
    assert outcomes["faulty"][0] == "failed" and "robots" in outcomes["faulty"][1].lower()
    assert FAULT_PATH not in fault_server.hits
    assert outcomes["healthy"][0] == "ok"


def test_redirect_to_another_site_is_dropped(fault_server, tmp_path: Path) -> None:
    fault_server.good = GOOD
    fault_server.faults[FAULT_PATH] = "redirect-offsite"
    db_path = str(tmp_path / "jobs.db")
    _crawl(fault_server, tmp_path, db_path, exit_code=1)
    outcomes = _outcomes(db_path)
    assert outcomes["faulty"][0] == "failed" and "offsite" in outcomes["faulty"][1]
    assert "/elsewhere" not in fault_server.hits
    assert outcomes["healthy"][0] == "ok"
