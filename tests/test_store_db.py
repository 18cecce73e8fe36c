"""The store: migrations, views recreated on open, WAL, idempotent page and posting upserts."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import open_db, resolve_db_path
from store.db import MIGRATIONS
from store.pages import mark_extracted, pending_pages, save_page
from store.postings import refresh_last_seen, upsert_posting
from store.views import VIEWS, view_sql, views_stale

PUBLIC_COLUMNS = {
    "pages": {"url", "source", "board", "fetched_at", "status", "content_type", "body", "sha256"},
    "postings": {
        "id", "source", "source_id", "company", "title", "url", "location", "remote", "employment_type",
        "posted", "first_seen", "last_seen", "description", "function", "role", "seniority", "industry", "ai",
        "salary_min", "salary_max", "salary_currency", "salary_period", "salary_annual_min", "salary_annual_max",
        "salary_kind", "salary_source", "extractor_version",
    },
    "posting_skills": {"posting_id", "skill", "preferred", "surface", "start", "end"},
    "skills": {"name", "category", "ai", "groups"},
}  # fmt: skip


@pytest.mark.parametrize("table", sorted(PUBLIC_COLUMNS))
def test_open_db_has_public_schema(db, table: str) -> None:
    assert PUBLIC_COLUMNS[table] <= set(db[table].columns_dict)


def test_open_db_file_uses_wal_and_migrates_once(db_path: str) -> None:
    first = open_db(db_path)
    assert first.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    applied = [m.name for m in MIGRATIONS.applied(first)]
    first.close()
    again = open_db(db_path)
    assert [m.name for m in MIGRATIONS.applied(again)] == applied
    assert MIGRATIONS.pending(again) == []


@pytest.mark.parametrize(
    ("explicit", "env", "expected"),
    [("a.db", "b.db", "a.db"), (None, "b.db", "b.db"), (None, None, "jobs.db")],
)
def test_resolve_db_path_prefers_flag_then_env(monkeypatch, explicit, env, expected) -> None:
    if env:
        monkeypatch.setenv("JOBS_DB", env)
    else:
        monkeypatch.delenv("JOBS_DB", raising=False)
    assert resolve_db_path(explicit) == expected


def _page(db, body: str = "{}", at: str = "2026-11-20T10:00:00Z") -> tuple[int, bool]:
    return save_page(db, url="http://x/a", source="greenhouse", board="x", status=200,
                     content_type="application/json", body=body, fetched_at=at)  # fmt: skip


def test_save_page_identical_refetch_adds_no_row_but_moves_last_fetched(db) -> None:
    first_id, new = _page(db)
    again_id, new_again = _page(db, at="2026-11-27T10:00:00Z")
    assert (new, new_again, first_id) == (True, False, again_id)
    assert db["pages"].count == 1
    assert db.execute("select last_fetched_at from pages").fetchone()[0] == "2026-11-27T10:00:00Z"


def test_save_page_changed_content_adds_row(db) -> None:
    _page(db, body='{"jobs": []}')
    _page(db, body='{"jobs": [1]}')
    assert db["pages"].count == 2


def test_pending_pages_skips_extracted(db) -> None:
    page_id, _ = _page(db)
    _page(db, body="[]")
    with db.conn:
        mark_extracted(db, page_id, "test")
    pending = [p.id for batch in pending_pages(db) for p in batch]
    everything = [p.id for batch in pending_pages(db, everything=True) for p in batch]
    assert len(pending) == 1 and page_id not in pending
    assert len(everything) == 2


def _row(**overrides: object) -> dict[str, object]:
    row: dict[str, object] = {"source": "lever", "source_id": "abc", "title": "Data Engineer", "ai": "none",
                              "first_seen": "2026-11-20T10:00:00Z", "last_seen": "2026-11-20T10:00:00Z"}  # fmt: skip
    row.update(overrides)
    return row


def test_upsert_posting_is_idempotent_and_replaces_skills(db) -> None:
    page_id, _ = _page(db)
    skills = [{"skill": "Python", "preferred": 0, "surface": "python", "start": 0, "end": 6, "section": None}]
    with db.conn:
        first = upsert_posting(db, _row(), skills, page_id)
        second = upsert_posting(db, _row(title="Senior Data Engineer"), skills * 2, page_id)
    assert first == second
    assert db["postings"].count == 1
    assert db["posting_skills"].count == 2
    assert db.execute("select title from postings").fetchone()[0] == "Senior Data Engineer"


def test_upsert_posting_keeps_earliest_first_seen(db) -> None:
    with db.conn:
        upsert_posting(db, _row(), [], None)
        upsert_posting(
            db, _row(first_seen="2026-11-27T10:00:00Z", last_seen="2026-11-27T10:00:00Z"), [], None
        )
    assert db.execute("select first_seen, last_seen from postings").fetchone() == (
        "2026-11-20T10:00:00Z",
        "2026-11-27T10:00:00Z",
    )


def test_refresh_last_seen_follows_identical_refetch(db) -> None:
    page_id, _ = _page(db)
    with db.conn:
        upsert_posting(db, _row(), [], page_id)
    _page(db, at="2026-12-01T08:00:00Z")
    refresh_last_seen(db)
    assert db.execute("select last_seen from postings").fetchone()[0] == "2026-12-01T08:00:00Z"


def test_upsert_posting_rejects_unknown_column(db) -> None:
    with pytest.raises(ValueError, match="unknown posting columns"), db.conn:
        upsert_posting(db, _row(colour="red"), [], None)


def test_open_db_creates_parent_folder(tmp_path: Path) -> None:
    open_db(tmp_path / "nested" / "jobs.db").close()
    assert (tmp_path / "nested" / "jobs.db").exists()


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_open_db_creates_views_from_store_views(db, view: str) -> None:
    sql = db.execute("SELECT sql FROM sqlite_master WHERE type = 'view' AND name = ?", [view]).fetchone()
    assert sql == (view_sql(view),)


@pytest.mark.parametrize(
    "stale",
    [
        "DROP VIEW weekly_postings",
        "DROP VIEW jobs",
        "DROP VIEW salary_bands; CREATE VIEW salary_bands AS SELECT 1 AS n",
    ],
)
def test_open_db_recreates_missing_or_changed_views(db_path: str, stale: str) -> None:
    open_db(db_path).executescript(stale)
    again = open_db(db_path)
    assert not views_stale(again)
    assert again.execute("SELECT count(*) FROM salary_bands").fetchone() == (0,)
