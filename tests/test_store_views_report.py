"""The views (``store.views``) agree with ``build_report``; ``meta`` keeps the taxonomy version.

The views cover the whole de-duplicated database, so they are checked against an unwindowed report of the
golden fixture (``test_report_build_golden``), also after a duplicate posting is added: it must change neither.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
import sqlite_utils

from report import build_report
from report.methodology import taxonomy_version
from store import open_db
from store.postings import replace_skills_taxonomy, upsert_posting

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
VIEWS = (
    "jobs", "skill_shares", "group_shares", "ai_by_function", "salary_bands", "disclosure_by_function",
    "disclosure_by_source", "weekly_postings", "ai_by_soc_major",
)  # fmt: skip


def _with_duplicate(db: sqlite_utils.Database) -> sqlite_utils.Database:
    """The golden fixture plus a second route to p1's job (another source), marked as its duplicate."""
    p1 = db.execute("SELECT id FROM postings WHERE source_id = 'p1'").fetchone()[0]
    with db.conn:
        again = upsert_posting(
            db,
            {"source": "jsonld", "source_id": "p1-again", "function": "engineering", "role": "ai engineer",
             "seniority": "entry", "ai": "required", "salary_annual_min": 1.0, "salary_currency": "USD",
             "posted": "2026-11-16"},
            [{"skill": "Python", "preferred": 0}, {"skill": "Pinecone", "preferred": 0}],
            None,
        )  # fmt: skip
        db.execute("UPDATE postings SET duplicate_of = ? WHERE id = ?", [p1, again])
    return db


FIXTURES: dict[str, Callable[[sqlite_utils.Database], sqlite_utils.Database]] = {
    "golden": lambda db: db,
    "duplicate": _with_duplicate,
}


@pytest.fixture(scope="module", params=sorted(FIXTURES))
def pair(
    request: pytest.FixtureRequest, build_golden_db: Callable[[], sqlite_utils.Database]
) -> tuple[sqlite_utils.Database, dict[str, Any]]:
    db = FIXTURES[request.param](build_golden_db())
    return db, build_report(db, min_n=3, now=NOW)


def _rows(db: sqlite_utils.Database, sql: str) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in db.execute(sql).fetchall()]


def _shares(report: dict[str, Any], kind: str) -> list[tuple[Any, ...]]:
    rows = report["skill_shares"]
    return [
        (r["skill"], r["count"], r["n"], r["share"])
        for r in rows
        if r["segment"] == "all" and r["kind"] == kind
    ]


def _bands(report: dict[str, Any]) -> list[tuple[Any, ...]]:
    rows = report["salary_bands"]
    return [
        (r["seniority"], r["currency"], r["n"]) for r in rows if r["role"] is None and r["function"] is None
    ]


def _weeks(report: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (w["week"], w["postings"], w["ai_share"], w["disclosure_rate"])
        for w in report["weekly"]
        if w["postings"]
    ]


# view → (SQL on the view, the same figures taken from the report)
AGREEMENT: dict[str, tuple[str, Callable[[dict[str, Any]], list[tuple[Any, ...]]]]] = {
    "skill_shares": ("SELECT skill, postings, n, share FROM skill_shares", lambda r: _shares(r, "skill")),
    "group_shares": (
        "SELECT skill_group, postings, n, share FROM group_shares",
        lambda r: _shares(r, "group"),
    ),
    "ai_by_function": (
        "SELECT function, n, required_share, preferred_share, any_share FROM ai_by_function",
        lambda r: [
            (x["function"], x["n"], x["required"], x["preferred"], x["any"]) for x in r["ai_by_function"]
        ],
    ),
    "salary_bands": ("SELECT seniority, currency, n FROM salary_bands", _bands),
    "disclosure_by_function": (
        "SELECT function, n, disclosed, rate FROM disclosure_by_function",
        lambda r: [
            (x["key"], x["n"], x["disclosed"], x["rate"]) for x in r["disclosure"] if x["by"] == "function"
        ],
    ),
    "disclosure_by_source": (
        "SELECT source, n, disclosed, rate FROM disclosure_by_source",
        lambda r: [
            (x["key"], x["n"], x["disclosed"], x["rate"]) for x in r["disclosure"] if x["by"] == "source"
        ],
    ),
    "weekly_postings": ("SELECT week, postings, ai_share, disclosure_rate FROM weekly_postings", _weeks),
    "ai_by_soc_major": (
        "SELECT soc_major, major_group, n, ai_any, disclosed FROM ai_by_soc_major",
        lambda r: [
            (x["soc_major"], x["major_group"], x["n"], x["ai"], x["disclosed"])
            for x in r["role_grid"]
            if x["by"] == "soc_major"
        ],
    ),
}


@pytest.mark.parametrize("view", sorted(AGREEMENT))
def test_report_views_agree_with_build_report(
    pair: tuple[sqlite_utils.Database, dict[str, Any]], view: str
) -> None:
    db, report = pair
    sql, expected = AGREEMENT[view]
    assert _rows(db, sql) == expected(report)


def test_jobs_view_counts_each_job_once(pair: tuple[sqlite_utils.Database, dict[str, Any]]) -> None:
    db, report = pair
    assert db.execute("SELECT count(*) FROM jobs").fetchone()[0] == report["methodology"]["postings"] == 13


@pytest.mark.parametrize(
    ("seniority", "currency", "expected"),
    [
        # 100,000 110,000 120,000 (OTE base) 124,800 (60/h) 130,000 140,000 → mean 120,800
        ("entry", "USD", (6, 100_000.0, 120_800.0, 140_000.0)),
        ("senior", "EUR", (2, 90_000.0, 100_000.0, 110_000.0)),  # 'eur' is upper-cased
        ("mid", "USD", (1, 70_000.0, 70_000.0, 70_000.0)),  # p11; p9's estimate is not disclosed
    ],
)
def test_salary_bands_view_min_avg_max(
    build_golden_db: Callable[[], sqlite_utils.Database],
    seniority: str,
    currency: str,
    expected: tuple[float, ...],
) -> None:
    db = build_golden_db()
    row = db.execute(
        "SELECT n, min_pay, avg_pay, max_pay FROM salary_bands WHERE seniority = ? AND currency = ?",
        [seniority, currency],
    ).fetchone()
    assert tuple(row) == expected


@pytest.mark.parametrize(
    ("recorded", "expected_prefix"),
    [("skills-2026.11", "skills-2026.11"), (None, "skills-sha256:"), ("", "skills-sha256:")],
)
def test_taxonomy_version_prefers_meta_over_fingerprint(
    db: sqlite_utils.Database, recorded: str | None, expected_prefix: str
) -> None:
    replace_skills_taxonomy(db, [{"name": "Python", "category": "language"}])
    if recorded is not None:
        with db.conn:
            db.execute("INSERT INTO meta (key, value) VALUES ('taxonomy_version', ?)", [recorded])
    assert (taxonomy_version(db) or "").startswith(expected_prefix)


def test_taxonomy_version_without_meta_table_falls_back() -> None:
    db = open_db(":memory:", migrate=False)
    db.execute("CREATE TABLE skills (name TEXT, category TEXT, ai INTEGER, groups TEXT)")
    assert taxonomy_version(db) is None


def test_methodology_reports_the_recorded_taxonomy_version(
    build_golden_db: Callable[[], sqlite_utils.Database],
) -> None:
    db = build_golden_db()
    with db.conn:
        db.execute("INSERT INTO meta (key, value) VALUES ('taxonomy_version', 'skills-v7')")
    assert build_report(db, min_n=3, now=NOW)["methodology"]["taxonomy_version"] == "skills-v7"
