"""extract.salary.magnitude: plausible magnitudes and the limits on pay read from text."""

from __future__ import annotations

import pytest

from extract.salary.magnitude import infer_period, plausible, reinterpret, within_limits


@pytest.mark.parametrize(
    ("low", "high", "period", "currency"),
    [
        (9_500, 9_500, "year", "USD"),  # a benefit stated per year, not a salary
        (8_000, 9_000, "year", None),  # no currency: lenient limits, as it may be any currency
        (7_000, 7_000, "year", "GBP"),
        (60_000, 60_000, "year", "INR"),
        (650, 800, "hour", "USD"),
        (400, 400, "hour", "EUR"),
        (100_000, 100_000, "year", "PHP"),  # no row: a share of its typical salary
    ],
)
def test_within_limits_flags_implausible_values_by_period(
    low: float, high: float, period: str, currency: str | None
) -> None:
    assert plausible(low, high, period, currency)  # the wide band alone lets them through
    assert not within_limits(low, high, period, currency)


@pytest.mark.parametrize(
    ("low", "high", "period", "currency"),
    [
        (16_000, 18_000, "year", "USD"),
        (265, 290, "hour", "USD"),  # a physician's rate
        (11_000, 11_000, "year", "GBP"),
        (12_500, 14_000, "year", None),
        (9_000, 9_000, "month", "USD"),  # the floor is for yearly figures only
        (450_000, 600_000, "year", "INR"),
        (3, 3, "hour", "USD"),  # the ceiling is for hourly figures; the band judges the rest
    ],
)
def test_within_limits_keeps_ordinary_pay(low: float, high: float, period: str, currency: str | None) -> None:
    assert within_limits(low, high, period, currency)


@pytest.mark.parametrize("value", [3, 40, 600, 2_500, 9_000, 14_000, 60_000, 150_000])
@pytest.mark.parametrize("currency", ["USD", "GBP", "INR", None])
def test_infer_period_with_limits_reads_only_within_them(value: float, currency: str | None) -> None:
    period = infer_period(value, value, currency, limits=True)
    assert period is None or within_limits(value, value, period, currency)


@pytest.mark.parametrize(
    ("low", "high", "period"),
    [
        (1e308, 1e308, "year"),
        (5e-324, 5e-324, "year"),
        (float("inf"), float("inf"), "hour"),
        (1e15, 2e15, "month"),
    ],
)
def test_reinterpret_finds_no_reading_for_impossible_values(low: float, high: float, period: str) -> None:
    assert not plausible(low, high, period, "USD")
    assert reinterpret(low, high, period, "USD") is None
