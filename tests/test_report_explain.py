"""Explain: every row of every figure resolves to exactly the postings it counts, with their evidence."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from report import build_report
from report.explain import explain, rows_of, to_csv, to_text
from report.registry import FIGURES
from store.postings import upsert_posting


def _share(numerator: str, denominator: str = "n") -> Callable[[dict[str, Any]], dict[str, int]]:
    return lambda row: {"numerator": row[numerator], "denominator": row[denominator]}


def _ai_any(row: dict[str, Any]) -> dict[str, int]:
    return {"numerator": round(row["any"] * row["n"]), "denominator": row["n"]}


def _premium(row: dict[str, Any]) -> dict[str, int]:
    cells = [c for c in row["cells"] if c["used"]] if "cells" in row else [row]
    return {"ai": sum(c["n_ai"] for c in cells), "other": sum(c["n_other"] for c in cells)}


# figure key → the list sizes its published row states (a new figure must say how its counts read).
EXPECTED: dict[str, Callable[[dict[str, Any]], dict[str, int]]] = {
    "skill_shares": _share("count"),
    "ai_by_function": _ai_any,
    "salary_bands": lambda row: {"postings": row["n"]},
    "disclosure": _share("disclosed"),
    "ai_premium": _premium,
    "weekly": lambda row: {"postings": row["postings"]},
    "role_grid": _share("ai"),
    "hubs": lambda row: _ai_any(row["adoption"] | {"any": row["adoption"]["any"]["share"]}),
    # weighted rows list the unweighted postings: AI over all for a share, a stratum's postings
    "weighted": lambda row: {"postings": row["sample_n"]} if "stratum" in row else _share("ai")(row),
}
REFERENCES = Path(__file__).parent / "fixtures" / "reference"


def test_explain_expectations_cover_every_figure() -> None:
    assert {figure.key for figure in FIGURES} == set(EXPECTED)


@pytest.mark.parametrize(
    "options",
    [
        {"min_n": 3},
        {"min_n": 20, "required_only": True},
        {"segment": "ai=any"},
        {"min_n": 3, "weight": "industry", "reference": str(REFERENCES / "industry.csv")},
        {"min_n": 3, "weight": "industry", "reference": str(REFERENCES / "industry_collapsed.csv")},
        {
            "weight": "occupation",
            "reference": str(REFERENCES / "occupation.csv"),
            "ai_definition": "any-ai-skill",
        },
    ],
)
def test_explain_returns_exactly_every_rows_counts(
    build_golden_db: Callable[[], sqlite_utils.Database], options: dict[str, Any]
) -> None:
    """Every row id of the golden report, suppressed rows, premium cells and weeks included."""
    db = build_golden_db()
    report = build_report(db, **options)
    checked = 0
    for figure in FIGURES:
        rows = rows_of(figure, report)
        assert all("id" in row for row in figure.csv_rows(report)), figure.key  # every CSV row has its id
        for row in rows:
            result = explain(db, row["id"], **options)
            sizes = {name: len(result[name]) for name in EXPECTED[figure.key](row)}
            assert sizes == EXPECTED[figure.key](row), row["id"]
            checked += 1
    ids = [r["id"] for f in FIGURES for r in rows_of(f, report)]
    assert len(ids) == len(set(ids)) == checked > 40


@pytest.mark.parametrize(
    ("figure_id", "keys"),
    [
        ("skill_shares/all/Python", ["id", "definition", "n", "numerator", "denominator"]),
        ("skill_shares/all/group:AWS%2FGCP%2FAzure", ["id", "definition", "n", "numerator", "denominator"]),
        ("ai_by_function/engineering", ["id", "definition", "n", "numerator", "denominator"]),
        ("disclosure/source/lever", ["id", "definition", "n", "numerator", "denominator"]),
        ("salary_bands/USD/entry", ["id", "definition", "n", "postings"]),
        ("salary_bands/EUR/senior", ["id", "definition", "n", "postings"]),  # suppressed at min_n 3
        ("ai_premium/engineering/entry/USD", ["id", "definition", "n", "ai", "other"]),
        ("weekly/2026-W47", ["id", "definition", "n", "postings"]),
        ("role_grid/engineering/ai engineer", ["id", "definition", "n", "numerator", "denominator"]),
        ("role_grid/soc_major=15", ["id", "definition", "n", "numerator", "denominator"]),
        ("hubs/marketing", ["id", "definition", "n", "numerator", "denominator"]),
    ],
)
def test_explain_json_shape(
    build_golden_db: Callable[[], sqlite_utils.Database], figure_id: str, keys: list[str]
) -> None:
    result = explain(build_golden_db(), figure_id, min_n=3)
    assert list(result) == keys
    assert result["definition"].split("\n", 1)[0].endswith(".")
    json.dumps(result)


def test_explain_skill_share_lists_the_postings_and_their_surfaces(
    build_golden_db: Callable[[], sqlite_utils.Database],
) -> None:
    result = explain(build_golden_db(), "skill_shares/all/Python", min_n=3)
    # Python: p1 p2 p3 p4 p6 p7 p9 of 13 postings; the group AWS/GCP/Azure names AWS and GCP
    assert [p["source_id"] for p in result["numerator"]] == ["p1", "p2", "p3", "p4", "p6", "p7", "p9"]
    assert result["n"] == len(result["denominator"]) == 13
    p1 = result["numerator"][0]
    assert set(p1) == {"id", "source", "source_id", "title", "company", "url", "evidence"}
    assert [s["preferred"] for s in p1["evidence"]["skills"]] == [False, False, True]
    group = explain(build_golden_db(), "skill_shares/all/group:AWS%2FGCP%2FAzure", min_n=3)
    assert {s["skill"] for p in group["numerator"] for s in p["evidence"]["skills"]} == {"AWS", "GCP"}


def test_explain_premium_cell_splits_ai_and_other_with_pay_and_ai_evidence(
    build_golden_db: Callable[[], sqlite_utils.Database],
) -> None:
    result = explain(build_golden_db(), "ai_premium/engineering/entry/USD", min_n=3)
    assert [p["source_id"] for p in result["ai"]] == ["p1", "p2", "p3"]
    assert [p["source_id"] for p in result["other"]] == ["p4", "p5", "p6"]
    p3 = result["ai"][2]["evidence"]
    assert (p3["pay"]["pay"], p3["pay"]["salary_period"], p3["ai"]["level"]) == (
        124_800.0,
        "hour",
        "required",
    )
    assert p3["seniority"] == {"level": "entry"}
    # the extractor keeps no seniority or AI cue: explain says so instead of inventing one
    assert [text.split(" ")[0] for text in p3["not_stored"]] == ["ai_cue", "seniority_cue"]


def test_explain_shows_the_stored_surface_offsets_and_pay_sentence(db: sqlite_utils.Database) -> None:
    with db.conn:
        upsert_posting(
            db,
            {"source": "lever", "source_id": "x1", "title": "Data Engineer", "company": "Acme",
             "url": "https://example.test/x1", "first_seen": "2026-11-16T09:00:00Z", "ai": "none",
             "salary_annual_min": 100_000, "salary_currency": "USD", "salary_source": "text",
             "salary_note": "Pay: $100,000 a year"},
            [{"skill": "Python", "preferred": 0, "surface": "python", "start": 12, "end": 18, "section": "requirements"}],
            None,
        )  # fmt: skip
    share = explain(db, "skill_shares/all/Python")
    assert share["numerator"][0]["evidence"]["skills"] == [
        {"skill": "Python", "surface": "python", "start": 12, "end": 18, "preferred": False,
         "section": "requirements"}
    ]  # fmt: skip
    pay = explain(db, "disclosure/all")["numerator"][0]["evidence"]["pay"]
    assert (pay["salary_source"], pay["salary_note"], pay["pay"]) == (
        "text",
        "Pay: $100,000 a year",
        100_000.0,
    )
    text = to_text(share)
    assert "'python' at 12–18" in text and "Acme — Data Engineer" in text
    lines = to_csv(share).splitlines()
    assert lines[0] == "figure_id,list,id,source,source_id,title,company,url,evidence"
    assert lines[1].startswith("skill_shares/all/Python,numerator,1,lever,x1,Data Engineer,Acme,")
    assert len(lines) == 3  # one numerator and one denominator row


@pytest.mark.parametrize(
    "figure_id", ["nothing/all", "skill_shares/all/Cobol", "weekly/2030-W01", "salary_bands/USD/entry/extra"]
)
def test_explain_rejects_an_unknown_id(
    build_golden_db: Callable[[], sqlite_utils.Database], figure_id: str
) -> None:
    with pytest.raises(ValueError, match="no "):
        explain(build_golden_db(), figure_id, min_n=3)


def test_explain_leaves_no_temporary_tables(build_golden_db: Callable[[], sqlite_utils.Database]) -> None:
    db = build_golden_db()
    explain(db, "weekly/2026-W47")
    assert db.execute("SELECT name FROM sqlite_temp_master WHERE type = 'table'").fetchall() == []


def test_explain_weighted_stratum_lists_its_unweighted_postings_with_their_occupation(
    build_golden_db: Callable[[], sqlite_utils.Database],
) -> None:
    options = {"weight": "occupation", "reference": str(REFERENCES / "occupation.csv")}
    result = explain(build_golden_db(), "weighted/stratum/11", **options)
    assert [p["source_id"] for p in result["postings"]] == ["p9", "p10"]  # p11 has no occupation
    assert result["postings"][0]["evidence"]["occupation"] == {
        "soc_code": "11-2021.00", "soc_title": "Marketing Managers", "soc_major": "11", "major_group": "Management"
    }  # fmt: skip
    assert "the weights are in the figure" in result["definition"]
    assert "occupation 11-2021.00 Marketing Managers (11 Management)" in to_text(result)
    overall = explain(build_golden_db(), "weighted/all", **options)
    assert (len(overall["numerator"]), overall["n"]) == (5, 13)
    with pytest.raises(ValueError, match="no row"):
        explain(build_golden_db(), "weighted/all")  # unweighted: the figure has no rows
