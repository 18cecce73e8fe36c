"""extract.salary.periods: annualizing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.model import PERIODS
from extract.salary import annualize


@pytest.mark.parametrize(
    ("value", "period", "expected"),
    [(50, "hour", 104000), (400, "day", 104000), (2000, "week", 104000), (9000, "month", 108000),
     (120000, "year", 120000)],
)  # fmt: skip
def test_annualize_uses_working_time_conventions(value: float, period: str, expected: float) -> None:
    assert annualize(value, period) == expected


def test_annualize_rejects_unknown_period() -> None:
    with pytest.raises(ValueError):
        annualize(10, "fortnight")


@given(st.floats(min_value=0, max_value=1e7), st.sampled_from(PERIODS))
def test_annualize_scales_linearly(value: float, period: str) -> None:
    assert annualize(value, period) == pytest.approx(value * annualize(1, period))
