"""Honest weeks: partial weeks flagged with their reason, changes on the panel of boards crawled in both."""

from __future__ import annotations

from typing import Any

import pytest

from report import build_report
from report.periods import Calendar, shift
from store import open_db
from store.crawl_runs import finish_run, start_run
from store.postings import upsert_posting

# Weekly crawls (Wednesdays): beta from W45 on, acme first crawled completely in W47; the last run is in W49.
RUNS = [("2026-11-04", ["beta"]), ("2026-11-11", ["beta"]), ("2026-11-18", ["acme", "beta"]),
        ("2026-11-25", ["acme", "beta"]), ("2026-12-02", ["acme", "beta"])]  # fmt: skip
# (board, posted, first seen, how many, how many ask for AI)
POSTINGS = [
    ("beta", "2026-11-02", "2026-11-04", 2, 1),  # W45
    ("beta", "2026-11-09", "2026-11-11", 2, 1),  # W46
    ("beta", "2026-11-16", "2026-11-18", 2, 1),  # W47
    ("beta", "2026-11-23", "2026-11-25", 2, 2),  # W48
    ("acme", "2026-11-05", "2026-11-18", 1, 0),  # W45, still open at acme's first crawl: backfill
    ("acme", "2026-11-16", "2026-11-18", 10, 5),  # W47
    ("acme", "2026-11-23", "2026-11-25", 10, 5),  # W48
    ("beta", "2026-11-30", "2026-12-02", 1, 0),  # W49, the current week
]


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    db = open_db(":memory:")
    for day, boards in RUNS:
        run = start_run(db, "lever", f"{day}T08:00:00Z")
        finish_run(db, run, source="lever", finished_at=f"{day}T09:00:00Z", reason="finished",
                   outcomes={b: ("ok", "") for b in boards}, pages=1, pages_new=1, errors=0)  # fmt: skip
    serial = 0
    with db.conn:
        for board, posted, seen, n, ai in POSTINGS:
            for i in range(n):
                serial += 1
                row = {"source": "lever", "source_id": str(serial), "board": board, "posted": posted,
                       "first_seen": f"{seen}T08:30:00Z", "last_seen": f"{seen}T08:30:00Z",
                       "ai": "required" if i < ai else "none"}  # fmt: skip
                upsert_posting(db, row, [], None)
    return {w["week"]: w for w in build_report(db)["weekly"]}


def test_weeks_before_a_boards_first_complete_crawl_are_partial(report: dict[str, Any]) -> None:
    assert report["2026-W45"]["partial_reason"] == "before the first complete crawl of 1 of its 2 boards"
    assert [w for w, row in report.items() if row["partial"]] == ["2026-W45", "2026-W49"]
    assert report["2026-W49"]["partial_reason"] == "current week: not over at the latest crawl (2026-12-02)"


def test_changes_leave_partial_weeks_out(report: dict[str, Any]) -> None:
    assert report["2026-W46"]["postings_change"] is None
    assert report["2026-W46"]["change_note"] == "a partial week is in the periods compared"
    assert report["2026-W49"]["ai_share_change"] is None


def test_changes_compare_only_boards_crawled_in_both_weeks(report: dict[str, Any]) -> None:
    """W47 against W46: acme was first crawled in W47, so only beta compares: 2 postings against 2 (the total
    jumped from 2 to 12). W48 against W47: both boards: 12 against 12, AI 7 of 12 against 6 of 12."""
    w47 = report["2026-W47"]
    assert (w47["postings"], w47["change_panel_boards"], w47["postings_change"]) == (12, 1, 0.0)
    assert w47["ai_share_change_verdict"] == "no significant change"
    w48 = report["2026-W48"]
    assert (w48["change_panel_boards"], w48["postings_change"], w48["ai_share_change"]) == (2, 0.0, 0.083333)


def test_calendar_panel_and_shift() -> None:
    cal = Calendar(
        {}, {("a", None): frozenset({"2026-W01", "2026-W02"}), ("b", None): frozenset({"2026-W02"})}, None
    )
    assert cal.panel(["2026-W02"], ["2026-W01"]) == {("a", None)}
    assert cal.partial_reason("2026-W02", [("a", None)]) is None
    assert (shift("2026-W01", -1), shift("2026-W53", 1), shift("2026-W47", -4)) == (
        "2025-W52",
        "2027-W01",
        "2026-W43",
    )
