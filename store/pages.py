"""Raw responses as fetched: one row per distinct (url, content)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlite_utils


def utc_now() -> str:
    """The time now as ISO text in UTC, to the millisecond.

    Closing compares a crawl's start with the last fetch of each posting; at one-second resolution a crawl
    started within the second of the previous crawl's fetch could not close what it no longer listed.
    Text of this one shape sorts in time order.
    """
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True, slots=True)
class StoredPage:
    id: int
    url: str
    source: str
    board: str | None
    fetched_at: str
    status: int
    content_type: str | None
    body: str


def save_page(
    db: sqlite_utils.Database,
    *,
    url: str,
    source: str,
    board: str | None,
    status: int,
    content_type: str | None,
    body: str,
    fetched_at: str | None = None,
) -> tuple[int, bool]:
    """Store a fetched response; return (page id, whether it was new).

    Re-fetching identical content adds no row: it only moves ``last_fetched_at``, which is how a
    posting that did not change is still known to be live.
    """
    fetched_at = fetched_at or utc_now()
    sha256 = hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()
    with db.conn:
        row = db.execute("SELECT id FROM pages WHERE url = ? AND sha256 = ?", [url, sha256]).fetchone()
        if row is not None:
            db.execute(
                "UPDATE pages SET last_fetched_at = max(last_fetched_at, ?) WHERE id = ?",
                [fetched_at, row[0]],
            )
            return int(row[0]), False
        cursor = db.execute(
            """INSERT INTO pages (url, source, board, fetched_at, last_fetched_at, status, content_type, body, sha256)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [url, source, board, fetched_at, fetched_at, status, content_type, body, sha256],
        )
        return int(cursor.lastrowid or 0), True


def pending_pages(
    db: sqlite_utils.Database,
    *,
    everything: bool = False,
    batch_size: int = 200,
    max_chars: int = 16_000_000,
) -> Iterator[list[StoredPage]]:
    """Yield batches of pages to extract: those not extracted yet, or every page with ``everything``.

    Batches are read by id ranges so a long run never holds a read transaction open, and a page
    marked extracted in one batch is not read again. A batch holds at most ``batch_size`` pages and,
    past its first page, at most ``max_chars`` characters of bodies: a whole board can be one page of
    several megabytes, and a hundred of those at once would make memory grow with the input.
    """
    for batch in pending_page_sizes(db, everything=everything, batch_size=batch_size, max_chars=max_chars):
        yield pages_by_id(db, [page_id for page_id, _ in batch])


def pending_page_sizes(
    db: sqlite_utils.Database,
    *,
    everything: bool = False,
    batch_size: int = 200,
    max_chars: int = 16_000_000,
) -> Iterator[list[tuple[int, int]]]:
    """The batches ``pending_pages`` yields, as (page id, body length) without the bodies."""
    where = "1 = 1" if everything else "extracted_at IS NULL"
    last_id = 0
    while True:
        sizes = db.execute(
            f"SELECT id, coalesce(length(body), 0) FROM pages WHERE {where} AND id > ? ORDER BY id LIMIT ?",
            [last_id, batch_size],
        ).fetchall()
        if not sizes:
            return
        batch: list[tuple[int, int]] = []
        chars = 0
        for page_id, size in sizes:
            if batch and chars + size > max_chars:
                break
            batch.append((page_id, size))
            chars += size
        yield batch
        last_id = batch[-1][0]


def pages_by_id(db: sqlite_utils.Database, ids: list[int]) -> list[StoredPage]:
    """The pages ``ids`` with their bodies, by id."""
    rows = db.execute(
        f"""SELECT id, url, source, board, fetched_at, status, content_type, body FROM pages
            WHERE id IN ({", ".join("?" for _ in ids)}) ORDER BY id""",
        ids,
    ).fetchall()
    return [StoredPage(*row) for row in rows]


def count_pending(db: sqlite_utils.Database, *, everything: bool = False) -> int:
    where = "" if everything else " WHERE extracted_at IS NULL"
    return int(db.execute(f"SELECT count(*) FROM pages{where}").fetchone()[0])


def mark_extracted(db: sqlite_utils.Database, page_id: int, version: str, error: str | None = None) -> None:
    """Record that a page was read (and why it failed, if it did). Call inside the page's transaction."""
    db.execute(
        "UPDATE pages SET extracted_at = ?, extracted_version = ?, extract_error = ? WHERE id = ?",
        [utc_now(), version, error, page_id],
    )
