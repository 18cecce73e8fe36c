"""Postings and their skills: upserts keyed on (source, source_id), so re-running never duplicates."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import sqlite_utils

# Columns a posting row may carry; anything else in a row is a programming error.
POSTING_COLUMNS = (
    "source", "source_id", "board", "company", "title", "url", "location", "remote", "employment_type",
    "department", "posted", "first_seen", "last_seen", "description", "function", "role", "seniority",
    "industry", "ai", "llm_focused", "salary_min", "salary_max", "salary_currency", "salary_period",
    "salary_annual_min", "salary_annual_max", "salary_kind", "salary_source", "salary_estimated",
    "salary_note", "content_hash", "page_id", "extractor_version", "salary_withheld", "description_cut_from",
    "soc_code", "soc_title",
)  # fmt: skip
_DEFAULTS = {"llm_focused": 0, "salary_estimated": 0, "salary_withheld": 0}
_IDS_PER_QUERY = 500  # well under SQLite's bound on parameters per statement
SKILL_COLUMNS = ("skill", "preferred", "surface", "start", "end", "section")

_UPDATE_ON_CONFLICT = ", ".join(
    f"{c} = excluded.{c}"
    for c in POSTING_COLUMNS
    if c not in ("source", "source_id", "first_seen", "last_seen")
)
_UPSERT_SQL = f"""
INSERT INTO postings ({", ".join(POSTING_COLUMNS)}) VALUES ({", ".join("?" for _ in POSTING_COLUMNS)})
ON CONFLICT (source, source_id) DO UPDATE SET {_UPDATE_ON_CONFLICT},
    first_seen = min(coalesce(postings.first_seen, excluded.first_seen), excluded.first_seen),
    last_seen = max(coalesce(postings.last_seen, excluded.last_seen), excluded.last_seen)
RETURNING id
"""
_INSERT_SKILL_SQL = (
    'INSERT INTO posting_skills (posting_id, skill, preferred, surface, start, "end", section) '
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)

_UPSERT_SIGNATURE_SQL = "INSERT OR REPLACE INTO posting_signatures (posting_id, signature) VALUES (?, ?)"


def upsert_posting(
    db: sqlite_utils.Database,
    row: Mapping[str, Any],
    skills: Sequence[Mapping[str, Any]],
    page_id: int | None,
    signature: bytes | None = None,
) -> int:
    """Insert or update one posting, replace its skills (and its MinHash ``signature``, when given), link it to
    its page. Caller owns the transaction."""
    unknown = set(row) - set(POSTING_COLUMNS)
    if unknown:
        raise ValueError(f"unknown posting columns: {sorted(unknown)}")
    values = [row.get(c, _DEFAULTS.get(c)) for c in POSTING_COLUMNS]
    posting_id = int(db.execute(_UPSERT_SQL, values).fetchone()[0])
    db.execute("DELETE FROM posting_skills WHERE posting_id = ?", [posting_id])
    db.conn.executemany(
        _INSERT_SKILL_SQL, [[posting_id, *(skill.get(c) for c in SKILL_COLUMNS)] for skill in skills]
    )
    if signature is not None:
        db.execute(_UPSERT_SIGNATURE_SQL, [posting_id, signature])
    if row.get("content_hash"):
        # A posting that changes keeps its id; each distinct content is kept with when it was first seen.
        db.execute(
            "INSERT OR IGNORE INTO posting_versions (posting_id, content_hash, first_seen) VALUES (?, ?, ?)",
            [posting_id, row["content_hash"], row.get("first_seen") or ""],
        )
    if page_id is not None:
        db.execute(
            "INSERT OR IGNORE INTO page_postings (page_id, posting_id) VALUES (?, ?)", [page_id, posting_id]
        )
    return posting_id


def refresh_last_seen(db: sqlite_utils.Database) -> None:
    """A posting was last seen when any page carrying it was last fetched (identical re-fetches included)."""
    with db.conn:
        db.execute(
            """UPDATE postings SET last_seen = (
                   SELECT max(pages.last_fetched_at) FROM page_postings JOIN pages ON pages.id = page_postings.page_id
                   WHERE page_postings.posting_id = postings.id)
               WHERE EXISTS (SELECT 1 FROM page_postings WHERE posting_id = postings.id)"""
        )


# Crawls of a board that listed all its postings: the board was ok or empty in a run that finished normally,
# and no page of the board fetched in that run failed to extract, whole or in part (a posting it could not
# read is not missing).
_COMPLETE_LISTINGS = """
WITH complete AS MATERIALIZED (
    SELECT br.source, br.board, cr.started_at FROM board_runs br JOIN crawl_runs cr ON cr.id = br.run_id
    WHERE br.outcome IN ('ok', 'empty') AND cr.finish_reason = 'finished'
      AND NOT EXISTS (
          SELECT 1 FROM pages pg INDEXED BY pages_extract_failed
          WHERE pg.extract_error IS NOT NULL AND pg.source = br.source AND pg.board = br.board
            AND pg.last_fetched_at >= cr.started_at AND pg.fetched_at <= coalesce(cr.finished_at, pg.fetched_at)))
"""


def close_missing_postings(db: sqlite_utils.Database) -> int:
    """Close postings that a complete, successful crawl of their board no longer listed.

    Only boards whose outcome was ok or empty in a run that finished normally close anything: a
    failed board or an interrupted crawl says nothing about its postings, and neither does a crawl in which
    a page of the board failed to extract (``pages.extract_error``), even for one posting. A closed posting
    seen again reopens. Returns the number of postings closed now.
    """
    with db.conn:
        db.execute(
            "UPDATE postings SET closed_at = NULL WHERE closed_at IS NOT NULL AND last_seen >= closed_at"
        )
        db.execute(
            f"""{_COMPLETE_LISTINGS}
               UPDATE postings SET closed_at = (
                   SELECT min(c.started_at) FROM complete c
                   WHERE c.source = postings.source AND c.board = postings.board AND c.started_at > postings.last_seen)
               WHERE closed_at IS NULL AND EXISTS (
                   SELECT 1 FROM complete c
                   WHERE c.source = postings.source AND c.board = postings.board
                     AND c.started_at > postings.last_seen)"""
        )
        # The cursor's rowcount is -1 for a statement that starts with WITH.
        closed = int(db.execute("SELECT changes()").fetchone()[0])
    return closed


def replace_skills_taxonomy(db: sqlite_utils.Database, skills: Iterable[Mapping[str, Any]]) -> None:
    """Load the taxonomy as used by this extractor into ``skills`` (name, category, ai, groups)."""
    with db.conn:
        db.execute("DELETE FROM skills")
        db.conn.executemany(
            "INSERT INTO skills (name, category, ai, groups) VALUES (?, ?, ?, ?)",
            [[s["name"], s.get("category"), int(bool(s.get("ai"))), s.get("groups")] for s in skills],
        )


def set_meta(db: sqlite_utils.Database, values: Mapping[str, str]) -> None:
    """Record versions and similar facts in ``meta`` (key → value), replacing earlier values."""
    with db.conn:
        db.conn.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            list(values.items()),
        )


def dedup_titles(db: sqlite_utils.Database) -> list[tuple[int, str | None]]:
    """(id, title) of every posting with a description: what de-duplication groups by."""
    return db.execute(
        "SELECT id, title FROM postings WHERE coalesce(description, '') != '' ORDER BY id"
    ).fetchall()


def dedup_records(db: sqlite_utils.Database, ids: Sequence[int]) -> list[tuple[Any, ...]]:
    """(id, company, title, location, description, posted, first_seen, signature, source:source_id) of ``ids``.

    The description is read only for a posting with no stored signature (a database extracted before
    signatures were kept). Read one group of candidates at a time, so a run never holds every description.
    """
    rows: list[tuple[Any, ...]] = []
    for i in range(0, len(ids), _IDS_PER_QUERY):
        chunk = list(ids[i : i + _IDS_PER_QUERY])
        rows += db.execute(
            "SELECT p.id, p.company, p.title, p.location, "
            "CASE WHEN s.signature IS NULL THEN p.description END, p.posted, p.first_seen, s.signature, "
            "p.source || ':' || p.source_id "
            "FROM postings AS p LEFT JOIN posting_signatures AS s ON s.posting_id = p.id "
            f"WHERE p.id IN ({', '.join('?' for _ in chunk)}) ORDER BY p.id",
            chunk,
        ).fetchall()
    return rows


def postings_without_signature(db: sqlite_utils.Database, limit: int) -> list[tuple[int, str]]:
    """Up to ``limit`` (id, description) of postings with a description and no stored signature."""
    return db.execute(
        "SELECT p.id, p.description FROM postings AS p "
        "WHERE coalesce(p.description, '') != '' "
        "AND NOT EXISTS (SELECT 1 FROM posting_signatures AS s WHERE s.posting_id = p.id) "
        "ORDER BY p.id LIMIT ?",
        [limit],
    ).fetchall()


def store_signatures(db: sqlite_utils.Database, signatures: Iterable[tuple[int, bytes]]) -> None:
    with db.conn:
        db.conn.executemany(_UPSERT_SIGNATURE_SQL, list(signatures))


# meta key: "0" once de-duplication has seen every posting as it is now, "1" (or absent) when a posting was
# written since. A rerun that writes nothing then skips de-duplication; one killed before it does not.
_DEDUP_PENDING = "dedup_pending"


def mark_dedup_pending(db: sqlite_utils.Database) -> None:
    """Record that postings changed since the last de-duplication. Call inside the writing transaction."""
    db.execute(
        "INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE SET value = '1'",
        [_DEDUP_PENDING],
    )


def dedup_pending(db: sqlite_utils.Database) -> bool:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [_DEDUP_PENDING]).fetchone()
    return row is None or row[0] != "0"


def mark_duplicates(db: sqlite_utils.Database, duplicates: Mapping[int, tuple[int, str]]) -> None:
    """Replace the duplicate marks: each listed posting points at its canonical posting. De-duplication is then
    no longer pending."""
    with db.conn:
        db.execute(
            "INSERT INTO meta (key, value) VALUES (?, '0') ON CONFLICT (key) DO UPDATE SET value = '0'",
            [_DEDUP_PENDING],
        )
        db.execute(
            "UPDATE postings SET duplicate_of = NULL, duplicate_reason = NULL WHERE duplicate_of IS NOT NULL"
        )
        db.conn.executemany(
            "UPDATE postings SET duplicate_of = ?, duplicate_reason = ? WHERE id = ?",
            [[canonical, reason, posting_id] for posting_id, (canonical, reason) in duplicates.items()],
        )
