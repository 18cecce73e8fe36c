"""Open the jobpulse database and keep its schema current.

This module is the only place that knows the schema. Migrations are ordered and never edited once
merged: a change to the schema is a new function at the end of ``MIGRATIONS``.
"""

from __future__ import annotations

import os
from pathlib import Path

import sqlite_utils
from sqlite_utils.migrations import Migrations

DEFAULT_DB = "jobs.db"
BUSY_TIMEOUT_MS = 30_000

MIGRATIONS = Migrations("jobpulse")


def resolve_db_path(path: str | os.PathLike[str] | None = None) -> str:
    """The database path: an explicit one, else ``$JOBS_DB``, else ``jobs.db``."""
    if path:
        return os.fspath(path)
    return os.environ.get("JOBS_DB") or DEFAULT_DB


def open_db(path: str | os.PathLike[str] | None = None, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) the database in WAL mode with a busy timeout, schema applied."""
    resolved = resolve_db_path(path)
    if resolved != ":memory:":
        Path(resolved).parent.mkdir(parents=True, exist_ok=True)
        db = sqlite_utils.Database(resolved)
    else:
        db = sqlite_utils.Database(memory=True)
    # A crawl and an extract may share the file: wait for the other writer instead of failing.
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if resolved != ":memory:":
        db.enable_wal()
    db.execute("PRAGMA foreign_keys = ON")
    if migrate:
        MIGRATIONS.apply(db)
    return db


@MIGRATIONS()
def m001_initial(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE boards (
            ats TEXT NOT NULL,
            board TEXT NOT NULL,
            company TEXT,
            industry TEXT,
            url TEXT,
            verified INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (ats, board)
        );
        CREATE TABLE pages (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL,
            source TEXT NOT NULL,
            board TEXT,
            fetched_at TEXT NOT NULL,
            last_fetched_at TEXT NOT NULL,
            status INTEGER NOT NULL,
            content_type TEXT,
            body TEXT,
            sha256 TEXT NOT NULL,
            extracted_at TEXT,
            extracted_version TEXT,
            extract_error TEXT
        );
        CREATE UNIQUE INDEX pages_url_sha256 ON pages (url, sha256);
        CREATE INDEX pages_pending ON pages (extracted_at);
        CREATE TABLE postings (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            source_id TEXT NOT NULL,
            board TEXT,
            company TEXT,
            title TEXT,
            url TEXT,
            location TEXT,
            remote TEXT,
            employment_type TEXT,
            department TEXT,
            posted TEXT,
            first_seen TEXT,
            last_seen TEXT,
            description TEXT,
            function TEXT,
            role TEXT,
            seniority TEXT,
            industry TEXT,
            ai TEXT,
            llm_focused INTEGER NOT NULL DEFAULT 0,
            salary_min REAL,
            salary_max REAL,
            salary_currency TEXT,
            salary_period TEXT,
            salary_annual_min REAL,
            salary_annual_max REAL,
            salary_kind TEXT,
            salary_source TEXT,
            salary_estimated INTEGER NOT NULL DEFAULT 0,
            salary_note TEXT,
            content_hash TEXT,
            page_id INTEGER REFERENCES pages(id),
            extractor_version TEXT,
            UNIQUE (source, source_id)
        );
        CREATE INDEX postings_function_seniority ON postings (function, seniority);
        CREATE INDEX postings_role ON postings (role);
        CREATE TABLE posting_skills (
            posting_id INTEGER NOT NULL REFERENCES postings(id) ON DELETE CASCADE,
            skill TEXT NOT NULL,
            preferred INTEGER NOT NULL DEFAULT 0,
            surface TEXT,
            start INTEGER,
            "end" INTEGER,
            section TEXT
        );
        CREATE INDEX posting_skills_posting ON posting_skills (posting_id);
        CREATE INDEX posting_skills_skill ON posting_skills (skill, posting_id);
        CREATE TABLE page_postings (
            page_id INTEGER NOT NULL REFERENCES pages(id),
            posting_id INTEGER NOT NULL REFERENCES postings(id) ON DELETE CASCADE,
            PRIMARY KEY (page_id, posting_id)
        );
        CREATE INDEX page_postings_posting ON page_postings (posting_id);
        CREATE TABLE skills (
            name TEXT PRIMARY KEY,
            category TEXT,
            ai INTEGER NOT NULL DEFAULT 0,
            groups TEXT
        );
        """
    )


@MIGRATIONS()
def m002_crawl_runs_and_history(db: sqlite_utils.Database) -> None:
    """Weekly, incremental crawling: each crawl is a recorded run, each board's outcome is kept, postings
    close when a complete crawl of their board no longer lists them, and content changes are kept."""
    db.executescript(
        """
        CREATE TABLE crawl_runs (
            id INTEGER PRIMARY KEY,
            spider TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            finish_reason TEXT,
            boards_tried INTEGER NOT NULL DEFAULT 0,
            boards_ok INTEGER NOT NULL DEFAULT 0,
            boards_empty INTEGER NOT NULL DEFAULT 0,
            boards_failed INTEGER NOT NULL DEFAULT 0,
            pages INTEGER NOT NULL DEFAULT 0,
            pages_new INTEGER NOT NULL DEFAULT 0,
            errors INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE board_runs (
            run_id INTEGER NOT NULL REFERENCES crawl_runs(id),
            source TEXT NOT NULL,
            board TEXT NOT NULL,
            outcome TEXT NOT NULL,
            detail TEXT,
            PRIMARY KEY (run_id, source, board)
        );
        ALTER TABLE postings ADD COLUMN closed_at TEXT;
        CREATE TABLE posting_versions (
            posting_id INTEGER NOT NULL REFERENCES postings(id) ON DELETE CASCADE,
            content_hash TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            PRIMARY KEY (posting_id, content_hash)
        );
        """
    )


@MIGRATIONS()
def m003_one_job_counted_once(db: sqlite_utils.Database) -> None:
    """The same job reached through several routes is one job: duplicates point at their canonical posting."""
    db.executescript(
        """
        ALTER TABLE postings ADD COLUMN duplicate_of INTEGER REFERENCES postings(id);
        ALTER TABLE postings ADD COLUMN duplicate_reason TEXT;
        CREATE INDEX postings_duplicate_of ON postings (duplicate_of);
        CREATE VIEW posting_sources AS
            SELECT coalesce(duplicate_of, id) AS job_id, id AS posting_id, source, source_id, board, company, url,
                   duplicate_reason
            FROM postings;
        """
    )
