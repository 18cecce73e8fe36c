"""What a board sends instead of a payload is named in its failure: a JSON ``null`` is no "redirect loop"."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import open_db

JSON = "application/json"


@pytest.mark.parametrize(
    ("row", "path"),
    [
        ("A,greenhouse,acme,education,,false", "/greenhouse/v1/boards/acme/jobs"),
        ("A,lever,acme,education,,false", "/lever/v0/postings/acme"),
        ("A,ashby,acme,education,,false", "/ashby/posting-api/job-board/acme"),
        ("A,smartrecruiters,acme,education,,false", "/smartrecruiters/v1/companies/acme/postings"),
    ],
)
def test_json_null_fails_the_board_as_a_null_payload(
    fixture_server, local_crawl, tmp_path: Path, row: str, path: str
) -> None:
    fixture_server.routes[path] = (200, JSON, b"null")
    spider = row.split(",")[1]
    result = local_crawl([row], [spider])
    assert result.returncode == 1
    outcome, detail = (
        open_db(str(tmp_path / "jobs.db")).execute("select outcome, detail from board_runs").fetchone()
    )
    assert outcome == "failed" and detail.startswith("null payload (JSON null) from http://127.0.0.1"), detail
    assert "redirect loop" not in detail
