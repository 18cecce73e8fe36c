"""Statistics helpers: Wilson intervals, type-7 percentiles, the O(1) bootstrap median."""

from __future__ import annotations

import random
import statistics

import pytest

from report.stats import median, median_sampler, percentile, wilson_interval


@pytest.mark.parametrize(
    ("count", "n", "low", "high"),
    [
        (4, 9, 0.1888, 0.7333),
        (7, 13, 0.2914, 0.7679),
        (0, 10, 0.0, 0.2775),
        (10, 10, 0.7225, 1.0),
        (50, 100, 0.4038, 0.5962),
    ],
)
def test_wilson_interval_known_values(count: int, n: int, low: float, high: float) -> None:
    assert wilson_interval(count, n) == pytest.approx((low, high), abs=5e-4)


def test_wilson_interval_of_nothing_is_none() -> None:
    assert wilson_interval(0, 0) == (None, None)


def test_wilson_interval_rejects_count_above_n() -> None:
    with pytest.raises(ValueError):
        wilson_interval(3, 2)


@pytest.mark.parametrize(
    "values",
    [[1.0, 2.0], [3.0, 1.0, 2.0], [100_000.0, 110_000.0, 120_000.0, 124_800.0, 130_000.0, 140_000.0],
     [5.0, 5.0, 5.0, 7.0], [float(i * i) for i in range(1, 12)]],
)  # fmt: skip
def test_percentile_matches_statistics_quantiles_inclusive(values: list[float]) -> None:
    ordered = sorted(values)
    expected = statistics.quantiles(ordered, n=4, method="inclusive")
    assert [percentile(ordered, q) for q in (0.25, 0.5, 0.75)] == pytest.approx(expected)


@pytest.mark.parametrize(
    ("values", "q", "expected"), [([7.0], 0.25, 7.0), ([1.0, 3.0], 0.0, 1.0), ([1.0, 3.0], 1.0, 3.0)]
)
def test_percentile_edges(values: list[float], q: float, expected: float) -> None:
    assert percentile(values, q) == expected


@pytest.mark.parametrize(("values", "q"), [([], 0.5), ([1.0], 1.5)])
def test_percentile_rejects_bad_input(values: list[float], q: float) -> None:
    with pytest.raises(ValueError):
        percentile(values, q)


@pytest.mark.parametrize("values", [[1.0, 2.0, 4.0, 8.0, 16.0], [1.0, 2.0, 4.0, 8.0, 16.0, 32.0]])
def test_median_sampler_matches_brute_force_resampling(values: list[float]) -> None:
    draw = median_sampler(values)
    fast_rng, slow_rng = random.Random(1), random.Random(2)
    fast = [draw(fast_rng) for _ in range(20_000)]
    slow = [median(sorted(slow_rng.choices(values, k=len(values)))) for _ in range(20_000)]
    assert statistics.fmean(fast) == pytest.approx(statistics.fmean(slow), rel=0.02)
    assert statistics.pstdev(fast) == pytest.approx(statistics.pstdev(slow), rel=0.05)
    assert set(fast) <= {median(sorted([a, b])) for a in values for b in values} | set(values)
