"""The role grid on the golden database: counts, shares, suppression, pay and the premium worked out by hand."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import sqlite_utils

from report import build_report
from report.figure import Options
from report.role_grid import markdown, premium_of, role_grid
from report.scope import Scope, drop, materialize


def _grid(db: sqlite_utils.Database, keys: tuple[str, ...], min_n: int) -> list[dict[str, Any]]:
    materialize(db, Scope())
    try:
        return role_grid(db, Options(min_n=min_n), keys)
    finally:
        drop(db)


def test_role_grid_lists_every_role(build_golden_db: Callable[[], sqlite_utils.Database]) -> None:
    grid = build_report(build_golden_db(), min_n=3)["role_grid"]
    rows = {r["id"]: (r["n"], r["ai"], r["ai_share"], r["disclosed"]) for r in grid}
    assert rows == {
        "role_grid/engineering/backend engineer": (5, 0, 0.0, 5),  # p4 p5 p6 p7 p13
        "role_grid/engineering/ai engineer": (4, 4, 1.0, 4),  # p1 p2 p3 p8
        "role_grid/marketing/marketing manager": (3, 1, 0.333333, 1),  # p9 p10 p11; p9's pay is an estimate
        # SOC major groups: 15 the engineers, 11 p9 p10 (p11 has no occupation), 41 p12 (no role)
        "role_grid/soc_major=15": (9, 4, 0.444444, 9),
        "role_grid/soc_major=11": (2, 1, None, 0),
        "role_grid/soc_major=41": (1, 0, None, 0),
    }
    assert grid[1]["ci_low"] == pytest.approx(0.510109)  # Wilson 4 of 4
    assert [(r["by"], r["major_group"]) for r in grid[3:]] == [
        ("soc_major", "Computer and Mathematical"),
        ("soc_major", "Management"),
        ("soc_major", "Sales and Related"),
    ]
    assert "| 41 Sales and Related | 1 | suppressed (n=1) |" in "\n".join(markdown({"role_grid": grid}))


def test_role_grid_suppresses_small_rows(build_golden_db: Callable[[], sqlite_utils.Database]) -> None:
    report = build_report(build_golden_db(), min_n=4)
    marketing = [r for r in report["role_grid"] if r["by"] == "role"][-1]
    assert marketing["suppressed"] and marketing["ai_share"] is None and marketing["disclosure_rate"] is None
    assert "suppressed (n=3)" in "\n".join(markdown(report))


def test_role_grid_pay_by_seniority(build_golden_db: Callable[[], sqlite_utils.Database]) -> None:
    grid = {r["role"]: r for r in build_report(build_golden_db(), min_n=3)["role_grid"]}
    pay = {(c["currency"], c["seniority"]): (c["n"], c["median"]) for c in grid["ai engineer"]["pay"]}
    assert pay == {("USD", "entry"): (3, 130_000.0), ("EUR", "senior"): (1, None)}


def test_role_grid_premium_by_function(build_golden_db: Callable[[], sqlite_utils.Database]) -> None:
    # engineering × entry × USD: AI p1 130K, p2 140K, p3 124.8K (median 130K); others p4 110K, p5 100K,
    # p6 120K (median 110K): 130/110 - 1. senior × EUR: AI p8 110K over p7 90K.
    grid = _grid(build_golden_db(), ("function",), min_n=1)
    premium = {p["currency"]: p for p in grid[0]["premium"]}
    assert grid[0]["id"] == "role_grid/engineering"
    assert premium["USD"]["premium"] == pytest.approx(130 / 110 - 1, abs=1e-6)
    assert premium["EUR"]["premium"] == pytest.approx(110 / 90 - 1, abs=1e-6)


@pytest.mark.parametrize(
    ("cells", "min_n", "expected"),
    [
        ([([2.0, 4.0], [2.0])], 1, 0.5),
        ([([2.0], [1.0]), ([3.0, 3.0], [3.0])], 1, (1 * 1.0 + 2 * 0.0) / 3),
        ([([2.0], [1.0])], 2, None),
    ],
)
def test_premium_of_weights_used_cells_by_ai_postings(
    cells: list[tuple[list[float], list[float]]], min_n: int, expected: float | None
) -> None:
    premium = premium_of(cells, min_n)["premium"]
    assert premium == (None if expected is None else pytest.approx(expected, abs=1e-6))
