"""extract.salary.fields: structured pay fields of every vendor."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.salary import salary_from_fields


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # Lever intervals
        ((120000, 150000, "USD", "per-year-salary"), (120000, 150000, "USD", "year")),
        ((38, 45, "USD", "per-hour-wage"), (38, 45, "USD", "hour")),
        ((6000, 7000, "EUR", "per-month-salary"), (6000, 7000, "EUR", "month")),
        # Ashby intervals
        ((211400, 290600, "USD", "1 YEAR"), (211400, 290600, "USD", "year")),
        ((52, 61, "USD", "1 HOUR"), (52, 61, "USD", "hour")),
        ((9000, 9500, "GBP", "1 MONTH"), (9000, 9500, "GBP", "month")),
        ((3000, 3600, "USD", "2 WEEK"), (1500, 1800, "USD", "week")),
        ((2200, 2600, "EUR", "0.5 MONTH"), (4400, 5200, "EUR", "month")),
        # JSON-LD unitText, values as strings
        (("120000", "150000", "USD", "YEAR"), (120000, 150000, "USD", "year")),
        ((42, 48, "USD", "HOUR"), (42, 48, "USD", "hour")),
        ((450, 450, "GBP", "DAY"), (450, 450, "GBP", "day")),
        ((1900, 2100, "USD", "WEEK"), (1900, 2100, "USD", "week")),
        ((9000, None, "USD", "MONTH"), (9000, 9000, "USD", "month")),
        # Recruitee periods
        (("4000", "5500", "EUR", "month"), (4000, 5500, "EUR", "month")),
        (("60,000.00", "70,000.00", "eur", "year"), (60000, 70000, "EUR", "year")),
        # USAJOBS RateIntervalCode
        (("117962.0", "153354.0", "USD", "PA"), (117962, 153354, "USD", "year")),
        (("31.50", "40.95", "USD", "PH"), (31.5, 40.95, "USD", "hour")),
        (("250", "300", "USD", "PD"), (250, 300, "USD", "day")),
        (("4000", "4600", "USD", "BW"), (2000, 2300, "USD", "week")),
        (("8000", "9000", "USD", "PM"), (8000, 9000, "USD", "month")),
        # reversed range is swapped
        ((150000, 120000, "USD", "1 YEAR"), (120000, 150000, "USD", "year")),
    ],
)
def test_salary_from_fields_normalizes_vendor_periods(
    args: tuple[object, object, object, object], expected: tuple[float, float, str, str]
) -> None:
    salary = salary_from_fields(*args, source="test")
    assert salary is not None
    assert (salary.min, salary.max, salary.currency, salary.period) == pytest.approx(expected)
    assert salary.source == "test"


@pytest.mark.parametrize(
    "args",
    [
        (0, 0, "USD", "1 YEAR"),
        (None, None, "USD", "YEAR"),
        (-5, 10, "USD", "HOUR"),
        ("", "", "USD", "YEAR"),
        ("n/a", "tbd", "USD", "YEAR"),
        (15, 15, "USD", "PW"),  # USAJOBS piece work
        (0, 0, "USD", "WC"),  # without compensation
    ],
)
def test_salary_from_fields_rejects_empty_or_invalid(args: tuple[object, object, object, object]) -> None:
    assert salary_from_fields(*args, source="test") is None


@pytest.mark.parametrize(
    ("args", "expected", "note_word"),
    [
        ((100, 130, "CAD", "per-year-salary"), (100000, 130000, "year"), "x1000"),
        ((45, 45, "USD", "YEAR"), (45, 45, "hour"), "hour"),
        ((125000, 125000, "USD", "1 HOUR"), (125000, 125000, "year"), "year"),
        ((150000, 120000, "USD", "YEAR"), (120000, 150000, "year"), "swapped"),
    ],
)
def test_salary_from_fields_flags_implausible_magnitudes(
    args: tuple[object, object, object, object], expected: tuple[float, float, str], note_word: str
) -> None:
    salary = salary_from_fields(*args, source="test")
    assert salary is not None
    assert (salary.min, salary.max, salary.period) == expected
    assert salary.note and note_word in salary.note


@pytest.mark.parametrize(
    ("low", "high", "label", "period", "kind"),
    [
        (180000, 220000, "NYC Salary Range", "year", "base"),
        (28.10, 34.50, "Hourly Pay Range", "hour", "base"),
        (31, 37, "", "hour", "base"),  # no label: the magnitude says hourly
        (160000, 240000, "OTE range", "year", "ote"),
        (150000, 200000, "Base + commission", "year", "ote"),
    ],
)
def test_salary_from_fields_reads_greenhouse_labels(
    low: float, high: float, label: str, period: str, kind: str
) -> None:
    salary = salary_from_fields(low, high, "USD", None, source="greenhouse.pay_input_ranges", label=label)
    assert salary is not None
    assert (salary.period, salary.kind) == (period, kind)


def test_salary_from_fields_keeps_estimated_flag() -> None:
    salary = salary_from_fields(90000, 110000, "USD", "YEAR", source="test", estimated=True)
    assert salary is not None and salary.estimated


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True), st.integers(), st.text(max_size=12)),
    st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True), st.integers(), st.text(max_size=12)),
    st.one_of(st.none(), st.sampled_from(["USD", "eur", "£", "XYZ", ""]), st.text(max_size=4)),
    st.one_of(
        st.none(), st.sampled_from(["per-year-salary", "1 HOUR", "2 WEEK", "PA", "BW", "MONTH"]), st.text()
    ),
)
def test_salary_from_fields_never_raises_and_keeps_invariants(
    salary_invariants: Callable[[object], None], low: object, high: object, currency: object, period: object
) -> None:
    salary = salary_from_fields(low, high, currency, period, source="prop")
    if salary is not None:
        salary_invariants(salary)
        assert salary.min > 0


@pytest.mark.parametrize(
    ("low", "high"),
    [
        (10**400, 10**400),  # a 400-digit integer from JSON: float() would overflow
        (-(10**400), 10**400),
        ("9" * 400, None),
        ("1e309", None),
        ("1E309", "1e309"),
        (5e-324, 5e-324),
        (1e308, 1e308),
        (float("nan"), float("inf")),
        (float("inf"), None),
        ({"value": 90000}, [120000]),
    ],
)
def test_salary_from_fields_rejects_impossible_values(low: object, high: object) -> None:
    assert salary_from_fields(low, high, "USD", "YEAR", source="test") is None


@pytest.mark.parametrize(
    ("currency", "period", "label"),
    [
        ({"code": "USD"}, {"unit": "YEAR"}, {"text": "Salary"}),
        (["USD"], ["YEAR"], ["Salary"]),
        (7, 1, 3),
        (None, True, None),
    ],
)
def test_salary_from_fields_reads_any_json_without_raising(
    currency: object, period: object, label: object
) -> None:
    salary = salary_from_fields(97000, 118000, currency, period, source="test", label=label)  # type: ignore[arg-type]
    assert salary is not None
    assert (salary.min, salary.max, salary.period, salary.currency) == (97000, 118000, "year", None)


def test_salary_from_fields_reads_scientific_notation() -> None:
    salary = salary_from_fields("1.05e5", "1.3E5", "USD", "YEAR", source="test")
    assert salary is not None
    assert (salary.min, salary.max) == (105000, 130000)
