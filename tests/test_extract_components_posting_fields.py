"""The salary component: which pay a posting gets when a structured field and the text both speak."""

from __future__ import annotations

import pytest

from extract.analyze import analyze
from extract.inputs import raw_from_record
from extract.model import RawPosting, Salary
from extract.pipeline import build_nlp

WITHHELD = Salary(150000, 180000, "USD", "year", source="ashby.compensation", withheld=True)
SHOWN = Salary(150000, 180000, "USD", "year", source="ashby.compensation")


@pytest.mark.parametrize(
    ("structured", "description", "expected_source", "withheld"),
    [
        # Withheld by the employer, but the posting's own text states pay: that pay is disclosed.
        (WITHHELD, "The base salary range for this role is $140,000 - $170,000 per year.", "text", False),
        # Withheld and the text is silent: kept, still flagged.
        (WITHHELD, "Join our platform team and build data pipelines.", "ashby.compensation", True),
        # A shown structured field wins over the text.
        (
            SHOWN,
            "The base salary range for this role is $140,000 - $170,000 per year.",
            "ashby.compensation",
            False,
        ),
    ],
)
def test_salary_component_text_pay_replaces_withheld_field(
    structured: Salary, description: str, expected_source: str, withheld: bool
) -> None:
    raw = RawPosting("ashby", "1", "Data Engineer", description, "2026-11-24T00:00:00Z", salary=structured)
    [posting] = analyze([raw], build_nlp())
    assert posting.salary is not None
    assert (posting.salary.source, posting.salary.withheld) == (expected_source, withheld)


@pytest.mark.parametrize(
    ("record", "currency"),
    [
        ({"location": "Harrogate", "country": "United Kingdom"}, "GBP"),
        ({"location": "Reading, UK"}, "GBP"),
        ({"location": "Boise, ID"}, "USD"),
        ({"country": "Polska"}, "PLN"),
        ({}, None),
    ],
)
def test_salary_component_takes_the_currency_of_the_posting_place(
    record: dict[str, str], currency: str | None
) -> None:
    raw = raw_from_record({"body": "Pay: 29000 - 33500 per year, paid monthly.", **record})
    [posting] = analyze([raw], build_nlp())
    assert posting.salary is not None
    assert (posting.salary.min, posting.salary.currency) == (29000, currency)
