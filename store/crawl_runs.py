"""Crawl runs: each crawl is recorded, with every board's outcome (ok / empty / failed) kept per run."""

from __future__ import annotations

from collections.abc import Mapping

import sqlite_utils

OUTCOMES = ("ok", "empty", "failed")


def start_run(db: sqlite_utils.Database, spider: str, started_at: str) -> int:
    with db.conn:
        cursor = db.execute("INSERT INTO crawl_runs (spider, started_at) VALUES (?, ?)", [spider, started_at])
    return int(cursor.lastrowid or 0)


def finish_run(
    db: sqlite_utils.Database,
    run_id: int,
    *,
    source: str,
    finished_at: str,
    reason: str,
    outcomes: Mapping[str, tuple[str, str]],
    pages: int,
    pages_new: int,
    errors: int,
) -> None:
    """Record how the run ended and each board's outcome (board → (outcome, detail))."""
    counts = {o: sum(1 for outcome, _ in outcomes.values() if outcome == o) for o in OUTCOMES}
    with db.conn:
        db.conn.executemany(
            "INSERT OR REPLACE INTO board_runs (run_id, source, board, outcome, detail) VALUES (?, ?, ?, ?, ?)",
            [
                [run_id, source, board, outcome, detail]
                for board, (outcome, detail) in sorted(outcomes.items())
            ],
        )
        db.execute(
            """UPDATE crawl_runs SET finished_at = ?, finish_reason = ?, boards_tried = ?, boards_ok = ?,
                   boards_empty = ?, boards_failed = ?, pages = ?, pages_new = ?, errors = ? WHERE id = ?""",
            [finished_at, reason, len(outcomes), counts["ok"], counts["empty"], counts["failed"], pages, pages_new,
             errors, run_id],
        )  # fmt: skip
