"""Rendering: scraped text is neutralized in Markdown, money reads like an article, CSV is spreadsheet-safe."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from report import build_report, to_csv, to_csv_files, to_markdown
from report.render import CSV_COLUMNS, TABLES, table_rows
from report.text import md, money, pct
from store import open_db
from store.postings import upsert_posting

HOSTILE = "ml | ops <script>`x`</script> [click](http://e.test)\nnew *row*_"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("ai engineer", "ai engineer"),
        ("a|b", r"a\|b"),
        ("[x](y)", r"\[x\](y)"),
        ("<b>", r"\<b\>"),
        ("`code`", r"\`code\`"),
        ("two\nlines\r\n here", "two lines here"),
        ("back\\slash", r"back\\slash"),
        (None, "(unknown)"),
    ],
)
def test_md_neutralizes_scraped_text(value: str | None, expected: str) -> None:
    assert md(value) == expected


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [(130_000, "USD", "$130K"), (112_500, "USD", "$113K"), (1_250_000, "USD", "$1,250K"), (85_499, "EUR", "€85K"),
     (120_000, "CHF", "CHF 120K"), (None, "USD", "–")],
)  # fmt: skip
def test_money_in_thousands_half_up(amount: float | None, currency: str, expected: str) -> None:
    assert money(amount, currency) == expected


@pytest.mark.parametrize(
    ("share", "signed", "expected"),
    [(0.6549, False, "65.5%"), (0.064, False, "6.4%"), (0.1818, True, "+18.2%"), (-0.5, True, "-50.0%"),
     (None, False, "–")],
)  # fmt: skip
def test_pct_one_decimal(share: float | None, signed: bool, expected: str) -> None:
    assert pct(share, signed=signed) == expected


@pytest.fixture(scope="module")
def hostile_report() -> dict[str, Any]:
    db = open_db(":memory:")
    with db.conn:
        for i in range(3):
            row = {"source": "=cmd|' /C calc'!A0", "source_id": str(i), "function": "engineering", "role": HOSTILE,
                   "seniority": "senior", "industry": "+evil", "ai": "required" if i else "none",
                   "salary_annual_min": 100_000.0 - 1_000 * i, "salary_annual_max": 120_000.0, "salary_currency": "USD",
                   "first_seen": "2026-11-17T00:00:00Z", "last_seen": "2026-11-17T00:00:00Z"}  # fmt: skip
            upsert_posting(db, row, [{"skill": "Py|thon\n<b>", "preferred": 0}], None)
    return build_report(db, min_n=1, now=datetime(2026, 11, 23, tzinfo=UTC))


def test_markdown_keeps_table_structure_with_hostile_names(hostile_report: dict[str, Any]) -> None:
    text = to_markdown(hostile_report)
    assert "<script>" not in text and "\nnew" not in text
    assert "[click]" not in text and r"\[click\](http" in text
    role_rows = [line for line in text.splitlines() if line.startswith(r"| ml \| ops")]
    # Role | Seniority | Currency | Middle half | Median | n: 6 cells, so 7 unescaped pipes
    assert role_rows and all(len(re.findall(r"(?<!\\)\|", line)) == 7 for line in role_rows)
    assert r"| Py\|thon \<b\> | skill | 100.0% |" in text


def test_markdown_methodology_sentence(hostile_report: dict[str, Any]) -> None:
    first = to_markdown(hostile_report).splitlines()[2]
    assert first.startswith(
        "3 postings across 1 roles, 1 functions and 1 industries, posted over 1 ISO weeks"
    )
    assert "annualized (hourly pay × 2080 hours)" in first and "minimum n=1" in first


def test_csv_prefixes_formula_like_text(hostile_report: dict[str, Any]) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(hostile_report, "disclosure"))))
    assert {r["key"] for r in rows} >= {"'=cmd|' /C calc'!A0", "'+evil"}
    premium = list(csv.DictReader(io.StringIO(to_csv(hostile_report, "ai_premium"))))
    assert premium[0]["premium"] == "-0.006818"  # numbers are never prefixed: 109,250 / 110,000 - 1


def test_to_csv_rejects_unknown_table(hostile_report: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        to_csv(hostile_report, "secrets")


def test_to_csv_files_writes_every_table(hostile_report: dict[str, Any], tmp_path: Path) -> None:
    paths = to_csv_files(hostile_report, tmp_path / "out")
    assert [p.stem for p in paths] == list(TABLES)
    methodology = {r["key"]: r["value"] for r in csv.DictReader(io.StringIO(paths[-1].read_text("utf-8")))}
    assert methodology["postings"] == "3" and methodology["ai_premium_min_n"] == "1"


@pytest.mark.parametrize("table", [t for t in TABLES if t != "methodology"])
def test_to_csv_writes_the_header_of_a_table_without_rows(table: str) -> None:
    empty = build_report(open_db(":memory:"))
    assert to_csv(empty, table) == ",".join(CSV_COLUMNS[table]) + "\n"


@pytest.mark.parametrize("table", TABLES)
def test_csv_columns_are_those_of_the_rows(build_golden_db: Callable[[], Any], table: str) -> None:
    weighted = {
        "weight": "industry",
        "reference": str(Path(__file__).parent / "fixtures/reference/industry.csv"),
    }
    rows = table_rows(build_report(build_golden_db(), min_n=1, **weighted), table)
    assert rows and {tuple(row) for row in rows} == {tuple(CSV_COLUMNS[table])}
