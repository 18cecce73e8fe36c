"""Crashes and concurrency: SIGKILL mid-run loses nothing, a crawl and an extract share the database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crawler.runner import local_settings
from demo.crawl import demo_feed_settings
from demo.market import build_market
from demo.offline import store_market_pages
from demo.server import DemoServer
from extract.run import run_extraction
from store import open_db
from store.db import MIGRATIONS

ENV = {**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.settings"}


def _extract(db_path: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "jobpulse", "run", "--db", db_path, "--quiet"]
    return subprocess.Popen(command, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _extracted(db_path: str) -> int:
    db = open_db(db_path, migrate=False)
    try:
        return int(db.execute("select count(*) from pages where extracted_at is not null").fetchone()[0])
    finally:
        db.close()


def _counts(db_path: str) -> dict[str, int]:
    db = open_db(db_path)
    return {
        "postings": db["postings"].count,
        "distinct": db.execute(
            "select count(*) from (select distinct source, source_id from postings)"
        ).fetchone()[0],
        "skills": db["posting_skills"].count,
        "links": db["page_postings"].count,
        "pending": db.execute("select count(*) from pages where extracted_at is null").fetchone()[0],
    }


def test_extract_run_killed_repeatedly_then_finishes_like_a_clean_run(tmp_path: Path) -> None:
    market = build_market(postings=500)
    clean, crashed = str(tmp_path / "clean.db"), str(tmp_path / "crashed.db")
    for path in (clean, crashed):
        store_market_pages(open_db(path), market)
    run_extraction(open_db(clean))
    total = open_db(crashed)["pages"].count
    kills_mid_run = 0
    for _ in range(3):
        before = _extracted(crashed)
        process = _extract(crashed)
        deadline = time.monotonic() + 60
        # Kill as soon as this run has committed some pages (a point inside the work, not before it).
        while process.poll() is None and _extracted(crashed) <= before + 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills_mid_run += 0 < _extracted(crashed) < total
        process.wait(timeout=30)
    assert kills_mid_run >= 1
    finish = _extract(crashed)
    assert finish.wait(timeout=120) == 0
    db = open_db(crashed)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert _counts(crashed) == _counts(clean)
    assert _counts(crashed)["postings"] == _counts(crashed)["distinct"] == len(market.listings)


def test_crawl_and_extract_run_at_the_same_time(tmp_path: Path) -> None:
    market = build_market(postings=400)
    db_path = str(tmp_path / "jobs.db")
    open_db(db_path).close()
    with DemoServer(market) as server:
        sources = tmp_path / "sources.csv"
        sources.write_text(market.sources_csv(server.base_url), encoding="utf-8")
        command = [sys.executable, "-m", "scrapy", "crawlall", "--spiders", ",".join(market.spiders)]
        settings = {**local_settings(server.base_url, db_path, str(sources)), **demo_feed_settings()}
        for name, value in settings.items():
            command += ["-s", f"{name}={value}"]
        crawl = subprocess.Popen(command, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        extract_runs = 0
        while crawl.poll() is None:
            assert _extract(db_path).wait(timeout=120) == 0
            extract_runs += 1
        _, stderr = crawl.communicate(timeout=120)
        assert crawl.returncode == 0, stderr.decode()[-2000:]
    assert _extract(db_path).wait(timeout=120) == 0
    assert extract_runs >= 1
    counts = _counts(db_path)
    assert counts["pending"] == 0
    assert counts["postings"] == counts["distinct"] == len(market.listings)


def test_migrations_on_an_older_database_keep_rows(tmp_path: Path) -> None:
    path = str(tmp_path / "old.db")
    later = [m.name for m in MIGRATIONS._migrations[1:]]
    import sqlite_utils

    old = sqlite_utils.Database(path)
    MIGRATIONS.apply(old, stop_before=later)
    assert "crawl_runs" not in old.table_names()
    old.execute(
        "insert into pages (url, source, fetched_at, last_fetched_at, status, body, sha256) "
        "values ('u', 'lever', 't', 't', 200, '[]', 'h')"
    )
    old.execute("insert into postings (source, source_id, title) values ('lever', 'x', 'Data Analyst')")
    old.conn.commit()
    old.close()
    db = open_db(path)
    assert MIGRATIONS.pending(db) == []
    assert db["pages"].count == 1
    assert db.execute("select title from postings").fetchall() == [("Data Analyst",)]
    assert "closed_at" in db["postings"].columns_dict


@pytest.mark.parametrize("name", [m.name for m in MIGRATIONS._migrations])
def test_migration_names_are_ordered(name: str) -> None:
    names = [m.name for m in MIGRATIONS._migrations]
    assert names == sorted(names) and names.index(name) == int(name[1:4]) - 1
