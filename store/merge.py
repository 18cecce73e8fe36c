"""Merge a crawl database into another: how per-machine crawls of one distributed crawl become one database.

A distributed crawl on several machines writes one SQLite file per machine (SQLite is not shared over a
network filesystem; see ``crawler/distributed.py``). ``merge_crawl`` copies a crawl's output — ``pages``,
``boards``, ``crawl_runs`` and ``board_runs`` — into the main database. Postings are not copied: they are
derived from pages, so run ``extract run`` on the merged database (merged pages arrive unextracted).

Merging is idempotent and order-free, so it is safe to repeat:

* a page is keyed by (url, sha256): one already present is not copied again, it only takes the earlier
  ``fetched_at`` and the later ``last_fetched_at`` (which is how a page that did not change is known live);
* a board already present keeps its row (every machine read the same sources file);
* a crawl run already present (same spider, times, counts and board outcomes) is not copied again; a new one
  gets a new id, and its ``board_runs`` follow it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from store.boards import BOARD_COLUMNS

RUN_COLUMNS = (
    "spider", "started_at", "finished_at", "finish_reason", "boards_tried", "boards_ok", "boards_empty",
    "boards_failed", "pages", "pages_new", "errors",
)  # fmt: skip
PAGE_COLUMNS = (
    "url",
    "source",
    "board",
    "fetched_at",
    "last_fetched_at",
    "status",
    "content_type",
    "body",
    "sha256",
)


@dataclass(frozen=True, slots=True)
class MergeCounts:
    pages_new: int
    pages_known: int
    boards_new: int
    runs_new: int


def merge_crawl(db: sqlite_utils.Database, other_path: str | os.PathLike[str]) -> MergeCounts:
    """Copy the crawl output of the database at ``other_path`` into ``db``; return what was new.

    The other database is only read (attached read-only, never migrated): every column copied exists since
    the first schema, and crawl runs are copied when it has them.
    """
    other_path = os.fspath(other_path)
    if not os.path.exists(other_path):
        raise FileNotFoundError(other_path)
    db.execute("ATTACH DATABASE ? AS other", [Path(other_path).resolve().as_uri() + "?mode=ro"])
    try:
        return _merge_attached(db)
    finally:
        db.execute("DETACH DATABASE other")


def _merge_attached(db: sqlite_utils.Database) -> MergeCounts:
    columns = ", ".join(PAGE_COLUMNS)
    with db.conn:
        pages_before = _count(db, "main.pages")
        boards_before = _count(db, "main.boards")
        # WHERE true: SQLite needs it to tell an upsert's ON CONFLICT from a join's ON.
        db.execute(
            f"""INSERT INTO main.pages ({columns}) SELECT {columns} FROM other.pages WHERE true
                ON CONFLICT (url, sha256) DO UPDATE SET fetched_at = min(fetched_at, excluded.fetched_at),
                    last_fetched_at = max(last_fetched_at, excluded.last_fetched_at)"""
        )
        boards = ", ".join(BOARD_COLUMNS)
        db.execute(f"INSERT OR IGNORE INTO main.boards ({boards}) SELECT {boards} FROM other.boards")
        pages_new = _count(db, "main.pages") - pages_before
        boards_new = _count(db, "main.boards") - boards_before
        runs_new = sum(_merge_run(db, row) for row in _runs(db))
    return MergeCounts(
        pages_new=pages_new,
        pages_known=_count(db, "other.pages") - pages_new,
        boards_new=boards_new,
        runs_new=runs_new,
    )


def _runs(db: sqlite_utils.Database) -> list[tuple[object, ...]]:
    """The other database's crawl runs; none when its schema predates them."""
    if not db.execute("SELECT 1 FROM other.sqlite_master WHERE name = 'crawl_runs'").fetchone():
        return []
    return db.execute(f"SELECT id, {', '.join(RUN_COLUMNS)} FROM other.crawl_runs ORDER BY id").fetchall()


def _merge_run(db: sqlite_utils.Database, row: tuple[object, ...]) -> bool:
    """Copy one crawl run and its board outcomes unless the same run is already there."""
    other_id, values = row[0], list(row[1:])
    outcomes = _outcomes(db, "other", other_id)
    where = " AND ".join(f"{c} IS ?" for c in RUN_COLUMNS)
    for (run_id,) in db.execute(f"SELECT id FROM main.crawl_runs WHERE {where}", values).fetchall():
        if _outcomes(db, "main", run_id) == outcomes:
            return False
    placeholders = ", ".join("?" for _ in RUN_COLUMNS)
    cursor = db.execute(
        f"INSERT INTO main.crawl_runs ({', '.join(RUN_COLUMNS)}) VALUES ({placeholders})", values
    )
    db.conn.executemany(
        "INSERT INTO main.board_runs (run_id, source, board, outcome, detail) VALUES (?, ?, ?, ?, ?)",
        [(cursor.lastrowid, *outcome) for outcome in outcomes],
    )
    return True


def _outcomes(db: sqlite_utils.Database, schema: str, run_id: object) -> list[tuple[object, ...]]:
    return db.execute(
        f"SELECT source, board, outcome, detail FROM {schema}.board_runs WHERE run_id = ? ORDER BY source, board",
        [run_id],
    ).fetchall()


def _count(db: sqlite_utils.Database, table: str) -> int:
    return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
