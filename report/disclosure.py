"""Salary disclosure rate.

A posting discloses pay when it states a salary (an annualized minimum is known) that the source does not
mark as an estimate; employer-side estimates, such as a board's "estimated salary", never count, nor does pay
the employer sent but marked not to be shown (``salary_withheld``). The rate is
disclosed postings over all postings in scope, overall (``by`` "all", ``key`` null) and by function, by source
(the job board or ATS the posting came from) and by industry (of the employer, from the sources file); a null
key gathers postings whose function or industry is unknown. Rates are fractions in [0, 1].
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from report.scope import SCOPE_TABLE

# Dimension name → scope column; names and columns are constants, never user text.
DIMENSIONS = {"function": "function", "source": "source", "industry": "industry"}


def _row(by: str, key: str | None, n: int, disclosed: int) -> dict[str, Any]:
    return {"by": by, "key": key, "n": n, "disclosed": disclosed, "rate": round(disclosed / n, 6)}


def disclosure(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Disclosure rows of the materialized scope: the overall row first, then each dimension by n."""
    n, disclosed = db.execute(f"SELECT count(*), coalesce(sum(disclosed), 0) FROM {SCOPE_TABLE}").fetchone()
    rows = [_row("all", None, n, disclosed)] if n else []
    for by, column in DIMENSIONS.items():
        sql = (
            f"SELECT {column}, count(*), sum(disclosed) FROM {SCOPE_TABLE} GROUP BY {column} "
            f"ORDER BY count(*) DESC, {column} IS NULL, {column}"
        )
        rows.extend(_row(by, key, n, disclosed) for key, n, disclosed in db.execute(sql).fetchall())
    return rows
