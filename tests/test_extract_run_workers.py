"""``extract run --workers N``: the same database as one process, and signatures reused or backfilled."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from demo.market import build_market
from demo.offline import store_market_pages
from extract.run import run_extraction
from jobpulse.cli import cli
from store import open_db
from store.pages import save_page

# Columns that say when a row was written, not what it holds.
_WHEN = {"extracted_at", "first_seen", "last_seen", "fetched_at", "last_fetched_at", "closed_at"}
_TABLES = {
    "postings": "id",
    "posting_skills": "posting_id, skill, start",
    "posting_signatures": "posting_id",
    "page_postings": "page_id, posting_id",
    "pages": "id",
}


def _market_db(path: Path) -> sqlite_utils.Database:
    db = open_db(path)
    store_market_pages(db, build_market(postings=400))
    # A page that cannot be read: a worker must report it exactly as one process does.
    save_page(db, url="https://example.test/broken", source="greenhouse", board="broken", status=200,
              content_type="application/json", body='{"jobs": [')  # fmt: skip
    # Hostile pages (tests/fixtures/hostile): one raises in its reader, one carries lone surrogates.
    save_page(db, url="https://example.test/nested", source="lever", board="broken", status=200,
              content_type="application/json", body="[" * 100_000 + "]" * 100_000)  # fmt: skip
    hostile = Path(__file__).parent / "fixtures" / "hostile" / "greenhouse-surrogates.json"
    save_page(db, url="https://example.test/hostile", source="greenhouse", board="hostile", status=200,
              content_type="application/json", body=hostile.read_text("utf-8"))  # fmt: skip
    return db


def _contents(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(path) as conn:
        contents = {}
        for table, order in _TABLES.items():
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in _WHEN]
            quoted = ", ".join(f'"{c}"' for c in columns if c != "body")
            contents[table] = conn.execute(f"SELECT {quoted} FROM {table} ORDER BY {order}").fetchall()
    return contents


@pytest.fixture(scope="module")
def one_and_two_workers(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[str]]:
    one, two = (tmp_path_factory.mktemp(name) / "jobs.db" for name in ("one", "two"))
    summaries = [run_extraction(_market_db(one)), run_extraction(_market_db(two), workers=2)]
    assert summaries[0].line() == summaries[1].line()
    return one, two, summaries[1].error_messages


def test_two_workers_write_the_same_rows_as_one(one_and_two_workers: tuple[Path, Path, list[str]]) -> None:
    one, two, _ = one_and_two_workers
    first, second = _contents(one), _contents(two)
    assert len(first["postings"]) > 300
    assert len(first["posting_signatures"]) == len(first["postings"])
    for table in _TABLES:
        assert first[table] == second[table], table


def test_a_worker_reports_an_unreadable_page(one_and_two_workers: tuple[Path, Path, list[str]]) -> None:
    _, two, errors = one_and_two_workers
    assert len(errors) == 2
    assert "https://example.test/broken" in errors[0]
    assert "https://example.test/nested" in errors[1] and "RecursionError" in errors[1]
    with sqlite3.connect(two) as conn:
        reasons = [
            r for (r,) in conn.execute("SELECT extract_error FROM pages WHERE board = 'broken' ORDER BY id")
        ]
        hostile = conn.execute("SELECT count(*) FROM postings WHERE board = 'hostile'").fetchone()
    assert reasons == errors
    assert hostile == (2,)


def test_missing_signatures_are_backfilled_with_the_same_duplicates(tmp_path: Path) -> None:
    db = _market_db(tmp_path / "jobs.db")
    run_extraction(db)
    marks = db.execute("SELECT id, duplicate_of FROM postings ORDER BY id").fetchall()
    signatures = db.execute("SELECT * FROM posting_signatures ORDER BY posting_id").fetchall()
    assert any(duplicate for _, duplicate in marks)
    # As a database extracted before signatures were kept: the next run computes them from descriptions.
    db.execute("DELETE FROM posting_signatures")
    db.conn.commit()
    summary = run_extraction(db)
    assert summary.pages == 0
    assert db.execute("SELECT * FROM posting_signatures ORDER BY posting_id").fetchall() == signatures
    assert db.execute("SELECT id, duplicate_of FROM postings ORDER BY id").fetchall() == marks


def test_workers_must_be_positive(db: sqlite_utils.Database, db_path: str) -> None:
    with pytest.raises(ValueError, match="workers"):
        run_extraction(db, workers=0)
    result = CliRunner().invoke(cli, ["run", "--db", db_path, "--workers", "0"])
    assert result.exit_code == 2 and "--workers" in result.output


def test_workers_read_a_database_in_memory_from_the_pages_sent() -> None:
    # A database in memory has no file for workers to open: the writer sends them the pages instead.
    one, two = open_db(":memory:"), open_db(":memory:")
    for db in (one, two):
        store_market_pages(db, build_market(postings=60))
    run_extraction(one)
    run_extraction(two, workers=2)
    query = "SELECT id, source_id, title, role, seniority, duplicate_of FROM postings ORDER BY id"
    assert one.execute(query).fetchall() == two.execute(query).fetchall()
    assert len(one.execute(query).fetchall()) >= 60
