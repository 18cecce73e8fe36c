"""The views over a database holding hostile values (``build_hostile_db``): never an infinity or NaN, and dates
outside 1990-2100 are unknown."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
import sqlite_utils

from store.views import VIEWS


@pytest.fixture(scope="module")
def hostile(build_hostile_db: Callable[..., sqlite_utils.Database]) -> sqlite_utils.Database:
    return build_hostile_db()


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_views_hostile_hold_only_finite_numbers(hostile: sqlite_utils.Database, view: str) -> None:
    rows = hostile.execute(f"SELECT * FROM {view}").fetchall()
    assert all(math.isfinite(v) for r in rows for v in r if isinstance(v, float))


def test_views_hostile_salary_bands_use_plausible_pay_only(hostile: sqlite_utils.Database) -> None:
    [(n, low, high)] = hostile.execute("SELECT n, min_pay, max_pay FROM salary_bands").fetchall()
    assert (n, low, high) == (25, 110_000, 130_000)


def test_views_hostile_weeks_are_within_the_window(hostile: sqlite_utils.Database) -> None:
    weeks = {w for (w,) in hostile.execute("SELECT DISTINCT week FROM jobs")}
    assert weeks == {"2026-W47", None}
