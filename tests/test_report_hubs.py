"""Function hubs: the Newcombe interval (golden values), significant changes only, and the golden hubs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import sqlite_utils

from report import build_report
from report.hubs import changes, markdown, newcombe, slug, what_changed


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # Newcombe (1998), Statistics in Medicine 17:873, table II example (a): 56/70 vs 48/80, method 10.
        ((48, 80, 56, 70), (0.2, 0.0524, 0.3339)),
        # example (b): 9/10 vs 3/10.
        ((3, 10, 9, 10), (0.6, 0.1705, 0.8090)),
    ],
)
def test_newcombe_matches_published_values(
    args: tuple[int, int, int, int], expected: tuple[float, ...]
) -> None:
    assert newcombe(*args) == pytest.approx(expected, abs=1e-4)


def _week(week: str, n: int, ai: int, disclosed: int) -> dict[str, Any]:
    return {"week": week, "postings": n, "ai": ai, "disclosed": disclosed, "ai_share": ai / n if n else None,
            "disclosure_rate": disclosed / n if n else None}  # fmt: skip


def test_changes_keep_only_intervals_excluding_zero() -> None:
    trend = [_week("2026-W01", 100, 10, 50), _week("2026-W02", 100, 40, 52), _week("2026-W03", 0, 0, 0),
             _week("2026-W04", 100, 12, 50)]  # fmt: skip
    found = changes(trend)
    assert [(c["measure"], c["from_week"], c["to_week"]) for c in found] == [
        ("ai_share", "2026-W01", "2026-W02")
    ]
    hub = {"changes": found}
    assert what_changed(hub, set())[0].startswith("AI share rose from 10.0% in 2026-W01 to 40.0% in 2026-W02")
    assert what_changed(hub, {"2026-W02"})[0].startswith("No significant")


@pytest.mark.parametrize(
    ("name", "expected"),
    [("engineering", "engineering"), ("<script>alert(1)</script>", "function-")],
)
def test_slug_is_the_function_or_a_digest(name: str, expected: str) -> None:
    assert slug(name).startswith(expected) and "<" not in slug(name)


def test_hubs_of_the_golden_database(build_golden_db: Callable[[], sqlite_utils.Database]) -> None:
    report = build_report(build_golden_db(), min_n=1)
    hubs = report["hubs"]
    assert list(hubs) == ["engineering", "marketing"]
    eng = hubs["engineering"]
    assert eng["adoption"]["n"] == 9 and eng["adoption"]["required"] == pytest.approx(3 / 9, abs=1e-6)
    assert [(s["skill"], s["count"]) for s in eng["ai_skills"]] == [("RAG", 3), ("Pinecone", 2)]
    assert eng["top_skills"][0]["skill"] == "Python" and eng["top_skills"][0]["count"] == 6
    assert [c["premium"] for c in eng["premium_cells"] if c["used"]] == [
        pytest.approx(130 / 110 - 1, abs=1e-6), pytest.approx(110 / 90 - 1, abs=1e-6)
    ]  # fmt: skip
    assert [(w["week"], w["postings"]) for w in eng["trend"][:3]] == [
        ("2026-W46", 2),
        ("2026-W47", 4),
        ("2026-W48", 1),
    ]
    text = "\n".join(markdown(report))
    assert "### engineering" in text and "What changed: No significant" in text


def test_hub_skills_agree_from_either_side(build_golden_db: Callable[[], sqlite_utils.Database]) -> None:
    # The whole scope counts skill by skill; a segment of under a quarter of the postings walks its own.
    db = build_golden_db()
    whole = build_report(db, min_n=1)["hubs"]["engineering"]
    part = build_report(db, min_n=1, segment="function=engineering & seniority=senior")["hubs"]["engineering"]
    assert [(s["skill"], s["count"]) for s in whole["top_skills"]] == [
        ("Python", 6), ("AWS", 3), ("Docker", 3), ("RAG", 3), ("GCP", 2), ("Pinecone", 2)
    ]  # fmt: skip
    assert [(s["skill"], s["count"]) for s in part["top_skills"]] == [
        ("GCP", 1), ("Pinecone", 1), ("Python", 1), ("RAG", 1)  # p7 and p8, the senior engineers
    ]  # fmt: skip
