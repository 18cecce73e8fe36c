"""Crawl runs and closing postings: only a complete, successful crawl of a board closes its postings."""

from __future__ import annotations

import re
import time

import pytest

from store.crawl_runs import finish_run, start_run
from store.pages import utc_now
from store.postings import close_missing_postings, upsert_posting


def _posting(db, source_id: str, last_seen: str, board: str = "acme") -> None:
    row = {"source": "greenhouse", "source_id": source_id, "board": board, "title": "x", "ai": "none",
           "first_seen": "2026-11-01T00:00:00Z", "last_seen": last_seen}  # fmt: skip
    with db.conn:
        upsert_posting(db, row, [], None)


def _run(db, started: str, outcome: str, reason: str = "finished", board: str = "acme") -> int:
    run_id = start_run(db, "greenhouse", started)
    finish_run(db, run_id, source="greenhouse", finished_at=started, reason=reason,
               outcomes={board: (outcome, "")}, pages=1, pages_new=1, errors=0)  # fmt: skip
    return run_id


def _closed(db) -> dict[str, str | None]:
    return dict(db.execute("select source_id, closed_at from postings order by source_id").fetchall())


@pytest.mark.parametrize(
    ("outcome", "reason", "closes"),
    [("ok", "finished", True), ("empty", "finished", True), ("failed", "finished", False),
     ("ok", "shutdown", False)],
)  # fmt: skip
def test_close_missing_postings_only_after_complete_crawl(
    db, outcome: str, reason: str, closes: bool
) -> None:
    _posting(db, "kept", "2026-11-08T00:05:00Z")
    _posting(db, "gone", "2026-11-01T00:05:00Z")
    _run(db, "2026-11-08T00:00:00Z", outcome, reason)
    close_missing_postings(db)
    assert _closed(db) == {"gone": "2026-11-08T00:00:00Z" if closes else None, "kept": None}


def test_close_missing_postings_leaves_other_boards(db) -> None:
    _posting(db, "other", "2026-11-01T00:05:00Z", board="zenith")
    _run(db, "2026-11-08T00:00:00Z", "ok")
    close_missing_postings(db)
    assert _closed(db) == {"other": None}


def test_close_missing_postings_reopens_when_seen_again(db) -> None:
    _posting(db, "back", "2026-11-01T00:05:00Z")
    _run(db, "2026-11-08T00:00:00Z", "ok")
    close_missing_postings(db)
    _posting(db, "back", "2026-11-15T00:05:00Z")
    close_missing_postings(db)
    assert _closed(db) == {"back": None}


@pytest.mark.parametrize(
    ("last_seen", "started", "closes"),
    [("2026-11-08T00:00:00.200Z", "2026-11-08T00:00:00.700Z", True),
     ("2026-11-08T00:00:00.999Z", "2026-11-08T00:00:01.000Z", True),
     ("2026-11-08T00:00:00.700Z", "2026-11-08T00:00:00.200Z", False),
     ("2026-11-08T00:00:00.500Z", "2026-11-08T00:00:00.500Z", False)],
)  # fmt: skip
def test_a_crawl_within_the_second_of_the_last_fetch_still_closes(
    db, last_seen: str, started: str, closes: bool
) -> None:
    _posting(db, "gone", last_seen)
    _run(db, started, "ok")
    close_missing_postings(db)
    assert _closed(db) == {"gone": started if closes else None}


def test_utc_now_is_to_the_millisecond_and_sorts_in_time_order() -> None:
    earlier = utc_now()
    time.sleep(0.002)
    later = utc_now()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", earlier)
    assert earlier < later


def test_finish_run_counts_outcomes(db) -> None:
    run_id = start_run(db, "lever", "2026-11-08T00:00:00Z")
    finish_run(db, run_id, source="lever", finished_at="2026-11-08T00:01:00Z", reason="finished",
               outcomes={"a": ("ok", "3 jobs"), "b": ("empty", "0 jobs"), "c": ("failed", "404")},
               pages=4, pages_new=2, errors=1)  # fmt: skip
    row = db.execute(
        "select boards_tried, boards_ok, boards_empty, boards_failed, pages from crawl_runs"
    ).fetchone()
    assert row == (3, 1, 1, 1, 4)
    assert db["board_runs"].count == 3
