"""A page that cannot be written fails its board, keeps the run from reading "finished", exits 1, closes nothing.

The write failure is made by a trigger that aborts writes of one board's pages with SQLite's own message
for a full disk (the same ``sqlite3.Error`` a database locked past its busy timeout raises), served from
127.0.0.1 beside a healthy board.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

import crawler.settings
from crawler.items import RawPage
from crawler.pipelines.store_pages import StorePagesPipeline
from crawler.spiders import spider_class
from extract.run import run_extraction
from store import open_db

PROJECT = {name: value for name, value in vars(crawler.settings).items() if name.isupper()}

BOARD = (Path(__file__).parent / "fixtures" / "greenhouse" / "board.json").read_bytes()
JSON = "application/json"
ROWS = ["Broken,greenhouse,broken,education,,false", "Healthy,greenhouse,healthy,education,,false"]
FULL = "database or disk is full"


def _serve(server) -> None:
    # The healthy board lists the same jobs under other ids: a posting belongs to one board.
    healthy = json.loads(BOARD)
    for job in healthy["jobs"]:
        job["id"] = int(job["id"]) + 1
    server.routes["/greenhouse/v1/boards/broken/jobs"] = (200, JSON, BOARD)
    server.routes["/greenhouse/v1/boards/healthy/jobs"] = (200, JSON, json.dumps(healthy).encode())


def _break_writes(db_path: str, when: str) -> None:
    """Every write of board ``broken``'s pages fails from now on (``when``: INSERT, or UPDATE too)."""
    db = open_db(db_path)
    for event in ("INSERT", "UPDATE") if when == "always" else ("INSERT",):
        db.execute(
            f"""CREATE TRIGGER broken_{event.lower()} BEFORE {event} ON pages WHEN NEW.board = 'broken'
                BEGIN SELECT RAISE(ABORT, '{FULL}'); END"""
        )
    db.conn.commit()
    db.close()


def _runs(db_path: str) -> list[tuple[str, str, str]]:
    db = open_db(db_path)
    sql = """select cr.finish_reason, br.board, br.outcome || ': ' || br.detail from board_runs br
             join crawl_runs cr on cr.id = br.run_id where cr.id = (select max(id) from crawl_runs) order by br.board"""
    return db.execute(sql).fetchall()


def test_failed_write_fails_the_board_and_the_run(fixture_server, local_crawl, tmp_path: Path) -> None:
    db_path = str(tmp_path / "jobs.db")
    _serve(fixture_server)
    _break_writes(db_path, "insert")
    result = local_crawl(ROWS, ["greenhouse"])
    assert result.returncode == 1, result.stderr[-2000:]
    (reason, broken, broken_outcome), (_, healthy, healthy_outcome) = _runs(db_path)
    assert (broken, healthy) == ("broken", "healthy")
    assert broken_outcome.startswith("failed: page not stored") and FULL in broken_outcome
    assert healthy_outcome.startswith("ok")
    assert reason == "finished; 1 pages not stored"
    assert "greenhouse: 1 pages not stored" in result.stdout
    assert open_db(db_path).execute("select board from pages").fetchall() == [("healthy",)]


def test_failed_write_closes_no_posting(fixture_server, local_crawl, tmp_path: Path) -> None:
    db_path = str(tmp_path / "jobs.db")
    _serve(fixture_server)
    assert local_crawl(ROWS, ["greenhouse"]).returncode == 0
    run_extraction(open_db(db_path))
    before = open_db(db_path).execute("select count(*) from postings where board = 'broken'").fetchone()[0]
    assert before > 0
    # A week later the board lists the same jobs, but its page cannot be written (not even last_fetched_at).
    _break_writes(db_path, "always")
    assert local_crawl(ROWS, ["greenhouse"]).returncode == 1
    run_extraction(open_db(db_path))
    closed = (
        open_db(db_path).execute("select count(*) from postings where closed_at is not null").fetchone()[0]
    )
    assert closed == 0


def test_locked_database_fails_the_board_not_the_crawl(tmp_path: Path) -> None:
    """The database locked by another writer past the busy timeout (0 here): the page's board fails."""
    db_path = str(tmp_path / "jobs.db")
    spidercls = spider_class("greenhouse")
    crawler = get_crawler(spidercls, {**PROJECT, "JOBS_DB": db_path})
    crawler.spider = spidercls.from_crawler(crawler)
    pipeline = StorePagesPipeline.from_crawler(crawler)
    pipeline.open_spider()
    pipeline.db.execute("PRAGMA busy_timeout = 0")
    other = sqlite3.connect(db_path)
    other.execute("BEGIN EXCLUSIVE")
    page = RawPage(url="http://127.0.0.1/x", source="greenhouse", board="acme", status=200,
                   content_type="application/json; charset=utf-8", body="{}", fetched_at="2026-11-30T00:00:00Z")  # fmt: skip
    with pytest.raises(DropItem, match="database is locked"):
        pipeline.process_item(page)
    other.rollback()
    pipeline.close_spider()
    outcome, detail = crawler.spider.final_outcomes()["acme"]
    assert outcome == "failed" and detail.startswith("page not stored (OperationalError: database is locked)")
    assert crawler.stats.get_value("jobpulse/pages/write_failed") == 1
