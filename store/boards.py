"""The boards a crawl reads: the sources file as loaded (company, ATS, board slug, industry)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import sqlite_utils

BOARD_COLUMNS = ("ats", "board", "company", "industry", "url", "verified")


def upsert_boards(db: sqlite_utils.Database, rows: Iterable[Mapping[str, Any]]) -> None:
    with db.conn:
        db.conn.executemany(
            f"""INSERT INTO boards ({", ".join(BOARD_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (ats, board) DO UPDATE SET company = excluded.company,
                    industry = excluded.industry, url = excluded.url, verified = max(boards.verified, excluded.verified)""",
            [[row.get(c) for c in BOARD_COLUMNS] for row in rows],
        )


def board_industries(db: sqlite_utils.Database) -> dict[tuple[str, str], tuple[str | None, str | None]]:
    """(ats, board) → (company, industry), for extraction to fill postings.industry."""
    return {
        (ats, board): (company, industry)
        for ats, board, company, industry in db.execute("SELECT ats, board, company, industry FROM boards")
    }
