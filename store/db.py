"""Open the jobpulse database and keep its schema current.

The ``store`` package is the only place that defines the schema: this module its tables (as migrations,
ordered and never edited once merged: a change to a table is a new function at the end of ``MIGRATIONS``),
``store.views`` its views and the derived fields of a job, ``store.vocabularies`` the values its columns
hold. Other packages read the tables and views by the names documented in the README's "Tables" and
``report/datasette_metadata.json``, and take every derived field (disclosed, pay, week, one row per job)
from ``store.views`` instead of restating it. The views that m003 and m004 created are their first
versions only: ``open_db`` replaces them with the current ones from ``store.views``.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils
from sqlite_utils.migrations import Migrations

from store.views import create_views, views_stale

DEFAULT_DB = "jobs.db"
BUSY_TIMEOUT_MS = 30_000

MIGRATIONS = Migrations("jobpulse")


def resolve_db_path(path: str | os.PathLike[str] | None = None) -> str:
    """The database path: an explicit one, else ``$JOBS_DB``, else ``jobs.db``."""
    if path:
        return os.fspath(path)
    return os.environ.get("JOBS_DB") or DEFAULT_DB


class SchemaTooOld(RuntimeError):
    """A database opened read-only lacks migrations this version reads (it cannot apply them read-only)."""


def open_db(
    path: str | os.PathLike[str] | None = None, *, migrate: bool = True, readonly: bool = False
) -> sqlite_utils.Database:
    """Open (creating if needed) the database in WAL mode with a busy timeout, schema applied.

    With ``readonly`` (for ``extract report`` and ``explain``) the file is opened read-only, as it is, and
    nothing is written to it: no migration, no view re-creation, no journal-mode change (see ``_open_readonly``).
    """
    if readonly:
        return _open_readonly(resolve_db_path(path))
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
        # In WAL mode, NORMAL syncs at checkpoints, not at every commit: a killed process still keeps every
        # committed transaction (only a power cut can lose the last few, which the next crawl or run redoes),
        # and writers no longer wait for an fsync per commit (0.5-6 ms each on a shared disk).
        db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA foreign_keys = ON")
    if migrate and (MIGRATIONS.pending(db) or views_stale(db)):
        with _migration_lock(resolved):
            MIGRATIONS.apply(db)  # pending is re-read under the lock: another process may have done it
            if views_stale(db):  # views are recreated from store.views, never frozen in a migration
                create_views(db)
    return db


def _open_readonly(path: str) -> sqlite_utils.Database:
    """The database at ``path`` opened read-only (``mode=ro``): temporary tables still work, any write fails.

    A WAL database in a directory the reader cannot write, with no ``-shm`` file beside it, cannot be opened
    ``mode=ro``; it is then opened ``immutable`` (no writer can be using it: a writer creates that file).
    Raises ``FileNotFoundError`` when there is no file, ``SchemaTooOld`` when migrations are missing: the
    current code reads columns they add, and only a writable open applies them.
    """
    if path == ":memory:" or not Path(path).is_file():
        raise FileNotFoundError(f"no database at {path} to open read-only")
    uri = Path(path).resolve().as_uri()
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)
    db = sqlite_utils.Database(conn)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    pending = [migration.name for migration in MIGRATIONS.pending(db)]
    if pending:
        db.close()
        raise SchemaTooOld(
            f"the database at {path} predates this jobpulse (missing {', '.join(pending)}) and is read-only "
            "here: open it once with write access (e.g. `extract run`) to upgrade it, then report"
        )
    return db


@contextlib.contextmanager
def _migration_lock(path: str) -> Iterator[None]:
    """One process at a time applies migrations (two crawlers opening a new file at once would both try)."""
    if path == ":memory:":
        yield
        return
    with open(f"{path}.migrate.lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


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


@MIGRATIONS()
def m004_report_views(db: sqlite_utils.Database) -> None:
    """The headline figures as views, for sqlite-utils and Datasette, plus a ``meta`` key/value table.

    The views cover the whole de-duplicated database (``postings.duplicate_of IS NULL``) with no window,
    segment or minimum cell size: ``extract report`` adds those, and the exact percentiles SQLite cannot
    compute. Shares are fractions in [0, 1] rounded to 6 places, as in the report's JSON.
    """
    db.executescript(
        """
        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT
        );
        CREATE VIEW jobs AS
            SELECT id, source, board, company, title, url, location, function, role, seniority, industry,
                   CASE WHEN lower(ai) IN ('required', 'preferred') THEN lower(ai) ELSE 'none' END AS ai,
                   CASE WHEN llm_focused THEN 1 ELSE 0 END AS llm_focused,
                   CASE WHEN salary_annual_min IS NOT NULL AND coalesce(salary_estimated, 0) = 0
                        THEN 1 ELSE 0 END AS disclosed,
                   CASE WHEN salary_annual_min IS NOT NULL AND coalesce(salary_estimated, 0) = 0
                        THEN nullif(upper(trim(salary_currency)), '') END AS pay_currency,
                   CASE WHEN salary_annual_min IS NOT NULL AND coalesce(salary_estimated, 0) = 0
                             AND salary_annual_min > 0
                        THEN (salary_annual_min + coalesce(salary_annual_max, salary_annual_min)) / 2.0
                   END AS pay_annual,
                   CASE WHEN coalesce(date(substr(posted, 1, 10)),
                                      date(substr(first_seen, 1, 10))) IS NOT NULL
                        THEN strftime('%Y', date(coalesce(date(substr(posted, 1, 10)),
                                                          date(substr(first_seen, 1, 10))),
                                                 'weekday 0', '-3 days'))
                             || '-W' || printf('%02d', (CAST(strftime('%j', date(coalesce(
                                    date(substr(posted, 1, 10)), date(substr(first_seen, 1, 10))),
                                    'weekday 0', '-3 days')) AS INTEGER) - 1) / 7 + 1)
                   END AS week,
                   posted, first_seen, last_seen, closed_at, extractor_version
            FROM postings
            WHERE duplicate_of IS NULL;
        CREATE VIEW skill_shares AS
            SELECT ps.skill AS skill, sk.category AS category, coalesce(sk.ai, 0) AS ai_skill,
                   count(DISTINCT ps.posting_id) AS postings,
                   count(DISTINCT CASE WHEN ps.preferred = 0 THEN ps.posting_id END) AS required_postings,
                   (SELECT count(*) FROM jobs) AS n,
                   round(1.0 * count(DISTINCT ps.posting_id) / (SELECT count(*) FROM jobs), 6) AS share
            FROM posting_skills AS ps
            JOIN jobs AS j ON j.id = ps.posting_id
            LEFT JOIN skills AS sk ON sk.name = ps.skill
            GROUP BY ps.skill
            ORDER BY postings DESC, ps.skill;
        CREATE VIEW group_shares AS
            WITH members AS (
                SELECT DISTINCT je.value AS skill_group, sk.name AS skill
                FROM skills AS sk, json_each(sk.groups) AS je
                WHERE json_valid(sk.groups) AND je.type = 'text'
            )
            SELECT m.skill_group AS skill_group, count(DISTINCT m.skill) AS skills_named,
                   count(DISTINCT ps.posting_id) AS postings,
                   (SELECT count(*) FROM jobs) AS n,
                   round(1.0 * count(DISTINCT ps.posting_id) / (SELECT count(*) FROM jobs), 6) AS share
            FROM members AS m
            JOIN posting_skills AS ps ON ps.skill = m.skill
            JOIN jobs AS j ON j.id = ps.posting_id
            GROUP BY m.skill_group
            ORDER BY postings DESC, m.skill_group;
        CREATE VIEW ai_by_function AS
            SELECT function, count(*) AS n,
                   sum(ai = 'required') AS ai_required, sum(ai = 'preferred') AS ai_preferred,
                   sum(ai != 'none') AS ai_any,
                   round(1.0 * sum(ai = 'required') / count(*), 6) AS required_share,
                   round(1.0 * sum(ai = 'preferred') / count(*), 6) AS preferred_share,
                   round(1.0 * sum(ai != 'none') / count(*), 6) AS any_share
            FROM jobs
            GROUP BY function
            ORDER BY n DESC, function IS NULL, function;
        CREATE VIEW salary_bands AS
            SELECT seniority, pay_currency AS currency, count(*) AS n,
                   min(pay_annual) AS min_pay, round(avg(pay_annual), 2) AS avg_pay,
                   max(pay_annual) AS max_pay
            FROM jobs
            WHERE pay_annual IS NOT NULL AND pay_currency IS NOT NULL AND seniority IS NOT NULL
            GROUP BY seniority, pay_currency
            ORDER BY (SELECT count(*) FROM jobs AS c
                      WHERE c.pay_currency = jobs.pay_currency AND c.pay_annual IS NOT NULL) DESC,
                     currency,
                     CASE seniority WHEN 'intern' THEN 0 WHEN 'entry' THEN 1 WHEN 'mid' THEN 2
                         WHEN 'senior' THEN 3 WHEN 'staff' THEN 4 WHEN 'manager' THEN 5 WHEN 'director' THEN 6
                         WHEN 'executive' THEN 7 ELSE 8 END,
                     seniority;
        CREATE VIEW disclosure_by_function AS
            SELECT function, count(*) AS n, sum(disclosed) AS disclosed,
                   round(1.0 * sum(disclosed) / count(*), 6) AS rate
            FROM jobs
            GROUP BY function
            ORDER BY n DESC, function IS NULL, function;
        CREATE VIEW disclosure_by_source AS
            SELECT source, count(*) AS n, sum(disclosed) AS disclosed,
                   round(1.0 * sum(disclosed) / count(*), 6) AS rate
            FROM jobs
            GROUP BY source
            ORDER BY n DESC, source;
        CREATE VIEW weekly_postings AS
            SELECT week, count(*) AS postings,
                   round(1.0 * sum(ai != 'none') / count(*), 6) AS ai_share,
                   round(1.0 * sum(disclosed) / count(*), 6) AS disclosure_rate
            FROM jobs
            WHERE week IS NOT NULL
            GROUP BY week
            ORDER BY week;
        """
    )


@MIGRATIONS()
def m005_posting_signatures(db: sqlite_utils.Database) -> None:
    """Each posting's MinHash signature, written with the posting: de-duplication reads 512 bytes per posting
    instead of recomputing from its description on every run."""
    db.executescript(
        """
        CREATE TABLE posting_signatures (
            posting_id INTEGER PRIMARY KEY REFERENCES postings(id) ON DELETE CASCADE,
            signature BLOB NOT NULL
        );
        """
    )


@MIGRATIONS()
def m006_salary_withheld(db: sqlite_utils.Database) -> None:
    """Pay the employer sent but marked not to be shown (Ashby's ``shouldDisplayCompensationOnJobPostings:
    false``) is kept with ``salary_withheld = 1`` and, like estimated pay, never counts as disclosed
    (``store.views.DISCLOSED``; the views are recreated when the database is opened)."""
    db.execute("ALTER TABLE postings ADD COLUMN salary_withheld INTEGER NOT NULL DEFAULT 0")


@MIGRATIONS()
def m007_extract_safety(db: sqlite_utils.Database) -> None:
    """A description cut to the extractor's bound keeps its length before the cut; pages that failed to
    extract (whole or one posting) are found without reading their bodies, for deciding what may close."""
    db.executescript(
        """
        ALTER TABLE postings ADD COLUMN description_cut_from INTEGER;
        CREATE INDEX pages_extract_failed ON pages (source, board, last_fetched_at, fetched_at)
            WHERE extract_error IS NOT NULL;
        """
    )


@MIGRATIONS()
def m008_occupations(db: sqlite_utils.Database) -> None:
    """Every posting's O*NET-SOC occupation (``extract.occupations``): code (e.g. ``29-1141.00``) and title,
    and the SOC major group the code starts with (``29``), generated from the code for segments and views."""
    db.executescript(
        """
        ALTER TABLE postings ADD COLUMN soc_code TEXT;
        ALTER TABLE postings ADD COLUMN soc_title TEXT;
        ALTER TABLE postings ADD COLUMN soc_major TEXT GENERATED ALWAYS AS (substr(soc_code, 1, 2)) VIRTUAL;
        """
    )
