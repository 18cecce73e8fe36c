"""SmartRecruiters: a posting detail that fails makes the board's listing incomplete, so nothing closes on it.

Served on 127.0.0.1: a first crawl stores both postings; in the second, one detail answers 500 (after
retries), 404 or a non-posting — the list still shows that posting, so ``extract run`` must not close it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.run import run_extraction
from store import open_db

FIXTURES = Path(__file__).parent / "fixtures" / "smartrecruiters"
JSON = "application/json"
ROW = "Vantarail,smartrecruiters,Vantarail,transportation & logistics,,false"
SR = "/smartrecruiters/v1/companies/Vantarail/postings"
IDS = ("744000012345678", "744000087654321")


def _serve(server, detail_b: tuple[int, str, bytes], *, listed: tuple[str, ...] = IDS) -> None:
    listing = json.loads((FIXTURES / "list.json").read_bytes())
    listing["content"] = [p for p in listing["content"] if p["id"] in listed]
    listing["totalFound"] = len(listing["content"])
    server.routes[SR] = (200, JSON, json.dumps(listing).encode())
    server.routes[f"{SR}/{IDS[0]}"] = (200, JSON, (FIXTURES / f"{IDS[0]}.json").read_bytes())
    server.routes[f"{SR}/{IDS[1]}"] = detail_b


def _closed(db_path: str) -> dict[str, str | None]:
    return dict(open_db(db_path).execute("select source_id, closed_at from postings").fetchall())


@pytest.mark.parametrize(
    ("detail_b", "reason"),
    [
        ((500, JSON, b'{"message":"internal error"}'), "HTTP 500 (after retries)"),
        ((404, JSON, b'{"message":"not found"}'), "listing incomplete: posting detail unusable (HTTP 404)"),
        ((200, JSON, b"{}"), "listing incomplete: posting detail unusable (HTTP 200)"),
        ((200, JSON, b"null"), "listing incomplete: posting detail unusable (HTTP 200)"),
    ],
)
def test_failed_detail_fails_the_board_and_closes_nothing(
    fixture_server, local_crawl, tmp_path: Path, detail_b: tuple[int, str, bytes], reason: str
) -> None:
    db_path = str(tmp_path / "jobs.db")
    _serve(fixture_server, (200, JSON, (FIXTURES / f"{IDS[1]}.json").read_bytes()))
    assert local_crawl([ROW], ["smartrecruiters"]).returncode == 0
    run_extraction(open_db(db_path))
    assert _closed(db_path) == dict.fromkeys(IDS)

    _serve(fixture_server, detail_b)
    result = local_crawl([ROW], ["smartrecruiters"])
    assert result.returncode == 1, result.stderr[-2000:]
    outcome, detail = (
        open_db(db_path)
        .execute("select outcome, detail from board_runs order by run_id desc limit 1")
        .fetchone()
    )
    assert outcome == "failed" and reason in detail, detail
    run_extraction(open_db(db_path))
    assert _closed(db_path) == dict.fromkeys(IDS)


def test_complete_listing_still_closes_what_it_no_longer_lists(
    fixture_server, local_crawl, tmp_path: Path
) -> None:
    db_path = str(tmp_path / "jobs.db")
    _serve(fixture_server, (200, JSON, (FIXTURES / f"{IDS[1]}.json").read_bytes()))
    assert local_crawl([ROW], ["smartrecruiters"]).returncode == 0
    run_extraction(open_db(db_path))
    _serve(fixture_server, (500, JSON, b"{}"), listed=IDS[:1])
    assert local_crawl([ROW], ["smartrecruiters"]).returncode == 0
    run_extraction(open_db(db_path))
    closed = _closed(db_path)
    assert closed[IDS[0]] is None and closed[IDS[1]] is not None
