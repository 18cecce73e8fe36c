"""Salary bands: what disclosed postings pay, by seniority, function and role.

A posting's pay is the midpoint of its disclosed salary range, annualized (hourly × 2080, daily × 260,
weekly × 52, monthly × 12), and is base pay: for on-target-earnings postings the base is used. Only postings
that disclose pay count (see the disclosure rate), and currencies are never mixed: every row is one currency,
and postings whose currency is unknown are left out. Each row gives the 25th percentile, median and 75th
percentile of pay (linear interpolation between closest ranks) over its ``n`` postings, for each seniority
alone (``role`` and ``function`` null), each function × seniority (``role`` null) and each role × seniority
(``function`` null), the currency with most postings first. A row with fewer than ``min_n`` postings is published with its n, its figures null and
``suppressed`` true. Postings of unknown seniority, function or role are left out of the rows needing them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import groupby
from typing import Any

import sqlite_utils

from report.scope import SCOPE_TABLE
from report.stats import percentile
from store.vocabularies import seniority_rank

# Band levels: the scope columns each groups by besides currency and seniority (constants, never user text).
LEVELS: tuple[tuple[str, ...], ...] = ((), ("function",), ("role",))


def pay_groups(
    db: sqlite_utils.Database, keys: Sequence[str], *, currency: str | None = None
) -> Iterator[tuple[tuple[Any, ...], list[float]]]:
    """Sorted disclosed pay of the materialized scope, grouped by ``keys`` (constant column expressions).

    Every group is of one currency (``currency`` first in ``keys`` is the caller's job); rows with a null key
    are left out. SQL sorts, Python only splits the stream into groups.
    """
    not_null = " AND ".join(f"{k} IS NOT NULL" for k in keys)
    sql = f"SELECT {', '.join(keys)}, pay FROM {SCOPE_TABLE} WHERE pay IS NOT NULL AND {not_null}"
    params: list[Any] = []
    if currency is not None:
        sql += " AND currency = ?"
        params.append(currency)
    sql += f" ORDER BY {', '.join(keys)}, pay"
    width = len(keys)
    for key, rows in groupby(db.execute(sql, params), key=lambda row: tuple(row[:width])):
        yield key, [row[width] for row in rows]


def band(values: Sequence[float], min_n: int) -> dict[str, Any]:
    """n, p25, median and p75 of sorted values, or the suppressed form when n < min_n."""
    n = len(values)
    if n < min_n or n == 0:
        return {"n": n, "p25": None, "median": None, "p75": None, "suppressed": True}
    return {
        "n": n,
        "p25": round(percentile(values, 0.25), 2),
        "median": round(percentile(values, 0.5), 2),
        "p75": round(percentile(values, 0.75), 2),
        "suppressed": False,
    }


def salary_bands(
    db: sqlite_utils.Database, *, min_n: int = 20, currency: str | None = None
) -> list[dict[str, Any]]:
    """Band rows of the materialized scope: by seniority, function × seniority, role × seniority."""
    # The currency with the most disclosed postings first (usually the headline one), then by code.
    totals = db.execute(
        f"SELECT currency FROM {SCOPE_TABLE} WHERE pay IS NOT NULL AND currency IS NOT NULL "
        "GROUP BY currency ORDER BY count(*) DESC, currency"
    ).fetchall()
    currency_rank = {code: rank for rank, (code,) in enumerate(totals)}
    rows: list[dict[str, Any]] = []
    for level in LEVELS:
        level_rows = []
        for key, values in pay_groups(db, ("currency", *level, "seniority"), currency=currency):
            named = dict(zip(("currency", *level, "seniority"), key, strict=True))
            level_rows.append(
                {
                    "role": named.get("role"),
                    "function": named.get("function"),
                    "seniority": named["seniority"],
                    "currency": named["currency"],
                    **band(values, min_n),
                }
            )
        level_rows.sort(
            key=lambda r: (
                currency_rank[r["currency"]],
                r["function"] or "",
                r["role"] or "",
                seniority_rank(r["seniority"]),
            )
        )
        rows.extend(level_rows)
    return rows
