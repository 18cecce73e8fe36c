"""Which postings a report covers.

Without a window every posting in the database is in scope, except postings that duplicate another (the
same job reached through another route: ``postings.duplicate_of`` is set by ``extract run``'s de-duplication).
A window keeps the postings *of* it, by the one definition of time the weekly trend uses: a posting belongs
to the day it was posted when the source states a valid date, else to the day it was first seen
(``store.views.DAY``); a posting with neither is outside every window. A stored date outside 1990-01-01 to
2100-12-31 (9999-12-31, 0001-01-01: another tool's or an older extractor's) is unknown, and a window must lie
within those dates. ``week`` "2026-W47" is the ISO week
Monday–Sunday; ``since`` / ``until`` are inclusive ISO dates; given together they intersect. So
``--week 2026-W47`` covers exactly the postings the trend counts in 2026-W47. With ``active`` the window
instead keeps the postings *active in* it: first seen on or before its last day and last seen on or after its
first day (a posting never re-seen counts as last seen when first seen). Times are compared as the stored ISO
text (UTC), by calendar day.

A segment narrows the scope to a slice: ``function=engineering``, ``role=ai engineer``, ``seniority=senior``,
``soc_major=29`` (the SOC major group, two digits), ``industry=…``, ``source=greenhouse``, ``ai=required|preferred|none|any``, ``llm_focused`` (or
``llm_focused=0``). Terms are joined with ``&`` ("function=engineering & seniority=senior"); names are checked
against an allow-list and values are always bound as SQL parameters, never pasted into SQL. Text values match
case-insensitively.

The scope is materialized once as the temporary table ``report_scope`` (one row per posting, with its pay and
ISO week already derived) so that every figure aggregates the same rows with plain GROUP BY queries. Pay is the
midpoint of the annualized range of a disclosed posting whose amounts are plausible (``store.views.PLAUSIBLE_PAY``:
numbers from 1 to 1e12 a year); other amounts (non-positive, 5e-324, 1e308, infinite, text) are parsing slips or
hostile input, not pay: such a posting still counts as disclosing, and the methodology counts it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import sqlite_utils

from store.views import DAY, EARLIEST_DAY, JOB_FIELDS, LATEST_DAY, ONE_ROW_PER_JOB

SCOPE_TABLE = "report_scope"
FUNCTIONS_TABLE = "report_functions"

# Segment names → posting columns compared as text (case-insensitively).
TEXT_COLUMNS = {
    "function": "function",
    "role": "role",
    "soc_major": "soc_major",
    "seniority": "seniority",
    "industry": "industry",
    "source": "source",
}
AI_VALUES = {
    "required": "lower(p.ai) = 'required'",
    "preferred": "lower(p.ai) = 'preferred'",
    "any": "lower(p.ai) IN ('required', 'preferred')",
    "none": "coalesce(lower(p.ai), 'none') NOT IN ('required', 'preferred')",
}
FLAG_VALUES = {"1": 1, "true": 1, "yes": 1, "0": 0, "false": 0, "no": 0}
SEGMENT_NAMES = (*TEXT_COLUMNS, "ai", "llm_focused")

EARLIEST, LATEST = date.fromisoformat(EARLIEST_DAY), date.fromisoformat(LATEST_DAY)
_WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")

# Function codes let figures group by a small integer instead of text (see report.skill_shares).
_FUNCTIONS_SQL = (
    f"CREATE TEMP TABLE {FUNCTIONS_TABLE} (code INTEGER PRIMARY KEY, function TEXT UNIQUE)",
    f"INSERT INTO {FUNCTIONS_TABLE} (function) SELECT DISTINCT function FROM postings ORDER BY function",
)
_CREATE_SQL = f"""
CREATE TEMP TABLE {SCOPE_TABLE} (
    id INTEGER PRIMARY KEY, source TEXT, board TEXT, function TEXT, function_code INTEGER, role TEXT,
    soc_major TEXT, seniority TEXT, industry TEXT, ai TEXT, llm_focused INTEGER, disclosed INTEGER, pay REAL,
    currency TEXT, period TEXT, kind TEXT, week TEXT, extractor_version TEXT
)
"""
# One row per job with its derived fields: the very expressions of the ``jobs`` view (``store.views``).
_DERIVED = ("ai", "llm_focused", "disclosed", "pay_annual", "pay_currency", "pay_period", "pay_kind", "week")
_INSERT_SQL = f"""
INSERT INTO {SCOPE_TABLE}
SELECT
    p.id,
    p.source,
    p.board,
    p.function,
    (SELECT f.code FROM {FUNCTIONS_TABLE} AS f WHERE f.function IS p.function),
    p.role,
    p.soc_major,
    p.seniority,
    p.industry,
    {", ".join(JOB_FIELDS[name] for name in _DERIVED)},
    p.extractor_version
FROM postings AS p
"""


@dataclass(frozen=True, slots=True)
class Condition:
    """One parameterized SQL condition on ``postings AS p``."""

    sql: str
    params: tuple[Any, ...] = ()


@dataclass(frozen=True, slots=True)
class Scope:
    """The postings a report covers; see the module docstring."""

    week: str | None = None
    since: str | None = None
    until: str | None = None
    segment: str | None = None
    active: bool = False
    conditions: tuple[Condition, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # One job, counted once: a posting that duplicates another (same job, another route) is left out.
        conditions: list[Condition] = [Condition(ONE_ROW_PER_JOB)]
        start, end = window(self.week, self.since, self.until)
        conditions.extend(_active_conditions(start, end) if self.active else _posted_conditions(start, end))
        conditions.extend(parse_segment(self.segment) if self.segment else ())
        object.__setattr__(self, "conditions", tuple(conditions))

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause (with a leading ``WHERE``, or empty) and its parameters."""
        if not self.conditions:
            return "", []
        sql = " AND ".join(f"({c.sql})" for c in self.conditions)
        return f"WHERE {sql}", [param for c in self.conditions for param in c.params]

    def describe(self) -> dict[str, Any]:
        """The scope as it appears in the methodology block."""
        start, end = window(self.week, self.since, self.until)
        return {
            "week": self.week,
            "since": self.since,
            "until": self.until,
            "start": start.isoformat() if start else None,
            "end": end.isoformat() if end else None,
            "segment": normalize_segment(self.segment) if self.segment else None,
            "window": "active" if self.active else "posted",
        }


def _posted_conditions(start: date | None, end: date | None) -> list[Condition]:
    """The postings whose day (posted, else first seen) falls in the window."""
    conditions = []  # DAY's columns are unqualified: the scope reads ``postings AS p`` alone
    if start is not None:
        conditions.append(Condition(f"{DAY} >= ?", (start.isoformat(),)))
    if end is not None:
        conditions.append(Condition(f"{DAY} <= ?", (end.isoformat(),)))
    return conditions


def _active_conditions(start: date | None, end: date | None) -> list[Condition]:
    """The postings active in the window: first seen by its last day, last seen from its first day on."""
    conditions = []
    if end is not None:
        next_day = (end + timedelta(days=1)).isoformat()
        conditions.append(Condition("coalesce(p.first_seen, p.posted) < ?", (next_day,)))
    if start is not None:
        conditions.append(
            Condition("coalesce(p.last_seen, p.first_seen, p.posted) >= ?", (start.isoformat(),))
        )
    return conditions


def _in_window(day: date, option: str, text: str) -> date:
    """``day`` when a report can cover it (``store.views.EARLIEST_DAY``..``LATEST_DAY``), else a ValueError
    naming the option: dates outside are unknown to every figure, and 9999-12-31 has no next day."""
    if not EARLIEST <= day <= LATEST:
        raise ValueError(f"--{option} {text!r} is outside the dates a report covers ({EARLIEST} to {LATEST})")
    return day


def iso_week_bounds(week: str) -> tuple[date, date]:
    """Monday and Sunday of an ISO week written ``YYYY-Www`` ("2026-W47"), within the dates a report covers."""
    match = _WEEK_RE.match(week.strip())
    if not match:
        raise ValueError(f"week must look like 2026-W47, got {week!r}")
    try:
        monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError as exc:
        raise ValueError(f"no such ISO week: {week!r}") from exc
    _in_window(monday, "week", week)
    return monday, _in_window(monday + timedelta(days=6), "week", week)


def window(week: str | None, since: str | None, until: str | None) -> tuple[date | None, date | None]:
    """The inclusive first and last day of the report window (None = open on that side)."""
    start: date | None = None
    end: date | None = None
    if week:
        start, end = iso_week_bounds(week)
    if since:
        day = _parse_day(since, "since")
        start = day if start is None else max(start, day)
    if until:
        day = _parse_day(until, "until")
        end = day if end is None else min(end, day)
    if start is not None and end is not None and start > end:
        raise ValueError(f"empty window: {start} is after {end}")
    return start, end


def _parse_day(text: str, name: str) -> date:
    try:
        day = date.fromisoformat(text.strip()[:10])
    except ValueError as exc:
        raise ValueError(f"{name} must be an ISO date (2026-11-16), got {text!r}") from exc
    return _in_window(day, name, text)


def _split_terms(segment: str) -> list[tuple[str, str | None]]:
    terms: list[tuple[str, str | None]] = []
    for raw in segment.split("&"):
        term = raw.strip()
        if not term:
            continue
        name, sep, value = term.partition("=")
        name = name.strip().lower()
        if name not in SEGMENT_NAMES:
            raise ValueError(f"unknown segment {name!r}; use one of: {', '.join(SEGMENT_NAMES)}")
        terms.append((name, " ".join(value.split()) if sep else None))
    if not terms:
        raise ValueError("empty segment")
    return terms


def parse_segment(segment: str) -> list[Condition]:
    """Parse ``name=value & …`` into parameterized conditions on ``postings AS p``."""
    conditions: list[Condition] = []
    for name, value in _split_terms(segment):
        if name in TEXT_COLUMNS:
            if not value:
                raise ValueError(f"segment {name} needs a value: {name}=…")
            conditions.append(Condition(f"p.{TEXT_COLUMNS[name]} = ? COLLATE NOCASE", (value,)))
        elif name == "ai":
            key = (value or "any").lower()
            if key not in AI_VALUES:
                raise ValueError(f"ai must be one of {', '.join(AI_VALUES)}, got {value!r}")
            conditions.append(Condition(AI_VALUES[key]))
        else:  # llm_focused
            flag = FLAG_VALUES.get((value or "1").lower())
            if flag is None:
                raise ValueError(f"llm_focused must be 0 or 1, got {value!r}")
            conditions.append(Condition("coalesce(p.llm_focused, 0) = ?", (flag,)))
    return conditions


def normalize_segment(segment: str) -> str:
    """Canonical spelling: "Role = AI  engineer&llm_focused" → "role=AI engineer & llm_focused"."""
    parse_segment(segment)  # validate
    return " & ".join(name if value is None else f"{name}={value}" for name, value in _split_terms(segment))


def materialize(db: sqlite_utils.Database, scope: Scope) -> int:
    """(Re)create the temporary ``report_scope`` table for ``scope``; return its number of postings."""
    where, params = scope.where()
    drop(db)
    with db.conn:  # commit, so the caller's connection is not left inside a transaction
        for sql in (*_FUNCTIONS_SQL, _CREATE_SQL):
            db.execute(sql)
        db.execute(_INSERT_SQL + where, params)
    return int(db.execute(f"SELECT count(*) FROM temp.{SCOPE_TABLE}").fetchone()[0])


def drop(db: sqlite_utils.Database) -> None:
    """Remove the temporary tables of ``materialize``."""
    db.execute(f"DROP TABLE IF EXISTS temp.{SCOPE_TABLE}")
    db.execute(f"DROP TABLE IF EXISTS temp.{FUNCTIONS_TABLE}")
