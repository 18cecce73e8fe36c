"""Honest weeks: which weeks are partial, and changes between periods on a panel of boards.

A posting belongs to the ISO week it was posted in, else first seen (``store.views.DAY``). A week is
**partial** when it cannot hold all its postings yet: the current week (the latest crawl is in it or before
it, so it is not over) and any week before the first complete crawl of a board with postings in it (such a
week holds only that board's postings still open at that crawl, so a new database shows a false rising
trend). Partial weeks are flagged with the reason and left out of changes unless asked for.

A change compares a period with the one before it (one week: week over week; four weeks: the last four
against the four before) on the **panel** of boards crawled in both periods, so a board added or dropped
between them moves no figure. A board is crawled in a week when a recorded crawl run read it that week;
for a board no run recorded (a database filled by other means), every week from the first to the last day
one of its postings was seen, and its coverage starts with the first. Shares change as differences with Newcombe's hybrid score interval
(``report.stats``), and the median pay of the report's leading currency as a difference with a seeded
bootstrap interval (only when both periods have ``min_n`` disclosed postings); the verdict is "no significant
change" when the 95% interval spans zero.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import sqlite_utils

from report.stats import median, median_difference_interval, newcombe_interval, verdict
from store.views import BOARD_CRAWLS, BOARD_SEEN_SPANS, LATEST_RUN_DAY

Board = tuple[str, str | None]  # (source, board)
Counts = tuple[int, int, int]  # postings, asking for AI, disclosing pay
# The rates a change reports: name → position of its numerator in ``Counts``.
RATES = {"ai_share": 1, "disclosure_rate": 2}


def label(day: date) -> str:
    """The ISO week label of a day ("2026-W47")."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def monday(week: str) -> date:
    return date.fromisocalendar(int(week[:4]), int(week[6:]), 1)


def shift(week: str, weeks: int) -> str:
    """The week ``weeks`` later (earlier when negative)."""
    return label(monday(week) + timedelta(days=7 * weeks))


@dataclass(frozen=True, slots=True)
class Calendar:
    """When each board's coverage starts, the weeks each board was crawled and the latest crawl's day."""

    coverage: Mapping[Board, str]
    crawled: Mapping[Board, frozenset[str]]
    latest_day: str | None

    def partial_reason(self, week: str, boards: Iterable[Board]) -> str | None:
        """Why ``week`` (with postings from ``boards``) is partial, or None when it is complete."""
        if self.latest_day is not None and week >= label(date.fromisoformat(self.latest_day)):
            return f"current week: not over at the latest crawl ({self.latest_day})"
        boards = list(boards)
        early = [b for b in boards if week < self.coverage.get(b, week)]
        if early:
            return f"before the first complete crawl of {len(early)} of its {len(boards)} boards"
        return None

    def panel(self, current: Sequence[str], previous: Sequence[str]) -> set[Board]:
        """The boards crawled in both periods."""
        now, before = set(current), set(previous)
        return {b for b, weeks in self.crawled.items() if weeks & now and weeks & before}


def _max(a: str | None, b: str | None) -> str | None:
    return b if a is None else a if b is None else max(a, b)


def _from_runs(db: sqlite_utils.Database) -> tuple[dict[Board, str], dict[Board, set[str]]]:
    """Coverage start and crawl weeks of the boards a recorded run read."""
    coverage: dict[Board, str] = {}
    crawled: dict[Board, set[str]] = {}
    for source, board, day, complete in db.execute(BOARD_CRAWLS).fetchall():
        week = label(date.fromisoformat(day))
        crawled.setdefault((source, board), set()).add(week)
        if complete:
            coverage[(source, board)] = min(coverage.get((source, board), week), week)
    for board, weeks in crawled.items():  # read only by interrupted runs: from the first of them
        coverage.setdefault(board, min(weeks))
    return coverage, crawled


def _from_postings(
    db: sqlite_utils.Database, coverage: dict[Board, str], crawled: dict[Board, set[str]]
) -> str | None:
    """Add the boards no run recorded: crawled every week from the first to the last day one of their
    postings was seen (the days in between are not stored apart); return the latest such day."""
    recorded = set(crawled)
    latest: str | None = None
    for source, board, first_day, last_day in db.execute(BOARD_SEEN_SPANS).fetchall():
        if (source, board) in recorded or first_day is None:
            continue
        first, last = date.fromisoformat(first_day), date.fromisoformat(last_day)
        coverage[(source, board)] = label(first)
        weeks = {label(first + timedelta(days=7 * k)) for k in range((last - first).days // 7 + 1)}
        crawled[(source, board)] = weeks | {label(last)}
        latest = _max(latest, last_day)
    return latest


def calendar(db: sqlite_utils.Database, boards: Iterable[Board]) -> Calendar:
    """The crawl calendar: from the recorded runs, and for any of ``boards`` no run read, from the span of days
    its postings were seen (one scan of the postings, skipped when every board has runs)."""
    coverage, crawled = _from_runs(db)
    latest = db.execute(LATEST_RUN_DAY).fetchone()[0]
    if any(board not in crawled for board in boards):
        latest = _max(latest, _from_postings(db, coverage, crawled))
    return Calendar(coverage, {b: frozenset(w) for b, w in crawled.items()}, latest)


@dataclass(frozen=True, slots=True)
class Trend:
    """What changes are computed from: per week and board, the counts and the sorted pay of one currency;
    which weeks are partial; the crawl calendar; and the options (``min_n`` for medians, ``seed``)."""

    counts: Mapping[str, Mapping[Board, Counts]]
    pays: Mapping[str, Mapping[Board, list[float]]]
    partial: Mapping[str, str | None]
    calendar: Calendar
    include_partial: bool = False
    min_n: int = 20
    seed: int = 0


def _sum(by_week: Mapping[str, Mapping[Board, Counts]], weeks: Sequence[str], panel: set[Board]) -> Counts:
    totals = [0, 0, 0]
    for week in weeks:
        for board, counts in by_week.get(week, {}).items():
            if board in panel:
                totals = [t + c for t, c in zip(totals, counts, strict=True)]
    return totals[0], totals[1], totals[2]


def _pay(
    pays: Mapping[str, Mapping[Board, list[float]]], weeks: Sequence[str], panel: set[Board]
) -> list[float]:
    return sorted(
        v for week in weeks for board, values in pays.get(week, {}).items() if board in panel for v in values
    )


def _null(name: str) -> dict[str, Any]:
    return {name: None, f"{name}_ci_low": None, f"{name}_ci_high": None, f"{name}_verdict": None}


def empty_change(suffix: str, note: str | None) -> dict[str, Any]:
    """The change fields of a row (``suffix`` "" week over week, "_4w" over four weeks), all null."""
    fields: dict[str, Any] = {f"change_panel_boards{suffix}": None, f"postings_change{suffix}": None}
    for name in (*RATES, "median_pay"):
        fields.update(_null(f"{name}_change{suffix}"))
    fields[f"change_note{suffix}"] = note
    return fields


def _interval_fields(name: str, value: float, low: float, high: float) -> dict[str, Any]:
    return {
        name: round(value, 6),
        f"{name}_ci_low": round(low, 6),
        f"{name}_ci_high": round(high, 6),
        f"{name}_verdict": verdict(low, high),
    }


def _rate_change(name: str, current: Counts, previous: Counts, index: int) -> dict[str, Any]:
    low, high = newcombe_interval(current[index], current[0], previous[index], previous[0])
    if low is None or high is None:
        return {}
    return _interval_fields(name, current[index] / current[0] - previous[index] / previous[0], low, high)


def _median_change(name: str, current: list[float], previous: list[float], trend: Trend) -> dict[str, Any]:
    """Median pay now minus before, with the seeded bootstrap interval; none when a side is under min_n."""
    if len(current) < max(trend.min_n, 1) or len(previous) < max(trend.min_n, 1):
        return {}
    low, high = median_difference_interval(current, previous, seed=trend.seed)
    return _interval_fields(name, median(current) - median(previous), low, high)


def change(trend: Trend, week: str, span: int) -> dict[str, Any]:
    """The change into the ``span`` weeks ending with ``week`` from the ``span`` weeks before, on the panel."""
    suffix = "" if span == 1 else f"_{span}w"
    current = [shift(week, -k) for k in range(span)]
    previous = [shift(week, -span - k) for k in range(span)]
    if not trend.include_partial and any(trend.partial.get(w) for w in current + previous):
        return empty_change(suffix, "a partial week is in the periods compared")
    panel = trend.calendar.panel(current, previous)
    now, before = _sum(trend.counts, current, panel), _sum(trend.counts, previous, panel)
    if not now[0] or not before[0]:
        return empty_change(suffix, "no postings of boards crawled in both periods")
    fields = empty_change(suffix, None)
    fields[f"change_panel_boards{suffix}"] = len(panel)
    fields[f"postings_change{suffix}"] = round(now[0] / before[0] - 1, 6)
    for rate, index in RATES.items():
        fields.update(_rate_change(f"{rate}_change{suffix}", now, before, index))
    pay_now, pay_before = _pay(trend.pays, current, panel), _pay(trend.pays, previous, panel)
    fields.update(_median_change(f"median_pay_change{suffix}", pay_now, pay_before, trend))
    return fields
