"""Weekly trend: postings, AI share and disclosure rate per ISO week.

A posting belongs to the ISO week (Monday–Sunday, "2026-W47") of the date it was posted when the source
states one, else of the date it was first seen. For each week from the first to the last in scope (weeks
without postings included, with 0 postings and null rates, unless that would span more than ten years): the
number of postings, the share asking for AI skills (required or preferred) and the disclosure rate, each with
its change from the week before: postings as a relative change (0.10 = 10% more), the two rates as
differences in share (0.02 = two percentage points); null for the first week or when the week before has no
postings. Undated postings are left out.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import sqlite_utils

from report.scope import SCOPE_TABLE

MAX_FILLED_WEEKS = 520
_SQL = f"""
SELECT week, count(*), sum(ai != 'none'), sum(disclosed)
FROM {SCOPE_TABLE} WHERE week IS NOT NULL GROUP BY week ORDER BY week
"""


def _label(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _weeks_between(first: str, last: str) -> list[str]:
    """Every ISO week label from ``first`` to ``last`` inclusive."""
    day = date.fromisocalendar(int(first[:4]), int(first[6:]), 1)
    end = date.fromisocalendar(int(last[:4]), int(last[6:]), 1)
    labels = []
    while day <= end:
        labels.append(_label(day))
        day += timedelta(days=7)
    return labels


def _diff(current: float | None, previous: float | None) -> float | None:
    return None if current is None or previous is None else round(current - previous, 6)


def weekly(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """One row per ISO week of the materialized scope, oldest first (see the module docstring)."""
    counts = {week: (n, ai, disclosed) for week, n, ai, disclosed in db.execute(_SQL).fetchall()}
    if not counts:
        return []
    rows: list[dict[str, Any]] = []
    previous: dict[str, Any] | None = None
    weeks = _weeks_between(min(counts), max(counts))
    if len(weeks) > MAX_FILLED_WEEKS:  # a stray date decades off must not turn into thousands of empty rows
        weeks = sorted(counts)
    for week in weeks:
        n, ai, disclosed = counts.get(week, (0, 0, 0))
        row: dict[str, Any] = {
            "week": week,
            "postings": n,
            "ai_share": round(ai / n, 6) if n else None,
            "disclosure_rate": round(disclosed / n, 6) if n else None,
            "postings_change": None,
            "ai_share_change": None,
            "disclosure_rate_change": None,
        }
        if previous is not None and previous["postings"]:
            row["postings_change"] = round(n / previous["postings"] - 1, 6)
            row["ai_share_change"] = _diff(row["ai_share"], previous["ai_share"])
            row["disclosure_rate_change"] = _diff(row["disclosure_rate"], previous["disclosure_rate"])
        rows.append(row)
        previous = row
    return rows
