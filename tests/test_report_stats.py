"""Statistics helpers: Wilson and Newcombe intervals, type-7 percentiles, the O(1) bootstrap median."""

from __future__ import annotations

import random
import statistics

import pytest

from report.stats import (
    median,
    median_difference_interval,
    median_sampler,
    newcombe_interval,
    percentile,
    verdict,
    wilson_interval,
)


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


@pytest.mark.parametrize(
    ("x1", "n1", "x2", "n2", "low", "high"),
    [
        # Newcombe (1998), Statistics in Medicine 17:873-890, Table II, method 10 (hybrid score)
        (56, 70, 48, 80, 0.0524, 0.3339),
        (9, 10, 3, 10, 0.1705, 0.8090),
        (6, 7, 2, 7, 0.0582, 0.8062),
        (5, 56, 0, 29, -0.0381, 0.1926),
        (0, 10, 0, 20, -0.1611, 0.2775),
        (10, 10, 0, 20, 0.6791, 1.0000),
    ],
)
def test_newcombe_interval_known_values(x1: int, n1: int, x2: int, n2: int, low: float, high: float) -> None:
    assert newcombe_interval(x1, n1, x2, n2) == pytest.approx((low, high), abs=1e-4)


def test_newcombe_interval_by_hand() -> None:
    """0 of 1 against 3 of 4: d = −0.75; Wilson(0 of 1) = (0, z²/(1 + z²)) = (0, 0.793451) and Wilson(3 of 4) =
    (0.300642, 0.954413), so the interval is d − (u₂ − 0.75) = −u₂ to d + √(0.793451² + (0.75 − 0.300642)²)."""
    low, high = newcombe_interval(0, 1, 3, 4)
    assert low == pytest.approx(-0.954413, abs=1e-6)
    assert high == pytest.approx(-0.75 + (0.793451**2 + (0.75 - 0.300642) ** 2) ** 0.5, abs=1e-6)
    assert newcombe_interval(1, 0, 1, 2) == (None, None)


def test_median_difference_interval_by_hand() -> None:
    """Resampling [0, 10] twice gives the median 0, 5 or 10 with probabilities 1/4, 1/2, 1/4; [0] always gives 0.

    The difference is 0 or 10 a quarter of the time each, so the 2.5th and 97.5th percentiles of 1,000 draws are
    0 and 10; a single value against a single value has no spread at all.
    """
    assert median_difference_interval([0.0, 10.0], [0.0], seed=3) == (0.0, 10.0)
    assert median_difference_interval([7.0], [4.0]) == (3.0, 3.0)
    assert median_difference_interval([1.0, 2.0, 3.0], [1.0, 5.0], seed=1) == median_difference_interval(
        [1.0, 2.0, 3.0], [1.0, 5.0], seed=1
    )


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [(-0.1, 0.2, "no significant change"), (0.0, 0.2, "no significant change"), (0.01, 0.2, "up"),
     (-0.3, -0.01, "down"), (None, 0.1, None)],
)  # fmt: skip
def test_verdict_says_no_significant_change_when_the_interval_spans_zero(
    low: float | None, high: float | None, expected: str | None
) -> None:
    assert verdict(low, high) == expected
