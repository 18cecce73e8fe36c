"""A Posting as a stored row and as a prediction: withheld pay is kept but never disclosed."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlite_utils

from extract.model import Posting, SkillMatch
from extract.output import posting_row, prediction
from extract.vendors import read_payload
from report import build_report
from store import open_db
from store.postings import upsert_posting

FIXTURE = Path(__file__).parent / "fixtures" / "ashby" / "withheld.json"


def _postings() -> list[Posting]:
    raws = read_payload(
        "ashby", FIXTURE.read_text(encoding="utf-8"), url="https://example.test/ashby", board="fernhollow",
        fetched_at="2026-11-04T00:00:00Z",
    )  # fmt: skip
    return [Posting(raw=raw, salary=raw.salary, seniority="mid", function="engineering") for raw in raws]


def _stored() -> sqlite_utils.Database:
    db = open_db(":memory:")
    with db.conn:
        for posting in _postings():
            upsert_posting(
                db, posting_row(posting, industry=None, company="Fernhollow", page_id=None), [], None
            )
    return db


@pytest.mark.parametrize(("index", "withheld"), [(0, 1), (1, 0)])
def test_posting_row_keeps_withheld_pay_flagged(index: int, withheld: int) -> None:
    row = posting_row(_postings()[index], industry=None, company=None, page_id=None)
    assert row["salary_annual_min"] is not None
    assert row["salary_withheld"] == withheld


@pytest.mark.parametrize(("index", "disclosed"), [(0, False), (1, True)])
def test_prediction_withheld_pay_is_not_disclosed(index: int, disclosed: bool) -> None:
    assert (prediction(_postings()[index])["salary"] is not None) is disclosed


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        ("SELECT title, disclosed FROM jobs ORDER BY title", [("Data Analyst", 1), ("Platform Engineer", 0)]),
        (
            "SELECT title, pay_annual FROM jobs ORDER BY title",
            [("Data Analyst", 100000.0), ("Platform Engineer", None)],
        ),
        ("SELECT n FROM salary_bands", [(1,)]),
        ("SELECT n, disclosed FROM disclosure_by_source", [(2, 1)]),
    ],
)
def test_jobs_view_withheld_pay_is_not_disclosed(sql: str, expected: list[tuple[object, ...]]) -> None:
    assert [tuple(r) for r in _stored().execute(sql).fetchall()] == expected


def test_report_withheld_pay_is_not_disclosed() -> None:
    report = build_report(_stored(), min_n=1, now=datetime(2026, 11, 23, tzinfo=UTC))
    overall = next(r for r in report["disclosure"] if r["by"] == "all")
    assert (overall["n"], overall["disclosed"]) == (2, 1)
    assert (
        sum(band["n"] for band in report["salary_bands"] if band["role"] is None and band["function"] is None)
        == 1
    )


@pytest.mark.parametrize(
    ("found", "skills", "credentials"),
    [
        (["Python", "BLS"], ["Python"], ["BLS"]),
        (["ACLS", "BLS"], [], ["ACLS", "BLS"]),
        (["Epic", "SQL"], ["Epic", "SQL"], []),
    ],
)
def test_prediction_lists_credentials_apart_from_skills(
    found: list[str], skills: list[str], credentials: list[str]
) -> None:
    posting = _postings()[1]
    posting.skills = [SkillMatch(skill=name, surface=name, start=0, end=len(name)) for name in found]
    predicted = prediction(posting)
    assert (predicted["skills"], predicted["credentials"]) == (skills, credentials)
