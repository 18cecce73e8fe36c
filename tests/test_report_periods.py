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
# (board, posted, first seen, how many, how many ask for AI, annual pay in USD)
POSTINGS = [
    ("beta", "2026-11-02", "2026-11-04", 2, 1, None),  # W45
    ("beta", "2026-11-09", "2026-11-11", 2, 1, None),  # W46
    ("beta", "2026-11-16", "2026-11-18", 2, 1, 100_000),  # W47
    ("beta", "2026-11-23", "2026-11-25", 2, 2, 110_000),  # W48
    ("acme", "2026-11-05", "2026-11-18", 1, 0, None),  # W45, still open at acme's first crawl: backfill
    ("acme", "2026-11-16", "2026-11-18", 10, 5, 100_000),  # W47
    ("acme", "2026-11-23", "2026-11-25", 10, 5, 110_000),  # W48
    ("beta", "2026-11-30", "2026-12-02", 1, 0, None),  # W49, the current week
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
        for board, posted, seen, n, ai, pay in POSTINGS:
            for i in range(n):
                serial += 1
                row = {"source": "lever", "source_id": str(serial), "board": board, "posted": posted,
                       "first_seen": f"{seen}T08:30:00Z", "last_seen": f"{seen}T08:30:00Z",
                       "ai": "required" if i < ai else "none", "salary_annual_min": pay, "salary_annual_max": pay,
                       "salary_currency": "USD" if pay else None}  # fmt: skip
                upsert_posting(db, row, [], None)
    return {w["week"]: w for w in build_report(db, min_n=5)["weekly"]}


def test_partial_reason_flags_weeks_before_a_boards_first_complete_crawl(report: dict[str, Any]) -> None:
    assert report["2026-W45"]["partial_reason"] == "before the first complete crawl of 1 of its 2 boards"
    assert [w for w, row in report.items() if row["partial"]] == ["2026-W45", "2026-W49"]
    assert report["2026-W49"]["partial_reason"] == "current week: not over at the latest crawl (2026-12-02)"


def test_change_leaves_partial_weeks_out(report: dict[str, Any]) -> None:
    assert report["2026-W46"]["postings_change"] is None
    assert report["2026-W46"]["change_note"] == "a partial week is in the periods compared"
    assert report["2026-W49"]["ai_share_change"] is None


def test_change_compares_only_boards_crawled_in_both_periods(report: dict[str, Any]) -> None:
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


def test_change_of_median_pay_has_a_bootstrap_interval(report: dict[str, Any]) -> None:
    """W48 against W47: 12 postings paying $110,000 against 12 paying $100,000. Every resample of a side whose
    values are all equal has that value as its median, so the bootstrap interval is exactly (10,000, 10,000),
    which excludes zero: "up"."""
    w48 = report["2026-W48"]
    assert (w48["pay_currency"], w48["pay_n"], w48["median_pay"]) == ("USD", 12, 110_000.0)
    assert (w48["median_pay_change"], w48["median_pay_change_ci_low"], w48["median_pay_change_ci_high"]) == (
        10_000.0,
        10_000.0,
        10_000.0,
    )
    assert w48["median_pay_change_verdict"] == "up"
    assert report["2026-W46"]["median_pay"] is None  # no pay disclosed
